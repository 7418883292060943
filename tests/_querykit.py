"""Test stores for the query, ask and CLI tests, built from real text.

The events come from hand-made gold annotations of real articles: the seed articles
(``fixtures/seeds/gold.jsonl``, in the repository) and the devset (``../shared/devset``).
Each gold event cites an exact span of its article; the evidence sentence stored with it
is that span widened to the sentence around it in the real text, with its offsets. So the
fixtures are honest: every row a helper returns can be checked against a real document.

When ``dipevents.store.EventStore`` is available the events go through it (dedup,
aggregates, Parquet files); otherwise :class:`ParquetStore` stands in with the same views.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from dipevents import refviews
from dipevents.arrowschema import arrow_schema
from dipevents.schema import Event, EventRecord, Mention, make_event_id

REPO = Path(__file__).resolve().parents[1]
SEED_FIXTURES = REPO / "fixtures" / "seeds"


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``text[start:end]`` to the sentence (or line) that holds it."""
    dot = text.rfind(". ", 0, start)
    left = max(dot + 2 if dot != -1 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    return left, right


def gold_events(gold: Path, articles: Path, texts: dict[str, str]) -> list[Event]:
    """Events from gold annotations, each with its real sentence, document and offsets."""
    meta = {row["doc_id"]: row for row in map(json.loads, articles.read_text(encoding="utf-8").splitlines())}
    events = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), start=1):
        row = json.loads(line)
        doc = meta[row["doc_id"]]
        text = texts[row["doc_id"]]
        at = text.find(row["evidence"])
        assert at >= 0, f"gold evidence not in {row['doc_id']}: {row['evidence']!r}"
        left, right = _sentence_around(text, at, at + len(row["evidence"]))
        events.append(
            Event.from_dict(
                {
                    **{
                        k: row[k]
                        for k in (
                            "actor",
                            "actor_type",
                            "target",
                            "target_type",
                            "action",
                            "date",
                            "date_precision",
                            "salience",
                            "doc_id",
                        )
                    },
                    "url": doc.get("url"),
                    "publisher": doc.get("publisher"),
                    "published": doc.get("published"),
                    "sentence": text[left:right].strip(),
                    "sentence_start": left,
                    "sentence_end": right,
                    "rule": "gold-fixture",
                },
                record=f"{gold.name}:{n}",
            )
        )
    return events


def seed_events() -> list[Event]:
    """The gold events of the three seed articles in ``seeds/``."""
    articles = SEED_FIXTURES / "articles.jsonl"
    texts = {}
    for row in map(json.loads, articles.read_text(encoding="utf-8").splitlines()):
        texts[row["doc_id"]] = (SEED_FIXTURES / row["path"]).resolve().read_text(encoding="utf-8")
    return gold_events(SEED_FIXTURES / "gold.jsonl", articles, texts)


def devset_events(devset: Path) -> list[Event]:
    """The gold events of the devset (``../shared/devset``)."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (devset / "articles").glob("*.txt")}
    return gold_events(devset / "gold.jsonl", devset / "articles.jsonl", texts)


class ParquetStore:
    """Stand-in for the real store: events and mentions in two Parquet files under ``root``,
    with the store's views (read through ``read_parquet``, so nothing can write to them).

    Aggregates follow the schema's definitions: ``n_sources`` counts distinct publishers
    (the document where the publisher is unknown), ``n_documents`` distinct documents.
    """

    def __init__(self, events: list[Event], root: Path) -> None:
        by_id: dict[str, list[Event]] = defaultdict(list)
        for ev in events:
            by_id[ev.event_id].append(ev)
        records, mentions = [], []
        act_fields = [f for f in EventRecord.model_fields if f in Event.model_fields and f != "salience"]
        for event_id, reports in by_id.items():
            first = reports[0]
            published = [r.published for r in reports if r.published is not None]
            record: dict[str, Any] = {f: getattr(first, f) for f in act_fields}
            record.update(
                salience="main" if any(r.salience == "main" for r in reports) else "background",
                first_reported=min(published, default=None),
                last_reported=max(published, default=None),
                n_sources=len({r.publisher or r.doc_id for r in reports}),
                n_documents=len({r.doc_id for r in reports}),
            )
            records.append(EventRecord.model_validate(record).model_dump())
            for r in reports:
                key = f"{event_id}|{r.doc_id}|{r.sentence_start}|{r.sentence_end}"
                mention = {f: getattr(r, f) for f in Mention.model_fields if f not in ("event_id", "mention_id")}
                mention.update(event_id=event_id, mention_id=hashlib.sha256(key.encode()).hexdigest()[:20])
                mentions.append(Mention.model_validate(mention).model_dump())
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        pq.write_table(pa.Table.from_pylist(records, arrow_schema(EventRecord)), root / "events.parquet")
        pq.write_table(pa.Table.from_pylist(mentions, arrow_schema(Mention)), root / "mentions.parquet")

    def connect(self) -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        for table in ("events", "mentions"):
            path = str(self.root / f"{table}.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
        refviews.register(con)
        return con


def real_store_class() -> Any:
    try:
        from dipevents.store import EventStore
    except ImportError:
        return None
    return EventStore


def build_store(events: list[Event], root: Path) -> Any:
    """A read-only store holding ``events``: the real one under ``root`` when it exists."""
    store_cls = real_store_class()
    if store_cls is None:
        return ParquetStore(events, root)
    store_cls(root).add(events)
    return store_cls(root, read_only=True)


@dataclass(frozen=True)
class Act:
    """One act as the store keeps it: its reports merged, dated at its most precise date."""

    event_id: str
    actor: str
    actor_type: str
    action: str
    target: str
    target_type: str
    date: dt.date | None
    date_precision: str
    reports: tuple[Event, ...]

    @property
    def docs(self) -> set[str]:
        return {r.doc_id for r in self.reports}


def acts(events: list[Event]) -> dict[str, Act]:
    """The oracle's view of a store: gold reports grouped into acts by the store's merge rules
    (``dipevents.storage.merge.assign``: a month or year report joins the one more precise
    event of its group in that month or year)."""
    from dipevents.storage.merge import assign

    groups: dict[tuple, list[Event]] = defaultdict(list)
    for ev in events:
        year = ev.date.year if ev.date is not None else None
        groups[(ev.actor, str(ev.actor_type), ev.action, ev.target, str(ev.target_type), year)].append(ev)
    merged: dict[str, list[Event]] = defaultdict(list)
    keys: dict[str, tuple] = {}
    for (actor, actor_type, action, target, target_type, _), reports in groups.items():
        mapping = assign({(r.date, str(r.date_precision)) for r in reports})
        for r in reports:
            date, precision = mapping[(r.date, str(r.date_precision))]
            event_id = make_event_id(actor, action, target, date, precision)
            merged[event_id].append(r)
            keys[event_id] = (actor, actor_type, action, target, target_type, date, precision)
    return {
        eid: Act(eid, *keys[eid][:5], keys[eid][5], keys[eid][6], tuple(reports)) for eid, reports in merged.items()
    }
