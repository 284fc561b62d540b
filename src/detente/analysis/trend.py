"""The trend of a dyad's net cooperation: a smoothed level, turning points and a label for now.

News coverage of a dyad is sparse: most periods have no events, and a period without events says
nothing about the relation (it was not reported on), not that the relation was neutral. So the trend
is read from the *active* periods only (periods with at least one event), in order:

- **Smoothed level**: an exponentially weighted mean of `net` over active periods
  (span `smoothing_span`, alpha = 2 / (span + 1)), carried forward through empty periods.
- **Turning points**: change points in the mean of `net` over active periods: PELT on the "l2"
  cost (exact optimal partitioning, `segments.py`), segments of at least `min_segment` active
  periods, penalty `penalty_factor * sigma^2 * ln(n)`, where sigma is a robust noise estimate (the
  MAD of the first differences / sqrt(2), never below `noise_floor`) and n the number of active periods.
- **Latest shift**: the last active period alone cannot form a segment, so a jump there of more
  than `shift_sigmas * sigma` from the level of the latest segment is a provisional turning point.
  Here sigma is estimated without the last period (on a short series the jump under test would
  otherwise widen the very noise estimate it is compared with), from the latest segment's own
  periods when they are at least `noise_points + 1`, else from the whole series before it.
  (A final segment of `min_segment` periods whose earlier periods are nearer the previous level
  than the last value is such a jump, not a segment: its break is dropped.)
- **Label** for the latest active period, first rule that applies: a latest shift gives its
  direction; a turning point within the last `recent_periods` active periods, or the last `recent_calendar`
  calendar periods, gives its direction;
  a drift over the latest segment's last `drift_periods` active periods (least-squares slope
  times their span, at least 3 periods) of more than `shift_sigmas * sigma` gives warming or
  cooling; otherwise the latest segment's mean net reads stable-cooperative (>= 0) or
  stable-hostile (< 0).

Each turning point carries the events that explain it: the occurrences of its first
`key_periods` active periods, those pushing in its direction first, strongest first.

Docs: docs/analysis.md
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from detente.analysis.plain import plain, records
from detente.analysis.segments import segment_starts

__all__ = ["LABELS", "Trend", "TrendConfig", "TurningPoint", "compute_trend"]

LABELS: tuple[str, ...] = ("warming", "cooling", "stable-cooperative", "stable-hostile", "no-data")

# MAD * 1.4826 estimates the standard deviation of normal noise; differencing doubles the variance.
_MAD_TO_SIGMA = 1.4826 / math.sqrt(2)


@dataclass(frozen=True, kw_only=True)
class TrendConfig:
    """The trend method's settings (see the module docstring and docs/analysis.md for why these values)."""

    smoothing_span: int = 3
    min_segment: int = 2
    penalty_factor: float = 3.0
    noise_floor: float = 2.0
    noise_points: int = 5
    shift_sigmas: float = 3.0
    recent_periods: int = 3
    recent_calendar: int = 6
    drift_periods: int = 6
    key_periods: int = 2
    key_events: int = 5


@dataclass(frozen=True, kw_only=True)
class TurningPoint:
    """Where the relation changed: the first period of the new level, and the events at the change.

    `mean_before` and `mean_after` are mean net per active period of the segments on either side.
    `events` are occurrences dated from `period` up to (not including) `events_before` (None: no
    end), the first `key_periods` active periods of the new level.
    `provisional` marks a jump in the latest active period, not yet confirmed by a second period.
    """

    period: dt.date
    direction: str
    mean_before: float
    mean_after: float
    events_before: dt.date | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    provisional: bool = False

    def to_record(self) -> dict[str, Any]:
        return {
            "period": self.period.isoformat(),
            "direction": self.direction,
            "mean_before": self.mean_before,
            "mean_after": self.mean_after,
            "provisional": self.provisional,
            "events_before": plain(self.events_before),
            "events": self.events,
        }


@dataclass(frozen=True, kw_only=True)
class Trend:
    """The smoothed net cooperation per period (NaN before the first event), turning points and label."""

    smoothed: list[float]
    label: str
    turning_points: list[TurningPoint]
    method: str
    noise: float = math.nan
    level: float = math.nan

    def to_record(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "level": plain(self.level),
            "noise": plain(self.noise),
            "method": self.method,
            "smoothed": plain(self.smoothed),
            "turning_points": [point.to_record() for point in self.turning_points],
        }


