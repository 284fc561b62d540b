"""The coding pipeline: parse, resolve actors, code events and motives, for a stream of articles.

`Coder` runs in one process; `code_articles(..., workers=N)` spreads batches over N processes,
each with its own Coder, and yields results in input order.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from spacy.language import Language

from detente.actors import ActorResolver, DictionaryResolver
from detente.events import EventCoder, RuleCoder
from detente.models import Article, CodedArticle
from detente.motives import MotiveExtractor, RuleExtractor
from detente.nlp import load_pipeline, parse_articles

T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class CoderConfig:
    """`batch_size` articles go to spaCy (and to a worker process) at a time."""

    batch_size: int = 32


class Coder:
    """Runs every coding stage over articles. Stages default to the package's own components."""

    def __init__(
        self,
        *,
        nlp: Language | None = None,
        resolver: ActorResolver | None = None,
        event_coder: EventCoder | None = None,
        motive_extractor: MotiveExtractor | None = None,
        config: CoderConfig | None = None,
    ) -> None:
        self.nlp = nlp or load_pipeline()
        self.resolver = resolver or DictionaryResolver(self.nlp)
        self.event_coder = event_coder or RuleCoder()
        self.motive_extractor = motive_extractor or RuleExtractor()
        self.config = config or CoderConfig()

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        for parsed in parse_articles(self.nlp, articles, batch_size=self.config.batch_size):
            mentions = self.resolver.resolve(parsed)
            yield CodedArticle(
                article=parsed.article,
                sentences=parsed.sentences,
                mentions=mentions,
                events=self.event_coder.code(parsed, mentions),
                motives=self.motive_extractor.extract(parsed, mentions),
            )


_worker_coder: Coder | None = None


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; only the parent decides how a run stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _code_chunk(chunk: list[Article]) -> list[CodedArticle]:
    global _worker_coder
    if _worker_coder is None:
        _worker_coder = Coder()
    return list(_worker_coder.code(chunk))


class CodingPool:
    """Codes batches of articles in `workers` processes (or in this one when workers is 1).

    `code_batches` keeps the next batch coding while the caller stores the previous one, and
    yields batches in input order.
    """

    def __init__(self, *, workers: int = 1, config: CoderConfig | None = None) -> None:
        self.workers = max(1, workers)
        self.config = config or CoderConfig()
        self._coder: Coder | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> CodingPool:
        if self.workers > 1:
            # forkserver: workers start clean, not as forks of a process holding a database and threads.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=_ignore_interrupts
            )
        else:
            self._coder = Coder(config=self.config)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def code_batches(
        self, batches: Iterable[T], articles_of: Callable[[T], list[Article]]
    ) -> Iterator[tuple[T, list[CodedArticle]]]:
        if self._pool is None:
            coder = self._coder or Coder(config=self.config)
            for batch in batches:
                yield batch, list(coder.code(articles_of(batch)))
            return
        pending: deque[tuple[T, list[Future[list[CodedArticle]]]]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(articles_of(batch))))
            if len(pending) > 1:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def _submit(self, articles: list[Article]) -> list[Future[list[CodedArticle]]]:
        assert self._pool is not None
        size = max(1, -(-len(articles) // self.workers))
        return [self._pool.submit(_code_chunk, articles[i : i + size]) for i in range(0, len(articles), size)]

    @staticmethod
    def _collect(batch: T, futures: list[Future[list[CodedArticle]]]) -> tuple[T, list[CodedArticle]]:
        return batch, [coded for future in futures for coded in future.result()]


def code_articles(
    articles: Iterable[Article], *, workers: int = 1, config: CoderConfig | None = None
) -> Iterator[CodedArticle]:
    """Code articles with `workers` processes, yielding results in input order."""
    config = config or CoderConfig()
    iterator = iter(articles)
    batches = iter(lambda: list(islice(iterator, config.batch_size * max(1, workers))), [])
    with CodingPool(workers=workers, config=config) as pool:
        for _, coded in pool.code_batches(batches, lambda batch: batch):
            yield from coded
