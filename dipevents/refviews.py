"""Reference tables as DuckDB views: ``actions``, ``countries`` and ``igos``.

The store calls :func:`register` on every connection it opens, so SQL over ``events``
can join the vocabulary's CAMEO/PLOVER crosswalk and the country code crosswalk
(ISO3, COW, Gleditsch-Ward, CAMEO, names, regions). Each table is built once per
process as an Arrow table and handed to DuckDB without copying; no query loops in
Python.

>>> import duckdb
>>> con = duckdb.connect()
>>> register(con)
>>> con.sql("SELECT cameo, plover_type FROM actions WHERE action = 'sever_ties'").fetchall()
[('161', 'SANCTION')]
>>> con.sql("SELECT cow_code FROM countries WHERE iso3 = 'ALB'").fetchall()
[(339,)]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import cache
from typing import Any

import duckdb
import pyarrow as pa

__all__ = ["REFERENCE_VIEWS", "actions_table", "countries_table", "igos_table", "register"]

#: Names of the views :func:`register` creates.
REFERENCE_VIEWS = ("actions", "countries", "igos")

# Integer code columns: blank in the CSV means "the country has no such code", so NULL.
_INT_COLUMNS = frozenset({"iso_numeric", "cow_code", "gw_code"})


@cache
def actions_table() -> pa.Table:
    """The action vocabulary with its CAMEO/PLOVER crosswalk, one row per action."""
    from dipevents import vocabulary

    acts = vocabulary.actions()
    return pa.table(
        {
            "action": pa.array([a.action for a in acts], pa.string()),
            "level": pa.array([a.level for a in acts], pa.string()),
            "children": pa.array([list(a.children) for a in acts], pa.list_(pa.string())),
            "label": pa.array([a.label for a in acts], pa.string()),
            "definition": pa.array([a.definition for a in acts], pa.string()),
            "cameo": pa.array([a.cameo for a in acts], pa.string()),
            "cameo_alt": pa.array([a.cameo_alt for a in acts], pa.string()),
            "quad_class": pa.array([a.quad_class for a in acts], pa.int8()),
            "goldstein": pa.array([a.goldstein for a in acts], pa.float64()),
            "plover_type": pa.array([a.plover_type for a in acts], pa.string()),
            "plover_mode": pa.array([a.plover_mode for a in acts], pa.string()),
            "plover_context": pa.array([a.plover_context for a in acts], pa.string()),
        }
    )


@cache
def countries_table() -> pa.Table:
    """The country code crosswalk, one row per country (from ``dipevents.countries``)."""
    from dipevents import countries

    return _records_table(countries.all_countries())


@cache
def igos_table() -> pa.Table:
    """International organisations, one row per IGO (from ``dipevents.igos``)."""
    from dipevents import igos

    return _records_table(igos.all_igos())


def register(con: duckdb.DuckDBPyConnection) -> None:
    """Create the views ``actions``, ``countries`` and ``igos`` on ``con``.

    Safe to call again on the same connection (the views are replaced). Works on
    read-only connections too: the views live in the connection, not in a file.
    """
    con.register("actions", actions_table())
    con.register("countries", countries_table())
    con.register("igos", igos_table())


def _records_table(records: Iterable[Any]) -> pa.Table:
    rows = [_as_dict(r) for r in records]
    if not rows:
        raise ValueError("reference table is empty")
    columns: dict[str, pa.Array] = {}
    for name in rows[0]:
        values = [_cell(row.get(name)) for row in rows]
        columns[name] = _column(name, values)
    return pa.table(columns)


def _as_dict(record: Any) -> dict[str, Any]:
    # The reference modules return frozen dataclasses; accept mappings and named tuples too.
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    if isinstance(record, dict):
        return dict(record)
    if hasattr(record, "_asdict"):
        return dict(record._asdict())
    if hasattr(record, "model_dump"):
        return dict(record.model_dump())
    return dict(vars(record))


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value == "":
        return None
    if isinstance(value, (tuple, frozenset, set)):
        return sorted(value) if isinstance(value, (frozenset, set)) else list(value)
    return value


def _column(name: str, values: list[Any]) -> pa.Array:
    if name in _INT_COLUMNS:
        return pa.array([None if v is None else int(v) for v in values], pa.int32())
    if any(isinstance(v, list) for v in values):
        return pa.array([None if v is None else [str(x) for x in v] for v in values], pa.list_(pa.string()))
    if all(v is None or isinstance(v, str) for v in values):
        return pa.array(values, pa.string())
    return pa.array(values)
