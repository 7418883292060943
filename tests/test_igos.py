"""The IGO table and its lookup API, checked against CAMEO-coded peer files."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from dipevents import countries, igos
from dipevents.countries import normalise
from dipevents.errors import DipeventsError, UnknownIGOError
from tests.conftest import shared_path

KINDS = {"un_system", "regional", "transregional", "alliance", "forum", "financial", "economic", "judicial", "police"}


def test_table_shape() -> None:
    table = igos.all_igos()
    assert len(table) >= 30
    codes = [i.code for i in table]
    assert [c for c, n in Counter(codes).items() if n > 1] == []
    for igo in table:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", igo.code), igo
        assert igo.kind in KINDS, igo
        assert igo.parent is None or igos.is_igo_code(igo.parent), igo
        assert igo.cameo is None or igo.cameo.startswith("IGO"), igo
        assert igo.cameo_group is None or re.fullmatch(r"[A-Z]{3}", igo.cameo_group), igo


def test_no_code_is_a_country_code() -> None:
    """Actor ids of states (ISO3) and of IGOs must never be confused."""
    assert [i.code for i in igos.all_igos() if countries.is_iso3(i.code)] == []


def test_vocabulary_igo_examples_exist() -> None:
    text = shared_path("vocabulary.md").read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith("| igo |")]
    examples = [code.strip() for code in row.split("|")[3].split(",")]
    assert len(examples) >= 10
    assert [code for code in examples if not igos.is_igo_code(code)] == []


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("NATO", "NATO"),
        ("nato", "NATO"),
        ("arab_league", "ARAB_LEAGUE"),
        ("Arab League", "ARAB_LEAGUE"),
        ("League of Arab States", "ARAB_LEAGUE"),
        ("the Arab League", "ARAB_LEAGUE"),
        ("North Atlantic Treaty Organization", "NATO"),
        ("North Atlantic Treaty Organisation", "NATO"),
        ("European Union", "EU"),
        ("E.U.", "EU"),
        ("European Commission", "EU"),
        ("United Nations", "UN"),
        ("U.N.", "UN"),
        ("UN Security Council", "UNSC"),
        ("the Security Council", "UNSC"),
        ("African Union", "AU"),
        ("G-7", "G7"),
        ("Group of 20", "G20"),
        ("Organisation of Islamic Cooperation", "OIC"),
        ("Organization of the Islamic Conference", "OIC"),
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("Interpol", "INTERPOL"),
        ("World Bank", "WORLD_BANK"),
        ("Council of Europe", "COE"),
        ("Mercosur", "MERCOSUR"),
        # CAMEO codes, written in upper case
        ("IGOUNO", "UN"),
        ("IGOWSTNAT", "NATO"),
        ("IGOEUREEC", "EU"),
        ("IGOMEAARL", "ARAB_LEAGUE"),
        ("NAT", "NATO"),
        ("ARL", "ARAB_LEAGUE"),
    ],
)
def test_get(query: str, code: str) -> None:
    assert igos.get(query).code == code


def test_record() -> None:
    nato = igos.get("NATO")
    assert (nato.name, nato.cameo, nato.cameo_group, nato.kind, nato.parent) == (
        "North Atlantic Treaty Organization",
        "IGOWSTNAT",
        "NAT",
        "alliance",
        None,
    )
    assert igos.get("UNSC").parent == "UN" and igos.get("UNSC").cameo == "IGOUNO"
    with pytest.raises(AttributeError):
        nato.code = "X"  # type: ignore[misc]


def test_cameo_group_codes_are_upper_case_only() -> None:
    # "was" is a word; ECOWAS's known-group code WAS is read only when written as a code
    assert igos.get("WAS").code == "ECOWAS"
    with pytest.raises(UnknownIGOError):
        igos.get("was")


def test_unknown_igo_suggests_nearest_names() -> None:
    with pytest.raises(UnknownIGOError) as info:
        igos.get("Arab Leage")
    assert str(info.value) == "No international organisation matches 'Arab Leage'. Did you mean: Arab League?"
    assert info.value.suggestions == ["Arab League"] and info.value.value == "Arab Leage"
    assert isinstance(info.value, LookupError) and isinstance(info.value, DipeventsError)
    with pytest.raises(UnknownIGOError) as info:
        igos.get("Galactic Empire")
    assert info.value.suggestions == []
    with pytest.raises(UnknownIGOError):
        igos.get("the alliance")  # deliberately not a form of NATO
    with pytest.raises(TypeError):
        igos.get(1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "igo"),
    [
        ("IGOUNO", "UN"),
        ("IGOUNOGOV", "UN"),
        ("IGOUNOMIL", "UN"),
        ("IGOWSTNATMIL", "NATO"),
        ("IGOUNODEVWBK", "WORLD_BANK"),
        ("IGOBUSIMF", "IMF"),
        ("IGOCOPITP", "INTERPOL"),
        ("IGOOPC", "OPEC"),
        ("IGOSEAASN", "ASEAN"),
        ("UNO", "UN"),
        ("SCE", "OSCE"),
        ("igomeaarl", "ARAB_LEAGUE"),
    ],
)
def test_from_cameo(code: str, igo: str) -> None:
    assert igos.from_cameo(code) == igo


@pytest.mark.parametrize("code", ["IGO", "IGOAFR", "IGOEEU", "USA", "HMS", ""])
def test_from_cameo_unknown(code: str) -> None:
    with pytest.raises(UnknownIGOError) as info:
        igos.from_cameo(code)
    assert repr(code) in str(info.value)


def test_is_igo_code() -> None:
    assert igos.is_igo_code("NATO") and igos.is_igo_code("ARAB_LEAGUE")
    assert not igos.is_igo_code("nato") and not igos.is_igo_code("Arab League") and not igos.is_igo_code("IRN")


def test_surface_forms() -> None:
    forms = igos.surface_forms()
    assert forms["Arab League"] == "ARAB_LEAGUE" and forms["NATO"] == "NATO" and forms["U.N."] == "UN"
    assert "ARAB_LEAGUE" not in forms  # an id, not text
    assert {form: code for form, code in forms.items() if igos.get(form).code != code} == {}
    assert {"WHO", "ICC", "Security Council"} <= igos.ambiguous_forms() <= set(forms)


def test_forms_do_not_collide_with_country_forms() -> None:
    country_keys = {normalise(form) for form in countries.surface_forms()}
    assert sorted(f for f in igos.surface_forms() if normalise(f) in country_keys) == []


# --------------------------------------------------------------------------- peer files


def test_cameo_group_codes_match_the_cameo_known_group_table() -> None:
    path = shared_path("peerdata", "gdelt", "cameo_lookups", "CAMEO.knowngroup.txt")
    labels: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code, label = line.split("\t", 1)
        labels.setdefault(code, []).append(label.strip())

    def resolves(label: str) -> str | None:
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", label)
        for reading in (label, *(m.groups() if m else ())):
            try:
                return igos.get(reading).code
            except UnknownIGOError:
                continue
        return None

    for igo in igos.all_igos():
        if igo.cameo_group:
            assert igo.cameo_group in labels, igo
            assert {resolves(label) for label in labels[igo.cameo_group]} == {igo.code}, labels[igo.cameo_group]


def _peer_cameo_codes() -> set[str]:
    """IGO actor codes that appear in CAMEO-coded peer files."""
    paths = [
        shared_path("peerdata", "gdelt", "gdelt2_20250807220000.export.first82rows.CSV"),
        shared_path("peerdata", "gdelt", "gdelt1_events_sample_reed9999.tsv"),
        shared_path("peerdata", "gdelt", "gdelt1_reduced_dyadic_sample_moxious.tsv"),
        shared_path("peerdata", "polecat", "plovigy_testfile_0105.jsonl"),
        shared_path("peerdata", "petrarch", "PETR.Validate.actors.txt"),
    ]
    codes: set[str] = set()
    for path in paths:
        codes.update(re.findall(r"\bIGO[A-Z]+\b", path.read_text(encoding="utf-8", errors="replace")))
    return codes


def test_full_cameo_codes_are_attested() -> None:
    """Every full CAMEO code in the table appears in a CAMEO-coded peer file."""
    attested = _peer_cameo_codes()
    assert [i.cameo for i in igos.all_igos() if i.cameo and i.cameo not in attested] == []


def test_peer_igo_codes_resolve() -> None:
    # IGOAFR: the PETRARCH-2 *validation* dictionary's code for "THE_AU" is only CAMEO's
    # "African IGO" region; IGOEEU: the same test dictionary's EU code, where GDELT uses
    # IGOEUREEC. Neither names one organisation. IGORATE/IGOV are parts of other words.
    unresolvable = {"IGOAFR", "IGOEEU", "IGORATE", "IGOV"}
    attested = _peer_cameo_codes()
    assert len(attested) > 10
    wrong = []
    for code in sorted(attested - unresolvable - {"IGO"}):
        try:
            igos.from_cameo(code)
        except UnknownIGOError:
            wrong.append(code)
    assert wrong == []


def test_gdelt_igo_actor_names_agree_with_codes() -> None:
    pairs = set()
    for name in ("gdelt2_20250807220000.export.first82rows.CSV", "gdelt1_events_sample_reed9999.tsv"):
        with open(shared_path("peerdata", "gdelt", name), encoding="utf-8", errors="replace") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                for i in (5, 15):  # Actor1Code/Actor1Name, Actor2Code/Actor2Name
                    if len(row) > i + 1 and row[i].startswith("IGO"):
                        pairs.add((row[i], row[i + 1]))
    assert len(pairs) >= 3
    for code, name in pairs:
        assert igos.get(name).code == igos.from_cameo(code), (code, name)


def test_icews_igo_names_resolve() -> None:
    path = shared_path("peerdata", "icews", "events.2018.sample.tab")
    names = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for side in ("Source", "Target"):
                if "International Government Organization" in row[f"{side} Sectors"] and row[f"{side} Country"] == "NA":
                    names.add(row[f"{side} Name"])
    # people, an EU agency we do not hold, ICEWS's generic actor and "sector (organisation)" actors
    not_organisations = {
        "Antonio Tajani",
        "Cecilia Malmstrom",
        "Philip Alston",
        "Mina Andreeva",
        "Staffan de Mistura",
        "Masood Ahmed",
        "Europol",
        "International Government Organizations",
        "Secretariat (Organization of American States)",
        "Ministry (European Union)",
        "Ministry (G7)",
    }
    unresolved = set()
    for name in names:
        try:
            igos.get(name)
        except UnknownIGOError:
            unresolved.add(name)
    assert unresolved == not_organisations
    assert len(names - unresolved) >= 15
