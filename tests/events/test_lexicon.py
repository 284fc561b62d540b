"""Tests for the trigger lexicon and the cues: the shipped data, and the checks that guard them."""

from __future__ import annotations

import pytest

from detente.errors import DataError
from detente.events import load_cues, load_lexicon, load_ontology
from detente.events.lexicon import DEFAULT_ROLES, Lexicon, parse_cues, parse_lexicon
from detente.events.ontology import PLOVER_TYPES
from detente.nlp import load_pipeline


def _lexicon(entries: str) -> Lexicon:
    return parse_lexicon("triggers:\n" + entries, "test.yaml", load_ontology())


# --- the shipped lexicon --------------------------------------------------------------------------


def test_every_type_has_verbs_and_nouns() -> None:
    lexicon = load_lexicon()
    for type_name in PLOVER_TYPES:
        entries = [e for e in lexicon.entries if e.type == type_name]
        assert len({e.lemma for e in entries}) >= 8, type_name
        assert {e.pos for e in entries} == {"verb", "noun"}, type_name


def test_the_lexicon_is_large_enough_for_wire_news() -> None:
    assert len(load_lexicon().entries) >= 500


def test_every_code_stands_for_its_type() -> None:
    ontology = load_ontology()
    for entry in load_lexicon().entries:
        found = ontology.cameo_entry(entry.cameo)
        assert found is not None and found.type == entry.type, entry.key


def test_lemmas_are_what_the_pipeline_produces() -> None:
    """An entry whose lemma spaCy never produces would never fire: inflected forms must reach it."""
    nlp = load_pipeline()
    lexicon = load_lexicon()
    doc = nlp("Iran met Oman and held talks. Israel launched airstrikes and imposed sanctions. Egypt accused Hamas.")
    for word, pos in (
        ("met", "verb"),
        ("talks", "noun"),
        ("airstrikes", "noun"),
        ("sanctions", "noun"),
        ("accused", "verb"),
    ):
        token = next(t for t in doc if t.text == word)
        assert lexicon.candidates(token.lemma_.lower(), pos), (word, token.lemma_)


def test_conditional_entries_come_first() -> None:
    lexicon = _lexicon(
        "  - {lemma: support, pos: noun, type: SUPPORT}\n  - {lemma: support, pos: noun, with: [military], type: AID}\n"
    )
    first, second = lexicon.candidates("support", "noun")
    assert first.with_ == {"military"} and first.type == "AID"
    assert second.type == "SUPPORT"
    assert first.key == "noun:support+military"


def test_a_clause_condition_is_a_condition_too() -> None:
    lexicon = _lexicon(
        "  - {lemma: say, pos: verb, type: ACCUSE}\n  - {lemma: say, pos: verb, clause_with: [must], type: REQUEST}\n"
    )
    first, second = lexicon.candidates("say", "verb")
    assert first.clause_with == {"must"} and first.key == "verb:say+that-must"
    assert second.type == "ACCUSE"


def test_defaults_fill_roles_and_codes() -> None:
    (entry,) = _lexicon("  - {lemma: visit, pos: verb, type: CONSULT, mode: visit}\n").entries
    assert entry.source == DEFAULT_ROLES["verb"]["source"]
    assert entry.target == DEFAULT_ROLES["verb"]["target"]
    assert entry.cameo == "042"


# --- what the loader refuses --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{lemma: attack, pos: verb, type: ATTACK}", "not a PLOVER type"),
        ("{lemma: attack, pos: verb, type: ASSAULT, mode: nuclear}", "not a mode of ASSAULT"),
        ("{lemma: attack, pos: adverb, type: ASSAULT}", "verb or noun"),
        ('{lemma: attack, pos: verb, type: ASSAULT, cameo: "042"}', "does not stand for ASSAULT"),
        ("{lemma: attack, pos: verb, type: ASSAULT, cameo: 190}", "quoted"),
        ("{lemma: call, pos: verb, type: REQUEST, with: [on]}", "quote"),
        ("{lemma: attack, pos: verb, type: ASSAULT, target: [object]}", "role 'object'"),
        ("{lemma: attack, pos: verb, type: ASSAULT, colour: red}", "unknown field"),
        ("{lemma: vow, pos: verb, type: AGREE, conflict_type: MENACE}", "conflict_type"),
        ("{lemma: say, pos: verb, type: REQUEST, clause_with: must}", "clause_with"),
    ],
)
def test_bad_entries_are_refused_with_the_entry_named(entry: str, message: str) -> None:
    with pytest.raises(DataError) as caught:
        _lexicon(f"  - {entry}\n")
    assert caught.value.code == "D302"
    assert message in str(caught.value)
    assert "test.yaml" in str(caught.value)


