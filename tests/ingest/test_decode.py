"""Bytes to text: empty and binary files are refused, legacy encodings are detected and decoded."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from detente.errors import InputError, Messages
from detente.ingest import Item, ReadOptions, article_id, read_sources
from detente.ingest.decode import decode_bytes
from detente.models import Article, IngestError

HERDERS = "Herders in the Tarn valley still wait at the river crossing."


def read(path: Path) -> list[Item]:
    return list(read_sources([str(path)], ReadOptions()))


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".csv", ".rss", ""])
@pytest.mark.parametrize("data", [b"", b" \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_file_is_d201(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(data)
    assert read(path) == [IngestError(path=str(path), reason=Messages.D201, code="D201")]


def test_empty_file_does_not_stop_a_directory(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b"\n\n")
    (tmp_path / "b.txt").write_text(HERDERS, encoding="utf-8")
    assert read(tmp_path) == [
        IngestError(path=str(tmp_path / "a.jsonl"), reason=Messages.D201, code="D201"),
        Article(id=article_id(HERDERS), text=HERDERS, origin=str(tmp_path / "b.txt")),
    ]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4096)


@pytest.mark.parametrize(
    ("name", "data", "found"),
    [
        ("chart.png", PNG, "NUL bytes"),
        ("chart.txt", PNG, "NUL bytes"),
        ("notes.txt", b"Envoys met in Orsk.\x00\x00\x00 They agreed to meet again.", "NUL bytes"),
        ("noise.txt", b"Talks \x01\x02\x03\x04\x05\x06\x07\x08 resumed." * 4, "32 control characters"),
    ],
)
def test_binary_file_is_d202(tmp_path: Path, name: str, data: bytes, found: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read(path) == [IngestError(path=str(path), reason=Messages.D202.format(what=found), code="D202")]


LATIN = "Le ministre a déclaré à Genève que la réunion était très productive et que les délégués étaient prêts."
WINDOWS = "The envoy’s “final offer” was refused – the price, €40 million, was too high for the café owners."
GERMAN = "Die Gespräche in Zürich über die Grenzöffnung wurden am Montag fortgesetzt."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (LATIN, "latin-1"),
        (WINDOWS, "cp1252"),
        (GERMAN, "utf-16"),  # Python writes a BOM first
        (GERMAN, "utf-8-sig"),
        (LATIN, "utf-8"),
    ],
)
def test_encodings_are_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "report.txt"
    data = text.encode(encoding)
    path.write_bytes(data)
    assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) == (encoding == "utf-16")
    assert read(path) == [Article(id=article_id(text), text=text, origin=str(path))]


def test_legacy_encoding_in_a_jsonl_line_and_a_csv(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(('{"id": "l1", "text": "' + LATIN + '"}\n').encode("latin-1"))
    (tmp_path / "b.csv").write_bytes(f'id,text\nw1,"{WINDOWS}"\n'.encode("cp1252"))
    assert [(a.ref, a.text) for a in read(tmp_path) if isinstance(a, Article)] == [("l1", LATIN), ("w1", WINDOWS)]


def test_decode_bytes_reports_codes() -> None:
    with pytest.raises(InputError) as empty:
        decode_bytes(b"\r\n ")
    with pytest.raises(InputError) as binary:
        decode_bytes(PNG)
    assert (empty.value.code, binary.value.code) == ("D201", "D202")
    assert str(binary.value) == "[D202] binary data, not text (found NUL bytes)"
