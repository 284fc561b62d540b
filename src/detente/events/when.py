"""When an event happened: the date expression a sentence gives for it, read relative to the article.

"on Tuesday", "last week" and "in 2012" are resolved with dateparser, using the article's date as
"today"; a relative expression in an undated article gives no date rather than a guess anchored on
the day the coder happens to run.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import dateparser

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# Durations and vague spans are not dates of an act ("for three years", "the past decade").
_NOT_A_DATE = re.compile(r"\b(decades?|years|months|weeks|days|hours|centur(y|ies)|era|period|times?)\b", re.I)
_LEAD = re.compile(r"^(on|in|at|during|by|since|from|as of|of)\s+", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_date(expression: str | None, article_date: dt.date | None) -> dt.date | None:
    """The date of an act from the sentence's date expression, else the article's date, else None."""
    if expression:
        found = parse_date(expression, article_date)
        if found is not None:
            return found
    return article_date


def parse_date(expression: str, article_date: dt.date | None) -> dt.date | None:
    """A date expression read relative to the article's date; None when it is not a date."""
    text = _LEAD.sub("", " ".join(expression.split()))
    if not text or _NOT_A_DATE.search(text):
        return None
    if article_date is None and not _YEAR.search(text):
        return None  # "on Tuesday" in an undated article: which Tuesday is unknowable
    lower = text.lower()
    if article_date is not None and lower in _WEEKDAYS:
        # The most frequent expression of wire news, read without dateparser: the last such day,
        # and a Wednesday report's "on Wednesday" is that day, not a week before.
        return article_date - dt.timedelta(days=(article_date.weekday() - _WEEKDAYS.index(lower)) % 7)
    if _YEAR.fullmatch(text):
        return dt.date(int(text), 1, 1)  # "in 2012": its first day, as dateparser is set to give
    return _parse(text, article_date)


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date | None) -> dt.date | None:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",  # news reports what happened: "Tuesday" is the last one
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_MONTH_OF_YEAR": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed is not None else None
