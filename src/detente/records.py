"""The public JSON shape of mentions, events and motives (what `detente code --format jsonl` prints).

Stored rows are given the same shape by the store's `*_records` views, so a consumer reads one
format whether the records come from `detente code` or from `detente events`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.models import Actor, Event, Mention, Motive, Place


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.cameo_code,
    }


def party_record(mention: Mention | None) -> dict[str, Any] | None:
    """An event's or motive's actor: who, plus the words and span that named them."""
    if mention is None:
        return None
    actor = mention.actor
    return {
        "id": actor.id if actor else None,
        "name": actor.name if actor else None,
        "country": actor.country if actor else None,
        "sector": actor.sector if actor else None,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
    }


def place_record(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "geonameid": place.geonameid,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
    }


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def mention_record(mention: Mention) -> dict[str, Any]:
    return {
        "kind": "mention",
        "mention_id": mention.id,
        "article_id": mention.article_id,
        "sentence_index": mention.sentence_index,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "resolved_by": mention.resolved_by,
        "actor": actor_record(mention.actor),
        "person": actor_record(mention.person),
    }


def event_record(event: Event) -> dict[str, Any]:
    return {
        "kind": "event",
        "event_id": event.id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "start": event.start,
        "end": event.end,
        "date": _date(event.date),
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "negated": event.negated,
        "modality": event.modality,
        "source": party_record(event.source),
        "target": party_record(event.target),
        "place": place_record(event.place),
        "evidence": event.evidence,
        "confidence": event.confidence,
        "rule_id": event.rule_id,
    }


def motive_record(motive: Motive) -> dict[str, Any]:
    return {
        "kind": "motive",
        "motive_id": motive.id,
        "article_id": motive.article_id,
        "sentence_index": motive.sentence_index,
        "start": motive.start,
        "end": motive.end,
        "date": _date(motive.date),
        "actor": party_record(motive.actor),
        "goal": motive.goal,
        "category": motive.category,
        "concerns": party_record(motive.concerns),
        "polarity": motive.polarity,
        "modality": motive.modality,
        "evidence": motive.evidence,
        "rule_id": motive.rule_id,
    }
