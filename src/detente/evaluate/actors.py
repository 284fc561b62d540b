"""Actor accuracy: does the mention that overlaps a gold actor's words carry the gold country code?

Rule: for each gold source or target that gives a country code, take the coded mentions whose span
overlaps the gold actor's words in the text (see GoldActor.spans); the actor is right when any of
them resolves to an actor of that country, and right on country+sector when one also has the sector.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from detente.evaluate.gold import GoldActor, GoldRecord
from detente.models import CodedArticle


@dataclass(frozen=True, slots=True)
class ActorMiss:
    record_id: str
    words: str
    gold: str
    coded: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ActorScore:
    gold: int = 0
    country: int = 0
    sector_gold: int = 0
    country_sector: int = 0
    misses: tuple[ActorMiss, ...] = field(default=())

    @property
    def country_accuracy(self) -> float:
        return self.country / self.gold if self.gold else 0.0

    @property
    def country_sector_accuracy(self) -> float:
        return self.country_sector / self.sector_gold if self.sector_gold else 0.0


def score_actor_countries(pairs: Iterable[tuple[GoldRecord, CodedArticle]]) -> ActorScore:
    """Score coded mentions against the gold actors of each record (records and their coding, paired)."""
    gold = country = sector_gold = country_sector = 0
    misses: list[ActorMiss] = []
    for record, coded in pairs:
        for actor in _gold_actors(record):
            gold += 1
            spans = actor.spans(coded.article.text)
            found = [
                m.actor
                for m in coded.mentions
                if m.actor is not None and any(m.start < e and s < m.end for s, e in spans)
            ]
            if any(a.country == actor.country for a in found):
                country += 1
            else:
                words = actor.text or actor.name or ""
                misses.append(ActorMiss(record.id, words, actor.country or "", tuple(a.code for a in found)))
            if actor.sector:
                sector_gold += 1
                if any(a.country == actor.country and a.sector == actor.sector for a in found):
                    country_sector += 1
    return ActorScore(
        gold=gold, country=country, sector_gold=sector_gold, country_sector=country_sector, misses=tuple(misses)
    )


def _gold_actors(record: GoldRecord) -> Iterable[GoldActor]:
    seen: set[GoldActor] = set()
    for event in record.events:
        for actor in (*event.sources, *event.targets):
            if actor.country and actor not in seen:
                seen.add(actor)
                yield actor
