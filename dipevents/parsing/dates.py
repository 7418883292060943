"""Dates in news text: explicit, partial and relative, resolved against the publication date.

:func:`find_dates` returns every date expression of a sentence with the date it denotes and
how precise that is. Relative expressions ("on Wednesday", "yesterday", "last week") need
the publication date; without it they are left out rather than guessed. A month-day
without a year takes the year of publication (the previous year when that would put it
after publication). :func:`publication_date` reads the date a text was published from the
text itself: the archive's `` date YYYY-MM-DD`` marker, a "Published:" line, a line that is
only a date, or a dateline ("MOSCOW, April 16").

>>> import datetime as dt
>>> [(d.date.isoformat(), d.precision) for d in find_dates("Iran said on Wednesday", dt.date(2022, 9, 8))]
[('2022-09-07', 'day')]
>>> [(d.date.isoformat(), d.precision) for d in find_dates("Since 2016 and in July 2020.", None)]
[('2016-01-01', 'year'), ('2020-07-01', 'month')]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from dipevents.parsing._trie import contains_any, finditer_at_prefixes, folded, literal_prefixes, search_at_prefixes

__all__ = ["DateMention", "dateline_end", "find_dates", "full_dates", "publication_date"]

_MONTHS: Final = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MON: Final = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MON2: Final = _MON.replace("?P<mon>", "?P<mon2>")
_DAY: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
# "in September last year", "on March 3 this year": the year told relative to publication.
_REL_YEAR: Final = r"(?:\s{1,3}(?P<rely>last|this|next)\s{1,3}year\b)?"
_REL_YEAR_OFFSET: Final = {"last": -1, "this": 0, "next": 1}

# Order matters: longer, more specific forms first; matches do not overlap.
_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (kind, re.compile(p, re.IGNORECASE))
    for kind, p in [
        ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("mdy", rf"\b{_MON}\s{{1,3}}{_DAY}(?:\s{{0,3}}[-–]\s{{0,3}}[0-3]?\d)?,?\s{{1,3}}{_YEAR}\b"),
        ("dmy", rf"\b{_DAY}(?:\s{{0,3}}[-–]\s{{0,3}}[0-3]?\d)?\s{{1,3}}(?:of\s{{1,3}})?{_MON},?\s{{1,3}}{_YEAR}\b"),
        ("slash", r"\b(?P<m>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b"),
        (
            "my",
            rf"\b(?:in\s{{1,3}}|since\s{{1,3}}|during\s{{1,3}}|of\s{{1,3}}|by\s{{1,3}}|until\s{{1,3}}|from\s{{1,3}})?{_MON},?\s{{1,3}}(?:of\s{{1,3}})?{_YEAR}\b",
        ),
        (
            "md",
            rf"\b{_MON}\s{{1,3}}{_DAY}(?:\s{{0,3}}(?:[-–]|to)\s{{0,3}}(?P<day2>[0-3]?\d))?\b(?![,.]?\s{{0,3}}(?:19|20)\d\d)"
            rf"{_REL_YEAR}",
        ),
        ("dm", rf"\b{_DAY}(?:\s{{0,3}}[-–]\s{{0,3}}[0-3]?\d)?\s{{1,3}}(?:of\s{{1,3}})?{_MON}\b{_REL_YEAR}"),
        (
            "month",
            rf"\b(?P<prep>in|since|during|by|until|from|through(?:out)?|early|late|mid|earlier\s+in|last|this|next|that|"
            rf"(?:the\s+)?(?:end|beginning|start|middle)\s+of)[- ]{{1,3}}{_MON}\b{_REL_YEAR}",
        ),
        (
            "year",
            rf"\b(?P<prep>in|since|during|by|until|from|through(?:out)?|of|year|early|late|mid|around|before|after)"
            rf"[- ]{{1,3}}{_YEAR}\b(?![-/]\d)",
        ),
        (
            "relday",
            r"\b(?P<rel>today|tonight|this\s+morning|this\s+afternoon|this\s+evening|yesterday|the\s+day\s+before|earlier\s+in\s+the\s+day|earlier\s+today)\b",
        ),
        ("weekday", r"\b(?P<last>last\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?\b"),
        (
            "relperiod",
            r"\b(?P<per>last\s+week|last\s+month|last\s+year|earlier\s+(?:this|in\s+the)\s+(?:week|month|year)|this\s+week|this\s+month|this\s+year|(?:a|one|two|three|four|five|six|several|a\s+few|\d{1,2})\s+(?:days?|weeks?)\s+ago|recent\s+(?:days|weeks)|(?:\d{1,2}|a|one|two|three)\s+years?\s+ago)\b",
        ),
    ]
)

# The words each pattern's matches begin with, to try it only where they stand (dmy, dm,
# relperiod and the digit forms have none and are scanned the plain way).
_PREFIXES: Final = {kind: literal_prefixes(pattern) for kind, pattern in _PATTERNS}

_NUMBERS: Final = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 3, "a few": 3}


@dataclass(slots=True, init=False, unsafe_hash=True)
class DateMention:
    """A date expression in a sentence: where it is, the date it denotes and its precision."""

    # (not frozen, and an explicit __init__: a frozen dataclass's generated __init__ sets each
    # field through object.__setattr__, and the compiled build leaves generated methods
    # interpreted, while one is made per date found; unsafe_hash keeps it hashable, as
    # frozen did)
    start: int
    end: int
    date: dt.date
    precision: str  # "day", "month" or "year"
    relative: bool  # resolved against the publication date

    def __init__(self, start: int, end: int, date: dt.date, precision: str, relative: bool) -> None:
        self.start = start
        self.end = end
        self.date = date
        self.precision = precision
        self.relative = relative


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    candidate = _safe_date(year, month, day)
    # A month-day more than a few days after publication is last year's.
    if candidate is not None and candidate > published + dt.timedelta(days=7):
        year -= 1
    return year


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date, str, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d, "day", False) if d else None
    if kind in ("mdy", "dmy"):
        d = _safe_date(int(g["year"]), _MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
        return (d, "day", False) if d else None
    if kind == "slash":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d, "day", False) if d else None
    if kind == "my":
        return dt.date(int(g["year"]), _MONTHS[g["mon"].lower().rstrip(".")], 1), "month", False
    if kind in ("md", "dm"):
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        if g["mon"] == "May" and kind == "md" and not g.get("day"):
            return None
        day = int(g["day2"]) if g.get("day2") else int(g["day"])
        year = _year_for(month, day, published)
        if g.get("rely") and published is not None:
            year = published.year + _REL_YEAR_OFFSET[g["rely"].lower()]
        if year is None:
            return None
        d = _safe_date(year, month, day)
        return (d, "day", True) if d else None
    if kind == "month":
        month = _MONTHS[g["mon"].lower().rstrip(".")]
        if g["mon"].lower() == "may" and g["prep"].lower().split()[-1] not in (
            "in",
            "since",
            "during",
            "early",
            "late",
            "mid",
            "through",
            "throughout",
            "of",
        ):
            return None  # "by may" is more often the modal verb
        prep = g["prep"].lower()
        if prep == "that":
            # "in 2015 ... the ambassador was recalled that July": the year the sentence named.
            years = _YEAR_IN.findall(m.string, 0, m.start())
            return (dt.date(int(years[-1]), month, 1), "month", False) if years else None
        if published is None:
            return None
        year = published.year
        if g.get("rely"):
            year += _REL_YEAR_OFFSET[g["rely"].lower()]
            return dt.date(year, month, 1), "month", True
        if prep == "last" or (prep != "next" and month > published.month):
            year -= 1
        if prep == "next" and month <= published.month:
            year += 1
        return dt.date(year, month, 1), "month", True
    if kind == "year":
        year = int(g["year"])
        return dt.date(year, 1, 1), "year", False
    if published is None:
        return None
    if kind == "relday":
        rel = " ".join(g["rel"].lower().split())
        if rel in ("yesterday", "the day before"):
            return published - dt.timedelta(days=1), "day", True
        return published, "day", True
    if kind == "weekday":
        target = _WEEKDAYS[g["wd"].lower()]
        back = (published.weekday() - target) % 7
        if g.get("last"):
            back = back or 7
        return published - dt.timedelta(days=back), "day", True
    if kind == "relperiod":
        per = " ".join(g["per"].lower().split())
        exact = _EXACT_DAYS_AGO.fullmatch(per)
        if exact:
            # "two days ago": a count of days names the day itself
            head = exact.group(1)
            n = int(head) if head.isdigit() else _NUMBERS.get(head, 1)
            return published - dt.timedelta(days=n), "day", True
        if (
            per in ("last week",)
            or per.endswith(("days ago", "day ago", "weeks ago", "week ago"))
            or per == "recent days"
        ):
            weeks = 1
            for word, n in _NUMBERS.items():
                if per.startswith(word + " "):
                    weeks = n
            d = published - dt.timedelta(days=7 * weeks if "week" in per else weeks)
            return dt.date(d.year, d.month, 1), "month", True
        if per in ("this week", "earlier this week", "earlier in the week", "recent weeks"):
            d = published - dt.timedelta(days=3)
            return dt.date(d.year, d.month, 1), "month", True
        if per in ("last month",):
            first = dt.date(published.year, published.month, 1) - dt.timedelta(days=1)
            return dt.date(first.year, first.month, 1), "month", True
        if per in ("this month", "earlier this month", "earlier in the month"):
            return dt.date(published.year, published.month, 1), "month", True
        if per == "last year":
            return dt.date(published.year - 1, 1, 1), "year", True
        if per in ("this year", "earlier this year", "earlier in the year"):
            return dt.date(published.year, 1, 1), "year", True
        if per.endswith("ago"):
            head = per.split()[0]
            n = int(head) if head.isdigit() else _NUMBERS.get(head, 1)
            return dt.date(published.year - n, 1, 1), "year", True
    return None


_YEAR_IN: Final = re.compile(r"\b(?:19|20)\d\d\b")
_EXACT_DAYS_AGO: Final = re.compile(r"(a|one|two|three|four|five|six|\d{1,2}) days? ago")


def find_dates(sentence: str, published: dt.date | None, *, days_only: bool = False) -> list[DateMention]:
    """Every date expression in ``sentence``, left to right, resolved where possible.

    ``days_only`` looks only for expressions that can name a day (not "in 2016", "in July").
    """
    # No gate before the scan: every expression holds a digit or a month, weekday or relative
    # word at a word start, so a gate on those changes no result, and the coder asks only
    # about sentences that mostly have one (such a gate cost more than it saved).
    fold = folded(sentence)
    return _scan(sentence, published, _applicable(sentence, days_only, fold), fold)


def full_dates(sentence: str) -> list[DateMention]:
    """The absolute full dates in ``sentence``: day precision, no publication date needed.

    The same as keeping the non-relative days of ``find_dates(sentence, None)``, faster:
    only the four forms with a day, a month and a year can give one (they come first in
    the pattern order, so no other form can take their text), and each has a digit.

    >>> [d.date.isoformat() for d in full_dates("On 7 September 2022 and on 9/8/2022, not on Monday.")]
    ['2022-09-07', '2022-09-08']
    """
    if "20" not in sentence and "19" not in sentence:
        return []  # (each of the four forms ends on a year, 19xx or 20xx)
    needs = {"iso": "-" in sentence, "slash": "/" in sentence}
    month = _MONTH_START.search(sentence) is not None
    patterns = [(kind, pattern) for kind, pattern in _PATTERNS[:4] if needs.get(kind, month)]
    return [d for d in _scan(sentence, None, patterns) if d.precision == "day" and not d.relative]


def find_dates_and_days(sentence: str, published: dt.date | None) -> tuple[list[DateMention], list[DateMention] | None]:
    """``find_dates(sentence, published)`` and, when the same scan tells it,
    ``find_dates(sentence, published, days_only=True)`` (else None).

    The days-only scan tries the day patterns only, in the same order and behind the same
    gates. When no other pattern took a place in the full scan, the day patterns met the
    same taken places there, so they found the same dates, and these were all it found.
    """
    fold = folded(sentence)
    kinds: set[str] = set()
    found = _scan(sentence, published, _applicable(sentence, False, fold), fold, kinds)
    return found, (found if kinds <= _DAY_KINDS else None)


def _scan(
    sentence: str,
    published: dt.date | None,
    patterns: list[tuple[str, re.Pattern[str]]],
    low: str | None = None,
    kinds: set[str] | None = None,
) -> list[DateMention]:
    """The date expressions ``patterns`` find, left to right; ``low`` is ``folded(sentence)``
    when the caller has it; ``kinds`` receives the kinds of pattern that took a place."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    if low is None:
        low = folded(sentence)
    for kind, pattern in patterns:
        for m in finditer_at_prefixes(pattern, _PREFIXES[kind], sentence, low):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            resolved = _resolve(kind, m, published)
            taken.append((s, e))
            if kinds is not None:
                kinds.add(kind)
            if resolved is None:
                continue
            d, precision, relative = resolved
            if not (1800 <= d.year <= 2200):
                continue
            out.append(DateMention(s, e, d, precision, relative))
    out.sort(key=lambda x: x.start)
    return out


