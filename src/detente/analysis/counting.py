"""Which stored event rows count in an analysis, and how reports of one event fold into one occurrence.

A *report* is one stored event row: one sentence of one article saying that something happened.
It counts when it is asserted or reported (not negated, not future, not hypothetical), has a date
and a target, lies in the time window, and does not come from a near-duplicate article.

An *occurrence* is one event in the world: the reports with the same date, source id, target id,
type and mode, however many articles carry them. It keeps every report's evidence.

The SQL here is shared by the dyad series and the network; both run it inside DuckDB, in one scan
of the events table with every filter pushed down to it.
"""

from __future__ import annotations

import datetime as dt

from detente.errors import Messages, UsageError

__all__ = [
    "COUNTABLE",
    "HAPPENED",
    "NOT_NEAR_DUPLICATE",
    "OCCURRENCE_KEY",
    "REPORT_COLUMNS",
    "as_date",
    "check_window",
    "occurrences_cte",
    "party_key",
    "reports_cte",
    "window",
]

HAPPENED = "negated IS NOT TRUE AND modality IN ('asserted', 'reported') AND target_id IS NOT NULL"
"""Reports of something that happened between two parties: a missing negation flag reads as not
negated; a missing modality does not count."""

COUNTABLE = f"{HAPPENED} AND date IS NOT NULL"
"""Reports that count in a series: those that happened, and have a date to be placed by."""

# Near-duplicates are stored uncoded, so this list is normally empty and the anti-join costs nothing;
# it keeps the counts right for stores where a near-duplicate did get events.
NOT_NEAR_DUPLICATE = "article_id NOT IN (SELECT article_id FROM articles WHERE duplicate_of IS NOT NULL)"

REPORT_COLUMNS = (
    'event_id, article_id, sentence_index, start, "end", date, type, mode, cameo, quad_class, intensity, '
    "source_id, source_name, source_country, target_id, target_name, target_country, place_name, evidence"
)


def reports_cte(
    condition: str, *, columns: str = REPORT_COLUMNS, materialized: bool = True, undated: bool = False
) -> str:
    """`reports AS MATERIALIZED (...)`: the countable rows meeting `condition`, read in one scan.

    Materialized by default because the series reads it three times (occurrences, reports per period,
    calendar bounds) and DuckDB would otherwise scan the events table once per reference.
    """
    how = "MATERIALIZED " if materialized else ""
    happened = HAPPENED if undated else COUNTABLE
    return f"""reports AS {how}(
        SELECT {columns} FROM events
        WHERE {happened} AND ({condition}) AND {NOT_NEAR_DUPLICATE})"""


OCCURRENCE_KEY = ("date", "source_id", "target_id", "type", "mode")
"""What makes two reports one occurrence."""


def occurrences_cte(source: str = "reports") -> str:
    """`occurrences AS (...)`: one row per (date, source_id, target_id, type, mode) with all its reports.

    `intensity` is the mean over the reports (they normally agree; a modifier may move one);
    `cameo` and `place_name` are the reports' lowest (most often their only) value.
    Evidence is ordered by article, sentence and offset, so `event_id` (the first report's) is stable.
    `source` is the relation the reports are read from.
    """
    return f"""occurrences AS (
        SELECT date, source_id, min(source_name) AS source_name, min(source_country) AS source_country,
            target_id, min(target_name) AS target_name, min(target_country) AS target_country,
            type, mode, min(cameo) AS cameo, min(quad_class) AS quad_class, avg(intensity) AS intensity,
            count(*) AS n_reports, min(place_name) AS place_name,
            list_sort(list_distinct(list(article_id))) AS article_ids,
            list(struct_pack(event_id, article_id, sentence_index, start, "end", evidence)
                 ORDER BY article_id, sentence_index, start) AS evidence
        FROM {source}
        GROUP BY date, source_id, target_id, type, mode)"""


def window(since: dt.date | None, until: dt.date | None, column: str = "date") -> tuple[str, list[dt.date]]:
    """The SQL condition for `since <= date <= until` (both days included), with its parameters."""
    clauses, params = ["TRUE"], []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return " AND ".join(clauses), params


def party_key(id_column: str, country_column: str) -> str:
    """SQL naming a party as analysts do: a state's organs as the state (`EGY-MIL` as `EGY`), any
    other actor as itself."""
    return (
        f"CASE WHEN {id_column} = {country_column} OR starts_with({id_column}, {country_column} || '-') "
        f"THEN {country_column} ELSE {id_column} END"
    )


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a `datetime.date` or an ISO `YYYY-MM-DD` string. Raises UsageError D105 otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UsageError(Messages.D105.format(value=value), code="D105") from None


def check_window(since: dt.date | str | None, until: dt.date | str | None) -> tuple[dt.date | None, dt.date | None]:
    """Both ends as dates; raises UsageError D152 when `since` is after `until`."""
    start, end = as_date(since), as_date(until)
    if start is not None and end is not None and start > end:
        raise UsageError(Messages.D152.format(since=start, until=end), code="D152")
    return start, end
