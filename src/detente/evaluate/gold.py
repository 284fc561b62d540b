"""Reading gold files: one JSON record per document or sentence, with events, must-nots and motives.

A record may carry `"linking": true`: it gives the actor words and asks only for the type of the
event between them (see detente.evaluate.events, linking mode).

Old codes in public sets are normalised here, in the scorer, never in the product: the sets use
`JAP` for Japan and `***` for "no sector".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente.errors import InputError, Messages

_OLD_COUNTRY_CODES = {"JAP": "JPN"}
_NO_SECTOR = {"***", "", None}
_WORD = re.compile(r"[\w'’-]+")
_STOP = frozenset({"the", "of", "and", "in", "a", "an", "to", "for", "on", "at", "by", "with", "from", "its", "his"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str | None = None
    text: str | None = None
    country: str | None = None
    sector: str | None = None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the gold actor's words are in the text: the whole phrase if it is there, else each
        content word (gold phrases may skip words: "Jordan's King Abdullah II" for "Jordan's visiting
        King Abdullah II")."""
        words = " ".join((self.text or self.name or "").split())
        if not words:
            return []
        flat = " ".join(text.split())
        if words in flat:
            pattern = re.escape(words).replace(r"\ ", r"\s+")
            return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        spans: list[tuple[int, int]] = []
        for word in _WORD.findall(words):
            if word.casefold() in _STOP or word == "..":
                continue
            spans.extend((m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))
        return spans


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    mode: str | None = None
    symmetric: bool = False
    why: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    must_not: tuple[GoldEvent, ...] = ()
    motives: tuple[tuple[str, str], ...] = ()
    linking: bool = False


def _actor(data: dict[str, Any]) -> GoldActor:
    country = data.get("country")
    sector = data.get("sector")
    return GoldActor(
        name=data.get("name"),
        text=data.get("text"),
        country=_OLD_COUNTRY_CODES.get(country, country) if country else None,
        sector=None if sector in _NO_SECTOR else sector,
    )


def _event(data: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        type=str(data["type"]).upper(),
        sources=tuple(_actor(a) for a in data.get("sources") or ()),
        targets=tuple(_actor(a) for a in data.get("targets") or ()),
        mode=data.get("mode"),
        symmetric=bool(data.get("symmetric", False)),
        why=data.get("why"),
    )


def read_gold(path: str | Path) -> Iterator[GoldRecord]:
    """Records of a gold file; a malformed or undecodable line raises InputError naming the file and line."""
    with Path(path).open("rb") as raw:
        for number, data_line in enumerate(raw, start=1):
            try:
                line = data_line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"gold files are UTF-8 JSON lines; {path}:{number} is not UTF-8", code="D203") from exc
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data["text"], str) or not data["text"].strip():
                    raise TypeError("the record has no text")
                yield GoldRecord(
                    id=str(data["id"]),
                    text=data["text"],
                    date=data.get("date"),
                    events=tuple(_event(e) for e in data.get("events") or ()),
                    must_not=tuple(_event(e) for e in data.get("must_not") or ()),
                    motives=tuple((m["actor"], m["goal"]) for m in data.get("motives") or ()),
                    linking=bool(data.get("linking", False)),
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                detail = f"{path}:{number}: {exc}"
                raise InputError(Messages.D204.format(detail=detail), code="D204") from exc
