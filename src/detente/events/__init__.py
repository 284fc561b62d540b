"""Stage 4: events between resolved actors (PLOVER type and mode, CAMEO code), sentence by sentence.

The stage's interface is `EventCoder.code(parsed, mentions) -> tuple[Event, ...]`.
"""

from detente.events.coder import EventCoder, NoEvents
from detente.events.ontology import Ontology, load_ontology

__all__ = ["EventCoder", "NoEvents", "Ontology", "load_ontology"]
