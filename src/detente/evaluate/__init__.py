"""Measuring detente against gold sets (the format of shared/eval/README.md)."""

from detente.evaluate.actors import ActorScore, score_actor_countries
from detente.evaluate.gold import GoldActor, GoldEvent, GoldRecord, read_gold

__all__ = ["ActorScore", "GoldActor", "GoldEvent", "GoldRecord", "read_gold", "score_actor_countries"]
