"""Answers to the questions users ask most, as DuckDB queries over the store.

Every helper builds one parameterised SQL statement (user values are bound as
parameters, never formatted into the text), runs it on a read-only connection and
returns a :class:`pyarrow.Table` with source counts (``n_sources``: distinct
publishers, or documents where the publisher is unknown; ``n_documents``) and one
evidence sentence with its document, URL and publisher per row.

``store`` may be ``None`` (the embedded default store, opened read-only), a path to
a store, anything with a ``connect()`` method returning a DuckDB connection (an
``EventStore``), or a DuckDB connection that already has the ``events`` and
``mentions`` views. Names resolve through the reference tables, so ``"Albanian"``,
``"Tirana"`` and ``"ALB"`` all mean Albania.

The issue calls the event finder ``events(...)``; it is :func:`find_events` here and
at top level (``dipevents.find_events``), with ``events`` kept as an alias in this
module, so it never shadows the ``events`` table in users' minds or namespaces.

Coarse actions: imported datasets may say only ``reduce_relations`` (CAMEO 161) or
``accuse_unspecified`` (CAMEO 112). A filter on a fine action leaves them out unless
``include_coarse=True``, which also matches the coarse actions whose children contain
the asked action; ``action_precision`` says ``fine`` or ``coarse`` for each row.

>>> resolve_actor("Albanian")
('ALB', 'state')
>>> build_supporters("Tirana").params["target"]
'ALB'
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb
import pyarrow as pa

from dipevents.errors import DipeventsError, QueryError, UnknownCountryError

__all__ = [
    "DEFAULT_REACTIONS",
    "Query",
    "build_actors_toward",
    "build_dyad_counts",
    "build_find_events",
    "build_reactions",
    "build_supporters",
    "build_timeline",
    "condemners",
    "dyad_counts",
    "events",
    "find_events",
    "reactions",
    "resolve_actor",
    "run",
    "sql",
    "supporters",
    "timeline",
]

log = logging.getLogger(__name__)

#: What :func:`reactions` looks for toward the parties of an act.
DEFAULT_REACTIONS = ("support", "condemn", "deny")

# Longer than any country, IGO or actor name: refuse before fuzzy matching gets slow.
_MAX_NAME = 200
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")

Store = Any  # None, a path, an object with .connect(), or a DuckDB connection
DateLike = dt.date | str | int | None


@dataclass(frozen=True, slots=True)
class Query:
    """One parameterised statement: ``sql`` with ``$name`` placeholders bound from ``params``.

    >>> q = Query("SELECT $x AS x", {"x": 1})
    >>> run(q, duckdb.connect()).to_pylist()
    [{'x': 1}]
    """

    sql: str
    params: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- resolution


def resolve_actor(name: str) -> tuple[str, str | None]:
    """Resolve a country name, demonym, capital, code or IGO to ``(id, actor_type)``.

    A lower-case slug (``"american-jewish-committee"``) that names no country passes
    through with type ``None`` (any non-state type). Unknown names raise
    :class:`~dipevents.errors.UnknownCountryError` with suggestions.

    >>> resolve_actor("ALB"), resolve_actor("the United Kingdom")
    (('ALB', 'state'), ('GBR', 'state'))
    """
    from dipevents import countries

    if not isinstance(name, str) or not name.strip():
        raise QueryError(f"expected a country or actor name, got {name!r}")
    text = " ".join(name.split())
    if len(text) > _MAX_NAME:
        raise UnknownCountryError(
            f"No country or actor is known by a name of {len(text)} characters ({text[:40]!r}...)", value=text[:40]
        )
    stripped = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    for candidate in (text, stripped):
        try:
            return countries.to_iso3(candidate), "state"
        except UnknownCountryError as exc:
            country_error = exc
    igo = _igo_code(stripped)
    if igo is not None:
        return igo, "igo"
    if _SLUG.match(text):
        return text, None
    raise country_error


def _igo_code(name: str) -> str | None:
    try:
        from dipevents import igos
    except ImportError:  # reference table not shipped yet: countries only
        return None
    try:
        return str(igos.get(name).code)
    except (LookupError, DipeventsError, AttributeError):
        return None


def _as_date(value: DateLike, name: str, *, end: bool = False) -> dt.date | None:
    """A bound as a date; a year or month means its first (or, with ``end``, last) day."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _DATE.match(text)
    if match is None or isinstance(value, bool):
        raise QueryError(f"{name}={value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD (e.g. {name}='2022-09-07')")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            first = dt.date(year, month, 1)
            if not end:
                return first
            return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date(year, month, day)
    except ValueError as exc:
        raise QueryError(f"{name}={value!r} is not a valid date: {exc}") from None


