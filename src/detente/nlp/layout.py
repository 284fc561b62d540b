"""The layout of an article's text: which lines are headings rather than sentences of the story.

A subheading ("A Hamas visit to Tehran") restates, in a few words, what the story tells in full
below it, and a related-link line names another story; coding either would count an act twice or
code a story that is not this one. A heading is a paragraph of its own, a single short line that
does not end a sentence, in a text of more than one paragraph (a one-paragraph text is all story).
"""

from __future__ import annotations

import re

__all__ = ["MAX_HEADING_WORDS", "headings"]

MAX_HEADING_WORDS = 14
"""A line of more words is a sentence whose full stop was lost, not a heading."""

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
# What ends a sentence: a full stop, question or exclamation mark or colon, before any closing
# quotes or brackets ("... in Gaza.'" still ends one).
_SENTENCE_END = re.compile(r"""[.!?:;…]["'”’)\]]*\s*$""")


def headings(text: str) -> list[tuple[int, int]]:
    """Character spans of the heading lines of `text`, in order."""
    paragraphs = [m for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    if len(paragraphs) < 2:
        return []
    found = []
    for match in paragraphs:
        line = match.group()
        if "\n" in line.strip() or _SENTENCE_END.search(line):
            continue
        if len(line.split()) > MAX_HEADING_WORDS:
            continue
        found.append((match.start(), match.end()))
    return found
