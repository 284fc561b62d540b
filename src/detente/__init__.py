"""detente: who did what to whom, when, where and why, from news about international politics.

The public API is what `__all__` names; the modules behind it are implementation details.
Names are imported on first use, so that commands which only read the store (`detente dyad`,
`detente explain`) start without loading spaCy.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> module that defines it.
_EXPORTS = {
    "Coder": "detente.coding",
    "CoderConfig": "detente.coding",
    "code_articles": "detente.coding",
    "DataError": "detente.errors",
    "DetenteError": "detente.errors",
    "InputError": "detente.errors",
    "StoreError": "detente.errors",
    "UsageError": "detente.errors",
    "FieldMap": "detente.ingest",
    "ReadOptions": "detente.ingest",
    "read_sources": "detente.ingest",
    "Actor": "detente.models",
    "Article": "detente.models",
    "CodedArticle": "detente.models",
    "Event": "detente.models",
    "IngestError": "detente.models",
    "IngestSummary": "detente.models",
    "Mention": "detente.models",
    "Motive": "detente.models",
    "Place": "detente.models",
    "Sentence": "detente.models",
    "IngestOptions": "detente.pipeline",
    "ingest": "detente.pipeline",
    "Filters": "detente.store",
    "Store": "detente.store",
    "Corpus": "detente.corpus",
    "open": "detente.corpus",
}

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "Coder",
    "CoderConfig",
    "Corpus",
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
    "open",
    "read_sources",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    # Reprs and docs read `detente.Event`, not the private module it is defined in.
    value.__module__ = "detente"
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


class _Package(types.ModuleType):
    """`detente.ingest` is the public function, not the subpackage of the same name: importing the
    subpackage later (which binds it on the parent) must not hide the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:
    from detente.coding import Coder, CoderConfig, code_articles
    from detente.corpus import Corpus, open
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
