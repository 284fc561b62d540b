"""Trend, turning points and labels: on a store with a planted break, and on series written as numbers."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from detente.analysis import ActorSelector, TrendConfig, compute_trend, dyad_series, occurrences

IRAN = ActorSelector("Iran", countries=("IRN",))
SAUDI = ActorSelector("Saudi Arabia", countries=("SAU",))
COOPERATIVE = [4, 5, 3] * 4  # net per month through 2019
HOSTILE = [-4, -5, -6] * 4  # net per month through 2020, before the planted events


def _months(year: int) -> list[str]:
    return [f"{year}-{month:02d}-15" for month in range(1, 13)]


def _frame(nets: list[float | None], start: str = "2019-01-01") -> pd.DataFrame:
    """A monthly series frame: None is a month without events."""
    periods = pd.date_range(start, periods=len(nets), freq="MS")
    return pd.DataFrame(
        {
            "period": periods,
            "events": [0 if net is None else 1 for net in nets],
            "net": [0.0 if net is None else float(net) for net in nets],
        }
    )


@pytest.fixture
def planted(written):  # type: ignore[no-untyped-def]
    """A year of cooperation, then a year of hostility opened by a sanction and a protest.

    The planted months keep the hostile level (-4, -5): each pairs its planted blow with a small
    gesture the other way, so the break is one clean level shift.
    """
    for day, net in zip(_months(2019), COOPERATIVE, strict=True):
        written.event(f"coop-{day}", day, "SAU", "IRN", "AGREE", net)
    for day, net in zip(_months(2020)[2:], HOSTILE[2:], strict=True):
        written.event(f"host-{day}", day, "IRN", "SAU", "ACCUSE", net)
    written.event("rupture", "2020-01-03", "SAU", "IRN", "SANCTION", -7, mode="break-relations")
    written.event("rupture", "2020-01-03", "IRN", "SAU", "CONSULT", 3, sentence=1)
    written.event("protest", "2020-02-20", "IRN", "SAU", "PROTEST", -6, mode="demonstrate")
    written.event("protest", "2020-02-21", "SAU", "IRN", "SUPPORT", 1, sentence=1)
    written.flush()
    return written.con


def test_a_planted_break_is_one_cooling_turning_point_explained_by_the_planted_events(planted) -> None:  # type: ignore[no-untyped-def]
    series = dyad_series(planted, IRAN, SAUDI)
    trend = series.trend
    assert len(series.frame) == 24
    assert list(series.frame["net"]) == [*COOPERATIVE, *HOSTILE]
    assert [(p.period, p.direction, p.provisional) for p in trend.turning_points] == [
        (dt.date(2020, 1, 1), "cooling", False)
    ]
    point = trend.turning_points[0]
    assert point.mean_before == pytest.approx(4.0)
    assert point.mean_after == pytest.approx(-5.0)
    # The first two months of the new level: blows towards conflict first, strongest first.
    assert [(e["type"], e["intensity"], e["article_ids"]) for e in point.events] == [
        ("SANCTION", -7.0, ["rupture"]),
        ("PROTEST", -6.0, ["protest"]),
        ("SUPPORT", 1.0, ["protest"]),
        ("CONSULT", 3.0, ["rupture"]),
    ]
    assert point.events[0]["evidence"][0]["evidence"] == "Sentence 0 of rupture (e023)."
    assert point.events[0]["date"] == "2020-01-03"
    assert point.events_before == dt.date(2020, 3, 1)
    # A year into the new level, with no drift: the relation reads stably hostile.
    assert trend.label == "stable-hostile"
    assert trend.level == pytest.approx(-5.0)


def test_the_smoothed_level_is_an_ewma_of_net(planted) -> None:  # type: ignore[no-untyped-def]
    series = dyad_series(planted, IRAN, SAUDI)
    nets = list(series.frame["net"])
    expected, level = [], None
    for net in nets:
        level = net if level is None else 0.5 * net + 0.5 * level  # span 3: alpha = 2 / (3 + 1)
        expected.append(level)
    assert series.trend.smoothed == pytest.approx(expected)
    assert list(series.frame["smoothed"]) == pytest.approx(expected)


def test_a_flat_series_has_no_turning_point() -> None:
    cooperative = compute_trend(_frame([3, 4, 3, 4, 3, 4, 3, 4, 3, 4]), None)
    assert cooperative.turning_points == []
    assert cooperative.label == "stable-cooperative"
    hostile = compute_trend(_frame([-2.0] * 12), None)
    assert hostile.turning_points == []
    assert hostile.label == "stable-hostile"


def test_a_rupture_in_the_latest_period_reads_cooling() -> None:
    trend = compute_trend(_frame([*COOPERATIVE, -12]), None)
    assert trend.label == "cooling"
    [point] = trend.turning_points
    assert (point.period, point.direction, point.provisional) == (dt.date(2020, 1, 1), "cooling", True)
    assert point.mean_before == pytest.approx(sum(COOPERATIVE) / 12)
    assert point.mean_after == -12


def test_a_rupture_after_few_periods_is_not_hidden_by_its_own_jump() -> None:
    # Seven active months, the last a rupture: among the differences, the jump itself would widen
    # sigma enough (3 sigma = 14.2) to hide a jump of 14 from the months before it.
    nets: list[float | None] = [None] * 59
    for month, net in {0: -5, 7: -2, 34: -5, 48: -6, 49: -2, 54: -10, 58: -19}.items():
        nets[month] = net
    trend = compute_trend(_frame(nets, start="2011-03-01"), None)
    assert trend.label == "cooling"
    assert [(p.period, p.direction, p.provisional) for p in trend.turning_points] == [
        (dt.date(2016, 1, 1), "cooling", True)
    ]


def test_a_rupture_is_judged_by_how_the_current_level_varies() -> None:
    # Wide swings years ago (up to +22) make the whole series noisy; the hostile level since varies
    # by a few points, and a last month of -24 is far outside it.
    nets = [-6, 1, 8, 3, 22, -5, -9, -6, -9, -5, -12, -24]
    trend = compute_trend(_frame(nets), None)
    assert trend.label == "cooling"
    assert [(p.direction, p.provisional) for p in trend.turning_points][-1] == ("cooling", True)
    assert trend.turning_points[-1].period == dt.date(2019, 12, 1)


def test_a_recent_turning_point_gives_the_label() -> None:
    trend = compute_trend(_frame([*HOSTILE, 5, 6]), None)
    assert [(p.period, p.direction, p.provisional) for p in trend.turning_points] == [
        (dt.date(2020, 1, 1), "warming", False)
    ]
    assert trend.label == "warming"


def test_a_sparse_series_reads_its_active_periods_only() -> None:
    """Hostile months years apart, then a restoration: the empty months in between weigh nothing."""
    nets: list[float | None] = [None] * 150
    for month, net in {2: -5, 9: -2, 50: -6, 56: -8, 60: -12, 81: -3, 146: 5, 147: 6, 149: 5}.items():
        nets[month] = net
    trend = compute_trend(_frame(nets, start="2011-01-01"), None)
    assert [(p.period, p.direction) for p in trend.turning_points] == [(dt.date(2023, 3, 1), "warming")]
    assert trend.label == "warming"
    # Before the first event there is no level; between events the last level holds.
    assert math.isnan(trend.smoothed[0]) and math.isnan(trend.smoothed[1])
    assert trend.smoothed[3] == trend.smoothed[2] == -5.0


def test_a_drift_without_a_break_reads_warming_or_cooling() -> None:
    # Rising 1.5 a month: 7.5 over the last six months is more than 3 sigma (6), while the last
    # month is only 4.5 above the mean of the months before it (no latest shift).
    no_breaks = TrendConfig(penalty_factor=1000.0)
    ramp = [1.5 * n for n in range(6)]
    assert compute_trend(_frame(ramp), None, config=no_breaks).label == "warming"
    assert compute_trend(_frame([-value for value in ramp]), None, config=no_breaks).label == "cooling"
    gentle = [0.5 * n for n in range(6)]
    assert compute_trend(_frame(gentle), None, config=no_breaks).label == "stable-cooperative"


def test_no_events_is_no_data() -> None:
    trend = compute_trend(_frame([None, None, None]), None)
    assert trend.label == "no-data"
    assert trend.turning_points == []
    assert len(trend.smoothed) == 3 and all(math.isnan(value) for value in trend.smoothed)
    assert compute_trend(_frame([]), None).label == "no-data"


def test_to_record_is_plain(planted) -> None:  # type: ignore[no-untyped-def]
    record = dyad_series(planted, IRAN, SAUDI).trend.to_record()
    assert record["label"] == "stable-hostile"
    [point] = record["turning_points"]
    assert (point["period"], point["direction"], point["events_before"]) == ("2020-01-01", "cooling", "2020-03-01")
    assert point["events"][0]["type"] == "SANCTION"
    assert "PELT" in record["method"]


def test_key_events_are_the_strongest_few_and_match_a_trend_read_from_all_occurrences(planted) -> None:  # type: ignore[no-untyped-def]
    two = TrendConfig(key_events=2)
    series = dyad_series(planted, IRAN, SAUDI, trend_config=two)
    [point] = series.trend.turning_points
    assert [(e["type"], e["article_ids"]) for e in point.events] == [
        ("SANCTION", ["rupture"]),
        ("PROTEST", ["protest"]),
    ]
    # dyad_series fetches only the top events of each turning point; reading every occurrence agrees.
    everything = occurrences(planted, IRAN, SAUDI)
    for config in (two, TrendConfig()):
        fetched = dyad_series(planted, IRAN, SAUDI, trend_config=config)
        complete = compute_trend(fetched.frame, everything, config=config)
        assert [p.events for p in fetched.trend.turning_points] == [p.events for p in complete.turning_points]
