"""The people table's later sections (``data/parser_people.csv``): heads of state and government
and foreign ministers of the 1990s, defence ministers, ambassadors to the UN, foreign-ministry
spokespeople of 1995-2009, and heads and foreign ministers of 1945-1989, named without their
state ("Churkin accused ...", "Shoigu warned ...", "Brezhnev accused ...").

The sentences are written for these tests (none is taken from an evaluation text).
"""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest

from dipevents import countries, igos
from dipevents._resources import read_csv, read_text
from dipevents.parsing import parse_text
from dipevents.parsing.actors import Discourse, find_mentions, gazetteer

TABLE = "parser_people.csv"

#: The first line of each section's header, in the order the sections stand at the table's end.
SECTIONS = (
    "# Heads of state and government and foreign ministers of frequently reported states, 1990-1999",
    "# Defence ministers of frequently reported states, 2000-2024 (and those in office in 2025), from",
    "# Ambassadors and permanent representatives to the United Nations, 1995-2024, of the permanent",
    "# Foreign-ministry spokespeople of states with regular briefings, 1995-2009 (with the Kremlin's",
    "# Heads of state and government and foreign ministers of frequently reported states, 1945-1989",
)

#: Words that must never be a form on their own: common English words and surnames, given
#: names, months, and family names shared by many officials of one state or of several.
DENYLIST = {
    "rice",
    "cook",
    "brown",
    "straw",
    "powell",
    "power",
    "young",
    "hill",
    "king",
    "long",
    "green",
    "may",
    "little",
    "gates",
    "bush",
    "martin",
    "austin",
    "carter",
    "wallace",
    "fox",
    "gold",
    "baker",
    "major",
    "christopher",
    "burns",
    "rubin",
    "struck",
    "gallant",
    "spring",
    "clark",
    "campbell",
    "evans",
    "haley",
    "bolton",
    "reid",
    "hunt",
    "white",
    "black",
    "rose",
    "hope",
    "grant",
    "march",
    "june",
    "august",
    "wang",
    "li",
    "zhang",
    "kim",
    "park",
    "lee",
    "chen",
    "liu",
    "singh",
    "khan",
    "hussein",
    "hassan",
    "ali",
    "mohammed",
    "abdullah",
}

#: Forms left out on purpose (see the sections' headers): surnames of people now quoted as
#: private critics or candidates, common surnames, and people whose state has no code here or
#: who are listed in parser_igo_people.csv.
LEFT_OUT = {
    "Kozyrev",
    "Walesa",
    "Wałęsa",
    "Ter-Petrosyan",
    "Mandela",
    "Kohl",
    "Rabin",
    "Bhutto",
    "Akram",
    "Lambrecht",
    "Gorbachev",
    "Kissinger",
    "Stalin",
    "Molotov",
    "Ho Chi Minh",
    "Chiang Kai-shek",
    "Josip Broz Tito",
    "Boutros Boutros-Ghali",
    "Gro Harlem Brundtland",
    "Kurt Waldheim",
    "Martti Ahtisaari",
    "Christoph Heusgen",
    "Bill Richardson",
    "Peter Dutton",
}


def _events(text: str, published: str = "2023-05-02") -> set[tuple[str, str, str]]:
    return {(e.actor, e.action, e.target) for e in parse_text(text, published=published)}


