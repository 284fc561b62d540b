"""The motive pattern schema: the packaged files load, every bad entry is named in a D302 error, and
each field of a pattern does what docs/motives.md says (small inline pattern files)."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from detente.coding import Coder
from detente.errors import DataError
from detente.events import NoEvents
from detente.ingest import make_article
from detente.motives import RuleExtractor, load_motive_cues, load_patterns, parse_motive_cues, parse_patterns

SOURCE = "test.yaml"


def _pattern(**fields: object) -> str:
    entry = {"id": "p", "category": "goal", "pos": "verb", "lemmas": ["want"], "actor": ["subject"]}
    entry["goal"] = ["xcomp"]
    entry.update(fields)
    return yaml.safe_dump({"patterns": [{k: v for k, v in entry.items() if v is not None}]})


# --- the packaged data ----------------------------------------------------------------------------


def test_packaged_patterns_load() -> None:
    raw = yaml.safe_load(resources.files("detente").joinpath("data/motives/patterns.yaml").read_text("utf-8"))
    patterns = load_patterns()
    assert [p.id for p in patterns.entries] == [item["id"] for item in raw["patterns"]]
    assert all("note" in item for item in raw["patterns"]), "every pattern shows its construction in a note"
    assert {p.category for p in patterns.entries} == {"goal", "need", "fear", "benefit"}
    assert [p.id for p in patterns.clauses] == ["clause-purpose"]
    # Patterns for one word keep file order: the first that finds actor and goal wins.
    assert [p.id for p in patterns.candidates("verb", "worry")] == [
        "verb-worry-passive",
        "verb-worry-object",
        "verb-worry",
    ]


def test_packaged_cues_load() -> None:
    cues = load_motive_cues()
    assert "abandon" in cues.negating_verbs and "its" in cues.self_words and "–" in cues.cut_at


# --- errors name the file and the entry ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "detail"),
    [
        ({"category": "wish"}, "`category` must be one of goal, need, fear, benefit, not 'wish'"),
        ({"pos": "adverb"}, "`pos` must be one of verb, noun, adj, clause, not 'adverb'"),
        ({"lemmas": []}, "`lemmas` must list at least one word"),
        ({"lemmas": "want"}, "`lemmas` must be a list of words, not 'want'"),
        ({"lemmas": ["want", False]}, 'quote "on", "off", "yes" and "no"'),
        ({"actor": ["subjekt"]}, "role 'subjekt': step 'subjekt' is not one of"),
        ({"goal": ["prep"]}, "role 'prep': step 'prep' is not one of"),
        ({"goal": ["carrier.xcomp:to"]}, "role 'carrier.xcomp:to': step 'xcomp:to' is not one of"),
        ({"actor": None}, "`actor` must list at least one word"),
        ({"markers": ["to"]}, "`markers` belong to clause patterns only"),
        ({"pos": "clause", "markers": ["to"]}, "a clause pattern is matched on its `markers`, not on `lemmas`"),
        ({"pos": "clause", "lemmas": None}, "`markers` must list at least one word"),
        ({"under": ["in"]}, "`under` applies to noun triggers only"),
        ({"voice": "middle"}, "`voice` must be active or passive"),
        ({"pos": "noun", "voice": "passive"}, "`voice` must be active or passive, and only on verb triggers"),
        ({"detach": "yes"}, "`detach` must be true or false"),
        ({"colour": "red"}, "unknown field(s) ['colour']"),
    ],
)
def test_bad_entry(fields: dict[str, object], detail: str) -> None:
    with pytest.raises(DataError) as error:
        parse_patterns(_pattern(**fields), SOURCE)
    assert error.value.code == "D302"
    assert str(error.value).startswith("[D302] test.yaml: entry 'p': ")
    assert detail in str(error.value)


def test_entry_without_id_is_named_by_position() -> None:
    text = "patterns:\n  - {category: goal, pos: verb, lemmas: [want], actor: [subject], goal: [xcomp]}\n"
    with pytest.raises(DataError, match=r"entry '#1': `id` must be non-empty text"):
        parse_patterns(text, SOURCE)


def test_duplicate_id() -> None:
    entry = {"id": "p", "category": "goal", "pos": "verb", "lemmas": ["want"], "actor": ["subject"], "goal": ["x"]}
    entry["goal"] = ["xcomp"]
    text = yaml.safe_dump({"patterns": [entry, {**entry, "lemmas": ["wish"]}]})
    with pytest.raises(DataError, match=r"entry 'p': this id is used by an earlier entry"):
        parse_patterns(text, SOURCE)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("patterns: [", "not valid YAML"),
        ("- just a list", "the file must be a mapping with a `patterns` list"),
        ("patterns:\n  - want\n", "each entry must be a mapping"),
    ],
)
def test_bad_file(text: str, detail: str) -> None:
    with pytest.raises(DataError, match="D302") as error:
        parse_patterns(text, SOURCE)
    assert detail in str(error.value)


def test_bad_cues() -> None:
    cues = yaml.safe_load(resources.files("detente").joinpath("data/motives/cues.yaml").read_text("utf-8"))
    parse_motive_cues(yaml.safe_dump(cues), SOURCE)
    cues["self_words"] = ["its", True]
    with pytest.raises(DataError, match=r"\[D302\] test.yaml: entry 'self_words': must be a list of words"):
        parse_motive_cues(yaml.safe_dump(cues), SOURCE)
    del cues["self_words"]
    with pytest.raises(DataError, match="entry 'self_words'"):
        parse_motive_cues(yaml.safe_dump(cues), SOURCE)


# --- what each field does ---------------------------------------------------------------------------


def _coder(text: str) -> Coder:
    return Coder(event_coder=NoEvents(), motive_extractor=RuleExtractor(patterns=parse_patterns(text, SOURCE)))


def _found(coder: Coder, text: str) -> list[tuple[str | None, str, str]]:
    coded = next(coder.code([make_article(text, date=dt.date(2024, 1, 1))]))
    return [(m.rule_id, m.actor.text, m.goal) for m in coded.motives]


PATTERNS = """
patterns:
  - {id: press-object, category: goal, pos: verb, lemmas: [press], actor: [subject], goal: [object]}
  - {id: press-for, category: goal, pos: verb, lemmas: [press], actor: [subject], goal: [prep:for]}
  - {id: stake, category: goal, pos: noun, lemmas: [stake], carriers: [have], actor: [carrier.subject],
     goal: [prep:in]}
  - {id: sake, category: goal, pos: noun, under: [for], lemmas: [sake], actor: [carrier.subject], goal: [pobj:of]}
  - {id: spur, category: goal, pos: verb, voice: passive, without: ["on"], lemmas: [spur], actor: [subject],
     goal: [agent]}
  - {id: unsettle, category: fear, pos: verb, voice: active, lemmas: [unsettle], actor: [object, subject],
     goal: [subject, ccomp]}
