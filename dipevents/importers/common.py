"""What every importer shares: the report, vectorised lookups, dates, and Event batch assembly.

Each importer turns its source rows into a *standard* Arrow table (one column per piece of
evidence, see :data:`STANDARD_COLUMNS`), maps codes through lookup tables built once per
distinct code, and hands the table to :func:`split_batch`, which routes every row either to
an Event batch or, with a reason, to the unmapped rows. Nothing here loops over rows in
Python.

>>> report = ImportReport("gdelt")
>>> report.count_unmapped({"no_equivalent_action": 3, "domestic": 1})
>>> report.rows_read = 5; report.imported = 1
>>> report.reconciles(), report.summary()
(True, 'gdelt: 5 rows read, 1 imported, 4 unmapped (no_equivalent_action 3, domestic 1), 0 rejected')
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from dipevents import vocabulary
from dipevents.arrowschema import arrow_schema
from dipevents.schema import Event

__all__ = [
    "REASONS",
    "UNMAPPED_SCHEMA",
    "ActorRef",
    "ImportBatch",
    "ImportReport",
    "Lookup",
    "event_schema",
    "parse_iso_dates",
    "split_batch",
]

#: Why a row was not imported, in the order they are checked (a row counts under the first).
REASONS: tuple[str, ...] = (
    "malformed_row",  # the line or record does not have the format's shape
    "not_an_event",  # a documentation or divider record (PLOVER)
    "no_event_code",  # the row carries no event code at all
    "no_equivalent_action",  # the code has no action in the vocabulary (see the crosswalk)
    "bad_date",  # no valid event date
    "no_actor",  # the source actor is missing
    "no_target",  # the target is missing (an act needs one, see vocabulary.md)
    "unknown_actor_code",  # an actor code or name no reference table knows
    "non_state_actor",  # actor or target is not a state or an IGO (opposition, media, courts...)
    "domestic",  # actor and target are the same state: not a diplomatic act
)

#: Columns of the rows kept by ``--keep-unmapped`` (the original codes and why they did not map).
UNMAPPED_SCHEMA = pa.schema(
    [
        pa.field("dataset", pa.string(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("origin_id", pa.string()),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("date", pa.date32()),
        pa.field("actor_code", pa.string()),
        pa.field("target_code", pa.string()),
        pa.field("event_code", pa.string()),
        pa.field("origin_codes", pa.string()),
        pa.field("doc_id", pa.string()),
    ]
)

#: The standard columns an importer builds before mapping (all strings except the dates).
STANDARD_COLUMNS: tuple[str, ...] = (
    "origin_id",
    "date",  # date32, null when the source date is missing or invalid
    "event_code",  # the code the action lookup uses (CAMEO code, or PLOVER type|mode|contexts)
    "actor_code",
    "target_code",  # raw actor keys as the source gives them
    "actor_name",
    "target_name",
    "doc_id",
    "url",
    "publisher",
    "published",  # date32
    "sentence",
    "origin_codes",
)


@cache
def event_schema() -> pa.Schema:
    """The Arrow schema of :class:`~dipevents.schema.Event`, which every import batch has."""
    return arrow_schema(Event)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """What an actor code resolves to: an id and type, or the reason it does not map."""

    id: str | None = None
    type: str | None = None
    reason: str | None = None


@dataclass
class ImportReport:
    """Counts of one import: every row read is imported, unmapped (by reason) or rejected.

    ``rows_read`` counts rows after compound actors are expanded (PLOVER records naming two
    sources give two rows); ``records_read`` counts the records as the file has them.
    """

    dataset: str
    files: list[str] = field(default_factory=list)
    records_read: int = 0
    rows_read: int = 0
    imported: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    rejected: int = 0
    stored: int = 0
    merged: int = 0
    coarse: int = 0
    rejects_path: Path | None = None
    unmapped_path: Path | None = None

    def count_unmapped(self, counts: Mapping[str, int]) -> None:
        self.unmapped.update({k: v for k, v in counts.items() if v})

    @property
    def unmapped_total(self) -> int:
        return sum(self.unmapped.values())

    def reconciles(self) -> bool:
        """True when rows read == imported + unmapped + rejected."""
        return self.rows_read == self.imported + self.unmapped_total + self.rejected

    def add(self, batch: ImportBatch, *, count_events: bool = True) -> None:
        """Count a batch; ``count_events=False`` when the store will say what it imported."""
        self.records_read += batch.records_read
        self.rows_read += batch.rows_read
        if count_events:
            self.imported += batch.events.num_rows
        self.coarse += batch.coarse
        self.count_unmapped(batch.unmapped_counts)

    def summary(self) -> str:
        """One line: rows read, imported, unmapped by reason, rejected."""
        order = {r: i for i, r in enumerate(REASONS)}
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(self.unmapped.items(), key=lambda kv: order.get(kv[0], 99)))
        records = f" ({self.records_read} records)" if self.records_read not in (0, self.rows_read) else ""
        unmapped = f"{self.unmapped_total} unmapped" + (f" ({reasons})" if reasons else "")
        return (
            f"{self.dataset}: {self.rows_read} rows read{records}, {self.imported} imported, "
            f"{unmapped}, {self.rejected} rejected"
        )

    def as_dict(self) -> dict[str, object]:
        out = dataclasses.asdict(self)
        out["unmapped"] = dict(self.unmapped)
        for key in ("rejects_path", "unmapped_path"):
            out[key] = str(out[key]) if out[key] else None
        return out


@dataclass(frozen=True)
class ImportBatch:
    """One batch of an import: the events in the Event schema and what did not map."""

    events: pa.Table
    unmapped: pa.Table | None  # UNMAPPED_SCHEMA rows; None unless unmapped rows are kept
    unmapped_counts: dict[str, int]
    rows_read: int
    records_read: int
    coarse: int = 0
    source_file: str = ""
    fraction: float | None = None  # share of the current file read, when known


class Lookup:
    """A vectorised dictionary: code column -> value columns, by ``index_in`` and ``take``.

    Built from Python values once per distinct code; applied to whole Arrow columns.

    >>> lk = Lookup({"161": ("reduce_relations",), "051": ("support",)}, ["action"])
    >>> lk.apply(pa.array(["051", "999", None]))["action"].to_pylist()
    ['support', None, None]
    """

    def __init__(
        self, mapping: Mapping[str, tuple[object, ...]], names: list[str], types: list[pa.DataType] | None = None
    ):
        self.names = names
        self.types = types or [pa.string()] * len(names)
        self._mapping: dict[str, tuple[object, ...]] = dict(mapping)
        self._build()

    def _build(self) -> None:
        self.keys = pa.array(list(self._mapping), pa.string())
        cols = list(zip(*self._mapping.values(), strict=True)) if self._mapping else [() for _ in self.names]
        self.values = [pa.array(list(c), t) for c, t in zip(cols, self.types, strict=True)]

    def __contains__(self, key: str) -> bool:
        return key in self._mapping

    def extend(self, mapping: Mapping[str, tuple[object, ...]]) -> None:
        """Add entries (for resolvers that learn codes as batches arrive)."""
        if mapping:
            self._mapping.update(mapping)
            self._build()

    def apply(self, codes: pa.Array | pa.ChunkedArray) -> dict[str, pa.Array]:
        idx = pc.index_in(codes, value_set=self.keys)
        return {n: pc.take(v, idx) for n, v in zip(self.names, self.values, strict=True)}


def resolve_distinct(
    codes: pa.Array | pa.ChunkedArray, lookup: Lookup, resolve: Callable[[str], tuple[object, ...]]
) -> dict[str, pa.Array]:
    """Apply ``lookup`` to ``codes``, first resolving (in Python) each distinct code it lacks."""
    distinct = pc.unique(codes).drop_null().to_pylist()
    lookup.extend({c: resolve(c) for c in distinct if c not in lookup})
    return lookup.apply(codes)


def gather(batches: Iterable[pa.RecordBatch], min_rows: int) -> Iterator[pa.Table]:
    """Tables of at least ``min_rows`` rows (the last may be smaller) from a stream of batches."""
    pending: list[pa.RecordBatch] = []
    n = 0
    for batch in batches:
        pending.append(batch)
        n += batch.num_rows
        if n >= min_rows:
            yield pa.Table.from_batches(pending)
            pending, n = [], 0
    if pending:
        yield pa.Table.from_batches(pending)


def parse_iso_dates(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Strictly parse ``YYYY-MM-DD`` strings to date32; anything else (2018-02-30 too) is null.

    >>> parse_iso_dates(pa.array(["2018-06-01", "2018-02-30", "x", None])).to_pylist()
    [datetime.date(2018, 6, 1), None, None, None]
    """
    ts = pc.strptime(values, format="%Y-%m-%d", unit="s", error_is_null=True)
    # Arrow's strptime rolls 2018-02-30 over to March: a round trip catches it.
    same = pc.equal(pc.strftime(ts, format="%Y-%m-%d"), values)
    return pc.if_else(pc.fill_null(same, False), pc.cast(ts, pa.date32()), pa.scalar(None, pa.date32()))


