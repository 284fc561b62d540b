"""A real detente store filled with rows written by hand, so every count is known in advance.

Used by the analysis, explain and CLI tests through the `written` fixture (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyarrow as pa

from detente.events.ontology import load_ontology
from detente.store import Store

# actor id: (name, kind, country, sector, aliases, cameo)
ACTORS: dict[str, tuple[str, str, str, str, list[str], str | None]] = {
    "IRN": ("Iran", "state", "IRN", "GOV", ["Islamic Republic of Iran"], None),
    "IRN-MIL": ("Iran (military)", "state", "IRN", "MIL", [], None),
    "SAU": ("Saudi Arabia", "state", "SAU", "GOV", ["Kingdom of Saudi Arabia"], None),
    "EGY": ("Egypt", "state", "EGY", "GOV", [], None),
    "PSE": ("Palestine", "state", "PSE", "GOV", [], None),
    "hamas": ("Hamas", "group", "PSE", "REB", ["Islamic Resistance Movement"], "HMS"),
    "hamas-political-bureau": ("Hamas political bureau", "group", "PSE", "REB", [], None),
    "fatah": ("Fatah", "group", "PSE", "PTY", [], None),
}
PARENTS = {"hamas-political-bureau": "hamas"}  # organisations that are part of another


class WrittenStore:
    """Writes articles, actors and event rows straight into the store's tables (other columns NULL)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.con = store.con
        self._events: list[dict[str, Any]] = []
        self._motives: list[dict[str, Any]] = []
        self._mentions: list[dict[str, Any]] = []
        self._articles: dict[str, dict[str, Any]] = {}
        self._write_actors()

    def article(self, article_id: str, date: str | None = None, *, duplicate_of: str | None = None) -> None:
        self._articles[article_id] = {
            "article_id": article_id,
            "date": _day(date),
            "duplicate_of": duplicate_of,
            "text": f"Article {article_id}.",
        }

    def event(
        self,
        article_id: str,
        date: str | None,
        source: str,
        target: str | None,
        type: str,
        intensity: float,
        *,
        mode: str | None = None,
        negated: bool = False,
        modality: str = "asserted",
        sentence: int = 0,
    ) -> str:
        """One stored event row; its quad class comes from the ontology. Returns its event id."""
        event_id = f"e{len(self._events) + 1:03d}"
        if article_id not in self._articles:
            self.article(article_id, date)
        start = 10 * sentence
        self._events.append(
            {
                "event_id": event_id,
                "article_id": article_id,
                "sentence_index": sentence,
                "start": start,
                "end": start + 9,
                "date": _day(date),
                "type": type,
                "mode": mode,
                "quad_class": load_ontology().type(type).quad_class,
                "intensity": float(intensity),
                "negated": negated,
                "modality": modality,
                **_party("source", source),
                **_party("target", target),
                "evidence": f"Sentence {sentence} of {article_id} ({event_id}).",
            }
        )
        return event_id

    def motive(
        self,
        article_id: str,
        date: str | None,
        actor: str,
        goal: str,
        *,
        category: str = "goal",
        concerns: str | None = None,
        polarity: int = 1,
        sentence: int = 0,
    ) -> str:
        """One stored motive row, its evidence naming the goal. Returns its motive id."""
        motive_id = f"m{len(self._motives) + 1:03d}"
        if article_id not in self._articles:
            self.article(article_id, date)
        start = 10 * sentence
        row = {
            "motive_id": motive_id,
            "article_id": article_id,
            "sentence_index": sentence,
            "start": start,
            "end": start + 9,
            "date": _day(date),
            "goal": goal,
            "category": category,
            "polarity": polarity,
            "modality": "asserted",
            **_party("actor", actor),
            **_party("concerns", concerns),
            "evidence": f"{ACTORS[actor][0]} wants to {goal} ({motive_id}).",
        }
        # mentions need a span to count as present, like the coder's rows
        row.update(actor_start=start, actor_end=start + 4)
        if concerns is not None:
            row.update(concerns_start=start + 5, concerns_end=start + 9)
        self._motives.append(row)
        return motive_id

    def mention(self, article_id: str, sentence: int, actor: str) -> None:
        """A stored mention of an actor in a sentence (what "named in the same sentence" reads)."""
        self._mentions.append(
            {
                "mention_id": f"n{len(self._mentions) + 1:03d}",
                "article_id": article_id,
                "sentence_index": sentence,
                "start": 10 * sentence,
                "end": 10 * sentence + 4,
                "text": ACTORS[actor][0],
                "actor_id": actor,
            }
        )

    def flush(self) -> None:
        """Write everything added since the last flush."""
        self._insert("articles", list(self._articles.values()))
        self._insert("events", self._events)
        self._insert("motives", self._motives)
        self._insert("mentions", self._mentions)
        for rows in (self._articles, self._events, self._motives, self._mentions):
            rows.clear()

    def _write_actors(self) -> None:
        rows = [
            {
                "actor_id": actor_id,
                "name": name,
                "kind": kind,
                "country": country,
                "sector": sector,
                "aliases": aliases,
                "cameo": cameo,
                "parent": PARENTS.get(actor_id),
            }
            for actor_id, (name, kind, country, sector, aliases, cameo) in ACTORS.items()
        ]
        self._insert("actors", rows)

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        arrow = pa.Table.from_pylist(rows)
        columns = ", ".join(f'"{name}"' for name in arrow.column_names)
        self.con.register("_written", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _written")
        finally:
            self.con.unregister("_written")


def _party(prefix: str, actor_id: str | None) -> dict[str, Any]:
    if actor_id is None:
        return {f"{prefix}_id": None, f"{prefix}_name": None, f"{prefix}_country": None, f"{prefix}_sector": None}
    name, _, country, sector, _, _ = ACTORS[actor_id]
    return {f"{prefix}_id": actor_id, f"{prefix}_name": name, f"{prefix}_country": country, f"{prefix}_sector": sector}


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
