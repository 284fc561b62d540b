"""The motive stage's interface."""

from __future__ import annotations

from typing import Protocol

from detente.models import Mention, Motive
from detente.nlp.pipeline import ParsedArticle


class MotiveExtractor(Protocol):
    """Extracts goal statements of the actors the actor stage found."""

    def extract(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Motive, ...]: ...


class NoMotives:
    """Extracts nothing. The stage's placeholder until motive patterns are in place."""

    def extract(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Motive, ...]:
        return ()
