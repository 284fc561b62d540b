"""The typed records that pass between detente's stages.

Every record is frozen: a stage never edits what an earlier stage produced, it makes new records.
Every record that comes from text keeps its provenance (article id, sentence index, character span),
so any figure detente shows can be traced back to the words it came from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

ResolvedBy = Literal["dictionary", "title", "coreference", "unknown"]
Modality = Literal["asserted", "future", "hypothetical", "reported"]
MotiveCategory = Literal["goal", "need", "fear", "benefit"]


def content_id(*parts: object, length: int = 24) -> str:
    """A stable id made from the parts that define a record (same parts, same id, in every run)."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One news report or analysis piece, as read from a file, a corpus row or a feed entry.

    `id` is the hash of the normalised text, so the same story read twice has the same id.
    `origin` says where it was read from (path, with `:line` for corpus rows) for error reports;
    `ref` is the id the record had in its own corpus, when it had one.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    lang: str = "en"
    origin: str | None = None
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical political actor: a state's government, an organisation, a person or a group.

    `country` is an ISO 3166 alpha-3 code, or IGO/NGO/IMG/MNC for actors with no country.
    `sector` is a PLOVER sector code (GOV, MIL, REB, ...); `cameo` a CAMEO group code (HMS for Hamas).
    """

    id: str
    name: str
    kind: Literal["state", "organisation", "person", "group", "unknown"]
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    cameo: str | None = None
    parent: str | None = None  # the organisation this one is part of (Hamas for its political bureau)

    @property
    def code(self) -> str:
        """The PLOVER code written CAMEO-style: country then sector (e.g. IRNGOV)."""
        return f"{self.country or '---'}{self.sector or ''}"

    @property
    def cameo_code(self) -> str:
        """The full CAMEO-style code, with the group code where the actor has one (PSEREBHMS for Hamas)."""
        return self.code + (self.cameo or "")


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in a sentence that name an actor, with how the actor was found.

    `actor` is who acts: a government, an organisation, a sector of a state. When the words name a
    person, `person` is that person and `actor` the body they spoke or acted for on the article's
    date ("Zarif" in 2015: the person Zarif, acting for Iran's government).
    """

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor: Actor | None
    resolved_by: ResolvedBy
    person: Actor | None = None

    @property
    def id(self) -> str:
        return content_id("mention", self.article_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one PLOVER event between a source and (optionally) a target."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    type: str
    source: Mention
    target: Mention | None
    evidence: str
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    negated: bool = False
    modality: Modality = "asserted"
    date: dt.date | None = None
    place: Place | None = None
    confidence: float = 1.0
    rule_id: str | None = None

    @property
    def id(self) -> str:
        target = self.target.start if self.target else None
        return content_id("event", self.article_id, self.start, self.type, self.source.start, target)


@dataclass(frozen=True, slots=True)
class Motive:
    """What an actor wants, needs, fears or gains, as a sentence states it."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    actor: Mention
    goal: str
    category: MotiveCategory
    evidence: str
    concerns: Mention | None = None
    polarity: int = 1
    modality: Modality = "asserted"
    date: dt.date | None = None
    rule_id: str | None = None

    @property
    def id(self) -> str:
        return content_id("motive", self.article_id, self.start, self.actor.start, self.goal)


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with everything the coding stages found in it."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    motives: tuple[Motive, ...] = ()

    @property
    def actors(self) -> tuple[Actor, ...]:
        seen: dict[str, Actor] = {}
        for mention in self.mentions:
            for actor in (mention.actor, mention.person):
                if actor is not None:
                    seen.setdefault(actor.id, actor)
        return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input item that could not be read: where it was, and why."""

    path: str
    reason: str
    code: str
    line: int | None = None

    @property
    def id(self) -> str:
        return content_id("error", self.path, self.line, self.code)


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest run did, in counts."""

    run_id: str
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    failed: int = 0
    events: int = 0
    interrupted: bool = False
    errors: tuple[IngestError, ...] = field(default=())

    @property
    def read(self) -> int:
        return self.new + self.duplicate + self.near_duplicate
