"""The event coder's data: the trigger lexicon (what kind of event a word names) and the cues
(what makes an event future, hypothetical, negated or reported).

Both are YAML files in the package, checked against the ontology as they load: a broken entry
stops with error D302 naming the file and the entry. Docs: docs/events.md
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from detente.events.ontology import EntryChecker, Ontology, entry_error, load_ontology, parse_yaml, read_packaged

Pos = Literal["verb", "noun"]

_TRIGGERS = "data/events/triggers.yaml"
_CUES = "data/events/cues.yaml"
_TRIGGER_FIELDS = frozenset(
    {
        "lemma",
        "pos",
        "type",
        "mode",
        "cameo",
        "with",
        "without",
        "source",
        "target",
        "symmetric",
        "conflict_type",
        "clause_with",
        "note",
    }
)
# YAML 1.1 reads a bare on/off/yes/no as true/false: the commonest slip in a word list.
_BOOLEAN_HINT = ' (quote "on", "off", "yes" and "no": YAML reads them as true/false)'
_ROLES = frozenset({"nsubj", "agent", "dobj", "dative", "poss", "compound", "amod"})

DEFAULT_ROLES: dict[Pos, dict[str, tuple[str, ...]]] = {
    "verb": {
        "source": ("nsubj", "agent"),
        "target": (
            "dobj",
            "dative",
            "prep:against",
            "prep:with",
            "prep:on",
            "prep:to",
            "prep:toward",
            "prep:towards",
            "prep:at",
            "prep:into",
            "prep:over",
        ),
    },
    "noun": {
        "source": ("poss", "compound", "amod", "prep:by", "prep:from"),
        "target": (
            "prep:against",
            "prep:on",
            "prep:with",
            "prep:to",
            "prep:toward",
            "prep:towards",
            "prep:of",
            "prep:at",
            "prep:into",
            "prep:for",
        ),
    },
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a word (with an optional condition) and the event it names."""

    lemma: str
    pos: Pos
    type: str
    mode: str | None
    cameo: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    with_: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    symmetric: bool = False
    conflict_type: str | None = None
    clause_with: frozenset[str] = frozenset()

    @property
    def conditional(self) -> bool:
        return bool(self.with_ or self.clause_with)

    @property
    def key(self) -> str:
        """A short name for the entry, kept on every event it codes (`rule_id`)."""
        condition = "+" + "|".join(sorted(self.with_)) if self.with_ else ""
        clause = "+that-" + "|".join(sorted(self.clause_with)) if self.clause_with else ""
        return f"{self.pos}:{self.lemma}{condition}{clause}"