_MONTH_STEMS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_RELDAY_KEYS: Final = ("today", "tonight", "this ", "yesterday", "day before", "earlier")
_RELPERIOD_KEYS: Final = ("last", "earlier", "this", "ago", "recent")
_DIGIT: Final = re.compile(r"\d")
_MONTH_START: Final = re.compile(r"\b(?:" + "|".join(_MONTH_STEMS) + ")", re.IGNORECASE)
_MONTH_START_PREFIXES: Final = literal_prefixes(_MONTH_START)
_WEEKDAY_NAMES: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_DAY_KINDS: Final = frozenset({"iso", "mdy", "dmy", "slash", "md", "dm", "relday", "weekday"})


def _applicable(sentence: str, days_only: bool, fold: str | None) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns worth trying: each needs a digit, a month, "day" or a relative word.
    (``fold`` is ``folded(sentence)``.)

    Substring tests on the lower-cased sentence run at C speed and rule out most patterns,
    so a sentence costs a few regex scans instead of twelve.
    """
    low = sentence.lower() if fold is None else fold
    digit = _DIGIT.search(sentence) is not None
    # Every month name in the patterns begins a word: the stem at a word start is needed.
    # (With ``fold``, search_at_prefixes tests the stems as substrings first itself.)
    month_word = (fold is not None or _MONTH_STEM_IN(low)) and search_at_prefixes(
        _MONTH_START, _MONTH_START_PREFIXES, sentence, fold
    ) is not None
    month = digit and month_word  # the forms with a month name and a day or year number
    # The forms with a year hold "(?:19|20)\d\d": an ASCII digit matches only itself.
    year = digit and ("19" in sentence or "20" in sentence)
    relperiod = _RELPERIOD_KEY_IN(low)
    if relperiod and fold is not None:
        # Each "relperiod" alternative holds "ago" or "recent", or "last", "this" or "earlier"
        # before "week", "month" or "year": half the sentences with "this" hold none of those.
        # (With ``fold``, the lower-cased text shows each ASCII letter that the pattern matches.)
        relperiod = "ago" in low or "recent" in low or (_PERIOD_NOUN_IN(low) and _RELPERIOD_WORD_IN(low))
    ok = {
        "iso": year and "-" in sentence,
        "mdy": month and year,
        "dmy": month and year,
        "slash": year and "/" in low,
        "my": month and year,
        "md": month,
        "dm": month,
        "month": month_word,
        "year": year,
        "relday": _RELDAY_KEY_IN(low),
        # In ASCII text a weekday's name is there as written, lower-cased; other text may
        # hold letters that case-fold to ASCII ones ("ſ"), so only "day" is required there.
        "weekday": "day" in low and (not low.isascii() or _WEEKDAY_NAME_IN(low)),
        "relperiod": relperiod,
    }
    return [(kind, pattern) for kind, pattern in _PATTERNS if ok[kind] and (not days_only or kind in _DAY_KINDS)]


def _substring_test(words: tuple[str, ...]) -> Callable[[str], bool]:
    """A test for any of ``words`` as a substring of a text (``_trie.contains_any``)."""

    def test(text: str) -> bool:
        return contains_any(text, words)

    return test


_MONTH_STEM_IN: Final = _substring_test(_MONTH_STEMS)
_RELDAY_KEY_IN: Final = _substring_test(_RELDAY_KEYS)
_RELPERIOD_KEY_IN: Final = _substring_test(_RELPERIOD_KEYS)
_WEEKDAY_NAME_IN: Final = _substring_test(_WEEKDAY_NAMES)
_PERIOD_NOUN_IN: Final = _substring_test(("week", "month", "year"))
_RELPERIOD_WORD_IN: Final = _substring_test(("last", "this", "earlier"))


_MARKER: Final = re.compile(r"\A\s{0,5}date\s{1,3}((?:19|20)\d\d-[01]\d-[0-3]\d)\b")
# "Published: Apr 16, 2022", "UPDATED on 3 May"; in lower case only with a colon, as prose has
# "dated from 1983" and "an updated list".
_PUBLISHED: Final = re.compile(
    r"(?:\b(?:Published|Updated|Posted|Date|PUBLISHED|UPDATED|POSTED|DATE)\b\s{0,3}(?:on\b)?\s{0,3}:?"
    r"|\b(?i:published|updated|posted|date)\s{0,3}:)\s{0,3}([^\n]{4,60})"
)
# The words every match of _PUBLISHED begins with (case ignored), where it is tried: a search
# of a text's head at every character costs more than the rest of the dating. (Read from the
# pattern made case-insensitive throughout, whose matches include its own: literal_prefixes
# does not look through a scoped flag.)
_PUBLISHED_PREFIXES: Final = literal_prefixes(re.compile(_PUBLISHED.pattern.replace("(?i:", "(?:"), re.IGNORECASE))
_DATELINE: Final = re.compile(
    r"^\s{0,3}[A-Z][A-Za-z .'-]{1,40}(?:\[[^\]\n]{1,30}\])?,\s{1,3}(?:[A-Za-z .]{1,30},\s{1,3})?"
    + _MON
    + r"\s{1,3}(?P<day>[0-3]?\d)\b",
    re.MULTILINE,
)


def dateline_end(sentence: str) -> int:
    """Where a dateline that opens ``sentence`` ends ("VILNIUS, Nov 23"), or 0 without one.

    >>> dateline_end("VILNIUS, Nov 23 (Wire) - China downgraded its ties on Sunday.")
    15
    """
    m = _DATELINE.match(sentence) if sentence[:1].isupper() or sentence[:1].isspace() else None
    return m.end() if m else 0


def publication_date(text: str) -> tuple[dt.date, str] | None:
    """The publication date a text states about itself, with its precision, or None.

    >>> publication_date("Iran Press TV\\n\\nWednesday, 07 September 2022 2:17 PM\\n\\nAlbania ...")
    (datetime.date(2022, 9, 7), 'day')
    >>> publication_date("MOSCOW, April 16. /TASS/. Lavrov said ... after June 14, 2021.")
    (datetime.date(2021, 4, 16), 'day')
    """
    head = text[:3000]
    m = _MARKER.search(head)
    if m:
        return dt.date.fromisoformat(m.group(1)), "day"
    m = search_at_prefixes(_PUBLISHED, _PUBLISHED_PREFIXES, head, folded(head))
    if m:
        found = full_dates(m.group(1))
        if found:
            return found[0].date, "day"
    # A short line (up to 12 lines in) that is mostly a date: a byline or a date stamp; or such
    # a field of a masthead whose fields a bar or a bullet parts ("TANS | Tunis, Tuesday 18
    # April 2023 | Updated 14:35").
    for line in head.splitlines()[:12]:
        stripped = line.strip()
        if not stripped or len(stripped) > 240:
            continue
        fields = [stripped, *_MASTHEAD_BAR.split(stripped)[1:]]
        if len(fields) > 1:
            fields[0] = _MASTHEAD_BAR.split(stripped)[0]
        for field in fields:
            if len(field) > 90:
                continue
            found = full_dates(field)
            if found and (found[0].end - found[0].start) >= len(field) * 0.3:
                return found[0].date, "day"
    m = _DATELINE.search(head[:600])
    if m:
        month = _MONTHS[m.group("mon").lower().rstrip(".")]
        day = int(m.group("day"))
        # The year: the year of most full dates in the text; but when the text names a later
        # year (the full dates are background), the first year from the latest one named in
        # which the date falls on the weekday the story gives ("on Thursday"), else that year.
        years = [d.date.year for d in full_dates(text[:20000])]
        body = text[:20000]
        bare = [int(y.group(1)) for y in finditer_at_prefixes(_BARE_YEAR, _YEAR_PREFIXES, body, folded(body))]
        year = max(set(years), key=years.count) if years else None
        if bare and (year is None or max(bare) > year):
            year = max(bare)
            weekday = _WEEKDAY_AFTER_DATELINE.search(head, m.end(), m.end() + 400)
            if weekday:
                wanted = _WEEKDAYS[weekday.group(1).lower()]
                year = next(
                    (y for y in range(year, year + 7) if (d := _safe_date(y, month, day)) and d.weekday() == wanted),
                    year,
                )
        if year is not None:
            d = _safe_date(year, month, day)
            if d:
                return d, "day"
    return None


_MASTHEAD_BAR: Final = re.compile(r"\s{1,3}[|•·]\s{1,3}")
_WEEKDAY_AFTER_DATELINE: Final = re.compile(
    r"\b(?:on|this|last)\s{1,3}(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_BARE_YEAR: Final = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?![\d/-])")
_YEAR_PREFIXES: Final = literal_prefixes(_BARE_YEAR)  # (a text's years: tried where "19" or "20" stands)
