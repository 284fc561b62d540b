"""What a goal phrase says: its content words, so that two wordings of one goal can be compared.

Shared by the motive scorer (`detente.evaluate.motives`) and the grouping of motives in
explanations (`detente.explain.motives`), so that "the same goal" means one thing in detente.
Content words are the lower-cased words of a goal, without function words
(`data/goals/function_words.txt`) or words that only announce a goal (want, seek, aim, ...), each
cut by a small suffix rule (possessive, plural, -ing, -ed, final -e: "rebuilding" and "rebuilds"
are "rebuild"). This module loads nothing heavy: commands that read the store use it.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

GOAL_WORDS = frozenset({"want", "wants", "seek", "seeks", "aim", "aims", "goal", "hope", "hopes", "try", "tries"})
"""Words that introduce a goal rather than say what it is."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.cache
def function_words() -> frozenset[str]:
    text = resources.files("detente").joinpath("data/goals/function_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def content_words(text: str) -> frozenset[str]:
    """The stems of the words of a goal that say what the goal is."""
    skip = function_words() | GOAL_WORDS
    words = (w.casefold() for w in _WORD.findall(text))
    return frozenset(stem(w) for w in words if w not in skip and len(w) > 1)


def stem(word: str) -> str:
    # A few suffixes, not a real stemmer: enough for "rebuild"/"rebuilding", "pressure"/"pressures".
    for mark in ("'s", "’s"):
        word = word.removesuffix(mark)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word