"""


@pytest.fixture(scope="module")
def small() -> Coder:
    return _coder(PATTERNS)


def test_first_pattern_that_finds_both_wins(small: Coder) -> None:
    assert _found(small, "Iran pressed the council for a vote.") == [("press-object", "Iran", "the council")]
    # No object: the first entry finds no goal, the second does.
    assert _found(small, "Iran is pressing for influence.") == [("press-for", "Iran", "influence")]


def test_carriers(small: Coder) -> None:
    assert _found(small, "Turkey has a stake in the port.") == [("stake", "Turkey", "the port")]
    assert _found(small, "Turkey sold a stake in the port.") == []


def test_under(small: Coder) -> None:
    assert _found(small, "Egypt kept quiet for the sake of the truce.") == [("sake", "Egypt", "the truce")]
    assert _found(small, "Egypt kept quiet despite the sake of the truce.") == []


def test_voice_and_without(small: Coder) -> None:
    assert _found(small, "Ghana was spurred by the crisis.") == [("spur", "Ghana", "the crisis")]
    assert _found(small, "Ghana was spurred on by the crisis.") == []
    assert _found(small, "The crisis spurred Ghana.") == []


def test_roles_in_order(small: Coder) -> None:
    # The object when there is one ("Y unsettles X"), else the subject ("X is unsettled that ...").
    assert _found(small, "The vote unsettled Kenya.") == [("unsettle", "Kenya", "The vote")]
