"""The scorer on hand-made gold sets, gold-file errors, the ``eval`` command, and the validity of
the seed and devset gold files."""

from __future__ import annotations

import datetime as dt
import json
import sys
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dipevents.cli import main
from dipevents.errors import ParseError, ValidationError
from dipevents.evaluation import EventKey, GoldSet, Score, evaluate, load_gold
from dipevents.schema import Event
from tests.conftest import REPO, shared_path

TEXT_A = (
    "Albania cut ties with Iran on Wednesday and expelled its diplomats. "
    "The US backed Albania. Iran denied the charge last month."
)
TEXT_B = "Saudi Arabia expelled Canada's ambassador on Monday."


def _gold(
    doc: str,
    actor: str,
    action: str,
    target: str,
    date: str | None,
    precision: str = "day",
    evidence: str = "Albania",
    salience: str = "main",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "doc_id": doc,
        "actor": actor,
        "actor_type": "state",
        "target": target,
        "target_type": "state",
        "action": action,
        "date": date,
        "date_precision": precision,
        "salience": salience,
        "evidence": evidence,
        "note": None,
        **extra,
    }


def _pred(
    doc: str,
    actor: str,
    action: str,
    target: str,
    date: str | None,
    precision: str = "day",
    sentence: str | None = None,
    rule: str = "test-rule",
    salience: str = "main",
) -> Event:
    return Event.from_dict(
        {
            "doc_id": doc,
            "actor": actor,
            "actor_type": "state",
            "target": target,
            "target_type": "state",
            "action": action,
            "date": date,
            "date_precision": precision,
            "sentence": sentence,
            "rule": rule,
            "salience": salience,
        }
    )


def _parser_from(predictions: dict[str, list[Event]]) -> Any:  # a Parser that records its calls
    seen: list[dict[str, Any]] = []

    def parse(
        text: str,
        *,
        doc_id: str | None = None,
        url: str | None = None,
        publisher: str | None = None,
        published: dt.date | None = None,
    ) -> Iterable[Event]:
        seen.append({"doc_id": doc_id, "url": url, "publisher": publisher, "published": published, "text": text})
        return predictions.get(doc_id or "", [])

    parse.seen = seen  # type: ignore[attr-defined]
    return parse


def _two_doc_goldset() -> GoldSet:
    articles = [
        {"doc_id": "a", "text": TEXT_A, "published": "2022-09-08", "url": "http://a.example", "publisher": "A"},
        {"doc_id": "b", "text": TEXT_B, "published": "2018-08-07"},
    ]
    gold = [
        _gold("a", "ALB", "sever_ties", "IRN", "2022-09-07", evidence="Albania cut ties with Iran"),
        _gold("a", "ALB", "expel_diplomats", "IRN", "2022-09-07", evidence="expelled its diplomats"),
        _gold("a", "USA", "support", "ALB", "2022-09-07", evidence="The US backed Albania"),
        _gold(
            "a",
            "IRN",
            "deny",
            "ALB",
            "2022-08-01",
            "month",
            evidence="Iran denied the charge last month",
            salience="background",
        ),
        _gold("b", "SAU", "expel_diplomats", "CAN", "2018-08-06", evidence="Saudi Arabia expelled Canada's ambassador"),
    ]
    return GoldSet.from_records(articles, gold)


def _two_doc_predictions() -> dict[str, list[Event]]:
    return {
        "a": [
            _pred("a", "ALB", "sever_ties", "IRN", "2022-09-07", sentence="Albania cut ties with Iran"),
            _pred("a", "ALB", "sever_ties", "IRN", "2022-09-07", sentence="again"),  # a repeat counts once
            _pred("a", "ALB", "expel_diplomats", "IRN", "2022-09-08"),  # matched, date one day off
            _pred("a", "GBR", "support", "ALB", "2022-09-07", sentence="The US backed Albania.", rule="r-support"),
        ],
        "b": [
            _pred("b", "SAU", "expel_diplomats", "CAN", "2018-08-06"),
            _pred("b", "CAN", "condemn", "SAU", "2018-08-06", sentence=TEXT_B, rule="r-condemn"),
        ],
    }


