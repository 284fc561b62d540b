"""Event scoring: do the coded events of a record match its gold events, one to one?

The rules (shared/eval/README.md is the authority; docs/evaluation.md explains them with examples):

- Which coded events count: `counts_as_coded`. Negated and hypothetical events are kept by the coder
  (they are true statements about the text) but they are not claims that something happened, so they
  are neither true nor false positives. Asserted, reported and future events count.
- A coded event matches a gold event when the types are equal (gold `YIELD`, older PLOVER, accepts
  CONCEDE or RETREAT) and each gold actor list is matched by the coded mention (`actor_matches`):
  by canonical name (actor or person name, the name without a "(military)"-style qualifier, id or
  alias, or the mention's own words; case-insensitive), by country code, or, for gold actors given
  as words (`text`), by character overlap of the coded mention with those words. A list of several
  gold actors (a compound actor) is matched when any one of them is. An empty gold `targets` list
  matches a coded event with or without a target: the gold coder saw no target, so naming one is
  not wrong. `symmetric: true` gold events match in either direction.
- Matching is one-to-one per record, by maximum bipartite matching (the largest number of pairs
  possible): a coded event cannot match two gold events, and two identical coded events cannot both
  match one gold event (the second is a false positive).
- Precision, recall and F1 are micro-averaged over the records of a set, and given per type. When a
  set's gold uses `YIELD`, coded CONCEDE and RETREAT are counted under YIELD in the per-type figures.
  A figure with nothing to divide by is 0.0 (and the counts say why).
- A record with no gold events is right only when nothing that counts is coded for it.
- A `must_not` entry is violated when a counting coded event matches it (same rules). Violations are
  reported separately; the event is also a false positive unless it matched a gold event.
- Linking mode (plv-train and records with `"linking": true`): the gold gives the actor words and
  asks for the type of the event between them. The coded event for a gold event is the first
  counting event whose source and target overlap the gold source and target words, in either
  direction (`linking_event`); no such event is a miss. Only these events are scored, with direction
  ignored, and `type_accuracy` is the share of gold events whose linking event has the right type.
  Coding gold records this way (with the gold words as mentions) is `detente.evaluate.run.code_gold`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from detente.evaluate.gold import GoldActor, GoldEvent, GoldRecord
from detente.models import Actor, CodedArticle, Event, Mention

COUNTING_MODALITIES = frozenset({"asserted", "reported", "future"})
"""Modalities of events that claim something happened or will happen (hypothetical ones do not)."""

TYPE_ALIASES: Mapping[str, frozenset[str]] = MappingProxyType({"YIELD": frozenset({"CONCEDE", "RETREAT"})})
"""Gold types of older PLOVER and the current types that are right for them."""

_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def counts_as_coded(event: Event) -> bool:
    """Whether a coded event is a claim that something happened: the one rule for which events are scored.

    Negated events ("did not attack") and hypothetical ones ("could impose sanctions", questions,
    conditionals) are kept by the coder but are not claims; asserted, reported and future events are.
    """
    return not event.negated and event.modality in COUNTING_MODALITIES


def type_matches(gold_type: str, coded_type: str) -> bool:
    """Equal types, or a current type that an older gold type (YIELD) stands for."""
    return gold_type == coded_type or coded_type in TYPE_ALIASES.get(gold_type, ())


def actor_matches(gold: GoldActor, mention: Mention | None, text: str) -> bool:
    """Whether a coded mention is the gold actor: by name, by country code, or by overlap with its words."""
    if mention is None:
        return False
    wanted = {w.casefold() for w in (gold.name, gold.text) if w}
    if wanted & _names(mention):
        return True
    actors = [a for a in (mention.actor, mention.person) if a is not None]
    if gold.country and any(a.country == gold.country for a in actors):
        return True
    # Only words given as words are looked for in the text: a canonical name ("Iran") found inside
    # other words ("Iranian-backed groups") says nothing about this mention.
    if gold.text:
        return any(mention.start < end and start < mention.end for start, end in gold.spans(text))
    return False


def actors_match(golds: Sequence[GoldActor], mention: Mention | None, text: str) -> bool:
    """An empty gold list matches anything (even no actor); a compound one, when any member matches."""
    return not golds or any(actor_matches(g, mention, text) for g in golds)


def event_matches(gold: GoldEvent, event: Event, text: str, *, either_way: bool = False) -> bool:
    """Type and both sides; either direction when the gold event is symmetric (or `either_way`)."""
    if not type_matches(gold.type, event.type):
        return False
    if actors_match(gold.sources, event.source, text) and actors_match(gold.targets, event.target, text):
        return True
    if not (gold.symmetric or either_way) or event.target is None:
        return False
    return actors_match(gold.sources, event.target, text) and actors_match(gold.targets, event.source, text)


def match_events(
    golds: Sequence[GoldEvent], events: Sequence[Event], text: str, *, either_way: bool = False
) -> list[tuple[int, int]]:
    """The largest one-to-one set of (gold index, coded index) pairs that match (Kuhn's algorithm)."""
    edges = [[j for j, e in enumerate(events) if event_matches(g, e, text, either_way=either_way)] for g in golds]
    return maximum_matching(edges, len(events))


def linking_event(gold: GoldEvent, events: Iterable[Event], text: str) -> Event | None:
    """The first counting event between the gold source words and target words, in either direction."""
    sources = gold_spans(gold.sources, text)
    targets = gold_spans(gold.targets, text)
    for event in events:
        if not counts_as_coded(event):
            continue
        forward = overlaps(event.source, sources) and (not gold.targets or overlaps(event.target, targets))
        backward = overlaps(event.source, targets) and overlaps(event.target, sources)
        if forward or backward:
            return event
    return None


@dataclass(frozen=True, slots=True)
class Violation:
    """A `must_not` entry that a counting coded event matched."""

    entry: GoldEvent
    event: Event


@dataclass(frozen=True, kw_only=True)
class RecordResult:
    """What happened on one record: the coded events, which matched, what was missed or wrong.

    `counted` are the coded events that were scored (in linking mode, the linking events only);
    `coded` are all the events the coder returned, counting or not, for error reports.
    """

    record: GoldRecord
    text: str
    coded: tuple[Event, ...]
    counted: tuple[Event, ...]
    matches: tuple[tuple[GoldEvent, Event], ...]
    misses: tuple[GoldEvent, ...]
    false_alarms: tuple[Event, ...]
    violations: tuple[Violation, ...] = ()
    linking: bool = False
    linked: tuple[Event | None, ...] = ()

    @property
    def errors(self) -> int:
        return len(self.misses) + len(self.false_alarms) + len(self.violations)


class _Figures:
    """Precision, recall and F1 from `matched` pairs out of `n_gold` gold and `n_coded` coded events."""

    __slots__ = ()
    n_gold: int
    n_coded: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.n_coded if self.n_coded else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class TypeScore(_Figures):
    """Counts for one event type."""

    n_gold: int = 0
    n_coded: int = 0
    matched: int = 0


@dataclass(frozen=True, kw_only=True)
class EventScore(_Figures):
    """Event figures for a set of records (see the module docstring for the rules)."""

    n_gold: int = 0
    n_coded: int = 0
    matched: int = 0
    per_type: Mapping[str, TypeScore] = field(default_factory=dict)
    no_event_records: int = 0
    no_event_right: int = 0
    linking_gold: int = 0
    linking_right: int = 0
    records: tuple[RecordResult, ...] = ()

    @property
    def no_event_share(self) -> float | None:
        """Share of the records with no gold events for which nothing was coded (None: no such records)."""
        return self.no_event_right / self.no_event_records if self.no_event_records else None

    @property
    def type_accuracy(self) -> float | None:
        """Linking mode: share of gold events whose linking event has the right type (None: no linking records)."""
        return self.linking_right / self.linking_gold if self.linking_gold else None

    @property
    def violations(self) -> tuple[tuple[str, Violation], ...]:
        """Every `must_not` violation, with its record id."""
        return tuple((r.record.id, v) for r in self.records for v in r.violations)

    def worst(self, n: int) -> list[RecordResult]:
        """The `n` records with the most errors, most first (ties in set order); records without errors are left out."""
        ranked = sorted((r for r in self.records if r.errors), key=lambda r: -r.errors)
        return ranked[:n]


def score_record(record: GoldRecord, coded: CodedArticle, *, linking: bool = False) -> RecordResult:
    """Score one record against its coding; `linking` (or the record's own flag) selects linking mode."""
    text = coded.article.text
    linking = linking or record.linking
    counting = [e for e in coded.events if counts_as_coded(e)]
    linked: list[Event | None] = []
    if linking:
        counted: list[Event] = []
        for gold in record.events:
            # By identity: two equal coded events are two claims, and each may link one gold event.
            event = linking_event(gold, (e for e in counting if all(e is not c for c in counted)), text)
            linked.append(event)
            if event is not None:
                counted.append(event)
    else:
        counted = counting
    pairs = match_events(record.events, counted, text, either_way=linking)
    matched_gold = {i for i, _ in pairs}
    matched_coded = {j for _, j in pairs}
    violations = []
    for entry in record.must_not:
        hit = next((e for e in counting if event_matches(entry, e, text)), None)
        if hit is not None:
            violations.append(Violation(entry, hit))
    return RecordResult(
        record=record,
        text=text,
        coded=coded.events,
        counted=tuple(counted),
        matches=tuple((record.events[i], counted[j]) for i, j in pairs),
        misses=tuple(g for i, g in enumerate(record.events) if i not in matched_gold),
        false_alarms=tuple(e for j, e in enumerate(counted) if j not in matched_coded),
        violations=tuple(violations),
        linking=linking,
        linked=tuple(linked),
    )


def score_events(pairs: Iterable[tuple[GoldRecord, CodedArticle]], *, linking: bool = False) -> EventScore:
    """Score records and their coding, paired (hand-built CodedArticles are fine).

    `linking` scores every record in linking mode; records with `"linking": true` are scored so anyway.

    Example:
        >>> score = score_events(zip(read_gold("gold.jsonl"), coded_articles, strict=True))
        >>> score.precision, score.recall, score.f1

    Docs: docs/evaluation.md
    """
    results = [score_record(record, coded, linking=linking) for record, coded in pairs]
    fold_yield = any(g.type in TYPE_ALIASES for r in results for g in r.record.events)

    def key(event_type: str) -> str:
        if fold_yield:
            for old, new in TYPE_ALIASES.items():
                if event_type in new:
                    return old
        return event_type

    n_gold: dict[str, int] = {}
    n_coded: dict[str, int] = {}
    matched: dict[str, int] = {}
    for result in results:
        for gold in result.record.events:
            n_gold[key(gold.type)] = n_gold.get(key(gold.type), 0) + 1
        for event in result.counted:
            n_coded[key(event.type)] = n_coded.get(key(event.type), 0) + 1
        for gold, _ in result.matches:
            matched[key(gold.type)] = matched.get(key(gold.type), 0) + 1
    per_type = {
        t: TypeScore(n_gold=n_gold.get(t, 0), n_coded=n_coded.get(t, 0), matched=matched.get(t, 0))
        for t in sorted({*n_gold, *n_coded})
    }
    no_event = [r for r in results if not r.record.events]
    linking_results = [r for r in results if r.linking]
    return EventScore(
        n_gold=sum(n_gold.values()),
        n_coded=sum(n_coded.values()),
        matched=sum(matched.values()),
        per_type=MappingProxyType(per_type),
        no_event_records=len(no_event),
        no_event_right=sum(1 for r in no_event if not r.counted),
        linking_gold=sum(len(r.record.events) for r in linking_results),
        linking_right=sum(
            1
            for r in linking_results
            for gold, event in zip(r.record.events, r.linked, strict=True)
            if event is not None and type_matches(gold.type, event.type)
        ),
        records=tuple(results),
    )


def _names(mention: Mention) -> set[str]:
    names = {mention.text.casefold()}
    for actor in (mention.actor, mention.person):
        if actor is not None:
            names.update(_actor_names(actor))
    return names


def _actor_names(actor: Actor) -> set[str]:
    # "Israel (military)" is Israel for a gold coder who writes "Israel".
    names = {actor.name, _QUALIFIER.sub("", actor.name), actor.id, *actor.aliases}
    return {n.casefold() for n in names if n}


def gold_spans(actors: Sequence[GoldActor], text: str) -> list[tuple[int, int]]:
    """Where any of the gold actors' words are in the text."""
    return [span for actor in actors for span in actor.spans(text)]


def overlaps(mention: Mention | None, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a mention shares a character with any of the spans."""
    return mention is not None and any(mention.start < end and start < mention.end for start, end in spans)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def maximum_matching(edges: Sequence[Sequence[int]], n_right: int) -> list[tuple[int, int]]:
    """The largest set of (left, right) pairs using each side once; `edges[left]` lists the rights it
    may pair with (Kuhn's augmenting paths: a greedy pass could pair a coded event with the wrong gold
    event and leave another gold event unmatched that it alone could match)."""
    owner = [-1] * n_right

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if owner[right] == -1 or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, set())
    return sorted((owner[right], right) for right in range(n_right) if owner[right] != -1)
