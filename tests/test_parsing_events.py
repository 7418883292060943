"""The parser's lean Event construction gives exactly what full validation gives."""

from __future__ import annotations

import json

import pytest

from dipevents.parsing import _events, parse_text
from dipevents.schema import Event
from tests.conftest import REPO, shared_path


def _documents() -> list[tuple[str, dict]]:
    docs: list[tuple[str, dict]] = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text("utf-8")
        docs.append((text, {"doc_id": path.stem}))
        docs.append((text, {}))  # publication date read from the text
    for line in (REPO / "fixtures" / "parser" / "phrasings.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            docs.append((row["text"], {"published": row.get("published")}))
    return docs


def _devset() -> list[tuple[str, dict]]:
    root = shared_path("devset")
    docs = []
    for line in (root / "articles.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        meta = json.loads(line)
        path = root / (meta.get("path") or f"articles/{meta['doc_id']}.txt")
        text = path.read_bytes().decode("utf-8")
        kwargs = {k: meta[k] for k in ("doc_id", "url", "publisher", "published")}
        docs.append((text, kwargs))
    return docs


def _check(docs: list[tuple[str, dict]], monkeypatch: pytest.MonkeyPatch) -> int:
    n = 0
    for text, kwargs in docs:
        events = parse_text(text, **kwargs)
        for ev in events:
            again = Event.model_validate(ev.model_dump())
            assert again == ev, ev.rule
            assert again.model_dump() == ev.model_dump()
        # The same events with every one validated in full.
        with monkeypatch.context() as m:
            m.setattr(_events, "_FAST", False)
            full = parse_text(text, **kwargs)
        assert full == events
        assert [e.model_dump() for e in full] == [e.model_dump() for e in events]
        assert [e.model_fields_set for e in full] == [e.model_fields_set for e in events]
        n += len(events)
    return n


def test_events_round_trip_on_seeds_and_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _events._FAST, "Event's fields changed: update dipevents/parsing/_events.py"
    assert _check(_documents(), monkeypatch) > 50


def test_events_round_trip_on_devset(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _check(_devset(), monkeypatch) > 100


def test_bad_report_fields_take_the_validating_path() -> None:
    # A sentence that is not valid Unicode is refused by the schema; the parser logs and skips it.
    factory = _events.EventFactory()
    data = {
        "actor": "ALB",
        "actor_type": "state",
        "actor_name": "Albania",
        "target": "IRN",
        "target_type": "state",
        "target_name": "Iran",
        "action": "sever_ties",
        "date": None,
        "date_precision": "unknown",
        "doc_id": "t",
        "url": None,
        "publisher": None,
        "published": None,
        "sentence": "Albania cut ties with Iran.",
        "sentence_start": 0,
        "sentence_end": 27,
        "rule": "r",
        "salience": "main",
        "dataset": "text",
    }
    first = factory.make(data, "t:0")
    second = factory.make({**data, "sentence_start": 30, "sentence_end": 57}, "t:30")
    assert second.sentence_start == 30 and second.event_id == first.event_id
    assert second == Event.from_dict({**data, "sentence_start": 30, "sentence_end": 57})
    for bad in ({"sentence": "Albania \udc80 cut ties."}, {"sentence_end": -1}, {"salience": "loud"}, {"rule": ""}):
        with pytest.raises(ValueError):
            factory.make({**data, **bad}, "t:bad")
    stripped = factory.make({**data, "sentence": "  Albania cut ties.  "}, "t:1")
    assert stripped.sentence == "Albania cut ties."
