"""The motive extractor's data: the patterns (which constructions state a motive, and where its actor
and goal are on the dependency parse) and the cues (what negates a motive or trims its goal).

Both are YAML files in the package, checked as they load: a broken entry stops with error D302
naming the file and the entry. Docs: docs/motives.md
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, get_args

from detente.events.ontology import EntryChecker, entry_error, parse_yaml, read_packaged
from detente.models import MotiveCategory

TriggerPos = Literal["verb", "noun", "adj", "clause"]
Voice = Literal["active", "passive"]

_PATTERNS = "data/motives/patterns.yaml"
_CUES = "data/motives/cues.yaml"
_FIELDS = frozenset(
    {
        "id",
        "category",
        "pos",
        "lemmas",
        "markers",
        "actor",
        "goal",
        "concerns",
        "under",
        "carriers",
        "voice",
        "without",
        "detach",
        "note",
    }
)
_CATEGORIES: dict[str, MotiveCategory] = {c: c for c in get_args(MotiveCategory)}
_POS: dict[str, TriggerPos] = {p: p for p in get_args(TriggerPos)}
_VOICES: dict[str, Voice] = {v: v for v in get_args(Voice)}
STEPS = frozenset({"self", "subject", "object", "dative", "agent", "owner", "xcomp", "ccomp", "complement", "carrier"})
"""Role steps without an argument; `prep:W`, `pobj:W` and `pcomp:W` take a preposition."""
PREPOSITION_STEPS = frozenset({"prep", "pobj", "pcomp"})
# YAML 1.1 reads a bare on/off/yes/no as true/false: the commonest slip in a word list.
_BOOLEAN_HINT = ' (quote "on", "off", "yes" and "no": YAML reads them as true/false)'


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a role path: a dependency to follow, with its preposition for prep/pobj/pcomp."""

    name: str
    word: str | None = None

    def __str__(self) -> str:
        return self.name if self.word is None else f"{self.name}:{self.word}"


@dataclass(frozen=True, slots=True)
class Role:
    """A path from the trigger to a word: "carrier.prep:for" is the "for" of the carrying verb."""

    steps: tuple[Step, ...]

    def __str__(self) -> str:
        return ".".join(str(step) for step in self.steps)


@dataclass(frozen=True, slots=True)
class MotivePattern:
    """One construction: its trigger, and the roles that hold the actor, the goal and the other actor."""

    id: str
    category: MotiveCategory
    pos: TriggerPos
    actor: tuple[Role, ...]
    goal: tuple[Role, ...]
    lemmas: frozenset[str] = frozenset()
    markers: frozenset[str] = frozenset()
    concerns: tuple[Role, ...] = ()
    under: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    voice: Voice | None = None
    without: frozenset[str] = frozenset()
    detach: bool = False


