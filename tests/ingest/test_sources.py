"""Where input comes from: directories, .gz files, stdin, odd suffixes, missing paths and URLs."""

from __future__ import annotations

import dataclasses
import functools
import gzip
import io
import json
import os
import sys
import threading
import types
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from detente.errors import Messages, UsageError
from detente.ingest import Item, Limits, ReadOptions, UrllibFetcher, article_id, read_sources
from detente.models import Article, IngestError

TALKS = "Envoys from Arland and Borvia met in Orsk on Sunday."
HERDERS = "Herders in the Tarn valley still wait at the river crossing."


def read(*paths: str | Path, **options: object) -> list[Item]:
    return list(read_sources([str(p) for p in paths], ReadOptions(**options)))  # type: ignore[arg-type]


def texts(items: list[Item]) -> list[str]:
    return [item.text for item in items if isinstance(item, Article)]


def codes(items: list[Item]) -> list[tuple[str, str, int | None]]:
    return [(item.path, item.code, item.line) for item in items if isinstance(item, IngestError)]


# --- directories ---------------------------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order_without_hidden_files(tmp_path: Path) -> None:
    files = {
        "b.txt": "Second file at the top.",
        "a.txt": "First file at the top.",
        "zeta/inner.txt": "File in the later folder.",
        "alpha/deeper/leaf.txt": "File two folders down.",
        "alpha/one.txt": "File in the first folder.",
        ".hidden.txt": "Hidden file at the top.",
        ".git/config.txt": "File in a hidden folder.",
        "alpha/.draft.txt": "Hidden file in a folder.",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    items = read(tmp_path)
    # Files of a folder first (sorted), then its folders (sorted), depth first.
    order = ["a.txt", "b.txt", "alpha/one.txt", "alpha/deeper/leaf.txt", "zeta/inner.txt"]
    assert [item.origin for item in items if isinstance(item, Article)] == [str(tmp_path / n) for n in order]
    assert texts(items) == [files[n] for n in order]
    assert read(tmp_path) == items  # the same order on every run


# --- compressed files ----------------------------------------------------------------------------

PAGE = (
    "<html><head><title>River plan agreed</title></head><body><article><h1>River plan agreed</h1>"
    "<p>The water ministers of Arland and Borvia signed a plan on Sunday to share the river in dry months.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("talks.txt", f"---\ntitle: Talks\n---\n{TALKS}\n", [TALKS]),
        (
            "wire.jsonl",
            json.dumps({"id": "w1", "text": TALKS}) + "\n" + json.dumps({"text": HERDERS}) + "\n",
            [TALKS, HERDERS],
        ),
        ("desk.csv", f'id,text\n1,"{TALKS}"\n2,"{HERDERS}"\n', [TALKS, HERDERS]),
        (
            "river.html",
            PAGE,
            ["The water ministers of Arland and Borvia signed a plan on Sunday to share the river in dry months."],
        ),
    ],
)
def test_gz_file_reads_like_the_plain_file(tmp_path: Path, name: str, content: str, expected: list[str]) -> None:
    plain = tmp_path / "plain" / name
    packed = tmp_path / "packed" / f"{name}.gz"
    plain.parent.mkdir()
    packed.parent.mkdir()
    plain.write_text(content, encoding="utf-8")
    packed.write_bytes(gzip.compress(content.encode("utf-8")))
    from_plain, from_packed = read(plain), read(packed)
    assert texts(from_packed) == expected
    assert len(from_packed) == len(expected)
    assert [dataclasses.replace(a, origin=None) for a in from_packed if isinstance(a, Article)] == [
        dataclasses.replace(a, origin=None) for a in from_plain if isinstance(a, Article)
    ]
    assert [a.origin for a in from_packed if isinstance(a, Article)] == [
        str(a.origin).replace(str(plain), str(packed)) for a in from_plain if isinstance(a, Article)
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"this was never gzipped",
        gzip.compress(TALKS.encode() * 20)[:-12],
        b"\x1f\x8b\x08\x00" + bytes(range(40)),
    ],
    ids=["not-gzip", "truncated", "bad-deflate"],
)
def test_corrupt_gz_is_d215_and_the_next_file_is_read(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "a.txt.gz").write_bytes(data)
    (tmp_path / "b.txt").write_text(HERDERS, encoding="utf-8")
    items = read(tmp_path)
    assert codes(items) == [(str(tmp_path / "a.txt.gz"), "D215", None)]
    assert items[0].reason.startswith("compressed file is corrupt: ")  # type: ignore[union-attr]
    assert texts(items) == [HERDERS]


