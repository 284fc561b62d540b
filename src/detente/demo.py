"""The bundled demo corpus: sample reports written for detente (not real news), ingested by `detente demo`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

from detente.models import IngestSummary
from detente.pipeline import IngestOptions, ingest
from detente.store import Store

_NOT_ARTICLES = {"README.md"}


@contextmanager
def demo_corpus() -> Iterator[list[Path]]:
    """Paths of the demo corpus files inside the installed package."""
    with as_file(files("detente") / "data" / "demo") as folder:
        yield sorted(p for p in Path(folder).iterdir() if p.is_file() and p.name not in _NOT_ARTICLES)


def run_demo(
    store: Store,
    *,
    options: IngestOptions | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingest the demo corpus into `store` (re-running it adds nothing)."""
    with demo_corpus() as paths:
        return ingest([str(p) for p in paths], store=store, options=options, on_batch=on_batch)
