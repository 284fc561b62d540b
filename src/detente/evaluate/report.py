"""Set scores as plain data: the JSON object of `detente eval --format json`, table rows, error listings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from detente.evaluate.events import EventScore, RecordResult, TypeScore, Violation, counts_as_coded
from detente.evaluate.gold import GoldActor, GoldEvent
from detente.evaluate.run import SetScore
from detente.models import Event, Mention

TEXT_CHARS = 300
"""Record texts longer than this are cut in error listings (document records can be pages long)."""


def report(scores: Sequence[SetScore], *, errors: int = 0) -> dict[str, Any]:
    """`{"sets": {NAME: {...}}}`; with `errors`, each set lists its `errors` worst records too."""
    return {"sets": {score.name: set_report(score, errors=errors) for score in scores}}


def set_report(score: SetScore, *, errors: int = 0) -> dict[str, Any]:
    events = score.events
    out: dict[str, Any] = {
        "mode": "linking" if score.linking else "events",
        "n_records": score.n_records,
        **_figures(events),
        "matched": events.matched,
        "per_type": {t: _figures(s) for t, s in events.per_type.items()},
        "must_not_violations": len(events.violations),
        "must_not_violated": [{"record": rid, **violation_record(v)} for rid, v in events.violations],
        "no_event_records": {
            "records": events.no_event_records,
            "right": events.no_event_right,
            "share": events.no_event_share,
        },
        "actor_country_accuracy": score.actors.country_accuracy if score.actors.gold else None,
        "actor_country_sector_accuracy": score.actors.country_sector_accuracy if score.actors.sector_gold else None,
        "motive_recall": score.motives.recall,
    }
    if score.linking:
        out["type_accuracy"] = events.type_accuracy
    if errors:
        out["errors"] = [record_errors(r) for r in events.worst(errors)]
    return out


def summary_rows(scores: Sequence[SetScore], *, by: str = "set") -> list[dict[str, Any]]:
    """Table rows: one per set, or (`by="type"`) one per set and event type."""
    if by == "type":
        return [{"set": s.name, "type": t, **_row_figures(c)} for s in scores for t, c in s.events.per_type.items()]
    rows = []
    for s in scores:
        events = s.events
        rows.append(
            {
                "set": s.name,
                "mode": "linking" if s.linking else "events",
                "records": s.n_records,
                **_row_figures(events),
                "type acc": _num(events.type_accuracy),
                "no-event right": (
                    f"{events.no_event_right}/{events.no_event_records}" if events.no_event_records else "-"
                ),
                "must_not hit": len(events.violations),
                "actor country": _num(s.actors.country_accuracy if s.actors.gold else None),
                "country+sector": _num(s.actors.country_sector_accuracy if s.actors.sector_gold else None),
                "motive recall": _num(s.motives.recall),
            }
        )
    return rows


def record_errors(result: RecordResult) -> dict[str, Any]:
    """One record's errors, with everything coded for it (counting or not) so a reader sees why."""
    return {
        "record": result.record.id,
        "errors": result.errors,
        "text": _cut(result.text),
        "gold": [gold_record(g) for g in result.record.events],
        "misses": [gold_record(g) for g in result.misses],
        "false_alarms": [event_record(e) for e in result.false_alarms],
        "must_not_violated": [violation_record(v) for v in result.violations],
        "coded": [event_record(e) for e in result.coded],
    }


def error_lines(score: SetScore, n: int) -> list[str]:
    """The `n` worst records of a set, as plain text lines: gold events, misses, false alarms, must_not
    violations, then the rest of what was coded (right, or not counted), so a reader sees why."""
    worst = score.events.worst(n)
    lines = [f"{score.name}: {len(worst)} worst records"]
    for result in worst:
        text = _cut(result.text)

        def show(event: Event, text: str = text) -> str:
            return _event_line(event, skip_evidence=text)

        shown = {id(e) for e in result.false_alarms} | {id(v.event) for v in result.violations}
        lines.append(f"  {result.record.id} ({result.errors} errors): {text}")
        lines.extend(f"    gold     {_gold_line(g)}" for g in result.record.events)
        lines.extend(f"    missed   {_gold_line(g)}" for g in result.misses)
        lines.extend(f"    false    {show(e)}" for e in result.false_alarms)
        lines.extend(f"    must_not {_gold_line(v.entry)} <- {show(v.event)}" for v in result.violations)
        lines.extend(f"    right    {show(e)}" for _, e in result.matches)
        shown |= {id(e) for _, e in result.matches}
        lines.extend(f"    other    {show(e)}" for e in result.coded if id(e) not in shown)
    return lines


def gold_record(event: GoldEvent) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": event.type,
        "sources": [_actor_label(a) for a in event.sources],
        "targets": [_actor_label(a) for a in event.targets],
        "symmetric": event.symmetric,
    }
    if event.why:
        out["why"] = event.why
    return out


def event_record(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "mode": event.mode,
        "source": _mention_record(event.source),
        "target": _mention_record(event.target),
        "modality": event.modality,
        "negated": event.negated,
        "counts": counts_as_coded(event),
        "rule_id": event.rule_id,
        "evidence": event.evidence,
    }


def violation_record(violation: Violation) -> dict[str, Any]:
    return {"entry": gold_record(violation.entry), "event": event_record(violation.event)}


def _figures(score: EventScore | TypeScore) -> dict[str, Any]:
    return {
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
        "n_gold": score.n_gold,
        "n_coded": score.n_coded,
    }


def _row_figures(score: EventScore | TypeScore) -> dict[str, Any]:
    return {
        "gold": score.n_gold,
        "coded": score.n_coded,
        "matched": score.matched,
        "P": _num(score.precision),
        "R": _num(score.recall),
        "F1": _num(score.f1),
    }


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _mention_record(mention: Mention | None) -> dict[str, Any] | None:
    if mention is None:
        return None
    actor = mention.actor
    return {
        "text": mention.text,
        "actor": actor.name if actor else None,
        "code": actor.code if actor else None,
        "person": mention.person.name if mention.person else None,
    }


def _actor_label(actor: GoldActor) -> str:
    label = actor.name or repr(actor.text or "")
    codes = "".join(c for c in (actor.country, actor.sector) if c)
    return f"{label} ({codes})" if codes else label


def _gold_line(event: GoldEvent) -> str:
    sources = " | ".join(_actor_label(a) for a in event.sources) or "-"
    targets = " | ".join(_actor_label(a) for a in event.targets) or "-"
    arrow = "<->" if event.symmetric else "->"
    why = f"   ({event.why})" if event.why else ""
    return f"{event.type} {sources} {arrow} {targets}{why}"


def _event_line(event: Event, *, skip_evidence: str = "") -> str:
    def side(mention: Mention | None) -> str:
        if mention is None:
            return "-"
        actor = f" ({mention.actor.name}, {mention.actor.code})" if mention.actor else ""
        return f"{mention.text!r}{actor}"

    flags = [event.modality] + (["negated"] if event.negated else []) + ([] if counts_as_coded(event) else ["ignored"])
    rule = f" rule={event.rule_id}" if event.rule_id else ""
    evidence = _cut(event.evidence)
    # A sentence record's evidence is the record's own text, already shown above it.
    where = "" if evidence == skip_evidence else f": {evidence}"
    return f"{event.type} {side(event.source)} -> {side(event.target)} [{', '.join(flags)}]{rule}{where}"


def _cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT_CHARS else flat[: TEXT_CHARS - 1] + "…"
