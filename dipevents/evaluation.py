"""Scoring a parser against gold events: precision, recall and F1 per action, and date accuracy.

A gold set is a folder with ``gold.jsonl`` (one gold event per line) and ``articles.jsonl``
(one document per line: ``doc_id``, ``url``, ``publisher``, ``published`` and an optional
``path`` to the text, relative to the folder, default ``articles/<doc_id>.txt``). See
``docs/evaluation.md``.

Events match on (doc_id, actor, action, target), an organ of an organisation counting as the
organisation ("UNSC" as "UN", as the vocabulary codes it). The vocabulary allows one event per
(actor, action, target, date) in a document, so exact repeats count once, while the same
key on different dates (a main act and its background precedent) counts as several
events, matched pairwise: exact dates first, then the nearest.

>>> import datetime as dt
>>> gold = GoldSet.from_records(
...     [{"doc_id": "a", "text": "Albania cut ties with Iran.", "published": "2022-09-07"}],
...     [{"doc_id": "a", "actor": "ALB", "actor_type": "state", "target": "IRN",
...       "target_type": "state", "action": "sever_ties", "date": "2022-09-07",
...       "date_precision": "day", "salience": "main", "evidence": "Albania cut ties with Iran"}])
>>> def parser(text, *, doc_id=None, url=None, publisher=None, published=None):
...     return [Event.from_dict({"doc_id": doc_id, "actor": "ALB", "actor_type": "state",
...         "target": "IRN", "target_type": "state", "action": "sever_ties",
...         "date": published, "date_precision": "day", "rule": "toy"})]
>>> report = evaluate(gold, parser=parser)
>>> report.overall.f1, report.date_exact
(1.0, 1.0)
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from dipevents import igos
from dipevents.errors import DipeventsError, ParseError, UnknownCodeError, ValidationError
from dipevents.igos import is_igo_code
from dipevents.schema import Event

__all__ = [
    "DateError",
    "EvalReport",
    "EventKey",
    "Finding",
    "GoldDocument",
    "GoldEvent",
    "GoldSet",
    "Parser",
    "Score",
    "evaluate",
    "load_gold",
]

log = logging.getLogger(__name__)

_GOLD_FILE = "gold.jsonl"
_ARTICLES_FILE = "articles.jsonl"
_ARTICLE_KEYS = {"doc_id", "url", "publisher", "published", "path", "text"}


class Parser(Protocol):
    """What :func:`evaluate` calls: ``dipevents.parse_text`` or anything with its signature."""

    def __call__(
        self,
        text: str,
        *,
        doc_id: str | None = ...,
        url: str | None = ...,
        publisher: str | None = ...,
        published: dt.date | None = ...,
    ) -> Iterable[Event]: ...


class EventKey(NamedTuple):
    """What two events must share to match: the document, who, what and to whom."""

    doc_id: str
    actor: str
    action: str
    target: str

    def __str__(self) -> str:
        return f"{self.doc_id} {self.actor} {self.action} {self.target}"


# ---------------------------------------------------------------------------- gold sets


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One text of a gold set with the metadata the parser is given."""

    doc_id: str
    text: str
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    path: Path | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event: the validated :class:`Event` (its ``sentence`` is the evidence) and the note."""

    event: Event
    evidence: str
    note: str | None
    line: int

    @property
    def key(self) -> EventKey:
        return _key(self.event)


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Documents and their gold events, in file order."""

    documents: tuple[GoldDocument, ...]
    events: tuple[GoldEvent, ...]
    root: Path | None = None

    def events_for(self, doc_id: str) -> list[GoldEvent]:
        """The gold events of one document."""
        return [g for g in self.events if g.event.doc_id == doc_id]

    def subset(self, doc_ids: Iterable[str]) -> GoldSet:
        """The documents named (and their gold events), for a split of the set.

        >>> gs = load_gold("fixtures/seeds")  # run from the repository's root
        >>> part = gs.subset([gs.documents[0].doc_id])
        >>> len(part.documents), len(part.events) < len(gs.events)
        (1, True)

        Raises :class:`ValidationError` naming an id that is not a document of the set.
        """
        wanted = set(doc_ids)
        missing = wanted - {d.doc_id for d in self.documents}
        if missing:
            raise ValidationError(
                f"not a document of this gold set: {', '.join(sorted(missing))}", field="doc_id", record="subset"
            )
        return GoldSet(
            documents=tuple(d for d in self.documents if d.doc_id in wanted),
            events=tuple(g for g in self.events if g.event.doc_id in wanted),
            root=self.root,
        )

    @classmethod
    def from_records(
        cls,
        articles: Iterable[Mapping[str, Any]],
        gold: Iterable[Mapping[str, Any]],
        *,
        check_evidence: bool = True,
    ) -> GoldSet:
        """Build a gold set in memory; each article record carries its ``text``.

        Raises :class:`ValidationError` naming the record for a bad event, an unknown
        document or evidence that is not in the text.
        """
        docs = []
        for i, rec in enumerate(articles, 1):
            if "text" not in rec:
                raise ValidationError(f"article record {i} has no 'text'", field="text", record=f"article {i}")
            docs.append(_document(rec, str(rec["text"]), None, f"article {i}"))
        return _assemble(docs, [(i, dict(g)) for i, g in enumerate(gold, 1)], "gold", None, check_evidence)


