"""Parquet round trip of every Event field; the column-wise validator and the SQL merge rule agreeing with Python."""

from __future__ import annotations

import datetime as dt
import tempfile
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dipevents.arrowschema import arrow_schema
from dipevents.errors import DipeventsError
from dipevents.schema import Event, EventRecord, Mention
from dipevents.storage.merge import assign, assign_sql
from dipevents.storage.validate import event_ids, validate_events
from dipevents.store import EventStore

STATES = ["ALB", "IRN", "USA", "GBR", "ISR", "RUS", "CHN", "TWN", "XKX", "PSE"]
IGOS = ["NATO", "EU", "UN", "ARAB_LEAGUE", "G7", "OSCE"]
SLUG = st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z")
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=30)
KINDS = ["state", "igo", "ngo", "armed_group", "company", "media", "person", "other"]
ACTIONS = ["sever_ties", "expel_diplomats", "condemn", "support", "recognize", "reduce_relations", "deny"]


@st.composite
def actors(draw: st.DrawFn) -> tuple[str, str]:
    kind = draw(st.sampled_from(KINDS))
    ident = {"state": st.sampled_from(STATES), "igo": st.sampled_from(IGOS)}.get(kind, SLUG)
    return kind, draw(ident)


def _at_precision(day: dt.date, precision: str) -> tuple[dt.date | None, str]:
    """``day`` as the schema stores it at ``precision`` (first day of the month or year)."""
    return {
        "day": (day, "day"),
        "month": (day.replace(day=1), "month"),
        "year": (day.replace(month=1, day=1), "year"),
        "unknown": (None, "unknown"),
    }[precision]


@st.composite
def dates(draw: st.DrawFn) -> tuple[dt.date | None, str]:
    precision = draw(st.sampled_from(["day", "month", "year", "unknown"]))
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2030, 12, 31)))
    return _at_precision(day, precision)


@st.composite
def events(draw: st.DrawFn) -> Event:
    (actor_type, actor), (target_type, target) = draw(actors()), draw(actors())
    if (actor_type, actor) == (target_type, target):
        target_type, target = ("state", "ALB") if actor != "ALB" else ("state", "IRN")
    date, precision = draw(dates())
    start = draw(st.none() | st.integers(0, 10**6))
    optional = st.none() | TEXT
    return Event(
        actor=actor,
        actor_type=actor_type,
        actor_name=draw(optional),
        target=target,
        target_type=target_type,
        target_name=draw(optional),
        action=draw(st.sampled_from(ACTIONS)),
        date=date,
        date_precision=precision,
        doc_id=draw(TEXT),
        url=draw(optional),
        publisher=draw(optional),
        published=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
        sentence=draw(optional),
        sentence_start=start,
        sentence_end=None if start is None else start + draw(st.integers(0, 500)),
        rule=draw(TEXT),
        salience=draw(st.sampled_from(["main", "background"])),
        dataset=draw(st.sampled_from(["text", "gdelt", "icews", "plover"])),
        origin_id=draw(optional),
        origin_codes=draw(optional),
    )


