"""EventStore: dedup, merging, date refinement, counts, layout, views, compaction, versions."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dipevents.errors import SchemaVersionError, StoreError, ValidationError
from dipevents.schema import SCHEMA_VERSION, Event, make_event_id
from dipevents.storage.rejects import read_rejects
from dipevents.store import EventStore, IngestReport, default_store_path
from tests.conftest import REPO
from tests.store_factory import store_content, synthetic_events

BREAK = {"actor": "ALB", "actor_type": "state", "target": "IRN", "target_type": "state", "action": "sever_ties"}


def report_of(doc: str, date: dt.date | None, precision: str, **extra: object) -> Event:
    return Event(**BREAK, date=date, date_precision=precision, doc_id=doc, rule="test", **extra)


def gold_seed_events() -> list[Event]:
    """The three seed articles' gold events (fixtures/seeds), with their documents' metadata."""
    docs = {d["doc_id"]: d for d in map(json.loads, (REPO / "fixtures/seeds/articles.jsonl").open())}
    events = []
    for row in map(json.loads, (REPO / "fixtures/seeds/gold.jsonl").open()):
        doc = docs[row["doc_id"]]
        sentence = row.pop("evidence")
        row.pop("note", None)
        events.append(
            Event.from_dict(
                {
                    **row,
                    "sentence": sentence,
                    "url": doc["url"],
                    "publisher": doc["publisher"],
                    "published": doc["published"],
                    "rule": "gold",
                }
            )
        )
    return events


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    return EventStore(tmp_path / "store")


def reconciles(report: IngestReport) -> bool:
    return report.read == report.stored + report.merged + report.rejected


def test_gold_seed_events_give_one_break_with_three_mentions(store: EventStore) -> None:
    events = gold_seed_events()
    report = store.add(events)
    assert reconciles(report) and report.rejected == 0
    rows = store.sql(
        "SELECT e.event_id, e.n_documents, e.n_sources, e.first_reported, e.last_reported, m.doc_id "
        "FROM events e JOIN mentions m USING (event_id) "
        "WHERE actor = 'ALB' AND action = 'sever_ties' AND target = 'IRN' ORDER BY m.doc_id"
    ).to_pylist()
    assert [r["doc_id"] for r in rows] == ["000_cd82dbd999e45b2d", "001_9e629b407b9bbeb8", "003_18789e7f9f303410"]
    assert {r["event_id"] for r in rows} == {make_event_id("ALB", "sever_ties", "IRN", dt.date(2022, 9, 7), "day")}
    assert rows[0]["n_documents"] == 3 and rows[0]["n_sources"] == 3
    assert (rows[0]["first_reported"], rows[0]["last_reported"]) == (dt.date(2022, 9, 7), dt.date(2022, 9, 8))
    # One event per distinct act in the gold; every gold row is a mention.
    distinct = {e.event_id for e in events}
    assert store.stats()["events"] == len(distinct) == report.stored
    assert store.stats()["mentions"] == len(events)


def test_reingest_adds_nothing(store: EventStore) -> None:
    table = synthetic_events(3000, seed=1)
    first = store.add_arrow(table)
    before = store_content(store)
    version = store.snapshot().version
    again = store.add_arrow(table)
    assert (again.read, again.stored, again.merged, again.duplicates) == (3000, 0, 3000, 3000)
    assert store.snapshot().version == version  # no new snapshot at all
    assert store_content(store) == before
    assert reconciles(first) and reconciles(again)
    assert first.stored == store.stats()["events"]


def test_counts_reconcile_with_rejects(store: EventStore) -> None:
    good = report_of("d1", dt.date(2022, 9, 7), "day")
    rows = [
        good.model_dump(),
        {**good.model_dump(), "doc_id": "d2"},
        {**good.model_dump(), "doc_id": "d3", "target": "XXX", "event_id": ""},
        {**good.model_dump(), "doc_id": "d4", "action": "sever_relations", "event_id": ""},
    ]
    report = store.add(rows, source="unit")
    assert (report.read, report.stored, report.merged, report.rejected) == (4, 1, 1, 2)
    rejects = read_rejects(report.rejects_path)
    assert [(r["field"], r["value"]) for r in rejects] == [("target", "XXX"), ("action", "sever_relations")]
    assert "sever_ties" in rejects[1]["reason"]  # the message suggests the nearest action
    assert all(r["source"] == "unit" and r["row"]["doc_id"] in {"d3", "d4"} for r in rejects)


def test_add_arrow_rejects_are_written_with_reasons(store: EventStore) -> None:
    table = synthetic_events(200, seed=2)
    bad = table.to_pylist()
    bad[3]["actor"] = "Albania"  # not an ISO3 code
    bad[7]["date_precision"] = "week"
    bad[9]["sentence_start"], bad[9]["sentence_end"] = 50, 10
    bad[11]["date"], bad[11]["date_precision"] = dt.date(2022, 9, 7), "month"
    report = store.add_arrow(pa.Table.from_pylist(bad, schema=table.schema), source="batch.parquet")
    assert report.rejected == 4 and reconciles(report)
    rejects = read_rejects(report.rejects_path)
    assert [(r["record"].split(" (")[0], r["field"]) for r in rejects] == [
        ("batch.parquet row 3", "actor"),
        ("batch.parquet row 7", "date_precision"),
        ("batch.parquet row 9", "sentence_end"),
        ("batch.parquet row 11", "date"),
    ]
    assert "not the first day of its month" in rejects[3]["reason"]
    assert store.stats()["mentions"] == 196


def test_same_act_from_several_documents_is_one_event(store: EventStore) -> None:
    day = dt.date(2022, 9, 7)
    store.add(
        [
            report_of("a", day, "day", publisher="Reuters", published=dt.date(2022, 9, 8)),
            report_of("b", day, "day", publisher="Reuters", published=dt.date(2022, 9, 7), salience="background"),
        ]
    )
    report = store.add([report_of("c", day, "day", publisher="AP", published=dt.date(2022, 9, 10))])
    assert (report.stored, report.merged) == (0, 1)
    [event] = store.sql("SELECT * FROM events").to_pylist()
    assert (event["n_documents"], event["n_sources"], event["salience"]) == (3, 2, "main")
    assert (event["first_reported"], event["last_reported"]) == (dt.date(2022, 9, 7), dt.date(2022, 9, 10))
    assert store.sql("SELECT count(*) AS n FROM mentions").to_pylist() == [{"n": 3}]


def test_reports_of_unknown_publisher_count_as_separate_sources(store: EventStore) -> None:
    # The same rule as the query helpers: without a publisher, each document is its own source.
    day = dt.date(2022, 9, 7)
    store.add(
        [
            report_of("a", day, "day"),
            report_of("b", day, "day"),
            report_of("c", day, "day", publisher="AP"),
            report_of("d", day, "day", publisher="AP"),
        ]
    )
    [event] = store.sql("SELECT n_sources, n_documents FROM events").to_pylist()
    assert event == {"n_sources": 3, "n_documents": 4}


def test_month_report_is_refined_by_a_later_day_report(store: EventStore) -> None:
    month = report_of("early", dt.date(2022, 9, 1), "month")
    day = report_of("later", dt.date(2022, 9, 7), "day")
    store.add([month])
    report = store.add([day])
    assert (report.stored, report.merged) == (0, 1)
    [event] = store.sql("SELECT event_id, date, date_precision, n_documents FROM events").to_pylist()
    assert event == {"event_id": day.event_id, "date": dt.date(2022, 9, 7), "date_precision": "day", "n_documents": 2}
    assert {r["event_id"] for r in store.sql("SELECT event_id FROM mentions").to_pylist()} == {day.event_id}
    [refinement] = store.sql("SELECT * FROM refinements").to_pylist()
    assert (refinement["reported_event_id"], refinement["event_id"]) == (month.event_id, day.event_id)


def test_refinement_does_not_depend_on_order(tmp_path: Path) -> None:
    reports = [
        report_of("m", dt.date(2022, 9, 1), "month"),
        report_of("d7", dt.date(2022, 9, 7), "day"),
        report_of("y", dt.date(2022, 1, 1), "year"),
        report_of("other", dt.date(2021, 3, 1), "month"),
    ]
    contents = []
    for i, order in enumerate([[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2]]):
        store = EventStore(tmp_path / str(i))
        for k in order:
            store.add([reports[k]])
        contents.append(store_content(store))
    assert contents[0] == contents[1] == contents[2]
    assert len(contents[0][0]) == 2  # 2022 (month and year reports refined to the day) and 2021-03


def test_ambiguous_month_report_is_not_guessed(store: EventStore) -> None:
    store.add([report_of("m", dt.date(2022, 9, 1), "month"), report_of("d7", dt.date(2022, 9, 7), "day")])
    assert store.stats()["events"] == 1
    store.add([report_of("d9", dt.date(2022, 9, 9), "day")])  # now two days in September: which one?
    rows = store.sql("SELECT date, date_precision, n_documents FROM events ORDER BY date, date_precision").to_pylist()
    assert rows == [
        {"date": dt.date(2022, 9, 1), "date_precision": "month", "n_documents": 1},
        {"date": dt.date(2022, 9, 7), "date_precision": "day", "n_documents": 1},
        {"date": dt.date(2022, 9, 9), "date_precision": "day", "n_documents": 1},
    ]
    assert store.sql("SELECT count(*) AS n FROM refinements").to_pylist() == [{"n": 0}]


def test_undated_reports_join_the_one_dated_event(store: EventStore) -> None:
    undated = [report_of("a", None, "unknown"), report_of("c", None, "unknown")]
    dated = report_of("b", dt.date(2022, 9, 7), "day")
    store.add(undated)
    assert store.sql("SELECT date_precision, n_documents FROM events").to_pylist() == [
        {"date_precision": "unknown", "n_documents": 2}
    ]
    report = store.add([dated])
    assert (report.stored, report.merged) == (0, 1)
    [event] = store.sql("SELECT event_id, date_precision, n_documents FROM events").to_pylist()
    assert event == {"event_id": dated.event_id, "date_precision": "day", "n_documents": 3}
    # The undated reports now live with their event, in its year's partition.
    partitions = {p.parent.name for p in store.snapshot().files("mentions")}
    assert partitions == {"year=2022"}
    assert store.add(undated).duplicates == 2  # and are still recognised on re-ingest


def test_undated_reports_are_not_guessed_between_two_dated_events(tmp_path: Path) -> None:
    reports = [
        report_of("a", None, "unknown"),
        report_of("b", dt.date(2022, 9, 7), "day"),
        report_of("c", dt.date(2017, 3, 1), "month"),
    ]
    contents = []
    for i, order in enumerate([[0, 1, 2], [2, 1, 0], [1, 0, 2]]):
        store = EventStore(tmp_path / str(i))
        for k in order:
            store.add([reports[k]])
        contents.append(store_content(store))
        assert store.sql("SELECT date_precision FROM events ORDER BY date NULLS FIRST").to_pylist() == [
            {"date_precision": "unknown"},
            {"date_precision": "month"},
            {"date_precision": "day"},
        ]
    assert contents[0] == contents[1] == contents[2]


def test_layout_is_hive_partitioned_with_schema_metadata(store: EventStore) -> None:
    store.add_arrow(synthetic_events(500, seed=3))
    store.add(
        [
            Event(
                actor="amnesty-international",
                actor_type="ngo",
                target="IRN",
                target_type="state",
                action="condemn",
                date=None,
                date_precision="unknown",
                doc_id="undated",
                rule="test",
            )
        ]
    )
    current = store.path / "current"
    assert current.is_symlink()
    years = sorted(p.name for p in (current / "events").iterdir())
    assert "year=unknown" in years and "year=2010" in years
    some = next((current / "mentions").glob("year=*/part-*.parquet"))
    meta = pq.read_schema(some).metadata
    assert meta[b"dipevents.schema_version"] == SCHEMA_VERSION.encode()
    assert meta[b"dipevents.model"] == b"Mention"
    # DuckDB reads the directory directly, partition column included.
    direct = duckdb.sql(
        f"SELECT year, count(*) AS n FROM read_parquet('{current}/events/*/*.parquet', hive_partitioning=true) "
        "GROUP BY year ORDER BY year"
    ).fetchall()
    via_store = store.sql(
        "SELECT coalesce(CAST(year(date) AS VARCHAR), 'unknown') AS y, count(*) AS n FROM events GROUP BY y ORDER BY y"
    ).to_pylist()
    assert [(str(y), n) for y, n in direct] == [(r["y"], r["n"]) for r in via_store]


def test_empty_store_has_typed_empty_views(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "nothing-here", read_only=True)
    con = store.connect()
    assert con.sql("SELECT count(*) FROM events").fetchall() == [(0,)]
    columns = [c[0] for c in con.sql("DESCRIBE mentions").fetchall()]
    assert "mention_id" in columns and "sentence_start" in columns
    assert con.sql("SELECT count(*) FROM actions").fetchall()[0][0] >= 16  # reference views are there too
    assert not (tmp_path / "nothing-here").exists()  # read-only creates nothing
    with pytest.raises(StoreError, match="read-only"):
        store.add([report_of("a", None, "unknown")])


def test_connect_is_a_snapshot(store: EventStore) -> None:
    store.add([report_of("a", dt.date(2022, 9, 7), "day")])
    con = store.connect()
    store.add([report_of("b", dt.date(2022, 9, 8), "day")])
    assert con.sql("SELECT count(*) FROM events").fetchall() == [(1,)]
    assert store.connect().sql("SELECT count(*) FROM events").fetchall() == [(2,)]


def test_compact_keeps_the_data(tmp_path: Path) -> None:
    store = EventStore(tmp_path / "s", batch_rows=400)
    store.add_arrow(synthetic_events(2000, seed=4))
    before = store_content(store)
    files_before = store.stats()["files"]
    result = store.compact()
    assert result["files_before"] == files_before > result["files_after"] == store.stats()["files"]
    assert store_content(store) == before
    query = "SELECT action, year(date) AS y, sum(n_documents) AS n FROM events GROUP BY ALL ORDER BY ALL"
    assert store.sql(query) == EventStore(store.path, read_only=True).sql(query)
    assert store.verify() == store.stats()["files"]


def test_store_refuses_another_major_schema_version(store: EventStore) -> None:
    store.add([report_of("a", None, "unknown")])
    meta_path = store.path / "dipevents-store.json"
    meta = json.loads(meta_path.read_text())
    meta["schema_version"] = "99.0.0"
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(SchemaVersionError, match=r"schema 99\.0\.0"):
        EventStore(store.path)


def test_refuses_a_foreign_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a dipevents store"):
        EventStore(tmp_path)


def test_default_store_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIPEVENTS_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "dipevents" / "store"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_store_path() == Path.home() / ".local" / "share" / "dipevents" / "store"
    monkeypatch.setenv("DIPEVENTS_STORE", str(tmp_path / "env"))
    assert EventStore().path == tmp_path / "env"


def test_unusable_columns_raise_before_anything_is_stored(store: EventStore) -> None:
    table = synthetic_events(10).drop(["doc_id"])
    with pytest.raises(ValidationError, match="doc_id"):
        store.add_arrow(table)
    with pytest.raises(ValidationError, match="colour"):
        store.add_arrow(synthetic_events(10).append_column("colour", pa.array(["red"] * 10)))
    assert store.snapshot().version == 0


def test_uncommitted_leftovers_are_removed_by_the_next_writer(store: EventStore) -> None:
    store.add([report_of("a", dt.date(2022, 9, 7), "day")])
    leftover = store.path / "versions" / "v00000002.tmp-dead"
    (leftover / "events").mkdir(parents=True)
    orphan = store.path / "versions" / "v00000002"  # renamed but never published
    orphan.mkdir()
    store.add([report_of("b", dt.date(2022, 9, 8), "day")])
    assert not leftover.exists()
    assert os.readlink(store.path / "current").endswith("v00000002")
    assert store.stats()["events"] == 2
