"""Stage 4: events between resolved actors (PLOVER type and mode, CAMEO code), sentence by sentence.

The stage's interface is `EventCoder.code(parsed, mentions) -> tuple[Event, ...]`; `RuleCoder` is
detente's coder (trigger lexicon and cues as data, arguments from the dependency parse).
Docs: docs/events.md
"""

from typing import TYPE_CHECKING, Any

from detente.events.coder import EventCoder, NoEvents
from detente.events.lexicon import Cues, Lexicon, Trigger, load_cues, load_lexicon
from detente.events.ontology import Ontology, load_ontology

if TYPE_CHECKING:
    from detente.events.rules import RuleCoder


def __getattr__(name: str) -> Any:
    # The rule coder works on spaCy parses; the ontology and lexicon (read by the store's readers) do not.
    if name == "RuleCoder":
        from detente.events.rules import RuleCoder

        return RuleCoder
    raise AttributeError(f"module 'detente.events' has no attribute {name!r}")


__all__ = [
    "Cues",
    "EventCoder",
    "Lexicon",
    "NoEvents",
    "Ontology",
    "RuleCoder",
    "Trigger",
    "load_cues",
    "load_lexicon",
    "load_ontology",
]
