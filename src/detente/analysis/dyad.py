"""A dyad's events over time: the de-duplicated occurrences, and their counts per period.

Both are computed inside DuckDB in one scan of the events table, the pair and time filters pushed
down to it; Python only receives the (small) result. See `counting` for what counts.

Example:
    >>> iran, saudi = resolve_actor(con, "Iran"), resolve_actor(con, "Saudi Arabia")
    >>> series = dyad_series(con, iran, saudi, freq="year")
    >>> series.frame[["period", "events", "net"]]
    >>> series.trend.label
    'warming'

Docs: docs/analysis.md
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from detente.analysis.counting import OCCURRENCE_KEY, check_window, occurrences_cte, party_key, reports_cte, window
from detente.analysis.plain import plain, records
from detente.analysis.selectors import ActorSelector, resolve_actor
from detente.analysis.trend import Trend, TrendConfig, TurningPoint, compute_trend
from detente.errors import Messages, UsageError
from detente.events.ontology import PLOVER_TYPES

__all__ = [
    "FREQS",
    "QUAD_COLUMNS",
    "SERIES_COLUMNS",
    "TYPE_COLUMNS",
    "DyadSeries",
    "dyad_series",
    "occurrences",
]

FREQS: tuple[str, ...] = ("week", "month", "quarter", "year")
"""Periods a series can be counted by. Weeks start on Monday (ISO), quarters in Jan/Apr/Jul/Oct."""

_STEP = {"week": "7 days", "month": "1 month", "quarter": "3 months", "year": "1 year"}

QUAD_COLUMNS: tuple[str, ...] = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
"""Series columns counting occurrences of quad class 1, 2, 3 and 4."""

TYPE_COLUMNS: tuple[str, ...] = tuple(name.lower() for name in PLOVER_TYPES)
"""Series columns counting occurrences of each PLOVER type, in PLOVER's order."""

SERIES_COLUMNS: tuple[str, ...] = (
    "period",
    "events",
    *QUAD_COLUMNS,
    *TYPE_COLUMNS,
    "intensity_total",
    "intensity_mean",
    "articles",
    "reports",
    "net",
)
"""The columns of `DyadSeries.frame`, in order (the frame adds `smoothed`, from the trend, after them)."""

_LIST_COLUMNS = ("article_ids", "evidence")


@dataclass(frozen=True, kw_only=True, eq=False)
class DyadSeries:
    """A dyad's counts per period (`frame`, one row per period, gaps filled with zeros) and their trend.

    The events themselves are not kept (a busy dyad has hundreds of thousands): `occurrences()` lists
    them, and each turning point carries the few that explain it.
    """

    a: ActorSelector
    b: ActorSelector
    freq: str
    directed: bool
    frame: pd.DataFrame
    trend: Trend
    since: dt.date | None = None
    until: dt.date | None = None

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per period (dates as ISO strings, an empty period's mean intensity as None)."""
        return records(self.frame)

    def to_record(self) -> dict[str, Any]:
        """The whole series as one plain dict: the dyad, the options, the periods and the trend."""
        return {
            "a": self.a.to_record(),
            "b": self.b.to_record(),
            "freq": self.freq,
            "directed": self.directed,
            "since": plain(self.since),
            "until": plain(self.until),
            "periods": self.to_records(),
            "trend": self.trend.to_record(),
        }


def occurrences(
    con: duckdb.DuckDBPyConnection,
    a: ActorSelector,
    b: ActorSelector,
    *,
    directed: bool = False,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    undated: bool = False,
) -> pd.DataFrame:
    """The dyad's de-duplicated events, oldest first: one row per (date, source_id, target_id, type, mode).

    Columns: date, source_id/name/country, target_id/name/country, type, mode, cameo, quad_class,
    intensity (mean over the reports), n_reports, place_name, article_ids (list), evidence (list of
    dicts: event_id, article_id, sentence_index, start, end, evidence) and event_id (the first report's).
    `directed=True` keeps only events with `a` as source and `b` as target. `undated=True` adds the
    events with no date (an undated article), last: a series cannot place them, an explanation can
    still tell them (with no window given; a window always needs a date).
    """
    start, end = check_window(since, until)
    return _occurrences(con, *_condition(a, b, directed=directed, since=start, until=end), undated=undated)


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: ActorSelector,
    b: ActorSelector,
    *,
    freq: str = "month",
    directed: bool = False,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    trend_config: TrendConfig | None = None,
) -> DyadSeries:
    """Counts of the dyad's events per period, with the trend of its net cooperation.

    Periods run from the first event's period to the last one's, or over since..until where given;
    periods without events are rows of zeros (and a NaN `intensity_mean`). Raises UsageError for an
    unknown `freq` (D151) or a `since` after `until` (D152).
    """
    if freq not in FREQS:
        raise UsageError(Messages.D151.format(value=freq, choices=", ".join(FREQS)), code="D151")
    start, end = check_window(since, until)
    condition, params = _condition(a, b, directed=directed, since=start, until=end)
    frame = con.execute(_series_sql(freq, condition), [*params, start, end]).df()
    config = trend_config or TrendConfig()
    # The trend reads the counts alone; only the periods at its turning points need their events,
    # so those are fetched afterwards, in one scan limited to those dates.
    draft = compute_trend(frame, None, config=config)
    if draft.turning_points:
        found = _key_occurrences(con, condition, params, draft.turning_points, limit=config.key_events)
        trend = compute_trend(frame, found, config=config)
    else:
        trend = draft
    frame["smoothed"] = trend.smoothed
    return DyadSeries(a=a, b=b, freq=freq, directed=directed, frame=frame, trend=trend, since=start, until=end)


