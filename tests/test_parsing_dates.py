"""Dates: explicit, partial and relative expressions, and the publication date read from a text."""

from __future__ import annotations

import datetime as dt

import pytest

from dipevents.parsing.dates import find_dates, publication_date

PUB = dt.date(2022, 9, 8)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on September 7, 2022", ("2022-09-07", "day")),
        ("on 7 September 2022", ("2022-09-07", "day")),
        ("on Sept. 7", ("2022-09-07", "day")),
        ("on 29 March", ("2022-03-29", "day")),
        ("on December 30", ("2021-12-30", "day")),  # after publication: last year's
        ("on Wednesday", ("2022-09-07", "day")),
        ("on Thursday", ("2022-09-08", "day")),  # the publication day itself
        ("last Thursday", ("2022-09-01", "day")),
        ("yesterday", ("2022-09-07", "day")),
        ("in July", ("2022-07-01", "month")),
        ("in November", ("2021-11-01", "month")),
        ("in July 2020", ("2020-07-01", "month")),
        ("since 2016", ("2016-01-01", "year")),
        ("last month", ("2022-08-01", "month")),
        ("earlier this month", ("2022-09-01", "month")),
        ("last year", ("2021-01-01", "year")),
        ("2022-09-07", ("2022-09-07", "day")),
        ("signed on 5/27/1998", ("1998-05-27", "day")),
        # The year told relative to publication, even when the month is earlier in the year.
        ("in March last year", ("2021-03-01", "month")),
        ("in late October last year", ("2021-10-01", "month")),
        ("in February this year", ("2022-02-01", "month")),
        ("on March 3 last year", ("2021-03-03", "day")),
        ("on 18 September next year", ("2023-09-18", "day")),
        ("earlier in the week", ("2022-09-01", "month")),
        ("earlier in the year", ("2022-01-01", "year")),
    ],
)
def test_find_dates(text: str, expected: tuple[str, str]) -> None:
    found = find_dates(text, PUB)
    assert [(d.date.isoformat(), d.precision) for d in found] == [expected]


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("on Wednesday, last week", None) == []
    assert [d.precision for d in find_dates("in 2016", None)] == ["year"]


def test_no_false_dates() -> None:
    assert find_dates("The May decision may change; 30 people and 1,200 troops.", PUB) == []


def test_relative_year_belongs_to_its_own_clause() -> None:
    # "last year" after a comma starts another phrase: the day keeps the usual year.
    found = find_dates("on 3 March, last year was hard", PUB)
    assert [(d.date.isoformat(), d.precision) for d in found] == [("2022-03-03", "day"), ("2021-01-01", "year")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2018-08-06 By Arab News\n\nSaudi Arabia ...", dt.date(2018, 8, 6)),
        ("Iran Press TV\n\nWednesday, 07 September 2022 2:17 PM\n\nAlbania ...", dt.date(2022, 9, 7)),
        ("Russia expels 18 EU diplomats\nPublished: Apr 16, 2022 07:56 AM\nRussia ...", dt.date(2022, 4, 16)),
        ("MOSCOW, April 16. /TASS/. Russia will respond, Lavrov said. Debt after June 14, 2021.", dt.date(2021, 4, 16)),
        # a dateline without its year, whose only full date is background: the year from the
        # latest year named, the one in which the day falls on the weekday the story gives
        (
            "HONIARA, September 21 (Agency) -- Solomon Islands on Saturday switched recognition to Beijing. "
            "Ties with Taipei went back to a communique the two sides signed on 30 June 1983. "
            "Kiribati weighed the same step, its envoy said in 2018.",
            dt.date(2019, 9, 21),
        ),
    ],
)
def test_publication_date_from_text(text: str, expected: dt.date) -> None:
    assert publication_date(text) == (expected, "day")


def test_publication_date_absent() -> None:
    assert publication_date("Albania cut ties with Iran on Wednesday.") is None
    # prose "dated from" or "an updated list" is no date stamp
    assert publication_date("Ties dated from the treaty of 12 March 1983 and an updated list of 4 May 2001.") is None
