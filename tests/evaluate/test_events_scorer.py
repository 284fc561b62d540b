"""The event scorer on hand-built coding: it must say right, wrong and missing, by the rules of docs/evaluation.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from detente.coding import Coder
from detente.evaluate import (
    GoldActor,
    GoldEvent,
    GoldRecord,
    code_gold,
    counts_as_coded,
    read_gold,
    score_events,
    score_motives,
    score_set,
)
from detente.evaluate.events import actor_matches, linking_event, match_events
from detente.evaluate.motives import content_words, goal_matches
from detente.ingest import make_article
from detente.models import Actor, Article, CodedArticle, Event, Mention, Motive
from detente.nlp.pipeline import ParsedArticle
from factories import EGYPT, HAMAS, IRAN

ISRAEL_MIL = Actor(id="ISR-MIL", name="Israel (military)", kind="state", country="ISR", sector="MIL")
HUNGARY = Actor(id="HUN", name="Hungary", kind="state", country="HUN", sector="GOV")
ROMANIA = Actor(id="ROU", name="Romania", kind="state", country="ROU", sector="GOV")

TEXT = "Iran met Hamas officials in Tehran. Egypt accused Hamas of smuggling."


def name(words: str) -> GoldActor:
    return GoldActor(name=words)


def gold_event(type_: str, sources: list[GoldActor], targets: list[GoldActor], **kw: Any) -> GoldEvent:
    return GoldEvent(type=type_, sources=tuple(sources), targets=tuple(targets), **kw)


def record(text: str, *events: GoldEvent, must_not: tuple[GoldEvent, ...] = (), rid: str = "r1") -> GoldRecord:
    return GoldRecord(id=rid, text=text, date=None, events=events, must_not=must_not)


def mention(article: Article, words: str, actor: Actor | None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(words, start + 1)
    return Mention(article.id, 0, start, start + len(words), words, actor, "dictionary")


def event(article: Article, type_: str, source: Mention, target: Mention | None, **kw: Any) -> Event:
    end = max(source.end, target.end if target else 0)
    return Event(
        article.id,
        0,
        min(source.start, target.start if target else source.start),
        end,
        type_,
        source,
        target,
        article.text,
        **kw,
    )


def coded(article: Article, *events: Event) -> CodedArticle:
    mentions = {m.start: m for e in events for m in (e.source, e.target) if m is not None}
    return CodedArticle(article, mentions=tuple(mentions.values()), events=events)


@pytest.fixture
def article() -> Article:
    return make_article(TEXT)


def iran_hamas(article: Article, type_: str = "CONSULT", **kw: Any) -> Event:
    return event(article, type_, mention(article, "Iran", IRAN), mention(article, "Hamas", HAMAS), **kw)


def egypt_hamas(article: Article, type_: str = "ACCUSE", **kw: Any) -> Event:
    return event(article, type_, mention(article, "Egypt", EGYPT), mention(article, "Hamas", HAMAS, 1), **kw)


GOLD = record(
    TEXT,
    gold_event("CONSULT", [name("Iran")], [name("Hamas")]),
    gold_event("ACCUSE", [name("Egypt")], [name("Hamas")]),
)


def test_perfect_output_scores_one(article: Article) -> None:
    score = score_events([(GOLD, coded(article, iran_hamas(article), egypt_hamas(article)))])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert (score.n_gold, score.n_coded, score.matched) == (2, 2, 2)
    assert score.per_type["ACCUSE"].f1 == 1.0 and score.per_type["CONSULT"].n_gold == 1
    assert score.worst(5) == []


def test_empty_output_gives_recall_zero(article: Article) -> None:
    score = score_events([(GOLD, coded(article))])
    assert (score.precision, score.recall, score.f1, score.n_coded) == (0.0, 0.0, 0.0, 0)
    [result] = score.worst(5)
    assert result.misses == GOLD.events and result.false_alarms == ()


def test_swapped_actors_do_not_match_unless_symmetric(article: Article) -> None:
    swapped = event(article, "CONSULT", mention(article, "Hamas", HAMAS), mention(article, "Iran", IRAN))
    score = score_events([(record(TEXT, GOLD.events[0]), coded(article, swapped))])
    assert score.matched == 0 and score.n_coded == 1
    symmetric = gold_event("CONSULT", [name("Iran")], [name("Hamas")], symmetric=True)
    both_ways = score_events([(record(TEXT, symmetric), coded(article, swapped))])
    assert both_ways.f1 == 1.0
    forward = score_events([(record(TEXT, symmetric), coded(article, iran_hamas(article)))])
    assert forward.f1 == 1.0


def test_compound_actor_matches_when_any_member_matches() -> None:
    text = "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate."
    gold = record(text, gold_event("AGREE", [GoldActor(text="Hungarian"), GoldActor(text="Romanian")], []))
    article = make_article(text)
    romanian = event(article, "AGREE", mention(article, "Romanian officials", ROMANIA), None)
    assert score_events([(gold, coded(article, romanian))]).f1 == 1.0
    other = event(article, "AGREE", mention(article, "Senior", None), None)
    assert score_events([(gold, coded(article, other))]).matched == 0


def test_actor_matches_by_name_country_or_words() -> None:
    text = "Israeli troops fired on the crowd."
    article = make_article(text)
    troops = mention(article, "Israeli troops", ISRAEL_MIL)
    assert actor_matches(name("Israel"), troops, text)  # the name without its "(military)" qualifier
    assert actor_matches(name("isr-mil"), troops, text)  # the id, any case
    assert actor_matches(GoldActor(text="the crowd", country="ISR"), troops, text)  # the country code
    assert actor_matches(GoldActor(text="troops"), mention(article, "Israeli troops", None), text)  # the words
    assert not actor_matches(GoldActor(text="the crowd"), troops, text)
    assert not actor_matches(name("Israel"), None, text)


def test_duplicates_are_counted_once(article: Article) -> None:
    one_gold = record(TEXT, GOLD.events[0])
    twice = score_events([(one_gold, coded(article, iran_hamas(article), iran_hamas(article)))])
    assert (twice.matched, twice.n_coded, twice.precision, twice.recall) == (1, 2, 0.5, 1.0)
    two_gold = record(TEXT, GOLD.events[0], GOLD.events[0])
    once = score_events([(two_gold, coded(article, iran_hamas(article)))])
    assert (once.matched, once.n_gold, once.precision, once.recall) == (1, 2, 1.0, 0.5)


def test_matching_is_maximum_not_greedy(article: Article) -> None:
    # The first gold event accepts either coded event, the second only the first one: a greedy pass that
    # gave the first gold event the first coded event it can take would leave the second gold event out.
    loose = gold_event("CONSULT", [name("Iran"), name("Hamas")], [])
    strict = gold_event("CONSULT", [name("Iran")], [name("Hamas")])
    hamas_alone = event(article, "CONSULT", mention(article, "Hamas", HAMAS), None)
    events = (iran_hamas(article), hamas_alone)
    assert match_events((loose, strict), events, article.text) == [(0, 1), (1, 0)]
    assert score_events([(record(TEXT, loose, strict), coded(article, *events))]).f1 == 1.0


def test_empty_gold_targets_match_with_or_without_a_target(article: Article) -> None:
    gold = record(TEXT, gold_event("CONSULT", [name("Iran")], []))
    assert score_events([(gold, coded(article, iran_hamas(article)))]).f1 == 1.0
    no_target = event(article, "CONSULT", mention(article, "Iran", IRAN), None)
    assert score_events([(gold, coded(article, no_target))]).f1 == 1.0
    needs_target = record(TEXT, GOLD.events[0])
    assert score_events([(needs_target, coded(article, no_target))]).matched == 0


@pytest.mark.parametrize("coded_type", ["CONCEDE", "RETREAT"])
def test_yield_matches_concede_and_retreat(article: Article, coded_type: str) -> None:
    gold = record(TEXT, gold_event("YIELD", [name("Iran")], [name("Hamas")]))
    score = score_events([(gold, coded(article, iran_hamas(article, coded_type)))])
    assert score.f1 == 1.0
    assert set(score.per_type) == {"YIELD"} and score.per_type["YIELD"].f1 == 1.0  # folded when gold uses YIELD
    wrong = score_events([(gold, coded(article, iran_hamas(article, "AGREE")))])
    assert wrong.matched == 0


def test_must_not_violations_are_counted_apart(article: Article) -> None:
    must_not = (gold_event("ASSAULT", [name("Egypt")], [name("Hamas")], why="a question, not an event"),)
    gold = record(TEXT, GOLD.events[0], must_not=must_not)
    assault = egypt_hamas(article, "ASSAULT")
    score = score_events([(gold, coded(article, iran_hamas(article), assault))])
    [(record_id, violation)] = score.violations
    assert record_id == "r1" and violation.entry == must_not[0] and violation.event == assault
    assert (score.matched, score.n_coded, score.precision) == (1, 2, 0.5)  # and a false positive
    negated = score_events([(gold, coded(article, iran_hamas(article), egypt_hamas(article, "ASSAULT", negated=True)))])
    assert negated.violations == () and negated.precision == 1.0


def test_no_event_records(article: Article) -> None:
    empty = record(TEXT, rid="quiet")
    right = score_events([(empty, coded(article))])
    assert (right.no_event_records, right.no_event_right, right.no_event_share) == (1, 1, 1.0)
    wrong = score_events([(empty, coded(article, iran_hamas(article))), (GOLD, coded(article))])
    assert (wrong.no_event_records, wrong.no_event_right, wrong.no_event_share) == (1, 0, 0.0)
    assert wrong.n_coded == 1 and wrong.precision == 0.0
    hypothetical = score_events([(empty, coded(article, iran_hamas(article, modality="hypothetical")))])
    assert hypothetical.no_event_share == 1.0
    assert score_events([(GOLD, coded(article))]).no_event_share is None


@pytest.mark.parametrize(
    ("kw", "counts"),
    [
        ({}, True),
        ({"modality": "reported"}, True),
        ({"modality": "future"}, True),
        ({"modality": "hypothetical"}, False),
        ({"negated": True}, False),
        ({"negated": True, "modality": "reported"}, False),
    ],
)
def test_negated_and_hypothetical_events_do_not_count(article: Article, kw: dict[str, Any], counts: bool) -> None:
    coded_event = iran_hamas(article, **kw)
    assert counts_as_coded(coded_event) is counts
    score = score_events([(record(TEXT, GOLD.events[0]), coded(article, coded_event))])
    assert (score.n_coded, score.matched) == ((1, 1) if counts else (0, 0))


def test_worst_records_come_first(article: Article) -> None:
    records = [
        (record(TEXT, GOLD.events[0], rid="one-miss"), coded(article)),
        (record(TEXT, rid="fine"), coded(article)),
        (record(TEXT, *GOLD.events, rid="three-errors"), coded(article, iran_hamas(article, "AID"))),
    ]
    score = score_events(records)
    assert [r.record.id for r in score.worst(5)] == ["three-errors", "one-miss"]
    assert [r.record.id for r in score.worst(1)] == ["three-errors"]


PLV = "The German government agreed to send aid to the cultural sector, said Berlin."


def plv_record(type_: str = "AGREE") -> GoldRecord:
    linked = gold_event(type_, [GoldActor(text="German government")], [GoldActor(text="cultural sector")])
    return record(PLV, linked, rid="plv-1")


def test_linking_mode_scores_the_event_between_the_given_words() -> None:
    article = make_article(PLV)
    german = mention(article, "German government", None)
    sector = mention(article, "cultural sector", None)
    berlin = mention(article, "Berlin", None)
    elsewhere = event(article, "ACCUSE", berlin, german)  # coded first, but not between the gold words
    between = event(article, "AGREE", sector, german)  # between them, in the other direction
    coding = coded(article, elsewhere, between)
    assert linking_event(plv_record().events[0], coding.events, article.text) is between
    score = score_events([(plv_record(), coding)], linking=True)
    assert score.type_accuracy == 1.0 and (score.n_coded, score.matched, score.f1) == (1, 1, 1.0)
    wrong = score_events([(plv_record("AID"), coding)], linking=True)
    assert wrong.type_accuracy == 0.0 and (wrong.n_coded, wrong.matched) == (1, 0)
    missing = score_events([(plv_record(), coded(article, elsewhere))], linking=True)
    assert missing.type_accuracy == 0.0 and missing.n_coded == 0 and missing.worst(1)[0].misses
    not_counting = score_events(
        [(plv_record(), coded(article, event(article, "AGREE", german, sector, negated=True)))], linking=True
    )
    assert not_counting.type_accuracy == 0.0
    # Without linking mode every counting event is scored (and the one between Berlin and the government is wrong).
    plain = score_events([(plv_record(), coding)])
    assert plain.type_accuracy is None and plain.n_coded == 2 and plain.matched == 0


def test_a_record_can_ask_for_linking_itself(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    data = {
        "id": "x",
        "text": PLV,
        "linking": True,
        "events": [
            {"type": "AGREE", "sources": [{"text": "German government"}], "targets": [{"text": "cultural sector"}]}
        ],
        "must_not": [{"type": "ASSAULT", "sources": [{"name": "Germany"}], "targets": [], "why": "no"}],
    }
    path.write_text(json.dumps(data) + "\n")
    [gold] = read_gold(path)
    assert gold.linking and gold.must_not[0].why == "no"
    article = make_article(PLV)
    between = event(
        article, "AGREE", mention(article, "German government", None), mention(article, "cultural sector", None)
    )
    assert score_events([(gold, coded(article, between))]).type_accuracy == 1.0


class _Recorder:
    """An event coder that codes AGREE between the first two mentions it is given, and keeps them."""

    def __init__(self) -> None:
        self.seen: list[tuple[Mention, ...]] = []

    def code(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
        self.seen.append(mentions)
        if len(mentions) < 2:
            return ()
        a, b = mentions[0], mentions[1]
        return (Event(parsed.article.id, a.sentence_index, a.start, b.end, "AGREE", a, b, parsed.article.text),)


def test_linking_coding_gives_the_event_coder_the_gold_words(nlp: Language) -> None:
    recorder = _Recorder()
    coder = Coder(nlp=nlp, event_coder=recorder)
    [coding] = code_gold([plv_record()], coder=coder, linking=True)
    [given] = recorder.seen
    gold_words = [m for m in given if m.actor is not None and m.actor.id.startswith("gold:")]
    assert [m.text for m in gold_words] == ["German government", "cultural sector"]
    assert all(m.resolved_by == "unknown" and m.sentence_index == 0 for m in gold_words)
    # The resolver's own mention of "German" is replaced, not kept beside the gold words.
    assert not any(m.text == "German" for m in given)
    assert any(m.text == "German" or m.text == "Berlin" for m in coding.mentions)  # the article keeps the resolver's
    score = score_set("plv-test", [plv_record()], [coding], linking=True)
    assert score.linking and score.events.type_accuracy == 1.0
    [plain] = code_gold([plv_record()], coder=coder)
    assert not any(m.actor and m.actor.id.startswith("gold:") for m in recorder.seen[-1])
    assert plain.article.text == PLV


def test_content_words_and_goal_rule() -> None:
    assert content_words("Rebuilding its standing in the region") == {"rebuild", "stand", "region"}
    assert content_words("the pressures it faces") == content_words("pressure faced")
    assert goal_matches("rebuild its standing in the region", "to rebuild its standing")  # 2 of 3 ≥ 1
    assert not goal_matches("rebuild its standing in the region", "to attack Israel")
    # Seven content words need three shared ones: a third, rounded up.
    gold = "repair its sectarian image by building ties with a Sunni organisation"
    assert len(content_words(gold)) == 7
    assert not goal_matches(gold, "repair its image")
    assert goal_matches(gold, "repair its sectarian image")
    assert not goal_matches("wants to", "wants to")  # nothing but stop and goal words


def test_motive_recall_rule() -> None:
    text = "Iran wants to rebuild its standing. Hamas seeks to offset pressure."
    article = make_article(text)
    iran = mention(article, "Iran", IRAN)
    hamas = mention(article, "Hamas", HAMAS)

    def motive(who: Mention, goal: str) -> Motive:
        return Motive(article.id, 0, who.start, who.end, who, goal, "goal", text)

    gold = GoldRecord(
        id="m",
        text=text,
        date=None,
        events=(),
        motives=(("Iran", "rebuild its standing in the region"), ("Hamas", "offset the pressure it faces")),
    )
    right = CodedArticle(article, motives=(motive(iran, "rebuild its standing"), motive(hamas, "offset pressure")))
    assert score_motives([(gold, right)]).recall == 1.0
    wrong_actor = CodedArticle(article, motives=(motive(hamas, "rebuild its standing"),))
    score = score_motives([(gold, wrong_actor)])
    assert score.recall == 0.0 and [m.actor for m in score.misses] == ["Iran", "Hamas"]
    # One to one: a single coded motive finds one gold motive, however many it could match.
    both = GoldRecord(id="m2", text=text, date=None, events=(), motives=(("Iran", "rebuild standing"),) * 2)
    assert score_motives([(both, CodedArticle(article, motives=(motive(iran, "rebuild its standing"),)))]).recall == 0.5
    assert score_motives([(GOLD, CodedArticle(article))]).recall is None  # no gold motives