def test_corrupt_jsonl_gz_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": n, "text": f"Report {n} on the talks in Orsk."}) + "\n" for n in range(3000))
    packed = gzip.compress(lines.encode())
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    items = read(path)
    assert items[-1] == IngestError(
        path=str(path),
        reason=Messages.D215.format(detail="Compressed file ended before the end-of-stream marker was reached"),
        code="D215",
    )
    good = items[:-1]
    assert len(good) > 100
    assert [a.ref for a in good if isinstance(a, Article)] == [str(n) for n in range(len(good))]


# --- stdin ---------------------------------------------------------------------------------------


def test_stdin_sniffed_as_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "s1", "text": TALKS}) + "\n" + json.dumps({"id": "s2", "text": HERDERS}) + "\n"
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data.encode())))
    assert read("-") == [
        Article(id=article_id(TALKS), text=TALKS, origin="<stdin>:1", ref="s1"),
        Article(id=article_id(HERDERS), text=HERDERS, origin="<stdin>:2", ref="s2"),
    ]


def test_stdin_sniffed_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    data = f"---\ndate: 2016-01-03\n---\n{TALKS}\n\n{HERDERS}\n"
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(data.encode())))
    [item] = read("-")
    assert isinstance(item, Article)
    assert (item.text, item.origin, str(item.date)) == (f"{TALKS}\n\n{HERDERS}", "<stdin>", "2016-01-03")


# --- choosing a reader ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "input_format", "expected"),
    [
        ("export.data", f"id,text\n1,{TALKS}\n2,{HERDERS}\n", "csv", [TALKS, HERDERS]),
        ("page.asp", f"<head><title>T</title></head><body><p>{TALKS}</p></body>", "html", [TALKS]),
        ("records.log", f'"a bare string"\n{json.dumps({"text": TALKS})}\n', "jsonl", ["D213", TALKS]),
        ("notes.json", '{"text": "braces, but meant as prose"}', "txt", ['{"text": "braces, but meant as prose"}']),
    ],
)
def test_input_format_forces_the_reader(
    tmp_path: Path, name: str, content: str, input_format: str, expected: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    forced = read(path, input_format=input_format)
    assert [item.text if isinstance(item, Article) else item.code for item in forced] == expected
    # Left to itself, the reader picks something else for this file.
    assert read(path) != forced


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (json.dumps({"text": TALKS}) + "\n" + json.dumps({"text": HERDERS}) + "\n", [TALKS, HERDERS]),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
            f"<item><title>T</title><description>{TALKS}</description></item></channel></rss>",
            [TALKS],
        ),
        (f"<!DOCTYPE html><html><body><article><p>{HERDERS}</p></article></body></html>", [HERDERS]),
        (f"{TALKS}\n", [TALKS]),
    ],
    ids=["jsonl", "rss", "html", "text"],
)
def test_file_without_suffix_is_sniffed(tmp_path: Path, content: str, expected: list[str]) -> None:
    path = tmp_path / "README"
    path.write_text(content, encoding="utf-8")
    items = read(path)
    assert texts(items) == expected
    assert len(items) == len(expected)


def test_sniffed_corpus_is_read_past_the_document_limit(tmp_path: Path) -> None:
    # A JSONL corpus without its suffix is sniffed from the head; the rest must still be read.
    path = tmp_path / "corpus"
    records = [{"id": n, "text": f"Report {n}: envoys met again in Orsk to talk about the border."} for n in range(400)]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert path.stat().st_size > 2 * Limits(max_mb=0.01).max_bytes
    items = read(path, limits=Limits(max_mb=0.01))
    assert codes(items) == []
    assert [item.ref for item in items if isinstance(item, Article)] == [str(n) for n in range(400)]


def test_unknown_input_format_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        read(tmp_path, input_format="docx")
    assert info.value.code == "D102"
    assert "'docx'" in str(info.value)


# --- paths that cannot be read -------------------------------------------------------------------


def test_missing_path_is_d210_and_the_next_path_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(HERDERS, encoding="utf-8")
    missing = tmp_path / "gone.txt"
    assert read(missing, good) == [
        IngestError(path=str(missing), reason=Messages.D210, code="D210"),
        Article(id=article_id(HERDERS), text=HERDERS, origin=str(good)),
    ]