def _actions(value: str | Iterable[str] | None, name: str) -> list[str] | None:
    from dipevents import vocabulary

    if value is None:
        return None
    names = [value] if isinstance(value, str) else list(value)
    if not names:
        raise QueryError(f"{name} is empty; give at least one action of the vocabulary")
    for action in names:
        vocabulary.get(action)  # raises UnknownActionError with suggestions
    return names


def _with_coarse(actions: list[str], include_coarse: bool) -> list[str]:
    """``actions`` plus, when asked, the coarse actions that may hide one of them."""
    from dipevents import vocabulary

    if not include_coarse:
        return actions
    extra = [a.action for a in vocabulary.actions() if a.level == "coarse" and set(a.children) & set(actions)]
    return actions + [a for a in extra if a not in actions]


# ---------------------------------------------------------------- running


@contextmanager
def _connection(store: Store) -> Iterator[duckdb.DuckDBPyConnection]:
    if isinstance(store, duckdb.DuckDBPyConnection):
        yield store  # the caller owns it
        return
    if store is None or isinstance(store, (str, os.PathLike)):
        from dipevents.store import EventStore

        store = EventStore(store, read_only=True)
    con = store.connect()
    try:
        yield con
    finally:
        con.close()


def run(query: Query, store: Store = None) -> pa.Table:
    """Run a built query on ``store`` and return its rows as an Arrow table."""
    with _connection(store) as con:
        try:
            rel = con.sql(query.sql, params=query.params or None)
            if rel is None:
                raise QueryError("the statement returned no rows to show (only SELECT queries answer questions)")
            return _to_arrow(rel)
        except duckdb.Error as exc:
            raise QueryError(f"DuckDB could not run the query: {exc}") from None


def _to_arrow(rel: duckdb.DuckDBPyRelation) -> pa.Table:
    if hasattr(rel, "to_arrow_table"):  # duckdb >= 1.4
        return rel.to_arrow_table()
    return rel.fetch_arrow_table()  # pragma: no cover - older duckdb


def sql(query: str, params: Sequence[Any] | dict[str, Any] | None = None, *, store: Store = None) -> pa.Table:
    """Run your own read-only SQL over the store (views ``events``, ``mentions``, ``actions``,
    ``countries``, ``igos``) and return an Arrow table.

    Only queries are accepted (``SELECT``, ``WITH``, ``FROM``, ``VALUES``, ``EXPLAIN``,
    ``PRAGMA``, ``DESCRIBE``, ``SHOW``); anything that writes raises
    :class:`~dipevents.errors.QueryError`.

    >>> sql("SELECT $n + 1 AS answer", {"n": 41}, store=duckdb.connect()).to_pylist()
    [{'answer': 42}]
    """
    if not isinstance(query, str) or not query.strip():
        raise QueryError("the SQL query is empty")
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(f"DuckDB could not parse the query: {exc}") from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement, got {len(statements)}")
    kind = statements[0].type
    allowed = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA}
    if kind not in allowed:
        raise QueryError(
            f"only read queries are allowed over the store, got a {kind.name} statement; "
            "use SELECT ... (e.g. SELECT actor, count(*) FROM events GROUP BY actor)"
        )
    bound = params if isinstance(params, dict) else (list(params) if params is not None else {})
    return run(Query(query, bound), store)  # type: ignore[arg-type]


# ---------------------------------------------------------------- SQL pieces

_NAMES = """
LEFT JOIN countries AS ca ON h.actor_type = 'state' AND ca.iso3 = h.actor
LEFT JOIN countries AS ct ON h.target_type = 'state' AND ct.iso3 = h.target"""

# One report per event as its evidence: one with a sentence, from a main-news mention,
# the earliest published, then by document and mention id, so the pick is stable.
_EVIDENCE_ORDER = "m.sentence IS NULL, m.salience <> 'main', m.published NULLS LAST, m.doc_id, m.mention_id"


