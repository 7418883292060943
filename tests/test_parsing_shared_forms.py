"""Forms two states share (``data/parser_shared_forms.csv``): "Congo" is the Congo the text has
named by a form of its own, "the Korean side" the Korea it has named.

The sentences are written for these tests (none is taken from an evaluation text).
"""

from __future__ import annotations

import pytest

from dipevents import countries
from dipevents._resources import read_csv
from dipevents.errors import UnknownCountryError
from dipevents.parsing import actors, parse_text

TABLE = "parser_shared_forms.csv"


def _events(text: str) -> set[tuple[str, str, str]]:
    return {(e.actor, e.action, e.target) for e in parse_text(text, published="2023-12-18")}


def test_every_row_names_two_states_and_a_default_among_them() -> None:
    rows = read_csv(TABLE)
    assert rows
    for row in rows:
        states = row["actors"].split("|")
        assert len(states) == 2 and all(countries.is_iso3(s) for s in states), row
        assert row["default"] in ("", *states), row
        assert row["kind"] in ("name", "demonym"), row
        # a shared form is not also a form of one state only (it would be read as that state)
        assert row["form"] not in countries.surface_forms() or row["form"] == "Congo", row


def test_congo_follows_the_congo_the_text_named() -> None:
    drc = "Relations between the Democratic Republic of Congo and Kenya soured on Friday. "
    assert ("COD", "recall_ambassador", "KEN") in _events(drc + "Congo recalled its ambassador to Kenya.")
    brazza = "Brazzaville protested to Kenya on Friday. "
    assert ("COG", "recall_ambassador", "KEN") in _events(brazza + "Congo recalled its ambassador to Kenya.")
    # Kinshasa, the capital, is a form of the DRC's own too
    assert ("COD", "condemn", "KEN") in _events("Kinshasa is angry. Congo condemned Kenya on Saturday.")


def test_congo_alone_keeps_its_default_and_both_named_drop_it() -> None:
    assert ("COG", "recall_ambassador", "KEN") in _events("Congo recalled its ambassador to Kenya.")
    both = "Kinshasa and Brazzaville met on Friday. Congo recalled its ambassador to Kenya."
    assert not any(e[0] in ("COD", "COG") and e[1] == "recall_ambassador" for e in _events(both))


def test_korean_with_no_default_needs_the_text_to_tell() -> None:
    assert ("JPN", "demand", "KOR") in _events(
        "Seoul protested on Monday. Japan urged the Korean side to cancel the visit."
    )
    assert ("JPN", "demand", "PRK") in _events(
        "Pyongyang fired a missile. Japan urged the Korean side to stop the launches."
    )
    assert not any(e[2] in ("KOR", "PRK") for e in _events("Japan urged the Korean side to cancel the visit."))


def test_an_unknown_code_in_the_table_names_the_row(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"form": "Congo", "kind": "name", "actors": "COD|XXQ", "default": ""}]
    monkeypatch.setattr(actors, "read_csv", lambda name: rows if name == TABLE else read_csv(name))
    actors.shared_forms.cache_clear()
    try:
        with pytest.raises(UnknownCountryError, match=r"parser_shared_forms\.csv, data row 1 \('Congo'\).*XXQ"):
            actors.shared_forms()
    finally:
        actors.shared_forms.cache_clear()
