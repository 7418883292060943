"""Question forms of ``ask``: how questions are read, and their answers on real-text stores.

Stores are built from the gold events of the seed articles and of ``../shared/devset``
(see ``tests/_querykit.py``); expected answers come from those gold events.
"""

from __future__ import annotations

import datetime as dt

import pytest

import dipevents
from dipevents.errors import QueryError
from dipevents.questions import FORMS, ask, parse
from dipevents.schema import Event
from tests._querykit import build_store, devset_events, seed_events
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> object:
    return build_store(seed_events(), tmp_path_factory.mktemp("seed-store"))


@pytest.fixture(scope="module")
def devset() -> list[Event]:
    return devset_events(shared_path("devset"))


@pytest.fixture(scope="module")
def devset_store(devset: list[Event], tmp_path_factory: pytest.TempPathFactory) -> object:
    return build_store(devset, tmp_path_factory.mktemp("devset-store"))


# ---------------------------------------------------------------- reading questions


@pytest.mark.parametrize(
    ("question", "action", "target", "actor_type"),
    [
        ("Which states backed Albania?", "support", "Albania", "state"),
        ("which COUNTRIES supported albania", "support", "albania", "state"),
        ("Which governments sided with Albania ?!", "support", "Albania", "state"),
        ("Which states have stood with Albania's decision?", "support", "Albania", "state"),
        ("who backed Albania’s decision?", "support", "Albania", None),
        ("Which countries condemned Russia?", "condemn", "Russia", "state"),
        ("which nations denounced Iran", "condemn", "Iran", "state"),
        ("Which states expelled diplomats of Russia?", "expel_diplomats", "Russia", "state"),
        ("Which states expelled diplomats from Russia?", "expel_diplomats", "Russia", "state"),
        ("Which countries expelled Russian diplomats?", "expel_diplomats", "Russian", "state"),
        ("Which states expelled Russia's diplomats?", "expel_diplomats", "Russia", "state"),
        ("Which states cut ties with Taiwan?", "sever_ties", "Taiwan", "state"),
        ("Which states severed diplomatic relations with Taiwan?", "sever_ties", "Taiwan", "state"),
        ("Which states broke off ties with Taiwan?", "sever_ties", "Taiwan", "state"),
        ("Which countries recalled their ambassadors from Niger?", "recall_ambassador", "Niger", "state"),
        ("Which states recalled ambassadors from Canada", "recall_ambassador", "Canada", "state"),
        ("Who accused China of a cyberattack?", "cyberattack_accusation", "China", None),
        ("who blamed China for cyber attacks", "cyberattack_accusation", "China", None),
    ],
)
def test_actor_questions_are_read(question: str, action: str, target: str, actor_type: str | None) -> None:
    parsed = parse(question)
    assert parsed.form == "actors_toward"
    assert parsed.params["action"] == action
    assert parsed.params["target"] == target
    assert parsed.params["actor_type"] == actor_type


@pytest.mark.parametrize(
    ("tail", "since", "until"),
    [
        (" in 2022", "2022", "2022"),
        (" in September 2022", "2022-09", "2022-09"),
        (" since 2021-04-15", "2021-04-15", None),
        (" since 7 September 2022", "2022-09-07", None),
        (" since Sept 7, 2022", "2022-09-07", None),
        (" between 2018 and 2020", "2018", "2020"),
        (" before March 2023", None, "2023-03"),
        ("", None, None),
    ],
)
def test_periods_are_read(tail: str, since: str | None, until: str | None) -> None:
    params = parse(f"Which countries expelled diplomats from the Czech Republic{tail}?").params
    assert params["target"] == "the Czech Republic"
    assert params.get("since") == since
    assert params.get("until") == until


def test_reaction_and_event_questions_are_read() -> None:
    backed = parse("Which states backed Albania when it cut ties with Iran?")
    assert (backed.params["of_action"], backed.params["of_target"]) == ("sever_ties", "Iran")
    what = parse("What did Saudi Arabia do to Canada in 2018?")
    assert (what.form, what.params["actor"], what.params["target"]) == ("find_events", "Saudi Arabia", "Canada")
    when = parse("When did the United Kingdom break off relations with Iran")
    assert when.params == {"actor": "the United Kingdom", "target": "Iran", "action": "sever_ties"}
    when_expel = parse("when did Russia expel diplomats of the Czech Republic?")
    assert when_expel.params["action"] == "expel_diplomats"