def _occurrences(
    con: duckdb.DuckDBPyConnection, condition: str, params: list[Any], *, undated: bool = False
) -> pd.DataFrame:
    sql = f"""WITH {reports_cte(condition, undated=undated)}, {occurrences_cte()}
        SELECT *, evidence[1].event_id AS event_id FROM occurrences
        ORDER BY date NULLS LAST, source_id, target_id, type, mode NULLS FIRST"""
    return _with_lists(con.execute(sql, params).df())


def _key_occurrences(
    con: duckdb.DuckDBPyConnection, condition: str, params: list[Any], points: list[TurningPoint], *, limit: int
) -> pd.DataFrame:
    """The `limit` strongest occurrences of each turning point's dates, ranked as `compute_trend` ranks them.

    Only these leave DuckDB: a busy dyad has thousands of events around each turning point.
    """
    dates: list[str] = []
    date_params: list[Any] = []
    windows: list[Any] = []
    for index, point in enumerate(points):
        pull = 1.0 if point.direction == "warming" else -1.0
        windows += [index, point.period, point.events_before, pull]
        if point.events_before is None:
            dates.append("date >= ?")
            date_params.append(point.period)
        else:
            dates.append("(date >= ? AND date < ?)")
            date_params += [point.period, point.events_before]
    rows = ", ".join("(?, CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DOUBLE))" for _ in points)
    # Rank lean occurrences (no evidence lists) first; build the full rows for the winners only.
    same = " AND ".join(f"r.{key} IS NOT DISTINCT FROM t.{key}" for key in OCCURRENCE_KEY)
    chosen = f"(SELECT r.* FROM reports r SEMI JOIN top t ON {same})"
    sql = f"""WITH {reports_cte(f"{condition} AND ({' OR '.join(dates)})")},
        lean AS (
            SELECT date, source_id, target_id, type, mode, avg(intensity) AS intensity,
                   first(event_id ORDER BY article_id, sentence_index, start) AS event_id
            FROM reports GROUP BY date, source_id, target_id, type, mode),
        windows(point, lo, hi, pull) AS (VALUES {rows}),
        top AS (
            SELECT DISTINCT date, source_id, target_id, type, mode FROM (
                SELECT o.* FROM lean o JOIN windows w ON o.date >= w.lo AND (w.hi IS NULL OR o.date < w.hi)
                QUALIFY row_number() OVER (
                    PARTITION BY w.point ORDER BY -w.pull * o.intensity, o.date, o.event_id) <= ?)),
        {occurrences_cte(chosen)}
        SELECT *, evidence[1].event_id AS event_id FROM occurrences
        ORDER BY date, source_id, target_id, type, mode NULLS FIRST"""
    return _with_lists(con.execute(sql, [*params, *date_params, *windows, limit]).df())


def _with_lists(frame: pd.DataFrame) -> pd.DataFrame:
    for column in _LIST_COLUMNS:
        frame[column] = [plain(value) if value is not None else [] for value in frame[column]]
    return frame


def _condition(
    a: ActorSelector, b: ActorSelector, *, directed: bool, since: dt.date | None, until: dt.date | None
) -> tuple[str, list[Any]]:
    """The pair (a→b, and b→a unless directed) and the time window, as one SQL condition."""
    a_source, a_source_params = a.predicate("source")
    b_target, b_target_params = b.predicate("target")
    pair = f"({a_source} AND {b_target})"
    params: list[Any] = [*a_source_params, *b_target_params]
    if not directed:
        b_source, b_source_params = b.predicate("source")
        a_target, a_target_params = a.predicate("target")
        pair = f"({pair} OR ({b_source} AND {a_target}))"
        params += [*b_source_params, *a_target_params]
    dates, date_params = window(since, until)
    return f"{pair} AND {dates}", [*params, *date_params]


