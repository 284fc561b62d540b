"""An `Explanation` written as plain text, Markdown or JSON. Every statement ends with its source:
`[article <id>, sentence <n>]`, the same link the JSON form gives as fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any

from detente.analysis import DyadSeries
from detente.analysis.plain import plain
from detente.explain.motives import Evidence, MotiveGroup
from detente.explain.report import Explanation, KeyEvent, SideMotives, ThirdParty

EXPLAIN_FORMATS = ("text", "markdown", "json")
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def render(explanation: Explanation, fmt: str = "text") -> str:
    if fmt == "json":
        from detente.cli.output import to_json

        return to_json(to_dict(explanation))
    return "\n".join(_lines(explanation, markdown=fmt == "markdown")) + "\n"


def to_dict(explanation: Explanation) -> dict[str, Any]:
    """The explanation as plain JSON-ready values: the whole monthly series, the rest as shown."""
    trend = explanation.series.trend
    return {
        "a": dataclasses.asdict(explanation.a),
        "b": dataclasses.asdict(explanation.b),
        "since": explanation.since,
        "until": explanation.until,
        "counts": explanation.counts,
        "trend": {
            "label": trend.label,
            "method": trend.method,
            "turning_points": [_turning_point(tp) for tp in trend.turning_points],
            "monthly": explanation.series.to_records(),
        },
        "key_events": [_plain(e) for e in explanation.key_events],
        "motives": [_plain(side) for side in explanation.motives],
        "third_parties": [_plain(p) for p in explanation.third_parties],
    }


def _turning_point(tp: Any) -> dict[str, Any]:
    return {
        "period": _iso(tp.period),
        "direction": tp.direction,
        "mean_before": _number(tp.mean_before),
        "mean_after": _number(tp.mean_after),
        "events": [_plain(e) for e in tp.events],
    }


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    if isinstance(value, float):
        return _number(value)
    return value


def _number(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return None if math.isnan(number) else round(number, 3)


def _iso(value: Any) -> str:
    return str(plain(value))


# --- text and Markdown ----------------------------------------------------------------------------


def _lines(ex: Explanation, *, markdown: bool) -> list[str]:
    h1, h2 = ("# ", "## ") if markdown else ("", "")
    out: list[str] = []
    span = _span(ex)
    out.append(f"{h1}What is behind the {ex.a.label} – {ex.b.label} relation? ({span})")
    out.append("")
    counts = ex.counts
    out.append(
        f"From {_count(counts.get('events', 0), 'event')} ({_count(counts.get('reports', 0), 'report')}) "
        f"in {_count(counts.get('articles', 0), 'article')}."
    )
    out.append("")
    out += _trend(ex, h2, markdown)
    out.append(f"{h2}Key events, most significant first")
    out.append("")
    if not ex.key_events:
        out.append("No counted events between them.")
    for number, event in enumerate(ex.key_events, 1):
        out += _event_lines(event, f"{number}.", markdown)
    out.append("")
    for side in ex.motives:
        out += _motive_lines(side, ex, h2, markdown)
    out.append(f"{h2}Third parties that shape the relation")
    out.append("")
    if not ex.third_parties:
        out.append("None found in the articles that report the relation.")
    for party in ex.third_parties:
        out += _party_lines(party, markdown)
    return out


def _span(ex: Explanation) -> str:
    if ex.since is None and ex.until is None:
        return "all dates"
    return f"{ex.since or '…'} to {ex.until or '…'}"


def _trend(ex: Explanation, h2: str, markdown: bool) -> list[str]:
    trend = ex.series.trend
    if trend.label == "no-data":
        return [f"{h2}Trend: none", "", "No dated events between them: nothing to place over time.", ""]
    out = [f"{h2}Trend: {trend.label}", ""]
    out.append(f"Method: {trend.method}")
    out.append("")
    if trend.turning_points:
        out.append("Turning points:")
        out += turning_point_lines(ex.series)
        out.append("")
    rows = [r for r in ex.series.to_records() if r["events"]]
    if rows:
        out.append("Months with counted events (cooperation verbal/material, conflict verbal/material, net):")
        out.append("")
        if markdown:
            out.append("| month | cooperation | conflict | net intensity | articles |")
            out.append("|---|---|---|---|---|")
        for row in rows:
            coop = f"{row['verbal_cooperation']}/{row['material_cooperation']}"
            conflict = f"{row['verbal_conflict']}/{row['material_conflict']}"
            net = _signed(row["net"])
            if markdown:
                out.append(f"| {row['period'][:7]} | {coop} | {conflict} | {net} | {row['articles']} |")
            else:
                out.append(f"  {row['period'][:7]}  coop {coop:>5}  conflict {conflict:>5}  net {net:>6}")
        out.append("")
    return out


def turning_point_lines(series: DyadSeries) -> list[str]:
    """Each turning point of a series, with the events that explain it (`detente dyad` prints these too)."""
    from detente.analysis.charts import period_label

    out = []
    for tp in series.trend.turning_points:
        out.append(
            f"- {period_label(tp.period, series.freq)}: {tp.direction} "
            f"(mean net {_signed(tp.mean_before)} before, {_signed(tp.mean_after)} after)"
        )
        out += ["  " + _one_line(event) for event in tp.events[:3]]
    return out


def _one_line(event: Any) -> str:
    if isinstance(event, KeyEvent):
        return f"- {event.date or 'undated'}: {event.summary} {_cite(event.evidence[0])}"
    data = event if isinstance(event, dict) else dataclasses.asdict(event)
    evidence = data.get("evidence") or []
    first = evidence[0] if evidence else {}
    cite = f"[article {first.get('article_id')}, sentence {first.get('sentence_index')}]" if first else ""
    source = data.get("source_name") or data.get("source_id")
    target = data.get("target_name") or data.get("target_id")
    return f"- {_iso(data.get('date'))}: {source} {data.get('type')} {target} {cite}".rstrip()


def _event_lines(event: KeyEvent, bullet: str, markdown: bool) -> list[str]:
    code = f"{event.type}/{event.mode}" if event.mode else event.type
    reports = f", {event.reports} reports" if event.reports > 1 else ""
    facts = f"{code}, CAMEO {event.cameo}, {_signed(event.intensity)}{reports}"
    head = f"{bullet} {event.date or 'undated'}: {event.summary} ({facts})"
    out = [head]
    for evidence in event.evidence[:3]:
        out.append(f"   {_quote(evidence.text, markdown)} {_cite(evidence)}")
    return out


def _motive_lines(side: SideMotives, ex: Explanation, h2: str, markdown: bool) -> list[str]:
    other = ex.b.label if side.actor == ex.a.label else ex.a.label
    out = [f"{h2}What {side.actor} wants", ""]
    if not side.toward_other and not side.general:
        out += ["No stated motives found.", ""]
        return out
    for title, groups in ((f"Toward {other}", side.toward_other), ("In general", side.general)):
        if not groups:
            continue
        out.append(f"{title}:")
        for group in groups:
            out += _group_lines(group, markdown)
        out.append("")
    return out


def _group_lines(group: MotiveGroup, markdown: bool) -> list[str]:
    said = f"{group.mentions} statements" if group.mentions > 1 else "1 statement"
    concerns = f"; concerns {', '.join(group.concerns)}" if group.concerns else ""
    goal = group.goal if group.polarity >= 0 else f"not: {group.goal}"
    out = [f"- {goal} ({'/'.join(group.categories)}; {said}{concerns})"]
    for evidence in group.evidence[:2]:
        out.append(f"  {_quote(evidence.text, markdown)} {_cite(evidence)}")
    return out


def _party_lines(party: ThirdParty, markdown: bool) -> list[str]:
    toward = " and ".join(party.toward)
    out = [f"- {party.name}: {party.events} events toward {toward}, net {_signed(party.net)}"]
    for event in party.key_events:
        out.append("  " + _one_line(event))
    return out


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _quote(text: str, markdown: bool) -> str:
    text = " ".join(text.split())
    return f"> {text}" if markdown else f'"{text}"'


def _cite(evidence: Evidence) -> str:
    return f"[article {evidence.article_id}, sentence {evidence.sentence_index}]"


def _signed(value: Any) -> str:
    number = _number(value)
    return "n/a" if number is None else f"{number:+.1f}"
