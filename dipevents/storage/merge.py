"""Deduplication and date refinement: which event each report belongs to.

Reports are grouped by (actor, action, target). Within a group every report carries its
own date key ``(date, precision)``, and the event it joins is a pure function of the
*set* of keys in the group, so the result never depends on the order in which documents
arrive (sequential, concurrent or resumed ingests all give the same store):

* a day report is its own event (two different days are two acts);
* a month report joins the day event of that month when exactly one day in the month is
  reported for the group; with none or several it stays a month event (never guess);
* a year report likewise joins the one event (day, or month left standing) of that
  year, else stays a year event;
* a report of unknown date joins the one dated event of the group, when the store knows
  exactly one (Albania broke with Iran once); with none or several it stays an event of
  unknown date.

The event is re-keyed to its most precise date, so ``event_id`` always equals
``make_event_id`` of the stored actor, action, target and date. Each report merged into
a more precise event is recorded in the ``refinements`` table (mention, its own date
and id, the event it joined), which is what lets a later report undo an ambiguous
merge.

>>> import datetime as dt
>>> sep, sep7 = (dt.date(2022, 9, 1), "month"), (dt.date(2022, 9, 7), "day")
>>> assign({sep, sep7})[sep] == sep7
True
>>> assign({sep, sep7, (dt.date(2022, 9, 9), "day")})[sep] == sep
True
>>> assign({sep, sep7, (None, "unknown")})[(None, "unknown")] == sep7
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from dipevents.schema import DatePrecision

__all__ = ["DateKey", "Refinement", "assign", "assign_sql"]

DateKey = tuple[dt.date | None, str]


class Refinement(BaseModel):
    """A report whose own date was less precise than the event it was merged into."""

    model_config = ConfigDict(frozen=True)

    mention_id: str = Field(description="The report (mentions.mention_id).")
    event_id: str = Field(description="The event it was merged into (events.event_id).")
    reported_event_id: str = Field(description="The id the report would have on its own.")
    reported_date: dt.date | None = Field(description="The report's own date.")
    reported_precision: DatePrecision = Field(description="The precision of the report's own date.")
    actor: str = Field(description="Actor of the group.")
    action: str = Field(description="Action of the group.")
    target: str = Field(description="Target of the group.")


def _only(values: set[DateKey]) -> DateKey | None:
    return next(iter(values)) if len(values) == 1 else None


def assign(keys: Iterable[DateKey]) -> dict[DateKey, DateKey]:
    """Map every date key of one group to the key of the event it belongs to."""
    keys = set(keys)
    days = {k for k in keys if k[1] == "day"}
    months = {k for k in keys if k[1] == "month"}
    result: dict[DateKey, DateKey] = {k: k for k in keys}
    for month in months:
        date = month[0]
        assert date is not None
        inside = {d for d in days if d[0] is not None and (d[0].year, d[0].month) == (date.year, date.month)}
        result[month] = _only(inside) or month
    for year in (k for k in keys if k[1] == "year"):
        date = year[0]
        assert date is not None
        inside = {result[k] for k in days | months if k[0] is not None and k[0].year == date.year}
        result[year] = _only(inside) or year
    dated = {result[k] for k in keys if k[1] != "unknown"}
    for unknown in (k for k in keys if k[1] == "unknown"):
        result[unknown] = _only(dated) or unknown
    return result


def assign_sql(keys: str) -> str:
    """:func:`assign` as one DuckDB query over every group at once (the store's fast path).

    ``keys`` names a relation of distinct ``(actor, action, target, date, date_precision)``
    keys; the query returns the keys whose event has another key, with ``final_date`` and
    ``final_precision``. A property test keeps it equal to :func:`assign`.
    """
    group = "k.actor, k.action, k.target, k.date, k.date_precision"

    def pick(column: str, otherwise: str) -> str:
        return f"CASE WHEN count(r.fp) = 1 THEN any_value(r.{column}) ELSE {otherwise} END"

    return f"""
        WITH k AS (SELECT DISTINCT actor, action, target, date, date_precision FROM {keys}),
        days AS (SELECT actor, action, target, date AS fd, 'day' AS fp FROM k WHERE date_precision = 'day'),
        mres AS (
            SELECT {group}, {pick("fd", "k.date")} AS fd, {pick("fp", "'month'")} AS fp
            FROM k LEFT JOIN days r ON k.actor = r.actor AND k.action = r.action AND k.target = r.target
                AND year(r.fd) = year(k.date) AND month(r.fd) = month(k.date)
            WHERE k.date_precision = 'month' GROUP BY {group}),
        dm AS (SELECT * FROM days UNION SELECT actor, action, target, fd, fp FROM mres),
        yres AS (
            SELECT {group}, {pick("fd", "k.date")} AS fd, {pick("fp", "'year'")} AS fp
            FROM k LEFT JOIN dm r ON k.actor = r.actor AND k.action = r.action AND k.target = r.target
                AND year(r.fd) = year(k.date)
            WHERE k.date_precision = 'year' GROUP BY {group}),
        dated AS (SELECT * FROM dm UNION SELECT actor, action, target, fd, fp FROM yres),
        ures AS (
            SELECT {group}, {pick("fd", "NULL::DATE")} AS fd, {pick("fp", "'unknown'")} AS fp
            FROM k LEFT JOIN dated r ON k.actor = r.actor AND k.action = r.action AND k.target = r.target
            WHERE k.date_precision = 'unknown' GROUP BY {group}),
        res AS (SELECT * FROM mres UNION ALL SELECT * FROM yres UNION ALL SELECT * FROM ures)
        SELECT actor, action, target, date, date_precision, fd AS final_date, fp AS final_precision FROM res
        WHERE fp <> date_precision OR fd IS DISTINCT FROM date
    """
