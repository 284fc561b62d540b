"""Text clean-up for storage, and the normalised form whose hash is an article's id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_WS = re.compile(r"\s+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200c\u200d\u2060\ufeff"), None)


def clean_text(text: str) -> str:
    """The text as stored: NFC, Unix newlines, runs of spaces folded, at most one blank line.

    Character offsets of sentences, mentions and events refer to this text.
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def normalise_for_id(text: str) -> str:
    """What must be equal for two texts to be the same story: case, width and spacing are ignored."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def article_id(text: str) -> str:
    """Article id: the hash of the normalised text (the same story read twice gets the same id)."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:24]