@dataclass(frozen=True)
class Lexicon:
    """Trigger entries by (lemma, pos); conditional entries come first so they win when they apply."""

    entries: tuple[Trigger, ...]
    _index: dict[tuple[str, str], tuple[Trigger, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[tuple[str, str], list[Trigger]] = defaultdict(list)
        for entry in self.entries:
            index[(entry.lemma, entry.pos)].append(entry)
        ordered = {key: tuple(sorted(found, key=lambda e: not e.conditional)) for key, found in index.items()}
        object.__setattr__(self, "_index", ordered)

    def candidates(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        return self._index.get((lemma, pos), ())

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(lemma for lemma, _ in self._index)


@dataclass(frozen=True, slots=True)
class Cues:
    light_verbs: frozenset[str]
    undertaking_nouns: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    backshifted_future: frozenset[str]
    future_intents: frozenset[str]
    hypothetical_intents: frozenset[str]
    negation_words: frozenset[str]
    negating_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    conditional_markers: frozenset[str]
    condition_focus: frozenset[str]
    place_prepositions: frozenset[str]
    intent_types: dict[str, tuple[str, str | None]]
    threat_markers: frozenset[str]
    threat_modes: dict[str, str]
    addressed_types: frozenset[str] = frozenset()
    grievance_nouns: frozenset[str] = frozenset()
    grievance_preps: frozenset[str] = frozenset()
    holding_verbs: frozenset[str] = frozenset()
    pending_markers: frozenset[str] = frozenset()
    venue_types: frozenset[str] = frozenset()
    negating_subjects: frozenset[str] = frozenset()
    pending_adverbs: frozenset[str] = frozenset()
    joint_types: frozenset[str] = frozenset()
    commitment_verbs: frozenset[str] = frozenset()
    helper_nouns: frozenset[str] = frozenset()
    refusals: dict[str, dict[str, str | None]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon, checked against the ontology (loaded once per process)."""
    return parse_lexicon(read_packaged(_TRIGGERS), _TRIGGERS, load_ontology())


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The packaged cue lists (loaded once per process)."""
    return parse_cues(read_packaged(_CUES), _CUES, load_ontology())


def parse_lexicon(text: str, source: str, ontology: Ontology) -> Lexicon:
    data = parse_yaml(text, source)
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise entry_error(source, None, "the file must be a mapping with a `triggers` list")
    entries = [_trigger(source, index, item, ontology) for index, item in enumerate(data["triggers"])]
    seen: set[tuple[str, str, frozenset[str], frozenset[str]]] = set()
    for entry in entries:
        identity = (entry.lemma, entry.pos, entry.with_, entry.clause_with)
        if identity in seen:
            raise entry_error(
                source, entry.key, "this lemma, pos and condition (`with`, `clause_with`) is listed more than once"
            )
        seen.add(identity)
    return Lexicon(tuple(entries))


def _trigger(source: str, index: int, item: Any, ontology: Ontology) -> Trigger:
    label = item.get("lemma") if isinstance(item, dict) and isinstance(item.get("lemma"), str) else f"#{index + 1}"
    check = EntryChecker(source, str(label), item, _TRIGGER_FIELDS)
    lemma = check.text("lemma").lower()
    pos = check.text("pos")
    if pos not in DEFAULT_ROLES:
        raise check.fail(f"`pos` must be verb or noun, not {pos!r}")
    type_name = check.text("type")
    try:
        ontology.type(type_name)
    except KeyError as exc:
        raise check.fail(f"`type` {type_name!r} is not a PLOVER type") from exc
    mode = item.get("mode")
    if mode is not None:
        try:
            ontology.mode(type_name, check.text("mode"))
        except KeyError as exc:
            raise check.fail(f"`mode` {mode!r} is not a mode of {type_name} in ontology.yaml") from exc
    cameo = item.get("cameo")
    if cameo is None:
        cameo = ontology.cameo_for(type_name, mode)
    else:
        cameo = check.code(cameo)
        entry = ontology.cameo_entry(cameo)
        if entry is None or entry.type != type_name:
            raise check.fail(f"CAMEO code {cameo} does not stand for {type_name} in ontology.yaml")
    conflict_type = item.get("conflict_type")
    if conflict_type is not None and conflict_type not in {t.name for t in ontology.types}:
        raise check.fail(f"`conflict_type` {conflict_type!r} is not a PLOVER type")
    typed_pos: Pos = "verb" if pos == "verb" else "noun"
    return Trigger(
        lemma=lemma,
        pos=typed_pos,
        type=type_name,
        mode=mode,
        cameo=cameo,
        source=_roles(check, "source", DEFAULT_ROLES[typed_pos]["source"]),
        target=_roles(check, "target", DEFAULT_ROLES[typed_pos]["target"]),
        with_=frozenset(w.lower() for w in _words(check, "with")),
        without=frozenset(w.lower() for w in _words(check, "without")),
        symmetric=bool(item.get("symmetric", False)),
        conflict_type=conflict_type,
        clause_with=frozenset(w.lower() for w in _words(check, "clause_with")),
    )


def _words(check: EntryChecker, name: str) -> list[str]:
    value = check.data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise check.fail(f"`{name}` must be a list of words, not {value!r}{_BOOLEAN_HINT}")
    return [w.strip() for w in value]


def _roles(check: EntryChecker, name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    if name not in check.data:
        return default
    roles = _words(check, name)
    for role in roles:
        if role not in _ROLES and not (role.startswith("prep:") and len(role) > 5):
            raise check.fail(f"`{name}` role {role!r} is not one of {sorted(_ROLES)} or prep:WORD")
    return tuple(roles)


def parse_cues(text: str, source: str, ontology: Ontology) -> Cues:
    data = parse_yaml(text, source)
    if not isinstance(data, dict):
        raise entry_error(source, None, "the file must be a mapping")

    def words(*path: str, optional: bool = False) -> frozenset[str]:
        value: Any = data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is None and optional:
            return frozenset()
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise entry_error(source, ".".join(path), f"must be a list of words{_BOOLEAN_HINT}")
        return frozenset(w.lower() for w in value)

    def types(*path: str) -> frozenset[str]:
        """An optional list of PLOVER type names, each checked against the ontology."""
        found = frozenset(t.upper() for t in words(*path, optional=True))
        for act in found:
            try:
                ontology.type(act)
            except KeyError as exc:
                raise entry_error(source, ".".join(path), f"unknown type ({exc})") from exc
        return found

    def mapping(name: str) -> dict[Any, Any]:
        value = data.get(name) or {}
        if not isinstance(value, dict):
            raise entry_error(source, name, "must be a mapping {TYPE: ...}")
        return value

    intents: dict[str, tuple[str, str | None]] = {}
    for act, value in mapping("intent_types").items():
        if not (isinstance(value, list) and len(value) == 2):
            raise entry_error(source, f"intent_types.{act}", "must be [TYPE, mode]")
        try:
            ontology.type(act)
            ontology.mode(value[0], value[1])
        except KeyError as exc:
            raise entry_error(source, f"intent_types.{act}", f"unknown type or mode ({exc})") from exc
        intents[act] = (value[0], value[1])
    threats = data.get("conditional_threats") or {}
    modes = (threats.get("modes") or {}) if isinstance(threats, dict) else None
    if not isinstance(modes, dict):
        raise entry_error(source, "conditional_threats", "must be a mapping with `always` and `modes` {TYPE: mode}")
    threat_modes: dict[str, str] = {}
    for act, mode in modes.items():
        try:
            ontology.type(act)
            ontology.mode("THREATEN", mode)
        except KeyError as exc:
            raise entry_error(source, f"conditional_threats.modes.{act}", f"unknown type or mode ({exc})") from exc
        threat_modes[act] = mode
    refusals: dict[str, dict[str, str | None]] = {}
    for act, value in mapping("refusals").items():
        if not isinstance(value, dict):
            raise entry_error(source, f"refusals.{act}", "must be a mapping {mode: REJECT mode}")
        try:
            ontology.type(act)
            for promised, rejected in value.items():
                ontology.mode(act, promised)
                if rejected is not None:
                    ontology.mode("REJECT", rejected)
        except KeyError as exc:
            raise entry_error(source, f"refusals.{act}", f"unknown type or mode ({exc})") from exc
        refusals[act] = {str(k): v for k, v in value.items()}
    return Cues(
        light_verbs=words("light_verbs"),
        undertaking_nouns=words("undertaking_nouns", optional=True),
        future_auxiliaries=words("modal_auxiliaries", "future"),
        hypothetical_auxiliaries=words("modal_auxiliaries", "hypothetical"),
        backshifted_future=words("modal_auxiliaries", "backshifted_future", optional=True),
        future_intents=words("intent_verbs", "future"),
        hypothetical_intents=words("intent_verbs", "hypothetical"),
        negation_words=words("negation_words"),
        negating_verbs=words("negating_verbs"),
        negating_subjects=words("negating_subjects", optional=True),
        pending_adverbs=words("pending_adverbs", optional=True),
        reporting_verbs=words("reporting_verbs"),
        conditional_markers=words("conditional_markers"),
        condition_focus=words("condition_focus", optional=True),
        place_prepositions=words("place_prepositions"),
        intent_types=intents,
        threat_markers=words("conditional_threats", "always", optional=True),
        threat_modes=threat_modes,
        addressed_types=types("addressed_by_purpose", "types"),
        grievance_nouns=words("addressed_by_purpose", "grievance_nouns", optional=True),
        grievance_preps=words("addressed_by_purpose", "grievance_preps", optional=True),
        holding_verbs=words("holding_verbs", optional=True),
        pending_markers=words("pending_markers", optional=True),
        venue_types=types("venue_types"),
        joint_types=types("joint_types"),
        commitment_verbs=words("commitment_verbs", optional=True),
        helper_nouns=words("helper_nouns", optional=True),
        refusals=refusals,
    )
