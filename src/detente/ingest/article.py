"""Building an Article from what a reader found, with the checks every format shares."""

from __future__ import annotations

from dataclasses import dataclass

from detente.errors import InputError, Messages
from detente.ingest.dates import parse_date
from detente.ingest.normalize import article_id, clean_text
from detente.models import Article


@dataclass(frozen=True, kw_only=True)
class Limits:
    """Size limits on one document. A longer text is refused with a clear error, never truncated.

    `min_page_chars`: a web page whose main text is shorter than this holds no article, only the
    crumbs of menus and footers that the extractor falls back on.
    """

    max_mb: float = 10.0
    min_page_chars: int = 40

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1024 * 1024)

    def check(self, size: int) -> None:
        if size > self.max_bytes:
            raise InputError(Messages.D208.format(size_mb=size / 1024 / 1024, limit_mb=self.max_mb), code="D208")


def make_article(
    text: str,
    *,
    title: object = None,
    date: object = None,
    source: object = None,
    url: object = None,
    lang: object = None,
    origin: str | None = None,
    ref: object = None,
) -> Article:
    """An Article with cleaned text and its content id; raises InputError D201 if no text is left."""
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError(Messages.D201, code="D201")
    return Article(
        id=article_id(cleaned),
        text=cleaned,
        title=_str_or_none(title),
        date=parse_date(date),
        source=_str_or_none(source),
        url=_str_or_none(url),
        lang=_str_or_none(lang) or "en",
        origin=origin,
        ref=_str_or_none(ref),
    )


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = clean_text(str(value))
    return text or None
