"""The actor stage's interface."""

from __future__ import annotations

from typing import Protocol

from detente.models import Mention
from detente.nlp.pipeline import ParsedArticle


class ActorResolver(Protocol):
    """Finds every actor mention in a parsed article and resolves it (or keeps it as unknown)."""

    def resolve(self, parsed: ParsedArticle) -> tuple[Mention, ...]: ...


class NoActors:
    """Finds nothing. The stage's placeholder until dictionaries and recognition are in place."""

    def resolve(self, parsed: ParsedArticle) -> tuple[Mention, ...]:
        return ()