def _plain(form: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


def _sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """The table's blocks: (the first line of a comment block, the rows after it)."""
    blocks: list[tuple[str, list[tuple[str, str]]]] = []
    previous_was_comment = False
    for line in read_text(TABLE).splitlines():
        if not line:
            continue
        if line.startswith("#"):
            if not previous_was_comment:
                blocks.append((line, []))
            previous_was_comment = True
            continue
        previous_was_comment = False
        if line == "name,iso3":
            continue
        ((name, code),) = csv.reader(io.StringIO(line))
        blocks[-1][1].append((name, code))
    return blocks


def _new_rows() -> list[tuple[str, str]]:
    return [row for header, rows in _sections() if header in SECTIONS for row in rows]


# -- the table ---------------------------------------------------------------------------------


def test_each_new_section_has_its_header_and_rows_at_the_end() -> None:
    blocks = _sections()
    assert [header for header, _ in blocks[-len(SECTIONS) :]] == list(SECTIONS)
    sizes = {header: len(rows) for header, rows in blocks[-len(SECTIONS) :]}
    assert all(n >= 40 for n in sizes.values()), sizes
    assert 400 <= sum(sizes[header] for header in SECTIONS[:4]) <= 650
    assert 1000 <= sizes[SECTIONS[4]] <= 1500
    names = {header: {name for name, _ in rows} for header, rows in blocks}
    assert {"Yevgeny Primakov", "Boris Yeltsin", "Franjo Tudjman", "Tariq Aziz"} <= names[SECTIONS[0]]
    assert {"Sergei Shoigu", "Lloyd Austin", "Hulusi Akar", "Benny Gantz"} <= names[SECTIONS[1]]
    assert {"Vitaly Churkin", "Zhang Jun", "Gilad Erdan", "Sergiy Kyslytsya"} <= names[SECTIONS[2]]
    assert {"Kong Quan", "Zhu Bangzao", "Mikhail Kamynin", "Hamid Reza Asefi"} <= names[SECTIONS[3]]
    assert {"Leonid Brezhnev", "Gamal Abdel Nasser", "Ronald Reagan", "Julius Nyerere"} <= names[SECTIONS[4]]


def test_every_code_is_a_state_of_the_country_table() -> None:
    codes = {row["iso3"] for row in read_csv("countries.csv")}
    rows = list(read_csv(TABLE))
    assert len(rows) > 3000
    for row in rows:
        name, code = row["name"], row["iso3"]
        assert name and name == name.strip() and "  " not in name, row
        assert code in codes, row


def test_no_form_is_repeated_within_or_across_the_people_tables() -> None:
    names = [row["name"].casefold() for row in read_csv(TABLE)]
    assert sorted(k for k in set(names) if names.count(k) > 1) == []
    igo_names = {row["name"].casefold() for row in read_csv("parser_igo_people.csv")}
    assert set(names) & igo_names == set()
    # nor once more without diacritics for another state, or an organisation
    code = {}
    for row in read_csv(TABLE):
        code.setdefault(row["name"].casefold(), row["iso3"])
    for row in read_csv("parser_igo_people.csv"):
        code.setdefault(row["name"].casefold(), row["igo"])
    clashes = {
        (name, c, code[_plain(name).casefold()]) for name, c in _new_rows() if code.get(_plain(name).casefold(), c) != c
    }
    assert clashes == set()


def test_no_surname_alone_is_a_common_word_or_name() -> None:
    single = {row["name"] for row in read_csv(TABLE) if " " not in row["name"]}
    assert {name for name in single if name.casefold() in DENYLIST} == set()
    listed = {row["name"] for row in read_csv(TABLE)}
    assert listed & LEFT_OUT == set()
    # the full forms of the people whose surname is left out are there
    assert {"Andrei Kozyrev", "Lech Walesa", "Nelson Mandela", "Helmut Kohl", "Munir Akram", "Nikki Haley"} <= listed


_ONE_NAME = {"Suharto", "Soeharto", "Sukarno", "Soekarno", "Subandrio", "Souphanouvong"}


def test_a_surname_alone_has_its_full_name_in_the_table() -> None:
    """A surname form of the new sections is the last word(s) of a full form of the same state
    (people known by one name excepted: Suharto, Sukarno, Subandrio, Prince Souphanouvong)."""
    full: dict[str, set[str]] = {}
    for row in read_csv(TABLE):
        words = row["name"].split()
        for k in range(1, len(words)):
            full.setdefault(" ".join(words[k:]).casefold(), set()).add(row["iso3"])
            full.setdefault(words[k - 1].casefold(), set()).add(row["iso3"])  # (Mobutu Sese Seko)
    alone = [(name, code) for name, code in _new_rows() if " " not in name and name not in _ONE_NAME]
    assert len(alone) > 60
    assert [(name, code) for name, code in alone if code not in full.get(name.casefold(), set())] == []


def test_every_new_form_names_its_state_in_the_gazetteer() -> None:
    """No new form is a state's name, capital or demonym, an organisation or a named group:
    each (and its accent-free form) is the listed state's person in the gazetteer."""
    taken: dict[str, str] = {}
    for form, (iso3, _kind) in countries.surface_forms().items():
        taken.setdefault(form.casefold(), iso3)
    for form, code in igos.surface_forms().items():
        taken.setdefault(form.casefold(), code)
    for row in read_csv("parser_groups.csv"):
        taken.setdefault(row["name"].casefold(), row["id"])
    rows = _new_rows()
    assert {name for name, _ in rows for key in {name, _plain(name)} if key.casefold() in taken} == set()
    forms = gazetteer().forms
    for name, code in rows:
        # (the parser adds the accent-free form where it is plain ASCII: not "Wałesa")
        for form in {name, _plain(name) if _plain(name).isascii() else name}:
            entry = forms[form.casefold()]
            assert (entry.actor, entry.actor_type, entry.kind) == (code, "state", "person"), form


# -- the parser --------------------------------------------------------------------------------


def test_a_un_ambassador_named_alone_codes_as_the_state() -> None:
    assert _events("Churkin accused Ukraine of provoking the crisis.", "2015-02-01") == {("RUS", "accuse", "UKR")}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Thomas-Greenfield condemned Russia for the strikes.", "2023-01-15", ("USA", "condemn", "RUS")),
        ("Zhang Jun called on the United States to lift the sanctions.", "2022-03-01", ("CHN", "demand", "USA")),
        ("Erdan condemned Iran for the attack.", "2024-04-14", ("ISR", "condemn", "IRN")),
        ("Kyslytsya accused Russia of war crimes.", "2022-04-05", ("UKR", "accuse", "RUS")),
        ("Takht-Ravanchi accused Israel of sabotage.", "2021-04-12", ("IRN", "accuse", "ISR")),
        ("Munir Akram accused India of human rights violations.", "2020-08-05", ("PAK", "accuse", "IND")),
    ],
)
def test_un_ambassadors(text: str, published: str, expected: tuple[str, str, str]) -> None:
    assert _events(text, published) == {expected}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Shoigu accused the United States of preparing for war.", "2022-05-01", ("RUS", "accuse", "USA")),
        ("Hegseth warned China against any attack on Taiwan.", "2025-05-31", ("USA", "threaten", "CHN")),
        ("Gantz threatened Iran with military action.", "2021-06-01", ("ISR", "threaten", "IRN")),
        ("Boris Pistorius condemned Russia's attack on the power grid.", "2023-02-01", ("DEU", "condemn", "RUS")),
        ("Akar accused Greece of provocation.", "2020-08-20", ("TUR", "accuse", "GRC")),
        ("Rumsfeld accused Iran of meddling in Iraq.", "2005-03-01", ("USA", "accuse", "IRN")),
        ("Marles criticised China for the dangerous interception.", "2023-06-05", ("AUS", "condemn", "CHN")),
    ],
)
def test_defence_ministers(text: str, published: str, expected: tuple[str, str, str]) -> None:
    assert _events(text, published) == {expected}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Primakov condemned the NATO bombing of Yugoslavia.", "1999-03-25", ("RUS", "condemn", "NATO")),
        ("Yeltsin threatened Iraq with military action.", "1998-02-01", ("RUS", "threaten", "IRQ")),
        ("Tudjman accused Serbia of aggression.", "1991-09-10", ("HRV", "accuse", "SRB")),
        ("Qian Qichen condemned Japan for the visit.", "1996-08-01", ("CHN", "condemn", "JPN")),
        ("Eagleburger warned Serbia against further attacks.", "1992-12-01", ("USA", "threaten", "SRB")),
        ("Turgut Ozal called on Iraq to withdraw from Kuwait.", "1990-09-01", ("TUR", "demand", "IRQ")),
        ("Çiller accused Greece of provocation.", "1996-02-01", ("TUR", "accuse", "GRC")),
    ],
)
def test_leaders_and_foreign_ministers_of_the_1990s(text: str, published: str, expected: tuple[str, str, str]) -> None:
    assert _events(text, published) == {expected}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Brezhnev accused China of provoking the clashes on the Ussuri.", "1969-03-10", ("RUS", "accuse", "CHN")),
        ("President Reagan condemned Libya for the bombing.", "1986-04-10", ("USA", "condemn", "LBY")),
        ("Nasser broke off relations with Britain on Thursday.", "1956-11-03", ("EGY", "sever_ties", "GBR")),
        ("Nyerere condemned Portugal for the raid on Guinea.", "1970-11-25", ("TZA", "condemn", "PRT")),
        ("Gromyko warned Pakistan against any attack on Afghanistan.", "1980-02-01", ("RUS", "threaten", "PAK")),
    ],
)
def test_leaders_and_foreign_ministers_of_1945_to_1989(
    text: str, published: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _events(text, published)


def test_a_place_named_after_a_leader_is_not_the_leader() -> None:
    """ "John F. Kennedy airport", "the Indira Gandhi International Airport": a place."""
    for text in (
        "He was arrested at New York's John F. Kennedy airport after being refused entry to Mexico.",
        "The envoy landed at the Indira Gandhi International Airport and was told to leave Pakistan.",
    ):
        assert [m for m in find_mentions(text, Discourse()) if m.kind == "person"] == [], text
    assert [m.actor for m in find_mentions("Indira Gandhi condemned Pakistan.", Discourse())] == ["IND", "PAK"]


def test_a_spokesperson_after_the_quote_is_the_state() -> None:
    """ "..., spokesman Kong Quan said": the spokesman is the only mention of China."""
    text = "Japan must stop the visits to the shrine, spokesman Kong Quan said."
    assert [(m.actor, m.kind) for m in find_mentions(text, Discourse())] == [("JPN", "name"), ("CHN", "person")]
    assert _events(text, "2005-10-18") == {("CHN", "demand", "JPN")}
    text = "The ministry condemned Georgia for the arrests, spokesman Alexander Yakovenko said."
    assert _events(text, "2004-09-01") == {("RUS", "condemn", "GEO")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asefi condemned Israel for the assassination.", ("IRN", "condemn", "ISR")),
        ("Kamynin accused Georgia of provocation.", ("RUS", "accuse", "GEO")),
    ],
)
def test_a_spokesperson_named_alone_is_the_state(text: str, expected: tuple[str, str, str]) -> None:
    assert _events(text, "2006-09-28") == {expected}


