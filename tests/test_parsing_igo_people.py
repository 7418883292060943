"""Officials of international organisations named without their organisation
(``data/parser_igo_people.csv``): "Guterres condemned ..." is the UN, "Borrell called on ..." the EU.

The sentences are written for these tests (none is taken from an evaluation text).
"""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest

from dipevents import countries, igos
from dipevents._resources import read_csv, read_text
from dipevents.errors import UnknownIGOError, ValidationError
from dipevents.parsing import actors, parse_text
from dipevents.parsing.actors import Discourse, find_mentions, gazetteer

TABLE = "parser_igo_people.csv"


def _events(text: str) -> set[tuple[str, str, str]]:
    return {(e.actor, e.action, e.target) for e in parse_text(text, published="2023-05-02")}


def _plain(form: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


# -- the table ---------------------------------------------------------------------------------


def test_every_row_parses_with_a_valid_igo_code() -> None:
    lines = [line for line in read_text(TABLE).splitlines() if line and not line.startswith("#")]
    assert lines[0] == "name,igo"
    rows = list(csv.reader(io.StringIO("\n".join(lines[1:]))))
    assert len(rows) > 200
    for row in rows:
        assert len(row) == 2, row
        name, code = row
        assert name and name == name.strip() and "  " not in name, row
        assert igos.is_igo_code(code), row
        assert code not in ("UNSC", "UNGA", "UNHRC"), row  # rotating presidencies: states' officials


def test_no_form_is_listed_twice() -> None:
    """Not twice in any case, nor once more without its diacritics (the parser adds that form)."""
    names = [row["name"] for row in read_csv(TABLE)]
    keys = [name.casefold() for name in names]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    plain = {_plain(name).casefold(): name for name in names if _plain(name).casefold() != name.casefold()}
    assert sorted((plain[k], n) for k, n in zip(keys, names, strict=True) if k in plain) == []


def test_the_tables_cover_the_main_organisations() -> None:
    codes = {row["igo"] for row in read_csv(TABLE)}
    assert {"UN", "NATO", "EU", "AU", "ARAB_LEAGUE", "GCC", "OIC", "OAS", "ASEAN", "OSCE", "IAEA"} <= codes


def test_no_form_collides_with_another_table() -> None:
    """Every form of the table (and its accent-free form) names its organisation's official in
    the gazetteer: none is also a state's, an organisation's or a listed state official's form,
    which the gazetteer would silently keep for the first actor."""
    others: dict[str, str] = {}
    for form, (iso3, _kind) in countries.surface_forms().items():
        others.setdefault(form.casefold(), iso3)
    for form, code in igos.surface_forms().items():
        others.setdefault(form.casefold(), code)
    for row in read_csv("parser_people.csv"):
        others.setdefault(row["name"].casefold(), row["iso3"])
        others.setdefault(_plain(row["name"]).casefold(), row["iso3"])
    for row in read_csv("parser_groups.csv"):
        others.setdefault(row["name"].casefold(), row["id"])
    clashes = {
        (row["name"], others[key])
        for row in read_csv(TABLE)
        for key in {row["name"].casefold(), _plain(row["name"]).casefold()}
        if key in others
    }
    assert clashes == set()  # the documented collisions: none (see the table's header)
    forms = gazetteer().forms
    for row in read_csv(TABLE):
        for form in {row["name"], _plain(row["name"])}:
            entry = forms[form.casefold()]
            assert (entry.actor, entry.actor_type, entry.kind) == (row["igo"], "igo", "person"), form


def test_people_left_to_their_state_stay_there() -> None:
    """The header's decisions: Tusk and Rutte stay in parser_people.csv, not here."""
    forms = gazetteer().forms
    assert forms["donald tusk"].actor == "POL"
    assert forms["mark rutte"].actor == "NLD"
    listed = {row["name"] for row in read_csv(TABLE)}
    assert not listed & {"Donald Tusk", "Mark Rutte", "Anders Fogh Rasmussen", "António Costa", "Ban", "Michel"}
    assert {"Jens Stoltenberg", "Kaja Kallas", "Josep Borrell", "Guterres"} <= listed


@pytest.mark.parametrize(
    ("rows", "error", "words"),
    [
        ([{"name": "Jens Stoltenberg", "igo": "NATO"}, {"name": "Kofi Annan", "igo": "UNO"}], UnknownIGOError, "'UNO'"),
        ([{"name": "Kofi Annan", "igo": "nato"}], UnknownIGOError, "'nato'"),
        ([{"name": "Kofi Annan", "igo": ""}], UnknownIGOError, "''"),
        ([{"name": " ", "igo": "UN"}], ValidationError, "empty"),
    ],
)
def test_a_bad_row_raises_naming_the_file_row_and_value(
    monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, str]], error: type[Exception], words: str
) -> None:
    real = actors.read_csv
    monkeypatch.setattr(actors, "read_csv", lambda name: rows if name == TABLE else real(name))
    with pytest.raises(error) as exc:
        actors.gazetteer.__wrapped__()  # (built afresh, not the cached gazetteer)
    message = str(exc.value)
    assert TABLE in message and f"data row {len(rows)}" in message and words in message
    if error is UnknownIGOError:
        assert exc.value.value == rows[-1]["igo"]