def test_scores_computed_by_hand() -> None:
    report = evaluate(_two_doc_goldset(), parser=_parser_from(_two_doc_predictions()))
    # 5 gold, 5 distinct predictions, 3 matches: P = R = F1 = 3/5.
    assert (report.overall.n_gold, report.overall.n_pred, report.overall.tp) == (5, 5, 3)
    assert report.overall.precision == pytest.approx(0.6)
    assert report.overall.recall == pytest.approx(0.6)
    assert report.overall.f1 == pytest.approx(0.6)
    pa = report.per_action
    assert list(pa) == ["sever_ties", "expel_diplomats", "condemn", "deny", "support"]  # vocabulary order
    assert (pa["expel_diplomats"].n_gold, pa["expel_diplomats"].n_pred, pa["expel_diplomats"].tp) == (2, 2, 2)
    assert pa["sever_ties"].f1 == 1.0
    assert (pa["support"].precision, pa["support"].recall, pa["support"].f1) == (0.0, 0.0, 0.0)
    assert (pa["deny"].n_pred, pa["deny"].precision, pa["deny"].recall) == (0, 0.0, 0.0)
    assert (pa["condemn"].n_gold, pa["condemn"].recall) == (0, 0.0)


def test_salience_and_document_slices() -> None:
    report = evaluate(_two_doc_goldset(), parser=_parser_from(_two_doc_predictions()))
    main_, background = report.per_salience["main"], report.per_salience["background"]
    # Recall over gold of that salience, precision over predictions of that salience.
    assert (main_.n_gold, main_.n_pred, main_.tp_gold, main_.tp_pred) == (4, 5, 3, 3)
    assert main_.recall == pytest.approx(0.75) and main_.precision == pytest.approx(0.6)
    assert (background.n_gold, background.n_pred, background.recall) == (1, 0, 0.0)
    assert {k: (s.n_gold, s.n_pred, s.tp) for k, s in report.per_document.items()} == {"a": (4, 3, 2), "b": (1, 2, 1)}


def test_date_accuracy_and_date_errors() -> None:
    report = evaluate(_two_doc_goldset(), parser=_parser_from(_two_doc_predictions()))
    assert (report.n_matched, report.n_date_exact, report.n_date_within_1) == (3, 2, 3)
    assert report.date_exact == pytest.approx(2 / 3)
    assert report.date_within_1 == 1.0
    [err] = report.date_errors
    assert err.key == EventKey("a", "ALB", "expel_diplomats", "IRN")
    assert (err.gold_date, err.pred_date) == (dt.date(2022, 9, 7), dt.date(2022, 9, 8))


def test_misses_and_false_alarms_carry_their_sentences() -> None:
    report = evaluate(_two_doc_goldset(), parser=_parser_from(_two_doc_predictions()))
    assert {(str(m.key), m.sentence) for m in report.misses} == {
        ("a USA support ALB", "The US backed Albania"),
        ("a IRN deny ALB", "Iran denied the charge last month"),
    }
    assert {(str(f.key), f.sentence, f.rule) for f in report.false_alarms} == {
        ("a GBR support ALB", "The US backed Albania.", "r-support"),
        ("b CAN condemn SAU", TEXT_B, "r-condemn"),
    }


def test_parser_gets_each_document_with_its_metadata() -> None:
    parser = _parser_from({})
    evaluate(_two_doc_goldset(), parser=parser)
    assert parser.seen[0] == {
        "doc_id": "a",
        "url": "http://a.example",
        "publisher": "A",
        "published": dt.date(2022, 9, 8),
        "text": TEXT_A,
    }
    assert parser.seen[1]["published"] == dt.date(2018, 8, 7) and parser.seen[1]["url"] is None


def test_nothing_predicted_scores_zero_and_empty_dates() -> None:
    report = evaluate(_two_doc_goldset(), parser=_parser_from({}))
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (0.0, 0.0, 0.0)
    assert report.date_exact is None and len(report.misses) == 5
    assert "dates: no matched events" in report.to_text()


def test_prediction_is_scored_under_the_gold_document_whatever_doc_id_it_carries() -> None:
    wrong_id = _pred("elsewhere", "SAU", "expel_diplomats", "CAN", "2018-08-06")
    report = evaluate(_two_doc_goldset(), parser=_parser_from({"b": [wrong_id]}))
    assert report.per_document["b"].tp == 1


