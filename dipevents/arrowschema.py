"""Arrow schemas derived from the pydantic models, so Parquet columns never drift from them.

>>> from dipevents.schema import Event
>>> arrow_schema(Event).field("date").type
DataType(date32[day])
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import types
import typing
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from dipevents.schema import SCHEMA_VERSION

__all__ = ["arrow_schema", "schema_fingerprint"]

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    dt.datetime: pa.timestamp("us", tz="UTC"),
}
_NAMED: dict[str, pa.DataType] = {"int8": pa.int8(), "int16": pa.int16(), "int32": pa.int32()}


def _arrow_type(annotation: Any, override: str | None) -> tuple[pa.DataType, bool]:
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) != len(typing.get_args(annotation))
        if len(args) != 1:
            raise TypeError(f"cannot map union {annotation!r} to Arrow")
        annotation = args[0]
    if override:
        return _NAMED[override], nullable
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        # Enums are stored as their string values: readable in SQL, stable across releases.
        return pa.string(), nullable
    if annotation in _SCALARS:
        return _SCALARS[annotation], nullable
    raise TypeError(f"no Arrow type for {annotation!r}")


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The Arrow schema of ``model``: one column per field, in field order.

    The schema's metadata carries ``dipevents.schema_version`` and a fingerprint of the
    fields, which the store writes into every Parquet file.
    """
    fields = []
    for name, info in model.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        override = extra.get("arrow")
        pa_type, nullable = _arrow_type(info.annotation, override if isinstance(override, str) else None)
        meta = {"description": info.description} if info.description else None
        fields.append(pa.field(name, pa_type, nullable=nullable, metadata=meta))
    schema = pa.schema(fields)
    return schema.with_metadata(
        {
            "dipevents.schema_version": SCHEMA_VERSION,
            "dipevents.schema_hash": schema_fingerprint(schema),
            "dipevents.model": model.__name__,
        }
    )


def schema_fingerprint(schema: pa.Schema) -> str:
    """Hash of the column names, types and nullability: changes exactly when the layout does."""
    layout = [[f.name, str(f.type), f.nullable] for f in schema]
    return hashlib.sha256(json.dumps(layout).encode()).hexdigest()[:16]