def origin_codes(pairs: Iterable[tuple[str, pa.Array | pa.ChunkedArray]]) -> pa.Array:
    """``Name=value;Name=value`` per row, from (name, column) pairs; a missing value stays empty."""
    parts = [
        pc.binary_join_element_wise(pa.scalar(name + "="), col, "", null_handling="replace", null_replacement="")
        for name, col in pairs
    ]
    return pc.binary_join_element_wise(*parts, ";", null_handling="replace", null_replacement="")


def first_reason(checks: list[tuple[str, pa.Array]], n: int) -> pa.Array:
    """The first reason whose mask is true, per row (null where every check passes)."""
    reason = pa.nulls(n, pa.string())
    for name, mask in reversed(checks):
        reason = pc.if_else(pc.fill_null(mask, False), pa.scalar(name), reason)
    return reason


def _event_ids(table: pa.Table) -> pa.Array:
    # make_event_id over day-precision dates: SHA-256 of "actor|action|target|YYYY-MM-DD".
    # DuckDB computes it column-wise; test_import_common checks it equals make_event_id.
    con = duckdb.connect()
    try:
        con.register("t", table.select(["actor", "action", "target", "date"]))
        out = con.sql(
            "SELECT substr(sha256(actor || '|' || action || '|' || target || '|' || strftime(date, '%Y-%m-%d')), 1, 20)"
            " AS id FROM t"
        ).arrow()
    finally:
        con.close()
    col = out.column(0) if isinstance(out, pa.Table) else out.read_all().column(0)
    return col.combine_chunks()


