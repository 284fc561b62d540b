"""Scoring gold files end to end: code their records in memory, then score events, actors and motives.

Nothing is stored: records become articles (`text`, `date`), a Coder codes each file in one stream
(spaCy batches them), and the coding is paired with the records for the scorers.

Linking sets (plv-train: the gold gives the two actors' words and asks for the event between them)
are coded with the gold words as mentions: the resolver's mentions that overlap the gold words are
replaced by mentions of exactly those words, so the event coder is asked about the pair the gold
names. A set is a linking set when its name starts with `plv` (mode "auto"), or always/never with
mode "linking"/"events"; a record with `"linking": true` is scored in linking mode in any case.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from detente.coding import Coder
from detente.errors import InputError, Messages, UsageError
from detente.evaluate.actors import ActorScore, score_actor_countries
from detente.evaluate.events import EventScore, gold_spans, linking_event, overlaps, score_events
from detente.evaluate.gold import GoldActor, GoldRecord, read_gold
from detente.evaluate.motives import MotiveScore, score_motives
from detente.ingest import make_article
from detente.models import Actor, Article, CodedArticle, Event, Mention
from detente.nlp import parse_articles
from detente.nlp.pipeline import ParsedArticle

Mode = Literal["auto", "events", "linking"]
MODES: tuple[str, ...] = ("auto", "events", "linking")
LINKING_SET_PREFIXES = ("plv",)
"""Set names (file stems) that are linking sets in mode "auto": plv-train and sets drawn like it."""


@dataclass(frozen=True, kw_only=True)
class SetScore:
    """Every figure for one gold set; `linking` when any of its records was scored in linking mode."""

    name: str
    n_records: int
    linking: bool
    events: EventScore
    actors: ActorScore
    motives: MotiveScore


def is_linking_set(name: str) -> bool:
    return name.casefold().startswith(LINKING_SET_PREFIXES)


def gold_articles(records: Sequence[GoldRecord]) -> list[Article]:
    """The records as articles: the record's text and date, its id as the article's ref."""
    articles = []
    for record in records:
        try:
            articles.append(make_article(record.text, date=record.date, ref=record.id))
        except InputError as exc:
            detail = f"gold record {record.id!r}: {exc}"
            raise InputError(Messages.D204.format(detail=detail), code="D204") from exc
    return articles


def code_gold(
    records: Sequence[GoldRecord], *, coder: Coder | None = None, linking: bool = False
) -> list[CodedArticle]:
    """Code gold records in memory, in order; linking records (all, with `linking`) get gold-word mentions."""
    coder = coder or Coder()
    articles = gold_articles(records)
    linked = [i for i, r in enumerate(records) if linking or r.linking]
    plain = [i for i, r in enumerate(records) if not (linking or r.linking)]
    coded: dict[int, CodedArticle] = {}
    coded.update(zip(plain, coder.code(articles[i] for i in plain), strict=True))
    linking_stream = _code_linking(coder, [records[i] for i in linked], [articles[i] for i in linked])
    coded.update(zip(linked, linking_stream, strict=True))
    return [coded[i] for i in range(len(records))]


def score_set(
    name: str, records: Sequence[GoldRecord], coded: Sequence[CodedArticle], *, linking: bool = False
) -> SetScore:
    """Score a set's records against their coding (hand-built or from `code_gold`)."""
    pairs = list(zip(records, coded, strict=True))
    return SetScore(
        name=name,
        n_records=len(pairs),
        linking=linking or any(r.linking for r in records),
        events=score_events(pairs, linking=linking),
        actors=score_actor_countries(pairs),
        motives=score_motives(pairs),
    )


def evaluate(paths: Sequence[str | Path], *, mode: str = "auto", coder: Coder | None = None) -> list[SetScore]:
    """Read, code and score gold files; a set is named by its file stem.

    Every file is read before any is coded, so a malformed one fails at once (InputError D204).

    Example:
        >>> [score] = evaluate(["../shared/eval/plover-gsr-dev.jsonl"])
        >>> score.events.f1, score.actors.country_accuracy

    Docs: docs/evaluation.md
    """
    if mode not in MODES:
        raise UsageError(Messages.D101.format(value=mode, choices=", ".join(MODES)), code="D101")
    sets: list[tuple[str, list[GoldRecord]]] = []
    names: set[str] = set()
    for path in map(Path, paths):
        if not path.is_file():
            raise InputError(Messages.D209.format(detail=f"{path}: no such file"), code="D209")
        name = path.stem if path.stem not in names else f"{path.parent.name}/{path.stem}"
        names.add(name)
        sets.append((name, list(read_gold(path))))
    scores = []
    for name, records in sets:
        linking = mode == "linking" or (mode == "auto" and is_linking_set(name))
        if records:
            coder = coder or Coder()
        coded = code_gold(records, coder=coder, linking=linking) if records else []
        scores.append(score_set(name, records, coded, linking=linking))
    return scores


