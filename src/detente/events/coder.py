"""The event stage's interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from detente.models import Event, Mention

if TYPE_CHECKING:  # the protocol names the parse; loading spaCy is the coder's business, not the ontology's
    from detente.nlp.pipeline import ParsedArticle


class EventCoder(Protocol):
    """Codes the events of a parsed article between the actors the actor stage found."""

    def code(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Event, ...]: ...


class NoEvents:
    """Codes nothing. The stage's placeholder until the trigger lexicon and rules are in place."""

    def code(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
        return ()