def compute_trend(frame: pd.DataFrame, occurrences: pd.DataFrame | None, *, config: TrendConfig | None = None) -> Trend:
    """The trend of a series frame (`period`, `events`, `net`), explained by its `occurrences`.

    `occurrences` (as `dyad.occurrences()` returns them) need only cover the turning points' key
    periods; None leaves `events` empty.
    """
    config = config or TrendConfig()
    active = frame[frame["events"] > 0]
    periods = [_day(value) for value in active["period"]]
    net = active["net"].to_numpy(dtype=float)
    method = _describe(config)
    if len(net) == 0:
        return Trend(smoothed=[math.nan] * len(frame), label="no-data", turning_points=[], method=method)
    smoothed = _smoothed(frame, config)
    sigma = _noise(net, config)
    breaks = _settle_last_break(net, _change_points(net, sigma, config), config)
    bounds = [0, *breaks, len(net)]
    segments = [net[lo:hi] for lo, hi in itertools.pairwise(bounds)]
    events = _events_by_date(occurrences)
    limit = config.key_events
    points = [
        _turning_point(
            periods,
            events,
            at=start,
            end=min(start + config.key_periods, stop),
            before=prior,
            after=current,
            limit=limit,
        )
        for start, stop, prior, current in zip(bounds[1:], bounds[2:], segments, segments[1:], strict=False)
    ]
    shift = _latest_shift(net, segments[-1], config)
    if shift is not None:
        last = len(net) - 1
        points.append(
            _turning_point(
                periods, events, at=last, end=last + 1, before=shift, after=net[-1:], limit=limit, provisional=True
            )
        )
    # How many calendar periods the latest level has lasted: a sparse series may hold few active
    # periods, so a change half a year ago is still recent however few events followed it.
    calendar = [_day(value) for value in frame["period"]]
    age = len(calendar) - calendar.index(periods[bounds[-2]]) if len(bounds) > 2 else len(calendar)
    label = _label(net, bounds, segments[-1], sigma, points, config, age=age)
    return Trend(
        smoothed=smoothed,
        label=label,
        turning_points=points,
        method=f"{method}; sigma={sigma:.3g}, n={len(net)} active periods",
        noise=sigma,
        level=float(segments[-1].mean()),
    )


def _smoothed(frame: pd.DataFrame, config: TrendConfig) -> list[float]:
    """EWMA of net over active periods, carried forward through empty ones; NaN before the first."""
    net = frame["net"].astype(float).where(frame["events"] > 0)
    level = net.dropna().ewm(span=config.smoothing_span, adjust=False).mean()
    return [float(value) for value in level.reindex(frame.index).ffill()]


def _noise(net: np.ndarray, config: TrendConfig) -> float:
    """A robust standard deviation of the noise: a level shift moves one difference, not the median.

    A median of fewer than `noise_points` differences is no estimate (of two, it is half their gap,
    so the very break to be found becomes the noise): such short series take the floor."""
    if len(net) - 1 < config.noise_points:
        return config.noise_floor
    diffs = np.diff(net)
    mad = float(np.median(np.abs(diffs - np.median(diffs))))
    return max(config.noise_floor, mad * _MAD_TO_SIGMA)


def _change_points(net: np.ndarray, sigma: float, config: TrendConfig) -> list[int]:
    """Indices (into the active periods) where a new segment starts."""
    if len(net) < 2 * config.min_segment:
        return []
    penalty = config.penalty_factor * sigma**2 * math.log(len(net))
    # The l2 segmentation of ruptures' Pelt(model="l2"), computed exactly (see segments.py).
    return segment_starts(net, penalty=penalty, min_size=config.min_segment)


def _settle_last_break(net: np.ndarray, breaks: list[int], config: TrendConfig) -> list[int]:
    """Drop a last break that only exists because one final value cannot be a segment on its own.

    With segments of at least `min_segment` periods, a jump in the last period drags the periods
    before it into a short final segment, dating the change too early. When those periods are nearer
    the previous level than the last value, the break is dropped and the jump is left to the
    latest-shift rule.
    """
    if not breaks or breaks[-1] != len(net) - config.min_segment:
        return breaks
    previous = net[(breaks[-2] if len(breaks) > 1 else 0) : breaks[-1]]
    earlier = net[breaks[-1] : -1]
    settled = np.abs(earlier - previous.mean()) < np.abs(earlier - net[-1])
    return breaks[:-1] if bool(settled.all()) else breaks