# -- the parser --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guterres condemned Russia's invasion of Ukraine.", ("UN", "condemn", "RUS")),
        ("Stoltenberg condemned Russia for the missile strikes on Kyiv.", ("NATO", "condemn", "RUS")),
        ("Borrell called on Iran to release the detained diplomats.", ("EU", "demand", "IRN")),
        ("Aboul Gheit denounced the Israeli strikes on Gaza.", ("ARAB_LEAGUE", "condemn", "ISR")),
        ("Ahmed Aboul-Gheit condemned the Israeli strikes on Gaza.", ("ARAB_LEAGUE", "condemn", "ISR")),
        ("Moussa Faki Mahamat condemned Rwanda on Sunday.", ("AU", "condemn", "RWA")),
        ("Jasem Albudaiwi condemned Iran for the attack.", ("GCC", "condemn", "IRN")),
        ("Grossi called on Iran to restore the cameras.", ("IAEA", "demand", "IRN")),
        ("Luis Almagro condemned Nicaragua for the expulsions.", ("OAS", "condemn", "NIC")),
    ],
)
def test_an_official_named_alone_codes_as_the_organisation(text: str, expected: tuple[str, str, str]) -> None:
    assert _events(text) == {expected}


def test_a_spokesperson_codes_as_the_organisation() -> None:
    assert _events("Stéphane Dujarric condemned the Israeli strikes on Gaza.") == {("UN", "condemn", "ISR")}
    assert _events("Stephane Dujarric called on Israel to halt the strikes.") == {("UN", "demand", "ISR")}
    assert _events("Oana Lungescu condemned Russia for the attack.") == {("NATO", "condemn", "RUS")}


def test_the_surname_after_a_full_name_is_the_organisation() -> None:
    text = "Peter Stano condemned Belarus on Tuesday. Stano also called on Minsk to release the journalists."
    assert _events(text) == {("EU", "condemn", "BLR"), ("EU", "demand", "BLR")}
    text = "Kaja Kallas condemned Iran on Monday. Kallas also called on Tehran to release the prisoners."
    assert _events(text) == {("EU", "condemn", "IRN"), ("EU", "demand", "IRN")}


def test_a_title_with_the_name_is_one_mention() -> None:
    for text in (
        "UN Secretary-General António Guterres condemned Russia.",
        "Secretary-General António Guterres condemned Russia.",
        "NATO Secretary-General Jens Stoltenberg condemned Russia.",
    ):
        ms = find_mentions(text, Discourse())
        assert [(m.actor, m.kind) for m in ms] == [(ms[0].actor, "official"), ("RUS", "name")], text
        assert ms[0].actor in ("UN", "NATO") and ms[0].text.endswith(("Guterres", "Stoltenberg"))
        assert _events(text) == {(ms[0].actor, "condemn", "RUS")}


def test_a_state_official_under_an_organisations_title_is_the_organisation_later_too() -> None:
    """Mark Rutte is the Netherlands' in the people table; after "NATO Secretary-General", his
    surname is NATO's in that document."""
    text = "NATO Secretary-General Mark Rutte condemned Russia. Rutte called on Moscow to withdraw its troops."
    assert _events(text) == {("NATO", "condemn", "RUS"), ("NATO", "demand", "RUS")}


def test_a_state_title_wins_over_the_table_in_that_document() -> None:
    """Before their IGO office: "Estonian Prime Minister Kaja Kallas", "Norwegian Prime Minister
    Jens Stoltenberg" make the person (and the surname later) the state's; untitled, the IGO's."""
    assert _events("Kaja Kallas condemned Russia.") == {("EU", "condemn", "RUS")}
    text = "Estonian Prime Minister Kaja Kallas condemned Russia. Kallas also called on Moscow to withdraw."
    assert _events(text) == {("EST", "condemn", "RUS"), ("EST", "demand", "RUS")}
    assert _events("Stoltenberg condemned Russia.") == {("NATO", "condemn", "RUS")}
    text = "Norwegian Prime Minister Jens Stoltenberg condemned Russia. Stoltenberg also called on Moscow to withdraw."
    assert _events(text) == {("NOR", "condemn", "RUS"), ("NOR", "demand", "RUS")}


@pytest.mark.parametrize(
    ("current", "former"),
    [
        ("Jens Stoltenberg condemned Russia.", "Former NATO Secretary-General Jens Stoltenberg condemned Russia."),
        ("Stoltenberg condemned Russia.", "The former NATO chief Stoltenberg condemned Russia."),
        ("Jens Stoltenberg condemned Russia.", "The former alliance chief Jens Stoltenberg condemned Russia."),
        ("Ban Ki-moon condemned Russia.", "Former Secretary-General Ban Ki-moon condemned Russia."),
        (
            "Later, von der Leyen condemned Russia.",
            "Former European Commission President von der Leyen condemned Russia.",
        ),
        ("Ursula von der Leyen condemned Russia.", "Former Commission chief Ursula von der Leyen condemned Russia."),
    ],
)
def test_a_former_official_is_not_the_organisation(current: str, former: str) -> None:
    """ "Former" before the name: no event (and the same sentence without it gives one)."""
    assert len(_events(current)) == 1
    assert _events(former) == set()


def test_an_organisations_title_still_drops_the_person_after_it() -> None:
    """One mention of the organisation, with its title or without."""
    ms = find_mentions("Jasem Albudaiwi condemned Iran.", Discourse())
    assert [(m.actor, m.kind) for m in ms] == [("GCC", "person"), ("IRN", "name")]
    ms = find_mentions("GCC Secretary-General Jasem Albudaiwi condemned Iran.", Discourse())
    assert [(m.actor, m.kind) for m in ms] == [("GCC", "official"), ("IRN", "name")]
    ms = find_mentions("Josep Borrell condemned Iran.", Discourse())
    assert [m.actor for m in ms] == ["EU", "IRN"]
    ms = find_mentions("The EU's foreign policy chief, Josep Borrell, condemned Iran.", Discourse())
    assert [m.actor for m in ms] == ["EU", "IRN"]
