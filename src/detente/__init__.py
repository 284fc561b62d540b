"""detente: who did what to whom, when, where and why, from news about international politics.

The public API is what `__all__` names; the modules behind it are implementation details.
"""

from detente.coding import Coder, CoderConfig, code_articles
from detente.errors import DataError, DetenteError, InputError, StoreError, UsageError
from detente.ingest import FieldMap, ReadOptions, read_sources
from detente.models import (
    Actor,
    Article,
    CodedArticle,
    Event,
    IngestError,
    IngestSummary,
    Mention,
    Motive,
    Place,
    Sentence,
)
from detente.pipeline import IngestOptions, ingest
from detente.store import Filters, Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "Coder",
    "CoderConfig",
    "DataError",
    "DetenteError",
    "Event",
    "FieldMap",
    "Filters",
    "IngestError",
    "IngestOptions",
    "IngestSummary",
    "InputError",
    "Mention",
    "Motive",
    "Place",
    "ReadOptions",
    "Sentence",
    "Store",
    "StoreError",
    "UsageError",
    "code_articles",
    "ingest",
    "read_sources",
]

# Reprs and docs read `detente.Event`, not the private module it is defined in.
for _name in __all__:
    globals()[_name].__module__ = "detente"
del _name
