"""Which lines of an article are headings, not sentences of the story."""

from __future__ import annotations

import pytest

from detente.nlp.layout import MAX_HEADING_WORDS, headings

STORY = """Envoys meet again

Egypt and Qatar hosted a new round of talks in Cairo on Monday. Both sides said progress was made.

A second round in Doha

The delegations will meet again in Doha next week, officials said.

Will the truce hold?
"""


def _lines(text: str) -> list[str]:
    return [text[a:b] for a, b in headings(text)]


def test_short_lines_that_end_no_sentence_are_headings() -> None:
    assert _lines(STORY) == ["Envoys meet again", "A second round in Doha"]


def test_a_single_paragraph_is_all_story() -> None:
    assert headings("Egypt hosted talks in Cairo") == []


@pytest.mark.parametrize(
    "line",
    [
        "Egypt hosted talks in Cairo.",  # a sentence
        "Egypt hosted talks in Cairo, officials said:",  # it goes on below
        "He said: 'The talks went well.'",  # closing quote after the full stop
        " ".join(["word"] * (MAX_HEADING_WORDS + 1)),  # a sentence that lost its full stop
    ],
)
def test_lines_that_are_sentences_are_not_headings(line: str) -> None:
    assert headings(f"{line}\n\nThe talks ended on Tuesday.") == []


def test_a_paragraph_of_several_lines_is_not_a_heading() -> None:
    assert headings("Talks in Cairo\nand Doha\n\nThe talks ended on Tuesday.") == []
