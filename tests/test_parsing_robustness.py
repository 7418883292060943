"""parse_text on any input: events or its documented ParseError, never another exception, never a hang."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dipevents.errors import ParseError
from dipevents.parsing import parse_text
from dipevents.parsing.actions import find_triggers, prefilter
from dipevents.schema import Event
from tests.conftest import REPO

_WORDS = [
    "Albania",
    "Iran",
    "U.S.",
    "the",
    "and",
    "cut",
    "diplomatic",
    "ties",
    "with",
    "expelled",
    "accused",
    "of",
    "cyberattack",
    "denied",
    '"We"',
    ",",
    ".",
    ";",
    "’s",
    "said",
    "on",
    "Wednesday",
    "7",
    "September",
    "2022",
    "persona",
    "non",
    "grata",
    "summoned",
    "ambassador",
    "sanctions",
    "not",
    "will",
    "could",
    "former",
    "Kremlin",
    "Tehran",
    "it",
    "the",
    "country",
]


def _check(events: list[Event], text: str) -> None:
    for ev in events:
        assert isinstance(ev, Event)
        assert text[ev.sentence_start : ev.sentence_end] == ev.sentence
        assert ev.rule


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_unicode(text: str) -> None:
    _check(parse_text(text, published=dt.date(2022, 9, 8)), text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=300).map(" ".join))
def test_word_salad_of_trigger_and_actor_words(text: str) -> None:
    _check(parse_text(text), text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=4000))
def test_binary_junk_decoded_as_text(data: bytes) -> None:
    text = data.decode("latin-1")
    _check(parse_text(text), text)
    text = data.decode("utf-8", errors="replace")
    _check(parse_text(text), text)


def test_empty_and_blank() -> None:
    assert parse_text("") == []
    assert parse_text(" \n\t\n ") == []


@pytest.mark.parametrize("bad", [None, b"Albania cut ties", 42, ["text"]])
def test_non_string_is_a_parse_error(bad: object) -> None:
    with pytest.raises(ParseError):
        parse_text(bad)  # type: ignore[arg-type]


def test_bad_published_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="published"):
        parse_text("Albania cut ties with Iran.", doc_id="x", published="next Tuesday")
    with pytest.raises(ParseError, match="published"):
        parse_text("Albania cut ties with Iran.", doc_id="x", published=20220907)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["doc_id", "url", "publisher"])
@pytest.mark.parametrize("bad", [42, b"bytes", ["x"]])
def test_metadata_of_a_wrong_type_is_a_parse_error_naming_it(field: str, bad: object) -> None:
    with pytest.raises(ParseError, match=field):
        parse_text("Albania cut ties with Iran.", **{field: bad})  # type: ignore[arg-type]


def test_pathological_inputs_finish() -> None:
    # Long runs that would make an unbounded or nested pattern backtrack.
    for text in [
        "a" * 200_000,
        " " * 200_000 + "x",
        ("Albania, " * 20_000) + "cut ties",
        "cut " * 50_000,
        ("The " * 30_000) + "country",
        "expelled " + ("very " * 40_000) + "diplomats",
        "“" * 50_000,
        ".\n" * 100_000,
    ]:
        _check(parse_text(text), text)


@pytest.mark.slow
def test_ten_megabytes() -> None:
    rng = random.Random(7)
    seeds = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    parts, size = [], 0
    while size < 10_000_000:
        chunk = (
            rng.choice(seeds) if rng.random() < 0.8 else "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(5000))
        )
        parts.append(chunk)
        size += len(chunk)
    text = "\n".join(parts)
    events = parse_text(text, published=dt.date(2022, 9, 8))
    _check(events, text)
    assert any(e.action == "sever_ties" for e in events)


def test_prefilter_never_hides_a_trigger() -> None:
    # The cheap prefilter must pass every sentence a trigger matches (fixtures and seeds).
    from dipevents.parsing.sentences import split_sentences

    texts = [p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts += (REPO / "fixtures" / "parser" / "phrasings.jsonl").read_text("utf-8").splitlines()
    for text in texts:
        for s in split_sentences(text, drop_noise=False):
            if find_triggers(s.text):
                assert prefilter(s.text), s.text


def test_trigger_patterns_are_bounded() -> None:
    # No unbounded repeat inside a repeated group: the shape that backtracks catastrophically.
    import re

    from dipevents.parsing.actions import triggers

    for trig in triggers():
        assert not re.search(r"\([^()]*[*+][^()]*\)[*+{]", trig.pattern.pattern), trig.rule
