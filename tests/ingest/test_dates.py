"""Publication dates in the forms corpora, pages and feeds write them."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.ingest.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-01-03", dt.date(2016, 1, 3)),
        ("3 January 2016", dt.date(2016, 1, 3)),
        ("January 3, 2016", dt.date(2016, 1, 3)),
        ("Sun, 03 Jan 2016 08:00:00 +0000", dt.date(2016, 1, 3)),
        ("Sun, 03 Jan 2016 08:00:00 GMT", dt.date(2016, 1, 3)),
        ("2016-01-03T08:00:00Z", dt.date(2016, 1, 3)),
        ("2016-01-03T23:30:00-05:00", dt.date(2016, 1, 3)),
        ("  2016-01-03  ", dt.date(2016, 1, 3)),
        ("January 2016", dt.date(2016, 1, 1)),
        (dt.datetime(2016, 1, 3, 8, 0), dt.date(2016, 1, 3)),
        (dt.date(2016, 1, 3), dt.date(2016, 1, 3)),
        ("garbage", None),
        ("not a date at all", None),
        ("3 January", None),  # no year: not a publication date
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected
