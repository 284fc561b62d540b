"""Tests for the rule coder's grammar: arguments, chains, negation, modality, dates and places.

These use a small lexicon written here, so that each test says exactly which words are triggers;
the shipped lexicon is scored per type against the team gold sets (tests/gold, tests/evaluate),
and a few of its conventions are pinned at the end of this file.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.coding import Coder
from detente.events import RuleCoder, load_ontology
from detente.events.lexicon import load_cues, parse_lexicon
from detente.ingest import make_article
from detente.models import CodedArticle, Event

LEXICON = """
triggers:
  - {lemma: meet, pos: verb, type: CONSULT, symmetric: true}
  - {lemma: talk, pos: noun, type: CONSULT, symmetric: true}
  - {lemma: visit, pos: noun, type: CONSULT, mode: visit, target: [prep:to, prep:of]}
  - {lemma: visit, pos: verb, type: CONSULT, mode: visit}
  - {lemma: attack, pos: verb, type: ASSAULT}
  - {lemma: attack, pos: noun, type: ASSAULT}
  - {lemma: shell, pos: verb, type: ASSAULT}
  - {lemma: agree, pos: verb, type: AGREE, symmetric: true}
  - {lemma: vow, pos: verb, type: AGREE, conflict_type: THREATEN}
  - {lemma: retaliate, pos: verb, type: ASSAULT}
  - {lemma: criticism, pos: noun, type: ACCUSE}
  - {lemma: criticize, pos: verb, type: ACCUSE}
  - {lemma: accuse, pos: verb, type: ACCUSE}
  - {lemma: condemn, pos: verb, type: ACCUSE}
  - {lemma: support, pos: noun, type: SUPPORT}
  - {lemma: support, pos: noun, with: [military, financial], type: AID}
  - {lemma: sanction, pos: noun, type: SANCTION}
  - {lemma: cut, pos: verb, with: [tie, relation], type: SANCTION}
  - {lemma: cut, pos: verb, with: [aid], type: SANCTION, mode: cut-aid}
  - {lemma: send, pos: verb, with: [aid], type: AID, target: [prep:to, dative]}
  - {lemma: suspend, pos: verb, with: [fighting, attack], type: RETREAT, mode: ceasefire}
  - {lemma: suspend, pos: verb, with: [aid], type: SANCTION, mode: cut-aid}
  - {lemma: urge, pos: verb, type: REQUEST}
  - {lemma: blockade, pos: noun, type: COERCE}
  - {lemma: suspend, pos: verb, with: [mediation], type: SANCTION}
  - {lemma: withdraw, pos: verb, with: [troop], type: RETREAT, target: [prep:from]}
  - {lemma: mediation, pos: noun, type: CONSULT, mode: third-party}
  - {lemma: threaten, pos: verb, type: THREATEN}
  - {lemma: warn, pos: verb, type: THREATEN}
  - {lemma: demand, pos: verb, type: REQUEST}
  - {lemma: say, pos: verb, clause_with: [must], type: REQUEST}
  - {lemma: protest, pos: verb, type: PROTEST}
  - {lemma: praise, pos: verb, type: SUPPORT}
  - {lemma: lift, pos: verb, with: [curfew], type: CONCEDE}
  - {lemma: demonstration, pos: noun, type: PROTEST}
  - {lemma: strike, pos: noun, type: PROTEST}
  - {lemma: reminder, pos: noun, clause_with: [must], type: REQUEST}
  - {lemma: sign, pos: verb, with: [declaration], type: SUPPORT, symmetric: true}
  - {lemma: refuse, pos: verb, type: REJECT}
  - {lemma: demobilize, pos: verb, type: RETREAT}
  - {lemma: curfew, pos: noun, type: COERCE, mode: curfew}
  - {lemma: establish, pos: verb, with: [tie], type: SUPPORT, symmetric: true}