def _same_key_goldset() -> GoldSet:
    text = "Last month Somalia recalled its envoy. Today Somalia calls back all its diplomats from Kenya."
    gold = [
        _gold("s", "SOM", "recall_ambassador", "KEN", "2020-12-15", evidence="calls back all its diplomats"),
        _gold(
            "s",
            "SOM",
            "recall_ambassador",
            "KEN",
            "2020-11-01",
            "month",
            evidence="recalled its envoy",
            salience="background",
        ),
    ]
    return GoldSet.from_records([{"doc_id": "s", "text": text, "published": "2020-12-15"}], gold)


@pytest.mark.parametrize(
    ("dates", "tp", "n_pred", "exact"),
    [
        ([("2020-12-15", "day")], 1, 1, 1),  # one found: paired with the same date, the other missed
        ([("2020-11-01", "month"), ("2020-12-15", "day")], 2, 2, 2),
        ([("2020-12-16", "day"), ("2020-12-15", "day")], 2, 2, 1),  # exact pair first, then nearest
        ([("2020-12-15", "day"), ("2020-12-15", "day"), ("2020-10-01", "month"), ("2019-01-01", "year")], 2, 3, 1),
    ],
)
def test_same_key_on_different_dates_is_matched_as_a_multiset(
    dates: list[tuple[str, str]], tp: int, n_pred: int, exact: int
) -> None:
    preds = [_pred("s", "SOM", "recall_ambassador", "KEN", d, p) for d, p in dates]
    report = evaluate(_same_key_goldset(), parser=_parser_from({"s": preds}))
    assert (report.overall.tp, report.overall.n_pred, report.n_date_exact) == (tp, n_pred, exact)
    assert report.overall.n_gold == 2
    assert len(report.misses) == 2 - tp and len(report.false_alarms) == n_pred - tp


def test_duplicate_gold_rows_count_once() -> None:
    articles = [{"doc_id": "b", "text": TEXT_B}]
    row = _gold("b", "SAU", "expel_diplomats", "CAN", "2018-08-06", evidence="Saudi Arabia expelled")
    gs = GoldSet.from_records(articles, [row, row])
    report = evaluate(gs, parser=_parser_from({"b": [_pred("b", "SAU", "expel_diplomats", "CAN", "2018-08-06")]}))
    assert (report.overall.n_gold, report.overall.f1) == (1, 1.0)


def test_parser_error_is_recorded_and_scores_as_misses() -> None:
    def failing(text: str, *, doc_id: str | None = None, **_: Any) -> list[Event]:
        if doc_id == "a":
            raise ParseError("cannot read this")
        return [_pred("b", "SAU", "expel_diplomats", "CAN", "2018-08-06")]

    report = evaluate(_two_doc_goldset(), parser=failing)
    assert report.parse_errors == {"a": "ParseError: cannot read this"}
    assert (report.overall.tp, report.overall.n_gold) == (1, 5)
    assert "parse error a: ParseError: cannot read this" in report.to_text()


def test_parser_bug_is_not_swallowed() -> None:
    def buggy(text: str, **_: Any) -> list[Event]:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError):
        evaluate(_two_doc_goldset(), parser=buggy)


def test_text_table_and_json_report() -> None:
    report = evaluate(_two_doc_goldset(), parser=_parser_from(_two_doc_predictions()))
    text = report.to_text()
    assert "overall (micro)" in text and "MISS" not in text
    overall = next(line for line in text.splitlines() if line.startswith("overall"))
    assert overall.split()[2:] == ["5", "5", "3", "0.600", "0.600", "0.600"]
    assert "exact 2 (66.7%), within 1 day 3 (100.0%)" in text
    verbose = report.to_text(verbose=True)
    assert "MISS  a IRN deny ALB" in verbose and "'Iran denied the charge last month'" in verbose
    assert "FALSE b CAN condemn SAU" in verbose and "rule=r-condemn" in verbose
    assert "DATE  a ALB expel_diplomats IRN  gold 2022-09-07/day predicted 2022-09-08/day" in verbose
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["f1"] == pytest.approx(0.6)
    assert data["dates"] == {
        "matched": 3,
        "exact": 2,
        "within_1_day": 3,
        "exact_share": pytest.approx(2 / 3),
        "within_1_day_share": 1.0,
    }
    assert {m["actor"] for m in data["misses"]} == {"USA", "IRN"}


def test_score_edge_cases() -> None:
    assert Score(0, 0, 0, 0).f1 == 1.0  # nothing due, nothing claimed
    assert Score(3, 0, 0, 0).precision == 0.0
    assert Score(2, 4, 1, 1).f1 == pytest.approx(2 * 0.25 * 0.5 / 0.75)


