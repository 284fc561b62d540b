"""The public names of detente.ingest."""

from __future__ import annotations

import importlib

# `detente.ingest` as an attribute is the top-level ingest() function; the module is looked up by name.
INGEST = importlib.import_module("detente.ingest")


def test_exported_members() -> None:
    assert INGEST.__all__ == [
        "INPUT_FORMATS",
        "Fetcher",
        "FieldMap",
        "Fingerprint",
        "Item",
        "Limits",
        "NearDuplicateConfig",
        "ReadOptions",
        "UrllibFetcher",
        "article_id",
        "clean_text",
        "fingerprint",
        "make_article",
        "read_sources",
        "similarity",
    ]
    for name in INGEST.__all__:
        assert hasattr(INGEST, name), name
    assert INGEST.INPUT_FORMATS == ("auto", "txt", "html", "jsonl", "csv", "feed")