"""


@pytest.fixture(scope="module")
def coder() -> Coder:
    lexicon = parse_lexicon(LEXICON, "test", load_ontology())
    return Coder(event_coder=RuleCoder(lexicon=lexicon))


@pytest.fixture(scope="module")
def shipped() -> Coder:
    """The coder with the packaged lexicon."""
    return Coder()


def _code(coder: Coder, text: str, date: dt.date | None = dt.date(2015, 2, 1)) -> CodedArticle:
    return next(coder.code([make_article(text, date=date)]))


def _events(coder: Coder, text: str, date: dt.date | None = dt.date(2015, 2, 1)) -> list[Event]:
    return list(_code(coder, text, date).events)


def _summary(event: Event) -> tuple[str, str | None, str | None]:
    target = event.target.actor.name if event.target and event.target.actor else None
    return event.type, event.source.actor.name if event.source.actor else None, target


# --- arguments ------------------------------------------------------------------------------------


def test_subject_and_object(coder: Coder) -> None:
    (event,) = _events(coder, "Iran's foreign minister met Hamas leaders in Tehran on Tuesday.")
    assert _summary(event) == ("CONSULT", "Iran", "Hamas")
    assert event.source.text == "Iran's foreign minister"
    assert event.evidence == "Iran's foreign minister met Hamas leaders in Tehran on Tuesday."
    assert (event.start, event.end) == (24, 27)


def test_passive_swaps_the_roles(coder: Coder) -> None:
    (event,) = _events(coder, "The convoy was attacked by Hezbollah near the border with Israel.")
    assert _summary(event)[:2] == ("ASSAULT", "Hezbollah")
    (event,) = _events(coder, "Syria was attacked by Israel on Sunday.")
    assert _summary(event) == ("ASSAULT", "Israel", "Syria")


def test_light_verb_carries_a_noun_trigger(coder: Coder) -> None:
    (event,) = _events(coder, "Iran provided Hamas with military support.")
    assert _summary(event) == ("AID", "Iran", "Hamas")
    (event,) = _events(coder, "The United States imposed sanctions on Iran.")
    assert _summary(event) == ("SANCTION", "United States", "Iran")
    (event,) = _events(coder, "Egypt held talks with Hamas.")
    assert _summary(event) == ("CONSULT", "Egypt", "Hamas")


def test_noun_arguments(coder: Coder) -> None:
    (event,) = _events(coder, "The Israeli blockade of Gaza continued.")
    assert _summary(event)[:2] == ("COERCE", "Israel")
    (event,) = _events(coder, "Iran's support for Hamas grew.")
    assert _summary(event) == ("SUPPORT", "Iran", "Hamas")


def test_between_pairs_the_two_sides(coder: Coder) -> None:
    (event,) = _events(coder, "Talks between Iran and the United States resumed.")
    assert _summary(event) == ("CONSULT", "Iran", "United States")


def test_the_undertaking_a_trigger_names_is_carried_by_its_verb(coder: Coder) -> None:
    # The mediator is the source and both sides the targets, not the two sides each other's.
    events = _events(coder, "Qatar undertook a mediation mission between Egypt and Israel.")
    assert sorted(_summary(e) for e in events) == [("CONSULT", "Qatar", "Egypt"), ("CONSULT", "Qatar", "Israel")]
    # A trigger naming the kind of a thing, not of an undertaking, carries nothing: "an attack helicopter".
    assert _events(coder, "Russia sold an attack helicopter to Sudan.") == []


def test_coordinated_subjects_of_a_symmetric_act_make_one_pair(coder: Coder) -> None:
    (event,) = _events(coder, "Hamas and Iran held talks in Beirut.")
    assert {_summary(event)[1], _summary(event)[2]} == {"Hamas", "Iran"}


def test_coordination_gives_one_event_per_pair(coder: Coder) -> None:
    events = _events(coder, "Britain and France condemned Russia and Syria.")
    assert sorted(_summary(e) for e in events) == [
        ("ACCUSE", "France", "Russia"),
        ("ACCUSE", "France", "Syria"),
        ("ACCUSE", "United Kingdom", "Russia"),
        ("ACCUSE", "United Kingdom", "Syria"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas suspended attacks on Israel.", ("RETREAT", "ceasefire")),
        # What the act is done to decides over a word of its circumstances.
        ("The European Union suspended aid to Gaza because of the fighting.", ("SANCTION", "cut-aid")),
        ("The United Nations suspended its aid to Somalia after a convoy was attacked.", ("SANCTION", "cut-aid")),
    ],
)
def test_the_object_chooses_the_entry_before_the_circumstances(
    coder: Coder, text: str, expected: tuple[str, str]
) -> None:
    assert [(e.type, e.mode) for e in _events(coder, text)][:1] == [expected], text


def test_a_trigger_phrase_word_is_not_the_target(coder: Coder) -> None:
    (event,) = _events(coder, "Saudi Arabia cut ties with Iran in 2016.")
    assert _summary(event) == ("SANCTION", "Saudi Arabia", "Iran")
    assert event.date == dt.date(2016, 1, 1)


def test_control_verb_lends_its_subject(coder: Coder) -> None:
    (event,) = _events(coder, "Turkey plans to send aid to Syria.")
    assert _summary(event) == ("AGREE", "Turkey", "Syria")
    assert event.modality == "future" and event.mode == "aid"


def test_a_sentence_without_a_source_codes_nothing(coder: Coder) -> None:
    assert _events(coder, "The attack killed twelve people.") == []


def test_source_and_target_are_never_the_same_actor(coder: Coder) -> None:
    assert _events(coder, "Iranian officials criticized Tehran.") == []


# --- chains: one act, one event ------------------------------------------------------------------


def test_agreed_to_hold_talks_is_one_agree(coder: Coder) -> None:
    (event,) = _events(coder, "Iran and Egypt agreed to hold talks.")
    assert _summary(event)[0] == "AGREE" and event.mode == "meet" and event.cameo == "036"


def test_accused_of_attacking_is_one_accuse(coder: Coder) -> None:
    (event,) = _events(coder, "Ukraine accused Russia of attacking its ships.")
    assert _summary(event) == ("ACCUSE", "Ukraine", "Russia")


def test_the_inner_act_gives_the_target(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt condemned the attack on Israel.")
    assert _summary(event) == ("ACCUSE", "Egypt", "Israel")


def test_a_promise_of_force_is_a_threat(coder: Coder) -> None:
    (event,) = _events(coder, "Hezbollah vowed to retaliate against Israel.")
    assert _summary(event) == ("THREATEN", "Hezbollah", "Israel")
    assert event.quad_class == 3 and event.intensity is not None and event.intensity < 0


def test_a_request_keeps_its_addressee(coder: Coder) -> None:
    (event,) = _events(coder, "Qatar urged Hamas to stop attacks on Israel.")
    assert _summary(event) == ("REQUEST", "Qatar", "Hamas")


def test_an_act_aimed_at_no_one_is_an_event_only_when_complete_by_itself(coder: Coder) -> None:
    # Praise of a plan is no relation between actors; lifting a curfew is a concession as it stands.
    assert _events(coder, "Egypt praised the plan.") == []
    (event,) = _events(coder, "Egypt lifted the curfew.")
    assert _summary(event) == ("CONCEDE", "Egypt", None)
    assert not load_ontology().type("SUPPORT").undirected and load_ontology().type("CONCEDE").undirected


def test_a_place_of_the_sources_own_state_stands_for_its_people(coder: Coder) -> None:
    # As ICEWS codes domestic acts: a state acting on its own ground acts on its citizens.
    (event,) = _events(coder, "Egypt lifted the curfew in Alexandria.")
    assert event.target is not None and event.target.text == "Alexandria"
    assert event.target.actor is not None and event.target.actor.id == "EGY-CVL"
    (event,) = _events(coder, "The Egyptian president threatened to impose a curfew in Alexandria.")
    assert (event.type, event.target and event.target.actor and event.target.actor.id) == ("THREATEN", "EGY-CVL")
    # Another's ground stands for its state, as it does for a group inside the country.
    (event,) = _events(coder, "Egypt lifted the curfew in Tripoli.")
    assert event.target is not None and event.target.actor is not None and event.target.actor.id == "LBY"
    (event,) = _events(coder, "Egyptian students staged a demonstration in Alexandria.")
    assert event.target is not None and event.target.actor is not None and event.target.actor.id == "EGY"
    # A pronoun is no named place: "its border" is the source itself, and the concession stands alone.
    (event,) = _events(coder, "Egypt lifted the curfew along its border.")
    assert _summary(event) == ("CONCEDE", "Egypt", None)


def test_a_trigger_that_is_the_passive_subject_of_another_is_part_of_its_act(coder: Coder) -> None:
    # The curfew is what was lifted, as in "Egypt lifted the curfew": one concession, no coercion.
    assert [e.type for e in _events(coder, "The curfew in Gaza was lifted by Egypt.")] == ["CONCEDE"]
    assert [e.type for e in _events(coder, "Egypt lifted the curfew in Gaza.")] == ["CONCEDE"]


def test_a_stranded_preposition_takes_the_object_of_the_verb_coordinated_after_it(coder: Coder) -> None:
    (event,) = _events(coder, "Kenya established ties with and opened an embassy in Somalia.")
    assert _summary(event) == ("SUPPORT", "Kenya", "Somalia")


def test_a_clause_with_a_doer_of_its_own_does_not_borrow_the_outer_subject(coder: Coder) -> None:
    # The crowd threatens, not Egypt; no dictionary knows the crowd, so nothing is coded for it.
    assert _events(coder, "Egypt closed the border as the crowd threatened to attack Israel.") == []
    (event,) = _events(coder, "Egypt closed the border and threatened to attack Israel.")
    assert _summary(event) == ("THREATEN", "Egypt", "Israel")


@pytest.mark.parametrize(
    "text",
    [
        "Algerian students staged a demonstration to press their demands from President Abdelaziz Bouteflika.",
        "Algerian students staged a demonstration calling for the resignation of President Abdelaziz Bouteflika.",
        "Algerian students began a strike on Monday over President Abdelaziz Bouteflika's new law.",
        "Algerian students began a strike in Algiers in protest at President Abdelaziz Bouteflika's decision.",
    ],
)
def test_a_protest_is_aimed_at_whom_its_demands_concern(coder: Coder, text: str) -> None:
    (event,) = _events(coder, text)
    assert event.type == "PROTEST" and event.target is not None
    assert event.target.text.endswith("Bouteflika")


@pytest.mark.parametrize(
    "text", ["Iranian and Syrian troops attacked Israel.", "Troops from Iran and Syria attacked Israel."]
)
def test_sides_coordinated_inside_the_doers_phrase_each_act(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert sorted(e.source.actor.id for e in events if e.source.actor) == ["IRN-MIL", "SYR-MIL"], text
    assert all(e.type == "ASSAULT" and e.target is not None and e.target.text == "Israel" for e in events)


def test_a_joint_commitment_that_names_no_one_else_is_between_its_sides(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt and Qatar vowed to settle their dispute.")
    assert {event.source.text, event.target and event.target.text} == {"Egypt", "Qatar"}
    # One side alone commits to no one; a threat is no joint act.
    assert _summary(_events(coder, "Egypt vowed to settle the dispute.")[0]) == ("AGREE", "Egypt", None)
    assert "AGREE" in load_cues().joint_types and "THREATEN" not in load_cues().joint_types


def test_a_protest_takes_the_demands_of_the_protest_inside_it(coder: Coder) -> None:
    text = "Algerian students protested following a demonstration calling for the resignation of President Bouteflika."
    (event,) = _events(coder, text)
    assert event.type == "PROTEST" and event.target is not None and event.target.text.endswith("Bouteflika")


def test_a_refusal_that_names_no_one_answers_whoever_pressed_for_the_act(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt refused to attend the summit despite pressure from Saudi Arabia.")
    assert _summary(event) == ("REJECT", "Egypt", "Saudi Arabia")


def test_a_protests_demands_are_the_protest_not_acts_of_their_own(coder: Coder) -> None:
    text = "Algerian students staged a demonstration in Algiers to demand the resignation of President Bouteflika."
    assert [e.type for e in _events(coder, text)] == ["PROTEST"]


def test_a_place_in_a_protest_purpose_is_not_its_addressee(coder: Coder) -> None:
    # Oran is where the demands are to be met, not whom they are pressed on: with no one else
    # named, the protest is aimed at the place it happens, as any act with no other party.
    (event,) = _events(coder, "Algerian students staged a demonstration in Algiers to press their demands in Oran.")
    assert event.target is not None and event.target.text == "Algiers"


def test_the_carrier_of_a_noun_trigger_gives_its_addressee(coder: Coder) -> None:
    # The clause of the reminder names UN inspectors, but the reminder is issued to Iraq.
    (event,) = _events(coder, "France issued a reminder to Iraq that it must cooperate with UN inspectors.")
    assert _summary(event) == ("REQUEST", "France", "Iraq")


def test_a_phrase_word_is_named_before_it_is_owned(coder: Coder) -> None:
    # "its European Union partners" are the Union's members, whoever "its" is.
    (event,) = _events(coder, "Greece demanded that its European Union partners reject the plan.")
    assert _summary(event) == ("REQUEST", "Greece", "European Union")


def test_a_place_inside_a_target_phrase_stands_for_the_target(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt condemned the junta in Niger.")
    assert _summary(event) == ("ACCUSE", "Egypt", "Niger")


def test_someone_named_where_they_are_is_no_place(coder: Coder) -> None:
    """'in Minsk' is part of who acts: the mention takes the preposition in."""
    (event,) = _events(coder, "Protesters in Minsk criticized Russia.")
    assert event.source.text == "Protesters in Minsk" and event.source.actor is not None
    assert (event.source.actor.id, event.target and event.target.text) == ("BLR-CVL", "Russia")
    assert event.place is None


def test_a_place_is_no_target_of_an_act_between_its_sources(coder: Coder) -> None:
    (event,) = _events(coder, "Fatah and Hamas signed a declaration in Algiers.")
    assert {event.source.text, event.target and event.target.text} == {"Fatah", "Hamas"}


def test_sides_that_meet_are_each_others_counterpart_whatever_the_meeting_is_on(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt and Qatar met on the sidelines of the African Union summit.")
    assert {event.source.text, event.target and event.target.text} == {"Egypt", "Qatar"}
    (event, *_) = _events(coder, "Egypt and Qatar met with Hamas.")
    assert _summary(event)[2] == "Hamas"


def test_a_helper_named_after_with_is_not_the_counterpart(coder: Coder) -> None:
    events = _events(coder, "Egypt attacked the camp with Israeli help.")
    assert not [e for e in events if e.target is not None and e.target.text == "Israeli"]
    (event,) = _events(coder, "Egypt attacked the camp with Israeli troops.")
    assert _summary(event) == ("ASSAULT", "Egypt", "Israel (military)")


def test_a_trigger_named_in_a_compound_is_part_of_the_act_on_it(coder: Coder) -> None:
    # "mediation efforts" halted are one act, the halt, not also a mediation.
    events = _events(coder, "Qatar suspended its mediation efforts between Israel and Hamas.")
    assert [e.type for e in events] == ["SANCTION"] * len(events) and events


def test_a_verb_with_its_own_clause_does_not_share_the_next_verbs_object(coder: Coder) -> None:
    # "urged its citizens" is Pakistan's own people; the refusal is about troops in Iraq.
    (event, *_) = _events(coder, "Pakistan refused to deploy troops in Iraq and urged its citizens to leave.")
    assert _summary(event) == ("REJECT", "Pakistan", "Iraq")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Israel refused to let Egyptian officials into Gaza.", "Egypt"),  # the refused verb's object
        ("Syria refused to hand the suspects over to Turkey.", "Turkey"),  # ... or its other usual roles
        ("Hamas refused to allow Qatari planes to land in Gaza.", "Qatar"),
    ],
)
def test_a_refusal_is_aimed_at_whom_the_refused_act_would_be(coder: Coder, text: str, target: str) -> None:
    (event,) = _events(coder, text)
    assert _summary(event)[0] == "REJECT" and _summary(event)[2] == target


def test_a_refusal_to_do_nothing_to_anyone_names_no_one(coder: Coder) -> None:
    assert _events(coder, "Iran refused to pay the fine.") == []


def test_a_statement_issued_demanding_is_a_demand_by_its_issuer(coder: Coder) -> None:
    (event,) = _events(coder, "Hamas issued a statement demanding that Egypt open the crossing.")
    assert _summary(event) == ("REQUEST", "Hamas", "Egypt")


def test_a_subheading_is_not_coded_again(coder: Coder) -> None:
    # The subheading restates the visit the story tells below it: one event, from the story.
    text = "Iran met Hamas in Tehran on Monday.\n\nHamas visit to Tehran\n\nOn Monday, Hamas leaders visited Tehran."
    events = _events(coder, text)
    assert [e.evidence for e in events if e.mode == "visit"] == ["On Monday, Hamas leaders visited Tehran."]


# --- how an event counts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Iran did not attack Iraq.",
        "Iran never attacked Iraq.",
        "Iran denied attacking Iraq.",
        "Iran prevented any public criticism of Hamas.",
        "Iran failed to meet Iraq.",
        "Neither Iran nor Syria attacked Iraq.",
        "Iran postponed its talks with Iraq.",
        "Talks between Iran and Iraq were postponed.",
        "Iran has yet to attack Iraq.",
    ],
)
def test_negation(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert events and all(e.negated for e in events), text


@pytest.mark.parametrize("text", ["Not only Iran but also Syria attacked Iraq.", "Iran attacked Iraq yet again."])
def test_words_of_negation_that_deny_nothing(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert events and not any(e.negated for e in events), text


@pytest.mark.parametrize(
    "text",
    [
        "Will Iran attack Iraq?",
        "If talks fail, Iran could attack Iraq.",
        "Iran would attack Iraq.",
        "Iran hopes to meet Egypt.",
        "If Iran attacks Iraq, the region will burn.",
        "An attack by Iran on Iraq is unlikely.",
    ],
)
def test_hypothetical(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert events and all(e.modality == "hypothetical" and not e.negated for e in events), text


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Israel said the talks must end before Hamas demobilizes.", "hypothetical"),
        ("Israel attacked Gaza before Hamas demobilized.", "asserted"),
    ],
)
def test_an_act_pending_in_a_present_time_clause_has_not_happened(coder: Coder, text: str, modality: str) -> None:
    (event,) = [e for e in _events(coder, text) if e.type == "RETREAT"]
    assert event.modality == modality


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Hamas will not meet Israel.", "asserted"),
        ("Egypt said Hamas would never meet Israel.", "reported"),
    ],
)
def test_a_refusal_stated_is_a_rejection_made(coder: Coder, text: str, modality: str) -> None:
    (event,) = _events(coder, text)
    assert _summary(event) == ("REJECT", "Hamas", "Israel") and event.mode == "meet"
    assert not event.negated and event.modality == modality


def test_a_harm_not_promised_is_no_rejection(coder: Coder) -> None:
    # "will not attack" is no threat, and no rejection either: it stays a negated promise.
    (event,) = _events(coder, "Israel will not attack Hamas.")
    assert event.type == "THREATEN" and event.negated


def test_future_intent_is_coded_as_the_commitment(coder: Coder) -> None:
    (event,) = _events(coder, "Iran will meet Hamas next week.")
    assert (event.type, event.mode, event.modality) == ("AGREE", "meet", "future")
    assert event.date == dt.date(2015, 2, 8)
    (event,) = _events(coder, "Israel is expected to attack Hezbollah.")
    assert (event.type, event.modality) == ("THREATEN", "future")


@pytest.mark.parametrize(
    "text",
    [
        "Iraq said it would meet Iran.",
        "Iraq told reporters that it would meet Iran.",
        "Iraq announced it would meet Iran.",
    ],
)
def test_would_in_a_past_report_is_the_future_that_was_said(coder: Coder, text: str) -> None:
    (event,) = _events(coder, text)
    assert (event.type, event.mode, event.modality) == ("AGREE", "meet", "future"), text


@pytest.mark.parametrize(
    "text",
    [
        "Iraq said it would meet Iran if the talks went well.",
        "Iran will meet Egypt if the talks go well.",
        "Iran will meet Egypt only after the talks succeed.",
    ],
)
def test_a_condition_keeps_a_promise_hypothetical(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert events and all(e.modality == "hypothetical" for e in events), text


def test_an_offer_on_conditions_is_still_an_offer(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt is willing to meet Iran if the talks go well.")
    assert (event.type, event.modality) == ("AGREE", "future")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Nigeria announced that it will withdraw its troops from Chad unless Chad holds elections.", "Chad"),
        ("Iran will attack Iraq unless Baghdad accepts its terms.", "Iraq"),
        ("Egypt said it would halt its mediation if Hamas fired rockets.", "Hamas"),
        ("Iran said it would attack if Iraq moved its troops.", "Iraq"),
    ],
)
def test_a_harm_promised_on_a_condition_is_a_threat(coder: Coder, text: str, target: str) -> None:
    threats = [e for e in _events(coder, text) if e.type == "THREATEN"]
    assert len(threats) == 1, text
    (threat,) = threats
    assert _summary(threat)[2] == target, text
    assert threat.modality in ("asserted", "reported") and not threat.negated, text


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Israel would attack Hezbollah if Hezbollah fired rockets.",
        "If the talks fail, Israel could attack Hezbollah, diplomats said.",
        "Israel might attack Hezbollah if Hezbollah fired rockets.",
    ],
)
def test_someone_else_predicting_a_harm_is_no_threat(coder: Coder, text: str) -> None:
    events = _events(coder, text)
    assert events and not [e for e in events if e.type == "THREATEN"], text
    assert all(e.modality == "hypothetical" for e in events), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia threatened to walk out unless the United States changed course.",
            ("THREATEN", "Russia", "United States"),
        ),
    ],
)
def test_an_act_is_aimed_at_whom_its_condition_is_about(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    events = [e for e in _events(coder, text) if e.type == expected[0]]
    assert [_summary(e) for e in events] == [expected], text


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Tuesday that Sudan must return the helicopter.",
        "Sudan must return the helicopter, Russia said.",
    ],
)
def test_saying_that_another_must_act_is_a_demand_on_them(coder: Coder, text: str) -> None:
    (event,) = _events(coder, text)
    assert _summary(event) == ("REQUEST", "Russia", "Sudan"), text
    assert event.modality == "asserted" and event.rule_id == "verb:say+that-must"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas demanded that Egypt open the crossing.", ("REQUEST", "Hamas", "Egypt")),
        ("Iran warned that Israel would pay a heavy price.", ("THREATEN", "Iran", "Israel")),
    ],
)
def test_a_statement_naming_no_one_is_aimed_at_its_complement_subject(
    coder: Coder, text: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in [_summary(e) for e in _events(coder, text)], text


@pytest.mark.parametrize(
    "text",
    [
        "Russia said Sudan returned the helicopter.",
        "Russia said Sudan will return the helicopter.",
        "Russia said Sudan should return the helicopter.",  # advice, not a demand
    ],
)
def test_saying_what_another_did_or_will_do_is_no_demand(coder: Coder, text: str) -> None:
    assert [e for e in _events(coder, text) if e.type == "REQUEST"] == [], text


def test_an_act_named_twice_is_one_event(coder: Coder) -> None:
    # the attack is named by the noun (no target) and by the verb (with one): one act
    events = _events(coder, "Hezbollah launched an attack and shelled Israel.")
    assert [_summary(e) for e in events] == [("ASSAULT", "Hezbollah", "Israel")]


def test_both_sides_of_a_hyphenated_modifier(coder: Coder) -> None:
    events = _events(coder, "The talks followed the US-Iranian talks.")
    assert {frozenset(_summary(e)[1:]) for e in events} == {frozenset({"United States", "Iran"})}


def test_a_measure_is_aimed_at_whoever_imposed_it(coder: Coder) -> None:
    (event,) = _events(coder, "Egypt protested against the measures imposed by Israel.")
    assert _summary(event) == ("PROTEST", "Egypt", "Israel")


def test_reported_speech_codes_the_reported_act(coder: Coder) -> None:
    (event,) = _events(coder, "Egyptian officials said Israel attacked Hamas.")
    assert _summary(event) == ("ASSAULT", "Israel", "Hamas")
    assert event.modality == "reported" and not event.negated
    (event,) = _events(coder, "According to the ministry, Israel shelled Syria.")
    assert event.modality == "reported"


def test_asserted_is_the_default(coder: Coder) -> None:
    (event,) = _events(coder, "Israel attacked Syria.")
    assert event.modality == "asserted" and not event.negated and event.confidence > 0.5


# --- when and where ------------------------------------------------------------------------------


def test_relative_dates_are_anchored_on_the_article(coder: Coder) -> None:
    (event,) = _events(coder, "Israel attacked Syria on Tuesday.")  # 2015-02-01 is a Sunday
    assert event.date == dt.date(2015, 1, 27)
    (event,) = _events(coder, "Israel attacked Syria last week.")
    assert event.date == dt.date(2015, 1, 25)
    # The article's own weekday is the article's day: a Sunday report's "on Sunday" is not a week earlier.
    (event,) = _events(coder, "Israel attacked Syria on Sunday.")
    assert event.date == dt.date(2015, 2, 1)


def test_a_past_perfect_is_background_with_no_article_date(coder: Coder) -> None:
    (event,) = _events(coder, "Israel had attacked Syria each year.")
    assert event.date is None  # before the report, on a date the article does not give
    (event,) = _events(coder, "Israel had attacked Syria on 4 October 2007.")
    assert event.date == dt.date(2007, 10, 4)


def test_an_undated_article_gives_no_relative_date(coder: Coder) -> None:
    (event,) = _events(coder, "Israel attacked Syria on Tuesday.", date=None)
    assert event.date is None
    (event,) = _events(coder, "Israel attacked Syria on 4 October 2007.", date=None)
    assert event.date == dt.date(2007, 10, 4)


def test_the_source_is_not_its_own_target(coder: Coder) -> None:
    # "its" inside the object is the source again; the target is the next role that holds an actor.
    (event,) = _events(coder, "Iran cut its financial aid to Hamas.")
    assert (event.type, event.source.actor.id, event.target.actor.id) == ("SANCTION", "IRN", "hamas")


def test_no_date_expression_gives_the_article_date(coder: Coder) -> None:
    (event,) = _events(coder, "Israel attacked Syria.")
    assert event.date == dt.date(2015, 2, 1)


def test_place_is_resolved_to_geonames(coder: Coder) -> None:
    (event,) = _events(coder, "Iran's foreign minister met Hamas leaders in Tehran on Tuesday.")
    assert event.place is not None
    assert (event.place.name, event.place.country, event.place.geonameid) == ("Tehran", "IRN", 112931)
    assert event.place.lat == pytest.approx(35.69, abs=0.1)
    assert _summary(event)[2] == "Hamas"  # the place is not the target


def test_place_with_its_country(coder: Coder) -> None:
    (event,) = _events(coder, "Hamas and Iran held talks in Beirut, Lebanon.")
    assert event.place is not None and (event.place.name, event.place.country) == ("Beirut", "LBN")


def test_a_country_as_the_place(coder: Coder) -> None:
    (event,) = _events(coder, "Russia attacked rebels in Syria.")
    assert event.place is not None and event.place.country == "SYR" and event.place.lat is None


def test_visiting_a_capital_targets_its_country(coder: Coder) -> None:
    (event,) = _events(coder, "Hamas leader Khaled Meshaal paid a visit to Tehran.")
    assert event.source.person is not None and event.source.person.id == "khaled-mashal"
    assert event.source.actor is not None and event.source.actor.country == "PSE"
    assert _summary(event)[2] == "Iran"
    assert event.mode == "visit" and event.cameo == "042"


def test_coreference_gives_pronoun_sources(coder: Coder) -> None:
    events = _events(coder, "Hamas has sent letters to Iran. The group's leaders met Iranian officials in Tehran.")
    assert ("CONSULT", "Hamas", "Iran") in [_summary(e) for e in events]


def test_the_shipped_lexicon_makes_the_grievance_the_target_of_a_complaint(shipped: Coder) -> None:
    # The accused of a complaint is what it is about, not whom it is made to (PLOVER ACCUSE/complain).
    (event,) = _events(shipped, "Lebanon complained to the United Nations over Israeli air raids.")
    assert _summary(event) == ("ACCUSE", "Lebanon", "Israel") and event.mode == "complain"
    (event,) = _events(shipped, "Egypt complained to Israel.")
    assert _summary(event) == ("ACCUSE", "Egypt", "Israel")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PLOVER's SUPPORT is all of CAMEO 05: an agreement concluded is diplomatic cooperation...
        ("Kenya and Ethiopia signed a border security pact.", ("SUPPORT", "sign")),
        ("Britain and the European Union agreed a trade agreement.", ("SUPPORT", "sign")),
        ("Turkey apologised to Russia for the downing of the jet.", ("SUPPORT", "apologize")),
        ("Hungary pledged its full support for Poland.", ("SUPPORT", None)),
        # ...while AGREE is the commitment to act, and a future signing is one, as is a deal reached to act.
        ("Kenya and Ethiopia agreed to hold talks.", ("AGREE", "meet")),
        ("Kenya and Ethiopia reached a deal to open a border crossing.", ("AGREE", None)),
        ("Kenya and Ethiopia signed a deal to open a border crossing.", ("SUPPORT", "sign")),
        ("Kenya will sign a border security pact with Ethiopia.", ("AGREE", "cooperate")),
        # Leaving an agreement rejects it; it is not a retreat. Breaking a ceasefire is fighting (CAMEO 196).
        ("The United States withdrew from the nuclear deal with Iran.", ("REJECT", "agreement")),
        ("Houthi rebels breached the truce with Saudi Arabia.", ("ASSAULT", None)),
    ],
)
def test_the_shipped_lexicon_tells_a_concluded_agreement_from_a_commitment(
    shipped: Coder, text: str, expected: tuple[str, str | None]
) -> None:
    events = _events(shipped, text)
    assert [(e.type, e.mode) for e in events][:1] == [expected], text
    assert events[0].target is not None, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Revenge is retaliation; taking it carries it ("take" is a light verb), promising it threatens.
        ("Israel took revenge on Hamas.", ("ASSAULT", "Israel", "Hamas")),
        ("Iran has vowed to take revenge on the United States.", ("THREATEN", "Iran", "United States")),
        # A place is known by whom it holds: the missiles were fired at the troops' side.
        ("Iran fired missiles at two bases in Iraq that host US troops.", ("ASSAULT", "Iran", "United States")),
    ],
)
def test_the_shipped_lexicon_finds_whom_a_retaliation_is_aimed_at(
    shipped: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    (event,) = _events(shipped, text)
    assert event.type == expected[0] and event.source.actor and event.target and event.target.actor
    assert event.source.actor.name == expected[1] and event.target.actor.country == _country(shipped, expected[2])


def test_a_relative_clause_is_searched_only_for_whom_a_place_holds(shipped: Coder) -> None:
    # "the group that attacked Israel" is not Israel: only verbs of holding make the clause part of the phrase.
    assert all(
        e.target is None or e.target.text != "Israel"
        for e in _events(shipped, "Egypt condemned the group that attacked Israel.")
    )


def _country(coder: Coder, name: str) -> str | None:
    (mention,) = _code(coder, f"{name} said nothing.").mentions
    return mention.actor.country if mention.actor else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the object is made of decides the entry: medicine handed over is aid, not a release.
        ("Norwegian doctors handed over two tonnes of medicine to the Palestinian Red Crescent.", ("AID", None)),
        ("Egypt has eased the curfew hours in North Sinai.", ("CONCEDE", "restrictions")),
        # Asking forgiveness apologizes; asking for help requests it.
        ("Belgium asked Congo for forgiveness for its colonial past.", ("SUPPORT", "apologize")),
        ("Belgium asked Congo for help.", ("REQUEST", "aid")),
        # Letting someone do what was barred concedes; letting in inspectors lets others take part.
        (
            "A Kenyan court allowed the jailed opposition leader Raila Odinga to run for president.",
            ("CONCEDE", "restrictions"),
        ),
        ("Israel permitted Palestinian farmers to export strawberries.", ("CONCEDE", "restrictions")),
        ("Sudan allowed UN aid workers into Darfur.", ("RETREAT", "allow-involvement")),
        # Evacuating the wounded is help; calling off a visit refuses the meeting.
        ("Jordanian helicopters evacuated the wounded from the Syrian city of Homs.", ("AID", "humanitarian")),
        ("Mexico cancelled a planned visit to the United States.", ("REJECT", "meet")),
        ("Jordan and the United States staged joint war games.", ("COOPERATE", "military")),
        # Troops sent to a peacekeeping force keep the peace; a town seized is occupied.
        ("Ghana sent 300 troops to the UN peacekeeping force in Lebanon.", ("AID", "peacekeeping")),
        ("Syrian troops seized the airport of Kuweires from Islamic State.", ("ASSAULT", "occupy")),
        # Refugees let in are sheltered (CAMEO 075), whether accepted or let across an opened border.
        ("Germany accepted 1,500 Syrian refugees from camps in Greece.", ("AID", "asylum")),
        ("Turkey opened its borders to Syrian refugees.", ("AID", "asylum")),
        ("Turkey opened its border with Syria.", ("RETREAT", "unblock")),
        # A decision taken is the act ("decided to lift"), not a plan.
        ("Japan decided to lift its sanctions on India.", ("RETREAT", "ease-sanctions")),
        # Diplomatic ties restored or upgraded are diplomatic cooperation (CAMEO 05); ties mended, cooperation.
        ("Czechia and Albania upgraded their diplomatic ties to ambassadorial level.", ("SUPPORT", None)),
        ("Czechia and Albania restored ties.", ("COOPERATE", None)),
        # Sides that stop fighting together stop it with each other.
        ("India and Pakistan halted all firing along the border.", ("RETREAT", "ceasefire")),
        # What troops seize they take by force; what authorities seize is confiscated.
        ("Russian troops seized a power plant in southern Ukraine.", ("ASSAULT", "occupy")),
        ("Venezuelan authorities seized a factory of a US carmaker.", ("COERCE", "seize")),
        ("Russian hackers attacked the websites of Estonia's government.", ("ASSAULT", "cyber")),
        # Talks that fail to reach agreement reject each other's terms; inspectors sent in investigate.
        ("Serbia and Kosovo failed to reach agreement on the border.", ("REJECT", "agreement")),
        ("The IAEA dispatched inspectors to a uranium plant in central Iran.", ("ACCUSE", "investigate")),
        # Suspects handed over to another state's justice are extradited; troops withdrawn leave a place.
        ("Kenyan police handed over two murder suspects to Ugandan authorities.", ("COOPERATE", "judicial")),
        ("Rwanda completed the withdrawal of its troops from Burundi.", ("RETREAT", "withdraw")),
        # A crowd rallying against someone protests; a state rallying partners against someone rallies
        # opposition; one rallying them behind someone rallies support.
        ("Thousands of Georgians rallied in Tbilisi against the Georgian government.", ("PROTEST", "demo")),
        ("France rallied its allies against Russia.", ("ACCUSE", "rally")),
        ("France rallied European Union partners behind the Lebanese government.", ("SUPPORT", "rally")),
        # A crowd storming a building riots; security forces beating protesters repress them.
        ("Iraqi protesters stormed the US embassy in Baghdad.", ("PROTEST", "riot")),
        ("Iranian security forces beat protesters in Tehran.", ("COERCE", "repress")),
        # A verdict is an accusation made good (CAMEO 116).
        ("A Russian court convicted the Ukrainian sailors of trespassing.", ("ACCUSE", "convict")),
    ],
)
def test_the_shipped_lexicon_reads_the_object_phrase(
    shipped: Coder, text: str, expected: tuple[str, str | None]
) -> None:
    events = [e for e in _events(shipped, text) if e.target is not None or e.type == "CONCEDE"]
    assert [(e.type, e.mode) for e in events][:1] == [expected], text
