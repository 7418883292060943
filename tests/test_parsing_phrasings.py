"""The parser on hand-written sentences (fixtures/parser/phrasings.jsonl): one case per action and
per linguistic phenomenon (voice, nominalisation, lists, negation, plans, dates, noise).

The sentences are our own paraphrases, not taken from the devset, so they test the general
phrasing of each action rather than one article.
"""

from __future__ import annotations

import json

import pytest

from dipevents.parsing import parse_text
from tests.conftest import REPO

_CASES = [
    json.loads(line)
    for line in (REPO / "fixtures" / "parser" / "phrasings.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


def test_every_action_has_a_case() -> None:
    from dipevents import vocabulary

    covered = {e[1] for c in _CASES for e in c["expect"]}
    assert covered == set(vocabulary.fine_actions())


def test_triggers_the_coder_names_exist() -> None:
    from dipevents.parsing.actions import triggers
    from dipevents.parsing.coder import TRIGGERS_NAMED

    assert TRIGGERS_NAMED - {t.name for t in triggers()} == set()


def test_each_trigger_rule_names_one_phrasing() -> None:
    """An event's rule says why it was coded so: two triggers under one name would blur it."""
    from collections import Counter

    from dipevents.parsing.actions import triggers

    counts = Counter(t.rule for t in triggers())
    assert [rule for rule, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("case", _CASES, ids=[c["id"] for c in _CASES])
def test_phrasing(case: dict) -> None:
    events = parse_text(case["text"], doc_id=case["id"], published=case["published"])
    got: dict[tuple[str, str, str], set[str]] = {}
    for e in events:  # an act may be reported twice on different days (an earlier one and now)
        got.setdefault((e.actor, e.action, e.target), set()).add(str(e.date))
    for actor, action, target, day in case["expect"]:
        assert (actor, action, target) in got, (sorted(got), case["text"])
        if day is not None:
            assert day in got[(actor, action, target)], (got[(actor, action, target)], case["text"])
    for actor, action, target in case.get("absent", []):
        assert (actor, action, target) not in got, case["text"]
    for ev in events:  # evidence: the sentence is a verbatim slice of the text, and the rule is named
        assert case["text"][ev.sentence_start : ev.sentence_end] == ev.sentence
        # the rule names the trigger's action, and the action it was recoded to when they differ
        # (an accusation or demand about a cyber operation, a negative evaluation of a charge)
        trigger_action = ev.rule.split(":")[0]
        assert trigger_action == ev.action or ev.rule.endswith(f"|as={ev.action}"), ev.rule
        assert ev.dataset.value == "text" and ev.doc_id == case["id"]


def test_region_qualifiers_name_known_states_and_regions() -> None:
    """``region_qualifiers`` in data/parser_lexicon.json: a misspelt code or region would make a
    regional anaphor ("the Gulf state") silently resolve to nothing."""
    from dipevents import countries
    from dipevents._resources import read_json
    from dipevents.parsing.actors import _region_qualifiers, _region_states

    every = countries.all_countries()
    codes = {c.iso3 for c in every}
    values = {"region": {c.region for c in every}, "un_region": {c.un_region for c in every}}
    raw = read_json("parser_lexicon.json")["anaphors"]["region_qualifiers"]
    for word, members in raw.items():
        assert word == word.lower() and "  " not in word, word
        for member in members:
            field, _, value = member.partition(":")
            assert (value in values[field]) if value else (member in codes), (word, member)
    resolved = _region_qualifiers()
    assert {"QAT", "SAU"} <= resolved["gulf"] and "IRN" not in resolved["gulf"]
    assert {"KAZ", "UZB"} <= resolved["central asian"] and len(resolved["african"]) > 40
    assert _region_states(("central", "asian")) == resolved["central asian"]  # two words before one
    assert _region_states(("small",)) is None