@cache
def _derived_lookup() -> Lookup:
    acts = vocabulary.actions()
    return Lookup(
        {a.action: (a.cameo, a.quad_class, a.goldstein, a.plover_type, a.plover_mode, a.level) for a in acts},
        ["cameo", "quad_class", "goldstein", "plover_type", "plover_mode", "level"],
        [pa.string(), pa.int8(), pa.float64(), pa.string(), pa.string(), pa.string()],
    )


def split_batch(
    std: pa.Table,
    *,
    dataset: str,
    source_file: str,
    action: pa.Array,
    rule: pa.Array,
    actor: Mapping[str, pa.Array],
    target: Mapping[str, pa.Array],
    pre_reason: pa.Array | None = None,
    keep_unmapped: bool,
    records_read: int | None = None,
    skipped: Mapping[str, int] | None = None,
) -> ImportBatch:
    """Route every row of a standard table to the Event batch or, with a reason, to unmapped.

    ``action``/``rule`` are the mapped action (null: no equivalent) and the mapping rule;
    ``actor``/``target`` hold ``id``, ``type`` and ``reason`` columns from the actor resolver;
    ``pre_reason`` carries reasons decided earlier (malformed, not an event); ``skipped``
    counts rows the caller already set aside by reason (fast path: rows whose code maps to
    no action are dropped before anything else is computed for them).
    """
    n = std.num_rows
    checks: list[tuple[str, pa.Array]] = []
    if pre_reason is not None:
        checks.append(("__pre__", pc.is_valid(pre_reason)))
    code_missing = pc.equal(pc.utf8_length(pc.fill_null(std["event_code"], "")), 0)
    checks += [
        ("no_event_code", code_missing),
        ("no_equivalent_action", pc.is_null(action)),
        ("bad_date", pc.is_null(std["date"])),
    ]
    reason = first_reason(checks, n)
    for side in (actor, target):  # each side's reason says no_actor/no_target/unknown/non_state
        reason = pc.coalesce(reason, side["reason"])
    domestic = pc.and_(pc.equal(actor["id"], target["id"]), pc.equal(actor["type"], target["type"]))
    reason = pc.coalesce(
        reason, pc.if_else(pc.fill_null(domestic, False), pa.scalar("domestic"), pa.scalar(None, pa.string()))
    )
    if pre_reason is not None:
        reason = pc.if_else(pc.equal(reason, "__pre__"), pre_reason, reason)

    ok = pc.is_null(reason)
    counts = {d["values"]: d["counts"] for d in pc.value_counts(reason.drop_null()).to_pylist()}
    events = _assemble(
        std.filter(ok),
        dataset,
        pc.filter(action, ok),
        pc.filter(rule, ok),
        {k: pc.filter(v, ok) for k, v in actor.items()},
        {k: pc.filter(v, ok) for k, v in target.items()},
    )
    coarse = pc.sum(pc.equal(_derived_lookup().apply(events["action"])["level"], "coarse")).as_py() or 0
    unmapped = None
    if keep_unmapped:
        bad = pc.is_valid(reason)
        rows = std.filter(bad)
        m = rows.num_rows
        unmapped = pa.table(
            {
                "dataset": pa.repeat(pa.scalar(dataset), m),
                "source_file": pa.repeat(pa.scalar(source_file), m),
                "origin_id": rows["origin_id"],
                "reason": pc.filter(reason, bad),
                "date": rows["date"],
                "actor_code": rows["actor_code"],
                "target_code": rows["target_code"],
                "event_code": rows["event_code"],
                "origin_codes": rows["origin_codes"],
                "doc_id": rows["doc_id"],
            },
            schema=UNMAPPED_SCHEMA,
        )
    extra = sum((skipped or {}).values())
    for k, v in (skipped or {}).items():
        counts[k] = counts.get(k, 0) + v
    rows = n + extra
    return ImportBatch(
        events, unmapped, counts, rows, rows if records_read is None else records_read, coarse, source_file
    )