@pytest.mark.parametrize(
    "question", ["", "   ", "What is the weather in Tirana?", "Albania", "x" * 600, "which states ate Albania?"]
)
def test_unreadable_questions_list_the_forms(question: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(question)
    message = str(info.value)
    for form in FORMS:
        assert form.example in message


def test_every_documented_example_is_read() -> None:
    for form in FORMS:
        assert parse(form.example).form == form.name, form.example


# ---------------------------------------------------------------- answers


def test_which_states_backed_albania(seed_store: object) -> None:
    answer = ask("Which states backed Albania?", store=seed_store)
    assert answer.form == "actors_toward"
    assert sorted(answer.table.column("actor_name").to_pylist()) == ["United Kingdom", "United States"]
    assert "$target" in answer.sql and "'ALB'" not in answer.sql
    assert answer.query.params["target"] == "ALB"
    assert {"n_sources", "n_documents", "evidence"} <= set(answer.columns)
    # The same answer in reaction to the break, and through the callable module.
    reacting = dipevents.ask("which states backed the Albanians when they severed ties with Tehran", store=seed_store)
    assert sorted(reacting.table.column("actor").to_pylist()) == ["GBR", "USA"]
    everyone = ask("Who supported Albania?", store=seed_store)
    assert "american-jewish-committee" in everyone.table.column("actor").to_pylist()


def test_seed_questions(seed_store: object) -> None:
    expelled = ask("Which countries expelled Iranian diplomats?", store=seed_store)
    assert expelled.table.column("actor").to_pylist() == ["ALB"]
    cyber = ask("Who accused Iran of a cyberattack?", store=seed_store)
    assert set(cyber.table.column("actor").to_pylist()) == {"ALB", "USA", "american-jewish-committee"}
    when = ask("When did Albania sever ties with Iran?", store=seed_store)
    assert when.table.column("date").to_pylist() == [dt.date(2022, 9, 7)]
    what = ask("What did Albania do to Iran in 2022?", store=seed_store)
    assert set(what.table.column("action").to_pylist()) == {
        "sever_ties",
        "expel_diplomats",
        "cyberattack_accusation",
        "demand",
    }
    assert ask("What did Albania do to Iran in 2021?", store=seed_store).table.num_rows == 0


def _expected(devset: list[Event], action: str, target: str, year: int | None = None) -> set[str]:
    return {
        e.actor
        for e in devset
        if e.action == action
        and e.target == target
        and e.actor_type == "state"
        and (year is None or (e.date is not None and e.date.year == year))
    }


def test_devset_questions(devset_store: object, devset: list[Event]) -> None:
    cases = [
        ("Which countries expelled Russian diplomats in 2022?", "expel_diplomats", "RUS", 2022),
        ("Which states expelled diplomats of the Czech Republic?", "expel_diplomats", "CZE", None),
        ("Which states recalled their ambassadors from Canada?", "recall_ambassador", "CAN", None),
        ("Which states cut ties with Morocco?", "sever_ties", "MAR", None),
        ("Which countries broke off relations with Taiwan?", "sever_ties", "TWN", None),
        ("Which countries condemned China?", "condemn", "CHN", None),
        ("Which states accused China of hacking?", "cyberattack_accusation", "CHN", None),
    ]
    for question, action, target, year in cases:
        expected = _expected(devset, action, target, year)
        assert expected, question
        got = set(ask(question, store=devset_store).table.column("actor").to_pylist())
        assert got == expected, question
    when = ask("When did Somalia sever ties with Kenya?", store=devset_store)
    gold_dates = {e.date for e in devset if (e.actor, e.action, e.target) == ("SOM", "sever_ties", "KEN")}
    assert set(when.table.column("date").to_pylist()) == gold_dates


def test_unknown_country_in_a_question_suggests(seed_store: object) -> None:
    with pytest.raises(QueryError, match="Albania"):
        ask("Which states backed Albanai?", store=seed_store)