def test_duplicate_entries_are_refused() -> None:
    with pytest.raises(DataError, match="more than once"):
        _lexicon("  - {lemma: attack, pos: verb, type: ASSAULT}\n  - {lemma: attack, pos: verb, type: COERCE}\n")


def test_a_file_without_triggers_is_refused() -> None:
    with pytest.raises(DataError, match="`triggers` list"):
        parse_lexicon("entries: []\n", "test.yaml", load_ontology())


# --- cues ---------------------------------------------------------------------------------------


def test_shipped_cues() -> None:
    cues = load_cues()
    assert {"will", "shall"} <= cues.future_auxiliaries
    assert {"would", "could", "might"} <= cues.hypothetical_auxiliaries
    assert {"not", "never", "no"} <= cues.negation_words
    assert "prevent" in cues.negating_verbs and "say" in cues.reporting_verbs
    assert "if" in cues.conditional_markers and "in" in cues.place_prepositions
    assert cues.intent_types["CONSULT"] == ("AGREE", "meet")
    assert cues.intent_types["ASSAULT"][0] == "THREATEN"
    assert not cues.light_verbs & {"say", "attack"} and "mission" in cues.undertaking_nouns
    assert "would" in cues.backshifted_future and "unless" in cues.threat_markers
    assert cues.threat_modes["CONSULT"] == "halt-talks"


# The cue lists every file must have, each with one word: a test adds the section it is about.
MINIMAL_CUES = (
    "light_verbs: [hold]\nmodal_auxiliaries: {future: [will], hypothetical: [would]}\n"
    "intent_verbs: {future: [plan], hypothetical: [hope]}\nnegation_words: [not]\nnegating_verbs: [deny]\n"
    "reporting_verbs: [say]\nconditional_markers: [if]\nplace_prepositions: [in]\n"
)


def test_cues_refuse_an_unknown_threat_mode() -> None:
    text = MINIMAL_CUES + "conditional_threats: {always: [unless], modes: {CONSULT: walk-out}}\n"
    with pytest.raises(DataError, match=r"conditional_threats\.modes\.CONSULT"):
        parse_cues(text, "cues.yaml", load_ontology())
    cues = parse_cues(text.replace("walk-out", "halt-talks"), "cues.yaml", load_ontology())
    assert cues.threat_modes == {"CONSULT": "halt-talks"} and cues.threat_markers == {"unless"}
    for broken in ("conditional_threats: [unless]", "conditional_threats: {modes: [CONSULT]}"):
        malformed = text.replace("conditional_threats: {always: [unless], modes: {CONSULT: walk-out}}", broken)
        with pytest.raises(DataError, match=r"conditional_threats"):
            parse_cues(malformed, "cues.yaml", load_ontology())


def test_cues_refuse_an_unknown_intent_type() -> None:
    text = MINIMAL_CUES + "intent_types: {CONSULT: [AGREE, chat]}\n"
    with pytest.raises(DataError, match=r"intent_types\.CONSULT"):
        parse_cues(text, "cues.yaml", load_ontology())
    assert parse_cues(text.replace("chat", "meet"), "cues.yaml", load_ontology()).intent_types == {
        "CONSULT": ("AGREE", "meet")
    }


def test_cues_refuse_an_unknown_addressed_type() -> None:
    text = MINIMAL_CUES + (
        "addressed_by_purpose: {types: [RALLY], grievance_nouns: [protest], grievance_preps: [over]}\n"
    )
    with pytest.raises(DataError, match=r"addressed_by_purpose\.types"):
        parse_cues(text, "cues.yaml", load_ontology())
    cues = parse_cues(text.replace("RALLY", "protest"), "cues.yaml", load_ontology())
    assert cues.addressed_types == {"PROTEST"} and cues.grievance_preps == {"over"}
    assert load_cues().addressed_types == {"PROTEST", "REJECT"} and "protest" in load_cues().grievance_nouns


def test_cues_refuse_an_unknown_refusal_mode() -> None:
    text = MINIMAL_CUES + "refusals: {AGREE: {meet: snub}}\n"
    with pytest.raises(DataError, match=r"refusals\.AGREE"):
        parse_cues(text, "cues.yaml", load_ontology())
    cues = parse_cues(text.replace("snub", "meet"), "cues.yaml", load_ontology())
    assert cues.refusals == {"AGREE": {"meet": "meet"}}
    for broken in ("refusals: [AGREE]\n", "intent_types: [CONSULT]\n", "venue_types: [MEETING]\n"):
        with pytest.raises(DataError, match=broken.split(":")[0]):
            parse_cues(MINIMAL_CUES + broken, "cues.yaml", load_ontology())
    assert load_cues().refusals["AGREE"]["aid"] == "aid"


def test_cues_refuse_a_bare_no() -> None:
    with pytest.raises(DataError, match="quote"):
        parse_cues("negation_words: [not, no]\n", "cues.yaml", load_ontology())
