"""Clean text for storage, and content ids that ignore case, width and spacing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.ingest import ReadOptions, article_id, clean_text, read_sources
from detente.models import Article

STORY = "Envoys from Arland and Borvia met in Orsk on Sunday.\n\nThey agreed to meet again after the harvest."


@pytest.mark.parametrize(
    "variant",
    [
        STORY.replace("\n", "\r\n"),
        STORY.replace("\n", "\r"),
        STORY.upper(),
        "   " + STORY.replace(" ", "  \t ") + "\n\n\n",
        STORY.replace("\n\n", " "),
        STORY.replace(" ", "\u00a0"),
        STORY.replace("Envoys", "Ｅｎｖｏｙｓ"),  # full-width letters
    ],
    ids=["crlf", "cr", "upper", "spaces", "one-paragraph", "nbsp", "full-width"],
)
def test_same_story_gets_the_same_id(variant: str) -> None:
    assert article_id(variant) == article_id(STORY)
    assert article_id(clean_text(variant)) == article_id(STORY)


@pytest.mark.parametrize(
    "other",
    [
        STORY.replace("Sunday", "Monday"),
        STORY.replace("Borvia", "Borvia,"),
        STORY + " Nothing was signed.",
        "They agreed to meet again after the harvest.\n\nEnvoys from Arland and Borvia met in Orsk on Sunday.",
    ],
    ids=["word", "comma", "longer", "reordered"],
)
def test_different_stories_get_different_ids(other: str) -> None:
    assert article_id(other) != article_id(STORY)


def test_id_is_24_hex_characters() -> None:
    assert len(article_id(STORY)) == 24
    int(article_id(STORY), 16)


def test_same_story_in_two_formats_is_the_same_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY.upper().replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    first, second = read_sources([str(tmp_path)], ReadOptions())
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id == article_id(STORY)
    assert first.text == STORY.upper()  # the stored text keeps its case


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("One.\r\n\r\nTwo.", "One.\n\nTwo."),
        ("One.\n\n\n\n\nTwo.\nStill two.", "One.\n\nTwo.\nStill two."),
        ("  a \t b\u00a0\u00a0c  \n  d  ", "a b c\nd"),
        ("\ufeffzero\u200dwidth\u2060gone", "zerowidthgone"),
        ("cafe\u0301", "café"),  # NFC
        ("\n \n\t\n", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean
    assert clean_text(clean) == clean