@pytest.mark.parametrize(
    ("make", "detail"),
    [
        (lambda d: d / "file.txt" / "child", "Not a directory"),
        (lambda d: d / ("n" * 300 + ".txt"), "File name too long"),
        (lambda d: d / "loop.txt", "Too many levels of symbolic links"),
    ],
    ids=["inside-a-file", "name-too-long", "symlink-loop"],
)
def test_unreadable_path_is_d209(tmp_path: Path, make: object, detail: str) -> None:
    (tmp_path / "file.txt").write_text(TALKS, encoding="utf-8")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    path = make(tmp_path)  # type: ignore[operator]
    good = tmp_path / "file.txt"
    assert read(path, good) == [
        IngestError(path=str(path), reason=Messages.D209.format(detail=detail), code="D209"),
        Article(id=article_id(TALKS), text=TALKS, origin=str(good)),
    ]


def test_broken_symlink_in_a_directory_is_d209_and_its_neighbours_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "b.txt")
    (tmp_path / "c.txt").write_text(HERDERS, encoding="utf-8")
    items = read(tmp_path)
    assert codes(items) == [(str(tmp_path / "b.txt"), "D209", None)]
    assert texts(items) == [TALKS, HERDERS]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a chmod 000 path")
def test_permission_denied_file_and_folder_are_d209(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Locked file.", encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "inside.txt").write_text("Locked folder.", encoding="utf-8")
    (tmp_path / "d.txt").write_text(HERDERS, encoding="utf-8")
    denied = Messages.D209.format(detail="Permission denied")
    (tmp_path / "b.txt").chmod(0)
    (tmp_path / "c").chmod(0)
    try:
        items = read(tmp_path)
    finally:
        (tmp_path / "c").chmod(0o755)
    assert [i for i in items if isinstance(i, IngestError)] == [
        IngestError(path=str(tmp_path / "b.txt"), reason=denied, code="D209"),
        IngestError(path=str(tmp_path / "c"), reason=denied, code="D209"),
    ]
    assert texts(items) == [TALKS, HERDERS]


# --- URLs ----------------------------------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local Wire</title><link>http://wire.test/</link><description>d</description>
<item><title>Talks resume</title><link>http://wire.test/1</link><pubDate>Sun, 03 Jan 2016 08:00:00 +0000</pubDate>
<description>Envoys met again in Orsk.</description></item>
<item><title>Herders wait</title><link>http://wire.test/2</link><pubDate>Tue, 05 Jan 2016 08:00:00 +0000</pubDate>
<description>Herders still wait at the crossing.</description></item>
</channel></rss>"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # no request log on stderr
        pass


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """A real HTTP server on 127.0.0.1 serving a folder: (folder, base URL)."""
    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_url_without_a_fetcher_is_refused_without_network() -> None:
    url = "http://127.0.0.1:9/feed.xml"
    assert read(url) == [
        IngestError(path=url, reason=Messages.D216.format(detail=Messages.D107.format(url=url)), code="D216", line=None)
    ]


def test_url_feed_from_a_local_http_server(site: tuple[Path, str]) -> None:
    root, base = site
    (root / "feed").write_text(FEED, encoding="utf-8")
    (root / "note.txt").write_text(HERDERS, encoding="utf-8")
    url = f"{base}/feed"
    items = read(url, f"{base}/missing.xml", f"{base}/note.txt", fetcher=UrllibFetcher(timeout=5))
    assert [(a.title, a.url, str(a.date), a.source, a.origin) for a in items if isinstance(a, Article)] == [
        ("Talks resume", "http://wire.test/1", "2016-01-03", "Local Wire", f"{url}#1"),
        ("Herders wait", "http://wire.test/2", "2016-01-05", "Local Wire", f"{url}#2"),
        (None, None, "None", None, f"{base}/note.txt"),
    ]
    assert texts(items) == ["Envoys met again in Orsk.", "Herders still wait at the crossing.", HERDERS]
    [missing] = [i for i in items if isinstance(i, IngestError)]
    assert (missing.path, missing.code) == (f"{base}/missing.xml", "D216")
    assert missing.reason.startswith("cannot fetch URL: HTTP Error 404")


def test_url_fetch_failure_is_d216() -> None:
    # Nothing listens on port 9 of the loopback interface: the connection is refused at once.
    [item] = read("http://127.0.0.1:9/feed.xml", fetcher=UrllibFetcher(timeout=5))
    assert isinstance(item, IngestError)
    assert (item.path, item.code) == ("http://127.0.0.1:9/feed.xml", "D216")
    assert "Connection refused" in item.reason
