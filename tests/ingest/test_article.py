"""Building articles: the size limit on one document, and the checks every format shares."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest

from detente.errors import InputError, Messages
from detente.ingest import Item, Limits, ReadOptions, article_id, make_article, read_sources
from detente.models import Article, IngestError

HERDERS = "Herders in the Tarn valley still wait at the river crossing."
MB = 1024 * 1024


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a 50 MB text file and a small one after it (written once for the module)."""
    folder = tmp_path_factory.mktemp("big")
    chunk = (b"The envoys met again in Orsk and talked until late. " * (MB // 50))[:MB]
    with (folder / "a-huge.txt").open("wb") as out:
        for _ in range(50):
            out.write(chunk)
    (folder / "b-small.txt").write_text(HERDERS, encoding="utf-8")
    return folder


def test_50_mb_document_is_d208_without_being_read_whole(big_folder: Path) -> None:
    huge = big_folder / "a-huge.txt"
    assert huge.stat().st_size == 50 * MB
    tracemalloc.start()
    try:
        items: list[Item] = list(read_sources([str(big_folder)], ReadOptions()))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == [
        IngestError(path=str(huge), reason=Messages.D208.format(size_mb=50.0, limit_mb=10.0), code="D208"),
        Article(id=article_id(HERDERS), text=HERDERS, origin=str(big_folder / "b-small.txt")),
    ]
    assert peak < 15 * MB  # the head up to the limit, never the whole file


def test_higher_limit_is_reported_in_the_error(big_folder: Path) -> None:
    [item] = read_sources([str(big_folder / "a-huge.txt")], ReadOptions(limits=Limits(max_mb=2.5)))
    assert item == IngestError(
        path=str(big_folder / "a-huge.txt"),
        reason="document too large: 50.0 MB is over the 2.5 MB limit (raise it with --max-mb)",
        code="D208",
    )


def test_limits_check() -> None:
    limits = Limits(max_mb=1)
    limits.check(MB)  # at the limit is fine
    with pytest.raises(InputError) as info:
        limits.check(MB + 1)
    assert info.value.code == "D208"


def test_make_article_cleans_and_parses() -> None:
    article = make_article(
        "  Envoys met.\r\n\r\n\r\nThey  agreed.  ",
        title="  Talks\tresume ",
        date="3 January 2016",
        source="",
        url=None,
        lang=None,
        ref=7,
        origin="x.txt",
    )
    assert article == Article(
        id=article_id("Envoys met.\n\nThey agreed."),
        text="Envoys met.\n\nThey agreed.",
        title="Talks resume",
        date=dt.date(2016, 1, 3),
        source=None,
        url=None,
        lang="en",
        origin="x.txt",
        ref="7",
    )


def test_make_article_without_text_is_d201() -> None:
    with pytest.raises(InputError) as info:
        make_article("\u200b \n\ufeff\t")
    assert info.value.code == "D201"