@pytest.mark.parametrize(
    ("current", "former"),
    [
        (
            "Churkin accused Ukraine of provoking the crisis.",
            "Former ambassador Churkin accused Ukraine of provoking the crisis.",
        ),
        ("Boris Yeltsin condemned NATO.", "Former President Boris Yeltsin condemned NATO."),
        (
            "Shoigu accused NATO of preparing for war.",
            "The former defence minister Shoigu accused NATO of preparing for war.",
        ),
        ("Benny Gantz threatened Iran.", "Former defence minister Benny Gantz threatened Iran."),
        ("Nikki Haley condemned Iran.", "Former U.S. ambassador Nikki Haley condemned Iran."),
    ],
)
def test_a_former_official_is_not_the_state(current: str, former: str) -> None:
    """ "Former" before the name: no event (and the same sentence without it gives one)."""
    assert len(_events(current)) == 1
    assert _events(former) == set()


def test_a_surname_left_out_codes_only_after_its_full_name() -> None:
    """ "Kozyrev" alone is nobody's; after "Andrei Kozyrev" in the same document it is Russia's."""
    assert _events("Kozyrev criticised Japan over the islands.", "1993-01-10") == set()
    assert _events("Power condemned Russia for the strikes.") == set()
    assert _events("Samantha Power condemned Russia for the strikes.") == {("USA", "condemn", "RUS")}
    text = "Andrei Kozyrev criticised Japan over the islands. Kozyrev also called on Tokyo to return the documents."
    assert _events(text, "1993-01-10") == {("RUS", "condemn", "JPN"), ("RUS", "demand", "JPN")}


def test_a_title_with_a_new_name_is_one_mention() -> None:
    for text in (
        "Russian Defence Minister Sergei Shoigu accused NATO of preparing for war.",
        "Defence Minister Sergei Shoigu accused NATO of preparing for war.",
        "Sergei Shoigu accused NATO of preparing for war.",
    ):
        ms = find_mentions(text, Discourse())
        assert [m.actor for m in ms] == ["RUS", "NATO"], text
        assert ms[0].text.endswith("Sergei Shoigu")
        assert _events(text, "2022-05-01") == {("RUS", "accuse", "NATO")}