def load_gold(path: str | Path, *, check_evidence: bool = True) -> GoldSet:
    """Read a gold set from its folder (or from its ``gold.jsonl``) with every document's text.

    Raises :class:`ParseError` for a missing or unreadable file or a line that is not a
    JSON object, and :class:`ValidationError` for an event or article that breaks the
    schema, names an unknown document, or whose evidence is not an exact substring of the
    text (unless ``check_evidence`` is false). Every message names the file and line.
    """
    path = Path(path)
    root = path.parent if path.is_file() else path
    gold_path = path if path.is_file() else path / _GOLD_FILE
    articles_path = root / _ARTICLES_FILE
    for needed in (gold_path, articles_path):
        if not needed.is_file():
            raise ParseError(
                f"gold set {root}: {needed.name} not found (a gold set needs {_GOLD_FILE} and "
                f"{_ARTICLES_FILE} side by side)"
            )
    docs = []
    for line_no, rec in _read_jsonl(articles_path):
        where = f"{articles_path}:{line_no}"
        doc_id = rec.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise ValidationError(
                f"{where}: doc_id={doc_id!r} must be a non-empty string", field="doc_id", value=doc_id, record=where
            )
        rel = rec.get("path") or f"articles/{doc_id}.txt"
        text_path = (root / rel).resolve()
        try:
            # Bytes decoded as they are: newline translation would shift evidence offsets.
            text = text_path.read_bytes().decode("utf-8")
        except OSError as exc:
            raise ParseError(f"{where}: text of document {doc_id!r} unreadable at {text_path}: {exc}") from None
        except UnicodeDecodeError as exc:
            raise ParseError(f"{where}: text of document {doc_id!r} at {text_path} is not UTF-8: {exc}") from None
        docs.append(_document(rec, text, text_path, where))
    rows = list(_read_jsonl(gold_path))
    return _assemble(docs, rows, str(gold_path), root, check_evidence)


