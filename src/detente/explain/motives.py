"""Grouping motives that say the same thing ("rebuild its standing" / "rebuilding its regional standing").

Two goals say the same thing when they share at least half of the content words of the shorter one,
with content words as the motive scorer reads them (`detente.goals.content_words`), so
that "the same goal" means one thing across detente. Groups are formed greedily in date order: a
motive joins the first group whose words it matches, and the group keeps the union of its words.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from detente.goals import content_words


@dataclass(frozen=True)
class Evidence:
    """Where a statement comes from: the article, the sentence and its text."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    date: dt.date | None = None
    url: str | None = None
    source: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any], *, date: dt.date | None = None) -> Evidence:
        """From a stored row's columns (`evidence` is the sentence; `url` and `article_source` when
        the article was joined)."""
        return cls(
            article_id=row["article_id"],
            sentence_index=int(row["sentence_index"]),
            start=int(row["start"]),
            end=int(row["end"]),
            text=row["evidence"],
            date=date if date is not None else row.get("date"),
            url=row.get("url"),
            source=row.get("article_source"),
        )


@dataclass(frozen=True)
class MotiveGroup:
    """Motives of one actor that say the same thing, with every sentence that says it."""

    actor: str
    goal: str  # the first wording found
    polarity: int  # 1: wants it; -1: does not want it
    categories: tuple[str, ...]
    wordings: tuple[str, ...]
    concerns: tuple[str, ...]
    evidence: tuple[Evidence, ...]  # the first sentences of each wording (all, in a small store)
    statements: int = 0  # how many sentences state it; at least as many as `evidence`

    @property
    def mentions(self) -> int:
        return max(self.statements, len(self.evidence))


@dataclass
class _Open:
    words: set[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


def same_goal(first: frozenset[str] | set[str], second: frozenset[str] | set[str]) -> bool:
    """Half the shorter goal's content words are shared, and two of them unless a goal has only one
    ("end the crisis" and "end the sanctions" share a verb, not a goal)."""
    if not first or not second:
        return False
    shorter = min(len(first), len(second))
    needed = max(math.ceil(shorter / 2), min(2, shorter))
    return len(first & second) >= needed


def group_motives(rows: Iterable[dict[str, Any]]) -> list[MotiveGroup]:
    """Stored motive rows (flat `motives` columns, plus `url`/`article_source` when joined) in groups,
    the most often stated first."""
    groups: list[_Open] = []
    for row in rows:
        words = set(content_words(row["goal"]))
        for group in groups:
            # What an actor does not want is never grouped with what it wants.
            if group.rows[0].get("polarity", 1) == row.get("polarity", 1) and same_goal(group.words, words):
                group.rows.append(row)
                group.words |= words
                break
        else:
            groups.append(_Open(words=words, rows=[row]))
    built = [_build(g.rows) for g in groups]
    built.sort(key=lambda g: -g.mentions)  # stable: equal counts stay in date order
    return built


def _build(rows: list[dict[str, Any]]) -> MotiveGroup:
    first = rows[0]
    return MotiveGroup(
        actor=first.get("actor_name") or first.get("actor_id") or "",
        goal=first["goal"],
        polarity=int(first.get("polarity") or 1),
        statements=sum(int(r.get("weight", 1)) for r in rows),
        categories=tuple(dict.fromkeys(r["category"] for r in rows)),
        wordings=tuple(dict.fromkeys(r["goal"] for r in rows)),
        concerns=tuple(dict.fromkeys(r["concerns_name"] for r in rows if r.get("concerns_name"))),
        evidence=tuple(Evidence.from_row(r) for r in rows),
    )
