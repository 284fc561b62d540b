"""One reader per input format. Each turns bytes (or a byte stream) into Articles and IngestErrors.

A reader never raises for a bad item: it yields an IngestError and goes on with the next one.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any

import feedparser
import lxml.html
import trafilatura
from charset_normalizer import from_bytes
from lxml import etree
from trafilatura.settings import use_config

from detente.errors import InputError, Messages
from detente.ingest.article import Limits, make_article
from detente.ingest.decode import decode_bytes
from detente.models import Article, IngestError

Item = Article | IngestError


@dataclass(frozen=True, kw_only=True)
class FieldMap:
    """Which field of a JSONL/CSV record holds what."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    date: str = "date"
    source: str = "source"
    url: str = "url"
    lang: str = "lang"


def error(name: str, exc: InputError, line: int | None = None) -> IngestError:
    return IngestError(path=name, line=line, code=exc.code, reason=str(exc.args[0]))


# --- whole documents ---------------------------------------------------------------------------


def read_text(name: str, data: bytes, limits: Limits) -> Iterator[Item]:
    """A plain-text report, with an optional front matter block of `key: value` lines."""
    try:
        limits.check(len(data))
        text = decode_bytes(data)
        meta, body = split_front_matter(text)
        yield make_article(body, origin=name, **meta)
    except InputError as exc:
        yield error(name, exc)


_FRONT_MATTER_KEYS = ("date", "source", "url", "title", "lang", "ref")
_FRONT_MATTER_LINE = re.compile(r"\s*[A-Za-z][\w-]*\s*:")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `---\\nkey: value\\n---\\n` from the top of a text; unknown keys are ignored."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("---"):
        return {}, text
    lines = stripped.splitlines()
    if lines[0].strip() != "---":
        return {}, text
    closing = [number for number, line in enumerate(lines[1:], start=1) if line.strip() == "---"]
    if not closing:
        return {}, text
    end = closing[0]
    block = [line for line in lines[1:end] if line.strip()]
    # A report may open with a `---` rule around ordinary prose; only `key: value` lines make front matter.
    if not all(_FRONT_MATTER_LINE.match(line) for line in block):
        return {}, text
    meta: dict[str, str] = {}
    for line in block:
        key, _, value = line.partition(":")
        key = key.strip().lower()
        if key in _FRONT_MATTER_KEYS:
            meta[key] = value.strip().strip("\"'")
    return meta, "\n".join(lines[end + 1 :])


def read_html(name: str, data: bytes, limits: Limits) -> Iterator[Item]:
    """A saved web page: main text, title and date via trafilatura (menus, footers, comments dropped)."""
    try:
        limits.check(len(data))
        html = decode_bytes(data)
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            config=_trafilatura_config(limits.min_page_chars),
        )
        text = getattr(doc, "text", None) if doc is not None else None
        if not text or not text.strip():
            raise InputError(Messages.D207, code="D207")
        title = getattr(doc, "title", None)
        # trafilatura repeats the headline as the first line of the text; keep it once, as the title.
        first, _, rest = text.partition("\n")
        if title and first.strip() == title.strip() and rest.strip():
            text = rest
        # trafilatura gives one line per paragraph; a blank line keeps paragraphs apart for the parser.
        text = "\n\n".join(line for line in text.splitlines() if line.strip())
        yield make_article(
            text,
            title=title,
            date=getattr(doc, "date", None),
            source=getattr(doc, "sitename", None),
            url=getattr(doc, "url", None),
            lang=getattr(doc, "language", None),
            origin=name,
        )
    except InputError as exc:
        yield error(name, exc)


@lru_cache(maxsize=8)
def _trafilatura_config(min_chars: int) -> ConfigParser:
    config = use_config()
    config["DEFAULT"]["MIN_OUTPUT_SIZE"] = str(min_chars)
    return config


def read_feed(name: str, data: bytes, limits: Limits) -> Iterator[Item]:
    """An RSS or Atom feed: one article per entry, its full content or else its summary."""
    try:
        limits.check(len(data))
        if not data.strip():
            # feedparser would call this a syntax error; it is an empty file, like any other.
            raise InputError(Messages.D201, code="D201")
        parsed: Any = feedparser.parse(data)
    except InputError as exc:
        yield error(name, exc)
        return
    entries = list(parsed.get("entries", []))
    if not entries:
        detail = str(parsed.get("bozo_exception") or "no entries")
        yield error(name, InputError(Messages.D211.format(detail=detail), code="D211"))
        return
    feed_title = parsed.get("feed", {}).get("title")
    for number, entry in enumerate(entries, start=1):
        origin = f"{name}#{number}"
        content = entry.get("content") or []
        raw = content[0].get("value") if content else entry.get("summary", "")
        try:
            text = html_fragment_to_text(raw or "")
            published = entry.get("published_parsed") or entry.get("updated_parsed")
            date = f"{published.tm_year:04d}-{published.tm_mon:02d}-{published.tm_mday:02d}" if published else None
            yield make_article(
                text,
                title=entry.get("title"),
                date=date or entry.get("published"),
                source=feed_title,
                url=entry.get("link"),
                origin=origin,
                ref=entry.get("id"),
            )
        except InputError as exc:
            yield error(origin, exc)


