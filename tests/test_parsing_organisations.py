"""Organisations (NGOs, media, companies) as actors: recognised by their head noun, kept apart
from government bodies, named again by their acronym, and coded only for statements."""

from __future__ import annotations

import pytest

from dipevents.parsing import parse_text
from dipevents.parsing.actors import Discourse, find_mentions
from dipevents.parsing.organisations import find_organisations, slug


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("Human Rights Watch said on Monday that the trial was unfair.", "Human Rights Watch", "ngo"),
        ("The Norwegian Refugee Council warned of shortages.", "Norwegian Refugee Council", "ngo"),
        ("Amnesty International called the verdict a travesty.", "Amnesty International", "ngo"),
        ("The minister told the Washington Post that talks had stalled.", "Washington Post", "media"),
    ],
)
def test_organisation_names(text: str, name: str, actor_type: str) -> None:
    found = [(m.text, m.actor, m.actor_type) for m in find_mentions(text, Discourse()) if m.kind == "org"]
    assert found == [(name, slug(name), actor_type)]


@pytest.mark.parametrize(
    "text",
    [
        "The US National Security Council met on Monday.",
        "Iran's Supreme National Security Council approved the plan.",
        "The Foreign Affairs Committee of the Bundestag debated the motion.",
        "The UN Human Rights Council adopted a resolution.",
        "The Saudi Press Agency reported the decision.",
        "The European Union and the Gulf Cooperation Council issued a statement.",
    ],
)
def test_government_and_igo_bodies_are_not_organisations(text: str) -> None:
    assert not [m for m in find_mentions(text, Discourse()) if m.kind == "org"]


def test_acronym_in_brackets_and_initials_name_it_later() -> None:
    d = Discourse()
    find_mentions("The Committee to Protect Journalists and the Canadian Civil Liberties Association (CCLA) met.", d)
    later = find_mentions("The CCLA wrote that Riyadh had gone too far.", d)
    assert [(m.text, m.actor) for m in later if m.kind == "org"] == [("CCLA", "canadian-civil-liberties-association")]
    assert find_organisations("Transparency International")[0].acronyms == ()


def test_organisation_statements_are_coded_with_the_organisation_as_actor() -> None:
    text = (
        "The American Jewish Committee voiced its support for Albania on Wednesday. "
        "\u201cThe regime is a dangerous, destabilizing force,\u201d the AJC wrote, referring to Iran."
    )
    got = {(e.actor, e.actor_type.value, e.action, e.target) for e in parse_text(text, published="2022-09-08")}
    assert ("american-jewish-committee", "ngo", "support", "ALB") in got
    assert ("american-jewish-committee", "ngo", "condemn", "IRN") in got
    names = {e.actor_name for e in parse_text(text, published="2022-09-08")}
    assert names == {"American Jewish Committee"}


def test_organisations_do_not_perform_or_receive_diplomatic_acts() -> None:
    events = parse_text("Human Rights Watch expelled the Iranian diplomats on Monday.", published="2023-01-04")
    assert [e for e in events if e.action == "expel_diplomats"] == []
    events = parse_text("Turkey closed the Norwegian Refugee Council's office.", published="2023-01-04")
    assert events == []


def test_object_position_or_label_is_not_the_subject() -> None:
    text = "Global Times: It is reported that the US accused China of cyberattacks on Monday."
    got = {(e.actor, e.action, e.target) for e in parse_text(text, published="2024-03-26")}
    assert ("global-times", "cyberattack_accusation", "CHN") not in got
    assert ("USA", "cyberattack_accusation", "CHN") in got


def test_newspapers_are_recognised_but_code_no_events() -> None:
    events = parse_text("The Washington Post called the Saudi crackdown reckless.", published="2023-01-04")
    assert events == []
    events = parse_text("Tehran Times condemned Albania on Monday.", published="2023-01-04")
    assert [e for e in events if e.actor == "IRN"] == []


def test_one_organisation_has_one_id_in_british_and_american_spelling() -> None:
    british = parse_text("Israel condemned the Palestine Liberation Organisation on Monday.", published="1985-01-04")
    american = parse_text("Israel condemned the Palestine Liberation Organization on Monday.", published="1985-01-04")
    assert [e.target for e in british] == [e.target for e in american] == ["palestine-liberation-organization"]
