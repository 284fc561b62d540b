"""Flat table rows from detente's records (one function per table)."""

from __future__ import annotations

from typing import Any

from detente.models import Actor, Article, Event, IngestError, Mention, Motive, Sentence
from detente.records import party_record, place_record

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
        "cameo": actor.cameo,
        "parent": actor.parent,
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
        "resolved_by": mention.resolved_by,
        "person_id": mention.person.id if mention.person else None,
    }


_PARTY_KEYS = ("id", "name", "country", "sector", "text", "start", "end")
_PLACE_KEYS = ("name", "geonameid", "country", "lat", "lon")


def _flat(prefix: str, nested: dict[str, Any] | None, keys: tuple[str, ...]) -> Row:
    """`source{id, name, ...}` as the columns `source_id`, `source_name`, ... (all None when absent)."""
    return {f"{prefix}_{key}": (nested or {}).get(key) for key in keys}


def _party(prefix: str, mention: Mention | None) -> Row:
    return _flat(prefix, party_record(mention), _PARTY_KEYS)


def event_row(event: Event) -> Row:
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
        **_flat("place", place_record(event.place), _PLACE_KEYS),
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
