"""Stage 5: what actors want, need, seek, fear or gain, with the sentence that says so.

The stage's interface is `MotiveExtractor.extract(parsed, mentions) -> tuple[Motive, ...]`.
"""

from detente.motives.extractor import MotiveExtractor, NoMotives

__all__ = ["MotiveExtractor", "NoMotives"]