# ---------------------------------------------------------------------------- gold files


def _write_goldset(root: Path, gold_lines: list[str], articles: list[dict[str, Any]] | None = None) -> Path:
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "articles" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    arts = articles if articles is not None else [{"doc_id": "b", "published": "2018-08-07"}]
    (root / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    (root / "gold.jsonl").write_text("".join(line + "\n" for line in gold_lines), encoding="utf-8")
    return root


GOOD = json.dumps(_gold("b", "SAU", "expel_diplomats", "CAN", "2018-08-06", evidence="expelled Canada's ambassador"))


def test_load_gold_reads_folder_or_file_and_offsets(tmp_path: Path) -> None:
    root = _write_goldset(tmp_path, ["", GOOD])  # blank lines are allowed
    for path in (root, root / "gold.jsonl", str(root)):
        gs = load_gold(path)
        [doc] = gs.documents
        [g] = gs.events
        assert (doc.doc_id, doc.published, doc.text) == ("b", dt.date(2018, 8, 7), TEXT_B)
        assert g.line == 2 and g.event.sentence_start == TEXT_B.find("expelled")
        assert g.event.published == dt.date(2018, 8, 7)


def test_article_path_and_extra_metadata(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x.txt").write_bytes(b"line one\r\nSaudi Arabia expelled Canada's ambassador")
    arts = [{"doc_id": "b", "path": "texts/x.txt", "episode": "saudi-canada"}]
    root = _write_goldset(tmp_path, [GOOD], arts)
    [doc] = load_gold(root).documents
    assert doc.text.startswith("line one\r\n")  # read as stored: offsets count the \r
    assert doc.extra == {"episode": "saudi-canada"} and doc.published is None


@pytest.mark.parametrize(
    ("line", "error", "words"),
    [
        ('{"doc_id": "b", ', ParseError, ["gold.jsonl:2", "not valid JSON"]),
        ("[1, 2]", ParseError, ["gold.jsonl:2", "JSON object"]),
        (GOOD.replace("expel_diplomats", "expel_diplomat"), ValidationError, ["gold.jsonl:2", "expel_diplomats"]),
        (GOOD.replace('"CAN"', '"Canada"'), ValidationError, ["gold.jsonl:2", "target", "Canada"]),
        (GOOD.replace('"2018-08-06"', '"2018-08-32"'), ValidationError, ["gold.jsonl:2", "date"]),
        (GOOD.replace('"doc_id": "b"', '"doc_id": "zz"'), ValidationError, ["gold.jsonl:2", "'zz'", "articles.jsonl"]),
        (
            GOOD.replace("expelled Canada", "expelled  Canada"),
            ValidationError,
            ["gold.jsonl:2", "evidence", "exact substring"],
        ),
        (GOOD.replace('"evidence"', '"evidense"'), ValidationError, ["gold.jsonl:2", "evidence"]),
        (
            GOOD.replace('"salience": "main"', '"salience": "main", "confidence": 1'),
            ValidationError,
            ["gold.jsonl:2", "confidence"],
        ),
    ],
)
def test_malformed_gold_line_names_file_line_and_value(
    tmp_path: Path, line: str, error: type[Exception], words: list[str]
) -> None:
    root = _write_goldset(tmp_path, [GOOD, line])
    with pytest.raises(error) as info:
        load_gold(root)
    for word in words:
        assert word in str(info.value)


def test_evidence_check_can_be_relaxed(tmp_path: Path) -> None:
    root = _write_goldset(tmp_path, [GOOD.replace("expelled Canada", "expelled  Canada")])
    [g] = load_gold(root, check_evidence=False).events
    assert g.event.sentence_start is None and g.evidence == "expelled  Canada's ambassador"


@pytest.mark.parametrize(
    ("articles", "error", "words"),
    [
        ([{"doc_id": "b", "published": "07/08/2018"}], ValidationError, ["articles.jsonl:1", "published"]),
        ([{"doc_id": ""}], ValidationError, ["articles.jsonl:1", "doc_id"]),
        ([{"doc_id": "b"}, {"doc_id": "b"}], ValidationError, ["'b'", "twice"]),
        ([{"doc_id": "b"}, {"doc_id": "c"}], ParseError, ["articles.jsonl:2", "'c'", "c.txt"]),
    ],
)
def test_malformed_articles_are_reported(
    tmp_path: Path, articles: list[dict[str, Any]], error: type[Exception], words: list[str]
) -> None:
    root = _write_goldset(tmp_path, [GOOD], articles)
    with pytest.raises(error) as info:
        load_gold(root)
    for word in words:
        assert word in str(info.value)


def test_missing_files_and_bad_encoding(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"gold\.jsonl not found"):
        load_gold(tmp_path)
    root = _write_goldset(tmp_path, [GOOD])
    (root / "articles" / "b.txt").write_bytes(b"\xff\xfe bad")
    with pytest.raises(ParseError, match="not UTF-8"):
        load_gold(root)
    (root / "articles.jsonl").unlink()
    with pytest.raises(ParseError, match=r"articles\.jsonl not found"):
        load_gold(root)


# ---------------------------------------------------------------------------- the eval command


def _fake_parser_module(monkeypatch: pytest.MonkeyPatch, events: dict[str, list[Event]]) -> None:
    module = types.ModuleType("dipevents.parsing")
    module.parse_text = _parser_from(events)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dipevents.parsing", module)


def test_eval_command_prints_table_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _write_goldset(tmp_path, [GOOD])
    _fake_parser_module(monkeypatch, {"b": [_pred("b", "CAN", "condemn", "SAU", "2018-08-06", sentence="x")]})
    assert main(["eval", str(root)]) == 0
    out = capsys.readouterr().out
    assert "expel_diplomats" in out and "overall (micro)" in out and "FALSE" not in out
    assert main(["eval", str(root), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "MISS  b SAU expel_diplomats CAN" in out and "FALSE b CAN condemn SAU" in out
    assert main(["eval", str(root / "gold.jsonl"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["n_gold"] == 1 and data["overall"]["tp"] == 0


def test_eval_command_reports_bad_gold_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _write_goldset(tmp_path, [GOOD, "{oops"])
    assert main(["eval", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "gold.jsonl:2" in captured.err


# ---------------------------------------------------------------------------- the gold files themselves


def _check_gold_files(root: Path) -> GoldSet:
    gs = load_gold(root)  # validates every row with Event.from_dict and checks evidence
    texts = {d.doc_id: d.text for d in gs.documents}
    for line_no, raw in enumerate((root / "gold.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(raw)
        assert row["evidence"] in texts[row["doc_id"]], f"gold.jsonl:{line_no}"
        data = {k: v for k, v in row.items() if k not in ("evidence", "note")}
        Event.from_dict({**data, "rule": "gold"}, record=f"gold.jsonl:{line_no}")
    keys = [(g.key, g.event.date, g.event.date_precision) for g in gs.events]
    assert len(keys) == len(set(keys)), "one event per (actor, action, target, date) in a document"
    return gs


def test_seed_gold_is_valid_and_points_at_the_repo_seeds() -> None:
    gs = _check_gold_files(REPO / "fixtures" / "seeds")
    seeds = REPO / "seeds"
    assert {d.path for d in gs.documents} == {p.resolve() for p in seeds.glob("*.txt")}
    assert {d.doc_id: d.published for d in gs.documents} == {
        "000_cd82dbd999e45b2d": None,
        "001_9e629b407b9bbeb8": dt.date(2022, 9, 8),
        "003_18789e7f9f303410": dt.date(2022, 9, 7),
    }
    events = {(g.event.actor, g.event.action, g.event.target, g.event.date) for g in gs.events}
    day = dt.date(2022, 9, 7)
    for must in [
        ("ALB", "sever_ties", "IRN", day),
        ("ALB", "expel_diplomats", "IRN", day),
        ("ALB", "cyberattack_accusation", "IRN", day),
        ("USA", "support", "ALB", day),
        ("GBR", "support", "ALB", day),
    ]:
        assert must in events, must


def test_devset_gold_is_valid() -> None:
    root = shared_path("devset")
    gs = _check_gold_files(root)
    assert (len(gs.documents), len(gs.events)) == (34, 187)  # the counts its README states
    assert sum(g.event.salience.value == "main" for g in gs.events) == 128


# ---------------------------------------------------------------------------- invariants


_STATES = ["ALB", "IRN", "USA"]
_ACTIONS = ["sever_ties", "support", "deny"]
_DATES = [("2022-09-07", "day"), ("2022-09-08", "day"), ("2022-09-01", "month"), (None, "unknown")]
_event_fields = st.tuples(
    st.sampled_from(["a", "b"]),
    st.sampled_from(_STATES),
    st.sampled_from(_ACTIONS),
    st.sampled_from(_STATES),
    st.sampled_from(_DATES),
).filter(lambda f: f[1] != f[3])  # an act is directed at another actor


@settings(max_examples=150, deadline=None)
@given(gold_rows=st.lists(_event_fields, max_size=12), pred_rows=st.lists(_event_fields, max_size=12))
def test_counts_add_up_for_any_gold_and_predictions(
    gold_rows: list[tuple[Any, ...]], pred_rows: list[tuple[Any, ...]]
) -> None:
    articles = [{"doc_id": "a", "text": TEXT_A}, {"doc_id": "b", "text": TEXT_B}]
    gold = [_gold(d, x, act, t, day, prec, evidence="a") for d, x, act, t, (day, prec) in gold_rows]
    gs = GoldSet.from_records(articles, gold, check_evidence=False)
    preds: dict[str, list[Event]] = {"a": [], "b": []}
    for d, x, act, t, (day, prec) in pred_rows:
        preds[d].append(_pred(d, x, act, t, day, prec))
    report = evaluate(gs, parser=_parser_from(preds))
    o = report.overall
    assert o.n_gold == len({(d, x, a, t, dd) for d, x, a, t, dd in gold_rows})  # repeats count once
    assert o.n_pred == len({(d, x, a, t, dd) for d, x, a, t, dd in pred_rows})
    assert o.tp_gold == o.tp_pred == report.n_matched <= min(o.n_gold, o.n_pred)
    assert len(report.misses) == o.n_gold - o.tp and len(report.false_alarms) == o.n_pred - o.tp
    assert report.n_date_exact <= report.n_date_within_1 <= report.n_matched
    assert len(report.date_errors) == report.n_matched - report.n_date_exact
    for slices in (report.per_action, report.per_document, report.per_salience):
        assert sum(s.n_gold for s in slices.values()) == o.n_gold
        assert sum(s.n_pred for s in slices.values()) == o.n_pred
        assert sum(s.tp for s in slices.values()) == o.tp
    assert 0.0 <= o.precision <= 1.0 and 0.0 <= o.recall <= 1.0 and 0.0 <= o.f1 <= 1.0
    # Predicting exactly the gold is perfect, dates included.
    perfect = evaluate(gs, parser=_parser_from({d: [g.event for g in gs.events_for(d)] for d in ("a", "b")}))
    assert perfect.overall.f1 == 1.0 and perfect.n_date_exact == perfect.n_matched


def test_subset_keeps_the_documents_named_and_their_events() -> None:
    gs = load_gold(REPO / "fixtures" / "seeds")
    first = gs.documents[0].doc_id
    part = gs.subset([first])
    assert [d.doc_id for d in part.documents] == [first]
    assert part.events and all(g.event.doc_id == first for g in part.events)
    assert len(part.events) == len(gs.events_for(first)) < len(gs.events)
    with pytest.raises(ValidationError, match="no-such-doc"):
        gs.subset([first, "no-such-doc"])


def test_an_organ_matches_its_organisation() -> None:
    # The vocabulary codes the Security Council's acts as the UN's; the parser keeps the organ.
    text = "The Security Council condemned Iran. NATO backed Albania."
    articles = [{"doc_id": "a", "text": text, "published": "2022-09-08"}]
    gold = [
        _gold(
            "a", "UN", "condemn", "IRN", "2022-09-08", evidence="The Security Council condemned Iran", actor_type="igo"
        ),
        _gold("a", "NATO", "support", "ALB", "2022-09-08", evidence="NATO backed Albania", actor_type="igo"),
    ]
    goldset = GoldSet.from_records(articles, gold)

    def igo_pred(actor: str, action: str, target: str) -> Event:
        return Event.from_dict(
            {
                "doc_id": "a",
                "actor": actor,
                "actor_type": "igo",
                "target": target,
                "target_type": "state",
                "action": action,
                "date": "2022-09-08",
                "date_precision": "day",
                "rule": "test-rule",
            }
        )

    report = evaluate(
        goldset, _parser_from({"a": [igo_pred("UNSC", "condemn", "IRN"), igo_pred("EU", "support", "ALB")]})
    )
    assert report.overall.tp == 1  # UNSC for UN; the EU is no organ of NATO
    assert [str(m.key) for m in report.misses] == ["a NATO support ALB"]
