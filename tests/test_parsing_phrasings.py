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
