"""Where articles come from: paths, directories, .gz files, stdin and (when asked) URLs.

`read_sources` walks what the user named, picks a reader per item and yields Articles and
IngestErrors in a stable order (directories sorted), never stopping at a bad item.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import urllib.request
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from detente.errors import InputError, Messages, UsageError
from detente.ingest.article import Limits
from detente.ingest.formats import (
    FieldMap,
    Item,
    error,
    read_csv,
    read_feed,
    read_html,
    read_jsonl,
    read_text,
)

INPUT_FORMATS = ("auto", "txt", "html", "jsonl", "csv", "feed")

_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


class Fetcher(Protocol):
    """Fetches the bytes at a URL. Only used when the user asks for a URL to be read."""

    def fetch(self, url: str) -> bytes: ...


class UrllibFetcher:
    """The standard library's HTTP client, with a time limit and a size cap."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = 50 * 1024 * 1024) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes

    def fetch(self, url: str) -> bytes:
        request = urllib.request.Request(url, headers={"User-Agent": "detente"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return bytes(response.read(self.max_bytes + 1))


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read sources. `input_format` forces one reader; `fetch` allows URLs."""

    fields: FieldMap = field(default_factory=FieldMap)
    input_format: str = "auto"
    limits: Limits = field(default_factory=Limits)
    fetcher: Fetcher | None = None


def read_sources(paths: Sequence[str], options: ReadOptions | None = None) -> Iterator[Item]:
    """Articles and errors from every path, directory (recursive), `.gz`, `-` (stdin) or URL."""
    options = options or ReadOptions()
    if options.input_format not in INPUT_FORMATS:
        raise UsageError(
            Messages.D102.format(value=options.input_format, choices=", ".join(INPUT_FORMATS)), code="D102"
        )
    for path in paths:
        if path == "-":
            yield from _read_stream("<stdin>", sys.stdin.buffer, options.input_format, options)
        elif path.startswith(("http://", "https://")):
            yield from _read_url(path, options)
        else:
            yield from _read_path(Path(path), options)


def _read_url(url: str, options: ReadOptions) -> Iterator[Item]:
    if options.fetcher is None:
        yield error(url, InputError(Messages.D216.format(detail=Messages.D107.format(url=url)), code="D216"))
        return
    try:
        data = options.fetcher.fetch(url)
    except Exception as exc:  # any network failure is reported per URL, the batch goes on
        yield error(url, InputError(Messages.D216.format(detail=exc), code="D216"))
        return
    kind = options.input_format if options.input_format != "auto" else _sniff(data)
    yield from _read_stream(url, io.BytesIO(data), kind, options)


def _read_path(path: Path, options: ReadOptions) -> Iterator[Item]:
    name = str(path)
    try:
        # Path.exists() is also False for `file.txt/child` or a symlink loop; only ENOENT means missing.
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except FileNotFoundError:
        yield error(name, InputError(Messages.D210, code="D210"))
        return
    except OSError as exc:
        yield error(name, _unreadable(exc))
        return
    if not is_dir:
        yield from _read_file(path, options)
        return
    for child in _walk(path):
        if isinstance(child, OSError):
            yield error(str(child.filename or name), _unreadable(child))
        else:
            yield from _read_file(child, options)


def _unreadable(exc: OSError) -> InputError:
    return InputError(Messages.D209.format(detail=exc.strerror or exc), code="D209")


def _walk(root: Path) -> Iterator[Path | OSError]:
    """Files under a directory, sorted, skipping hidden files and folders.

    A folder that cannot be listed comes out as its OSError (os.walk would pass over it in silence).
    """
    failed: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=failed.append):
        yield from failed
        failed.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for filename in sorted(files):
            if not filename.startswith("."):
                yield Path(folder) / filename
    yield from failed


def _read_file(path: Path, options: ReadOptions) -> Iterator[Item]:
    name = str(path)
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    inner = suffixes[-2] if compressed and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
    kind = options.input_format if options.input_format != "auto" else _SUFFIXES.get(inner, "auto")
    try:
        if compressed:
            with gzip.open(path, "rb") as stream:
                yield from _read_stream(name, _checked_gzip(stream), kind, options)
        else:
            with path.open("rb") as stream:
                yield from _read_stream(name, stream, kind, options)
    except OSError as exc:
        yield error(name, InputError(Messages.D209.format(detail=exc.strerror or exc), code="D209"))


def _checked_gzip(stream: IO[bytes]) -> IO[bytes]:
    """Buffered gzip stream whose corruption surfaces as an InputError where it is read."""
    return io.BufferedReader(_GzipGuard(stream))  # type: ignore[arg-type]


class _GzipGuard(io.RawIOBase):
    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self.inner.read(len(buffer))
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            raise InputError(Messages.D215.format(detail=exc), code="D215") from exc
        buffer[: len(data)] = data
        return len(data)


def _read_stream(name: str, stream: IO[bytes], kind: str, options: ReadOptions) -> Iterator[Item]:
    readers: dict[str, Callable[[], Iterator[Item]]] = {
        "jsonl": lambda: read_jsonl(name, stream, options.fields, options.limits),
        "csv": lambda: read_csv(name, stream, options.fields, options.limits),
    }
    try:
        if kind in readers:
            yield from readers[kind]()
            return
        data = stream.read(options.limits.max_bytes + 1)
        if kind == "auto":
            kind = _sniff(data)
            if kind in readers:
                # A corpus may be far longer than one document's limit: read on past the sniffed head.
                yield from _read_stream(name, io.BufferedReader(_Prefixed(data, stream)), kind, options)
                return
        if len(data) > options.limits.max_bytes:
            # Only the head was read; report the whole size where the file system knows it.
            options.limits.check(max(len(data), _file_size(stream)))
        whole = {"txt": read_text, "html": read_html, "feed": read_feed}[kind]
        yield from whole(name, data, options.limits)
    except InputError as exc:
        yield error(name, exc)


def _file_size(stream: IO[bytes]) -> int:
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError):  # no file behind it (BytesIO, gzip): io.UnsupportedOperation is an OSError
        return 0


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream to sniff it, then the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head = memoryview(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _sniff(data: bytes) -> str:
    """Guess the format of unnamed input (stdin, a URL, a file with an unknown suffix)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    return "txt"
