"""The parser's accuracy gate (issue 3): the floors below fail the build when the parser drops under them.

The devset (``../shared/devset``) is real news the parser was not written from sentence by
sentence; the seeds are the three articles of ``seeds/`` with the gold in ``fixtures/seeds``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

import pytest

from dipevents.evaluation import EvalReport, evaluate, load_gold
from tests.conftest import REPO, shared_path

_parsing = pytest.importorskip("dipevents.parsing", reason="the text parser (dipevents.parsing) has not landed yet")
if getattr(_parsing, "__file__", None) is None:  # a bare folder (namespace package): work in progress
    pytest.skip("the text parser (dipevents.parsing) has not landed yet", allow_module_level=True)

#: Overall micro F1 on the devset.
DEVSET_MIN_F1 = 0.75
#: F1 floor for every action the devset has at least DEVSET_MIN_SUPPORT gold examples of.
DEVSET_MIN_ACTION_F1 = 0.5
DEVSET_MIN_SUPPORT = 5
#: Overall micro F1 on the three seed articles.
SEEDS_MIN_F1 = 0.9
#: The seed events the parser must find, (actor, action, target, date or None for any date).
BREAK_DAY = dt.date(2022, 9, 7)
SEEDS_REQUIRED = [
    ("ALB", "sever_ties", "IRN", BREAK_DAY),
    ("ALB", "expel_diplomats", "IRN", BREAK_DAY),
    ("ALB", "cyberattack_accusation", "IRN", BREAK_DAY),
    ("USA", "support", "ALB", None),
    ("GBR", "support", "ALB", None),
]


#: Overall micro F1 on the independent set (fixtures/unseen), written without sight of the
#: parser; and on its second half (u014-u028), which no rule was written from. The floors sit
#: a few points under the measured 0.789 / 0.674, so a rule that loses general phrasings fails.
UNSEEN_MIN_F1 = 0.70
UNSEEN_HELD_OUT_MIN_F1 = 0.60
UNSEEN_HELD_OUT_FIRST = 14
#: The same for the second independent set (fixtures/unseen2), written later by another author
#: with more statements; v001-v010 were used for development, v011-v020 are held out
#: (measured 0.724 / 0.655).
UNSEEN2_MIN_F1 = 0.64
UNSEEN2_HELD_OUT_MIN_F1 = 0.58
UNSEEN2_HELD_OUT_FIRST = 11
#: And for the third (fixtures/unseen3): longer articles, state media and transcripts. Split
#: odd/even before any miss was read: odd-numbered articles for development, even-numbered held
#: out (measured 0.589 on arrival for both; now about 0.66 / 0.59).
UNSEEN3_MIN_F1 = 0.62
UNSEEN3_HELD_OUT_MIN_F1 = 0.55
#: The fourth (fixtures/unseen4) is held out as a whole: no rule is written from it (measured
#: 0.546 on arrival, the freshest estimate for unseen articles).
UNSEEN4_MIN_F1 = 0.50
#: The fifth (fixtures/unseen5), written by a fifth author and split odd/even before any miss
#: was read, like unseen3 (measured 0.523 on arrival; held-out half 0.570).
UNSEEN5_MIN_F1 = 0.48
UNSEEN5_HELD_OUT_MIN_F1 = 0.52
#: The sixth (fixtures/unseen6), by a sixth author, split odd/even the same way (measured 0.608
#: on arrival; held-out half 0.639).
UNSEEN6_MIN_F1 = 0.56
UNSEEN6_HELD_OUT_MIN_F1 = 0.59
#: The seventh (fixtures/unseen7), by a seventh author, split odd/even the same way (measured
#: 0.643 on arrival with the code of the session it arrived in, 0.645 with that session's rules;
#: held-out half 0.653 / 0.659).
UNSEEN7_MIN_F1 = 0.60
UNSEEN7_HELD_OUT_MIN_F1 = 0.61
#: The eighth (fixtures/unseen8), by an eighth author, split odd/even the same way (measured
#: 0.642 on arrival with the code of the session it arrived in, 0.643 with that session's rules
#: and reference data written until then; held-out half 0.650 / 0.650).
UNSEEN8_MIN_F1 = 0.61
UNSEEN8_HELD_OUT_MIN_F1 = 0.61
#: The ninth (fixtures/unseen9), by a ninth author, split odd/even the same way (measured 0.641
#: on arrival with the code of the session it arrived in, 0.642 with that session's rules and
#: reference data written until then; held-out half 0.689 / 0.686).
UNSEEN9_MIN_F1 = 0.60
UNSEEN9_HELD_OUT_MIN_F1 = 0.64
#: The tenth (fixtures/unseen10), by a tenth author, split odd/even the same way (measured
#: 0.682 on arrival with the code of the session it arrived in, 0.685 with that session's rules
#: written until then; held-out half 0.685 / 0.685).
UNSEEN10_MIN_F1 = 0.64
UNSEEN10_HELD_OUT_MIN_F1 = 0.64
#: The eleventh (fixtures/unseen11), by an eleventh author, split odd/even the same way
#: (measured 0.570 on arrival with the code of the session it arrived in, 0.585 with that
#: session's rules written until then; held-out half 0.562 / 0.592).
UNSEEN11_MIN_F1 = 0.55
UNSEEN11_HELD_OUT_MIN_F1 = 0.55
#: The twelfth (fixtures/unseen12), by a twelfth author, split odd/even the same way
#: (measured 0.636 on arrival with the code of the session it arrived in, 0.649 with that
#: session's rules; held-out half 0.562 / 0.582).
UNSEEN12_MIN_F1 = 0.60
UNSEEN12_HELD_OUT_MIN_F1 = 0.54
#: The thirteenth (fixtures/unseen13), by a thirteenth author, split odd/even the same way
#: (measured 0.608 on arrival both with the code of the session it arrived in and with that
#: session's rules written until then, which changed no event of it; held-out half 0.563).
UNSEEN13_MIN_F1 = 0.57
UNSEEN13_HELD_OUT_MIN_F1 = 0.52
#: The fourteenth (fixtures/unseen14), by a fourteenth author, split odd/even the same way
#: (measured 0.679 on arrival both with the code of the session it arrived in and with that
#: session's nine rule commits written until then, which changed no event of it; held-out
#: half 0.695).
UNSEEN14_MIN_F1 = 0.64
UNSEEN14_HELD_OUT_MIN_F1 = 0.65
#: The fifteenth (fixtures/unseen15), by a fifteenth author, split odd/even the same way
#: (measured 0.482 on arrival with the code of the session it arrived in, 0.485 with that
#: session's rules written until then; held-out half 0.435 / 0.441; mostly 1960s-1980s news,
#: whose Soviet Union, Dahomey or Bonn the country table then lacked).
UNSEEN15_MIN_F1 = 0.47
UNSEEN15_HELD_OUT_MIN_F1 = 0.42
#: The sixteenth (fixtures/unseen16), by a sixteenth author, split odd/even the same way
#: (measured 0.563 on arrival, with the code of the session it arrived in, which changed no
#: rule; held-out half 0.503, development half 0.615).
UNSEEN16_MIN_F1 = 0.52
UNSEEN16_HELD_OUT_MIN_F1 = 0.46
#: The seventeenth (fixtures/unseen17), by a seventeenth author, split odd/even the same way
#: (measured 0.547 on arrival with the code of the session it arrived in as that session began,
#: 0.557 with that session's rules written until then; held-out half 0.559 / 0.567).
UNSEEN17_MIN_F1 = 0.51
UNSEEN17_HELD_OUT_MIN_F1 = 0.52
#: The eighteenth (fixtures/unseen18), by an eighteenth author, split odd/even the same way
#: (measured 0.562 on arrival with the code of the session it arrived in as that session began,
#: 0.571 with that session's rules written until then; held-out half 0.541 / 0.550).
UNSEEN18_MIN_F1 = 0.52
UNSEEN18_HELD_OUT_MIN_F1 = 0.50


@cache
def _unseen_report() -> EvalReport:
    return evaluate(load_gold(REPO / "fixtures" / "unseen"))


@cache
def _unseen_held_out_report() -> EvalReport:
    gs = load_gold(REPO / "fixtures" / "unseen")
    held_out = {d.doc_id for d in gs.documents if int(d.doc_id[1:]) >= UNSEEN_HELD_OUT_FIRST}
    return evaluate(gs.subset(held_out))


def _held_out_of_unseen2(number: int) -> bool:
    return number >= UNSEEN2_HELD_OUT_FIRST


def _even_numbered(number: int) -> bool:
    return number % 2 == 0


@cache
def _independent_report(name: str, held_out: Callable[[int], bool] | None = None) -> EvalReport:
    """The parser on an independent set of fixtures/, or on its held-out documents only."""
    gs = load_gold(REPO / "fixtures" / name)
    if held_out is not None:
        gs = gs.subset({d.doc_id for d in gs.documents if held_out(int(d.doc_id[1:]))})
    return evaluate(gs)


@cache
def _devset_report() -> EvalReport:
    return evaluate(load_gold(shared_path("devset")))


@cache
def _seeds_report() -> EvalReport:
    return evaluate(load_gold(REPO / "fixtures" / "seeds"))


def _explain(report: EvalReport) -> str:
    return "\n" + report.to_text(verbose=True)


def test_devset_overall_f1() -> None:
    report = _devset_report()
    assert report.parse_errors == {}
    assert report.overall.f1 >= DEVSET_MIN_F1, _explain(report)


def test_devset_every_frequent_action_reaches_its_floor() -> None:
    report = _devset_report()
    frequent = {a: s for a, s in report.per_action.items() if s.n_gold >= DEVSET_MIN_SUPPORT}
    assert len(frequent) >= 10  # the devset README lists 14 actions with 5+ examples; guards a broken load
    below = {a: round(s.f1, 3) for a, s in frequent.items() if s.f1 < DEVSET_MIN_ACTION_F1}
    assert below == {}, _explain(report)


def test_seeds_overall_f1() -> None:
    report = _seeds_report()
    assert report.parse_errors == {}
    assert report.overall.f1 >= SEEDS_MIN_F1, _explain(report)


def test_seeds_include_the_break_and_its_backers() -> None:
    from dipevents.parsing import parse_text

    gs = load_gold(REPO / "fixtures" / "seeds")
    found: set[tuple[str, str, str, dt.date | None, str]] = set()
    for doc in gs.documents:
        events = parse_text(doc.text, doc_id=doc.doc_id, url=doc.url, publisher=doc.publisher, published=doc.published)
        found |= {(e.actor, e.action, e.target, e.date, e.date_precision.value) for e in events}
    for actor, action, target, day in SEEDS_REQUIRED:
        if day is None:
            assert any(f[:3] == (actor, action, target) for f in found), (actor, action, target)
        else:
            assert (actor, action, target, day, "day") in found, (actor, action, target, day)


def test_unseen_overall_f1() -> None:
    report = _unseen_report()
    assert report.parse_errors == {}
    assert len(report.per_document) == 28  # guards a broken load
    assert report.overall.f1 >= UNSEEN_MIN_F1, _explain(report)


def test_unseen_held_out_half_f1() -> None:
    report = _unseen_held_out_report()
    assert len(report.per_document) == 28 - UNSEEN_HELD_OUT_FIRST + 1
    assert report.overall.f1 >= UNSEEN_HELD_OUT_MIN_F1, _explain(report)


# (set, held-out documents or None for all, documents expected, floor)
_INDEPENDENT_FLOORS = [
    ("unseen2", None, 20, UNSEEN2_MIN_F1),
    ("unseen2", _held_out_of_unseen2, 20 - UNSEEN2_HELD_OUT_FIRST + 1, UNSEEN2_HELD_OUT_MIN_F1),
    ("unseen3", None, 24, UNSEEN3_MIN_F1),
    ("unseen3", _even_numbered, 12, UNSEEN3_HELD_OUT_MIN_F1),
    ("unseen4", None, 16, UNSEEN4_MIN_F1),  # held out as a whole
    ("unseen5", None, 24, UNSEEN5_MIN_F1),
    ("unseen5", _even_numbered, 12, UNSEEN5_HELD_OUT_MIN_F1),
    ("unseen6", None, 24, UNSEEN6_MIN_F1),
    ("unseen6", _even_numbered, 12, UNSEEN6_HELD_OUT_MIN_F1),
    ("unseen7", None, 24, UNSEEN7_MIN_F1),
    ("unseen7", _even_numbered, 12, UNSEEN7_HELD_OUT_MIN_F1),
    ("unseen8", None, 24, UNSEEN8_MIN_F1),
    ("unseen8", _even_numbered, 12, UNSEEN8_HELD_OUT_MIN_F1),
    ("unseen9", None, 24, UNSEEN9_MIN_F1),
    ("unseen9", _even_numbered, 12, UNSEEN9_HELD_OUT_MIN_F1),
    ("unseen10", None, 24, UNSEEN10_MIN_F1),
    ("unseen10", _even_numbered, 12, UNSEEN10_HELD_OUT_MIN_F1),
    ("unseen11", None, 24, UNSEEN11_MIN_F1),
    ("unseen11", _even_numbered, 12, UNSEEN11_HELD_OUT_MIN_F1),
    ("unseen12", None, 24, UNSEEN12_MIN_F1),
    ("unseen12", _even_numbered, 12, UNSEEN12_HELD_OUT_MIN_F1),
    ("unseen13", None, 24, UNSEEN13_MIN_F1),
    ("unseen13", _even_numbered, 12, UNSEEN13_HELD_OUT_MIN_F1),
    ("unseen14", None, 24, UNSEEN14_MIN_F1),
    ("unseen14", _even_numbered, 12, UNSEEN14_HELD_OUT_MIN_F1),
    ("unseen15", None, 24, UNSEEN15_MIN_F1),
    ("unseen15", _even_numbered, 12, UNSEEN15_HELD_OUT_MIN_F1),
    ("unseen16", None, 24, UNSEEN16_MIN_F1),
    ("unseen16", _even_numbered, 12, UNSEEN16_HELD_OUT_MIN_F1),
    ("unseen17", None, 24, UNSEEN17_MIN_F1),
    ("unseen17", _even_numbered, 12, UNSEEN17_HELD_OUT_MIN_F1),
    ("unseen18", None, 24, UNSEEN18_MIN_F1),
    ("unseen18", _even_numbered, 12, UNSEEN18_HELD_OUT_MIN_F1),
]


@pytest.mark.parametrize(
    ("name", "held_out", "documents", "floor"),
    _INDEPENDENT_FLOORS,
    ids=[f"{n}-{'held-out' if h else 'all'}" for n, h, _, _ in _INDEPENDENT_FLOORS],
)
def test_independent_set_f1(name: str, held_out: Callable[[int], bool] | None, documents: int, floor: float) -> None:
    report = _independent_report(name, held_out)
    assert report.parse_errors == {}
    assert len(report.per_document) == documents  # guards a broken load
    assert report.overall.f1 >= floor, _explain(report)