_BLOCKS = ("p", "div", "br", "li", "blockquote", "pre", "tr", "h1", "h2", "h3", "h4", "h5", "h6")
_BREAK = "\n\n"


def html_fragment_to_text(fragment: str) -> str:
    """Text of a short HTML snippet (a feed entry), paragraphs kept apart; plain text passes through."""
    if "<" not in fragment:
        return fragment
    # Not trafilatura.html2txt: it folds the whole snippet onto one line, paragraphs and all.
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, "script", "style", etree.Comment, with_tail=False)
    for block in root.iter(*_BLOCKS):
        block.text = _BREAK + (block.text or "")
        block.tail = _BREAK + (block.tail or "")
    return _BREAK.join(" ".join(part.split()) for part in root.text_content().split(_BREAK) if part.strip())


# --- corpora: one article per record -----------------------------------------------------------


def read_jsonl(name: str, stream: IO[bytes], fields: FieldMap, limits: Limits) -> Iterator[Item]:
    """JSON Lines, one record per line; a bad line is reported with its number and skipped."""
    empty = True
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        empty = False
        origin = f"{name}:{number}"
        try:
            limits.check(len(raw))
            line = decode_bytes(raw)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(Messages.D204.format(detail=exc.msg), code="D204") from exc
            if not isinstance(record, dict):
                raise InputError(Messages.D213, code="D213")
            yield record_to_article(record, fields, origin)
        except InputError as exc:
            yield error(name, exc, number)
    if empty:
        # An empty corpus is reported like an empty document, not passed over in silence.
        yield error(name, InputError(Messages.D201, code="D201"))


def read_csv(name: str, stream: IO[bytes], fields: FieldMap, limits: Limits) -> Iterator[Item]:
    """CSV with a header row; a row with no text is reported with its line number and skipped."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    encoding = _sniff_encoding(stream)
    text_stream = io.TextIOWrapper(stream, encoding=encoding, errors="strict", newline="")
    try:
        yield from _csv_rows(name, csv.DictReader(text_stream), fields, limits)
    finally:
        # The caller owns the byte stream and closes it; the wrapper must not close it a second time.
        text_stream.detach()


def _csv_rows(name: str, reader: csv.DictReader[str], fields: FieldMap, limits: Limits) -> Iterator[Item]:
    try:
        header = reader.fieldnames
    except (UnicodeDecodeError, csv.Error) as exc:
        yield error(name, InputError(Messages.D214.format(detail=exc), code="D214"), 1)
        return
    if not header or not "".join(header).strip():  # a blank first line is no header: the file is empty
        yield error(name, InputError(Messages.D201, code="D201"))
        return
    if fields.text not in header:
        yield error(name, InputError(Messages.D206.format(field=fields.text), code="D206"), 1)
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except (UnicodeDecodeError, csv.Error) as exc:
            # The file cannot be read past this point; what came before is kept.
            yield error(name, InputError(Messages.D214.format(detail=exc), code="D214"), reader.line_num)
            return
        origin = f"{name}:{reader.line_num}"
        try:
            if row.get(fields.text) is None:
                raise InputError(Messages.D206.format(field=fields.text), code="D206")
            limits.check(len(row[fields.text]))
            yield record_to_article(row, fields, origin)
        except InputError as exc:
            yield error(name, exc, reader.line_num)


def record_to_article(record: dict[str, Any], fields: FieldMap, origin: str) -> Article:
    text = record.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        raise InputError(Messages.D205.format(field=fields.text), code="D205")
    return make_article(
        text,
        title=record.get(fields.title),
        date=record.get(fields.date),
        source=record.get(fields.source),
        url=record.get(fields.url),
        lang=record.get(fields.lang),
        origin=origin,
        ref=record.get(fields.id),
    )


def _sniff_encoding(stream: IO[bytes]) -> str:
    """UTF-8 unless the head of the stream says otherwise (the stream is rewound or buffered)."""
    peek = getattr(stream, "peek", None)
    head = peek(65536)[:65536] if peek else b""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(head).best()
    return best.encoding if best and best.encoding else "utf-8"
