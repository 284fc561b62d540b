"""Motive recall: is each gold motive `{actor, goal}` among the coded motives of its record?

The rule (also in docs/evaluation.md):

- The actor: the coded motive's mention is the gold actor by the event rule's name test
  (`actor_matches` with the gold actor as a canonical name: actor or person name, id, alias, or the
  mention's words, case-insensitive; or a country code written as the gold actor).
- The goal: content words as `detente.goals.content_words` gives them: the lower-cased words of the
  goal, without function words and words that only say "there is a goal" (want, seek, aim, ...),
  each cut by a small suffix rule (possessive, plural, -ing, -ed, final -e).
  A coded goal matches when it shares at least max(1, ⌈n/3⌉) of the n content words of the gold goal.
- One to one per record (maximum bipartite matching): one coded motive that lists every goal in a
  long phrase finds one gold motive, not all of them.

Recall only: gold motive lists are not exhaustive enough to call a coded motive wrong.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from detente.evaluate.events import actor_matches, maximum_matching
from detente.evaluate.gold import GoldActor, GoldRecord
from detente.goals import content_words
from detente.models import CodedArticle, Motive


def goal_matches(gold_goal: str, coded_goal: str) -> bool:
    """At least a third (rounded up, and at least one) of the gold goal's content words are in the coded goal."""
    gold = content_words(gold_goal)
    if not gold:
        return False
    return len(gold & content_words(coded_goal)) >= max(1, math.ceil(len(gold) / 3))


def motive_matches(gold_actor: str, gold_goal: str, motive: Motive, text: str) -> bool:
    actor = GoldActor(name=gold_actor, country=gold_actor if gold_actor.isupper() else None)
    return actor_matches(actor, motive.actor, text) and goal_matches(gold_goal, motive.goal)


@dataclass(frozen=True, slots=True)
class MotiveMiss:
    record_id: str
    actor: str
    goal: str


@dataclass(frozen=True, kw_only=True)
class MotiveScore:
    gold: int = 0
    found: int = 0
    misses: tuple[MotiveMiss, ...] = ()

    @property
    def recall(self) -> float | None:
        """Found over gold; None when the set has no gold motives."""
        return self.found / self.gold if self.gold else None


def score_motives(pairs: Iterable[tuple[GoldRecord, CodedArticle]]) -> MotiveScore:
    """Recall of the gold motives of each record among its coded motives (records and coding, paired)."""
    gold = found = 0
    misses: list[MotiveMiss] = []
    for record, coded in pairs:
        if not record.motives:
            continue
        text = coded.article.text
        edges = [
            [j for j, m in enumerate(coded.motives) if motive_matches(actor, goal, m, text)]
            for actor, goal in record.motives
        ]
        hits = {i for i, _ in maximum_matching(edges, len(coded.motives))}
        gold += len(record.motives)
        found += len(hits)
        misses.extend(MotiveMiss(record.id, a, g) for i, (a, g) in enumerate(record.motives) if i not in hits)
    return MotiveScore(gold=gold, found=found, misses=tuple(misses))