def _series_sql(freq: str, condition: str) -> str:
    """The per-period counts; its parameters are the condition's, then since and until (for the calendar)."""
    period = f"date_trunc('{freq}', date)::DATE"
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {n}) AS {name}" for n, name in enumerate(QUAD_COLUMNS, start=1)
    )
    types = ", ".join(
        f"count(*) FILTER (WHERE type = '{name}') AS {column}"
        for name, column in zip(PLOVER_TYPES, TYPE_COLUMNS, strict=True)
    )
    counts = ", ".join(f"coalesce({column}, 0) AS {column}" for column in ("events", *QUAD_COLUMNS, *TYPE_COLUMNS))
    return f"""WITH {reports_cte(condition)}, {occurrences_cte()},
        bounds AS (
            SELECT date_trunc('{freq}', coalesce(CAST(? AS DATE), min(date)))::DATE AS lo,
                   date_trunc('{freq}', coalesce(CAST(? AS DATE), max(date)))::DATE AS hi
            FROM reports),
        calendar AS (
            SELECT unnest(generate_series(lo::TIMESTAMP, hi::TIMESTAMP, INTERVAL '{_STEP[freq]}'))::DATE AS period
            FROM bounds WHERE lo <= hi),
        by_occurrence AS (
            SELECT {period} AS period, count(*) AS events, {quads}, {types},
                   sum(intensity) AS intensity_total, avg(intensity) AS intensity_mean
            FROM occurrences GROUP BY ALL),
        by_report AS (
            SELECT {period} AS period, count(DISTINCT article_id) AS articles, count(*) AS reports
            FROM reports GROUP BY ALL)
        SELECT period, {counts},
               coalesce(intensity_total, 0.0) AS intensity_total, intensity_mean,
               coalesce(articles, 0) AS articles, coalesce(reports, 0) AS reports,
               coalesce(intensity_total, 0.0) AS net
        FROM calendar LEFT JOIN by_occurrence USING (period) LEFT JOIN by_report USING (period)
        ORDER BY period"""


def busiest_dyads(con: duckdb.DuckDBPyConnection, *, limit: int = 5) -> list[tuple[ActorSelector, ActorSelector, int]]:
    """The dyads with the most counted occurrences, either direction, busiest first.

    Parties are taken as analysts name them: a state's organs as the state (`IRN-MIL` as Iran),
    any other actor as itself, so the answer can be passed to `dyad_series` or `explain` as it is.
    """
    rows = con.execute(
        f"""WITH {reports_cte("source_id IS NOT NULL")}, {occurrences_cte()},
            keyed AS (SELECT {party_key("source_id", "source_country")} AS s,
                             {party_key("target_id", "target_country")} AS t FROM occurrences)
            SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS n FROM keyed
            WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
            GROUP BY ALL ORDER BY n DESC, a, b LIMIT {int(limit)}"""
    ).fetchall()
    return [(resolve_actor(con, a), resolve_actor(con, b), int(n)) for a, b, n in rows]


def ranked_occurrences(
    con: duckdb.DuckDBPyConnection,
    a: ActorSelector,
    b: ActorSelector,
    *,
    score: str,
    score_params: list[Any],
    limit: int,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    undated: bool = False,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The dyad's `limit` occurrences with the highest `score`, as `occurrences()` gives them, and
    the dyad's totals (`events`, `reports`, `articles`).

    `score` is an SQL expression over an occurrence's `date`, `type`, `mode`, `quad_class`,
    `intensity` (mean) and `n_reports`. Occurrences are ranked lean (no evidence lists) and built in
    full for the winners only, so a busy dyad costs two scans, not a row per occurrence in Python.
    """
    start, end = check_window(since, until)
    condition, params = _condition(a, b, directed=False, since=start, until=end)
    same = " AND ".join(f"r.{key} IS NOT DISTINCT FROM t.{key}" for key in OCCURRENCE_KEY)
    lean = """lean AS (
            SELECT date, source_id, target_id, type, mode, avg(intensity) AS intensity,
                   min(quad_class) AS quad_class, count(*) AS n_reports
            FROM reports GROUP BY date, source_id, target_id, type, mode)"""
    sql = f"""WITH {reports_cte(condition, undated=undated)}, {lean},
        top AS (SELECT *, ({score}) AS score FROM lean ORDER BY score DESC, date NULLS LAST LIMIT ?),
        {occurrences_cte(f"(SELECT r.* FROM reports r SEMI JOIN top t ON {same})")}
        SELECT *, evidence[1].event_id AS event_id FROM occurrences
        ORDER BY date NULLS LAST, source_id, target_id, type, mode NULLS FIRST"""
    frame = _with_lists(con.execute(sql, [*params, *score_params, int(limit)]).df())
    totals_sql = f"""WITH {reports_cte(condition, undated=undated, materialized=False)}
        SELECT count(DISTINCT (date, source_id, target_id, type, mode)), count(*), count(DISTINCT article_id)
        FROM reports"""
    events, reports, articles = con.execute(totals_sql, params).fetchone() or (0, 0, 0)
    return frame, {"events": int(events), "reports": int(reports), "articles": int(articles)}
