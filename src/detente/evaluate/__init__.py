"""Measuring detente against gold sets (the format of shared/eval/README.md; rules in docs/evaluation.md).

`evaluate(paths)` reads, codes (in memory) and scores gold files; `score_set`, `score_events`,
`score_actor_countries` and `score_motives` score records paired with CodedArticles built any way,
and `report` turns set scores into the JSON object that `detente eval --format json` prints.
"""

from detente.evaluate.actors import ActorScore, score_actor_countries
from detente.evaluate.events import EventScore, RecordResult, TypeScore, Violation, counts_as_coded, score_events
from detente.evaluate.gold import GoldActor, GoldEvent, GoldRecord, read_gold
from detente.evaluate.motives import MotiveScore, score_motives
from detente.evaluate.report import report
from detente.evaluate.run import SetScore, code_gold, evaluate, score_set

__all__ = [
    "ActorScore",
    "EventScore",
    "GoldActor",
    "GoldEvent",
    "GoldRecord",
    "MotiveScore",
    "RecordResult",
    "SetScore",
    "TypeScore",
    "Violation",
    "code_gold",
    "counts_as_coded",
    "evaluate",
    "read_gold",
    "report",
    "score_actor_countries",
    "score_events",
    "score_motives",
    "score_set",
]
