"""When an event happened: date expressions read relative to the article's date."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.events.when import _parse, event_date, parse_date

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# One week of report dates, from a Monday on.
REPORTED = [dt.date(2015, 2, 2) + dt.timedelta(days=n) for n in range(7)]


@pytest.mark.parametrize("reported", REPORTED)
@pytest.mark.parametrize("day", WEEKDAYS)
def test_a_weekday_is_the_last_one_as_dateparser_reads_it(reported: dt.date, day: str) -> None:
    found = parse_date(f"on {day}", reported)
    assert found is not None and found <= reported and found.strftime("%A") == day
    if day != reported.strftime("%A"):
        # Read without dateparser, for speed: the same day dateparser gives.
        assert found == _parse(day, reported)
    else:
        assert found == reported  # a Wednesday report's "on Wednesday" is that day


@pytest.mark.parametrize("reported", [dt.date(2015, 2, 4), None])
def test_a_bare_year_is_its_first_day(reported: dt.date | None) -> None:
    assert parse_date("in 2012", reported) == dt.date(2012, 1, 1) == _parse("2012", reported)


def test_relative_expressions_need_the_article_date() -> None:
    assert parse_date("on Tuesday", None) is None
    assert parse_date("last week", dt.date(2015, 2, 4)) == dt.date(2015, 1, 28)
    assert parse_date("for three years", dt.date(2015, 2, 4)) is None
    assert event_date(None, dt.date(2015, 2, 4)) == dt.date(2015, 2, 4)
