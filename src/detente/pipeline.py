"""The ingest job: read sources, drop duplicates, code what is new, store it batch by batch.

Each batch of input items is stored in one transaction together with everything coded from it,
so a run that is interrupted leaves a consistent store, and running it again finishes the job
without duplicating anything.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice

import numpy as np

from detente.coding import CoderConfig, CodingPool, code_articles
from detente.ingest import (
    Fingerprint,
    NearDuplicateConfig,
    ReadOptions,
    fingerprint,
    read_sources,
    similarity,
)
from detente.models import Article, CodedArticle, IngestError, IngestSummary
from detente.store import NearDuplicate, Store, WriteBatch


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """`batch_size` input items are stored per transaction; `workers` processes code them (see
    `CodingPool` for how one worker shares the work with this process)."""

    read: ReadOptions = field(default_factory=ReadOptions)
    near_duplicates: NearDuplicateConfig = field(default_factory=NearDuplicateConfig)
    coder: CoderConfig = field(default_factory=CoderConfig)
    workers: int = 1
    batch_size: int = 64


@dataclass(frozen=True, slots=True)
class _Pending:
    to_code: list[Article]
    near: list[NearDuplicate]
    fingerprints: dict[str, Fingerprint]
    errors: list[IngestError]
    duplicates: int


class _RunIndex:
    """Exact and near-duplicate lookups for one run: what this run has seen, plus the store."""

    def __init__(self, store: Store, config: NearDuplicateConfig) -> None:
        self.store = store
        self.config = config
        self.seen: set[str] = set()
        self.buckets: dict[tuple[int, int], list[tuple[str, np.ndarray]]] = {}

    def split(self, items: list[Article | IngestError]) -> _Pending:
        errors = [i for i in items if isinstance(i, IngestError)]
        articles = [i for i in items if isinstance(i, Article)]
        stored = self.store.existing_ids([a.id for a in articles if a.id not in self.seen])
        fresh: list[Article] = []
        duplicates = 0
        for article in articles:
            if article.id in self.seen or article.id in stored:
                duplicates += 1
                continue
            self.seen.add(article.id)
            fresh.append(article)
        prints = {a.id: fp for a in fresh if (fp := fingerprint(a.text, self.config)) is not None}
        stored_matches = self.store.near_duplicate_of(prints, threshold=self.config.threshold)
        to_code: list[Article] = []
        near: list[NearDuplicate] = []
        for article in fresh:
            fp = prints.get(article.id)
            match = stored_matches.get(article.id) or (self._match_in_run(fp) if fp is not None else None)
            if match is not None:
                near.append(NearDuplicate(article, match[0], match[1]))
                continue
            to_code.append(article)
            if fp is not None:
                for key in enumerate(fp.buckets):
                    self.buckets.setdefault(key, []).append((article.id, fp.signature))
        return _Pending(to_code, near, prints, errors, duplicates)

    def _match_in_run(self, fp: Fingerprint) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for key in enumerate(fp.buckets):
            for other_id, signature in self.buckets.get(key, ()):
                score = similarity(fp.signature, signature)
                if score >= self.config.threshold and (best is None or score > best[1]):
                    best = (other_id, score)
        return best


class _StopRequest:
    """Set by the first Ctrl-C (or SIGTERM): the run stops once the batch in flight is stored.

    The interrupt is not raised where it lands because inside a DuckDB statement it surfaces as a
    plain RuntimeError ("Query interrupted"), not as KeyboardInterrupt, and the run would end with a
    traceback instead of its summary. A second Ctrl-C raises at once (the transaction in flight is
    still rolled back).
    """

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True


@contextmanager
def _stop_after_batch() -> Iterator[_StopRequest]:
    stop = _StopRequest()
    if threading.current_thread() is not threading.main_thread():
        yield stop  # signal handlers belong to the main thread; elsewhere Ctrl-C is the caller's
        return
    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def ingest(
    paths: Sequence[str],
    *,
    store: Store,
    options: IngestOptions | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Ingest every source into the store and return what happened.

    Ctrl-C or SIGTERM stops after the batch being coded is stored; the summary then says `interrupted`.
    """
    options = options or IngestOptions()
    run_id = store.start_run(paths)
    summary = IngestSummary(run_id=run_id)
    index = _RunIndex(store, options.near_duplicates)
    items = read_sources(paths, options.read)
    batches: Iterator[_Pending] = (
        index.split(chunk) for chunk in iter(lambda: list(islice(items, options.batch_size)), [])
    )
    errors: list[IngestError] = []
    try:
        with _stop_after_batch() as stop, CodingPool(workers=options.workers, config=options.coder) as pool:
            for pending, coded in pool.code_batches(batches, lambda p: p.to_code):
                new_events = store.write(
                    WriteBatch(
                        run_id=run_id,
                        coded=coded,
                        near_duplicates=pending.near,
                        fingerprints=pending.fingerprints,
                        errors=pending.errors,
                        duplicates=pending.duplicates,
                    )
                )
                errors.extend(pending.errors)
                summary = replace(
                    summary,
                    new=summary.new + len(coded),
                    duplicate=summary.duplicate + pending.duplicates,
                    near_duplicate=summary.near_duplicate + len(pending.near),
                    failed=summary.failed + len(pending.errors),
                    events=summary.events + new_events,
                    errors=tuple(errors),
                )
                if on_batch is not None:
                    on_batch(summary)
                if stop.requested:
                    raise KeyboardInterrupt
    except KeyboardInterrupt:
        summary = replace(summary, interrupted=True)
    store.finish_run(summary)
    return summary


def code_stream(
    items: Iterable[Article | IngestError],
    *,
    on_error: Callable[[IngestError], None],
    workers: int = 1,
    config: CoderConfig | None = None,
) -> Iterator[CodedArticle]:
    """Code articles in input order without storing or de-duplicating; errors go to `on_error`."""

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, IngestError):
                on_error(item)
            else:
                yield item

    yield from code_articles(articles(), workers=workers, config=config)
