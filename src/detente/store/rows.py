"""Flat table rows from detente's records (one function per table)."""

from __future__ import annotations

from typing import Any

from detente.models import Actor, Article, Event, IngestError, Mention, Motive, Sentence

Row = dict[str, Any]


def article_row(article: Article) -> Row:
    return {
        "article_id": article.id,
        "ref": article.ref,
        "title": article.title,
        "text": article.text,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "lang": article.lang,
        "origin": article.origin,
    }


def sentence_row(sentence: Sentence) -> Row:
    return {
        "article_id": sentence.article_id,
        "sentence_index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def actor_row(actor: Actor) -> Row:
    return {
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": list(actor.aliases),
        "wikidata": actor.wikidata,
    }


def mention_row(mention: Mention) -> Row:
    return {
        "mention_id": mention.id,
        "article_id": mention.article_id,
        "sentence_index": mention.sentence_index,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "actor_id": mention.actor.id if mention.actor else None,
        "resolved_by": mention.resolved_by, "person_id": mention.person.id if mention.person else None,
    }


def _party(prefix: str, mention: Mention | None) -> Row:
    actor = mention.actor if mention else None
    return {
        f"{prefix}_id": actor.id if actor else None,
        f"{prefix}_name": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
        f"{prefix}_text": mention.text if mention else None,
        f"{prefix}_start": mention.start if mention else None,
        f"{prefix}_end": mention.end if mention else None,
    }


def event_row(event: Event) -> Row:
    place = event.place
    return {
        "event_id": event.id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "start": event.start,
        "end": event.end,
        "date": event.date,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "negated": event.negated,
        "modality": event.modality,
        **_party("source", event.source),
        **_party("target", event.target),
        "place_name": place.name if place else None,
        "place_geonameid": place.geonameid if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "evidence": event.evidence,
        "confidence": event.confidence,
        "rule_id": event.rule_id,
    }


def motive_row(motive: Motive) -> Row:
    return {
        "motive_id": motive.id,
        "article_id": motive.article_id,
        "sentence_index": motive.sentence_index,
        "start": motive.start,
        "end": motive.end,
        "date": motive.date,
        "goal": motive.goal,
        "category": motive.category,
        "polarity": motive.polarity,
        "modality": motive.modality,
        **_party("actor", motive.actor),
        **_party("concerns", motive.concerns),
        "evidence": motive.evidence,
        "rule_id": motive.rule_id,
    }


def error_row(error: IngestError, run_id: str) -> Row:
    return {
        "error_id": error.id,
        "run_id": run_id,
        "path": error.path,
        "line": error.line,
        "code": error.code,
        "reason": error.reason,
    }
