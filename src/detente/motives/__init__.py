"""Stage 5: what actors want, need, seek, fear or gain, with the sentence that says so.

The stage's interface is `MotiveExtractor.extract(parsed, mentions) -> tuple[Motive, ...]`;
`RuleExtractor` is detente's extractor (patterns and cues as data, actors and goals from the
dependency parse). Docs: docs/motives.md
"""

from detente.motives.extractor import MotiveExtractor, NoMotives
from detente.motives.patterns import (
    MotiveCues,
    MotivePattern,
    MotivePatterns,
    load_motive_cues,
    load_patterns,
    parse_motive_cues,
    parse_patterns,
)
from detente.motives.rules import RuleExtractor

__all__ = [
    "MotiveCues",
    "MotiveExtractor",
    "MotivePattern",
    "MotivePatterns",
    "NoMotives",
    "RuleExtractor",
    "load_motive_cues",
    "load_patterns",
    "parse_motive_cues",
    "parse_patterns",
]
