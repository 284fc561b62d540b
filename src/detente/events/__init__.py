"""Stage 4: events between resolved actors (PLOVER type and mode, CAMEO code), sentence by sentence.

The stage's interface is `EventCoder.code(parsed, mentions) -> tuple[Event, ...]`; `RuleCoder` is
detente's coder (trigger lexicon and cues as data, arguments from the dependency parse).
Docs: docs/events.md
"""

from detente.events.coder import EventCoder, NoEvents
from detente.events.lexicon import Cues, Lexicon, Trigger, load_cues, load_lexicon
from detente.events.ontology import Ontology, load_ontology
from detente.events.rules import RuleCoder

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
