"""Cooperation against conflict over time: a chart for the terminal (plotext) and a PNG (matplotlib).

Both draw the same picture from a `DyadSeries`: cooperation counts up, conflict counts down, the
smoothed net cooperation as a line, and each turning point as a vertical mark.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from detente.analysis.dyad import DyadSeries

_MAX_TICKS = 8


@dataclass(frozen=True)
class _Picture:
    """The numbers both charts draw, read once from the series."""

    title: str
    labels: list[str]
    cooperation: list[int]
    conflict: list[int]
    smoothed: list[float]
    turning_points: list[tuple[int, str]]  # (period index, direction)


def _picture(series: DyadSeries) -> _Picture:
    frame = series.frame
    labels = [period_label(p, series.freq) for p in frame["period"]]
    index = {label: i for i, label in enumerate(labels)}
    turns = [
        (index[period_label(tp.period, series.freq)], tp.direction)
        for tp in series.trend.turning_points
        if period_label(tp.period, series.freq) in index
    ]
    arrow = "→" if series.directed else "–"
    return _Picture(
        title=f"{series.a.label} {arrow} {series.b.label}, by {series.freq}: {series.trend.label}",
        labels=labels,
        cooperation=[int(v) for v in frame["verbal_cooperation"] + frame["material_cooperation"]],
        conflict=[int(v) for v in frame["verbal_conflict"] + frame["material_conflict"]],
        smoothed=[float(v) for v in series.trend.smoothed],
        turning_points=turns,
    )


def period_label(period: object, freq: str) -> str:
    """How a period reads at its frequency: 2023-03 (month), 2023-Q1, 2023, or the week's first day."""
    day = period if isinstance(period, dt.date) else dt.date.fromisoformat(str(period)[:10])
    if isinstance(day, dt.datetime):
        day = day.date()
    if freq == "year":
        return f"{day.year}"
    if freq == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if freq == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()


def _ticks(labels: list[str]) -> list[int]:
    step = max(1, -(-len(labels) // _MAX_TICKS))
    return list(range(0, len(labels), step))


def terminal_chart(series: DyadSeries, *, width: int = 100, height: int = 20, color: bool = True) -> str:
    """The series drawn with text characters, ready to print."""
    import plotext as plt

    picture = _picture(series)
    plt.clf()
    plt.plotsize(width, height)
    plt.theme("clear")
    if not picture.labels:
        return f"{picture.title}\n(no counted events)"
    x = list(range(len(picture.labels)))
    plt.bar(x, picture.cooperation, label="cooperation", color="green", width=0.4)
    plt.bar(x, [-v for v in picture.conflict], label="conflict", color="red", width=0.4)
    plt.plot(x, picture.smoothed, label="net (smoothed intensity)", color="blue")
    for index, _direction in picture.turning_points:
        plt.vline(index, "gray")
    ticks = _ticks(picture.labels)
    plt.xticks(ticks, [picture.labels[i] for i in ticks])
    plt.title(picture.title)
    text = plt.build()
    plt.clf()
    return text if color else plt.uncolorize(text)


def write_png(series: DyadSeries, path: str | Path, *, dpi: int = 120) -> Path:
    """Write the chart as a PNG file (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")  # a file, never a window
    import matplotlib.pyplot as plt

    picture = _picture(series)
    x = list(range(len(picture.labels)))
    fig, counts = plt.subplots(figsize=(max(6.0, min(18.0, 0.25 * len(x) + 4)), 4.5))
    try:
        counts.bar(x, picture.cooperation, color="#2e7d32", label="cooperation (events)")
        counts.bar(x, [-v for v in picture.conflict], color="#c62828", label="conflict (events)")
        counts.axhline(0, color="black", linewidth=0.6)
        counts.set_ylabel("events per period (conflict below zero)")
        net = counts.twinx()
        net.plot(x, picture.smoothed, color="#1565c0", linewidth=1.8, label="net cooperation (smoothed)")
        net.set_ylabel("net intensity (PLOVER scale)")
        for index, direction in picture.turning_points:
            counts.axvline(index, color="#616161", linestyle="--", linewidth=1)
            counts.annotate(direction, (index, 0), xytext=(3, 6), textcoords="offset points", fontsize=8)
        ticks = _ticks(picture.labels)
        counts.set_xticks(ticks, [picture.labels[i] for i in ticks], rotation=45, ha="right", fontsize=8)
        counts.set_title(picture.title)
        handles = counts.get_legend_handles_labels()[0] + net.get_legend_handles_labels()[0]
        counts.legend(handles=handles, loc="upper left", fontsize=8)
        fig.tight_layout()
        target = Path(path)
        fig.savefig(target, dpi=dpi, format="png")
    finally:
        plt.close(fig)
    return target
