"""What is behind the relation between two actors: trend, key events, motives and third parties.

Everything comes from the store, and every statement keeps the article and sentence it came from.
The report is built from four queries, each scoped to the dyad, so it stays fast on large stores:

- the monthly dyad series and its trend (`detente.analysis`);
- the dyad's counted events, de-duplicated, ranked by significance;
- each side's motives, those that concern the other side first, grouped when they say the same thing;
- the third parties: actors with counted events toward either side in the articles that report the dyad.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from typing import Any

import duckdb

from detente.analysis import ActorSelector, DyadSeries, dyad_series, resolve_actor
from detente.analysis.counting import HAPPENED, as_date, party_key, window
from detente.analysis.dyad import ranked_occurrences
from detente.analysis.plain import records
from detente.explain.motives import Evidence, MotiveGroup, group_motives
from detente.explain.summaries import load_phrasebook

# How many of each part a report shows; the JSON form carries the same selection.
KEY_EVENTS = 10
MOTIVE_GROUPS = 8
THIRD_PARTIES = 5
THIRD_PARTY_EVENTS = 3


@dataclass(frozen=True)
class KeyEvent:
    date: dt.date | None  # None: the article has no date
    summary: str
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int
    intensity: float
    source: str
    target: str | None
    reports: int
    significance: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ThirdParty:
    """An actor that acts on, or is acted on by, either side in the dyad's articles."""

    key: str
    name: str
    events: int
    toward: tuple[str, ...]  # which sides it deals with
    net: float
    key_events: tuple[KeyEvent, ...]


@dataclass(frozen=True)
class SideMotives:
    actor: str
    toward_other: tuple[MotiveGroup, ...]
    general: tuple[MotiveGroup, ...]