def _event_rows(where: Sequence[str], params: dict[str, Any], *, extra: str = "", order: str = "") -> Query:
    """Per-event rows matching ``where`` (conditions on ``e``), each with its evidence."""
    order_by = order or "h.date NULLS LAST, h.actor, h.action, h.target, h.event_id"
    sql_text = f"""WITH hits AS (
    SELECT e.* FROM events AS e
    WHERE {_and(where)}
),
evidence AS (
    SELECT m.event_id, m.sentence, m.doc_id, m.url, m.publisher, m.published,
           row_number() OVER (PARTITION BY m.event_id ORDER BY {_EVIDENCE_ORDER}) AS pick
    FROM mentions AS m
    WHERE m.event_id IN (SELECT event_id FROM hits)
)
SELECT h.event_id, h.date, h.date_precision,
       h.actor, coalesce(ca.name, h.actor_name, h.actor) AS actor_name, h.actor_type,
       h.action, act.level AS action_precision,
       h.target, coalesce(ct.name, h.target_name, h.target) AS target_name, h.target_type,
       h.salience, h.n_sources, h.n_documents{extra},
       ev.sentence AS evidence, ev.doc_id, ev.url, ev.publisher, ev.published
FROM hits AS h
LEFT JOIN evidence AS ev ON ev.event_id = h.event_id AND ev.pick = 1
LEFT JOIN actions AS act ON act.action = h.action{_NAMES}
ORDER BY {order_by}"""
    return Query(sql_text, params)


def _and(conditions: Sequence[str]) -> str:
    return "\n      AND ".join(conditions) if conditions else "TRUE"


def _date_filters(column: str, since: DateLike, until: DateLike, params: dict[str, Any]) -> list[str]:
    where = []
    start = _as_date(since, "since")
    stop = _as_date(until, "until", end=True)
    if start is not None:
        params["since"] = start
        where.append(f"{column} >= $since")
    if stop is not None:
        params["until"] = stop
        where.append(f"{column} <= $until")
    if start is not None and stop is not None and stop < start:
        raise QueryError(f"until={until!r} is before since={since!r}")
    return where


def _party(name: str, key: str, column: str, params: dict[str, Any]) -> list[str]:
    actor_id, actor_type = resolve_actor(name)
    params[key] = actor_id
    where = [f"e.{column} = ${key}"]
    if actor_type is not None:
        params[f"{key}_type"] = actor_type
        where.append(f"e.{column}_type = ${key}_type")
    return where


def _after(start: str, *, indent: int = 6) -> str:
    """``e`` is dated from ``start`` to ``$window_days`` after it. An event dated only to its
    month or year counts when that month or year holds ``start``."""
    pad = " " * indent
    return (
        f"e.date >= CASE e.date_precision WHEN 'year' THEN CAST(date_trunc('year', {start}) AS DATE)\n"
        f"{pad}                           WHEN 'month' THEN CAST(date_trunc('month', {start}) AS DATE)\n"
        f"{pad}                           ELSE {start} END\n"
        f"{pad}AND e.date <= {start} + CAST($window_days AS INTEGER)"
    )


def _one_of(column: str, key: str, values: Sequence[str], params: dict[str, Any]) -> str:
    """``column`` equals one of ``values``, each bound as its own parameter. (An ``IN`` list
    of scalars, unlike ``list_contains``, is pushed down into the Parquet scan.)"""
    if len(values) == 1:
        params[key] = values[0]
        return f"{column} = ${key}"
    names = [f"{key}_{i}" for i in range(len(values))]
    params.update(zip(names, values, strict=True))
    return f"{column} IN ({', '.join('$' + n for n in names)})"


