"""The event models: valid records, derived fields, stable ids, and a clear error per bad field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dipevents.errors import UnknownActionError, ValidationError
from dipevents.schema import Event, EventRecord, Mention, make_event_id


def _event(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "actor": "ALB",
        "actor_type": "state",
        "target": "IRN",
        "target_type": "state",
        "action": "sever_ties",
        "date": "2022-09-07",
        "date_precision": "day",
        "doc_id": "seed-000",
        "rule": "test",
    }
    data.update(overrides)
    return data


def test_valid_event_gets_crosswalk_from_vocabulary() -> None:
    ev = Event.from_dict(_event(action="support", actor="USA", target="ALB"))
    assert (ev.cameo, ev.quad_class, ev.goldstein, ev.plover_type) == ("051", 1, 3.4, "SUPPORT")
    assert ev.date == dt.date(2022, 9, 7)


def test_null_derived_fields_are_derived_as_when_absent() -> None:
    # A dict with nulls (as read from a CSV or an Arrow row) gets what the store's column
    # validation gives the same row: the derived values, not an error.
    nulls = dict.fromkeys(("event_id", "cameo", "quad_class", "goldstein", "plover_type"))
    assert Event.from_dict(_event(**nulls)) == Event.from_dict(_event())
    with pytest.raises(ValidationError, match="cameo='111'"):
        Event.from_dict(_event(cameo="111"))


def test_event_id_is_stable_and_ignores_the_source() -> None:
    a = Event.from_dict(_event(doc_id="a", publisher="X"))
    b = Event.from_dict(_event(doc_id="b", publisher="Y", sentence="Albania cut ties."))
    c = Event.from_dict(_event(action="expel_diplomats"))
    assert a.event_id == b.event_id != c.event_id
    assert a.event_id == make_event_id("ALB", "sever_ties", "IRN", dt.date(2022, 9, 7), "day")


def test_event_id_normalises_date_to_precision() -> None:
    month = make_event_id("ALB", "sever_ties", "IRN", dt.date(2022, 9, 1), "month")
    day = make_event_id("ALB", "sever_ties", "IRN", dt.date(2022, 9, 1), "day")
    assert month != day


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("action", "sever_relations", "sever_ties"),  # suggestion in message
        ("actor", "Iran", "ISO 3166-1 alpha-3"),
        ("actor", "XYZ", "known state"),
        ("target", "irn", "ISO 3166-1 alpha-3"),
        ("actor_type", "country", "state"),
        ("date_precision", "week", "day"),
        ("date", "2022-13-01", "date"),
    ],
)
def test_each_bad_field_is_named_with_its_value(field: str, value: str, expected: str) -> None:
    with pytest.raises((ValidationError, UnknownActionError)) as info:
        Event.from_dict(_event(**{field: value}), record="row 7")
    message = str(info.value)
    assert field in message
    assert repr(value) in message or value in message
    assert expected in message
    if isinstance(info.value, ValidationError):
        assert "row 7" in message
        assert info.value.field == field


def test_unknown_action_is_also_a_lookup_error_with_suggestions() -> None:
    with pytest.raises(ValidationError) as info:
        Event.from_dict(_event(action="expel_diplomat"))
    assert "expel_diplomats" in str(info.value)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"date": "2022-09-15", "date_precision": "month"}, "first day of its month"),
        ({"date": "2022-09-01", "date_precision": "year"}, "1 January"),
        ({"date": "2022-09-07", "date_precision": "unknown"}, "precision 'unknown'"),
        ({"date": None, "date_precision": "day"}, "date is missing"),
        ({"actor_type": "ngo", "actor": "American Jewish Committee"}, "slug"),
        ({"target_type": "igo", "target": "nato"}, "IGO code"),
        ({"target": "ALB"}, "both 'ALB'"),
        ({"sentence_start": 10}, "together"),
        ({"sentence_start": 10, "sentence_end": 5}, "before sentence_start"),
        ({"cameo": "190"}, "disagrees with action"),
        ({"colour": "red"}, "colour"),
        ({"doc_id": ""}, "doc_id"),
    ],
)
def test_inconsistent_records_are_rejected_with_reason(overrides: dict[str, Any], expected: str) -> None:
    with pytest.raises(ValidationError) as info:
        Event.from_dict(_event(**overrides))
    assert expected in str(info.value)
    assert "seed-000" in str(info.value) or overrides.get("doc_id") == ""


def test_valid_non_state_actors_and_coarse_dates() -> None:
    ev = Event.from_dict(
        _event(
            actor="american-jewish-committee",
            actor_type="ngo",
            action="support",
            target="ALB",
            date="2022-09-01",
            date_precision="month",
        )
    )
    assert ev.actor_type.value == "ngo"
    year = Event.from_dict(_event(date=None, date_precision="unknown"))
    assert year.date is None


def test_models_are_frozen() -> None:
    ev = Event.from_dict(_event())
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own frozen error
        ev.actor = "USA"  # type: ignore[misc]


def test_record_and_mention_models_validate() -> None:
    rec = EventRecord.from_dict({k: v for k, v in _event().items() if k not in {"doc_id", "rule"}} | {"n_sources": 3})
    assert rec.n_sources == 3 and rec.cameo == "161"
    with pytest.raises(ValidationError, match="n_documents"):
        EventRecord.from_dict({k: v for k, v in _event().items() if k not in {"doc_id", "rule"}} | {"n_documents": 0})
    m = Mention.from_dict({"event_id": rec.event_id, "mention_id": "m1", "doc_id": "d", "rule": "r"})
    assert m.salience.value == "main"