def _group(e: Event) -> tuple[Any, ...]:
    return (e.actor, e.action, e.target)  # one report per group: no merge or refinement


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events(), min_size=1, max_size=25, unique_by=_group))
def test_every_field_and_type_survives_the_store(sample: list[Event]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = EventStore(tmp)
        report = store.add(sample)
        assert (report.stored, report.rejected) == (len(sample), 0)
        rows = store.sql(
            "SELECT e.* EXCLUDE (salience, first_reported, last_reported, n_sources, n_documents), "
            "m.* EXCLUDE (event_id, mention_id) FROM events e JOIN mentions m USING (event_id)"
        ).to_pylist()
        back = sorted((Event.from_dict(r) for r in rows), key=lambda e: e.event_id)
        assert [e.model_dump() for e in back] == [e.model_dump() for e in sorted(sample, key=lambda e: e.event_id)]
        for table, model in (("events", EventRecord), ("mentions", Mention)):
            for file in store.snapshot().files(table):
                stored = pq.read_schema(file)
                expected = arrow_schema(model)
                assert [(f.name, f.type, f.nullable) for f in stored] == [
                    (f.name, f.type, f.nullable) for f in expected
                ]
                assert stored.metadata[b"dipevents.schema_hash"] == expected.metadata[b"dipevents.schema_hash"]


MAYBE_BAD = {
    "actor": st.sampled_from(["ALB", " ALB ", "IRN", "XXX", "usa", "nato", "NATO", "hamas", "Hamas", ""]),
    "actor_type": st.sampled_from(["state", "igo", "armed_group", "country"]),
    "target": st.sampled_from(["IRN", "ALB", "EU", "mek", "Mek X"]),
    "target_type": st.sampled_from(["state", "igo", "other"]),
    "action": st.sampled_from(["sever_ties", "condemn", "reduce_relations", "cut_ties"]),
    "date": st.sampled_from([None, dt.date(2022, 9, 7), dt.date(2022, 9, 1), dt.date(2022, 1, 1)]),
    "date_precision": st.sampled_from(["day", "month", "year", "unknown", "week"]),
    "doc_id": st.sampled_from(["d1", ""]),
    "sentence_start": st.sampled_from([None, 0, 10, -1]),
    "sentence_end": st.sampled_from([None, 5, 20]),
    "rule": st.just("r"),
    "cameo": st.sampled_from([None, "161", "111"]),
    "salience": st.sampled_from(["main", "background", "news"]),
}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries(MAYBE_BAD), min_size=1, max_size=30))
def test_column_validation_agrees_with_the_model(rows: list[dict[str, Any]]) -> None:
    accepted = []
    for row in rows:
        try:
            accepted.append(Event.from_dict(row).model_dump())
        except DipeventsError:
            accepted.append(None)
    table = pa.Table.from_pylist(rows, schema=pa.schema([(k, arrow_schema(Event).field(k).type) for k in MAYBE_BAD]))
    valid, rejects = validate_events(table)
    assert valid.num_rows + len(rejects) == len(rows)
    assert valid.to_pylist() == [a for a in accepted if a is not None]
    assert sorted(int(r.record.split(" row ")[1].split()[0]) for r in rejects) == [
        i for i, a in enumerate(accepted) if a is None
    ]


@given(st.lists(events(), min_size=1, max_size=20))
@settings(max_examples=20, deadline=None)
def test_vectorised_event_ids_equal_make_event_id(sample: list[Event]) -> None:
    table = pa.Table.from_pylist([e.model_dump() for e in sample], schema=arrow_schema(Event))
    assert event_ids(table).to_pylist() == [e.event_id for e in sample]


@st.composite
def date_keys(draw: st.DrawFn) -> tuple[dt.date | None, str]:
    # Few years and months, so keys collide and every merge rule (and ambiguity) occurs.
    precision = draw(st.sampled_from(["day", "day", "month", "year", "unknown"]))
    day = dt.date(draw(st.sampled_from([2021, 2022])), draw(st.sampled_from([1, 9])), draw(st.sampled_from([1, 7, 9])))
    return _at_precision(day, precision)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(date_keys(), min_size=1, max_size=8), min_size=1, max_size=6))
def test_merge_rule_in_sql_equals_assign(groups: list[list[tuple[dt.date | None, str]]]) -> None:
    rows = [
        {"actor": "ALB", "action": "sever_ties", "target": f"g{i}", "date": date, "date_precision": precision}
        for i, keys in enumerate(groups)
        for date, precision in keys
    ]
    con = duckdb.connect()
    schema = pa.schema([(k, pa.date32() if k == "date" else pa.string()) for k in rows[0]])
    con.register("keys", pa.Table.from_pylist(rows, schema=schema))
    got = {(r[2], r[3], r[4]): (r[5], r[6]) for r in con.execute(assign_sql("keys")).fetchall()}
    expected = {}
    for i, keys in enumerate(groups):
        for key, final in assign(keys).items():
            if final != key:
                expected[(f"g{i}", *key)] = final
    assert got == expected
