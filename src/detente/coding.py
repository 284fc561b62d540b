"""The coding pipeline: parse, resolve actors, code events and motives, for a stream of articles.

`Coder` runs in one process; `code_articles(..., workers=N)` spreads batches over N processes,
each with its own Coder, and yields results in input order.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from typing import TypeVar

from spacy.language import Language

from detente.actors import ActorResolver, DictionaryResolver
from detente.events import EventCoder, RuleCoder
from detente.models import Article, CodedArticle
from detente.motives import MotiveExtractor, RuleExtractor
from detente.nlp import load_pipeline, parse_articles
from detente.nlp.pipeline import ParsedArticle, parse_packed, unpack

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
        # The event coder names a country's people from the same dictionary the actors come from.
        dictionary = self.resolver.dictionary if isinstance(self.resolver, DictionaryResolver) else None
        self.event_coder = event_coder or RuleCoder(dictionary=dictionary)
        self.motive_extractor = motive_extractor or RuleExtractor()
        self.config = config or CoderConfig()

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        return self.code_parsed(parse_articles(self.nlp, articles, batch_size=self.config.batch_size))

    def code_parsed(self, parsed_articles: Iterable[ParsedArticle]) -> Iterator[CodedArticle]:
        """Every stage after the parse, for articles parsed here or elsewhere."""
        for parsed in parsed_articles:
            mentions = self.resolver.resolve(parsed)
            yield CodedArticle(
                article=parsed.article,
                sentences=parsed.sentences,
                mentions=mentions,
                events=self.event_coder.code(parsed, mentions),
                motives=self.motive_extractor.extract(parsed, mentions),
            )


_worker_coder: Coder | None = None


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group; only the parent decides how a run stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (SIGKILL, out of memory) never shuts the pool down, and a worker
    # would wait forever on a queue no one writes to, holding the parent's stdout and stderr open.
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


def _code_chunk(chunk: list[Article]) -> list[CodedArticle]:
    global _worker_coder
    if _worker_coder is None:
        _worker_coder = Coder()
    return list(_worker_coder.code(chunk))


# Batches submitted beyond the one being finished: enough that the processes never wait for the
# next batch while this one codes or stores.
_AHEAD = 2


class CodingPool:
    """Codes batches of articles, yielding them in input order, while the caller stores the one before.

    With several `workers`, each worker process parses and codes its share of a batch. With one,
    the work is cut between two processes instead: the parse, most of the time, runs in a process
    of its own on the next batch while this one resolves actors, codes events and motives, and
    gives back the batch before. A run of a single batch is coded here in one go, because starting
    a process costs more than it saves on so little.
    """

    def __init__(self, *, workers: int = 1, config: CoderConfig | None = None) -> None:
        self.workers = max(1, workers)
        self.config = config or CoderConfig()
        self._coder: Coder | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> CodingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _start_processes(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers start clean, not as forks of a process holding a database and threads.
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_start_worker)
        return self._pool

    def _here(self) -> Coder:
        if self._coder is None:
            self._coder = Coder(config=self.config)
        return self._coder

    def code_batches(
        self, batches: Iterable[T], articles_of: Callable[[T], list[Article]]
    ) -> Iterator[tuple[T, list[CodedArticle]]]:
        batches = iter(batches)
        first = list(islice(batches, 2))
        if len(first) == 1 and self.workers == 1:
            yield first[0], list(self._here().code(articles_of(first[0])))
            return
        pending: deque[tuple[T, Callable[[], list[CodedArticle]]]] = deque()
        for batch in chain(first, batches):
            pending.append((batch, self._submit(articles_of(batch))))
            if len(pending) > _AHEAD:
                batch, result = pending.popleft()
                yield batch, result()
        while pending:
            batch, result = pending.popleft()
            yield batch, result()

    def _submit(self, articles: list[Article]) -> Callable[[], list[CodedArticle]]:
        """Start on a batch in the worker processes; the call returned waits for it and gives it back coded."""
        pool = self._start_processes()
        if self.workers == 1:
            parsing = pool.submit(parse_packed, articles, self.config.batch_size)
            coder = self._here()  # built while the first batch is parsed in the other process
            return lambda: list(coder.code_parsed(unpack(parsing.result(), articles, coder.nlp.vocab)))
        size = max(1, -(-len(articles) // self.workers))
        futures = [pool.submit(_code_chunk, articles[i : i + size]) for i in range(0, len(articles), size)]
        return lambda: [coded for future in futures for coded in future.result()]


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
