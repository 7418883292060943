"""PLOVER importer: the PLOVER gold-standard records from ../shared/peerdata and an own fixture."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from dipevents.errors import ImportFormatError
from dipevents.importers import ImportReport, import_plover, iter_plover, read_plover
from tests.conftest import REPO, shared_path

FIX = REPO / "fixtures" / "importers"
GSR = ("peerdata", "polecat", "PLOVER_GSR_CAMEO.json")


def _run(paths):
    batches = list(iter_plover(paths, keep_unmapped=True))
    report = ImportReport("plover")
    for b in batches:
        report.add(b)
    return report, pa.concat_tables([b.events for b in batches]), pa.concat_tables([b.unmapped for b in batches])


def _rows(table: pa.Table, origin_id: str) -> list[dict]:
    return [r for r in table.to_pylist() if r["origin_id"] == origin_id]


def test_gsr_counts_reconcile_with_compound_actors_expanded():
    path = shared_path(*GSR)
    records = json.loads(path.read_text(encoding="utf-8"))
    expected_rows = sum(
        max(len(r["source"]) if isinstance(r.get("source"), list) and r["source"] else 1, 1)
        * max(len(r["target"]) if isinstance(r.get("target"), list) and r["target"] else 1, 1)
        for r in records
    )
    report, events, unmapped = _run([path])
    assert report.records_read == len(records) == 323
    assert report.rows_read == expected_rows and report.reconciles()
    assert report.unmapped["not_an_event"] == 1  # the DOCUMENT record
    assert events.num_rows + unmapped.num_rows == expected_rows


def test_gsr_threaten_with_two_targets_gives_two_events():
    _, events, _ = _run([shared_path(*GSR)])
    rows = _rows(events, "PLOVER-GSR01-THREATEN-0006")
    assert [(r["actor"], r["action"], r["target"], r["target_name"]) for r in rows] == [
        ("PAK", "threaten", "COG", "Congo"),
        ("PAK", "threaten", "CRI", "Costa Rica"),
    ]
    row = rows[0]
    assert row["sentence"].startswith("Pakistan today threatened to break off diplomatic relations with Congo")
    assert (row["doc_id"], row["dataset"], row["rule"]) == (
        "plover:PLOVER-GSR01-THREATEN-0006",
        "plover",
        "plover:THREATEN//diplomatic->threaten",
    )
    assert row["origin_codes"] == "event=THREATEN;mode=;context=diplomatic;actor=PAK;target=COG"
    assert rows[0]["event_id"] != rows[1]["event_id"]


def test_gsr_empty_missing_and_string_targets_are_counted_no_target():
    path = shared_path(*GSR)
    records = json.loads(path.read_text(encoding="utf-8"))
    empty = [r["id"] for r in records if r.get("target") == ""]
    stray = [r["id"] for r in records if isinstance(r.get("target"), str) and r["target"]]  # a context word
    missing = [r["id"] for r in records if "target" not in r and r["event"] != "DOCUMENT"]
    assert (len(empty), len(stray), len(missing)) == (8, 1, 25)
    _, _, unmapped = _run([path])
    reasons = {r["origin_id"]: r["reason"] for r in unmapped.to_pylist()}
    mapped_types = {r["id"] for r in records if r["event"] in ("DEMAND", "THREATEN")}
    actor_first = {"no_actor", "unknown_actor_code", "non_state_actor"}  # the source is checked first
    for rid in empty + stray + missing:
        if rid in mapped_types:
            assert reasons[rid] in {"no_target", *actor_first}, rid
        else:
            assert reasons[rid] == "no_equivalent_action", rid
    assert mapped_types & set(empty + stray + missing), "the sample has mapped records without a target"


def test_fixture_lists_empty_missing_targets_and_broken_lines():
    report, events, unmapped = _run([FIX / "plover_targets.jsonl"])
    assert report.records_read == 9 and report.rows_read == 10 and report.reconciles()
    got = [(r["origin_id"], r["actor"], r["action"], r["target"]) for r in events.to_pylist()]
    assert got == [
        ("T-1", "DEU", "reduce_relations", "RUS"),  # SANCTION/expel/diplomatic, two sources
        ("T-1", "POL", "reduce_relations", "RUS"),
        ("T-2", "GBR", "cyberattack_accusation", "RUS"),
        ("T-5", "NATO", "demand", "RUS"),  # REQUEST (PLOVER 2021), an IGO source, a dict target
    ]
    assert dict(report.unmapped) == {
        "not_an_event": 1, "malformed_row": 1, "no_target": 2, "no_equivalent_action": 1, "bad_date": 1
    }  # fmt: skip
    broken = [r for r in unmapped.to_pylist() if r["reason"] == "malformed_row"]
    assert broken[0]["origin_codes"].startswith('raw={"id": "T-broken"')


def test_pretty_printed_concatenated_objects(tmp_path):
    path = tmp_path / "pretty.json"
    recs = [
        {
            "id": "P-1",
            "date": "2001-02-03",
            "event": "DEMAND",
            "source": [{"code": "FRA"}],
            "target": [{"code": "IRQ"}],
        },
        {
            "id": "P-2",
            "date": "2001-02-03",
            "event": "THREATEN",
            "source": [{"code": "USA"}],
            "target": [{"code": "IRQ"}],
        },
    ]
    path.write_text("\n".join(json.dumps(r, indent=2) for r in recs) + "\n", encoding="utf-8")
    tables = list(read_plover([path]))
    assert [(r["actor"], r["action"]) for t in tables for r in t.to_pylist()] == [
        ("FRA", "demand"),
        ("USA", "threaten"),
    ]


def test_not_json_raises_and_import_stores_nothing(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("id,event\n1,DEMAND\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not PLOVER JSON"):
        import_plover([bad], tmp_path / "store")
    assert not (tmp_path / "store" / "current").exists()


def test_import_gsr_into_store(tmp_path):
    report = import_plover([shared_path(*GSR)], tmp_path / "store")
    assert report.reconciles() and report.rejected == 0 and report.imported > 0
    assert report.stored + report.merged == report.imported