@dataclass(frozen=True)
class MotivePatterns:
    """The patterns in file order, indexed by (pos, lemma); clause patterns apart."""

    entries: tuple[MotivePattern, ...]
    _index: dict[tuple[str, str], tuple[MotivePattern, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[MotivePattern]] = defaultdict(list)
        for entry in self.entries:
            for lemma in sorted(entry.lemmas):
                index[(entry.pos, lemma)].append(entry)
        object.__setattr__(self, "_index", {key: tuple(found) for key, found in index.items()})

    def candidates(self, pos: str, lemma: str) -> tuple[MotivePattern, ...]:
        return self._index.get((pos, lemma), ())

    @property
    def clauses(self) -> tuple[MotivePattern, ...]:
        return tuple(entry for entry in self.entries if entry.pos == "clause")


@dataclass(frozen=True, slots=True)
class MotiveCues:
    negating_verbs: frozenset[str]
    negating_nouns: frozenset[str]
    object_control_verbs: frozenset[str]
    request_nouns: frozenset[str]
    setting_marks: frozenset[str]
    cut_at: frozenset[str]
    member_prepositions: frozenset[str]
    other_party_nouns: frozenset[str]
    self_words: frozenset[str]


@lru_cache(maxsize=1)
def load_patterns() -> MotivePatterns:
    """The packaged motive patterns, checked (loaded once per process)."""
    return parse_patterns(read_packaged(_PATTERNS), _PATTERNS)


@lru_cache(maxsize=1)
def load_motive_cues() -> MotiveCues:
    """The packaged motive cues (loaded once per process)."""
    return parse_motive_cues(read_packaged(_CUES), _CUES)


def parse_patterns(text: str, source: str) -> MotivePatterns:
    """Patterns from YAML text; `source` names the file in errors."""
    data = parse_yaml(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        raise entry_error(source, None, "the file must be a mapping with a `patterns` list")
    entries = [_pattern(source, index, item) for index, item in enumerate(data["patterns"])]
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise entry_error(source, entry.id, "this id is used by an earlier entry")
        seen.add(entry.id)
    return MotivePatterns(tuple(entries))


def _pattern(source: str, index: int, item: Any) -> MotivePattern:
    label = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else f"#{index + 1}"
    check = EntryChecker(source, str(label), item, _FIELDS)
    pattern_id = check.text("id")
    category = check.text("category")
    if category not in _CATEGORIES:
        raise check.fail(f"`category` must be one of {', '.join(_CATEGORIES)}, not {category!r}")
    pos = check.text("pos")
    if pos not in _POS:
        raise check.fail(f"`pos` must be one of {', '.join(_POS)}, not {pos!r}")
    lemmas = _words(check, "lemmas", required=pos != "clause")
    markers = _words(check, "markers", required=pos == "clause")
    if pos == "clause" and lemmas:
        raise check.fail("a clause pattern is matched on its `markers`, not on `lemmas`")
    if pos != "clause" and markers:
        raise check.fail("`markers` belong to clause patterns only")
    under = _words(check, "under")
    if under and pos != "noun":
        raise check.fail("`under` applies to noun triggers only")
    voice = check.data.get("voice")
    if voice is not None and (not isinstance(voice, str) or voice not in _VOICES or pos != "verb"):
        raise check.fail(f"`voice` must be active or passive, and only on verb triggers, not {voice!r}")
    detach = check.data.get("detach", False)
    if not isinstance(detach, bool):
        raise check.fail(f"`detach` must be true or false, not {detach!r}")
    if "note" in check.data and not isinstance(check.data["note"], str):
        raise check.fail("`note` must be text")
    return MotivePattern(
        id=pattern_id,
        category=_CATEGORIES[category],
        pos=_POS[pos],
        actor=_roles(check, "actor", required=True),
        goal=_roles(check, "goal", required=True),
        lemmas=frozenset(lemmas),
        markers=frozenset(" ".join(m.split()) for m in markers),
        concerns=_roles(check, "concerns", required=False),
        under=frozenset(under),
        carriers=frozenset(_words(check, "carriers")),
        voice=None if voice is None else _VOICES[voice],
        without=frozenset(_words(check, "without")),
        detach=detach,
    )


def _words(check: EntryChecker, name: str, *, required: bool = False) -> list[str]:
    value = check.data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise check.fail(f"`{name}` must be a list of words, not {value!r}{_BOOLEAN_HINT}")
    if required and not value:
        raise check.fail(f"`{name}` must list at least one word")
    return [w.strip().lower() for w in value]


def _roles(check: EntryChecker, name: str, *, required: bool) -> tuple[Role, ...]:
    texts = _words(check, name, required=required)
    return tuple(parse_role(text, check) for text in texts)


def parse_role(text: str, check: EntryChecker) -> Role:
    """A role path ("carrier.prep:for"), each step checked against the step vocabulary."""
    steps: list[Step] = []
    for part in text.split("."):
        name, _, word = part.partition(":")
        if name in PREPOSITION_STEPS and word:
            steps.append(Step(name, word))
        elif name in STEPS and not word:
            steps.append(Step(name))
        else:
            known = ", ".join(sorted(STEPS | {f"{p}:WORD" for p in PREPOSITION_STEPS}))
            raise check.fail(f"role {text!r}: step {part!r} is not one of {known}")
    return Role(tuple(steps))


def parse_motive_cues(text: str, source: str) -> MotiveCues:
    """Motive cues from YAML text; `source` names the file in errors."""
    data = parse_yaml(text, source)
    if not isinstance(data, dict):
        raise entry_error(source, None, "the file must be a mapping")

    def words(key: str) -> frozenset[str]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise entry_error(source, key, f"must be a list of words{_BOOLEAN_HINT}")
        return frozenset(w.lower() for w in value)

    return MotiveCues(
        negating_verbs=words("negating_verbs"),
        negating_nouns=words("negating_nouns"),
        object_control_verbs=words("object_control_verbs"),
        request_nouns=words("request_nouns"),
        setting_marks=words("setting_marks"),
        cut_at=words("cut_at"),
        member_prepositions=words("member_prepositions"),
        other_party_nouns=words("other_party_nouns"),
        self_words=words("self_words"),
    )