def gold_mentions(record: GoldRecord, parsed: ParsedArticle) -> list[Mention]:
    """Mentions of exactly the gold actors' words, with placeholder actors named by those words."""
    article = parsed.article
    starts = [s.start for s in parsed.sentences]
    out: dict[tuple[int, int], Mention] = {}
    for event in record.events:
        for gold in (*event.sources, *event.targets):
            words = " ".join((gold.text or gold.name or "").split())
            actor = Actor(id=f"gold:{words}", name=words, kind="unknown")
            for start, end in _word_spans(gold, article.text, starts):
                sentence = max(0, bisect.bisect_right(starts, start) - 1)
                mention = Mention(article.id, sentence, start, end, article.text[start:end], actor, "unknown")
                out.setdefault((start, end), mention)
    return sorted(out.values(), key=lambda m: (m.start, m.end))


def _code_linking(coder: Coder, records: Sequence[GoldRecord], articles: Sequence[Article]) -> Iterator[CodedArticle]:
    parsed_stream = parse_articles(coder.nlp, articles, batch_size=coder.config.batch_size)
    for record, parsed in zip(records, parsed_stream, strict=True):
        mentions = coder.resolver.resolve(parsed)
        golds = gold_mentions(record, parsed)
        kept = [m for m in mentions if not any(m.start < g.end and g.start < m.end for g in golds)]
        event_mentions = tuple(sorted([*kept, *golds], key=lambda m: (m.start, m.end)))
        events = coder.event_coder.code(parsed, event_mentions)
        # The set asks for the event between the given words: where the coder's own pass found none,
        # a coder that can link two marked mentions (RuleCoder.link) is asked directly.
        link = getattr(coder.event_coder, "link", None)
        if link is not None:
            events = (*events, *_links(link, record, parsed, event_mentions, golds, events))
        # The article keeps the resolver's own mentions, so actor accuracy still measures the resolver.
        yield CodedArticle(
            article=parsed.article,
            sentences=parsed.sentences,
            mentions=mentions,
            events=events,
            motives=coder.motive_extractor.extract(parsed, mentions),
        )


def _links(
    link: Callable[..., Event | None],
    record: GoldRecord,
    parsed: ParsedArticle,
    mentions: tuple[Mention, ...],
    golds: list[Mention],
    events: Sequence[Event],
) -> Iterator[Event]:
    text = parsed.article.text
    for gold in record.events:
        if linking_event(gold, events, text) is not None:
            continue
        source_spans, target_spans = gold_spans(gold.sources, text), gold_spans(gold.targets, text)
        sources = [m for m in golds if overlaps(m, source_spans)]
        targets = [m for m in golds if overlaps(m, target_spans)]
        for source in sources[:1]:
            for target in (t for t in targets if t is not source and t.sentence_index == source.sentence_index):
                event = link(parsed, mentions, source, target)
                if event is not None:
                    yield event
                    break


def _word_spans(gold: GoldActor, text: str, starts: Sequence[int]) -> list[tuple[int, int]]:
    """Each whole occurrence of the gold words; when the words only occur apart ("Jordan's King
    Abdullah" for "Jordan's visiting King Abdullah"), one span per sentence from the first to the last."""
    spans = gold.spans(text)
    words = " ".join((gold.text or gold.name or "").split())
    if not spans or words in " ".join(text.split()):
        return spans
    by_sentence: dict[int, tuple[int, int]] = {}
    for start, end in spans:
        sentence = bisect.bisect_right(starts, start)
        first, last = by_sentence.get(sentence, (start, end))
        by_sentence[sentence] = (min(first, start), max(last, end))
    return sorted(by_sentence.values())