def _assemble(
    std: pa.Table,
    dataset: str,
    action: pa.Array,
    rule: pa.Array,
    actor: Mapping[str, pa.Array],
    target: Mapping[str, pa.Array],
) -> pa.Table:
    schema = event_schema()
    n = std.num_rows
    derived = _derived_lookup().apply(action)
    cols: dict[str, pa.Array | pa.ChunkedArray] = {
        "actor": actor["id"],
        "actor_type": actor["type"],
        "actor_name": std["actor_name"],
        "target": target["id"],
        "target_type": target["type"],
        "target_name": std["target_name"],
        "action": action,
        "date": std["date"],
        "date_precision": pa.repeat(pa.scalar("day"), n),
        "cameo": derived["cameo"],
        "quad_class": derived["quad_class"],
        "goldstein": derived["goldstein"],
        "plover_type": derived["plover_type"],
        "plover_mode": derived["plover_mode"],
        "doc_id": std["doc_id"],
        "url": std["url"],
        "publisher": std["publisher"],
        "published": std["published"],
        "sentence": std["sentence"],
        "sentence_start": pa.nulls(n, pa.int64()),
        "sentence_end": pa.nulls(n, pa.int64()),
        "rule": rule,
        "salience": pa.repeat(pa.scalar("main"), n),
        "dataset": pa.repeat(pa.scalar(dataset), n),
        "origin_id": std["origin_id"],
        "origin_codes": std["origin_codes"],
    }
    cols = {k: (v.combine_chunks() if isinstance(v, pa.ChunkedArray) else v) for k, v in cols.items()}
    partial = pa.table(cols)
    ids = _event_ids(partial) if n else pa.array([], pa.string())
    return pa.table({"event_id": ids, **cols}).cast(schema).replace_schema_metadata(schema.metadata)