def _window(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 36_600:
        raise QueryError(f"window_days={days!r} must be a whole number of days between 0 and 36600")
    return days


# ---------------------------------------------------------------- builders


def build_actors_toward(
    target: str,
    action: str | Iterable[str],
    *,
    of_action: str | Iterable[str] | None = None,
    of_target: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    actor_type: str | None = "state",
    include_coarse: bool = False,
    window_days: int = 30,
) -> Query:
    """The query behind :func:`supporters` and :func:`condemners`: one row per actor that
    did ``action`` toward ``target``, optionally in reaction to ``target``'s ``of_action``
    (toward ``of_target``): dated from that act to ``window_days`` after it, or reported
    in the same document as the act.

    >>> q = build_actors_toward("Albania", "support", since="2022")
    >>> sorted(q.params.items())
    [('action', 'support'), ('actor_type', 'state'), ('since', datetime.date(2022, 1, 1)), ('target', 'ALB'), \
('target_type', 'state')]
    """
    actions = _with_coarse(_actions(action, "action") or [], include_coarse)
    params: dict[str, Any] = {}
    where = _party(target, "target", "target", params)
    where.append(_one_of("e.action", "action", actions, params))
    if actor_type is not None:
        params["actor_type"] = str(actor_type)
        where.append("e.actor_type = $actor_type")
    where += _date_filters("e.date", since, until, params)
    if of_action is not None or of_target is not None:
        acts = _with_coarse(_actions(of_action, "of_action") or [], include_coarse)
        params["window_days"] = _window(window_days)
        act_where = ["a.actor = $target"]
        if acts:
            act_where.append(_one_of("a.action", "of_action", acts, params))
        if of_target is not None:
            params["of_target"] = resolve_actor(of_target)[0]
            act_where.append("a.target = $of_target")
        # A reaction is dated within the window after the act, or reported in the same
        # document as the act (which places undated reports, common in undated articles).
        where.append(
            f"""EXISTS (
          SELECT 1 FROM events AS a
          WHERE {_and(act_where).replace(chr(10) + "      ", chr(10) + "            ")}
            AND ((a.date IS NOT NULL
                  AND {_after("a.date", indent=18)})
                 OR EXISTS (SELECT 1 FROM mentions AS ma JOIN mentions AS me ON me.doc_id = ma.doc_id
                            WHERE ma.event_id = a.event_id AND me.event_id = e.event_id)))"""
        )
    sql_text = f"""WITH hits AS (
    SELECT e.event_id, e.actor, e.actor_type, e.actor_name, e.action, e.date, e.salience,
           e.n_sources, act.level
    FROM events AS e
    JOIN actions AS act ON act.action = e.action
    WHERE {_and(where)}
),
reports AS (
    SELECT h.*, m.doc_id, m.url, m.publisher, m.published, m.sentence,
           row_number() OVER (
               PARTITION BY h.actor, h.actor_type
               ORDER BY m.sentence IS NULL, h.salience <> 'main', h.n_sources DESC,
                        m.salience <> 'main', m.published NULLS LAST, m.doc_id, m.mention_id
           ) AS pick
    FROM hits AS h
    -- Mentions of the hits only: a plain LEFT JOIN would hash every mention in the store.
    LEFT JOIN (SELECT * FROM mentions WHERE event_id IN (SELECT event_id FROM hits)) AS m
           ON m.event_id = h.event_id
)
SELECT r.actor, coalesce(any_value(c.name), any_value(r.actor_name), r.actor) AS actor_name, r.actor_type,
       CASE WHEN bool_or(r.level = 'fine') THEN 'fine' ELSE 'coarse' END AS action_precision,
       count(DISTINCT r.event_id) AS n_events,
       count(DISTINCT coalesce(r.publisher, r.doc_id)) AS n_sources,
       count(DISTINCT r.doc_id) AS n_documents,
       min(r.date) AS first_date, max(r.date) AS last_date,
       any_value(r.sentence) FILTER (WHERE r.pick = 1) AS evidence,
       any_value(r.doc_id) FILTER (WHERE r.pick = 1) AS doc_id,
       any_value(r.url) FILTER (WHERE r.pick = 1) AS url,
       any_value(r.publisher) FILTER (WHERE r.pick = 1) AS publisher,
       any_value(r.published) FILTER (WHERE r.pick = 1) AS published
FROM reports AS r
LEFT JOIN countries AS c ON r.actor_type = 'state' AND c.iso3 = r.actor
GROUP BY r.actor, r.actor_type
ORDER BY n_sources DESC, n_documents DESC, n_events DESC, r.actor"""
    return Query(sql_text, params)


def build_supporters(
    target: str,
    *,
    of_action: str | Iterable[str] | None = None,
    of_target: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    actor_type: str | None = "state",
    include_coarse: bool = False,
    window_days: int = 30,
) -> Query:
    """The query behind :func:`supporters`."""
    return build_actors_toward(
        target,
        "support",
        of_action=of_action,
        of_target=of_target,
        since=since,
        until=until,
        actor_type=actor_type,
        include_coarse=include_coarse,
        window_days=window_days,
    )


def build_find_events(
    actor: str | None = None,
    target: str | None = None,
    action: str | Iterable[str] | None = None,
    since: DateLike = None,
    until: DateLike = None,
    *,
    include_coarse: bool = False,
) -> Query:
    """The query behind :func:`find_events`."""
    params: dict[str, Any] = {}
    where: list[str] = []
    if actor is not None:
        where += _party(actor, "actor", "actor", params)
    if target is not None:
        where += _party(target, "target", "target", params)
    actions = _actions(action, "action")
    if actions is not None:
        where.append(_one_of("e.action", "action", _with_coarse(actions, include_coarse), params))
    where += _date_filters("e.date", since, until, params)
    return _event_rows(where, params)


def build_reactions(
    actor: str,
    action: str,
    target: str,
    date: DateLike = None,
    window_days: int = 30,
    *,
    reactions: Iterable[str] = DEFAULT_REACTIONS,
) -> Query:
    """The query behind :func:`reactions`."""
    params: dict[str, Any] = {}
    params["actor"] = resolve_actor(actor)[0]
    params["target"] = resolve_actor(target)[0]
    _actions(action, "action")  # only checked: the act is identified by its parties and date
    chosen = _actions(list(reactions), "reactions") or []
    params["window_days"] = _window(window_days)
    start = _as_date(date, "date")
    if start is None:
        raise QueryError("date is missing: give the date of the act (reactions() finds it in the store)")
    params["date"] = start
    where = [
        "(e.target = $actor OR e.target = $target)",
        _one_of("e.action", "reaction", chosen, params),
        _after("CAST($date AS DATE)"),
    ]
    extra = ",\n       CASE WHEN h.target = $actor THEN 'actor' ELSE 'target' END AS toward"
    return _event_rows(where, params, extra=extra)


def build_timeline(a: str, b: str) -> Query:
    """The query behind :func:`timeline`."""
    params: dict[str, Any] = {"a": resolve_actor(a)[0], "b": resolve_actor(b)[0]}
    where = ["((e.actor = $a AND e.target = $b) OR (e.actor = $b AND e.target = $a))"]
    return _event_rows(where, params, order="h.date NULLS LAST, h.actor, h.action, h.event_id")


def build_dyad_counts(
    freq: Literal["year", "month"] = "year",
    actions: Iterable[str] | None = None,
    *,
    since: DateLike = None,
    until: DateLike = None,
) -> Query:
    """The query behind :func:`dyad_counts`."""
    from dipevents import vocabulary

    if freq not in ("year", "month"):
        raise QueryError(f"freq={freq!r} is not supported; use 'year' or 'month'")
    chosen = _actions(actions, "actions") or list(vocabulary.names())
    params: dict[str, Any] = {}
    where = [
        "e.actor_type = 'state'",
        "e.target_type = 'state'",
        _one_of("e.action", "action", chosen, params),
        _one_of("e.date_precision", "precision", _precisions(freq), params),
        *_date_filters("e.date", since, until, params),
    ]
    period = f"CAST(date_trunc('{freq}', e.date) AS DATE)"  # freq is one of two literals, checked above
    month = ", month(h.period) AS month" if freq == "month" else ""
    # Column names come from the vocabulary (validated above), values are bound.
    per_action = []
    for i, name in enumerate(chosen):
        params[f"count_{i}"] = name
        per_action.append(f'count(*) FILTER (WHERE h.action = $count_{i}) AS "n_{name}"')
    counts = ",\n       ".join(per_action)
    sql_text = f"""WITH hits AS (
    SELECT e.event_id, e.actor, e.target, e.action, {period} AS period
    FROM events AS e
    WHERE {_and(where)}
),
reports AS (
    SELECT h.actor, h.target, h.period, m.doc_id, m.publisher, m.sentence,
           row_number() OVER (PARTITION BY h.actor, h.target, h.period ORDER BY {_EVIDENCE_ORDER}) AS pick
    FROM hits AS h
    JOIN mentions AS m ON m.event_id = h.event_id
),
sources AS (
    SELECT actor, target, period,
           count(DISTINCT coalesce(publisher, doc_id)) AS n_sources,
           count(DISTINCT doc_id) AS n_documents,
           any_value(sentence) FILTER (WHERE pick = 1) AS evidence,
           any_value(doc_id) FILTER (WHERE pick = 1) AS doc_id
    FROM reports
    GROUP BY actor, target, period
)
SELECT h.actor, h.target,
       ca.cow_code AS actor_cow, ca.cow_alpha AS actor_cow_alpha,
       ct.cow_code AS target_cow, ct.cow_alpha AS target_cow_alpha,
       ca.gw_code AS actor_gw, ct.gw_code AS target_gw,
       h.period, year(h.period) AS year{month},
       count(*) AS n_events,
       {counts},
       any_value(s.n_sources) AS n_sources, any_value(s.n_documents) AS n_documents,
       any_value(s.evidence) AS evidence, any_value(s.doc_id) AS doc_id
FROM hits AS h
LEFT JOIN sources AS s USING (actor, target, period)
LEFT JOIN countries AS ca ON ca.iso3 = h.actor
LEFT JOIN countries AS ct ON ct.iso3 = h.target
GROUP BY ALL
ORDER BY h.period, h.actor, h.target"""
    return Query(sql_text, params)


# ---------------------------------------------------------------- helpers


def supporters(
    target: str,
    *,
    of_action: str | Iterable[str] | None = None,
    of_target: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    actor_type: str | None = "state",
    include_coarse: bool = False,
    window_days: int = 30,
    store: Store = None,
) -> pa.Table:
    """Who backed ``target``: one row per actor with its counts and one evidence sentence.

    ``of_action`` (e.g. ``"sever_ties"``) keeps only support in reaction to an act of
    ``target``'s (toward ``of_target``, if given): dated from the act to ``window_days``
    after it, or reported in the same document as the act.
    ``actor_type=None`` counts every kind of actor (NGOs, IGOs ...), not only states.

    >>> con = _example_store()
    >>> supporters("Albanian", store=con).select(["actor", "actor_name", "n_sources"]).to_pylist()
    [{'actor': 'USA', 'actor_name': 'United States', 'n_sources': 1}]
    """
    return run(
        build_supporters(
            target,
            of_action=of_action,
            of_target=of_target,
            since=since,
            until=until,
            actor_type=actor_type,
            include_coarse=include_coarse,
            window_days=window_days,
        ),
        store,
    )


def condemners(
    target: str,
    *,
    of_action: str | Iterable[str] | None = None,
    of_target: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    actor_type: str | None = "state",
    include_coarse: bool = False,
    window_days: int = 30,
    store: Store = None,
) -> pa.Table:
    """Who condemned ``target``: like :func:`supporters`, for ``condemn`` events.

    >>> condemners("Albania", store=_example_store()).num_rows
    0
    """
    return run(
        build_actors_toward(
            target,
            "condemn",
            of_action=of_action,
            of_target=of_target,
            since=since,
            until=until,
            actor_type=actor_type,
            include_coarse=include_coarse,
            window_days=window_days,
        ),
        store,
    )


def find_events(
    actor: str | None = None,
    target: str | None = None,
    action: str | Iterable[str] | None = None,
    since: DateLike = None,
    until: DateLike = None,
    *,
    include_coarse: bool = False,
    store: Store = None,
) -> pa.Table:
    """Events matching every filter given, one row per event with its evidence.

    >>> find_events("Albania", action="sever_ties", store=_example_store()).column("target").to_pylist()
    ['IRN']
    """
    return run(build_find_events(actor, target, action, since, until, include_coarse=include_coarse), store)


events = find_events


def reactions(
    actor: str,
    action: str,
    target: str,
    date: DateLike = None,
    window_days: int = 30,
    *,
    reactions: Iterable[str] = DEFAULT_REACTIONS,
    store: Store = None,
) -> pa.Table:
    """Every support, condemnation or denial toward either party of an act, from the act's
    ``date`` (default: its earliest date in the store) to ``window_days`` after it.
    ``toward`` says which party a reaction was aimed at.

    >>> reactions("ALB", "sever_ties", "IRN", store=_example_store()).column("actor").to_pylist()
    ['USA']
    """
    if date is None:
        date = _act_date(actor, action, target, store)
    return run(build_reactions(actor, action, target, date, window_days, reactions=reactions), store)


def _act_date(actor: str, action: str, target: str, store: Store) -> dt.date:
    """The earliest date of the act in the store."""
    act = Query(
        "SELECT min(date) AS date FROM events WHERE actor = $actor AND target = $target AND action = $action",
        {"actor": resolve_actor(actor)[0], "target": resolve_actor(target)[0], "action": _actions(action, "action")[0]},
    )
    found = run(act, store).column("date")[0].as_py()
    if found is None:
        raise QueryError(
            f"no dated event {act.params['actor']} {act.params['action']} {act.params['target']} in the store; "
            "give date= to look for reactions after a date"
        )
    return found


def timeline(a: str, b: str, *, store: Store = None) -> pa.Table:
    """The history of the dyad ``a``-``b``, both directions, by date.

    >>> timeline("Iran", "Albania", store=_example_store()).column("action").to_pylist()
    ['sever_ties']
    """
    return run(build_timeline(a, b), store)


def dyad_counts(
    freq: Literal["year", "month"] = "year",
    actions: Iterable[str] | None = None,
    *,
    since: DateLike = None,
    until: DateLike = None,
    store: Store = None,
) -> pa.Table:
    """A directed dyad-period table of state-to-state events, ready to join with
    country-year data on COW codes (``actor_cow``/``target_cow`` and ``year``) or ISO3.

    One row per (actor, target, period) with at least one event, an ``n_events`` total
    and one ``n_<action>`` column per action. Events dated more coarsely than ``freq``
    (a year-only date in a monthly table) or not at all are left out and counted in a
    log warning.

    >>> t = dyad_counts(store=_example_store())
    >>> t.select(["actor", "target", "actor_cow", "year", "n_sever_ties"]).to_pylist()[0]
    {'actor': 'ALB', 'target': 'IRN', 'actor_cow': 339, 'year': 2022, 'n_sever_ties': 1}
    """
    query = build_dyad_counts(freq, actions, since=since, until=until)
    table = run(query, store)
    _warn_left_out(freq, _actions(actions, "actions"), store)
    return table


def _precisions(freq: str) -> list[str]:
    """Date precisions that place an event in one period of ``freq``."""
    return ["day", "month", "year"] if freq == "year" else ["day", "month"]


def _warn_left_out(freq: str, actions: list[str] | None, store: Store) -> None:
    from dipevents import vocabulary

    check = Query(
        """SELECT count(*) AS n FROM events AS e
WHERE e.actor_type = 'state' AND e.target_type = 'state' AND list_contains($actions, e.action)
  AND NOT list_contains($precisions, e.date_precision)""",
        {"actions": actions or list(vocabulary.names()), "precisions": _precisions(freq)},
    )
    left_out = run(check, store).column("n")[0].as_py()
    if left_out:
        log.warning(
            "dyad_counts(freq=%r): %d state-to-state events dated too coarsely or not at all were left out",
            freq,
            left_out,
        )


def _example_store() -> duckdb.DuckDBPyConnection:
    """A tiny in-memory store for the examples: Albania cuts ties, the US backs it."""
    from dipevents import refviews
    from dipevents.arrowschema import arrow_schema
    from dipevents.schema import EventRecord, Mention

    sever = EventRecord.from_dict(
        {
            "actor": "ALB",
            "actor_type": "state",
            "target": "IRN",
            "target_type": "state",
            "action": "sever_ties",
            "date": "2022-09-07",
            "date_precision": "day",
        }
    )
    back = EventRecord.from_dict(
        {
            "actor": "USA",
            "actor_type": "state",
            "target": "ALB",
            "target_type": "state",
            "action": "support",
            "date": "2022-09-07",
            "date_precision": "day",
        }
    )
    mentions = [
        Mention.from_dict(
            {"event_id": ev.event_id, "mention_id": f"m{i}", "doc_id": "seed-001", "rule": "example", "sentence": text}
        )
        for i, (ev, text) in enumerate(
            [
                (sever, "Albania is cutting diplomatic relations with Iran."),
                (back, "The United States expressed its support of Albania."),
            ]
        )
    ]
    con = duckdb.connect()
    con.register("events", pa.Table.from_pylist([sever.model_dump(), back.model_dump()], arrow_schema(EventRecord)))
    con.register("mentions", pa.Table.from_pylist([m.model_dump() for m in mentions], arrow_schema(Mention)))
    refviews.register(con)
    return con
