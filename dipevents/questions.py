"""Questions in plain English -> parameterised SQL over the store.

:func:`ask` recognises a documented set of question forms (see :data:`FORMS`), reads
the countries in them through the reference tables ("Albanian", "Tirana", "the UK"),
builds the query with :mod:`dipevents.query` (every value from the question is bound
as a parameter) and returns an :class:`Answer` with the form, the parameters, the SQL
and the result table. A question it cannot read raises
:class:`~dipevents.errors.QueryError` listing the forms it understands.

>>> a = parse("Which states backed Albania when it cut ties with Iran?")
>>> a.form, a.params["target"], a.params["of_action"], a.params["of_target"]
('actors_toward', 'Albania', 'sever_ties', 'Iran')
>>> import dipevents
>>> dipevents.ask("Which states backed Albania?", store=q._example_store()).table.num_rows
1
>>> parse("what did the UK do to China in 2024").params
{'actor': 'the UK', 'target': 'China', 'since': '2024', 'until': '2024'}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from dipevents import query as q
from dipevents.errors import QueryError, UnknownCodeError

__all__ = ["FORMS", "Answer", "ParsedQuestion", "ask", "parse", "understood_forms"]

_MAX_QUESTION = 500

# Verb phrases for the acts a question can name, each with an {x} slot for the party
# acted upon. Past and present tense both read ("which states back X", "when did A cut ...").
_ACT_PHRASES: dict[str, tuple[str, ...]] = {
    "support": (
        r"(?:backed|back|supported|support|sided\s+with|side\s+with|stood\s+(?:with|by)|stand\s+(?:with|by)"
        r"|(?:expressed|voiced|declared)\s+(?:their\s+|its\s+)?support\s+(?:for|of))\s+{x}"
        r"(?:'s?\s+(?:decision|move|position|stance|step))?",
    ),
    "condemn": (r"(?:condemned|condemn|denounced|denounce|critici[sz]ed|critici[sz]e|deplored|deplore)\s+{x}",),
    "expel_diplomats": (
        r"(?:expelled|expel|kicked\s+out|kick\s+out)\s+(?:the\s+)?(?:diplomats|envoys?|ambassadors?|embassy\s+staff)"
        r"\s+(?:of|from)\s+{x}",
        r"(?:expelled|expel|kicked\s+out|kick\s+out)\s+{x}(?:'s?)?\s+(?:diplomats|envoys?|ambassadors?|embassy\s+staff)",
    ),
    "sever_ties": (
        r"(?:cut|severed|sever|broke\s+off|break\s+off|broken\s+off|ended|end|snapped|snap)\s+(?:off\s+)?"
        r"(?:diplomatic\s+)?(?:ties|relations)\s+with\s+{x}",
    ),
    "recall_ambassador": (
        r"(?:recalled|recall|withdrew|withdraw|withdrawn)\s+(?:their\s+|its\s+|the\s+)?"
        r"(?:ambassadors?|envoys?|diplomats)\s+(?:from|to|in)\s+{x}",
    ),
    "cyberattack_accusation": (
        r"(?:accused|accuse|blamed|blame)\s+{x}\s+(?:of|for)\s+(?:an?\s+|the\s+)?"
        r"(?:cyber[\s-]?attacks?|cyber[\s-]?operations?|cyber\s+incidents?|hacking|hacks?)",
    ),
}

_SUBJECT = r"(?:(?P<states>(?:which|what)\s+(?:states|countries|governments|nations))|(?P<who>who))"
_AUX = r"(?:\s+(?:have|has|had|did))?"
_PARTY = r"(?P<{name}>[^?]+?)"

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


@dataclass(frozen=True, slots=True)
class QuestionForm:
    """One kind of question :func:`ask` understands."""

    name: str
    pattern: str
    example: str


#: The question forms, in the order they are tried, with an example of each.
FORMS: tuple[QuestionForm, ...] = (
    QuestionForm(
        "actors_toward",
        "which states|countries|governments backed|supported|sided with X",
        "Which states backed Albania?",
    ),
    QuestionForm(
        "actors_toward",
        "... backed X when it cut ties with|expelled diplomats of|recalled ambassadors from Y",
        "Which states backed Albania when it cut ties with Iran?",
    ),
    QuestionForm(
        "actors_toward", "which countries condemned|denounced|criticised X", "Which countries condemned Russia?"
    ),
    QuestionForm(
        "actors_toward",
        "which states expelled diplomats of|from X / expelled X's diplomats",
        "Which countries expelled Russian diplomats in 2022?",
    ),
    QuestionForm(
        "actors_toward",
        "which states cut|severed|broke off ties|relations with X",
        "Which states cut ties with Taiwan?",
    ),
    QuestionForm(
        "actors_toward",
        "which states recalled their ambassadors from X",
        "Which countries recalled their ambassadors from Niger?",
    ),
    QuestionForm("actors_toward", "who accused X of a cyberattack|of hacking", "Who accused China of a cyberattack?"),
    QuestionForm("find_events", "what did X do to Y", "What did Saudi Arabia do to Canada in 2018?"),
    QuestionForm(
        "find_events",
        "when did X sever|cut|break off ties with Y (or any act above)",
        "When did Somalia sever ties with Kenya?",
    ),
)

_WHEN_HELP = (
    "Add a period at the end: 'in 2022', 'in September 2022', 'since 2021-04-15', "
    "'between 2018 and 2020', 'before March 2023'."
)


def understood_forms() -> str:
    """The question forms as a short help text, one example per line."""
    lines = ["Questions dipevents understands ('who' counts every kind of actor, 'which states' only states):"]
    for form in FORMS:
        lines.append(f"  - {form.pattern}\n      e.g. {form.example}")
    lines.append(_WHEN_HELP)
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ParsedQuestion:
    """What a question asks: the form, its parameters as written, and the answer's columns."""

    form: str
    params: dict[str, Any]
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to a question: how it was read, the SQL that ran and its rows."""

    question: str
    form: str
    params: dict[str, Any]
    query: q.Query
    table: pa.Table
    columns: tuple[str, ...] = field(default=())

    @property
    def sql(self) -> str:
        """The SQL text; the values it binds are in ``query.params``."""
        return self.query.sql


_ACTOR_COLUMNS = ("actor_name", "n_sources", "n_documents", "first_date", "evidence")
_EVENT_COLUMNS = ("date", "actor_name", "action", "target_name", "n_sources", "n_documents", "evidence")


def parse(question: str) -> ParsedQuestion:
    """Read ``question`` into a form and its parameters (names as written, not yet resolved).

    Raises :class:`~dipevents.errors.QueryError` listing the understood forms.
    """
    text = _normalise(question)
    body, period = _split_period(text)
    for reader in (_read_what_did, _read_when_did, _read_actors_toward):
        parsed = reader(body)
        if parsed is not None:
            return ParsedQuestion(parsed.form, {**parsed.params, **period}, parsed.columns)
    raise QueryError(f"dipevents cannot read the question {_shorten(text)!r}.\n{understood_forms()}")


def ask(question: str, *, store: q.Store = None) -> Answer:
    """Answer ``question`` from the store (default: the embedded store, read-only).

    >>> answer = ask("Which states backed the Albanians?", store=q._example_store())
    >>> answer.form, answer.table.column("actor_name").to_pylist()
    ('actors_toward', ['United States'])
    """
    parsed = parse(question)
    built = _build(parsed)
    return Answer(question, parsed.form, parsed.params, built, q.run(built, store), parsed.columns)


def _build(parsed: ParsedQuestion) -> q.Query:
    p = dict(parsed.params)
    try:
        if parsed.form == "actors_toward":
            return q.build_actors_toward(
                p.pop("target"),
                p.pop("action"),
                of_action=p.pop("of_action", None),
                of_target=p.pop("of_target", None),
                actor_type=p.pop("actor_type"),
                **p,
            )
        return q.build_find_events(**p)
    except UnknownCodeError as exc:
        raise QueryError(f"{exc} (read from the question's names: {_names(parsed.params)})") from None


def _names(params: dict[str, Any]) -> str:
    keys = ("actor", "target", "of_target")
    return ", ".join(f"{k}={params[k]!r}" for k in keys if params.get(k))


# ---------------------------------------------------------------- readers


def _read_actors_toward(body: str) -> ParsedQuestion | None:
    parts = re.split(r"\s+(?:when|after)\s+(?:it|they)\s+", body, maxsplit=1, flags=re.I)
    main, when = (parts[0], parts[1]) if len(parts) == 2 else (body, "")
    for action, party in _match_act(main, prefix=_SUBJECT + _AUX + r"\s+"):
        params: dict[str, Any] = {"target": party["x"], "action": action}
        params["actor_type"] = "state" if party.get("states") else None
        if when:
            act = _match_act(when)
            if not act:
                return None
            params["of_action"], params["of_target"] = act[0][0], act[0][1]["x"]
        return ParsedQuestion("actors_toward", params, _ACTOR_COLUMNS)
    return None


def _read_what_did(body: str) -> ParsedQuestion | None:
    m = re.fullmatch(
        r"what\s+(?:did|has|have|does)\s+"
        + _PARTY.format(name="actor")
        + r"\s+(?:do|done)\s+(?:to|against|toward|towards|with)\s+"
        + _PARTY.format(name="target"),
        body,
        flags=re.I,
    )
    if m is None:
        return None
    return ParsedQuestion("find_events", {"actor": _clean(m["actor"]), "target": _clean(m["target"])}, _EVENT_COLUMNS)


def _read_when_did(body: str) -> ParsedQuestion | None:
    m = re.fullmatch(r"when\s+(?:did|has|have)\s+(?P<rest>.+)", body, flags=re.I)
    if m is None:
        return None
    words = m["rest"].split(" ")
    # The actor is a prefix of the rest; try the shortest one that leaves a readable act.
    for cut in range(1, len(words)):
        actor, act_text = " ".join(words[:cut]), " ".join(words[cut:])
        found = _match_act(act_text)
        if found:
            action, party = found[0]
            params = {"actor": _clean(actor), "target": party["x"], "action": action}
            return ParsedQuestion("find_events", params, _EVENT_COLUMNS)
    return None


def _match_act(text: str, prefix: str = "") -> list[tuple[str, dict[str, str]]]:
    found = []
    for action, templates in _ACT_PHRASES.items():
        for template in templates:
            m = re.fullmatch(prefix + template.format(x=_PARTY.format(name="x")), text, flags=re.I)
            if m is not None:
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                groups["x"] = _clean(groups["x"])
                found.append((action, groups))
    return found


# ---------------------------------------------------------------- text


def _normalise(question: str) -> str:
    if not isinstance(question, str) or not question.strip():
        raise QueryError(f"the question is empty.\n{understood_forms()}")
    if len(question) > _MAX_QUESTION:
        raise QueryError(
            f"the question is {len(question)} characters long; dipevents reads questions of up to "
            f"{_MAX_QUESTION}.\n{understood_forms()}"
        )
    text = question.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "–": "-"}))
    text = " ".join(text.split())
    return text.strip(" ?!.;:,")


def _clean(name: str) -> str:
    return name.strip(" \"',;:").removesuffix("'s").removesuffix("'")


def _shorten(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "..."


def _split_period(text: str) -> tuple[str, dict[str, str]]:
    """Split a trailing 'in 2022' / 'since DATE' / 'between A and B' / 'before DATE' off."""
    readers: list[tuple[str, Callable[[re.Match[str]], dict[str, str]]]] = [
        (
            r"\s+(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until)\s+(?P<b>[^ ].*)",
            lambda m: {"since": _date(m["a"]), "until": _date(m["b"])},
        ),
        (r"\s+(?:since|after)\s+(?P<a>.+)", lambda m: {"since": _date(m["a"])}),
        (r"\s+(?:before|until)\s+(?P<a>.+)", lambda m: {"until": _date(m["a"])}),
        (r"\s+(?:in|during)\s+(?P<a>(?:[a-z]+\s+)?\d{4})", lambda m: {"since": _date(m["a"]), "until": _date(m["a"])}),
    ]
    for pattern, read in readers:
        keyword = pattern.split("(?P<a>")[0]
        # Try every place the keyword occurs: "from" may also start a country ("expelled ... from X").
        for start in (k.start() for k in re.finditer(keyword, text, flags=re.I)):
            m = re.fullmatch(pattern, text[start:], flags=re.I)
            if m is None:
                continue
            try:
                return text[:start], read(m)
            except ValueError:
                continue  # not a date after all
    return text, {}


def _date(phrase: str) -> str:
    """'2022', '2022-09', '2022-09-07', 'September 2022', '7 September 2022', 'Sept 7, 2022'."""
    text = phrase.strip().strip(",").lower().replace(",", "")
    if re.fullmatch(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?", text):
        return text
    m = re.fullmatch(r"(?:(?P<d1>\d{1,2})\s+)?(?P<mon>[a-z]+)\.?\s+(?:(?P<d2>\d{1,2})\s+)?(?P<y>\d{4})", text)
    if m is None or m["mon"] not in _MONTHS:
        raise ValueError(f"not a date: {phrase!r}")
    day = m["d1"] or m["d2"]
    month = f"{m['y']}-{_MONTHS[m['mon']]:02d}"
    return f"{month}-{int(day):02d}" if day else month
