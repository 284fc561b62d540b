"""The public API is exactly what `detente.__all__` names, and reprs read `detente.X`."""

from __future__ import annotations

import detente


def test_exported_members() -> None:
    assert sorted(detente.__all__) == sorted(
        [
            "Actor",
            "Article",
            "Coder",
            "Corpus",
            "CoderConfig",
            "CodedArticle",
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
    )
    for name in detente.__all__:
        assert getattr(detente, name).__module__ == "detente"


def test_error_tree_and_codes() -> None:
    for cls in (detente.UsageError, detente.InputError, detente.DataError, detente.StoreError):
        assert issubclass(cls, detente.DetenteError)
    error = detente.InputError("empty input", code="D201")
    assert str(error) == "[D201] empty input" and error.code == "D201"


def test_store_commands_start_without_spacy() -> None:
    """`detente dyad`/`explain` only read the store: importing the CLI must not load spaCy."""
    import subprocess
    import sys

    code = "import sys, detente.cli.app; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
