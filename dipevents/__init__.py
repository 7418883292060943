"""dipevents: reports of diplomatic acts as a clean, typed, queryable dataset.

Public names are loaded on first use, so ``import dipevents`` stays fast and reads no
reference table.

>>> import dipevents
>>> dipevents.countries.to_iso3("Tirana")
'ALB'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it; submodules map to themselves.
_LAZY: dict[str, str] = {
    # reference tables
    "countries": "dipevents.countries",
    "igos": "dipevents.igos",
    "vocabulary": "dipevents.vocabulary",
    # schema
    "SCHEMA_VERSION": "dipevents.schema",
    "ActorType": "dipevents.schema",
    "Dataset": "dipevents.schema",
    "DatePrecision": "dipevents.schema",
    "Event": "dipevents.schema",
    "EventRecord": "dipevents.schema",
    "Mention": "dipevents.schema",
    "Salience": "dipevents.schema",
    "arrow_schema": "dipevents.arrowschema",
    # parsing
    "parse_file": "dipevents.parsing",
    "parse_text": "dipevents.parsing",
    # storage
    "EventStore": "dipevents.store",
    "IngestReport": "dipevents.store",
    "default_store_path": "dipevents.store",
    # questions
    "Answer": "dipevents.questions",
    "ask": "dipevents.questions",
    "condemners": "dipevents.query",
    "dyad_counts": "dipevents.query",
    "find_events": "dipevents.query",
    "reactions": "dipevents.query",
    "sql": "dipevents.query",
    "supporters": "dipevents.query",
    "timeline": "dipevents.query",
    # importers
    "ImportReport": "dipevents.importers",
    "import_gdelt": "dipevents.importers",
    "import_icews": "dipevents.importers",
    "import_plover": "dipevents.importers",
    "read_gdelt": "dipevents.importers",
    "read_icews": "dipevents.importers",
    "read_plover": "dipevents.importers",
    # evaluation
    "EvalReport": "dipevents.evaluation",
    "GoldSet": "dipevents.evaluation",
    "evaluate": "dipevents.evaluation",
    "load_gold": "dipevents.evaluation",
    # errors
    "CorruptFileError": "dipevents.errors",
    "DipeventsError": "dipevents.errors",
    "ImportFormatError": "dipevents.errors",
    "ParseError": "dipevents.errors",
    "QueryError": "dipevents.errors",
    "SchemaVersionError": "dipevents.errors",
    "StoreError": "dipevents.errors",
    "StoreLockedError": "dipevents.errors",
    "UnknownActionError": "dipevents.errors",
    "UnknownCodeError": "dipevents.errors",
    "UnknownCountryError": "dipevents.errors",
    "UnknownIGOError": "dipevents.errors",
    "ValidationError": "dipevents.errors",
}

__all__ = sorted([*_LAZY, "__version__"])

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from dipevents import countries, igos, vocabulary  # noqa: F401
    from dipevents.arrowschema import arrow_schema  # noqa: F401
    from dipevents.errors import (  # noqa: F401
        CorruptFileError,
        DipeventsError,
        ImportFormatError,
        ParseError,
        QueryError,
        SchemaVersionError,
        StoreError,
        StoreLockedError,
        UnknownActionError,
        UnknownCodeError,
        UnknownCountryError,
        UnknownIGOError,
        ValidationError,
    )
    from dipevents.evaluation import EvalReport, GoldSet, evaluate, load_gold  # noqa: F401
    from dipevents.schema import (  # noqa: F401
        SCHEMA_VERSION,
        ActorType,
        Dataset,
        DatePrecision,
        Event,
        EventRecord,
        Mention,
        Salience,
    )
    from dipevents.store import EventStore, IngestReport, default_store_path  # noqa: F401


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'dipevents' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    value = module if module_name.rsplit(".", 1)[-1] == name else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
