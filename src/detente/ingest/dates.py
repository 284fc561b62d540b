"""Publication dates from the many ways corpora and pages write them."""

from __future__ import annotations

import datetime as dt
import warnings
from functools import lru_cache
from typing import Any

import dateparser

_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["year"],
    # A publication date is absolute: "yesterday" in a metadata field has no base to count from.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


def parse_date(value: object) -> dt.date | None:
    """A date from a string, datetime or date; None when the value holds no recognisable date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _parse_text(str(value).strip())


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    with warnings.catch_warnings():
        # dateparser warns about its own use of deprecated stdlib calls; not the user's concern.
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None
