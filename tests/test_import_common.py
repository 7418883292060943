"""Shared importer machinery and the crosswalk data files."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pytest

from dipevents import vocabulary
from dipevents._resources import read_csv
from dipevents.importers import cameo, common, plover
from dipevents.importers.common import ActorRef, ImportReport, Lookup, parse_iso_dates, split_batch
from dipevents.schema import Event, make_event_id


def test_cameo_crosswalk_codes_are_strings_with_leading_zeros():
    rows = read_csv("crosswalk_cameo_actions.csv")
    codes = [r["cameo"] for r in rows]
    assert len(codes) == len(set(codes)), "a CAMEO code is listed twice"
    assert "016" in codes and "051" in codes and "16" not in codes
    assert all(c.isdigit() and 3 <= len(c) <= 4 for c in codes)


def test_cameo_crosswalk_precision_matches_vocabulary_level():
    for row in read_csv("crosswalk_cameo_actions.csv"):
        if not row["action"]:
            assert not row["precision"] and row["note"], f"{row['cameo']}: a deliberate 'no' needs a note"
            continue
        level = vocabulary.get(row["action"]).level
        assert row["precision"] == level, f"{row['cameo']} -> {row['action']} is {level}, file says {row['precision']}"


@pytest.mark.parametrize(
    ("code", "action"),
    [
        ("161", "reduce_relations"),  # lumps five fine actions
        ("112", "accuse_unspecified"),
        ("1125", "accuse_unspecified"),  # espionage may be cyber espionage
        ("1122", "accuse"),
        ("111", "condemn"),
        ("016", "deny"),
        ("163", "impose_sanctions"),
        ("054", "recognize"),
        ("1313", "threaten"),
        ("1056", "demand"),
        ("114", None),  # complain officially: broader than summon_envoy
        ("160", None),  # reduce relations unspecified: aid cuts and sanctions too
        ("050", None),  # diplomatic cooperation: not restore_ties
        ("16", None),  # a root code, or a code that lost its zero, maps to nothing
        ("999", None),
    ],
)
def test_cameo_action_decisions(code, action):
    assert cameo.action_for(code) == action


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ALBGOV", ActorRef("ALB", "state")),
        ("USA", ActorRef("USA", "state")),
        ("IRLGOVMIL", ActorRef("IRL", "state")),
        ("IRNGOVRAD", ActorRef("IRN", "state")),  # a modifier does not change who acts
        ("KSV", ActorRef("XKX", "state")),  # CAMEO's own country code
        ("IGOWSTNAT", ActorRef("NATO", "igo")),
        ("IGOEUREEC", ActorRef("EU", "igo")),
        ("IGOUNO", ActorRef("UN", "igo")),
        ("USAOPP", ActorRef(reason="non_state_actor")),
        ("USALEG", ActorRef(reason="non_state_actor")),
        ("PSEHMS", ActorRef(reason="non_state_actor")),  # a known group, not the state
        ("CVL", ActorRef(reason="non_state_actor")),
        ("GOV", ActorRef(reason="unknown_actor_code")),  # a government of no named state
        ("EUR", ActorRef(reason="unknown_actor_code")),  # a region
        ("USAUIS", ActorRef(reason="unknown_actor_code")),
        ("", ActorRef(reason="missing")),
    ],
)
def test_cameo_actor_codes(code, expected):
    assert cameo.resolve_actor(code) == expected


def test_plover_crosswalk_actions_exist_and_rules_are_ordered():
    rows = read_csv("crosswalk_plover_actions.csv")
    for row in rows:
        if row["action"]:
            assert row["precision"] == vocabulary.get(row["action"]).level
    assert plover.action_for("SANCTION", "withdraw", ["diplomatic", "military"]) == "reduce_relations"
    assert plover.action_for("SANCTION", "withdraw", ["economic"]) is None
    assert plover.action_for("ACCUSE", "allege", ["legal"]) == "accuse_unspecified"
    assert plover.action_for("ACCUSE", "disapprove", []) is None
    assert plover.action_for("COERCE", "restrict", ["diplomatic"]) == "impose_sanctions"
    assert plover.action_for("SUPPORT", None, ["diplomatic"]) is None


def test_lookup_extends_and_keeps_misses_null():
    lk = Lookup({}, ["id", "type"])
    assert lk.apply(pa.array(["a"]))["id"].to_pylist() == [None]
    lk.extend({"a": ("A", "state"), "b": ("B", "igo")})
    out = lk.apply(pa.chunked_array([["b", None], ["a", "c"]]))
    assert out["id"].to_pylist() == ["B", None, "A", None]
    assert out["type"].to_pylist() == ["igo", None, "state", None]


def test_parse_iso_dates_rejects_rolled_over_days():
    got = parse_iso_dates(pa.array(["2020-02-29", "2021-02-29", "2021-13-01", "2021-1-01", ""]))
    assert got.to_pylist() == [dt.date(2020, 2, 29), None, None, None, None]


def _std(rows: list[dict]) -> pa.Table:
    cols = {c: [r.get(c) for r in rows] for c in common.STANDARD_COLUMNS}
    types = {c: pa.date32() if c in ("date", "published") else pa.string() for c in common.STANDARD_COLUMNS}
    return pa.table({c: pa.array(v, types[c]) for c, v in cols.items()})


def _side(ids, types, reasons) -> dict[str, pa.Array]:
    return {
        "id": pa.array(ids, pa.string()),
        "type": pa.array(types, pa.string()),
        "reason": pa.array(reasons, pa.string()),
    }


def test_split_batch_routes_every_row_and_ids_match_make_event_id():
    day = dt.date(2022, 9, 7)
    base = {"date": day, "event_code": "161", "doc_id": "d", "origin_id": "1", "origin_codes": "EventCode=161"}
    std = _std([base, {**base, "date": None}, {**base, "event_code": "040"}, base, base])
    action = pa.array(["reduce_relations", "reduce_relations", None, "reduce_relations", "reduce_relations"])
    actor = _side(
        ["ALB", "ALB", "ALB", None, "ALB"], ["state"] * 3 + [None, "state"], [None, None, None, "non_state_actor", None]
    )
    target = _side(["IRN", "IRN", "IRN", "IRN", "ALB"], ["state"] * 5, [None] * 5)
    rule = pa.array(["r"] * 5)
    batch = split_batch(std, dataset="gdelt", source_file="f", action=action, rule=rule, actor=actor, target=target,
                        keep_unmapped=True)  # fmt: skip
    assert batch.unmapped_counts == {"bad_date": 1, "no_equivalent_action": 1, "non_state_actor": 1, "domestic": 1}
    assert batch.events.num_rows == 1 and batch.unmapped.num_rows == 4 and batch.coarse == 1
    assert batch.events.schema.equals(common.event_schema())
    row = batch.events.to_pylist()[0]
    assert row["event_id"] == make_event_id("ALB", "reduce_relations", "IRN", day, "day")
    assert (row["cameo"], row["quad_class"], row["plover_type"]) == ("161", 4, "SANCTION")
    event = Event.from_dict({k: v for k, v in row.items() if v is not None})
    assert event.event_id == row["event_id"]
    assert sorted(batch.unmapped["reason"].to_pylist()) == [
        "bad_date",
        "domestic",
        "no_equivalent_action",
        "non_state_actor",
    ]


def test_report_reconciles_and_summarises_in_reason_order():
    report = ImportReport("icews", rows_read=10, imported=4, rejected=1)
    report.count_unmapped({"domestic": 2, "no_equivalent_action": 3, "bad_date": 0})
    assert report.reconciles()
    assert report.summary() == (
        "icews: 10 rows read, 4 imported, 5 unmapped (no_equivalent_action 3, domestic 2), 1 rejected"
    )
    report.rows_read = 11
    assert not report.reconciles()
