"""PLOVER event records (JSON) into dipevents events.

PLOVER records carry an ``event`` type, an optional ``mode``, one or more ``context`` tags and
``source``/``target`` actors, each a list of ``{actorText, code, sector}`` (``target`` may also
be an empty string or missing). A record naming several sources or targets gives one row per
(source, target) pair, as vocabulary.md asks for lists of actors. ``DOCUMENT`` records and
section dividers are not events and are counted as ``not_an_event``.

A JSON array is parsed whole (PLOVER files are small); JSON Lines and concatenated
(pretty-printed) objects are streamed record by record. JSON has to be decoded record by
record in Python; the mapping that follows works on whole Arrow columns, as for GDELT.

>>> from dipevents.importers.common import ImportReport
>>> report = ImportReport("plover")
>>> rows = [r for t in read_plover([example_file()], report=report) for r in t.to_pylist()]
>>> report.summary()
'plover: 4 rows read (3 records), 2 imported, 2 unmapped (not_an_event 1, no_target 1), 0 rejected'
>>> [(r["actor"], r["action"], r["target"]) for r in rows]
[('PAK', 'threaten', 'COG'), ('PAK', 'threaten', 'CRI')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from dipevents import igos, vocabulary
from dipevents._resources import read_csv
from dipevents.errors import ImportFormatError, UnknownIGOError
from dipevents.importers import cameo
from dipevents.importers.common import (
    ImportBatch,
    ImportReport,
    Lookup,
    parse_iso_dates,
    resolve_distinct,
    split_batch,
)
from dipevents.importers.sources import members

__all__ = ["action_for", "example_file", "iter_plover", "read_plover", "records"]

BATCH_RECORDS = 50_000
_SEP = "\x1f"


@dataclass(frozen=True, slots=True)
class _Rule:
    event: str
    mode: str
    context: str
    action: str | None
    precision: str | None


@cache
def _rules() -> tuple[_Rule, ...]:
    rules = []
    for row in read_csv("crosswalk_plover_actions.csv"):
        action = row["action"] or None
        if action is not None:
            vocabulary.get(action)
        rules.append(_Rule(row["event"].upper(), row["mode"], row["context"], action, row["precision"] or None))
    return tuple(rules)


def _contexts(value: object) -> list[str]:
    if isinstance(value, list):
        items = [str(v) for v in value]
    elif isinstance(value, str):
        items = value.replace(";", ",").split(",")
    else:
        items = []
    return sorted({i.strip().lower() for i in items if i and i.strip()})


def action_for(event: str, mode: str | None = None, contexts: Iterable[str] = ()) -> str | None:
    """The action of a PLOVER type/mode/contexts, by the first matching crosswalk rule.

    >>> action_for("SANCTION", "expel", ["diplomatic"]), action_for("SANCTION", None, ["diplomatic"])
    ('reduce_relations', None)
    >>> action_for("ACCUSE", "allege", ["cyber"]), action_for("demand")
    ('cyberattack_accusation', 'demand')
    """
    event, mode, ctx = event.strip().upper(), (mode or "").strip().lower(), set(contexts)
    for rule in _rules():
        if rule.event == event and rule.mode in ("*", mode) and (rule.context == "*" or rule.context in ctx):
            return rule.action
    return None


def _action_for_key(key: str) -> tuple[str | None]:
    if key.count(_SEP) != 2:  # malformed or non-event rows carry no key
        return (None,)
    event, mode, ctx = key.split(_SEP)
    return (action_for(event, mode, [c for c in ctx.split(",") if c]),)


def _resolve_actor_key(key: str) -> tuple[str | None, str | None, str | None]:
    if key.count(_SEP) != 2:
        return None, None, None  # malformed or non-event rows: their reason is already set
    code, sector, text = key.split(_SEP)
    code = code.strip().upper()
    if not code and not text.strip():
        return None, None, "missing"
    if code == "IGO":
        try:
            return igos.get(text).code, "igo", None
        except UnknownIGOError:
            return None, None, "unknown_actor_code"
    if not code:
        return None, None, "unknown_actor_code"
    sector = sector.strip()
    roles = "" if sector in ("", "***") else sector
    ref = cameo.resolve_actor(code + roles.upper())
    return ref.id, ref.type, ref.reason


def records(path: str | Path) -> Iterator[tuple[str, Any]]:
    """(stream name, decoded JSON value) for each record of a PLOVER file.

    Raises :class:`ImportFormatError` when a stream is not JSON at all.
    """
    for name, opener in members(path):
        with opener() as stream:
            head = stream.read(1 << 16)
            first = head.lstrip()[:1]
            if first == b"[":
                try:
                    data = json.loads((head + stream.read()).decode("utf-8"))
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    raise ImportFormatError(f"{name}: not a valid JSON array of PLOVER records: {exc}") from None
                for item in data:
                    yield name, item
                continue
            if first != b"{":
                raise ImportFormatError(
                    f"{name}: not PLOVER JSON (expected a JSON array or JSON objects, found {head[:20]!r})"
                )
            yield from ((name, rec) for rec in _objects(head, stream))


def _objects(head: bytes, stream: Any) -> Iterator[Any]:
    """JSON objects one per line, or pretty-printed over several lines; an unparsable one is kept as text.

    A line opening at column 0 with ``{`` starts a new object (pretty-printed objects indent
    their inner lines), so one broken record never swallows the next.
    """
    buffer: list[str] = []
    pending = head
    while True:
        chunk = stream.read(1 << 20)
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop() if chunk else b""
        for raw in lines:
            line = raw.decode("utf-8", errors="replace").rstrip("\r")
            if not line.strip() and not buffer:
                continue
            if buffer and line.startswith("{"):
                yield _Unparsable("\n".join(buffer))
                buffer = []
            buffer.append(line)
            try:
                yield json.loads("\n".join(buffer))
                buffer = []
            except json.JSONDecodeError:
                continue
        if not chunk:
            break
    if buffer and "\n".join(buffer).strip():
        yield _Unparsable("\n".join(buffer))


@dataclass(frozen=True)
class _Unparsable:
    text: str


def _actors(value: object) -> list[dict[str, Any] | None]:
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list):
        found = [a for a in value if isinstance(a, dict)]
        return found or [None]
    return [None]  # missing, null or "" (the GSR writes an empty string for "no target")


def _rows(name: str, rec: Any) -> list[dict[str, Any]]:
    meta = rec.get("meta") if isinstance(rec, dict) else None
    if isinstance(meta, dict) and meta.get("class") == "section divider":
        return [{"pre": "not_an_event", "origin_codes": "meta.class=section divider"}]
    if isinstance(rec, _Unparsable) or not isinstance(rec, dict) or not isinstance(rec.get("event"), str):
        text = rec.text if isinstance(rec, _Unparsable) else json.dumps(rec)[:2000]
        return [{"pre": "malformed_row", "origin_codes": "raw=" + text}]
    rid = str(rec.get("id", "")) or None
    event = rec["event"].strip().upper()
    if event == "DOCUMENT":
        return [{"pre": "not_an_event", "origin_id": rid, "origin_codes": f"event={event}"}]
    mode = rec.get("mode") or ""
    ctx = ",".join(_contexts(rec.get("context")))
    out = []
    for src, tgt in product(_actors(rec.get("source")), _actors(rec.get("target"))):
        row = {
            "origin_id": rid,
            "date": str(rec.get("date") or ""),
            "event_code": _SEP.join([event, str(mode), ctx]),
            "text": rec.get("text") if isinstance(rec.get("text"), str) else None,
            "origin_codes": f"event={event};mode={mode};context={ctx}",
        }
        for side, actor in (("actor", src), ("target", tgt)):
            actor = actor or {}
            code, sector, atext = (str(actor.get(k) or "") for k in ("code", "sector", "actorText"))
            row[f"{side}_key"] = _SEP.join([code, sector, atext])
            row[f"{side}_name"] = atext or None
            row["origin_codes"] += f";{side}={code}{'/' + sector if sector else ''}"
        out.append(row)
    return out


def iter_plover(paths: Iterable[str | Path], *, keep_unmapped: bool = False) -> Iterator[ImportBatch]:
    """Stream PLOVER files as :class:`ImportBatch` es (events plus what did not map, by reason)."""
    actions = Lookup({}, ["action"])
    actors = Lookup({}, ["id", "type", "reason"])
    for path in paths:
        rows: list[dict[str, Any]] = []
        n_records = 0
        name = Path(path).name
        for name, rec in records(path):
            rows.extend(_rows(name, rec))
            n_records += 1
            if n_records >= BATCH_RECORDS:
                yield _map(rows, n_records, name, actions, actors, keep_unmapped)
                rows, n_records = [], 0
        if n_records:
            yield _map(rows, n_records, name, actions, actors, keep_unmapped)


def _map(
    rows: list[dict[str, Any]], n_records: int, name: str, actions: Lookup, actors: Lookup, keep_unmapped: bool
) -> ImportBatch:
    def col(key: str) -> pa.Array:
        return pa.array([r.get(key) for r in rows], pa.string())

    n = len(rows)
    event_code = col("event_code")
    action = resolve_distinct(pc.fill_null(event_code, ""), actions, _action_for_key)["action"]
    ident = col("origin_id")
    std = pa.table(
        {
            "origin_id": ident,
            "date": parse_iso_dates(col("date")),
            "event_code": event_code,
            "actor_code": col("actor_key"),
            "target_code": col("target_key"),
            "actor_name": col("actor_name"),
            "target_name": col("target_name"),
            "doc_id": pc.binary_join_element_wise("plover:", ident, ""),
            "url": pa.nulls(n, pa.string()),
            "publisher": pa.nulls(n, pa.string()),
            "published": pa.nulls(n, pa.date32()),
            "sentence": col("text"),
            "origin_codes": col("origin_codes"),
        }
    )
    display = pc.replace_substring(pc.fill_null(event_code, ""), _SEP, "/")
    rule = pc.binary_join_element_wise("plover:", display, "->", action, "")
    sides = {}
    for side, missing in (("actor", "no_actor"), ("target", "no_target")):
        res = resolve_distinct(pc.fill_null(std[f"{side}_code"], ""), actors, _resolve_actor_key)
        res["reason"] = pc.if_else(pc.equal(res["reason"], "missing"), pa.scalar(missing), res["reason"])
        sides[side] = res
    std = std.set_column(
        std.schema.get_field_index("actor_code"),
        "actor_code",
        pc.replace_substring(pc.fill_null(std["actor_code"], ""), _SEP, "|"),
    )
    std = std.set_column(
        std.schema.get_field_index("target_code"),
        "target_code",
        pc.replace_substring(pc.fill_null(std["target_code"], ""), _SEP, "|"),
    )
    std = std.set_column(std.schema.get_field_index("event_code"), "event_code", display)
    return split_batch(
        std,
        dataset="plover",
        source_file=name,
        action=action,
        rule=rule,
        actor=sides["actor"],
        target=sides["target"],
        pre_reason=col("pre"),
        keep_unmapped=keep_unmapped,
        records_read=n_records,
    )


def read_plover(paths: Iterable[str | Path], *, report: ImportReport | None = None) -> Iterator[pa.Table]:
    """Stream PLOVER files as Arrow tables in the Event schema (mapped rows only)."""
    for batch in iter_plover(paths):
        if report is not None:
            report.add(batch)
        if batch.events.num_rows:
            yield batch.events


def example_file() -> Path:
    """A three-record PLOVER JSON file in a temporary folder (for examples and tests)."""
    import tempfile

    data = [
        {"id": "DOC-1", "event": "DOCUMENT", "comment": "not an event"},
        {
            "id": "EX-THREATEN-1",
            "date": "2000-01-01",
            "event": "THREATEN",
            "context": "diplomatic",
            "source": [{"actorText": "Pakistan", "code": "PAK"}],
            "target": [{"actorText": "Congo", "code": "COG"}, {"actorText": "Costa Rica", "code": "CRI"}],
            "text": "Pakistan today threatened to break off diplomatic relations with Congo and Costa Rica.",
        },
        {"id": "EX-DEMAND-1", "date": "2000-01-01", "event": "DEMAND", "source": [{"code": "IRQ"}], "target": ""},
    ]
    path = Path(tempfile.mkdtemp(prefix="dipevents-plover-")) / "example.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return path