@dataclass(frozen=True)
class Explanation:
    a: ActorSelector
    b: ActorSelector
    since: dt.date | None
    until: dt.date | None
    series: DyadSeries
    key_events: tuple[KeyEvent, ...]
    motives: tuple[SideMotives, SideMotives]
    third_parties: tuple[ThirdParty, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def trend(self) -> str:
        return self.series.trend.label


def explain(
    con: duckdb.DuckDBPyConnection,
    a: str | ActorSelector,
    b: str | ActorSelector,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Explanation:
    """The report on the relation between `a` and `b` (names, aliases, ids or codes)."""
    first = a if isinstance(a, ActorSelector) else resolve_actor(con, a)
    second = b if isinstance(b, ActorSelector) else resolve_actor(con, b)
    series = dyad_series(con, first, second, freq="month", since=since, until=until)
    turning = {_month(tp.period) for tp in series.trend.turning_points}
    months = sorted(f"{year:04d}-{month:02d}" for year, month in turning)
    found, counts = ranked_occurrences(
        con,
        first,
        second,
        score=_SIGNIFICANCE,
        score_params=[months],
        limit=KEY_EVENTS,
        since=since,
        until=until,
        undated=True,
    )
    events = [_key_event(row, turning) for row in records(found)]
    events.sort(key=lambda e: (-e.significance, e.date or dt.date.max))
    return Explanation(
        a=first,
        b=second,
        since=since,
        until=until,
        series=series,
        key_events=tuple(_with_urls(con, events)),
        motives=(
            _side_motives(con, first, second, since, until),
            _side_motives(con, second, first, since, until),
        ),
        third_parties=tuple(_third_parties(con, first, second, since, until)),
        counts=counts,
    )


# --- key events ---------------------------------------------------------------------------------


# `significance` in SQL, to rank a dyad's events in the store; the parameter is the turning points'
# months ('YYYY-MM'). The test suite checks that both rank alike.
_SIGNIFICANCE = """abs(intensity) * (1 + ln(greatest(1, n_reports)))
    + CASE WHEN quad_class IN (2, 4) THEN 2 ELSE 0 END
    + CASE WHEN date IS NOT NULL AND list_contains(?::VARCHAR[], strftime(date, '%Y-%m')) THEN 3 ELSE 0 END"""


def significance(intensity: float, quad_class: int, reports: int, at_turning_point: bool) -> float:
    """How much an event matters to the relation: its intensity on the PLOVER scale, more for
    material acts than words, more the more articles report it, and more at a turning point."""
    score = abs(intensity) * (1.0 + math.log(max(1, reports)))
    if quad_class in (2, 4):
        score += 2.0
    if at_turning_point:
        score += 3.0
    return round(score, 3)


def _key_event(row: dict[str, Any], turning: set[tuple[int, int]]) -> KeyEvent:
    book = load_phrasebook()
    source = _party_name(row, "source") or "(unresolved)"
    target = _party_name(row, "target")
    day = as_date(row["date"])
    reports = int(row.get("n_reports") or 1)
    intensity = float(row["intensity"] or 0.0)
    quad = int(row["quad_class"])
    mode, place = row.get("mode"), row.get("place_name")
    evidence = tuple(Evidence.from_row(e, date=day) for e in row["evidence"])
    return KeyEvent(
        date=day,
        summary=book.summary(source, row["type"], mode, target, place, row.get("cameo")),
        type=row["type"],
        mode=mode,
        cameo=row.get("cameo"),
        quad_class=quad,
        intensity=intensity,
        source=source,
        target=target,
        reports=reports,
        significance=significance(intensity, quad, reports, day is not None and (day.year, day.month) in turning),
        evidence=evidence,
    )


def _article_sources(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Article id -> (url, source), for the few articles a report cites (a hash join, not a scan per id)."""
    rows = con.execute(
        "SELECT article_id, url, source FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
    ).fetchall()
    return {article_id: (url, source) for article_id, url, source in rows}


def _party_name(row: dict[str, Any], party: str) -> str | None:
    """The actor's name, else its id, else the words of the mention (an actor the dictionaries lack)."""
    for column in (f"{party}_name", f"{party}_id", f"{party}_text"):
        value = row.get(column)
        if isinstance(value, str) and value:
            return value
    return None


def _with_urls(con: duckdb.DuckDBPyConnection, events: list[KeyEvent]) -> list[KeyEvent]:
    """Add each evidence sentence's article URL and source name (one query for all)."""
    ids = sorted({e.article_id for ev in events for e in ev.evidence})
    if not ids:
        return events
    where = _article_sources(con, ids)

    def linked(e: Evidence) -> Evidence:
        url, source = where.get(e.article_id, (None, None))
        return replace(e, url=url, source=source)

    return [replace(event, evidence=tuple(linked(e) for e in event.evidence)) for event in events]


# --- motives ------------------------------------------------------------------------------------


def _side_motives(
    con: duckdb.DuckDBPyConnection,
    actor: ActorSelector,
    other: ActorSelector,
    since: dt.date | None,
    until: dt.date | None,
) -> SideMotives:
    """The actor's motives: those concerning the other side (named as what the motive concerns, or
    named in the same sentence), then the rest."""
    mine, mine_params = actor.predicate("actor")
    concerns, concerns_params = other.predicate("concerns")
    named, named_params = other.predicate("m")
    dates, date_params = window(since, until, "mo.date")
    # Identical wordings are counted in the store, and only the most stated come back, each with
    # its first few sentences; Python then groups wordings that say the same thing.
    sql = f"""
        WITH mine AS (
            SELECT mo.*,
                coalesce(({concerns}), false) OR EXISTS (
                    SELECT 1 FROM (SELECT mm.article_id, mm.sentence_index, mm.actor_id AS m_id,
                                          ac.country AS m_country
                                   FROM mentions mm JOIN actors ac ON ac.actor_id = mm.actor_id) named
                    WHERE named.article_id = mo.article_id AND named.sentence_index = mo.sentence_index
                      AND ({named})) AS toward_other
            FROM motives mo WHERE ({mine}) AND {dates}),
        wordings AS (
            SELECT toward_other, lower(goal) AS wording, polarity, count(*) AS n, min(date) AS first_date,
                   list(struct_pack(motive_id, article_id, sentence_index, start, "end", date, goal, category,
                                    actor_id, actor_name, concerns_name, evidence)
                        ORDER BY date NULLS LAST, article_id, start)[1:{_EVIDENCE_PER_WORDING}] AS rows
            FROM mine GROUP BY toward_other, lower(goal), polarity)
        SELECT toward_other, polarity, n, rows FROM wordings
        QUALIFY row_number() OVER (PARTITION BY toward_other ORDER BY n DESC, first_date NULLS LAST) <= {_WORDINGS}
        ORDER BY first_date NULLS LAST, rows[1].article_id, rows[1].start, wording"""
    params = [*concerns_params, *named_params, *mine_params, *date_params]
    found: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for toward_other, polarity, n, rows in con.execute(sql, params).fetchall():
        found[bool(toward_other)].append({"polarity": polarity, "n": int(n), "rows": rows})
    toward = group_motives(_wording_rows(con, found[True]))
    general = group_motives(_wording_rows(con, found[False]))
    return SideMotives(
        actor=actor.label, toward_other=tuple(toward[:MOTIVE_GROUPS]), general=tuple(general[:MOTIVE_GROUPS])
    )


_WORDINGS = 200  # distinct wordings read per side and kind; the most stated first
_EVIDENCE_PER_WORDING = 5


def _wording_rows(con: duckdb.DuckDBPyConnection, wordings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per stored statement (as `group_motives` reads them), with its article's URL and source."""
    # The first sentence of a wording stands for those not read back, so a group counts them all.
    rows = [
        {**row, "polarity": w["polarity"], "weight": w["n"] - len(w["rows"]) + 1 if i == 0 else 1}
        for w in wordings
        for i, row in enumerate(w["rows"])
    ]
    ids = sorted({row["article_id"] for row in rows})
    if ids:
        where = _article_sources(con, ids)
        for row in rows:
            row["url"], row["article_source"] = where.get(row["article_id"], (None, None))
    return rows


# --- third parties ------------------------------------------------------------------------------


def _third_parties(
    con: duckdb.DuckDBPyConnection,
    a: ActorSelector,
    b: ActorSelector,
    since: dt.date | None,
    until: dt.date | None,
) -> list[ThirdParty]:
    """Actors with counted events toward either side in the articles that report the dyad.

    A state's organs count as the state (EGY-MIL as Egypt); other actors count as themselves.
    """
    a_src, pa_src = a.predicate("source")
    a_tgt, pa_tgt = a.predicate("target")
    b_src, pb_src = b.predicate("source")
    b_tgt, pb_tgt = b.predicate("target")
    dates, date_params = window(since, until)
    # The dyad's articles first (one filtered scan), then only their events get the side flags.
    sql = f"""
        WITH dyad_articles AS (
            SELECT DISTINCT article_id FROM events
            WHERE {HAPPENED} AND {dates} AND ((({a_src}) AND ({b_tgt})) OR (({b_src}) AND ({a_tgt})))),
        counted AS (
            SELECT *, coalesce(({a_src}), false) AS sa, coalesce(({a_tgt}), false) AS ta,
                      coalesce(({b_src}), false) AS sb, coalesce(({b_tgt}), false) AS tb
            FROM events SEMI JOIN dyad_articles USING (article_id) WHERE {HAPPENED} AND {dates}),
        side AS (
            SELECT c.*,
                CASE WHEN (sa OR sb) THEN target_id ELSE source_id END AS other_id,
                CASE WHEN (sa OR sb) THEN target_country ELSE source_country END AS other_country,
                CASE WHEN (sa OR ta) THEN 'a' ELSE 'b' END AS side
            FROM counted c
            WHERE source_id IS NOT NULL AND (sa OR ta OR sb OR tb) AND NOT ((sa OR ta) AND (sb OR tb))
              AND NOT ((sa AND ta) OR (sb AND tb))),
        keyed AS MATERIALIZED (
            SELECT *, {party_key("other_id", "other_country")} AS party FROM side),
        ranked AS (
            SELECT party, count(*) AS n, list(DISTINCT side) AS sides, sum(intensity) AS net FROM keyed
            GROUP BY party ORDER BY n DESC, abs(sum(intensity)) DESC, party LIMIT {THIRD_PARTIES}),
        strongest AS (
            SELECT k.* FROM keyed k SEMI JOIN ranked USING (party)
            QUALIFY row_number() OVER (PARTITION BY party ORDER BY abs(intensity) DESC, date) <= {THIRD_PARTY_EVENTS})
        SELECT r.party, r.n, r.sides, r.net,
               list(struct_pack(date := e.date, type := e.type, mode := e.mode, cameo := e.cameo,
                    quad_class := e.quad_class, intensity := e.intensity,
                    source_id := e.source_id, target_id := e.target_id,
                    source_text := e.source_text, target_text := e.target_text,
                    source_name := e.source_name, target_name := e.target_name, place_name := e.place_name,
                    evidence := [struct_pack(article_id := e.article_id, sentence_index := e.sentence_index,
                                             start := e.start, "end" := e."end", evidence := e.evidence)])
                    ORDER BY abs(e.intensity) DESC, e.date) AS events
        FROM ranked r JOIN strongest e USING (party)
        GROUP BY r.party, r.n, r.sides, r.net ORDER BY r.n DESC, abs(r.net) DESC, r.party"""
    params = [*date_params, *pa_src, *pb_tgt, *pb_src, *pa_tgt, *pa_src, *pa_tgt, *pb_src, *pb_tgt, *date_params]
    names = _party_names(con)
    parties = []
    for party, n, sides, net, rows in con.execute(sql, params).fetchall():
        label = {"a": a.label, "b": b.label}
        events = [_key_event({**r, "n_reports": 1}, set()) for r in rows[:THIRD_PARTY_EVENTS]]
        parties.append(
            ThirdParty(
                key=party,
                name=names.get(party, party),
                events=int(n),
                toward=tuple(label[s] for s in sorted(sides)),
                net=float(net or 0.0),
                key_events=tuple(events),
            )
        )
    return parties


def _party_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {actor_id: name for actor_id, name in con.execute("SELECT actor_id, name FROM actors").fetchall()}


# --- helpers ------------------------------------------------------------------------------------


def _month(value: dt.date) -> tuple[int, int]:
    return (value.year, value.month)