def _read_jsonl(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ParseError(f"{path}: unreadable: {exc}") from None
    for line_no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ParseError(f"{path}:{line_no}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(rec, dict):
            raise ParseError(f"{path}:{line_no}: expected a JSON object, got {type(rec).__name__}")
        yield line_no, rec


def _document(rec: Mapping[str, Any], text: str, path: Path | None, where: str) -> GoldDocument:
    doc_id = rec.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise ValidationError(
            f"{where}: doc_id={doc_id!r} must be a non-empty string", field="doc_id", value=doc_id, record=where
        )
    published = rec.get("published")
    if published is not None:
        try:
            published = dt.date.fromisoformat(str(published))
        except ValueError:
            raise ValidationError(
                f"{where}: published={published!r} is not a YYYY-MM-DD date or null",
                field="published",
                value=published,
                record=where,
            ) from None
    return GoldDocument(
        doc_id=doc_id,
        text=text,
        url=rec.get("url"),
        publisher=rec.get("publisher"),
        published=published,
        path=path,
        extra={k: v for k, v in rec.items() if k not in _ARTICLE_KEYS},
    )


def _assemble(
    docs: list[GoldDocument],
    rows: Sequence[tuple[int, dict[str, Any]]],
    source: str,
    root: Path | None,
    check_evidence: bool,
) -> GoldSet:
    by_id: dict[str, GoldDocument] = {}
    for doc in docs:
        if doc.doc_id in by_id:
            raise ValidationError(
                f"{source}: document {doc.doc_id!r} is listed twice in {_ARTICLES_FILE}",
                field="doc_id",
                value=doc.doc_id,
            )
        by_id[doc.doc_id] = doc
    events = []
    for line_no, row in rows:
        where = f"{source}:{line_no}"
        data = dict(row)
        evidence = data.pop("evidence", None)
        note = data.pop("note", None)
        data.setdefault("rule", "gold")
        doc = by_id.get(str(data.get("doc_id")))
        if doc is None:
            raise ValidationError(
                f"{where}: doc_id={data.get('doc_id')!r} is not in {_ARTICLES_FILE}",
                field="doc_id",
                value=data.get("doc_id"),
                record=where,
            )
        if not isinstance(evidence, str) or not evidence.strip():
            raise ValidationError(
                f"{where}: evidence={evidence!r} must be a non-empty string",
                field="evidence",
                value=evidence,
                record=where,
            )
        start = doc.text.find(evidence)
        if start < 0 and check_evidence:
            raise ValidationError(
                f"{where}: evidence={evidence!r} is not an exact substring of document {doc.doc_id!r}",
                field="evidence",
                value=evidence,
                record=where,
            )
        if start >= 0:
            data.update(sentence=evidence, sentence_start=start, sentence_end=start + len(evidence))
        else:
            data.update(sentence=evidence)
        data.setdefault("published", doc.published)
        try:
            event = Event.from_dict(data, record=where)
        except UnknownCodeError as exc:  # raised past pydantic, so it does not yet name the line
            raise ValidationError(f"{where}: {exc}", field="action", value=exc.value, record=where) from exc
        events.append(GoldEvent(event=event, evidence=evidence, note=note, line=line_no))
    return GoldSet(documents=tuple(docs), events=tuple(events), root=root)


# ---------------------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and P/R/F1 of one slice.

    Precision counts matched predictions, recall matched gold events; they differ only
    for slices where gold and prediction can disagree on the slice (salience).

    >>> s = Score(n_gold=4, n_pred=2, tp_gold=2, tp_pred=2)
    >>> s.precision, s.recall, round(s.f1, 3)
    (1.0, 0.5, 0.667)
    """

    n_gold: int
    n_pred: int
    tp_gold: int
    tp_pred: int

    @property
    def tp(self) -> int:
        return self.tp_gold

    @property
    def precision(self) -> float:
        """Matched predictions over predictions; 1.0 when nothing was predicted and nothing was due."""
        if self.n_pred == 0:
            return 1.0 if self.n_gold == 0 else 0.0
        return self.tp_pred / self.n_pred

    @property
    def recall(self) -> float:
        """Matched gold events over gold events; 1.0 when there was nothing to find."""
        if self.n_gold == 0:
            return 1.0 if self.n_pred == 0 else 0.0
        return self.tp_gold / self.n_gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "tp": self.tp_gold,
            "tp_pred": self.tp_pred,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """A miss (gold event not found) or a false alarm (prediction with no gold event)."""

    kind: str  # "miss" or "false_alarm"
    key: EventKey
    date: dt.date | None
    date_precision: str
    salience: str
    sentence: str | None  # gold evidence for a miss, the predicted sentence for a false alarm
    rule: str | None  # the parser rule that fired (false alarms only)
    note: str | None = None  # the gold note (misses only)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            **self.key._asdict(),
            "date": _iso(self.date),
            "date_precision": self.date_precision,
            "salience": self.salience,
            "sentence": self.sentence,
            "rule": self.rule,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class DateError:
    """A matched event whose predicted date or precision differs from gold."""

    key: EventKey
    gold_date: dt.date | None
    gold_precision: str
    pred_date: dt.date | None
    pred_precision: str
    evidence: str
    sentence: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.key._asdict(),
            "gold_date": _iso(self.gold_date),
            "gold_precision": self.gold_precision,
            "pred_date": _iso(self.pred_date),
            "pred_precision": self.pred_precision,
            "evidence": self.evidence,
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Everything :func:`evaluate` measured; ``to_text`` renders it, ``to_dict`` serialises it."""

    overall: Score
    per_action: dict[str, Score]
    per_salience: dict[str, Score]
    per_document: dict[str, Score]
    n_matched: int
    n_date_exact: int
    n_date_within_1: int
    misses: tuple[Finding, ...]
    false_alarms: tuple[Finding, ...]
    date_errors: tuple[DateError, ...]
    parse_errors: dict[str, str]

    @property
    def date_exact(self) -> float | None:
        """Share of matched events whose (date, date_precision) equals gold; None with no match."""
        return self.n_date_exact / self.n_matched if self.n_matched else None

    @property
    def date_within_1(self) -> float | None:
        """Share of matched events dated exactly, or to the day within one day of gold."""
        return self.n_date_within_1 / self.n_matched if self.n_matched else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.to_dict(),
            "per_action": {k: v.to_dict() for k, v in self.per_action.items()},
            "per_salience": {k: v.to_dict() for k, v in self.per_salience.items()},
            "per_document": {k: v.to_dict() for k, v in self.per_document.items()},
            "dates": {
                "matched": self.n_matched,
                "exact": self.n_date_exact,
                "within_1_day": self.n_date_within_1,
                "exact_share": self.date_exact,
                "within_1_day_share": self.date_within_1,
            },
            "misses": [f.to_dict() for f in self.misses],
            "false_alarms": [f.to_dict() for f in self.false_alarms],
            "date_errors": [d.to_dict() for d in self.date_errors],
            "parse_errors": dict(self.parse_errors),
        }

    def to_text(self, verbose: bool = False) -> str:
        """A table per action, overall and per salience, then date accuracy; ``verbose`` adds the errors."""
        head = f"{'action':<24}{'gold':>6}{'pred':>6}{'TP':>6}{'P':>8}{'R':>8}{'F1':>8}"
        lines = [head, "-" * len(head)]

        def row(name: str, s: Score) -> str:
            return f"{name:<24}{s.n_gold:>6}{s.n_pred:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"

        lines += [row(name, s) for name, s in self.per_action.items()]
        lines += ["-" * len(head), row("overall (micro)", self.overall)]
        lines += [row(f"salience {name}", s) for name, s in self.per_salience.items()]
        lines.append("")
        if self.n_matched:
            lines.append(
                f"dates of {self.n_matched} matched events: exact {self.n_date_exact} "
                f"({self.date_exact:.1%}), within 1 day {self.n_date_within_1} ({self.date_within_1:.1%})"
            )
        else:
            lines.append("dates: no matched events")
        lines.append(f"documents: {len(self.per_document)}, parse errors: {len(self.parse_errors)}")
        for doc_id, msg in self.parse_errors.items():
            lines.append(f"  parse error {doc_id}: {msg}")
        if verbose:
            lines += _verbose_lines(self)
        return "\n".join(lines)


def _verbose_lines(report: EvalReport) -> list[str]:
    lines = ["", f"  {'document':<22}{'gold':>6}{'pred':>6}{'TP':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for doc_id, s in report.per_document.items():
        lines.append(
            f"  {doc_id:<22}{s.n_gold:>6}{s.n_pred:>6}{s.tp:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
        )
    lines += ["", f"misses ({len(report.misses)}):"]
    for f in report.misses:
        note = f"  [note: {f.note}]" if f.note else ""
        lines.append(f"  MISS  {f.key}  {_iso(f.date)}/{f.date_precision} {f.salience}: {f.sentence!r}{note}")
    lines += ["", f"false alarms ({len(report.false_alarms)}):"]
    for f in report.false_alarms:
        lines.append(f"  FALSE {f.key}  {_iso(f.date)}/{f.date_precision} rule={f.rule}: {f.sentence!r}")
    lines += ["", f"date errors ({len(report.date_errors)}):"]
    for d in report.date_errors:
        lines.append(
            f"  DATE  {d.key}  gold {_iso(d.gold_date)}/{d.gold_precision} predicted "
            f"{_iso(d.pred_date)}/{d.pred_precision}: {d.sentence or d.evidence!r}"
        )
    return lines


# ---------------------------------------------------------------------------- scoring


def evaluate(gold: GoldSet | str | Path, parser: Parser | None = None) -> EvalReport:
    """Parse every gold document with its metadata and score the events against gold.

    ``parser`` defaults to ``dipevents.parse_text``. A document on which the parser raises
    a dipevents error is recorded in ``parse_errors`` and scores as all misses.
    """
    goldset = gold if isinstance(gold, GoldSet) else load_gold(gold)
    if parser is None:
        from dipevents.parsing import parse_text as parser  # the default parser, imported on use
    predicted: dict[str, list[Event]] = {}
    errors: dict[str, str] = {}
    for doc in goldset.documents:
        try:
            predicted[doc.doc_id] = list(
                parser(doc.text, doc_id=doc.doc_id, url=doc.url, publisher=doc.publisher, published=doc.published)
            )
        except DipeventsError as exc:
            log.warning("parser failed on document %s: %s", doc.doc_id, exc)
            errors[doc.doc_id] = f"{type(exc).__name__}: {exc}"
            predicted[doc.doc_id] = []
    return score(goldset, predicted, parse_errors=errors)


def score(
    goldset: GoldSet,
    predicted: Mapping[str, Iterable[Event]],
    *,
    parse_errors: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score predicted events (by doc_id of the gold document they came from) against gold.

    Predicted events of a document absent from the gold set are ignored (they have no
    gold to be judged against) and logged.
    """
    doc_ids = [d.doc_id for d in goldset.documents]
    unknown = set(predicted) - set(doc_ids)
    if unknown:
        log.warning("predictions for documents not in the gold set ignored: %s", sorted(unknown))
    gold_by_key: dict[EventKey, list[_Item]] = defaultdict(list)
    pred_by_key: dict[EventKey, list[_Item]] = defaultdict(list)
    for g in goldset.events:
        _add_unique(gold_by_key, _Item.of_gold(g))
    for doc_id in doc_ids:
        for ev in predicted.get(doc_id, ()):
            _add_unique(pred_by_key, _Item.of_pred(ev, doc_id))

    pairs: list[tuple[_Item, _Item]] = []
    misses: list[_Item] = []
    alarms: list[_Item] = []
    for key in sorted(set(gold_by_key) | set(pred_by_key)):
        matched, lone_gold, lone_pred = _pair(gold_by_key.get(key, []), pred_by_key.get(key, []))
        pairs += matched
        misses += lone_gold
        alarms += lone_pred

    gold_items = [i for items in gold_by_key.values() for i in items]
    pred_items = [i for items in pred_by_key.values() for i in items]
    exact = sum(g.dated == p.dated for g, p in pairs)
    near = sum(_within_one_day(g, p) for g, p in pairs)
    return EvalReport(
        overall=_slice(gold_items, pred_items, pairs, lambda i: True),
        per_action=_slices(gold_items, pred_items, pairs, lambda i: i.key.action, _action_order()),
        per_salience=_slices(gold_items, pred_items, pairs, lambda i: i.salience, ["main", "background"], every=True),
        per_document=_slices(gold_items, pred_items, pairs, lambda i: i.key.doc_id, doc_ids, every=True),
        n_matched=len(pairs),
        n_date_exact=exact,
        n_date_within_1=near,
        misses=tuple(m.finding("miss") for m in misses),
        false_alarms=tuple(a.finding("false_alarm") for a in alarms),
        date_errors=tuple(
            DateError(g.key, g.date, g.precision, p.date, p.precision, g.sentence or "", p.sentence)
            for g, p in pairs
            if g.dated != p.dated
        ),
        parse_errors=dict(parse_errors or {}),
    )


@dataclass(frozen=True, slots=True)
class _Item:
    key: EventKey
    date: dt.date | None
    precision: str
    salience: str
    sentence: str | None
    rule: str | None
    note: str | None

    @property
    def dated(self) -> tuple[dt.date | None, str]:
        return self.date, self.precision

    @classmethod
    def of_gold(cls, g: GoldEvent) -> _Item:
        ev = g.event
        key = EventKey(g.key.doc_id, _organisation(g.key.actor), g.key.action, _organisation(g.key.target))
        return cls(key, ev.date, ev.date_precision.value, ev.salience.value, g.evidence, None, g.note)

    @classmethod
    def of_pred(cls, ev: Event, doc_id: str) -> _Item:
        # The gold document decides the doc_id, whatever the parser wrote into the event.
        key = EventKey(doc_id, _organisation(ev.actor), ev.action, _organisation(ev.target))
        return cls(key, ev.date, ev.date_precision.value, ev.salience.value, ev.sentence, ev.rule, None)

    def finding(self, kind: str) -> Finding:
        return Finding(
            kind,
            self.key,
            self.date,
            self.precision,
            self.salience,
            self.sentence,
            self.rule,
            self.note if kind == "miss" else None,
        )


def _organisation(actor: str) -> str:
    """An organ of an organisation is matched as the organisation ("UNSC" as "UN"): the
    vocabulary codes the Security Council's acts as the UN's, while the parser keeps the organ."""
    while is_igo_code(actor) and (parent := igos.get(actor).parent) is not None:
        actor = parent
    return actor


def _add_unique(table: dict[EventKey, list[_Item]], item: _Item) -> None:
    # One event per (actor, action, target, date) in a document: a repeat counts once.
    items = table[item.key]
    if all(other.dated != item.dated for other in items):
        items.append(item)


def _pair(gold: list[_Item], pred: list[_Item]) -> tuple[list[tuple[_Item, _Item]], list[_Item], list[_Item]]:
    """Match events of one key: exact dates first, then the nearest dates, greedily."""
    gold, pred = list(gold), list(pred)
    pairs = []
    for g in list(gold):
        p = next((p for p in pred if p.dated == g.dated), None)
        if p is not None:
            pairs.append((g, p))
            gold.remove(g)
            pred.remove(p)
    candidates = sorted(((_distance(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return (
        pairs,
        [g for i, g in enumerate(gold) if i not in used_g],
        [p for i, p in enumerate(pred) if i not in used_p],
    )


def _distance(g: _Item, p: _Item) -> int:
    if g.date is None or p.date is None:
        return 10**9 if g.date != p.date else 0
    return abs((g.date - p.date).days)


def _within_one_day(g: _Item, p: _Item) -> bool:
    if g.dated == p.dated:
        return True
    return (
        g.precision == p.precision == "day"
        and g.date is not None
        and p.date is not None
        and abs((g.date - p.date).days) <= 1
    )


def _slice(
    gold: list[_Item], pred: list[_Item], pairs: list[tuple[_Item, _Item]], keep: Callable[[_Item], bool]
) -> Score:
    return Score(
        n_gold=sum(map(keep, gold)),
        n_pred=sum(map(keep, pred)),
        tp_gold=sum(keep(g) for g, _ in pairs),
        tp_pred=sum(keep(p) for _, p in pairs),
    )


def _slices(
    gold: list[_Item],
    pred: list[_Item],
    pairs: list[tuple[_Item, _Item]],
    label: Callable[[_Item], str],
    order: Sequence[str],
    *,
    every: bool = False,
) -> dict[str, Score]:
    """One score per label, in ``order``; labels absent from both sides are left out unless ``every``."""
    present = {label(i) for i in gold} | {label(i) for i in pred}
    names = [n for n in order if every or n in present]
    names += sorted(present - set(names))
    return {n: _slice(gold, pred, pairs, lambda i, n=n: label(i) == n) for n in names}


def _action_order() -> list[str]:
    from dipevents import vocabulary

    return list(vocabulary.names())


def _key(ev: Event) -> EventKey:
    return EventKey(ev.doc_id, ev.actor, ev.action, ev.target)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "-"