def _latest_shift(net: np.ndarray, last: np.ndarray, config: TrendConfig) -> np.ndarray | None:
    """The values the latest active period jumped away from, when it jumped far enough; else None.

    The jump is measured against the noise before it (a jump is no yardstick for itself): the noise
    of the current level's own periods when they are enough for an estimate, as a relation that
    once swung widely may since have settled; else the noise of the whole series before the jump."""
    before = last[:-1]
    if len(before) == 0:
        return None
    own = before if len(before) - 1 >= config.noise_points else net[:-1]
    if abs(net[-1] - before.mean()) <= config.shift_sigmas * _noise(own, config):
        return None
    return before


def _label(
    net: np.ndarray,
    bounds: list[int],
    last: np.ndarray,
    sigma: float,
    points: list[TurningPoint],
    config: TrendConfig,
    *,
    age: int,
) -> str:
    if points and points[-1].provisional:
        return points[-1].direction
    recent = bounds[-2] >= len(net) - config.recent_periods or age <= config.recent_calendar
    if len(bounds) > 2 and recent:
        return points[-1].direction
    tail = last[-config.drift_periods :]
    if len(tail) >= 3:
        slope = float(np.polyfit(np.arange(len(tail)), tail, 1)[0])
        drift = slope * (len(tail) - 1)
        if abs(drift) > config.shift_sigmas * sigma:
            return "warming" if drift > 0 else "cooling"
    return "stable-cooperative" if last.mean() >= 0 else "stable-hostile"


def _turning_point(
    periods: list[dt.date],
    events: pd.DataFrame,
    *,
    at: int,
    end: int,
    before: np.ndarray,
    after: np.ndarray,
    limit: int,
    provisional: bool = False,
) -> TurningPoint:
    mean_before, mean_after = float(before.mean()), float(after.mean())
    direction = "warming" if mean_after > mean_before else "cooling"
    return TurningPoint(
        period=periods[at],
        direction=direction,
        mean_before=mean_before,
        mean_after=mean_after,
        events_before=periods[end] if end < len(periods) else None,
        events=_key_events(events, periods, at=at, end=end, direction=direction, limit=limit),
        provisional=provisional,
    )


def _key_events(
    events: pd.DataFrame, periods: list[dt.date], *, at: int, end: int, direction: str, limit: int
) -> list[dict[str, Any]]:
    """The occurrences of active periods at..end-1, the strongest in the change's direction first.

    Empty periods hold no events, so the dates from the first of those periods to the start of the
    next active period cover exactly them, whatever the frequency.
    """
    if events.empty:
        return []
    first = pd.Timestamp(periods[at])
    chosen = events[events["date"] >= first]
    if end < len(periods):
        chosen = chosen[chosen["date"] < pd.Timestamp(periods[end])]
    sign = 1.0 if direction == "warming" else -1.0
    ranked = chosen.assign(_pull=-sign * chosen["intensity"].astype(float)).sort_values(
        ["_pull", "date", "event_id"], kind="stable"
    )
    return records(ranked.drop(columns="_pull").head(limit))


def _events_by_date(occurrences: pd.DataFrame | None) -> pd.DataFrame:
    if occurrences is None or occurrences.empty:
        return pd.DataFrame()
    return occurrences.assign(date=pd.to_datetime(occurrences["date"]))


def _day(value: Any) -> dt.date:
    return pd.Timestamp(value).date()


def _describe(config: TrendConfig) -> str:
    return (
        f"net = sum of PLOVER intensity per period; over active periods only: EWMA span {config.smoothing_span} "
        f"(carried forward); PELT l2 (exact optimal partitioning) min segment {config.min_segment}, "
        f"penalty {config.penalty_factor:g}*sigma^2*ln(n), sigma = MAD of differences/sqrt(2) "
        f"(floor {config.noise_floor:g}); latest shift > {config.shift_sigmas:g} sigma; "
        f"recent = last {config.recent_periods} active or {config.recent_calendar} calendar periods; "
        f"drift over the last {config.drift_periods}"
    )
