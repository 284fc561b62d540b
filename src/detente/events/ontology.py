"""The event ontology: the 16 PLOVER event types, their modes, intensities and CAMEO codes.

The data lives in `detente/data/events/ontology.yaml`; `load_ontology()` reads and validates it once
(on first call, never at import) and returns a frozen `Ontology` to look types, modes and codes up in.
A broken file raises DataError D302 naming the file and the entry; a missing one raises D301.

Example:
    >>> ontology = load_ontology()
    >>> ontology.cameo_for("CONSULT", "phone")
    '041'
    >>> ontology.from_cameo("0874")
    ('RETREAT', 'withdraw')

Docs: docs/ontology.md
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from detente.errors import DataError, Messages

__all__ = ["PLOVER_TYPES", "QUAD_CLASSES", "CameoEntry", "EventType", "Mode", "Ontology", "load_ontology"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
"""The 16 PLOVER event types, in PLOVER's order (cooperation first, most violent last)."""

QUAD_CLASSES: Mapping[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

_RESOURCE = "data/events/ontology.yaml"
# libyaml's safe loader where PyYAML has it: the data files load several times faster than in pure Python.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CAMEO_CODE = re.compile(r"\d{2,4}")
_MODE_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
_TYPE_FIELDS = frozenset({"name", "quad_class", "intensity", "definition", "cameo", "modes", "undirected"})
_MODE_FIELDS = frozenset({"name", "definition", "intensity", "cameo"})
_CAMEO_FIELDS = frozenset({"code", "type", "mode", "why"})


@dataclass(frozen=True, slots=True)
class Mode:
    """One PLOVER mode of an event type (CONSULT `phone`, ASSAULT `aerial`).

    `intensity` is already resolved: the mode's own value, or its type's where the file gives none.
    `cameo` holds the CAMEO codes coded as this mode; the first is the primary one.
    """

    type: str
    name: str
    definition: str
    intensity: float
    cameo: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventType:
    """One of the 16 PLOVER event types.

    `cameo` holds the CAMEO codes coded as this type with no mode; the first is the primary one.
    """

    name: str
    quad_class: int
    intensity: float
    definition: str
    cameo: tuple[str, ...]
    modes: tuple[Mode, ...]
    undirected: bool = False
    """Whether an act of this type is complete with no one it is aimed at ("agreed to resign",
    "lifted the curfew", "withdrew its troops"); an act of any other type is coded only with a target."""

    @property
    def intensity_range(self) -> tuple[float, float]:
        """The lowest and highest intensity over the type and its modes."""
        values = [self.intensity, *(mode.intensity for mode in self.modes)]
        return min(values), max(values)


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """One row of the CAMEO reverse map: a code and the PLOVER type and mode it stands for.

    `type` is None for codes that are not PLOVER events (public statements); `why` then says why.
    """

    code: str
    type: str | None
    mode: str | None = None
    why: str | None = None


@dataclass(frozen=True, slots=True)
class Ontology:
    """The validated ontology. Build it with `load_ontology()`, not directly."""

    types: tuple[EventType, ...]
    cameo: tuple[CameoEntry, ...]
    _by_code: Mapping[str, CameoEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({entry.code: entry for entry in self.cameo}))

    def type(self, name: str) -> EventType:
        """The event type called `name` (any case). Raises KeyError for a name that is not a PLOVER type."""
        wanted = name.upper()
        for event_type in self.types:
            if event_type.name == wanted:
                return event_type
        raise KeyError(f"unknown PLOVER event type {name!r}; choose one of: {', '.join(PLOVER_TYPES)}")

    def mode(self, type: str, mode: str) -> Mode:
        """The mode `mode` (any case) of event type `type`. Raises KeyError if either is unknown."""
        event_type = self.type(type)
        wanted = mode.lower()
        for candidate in event_type.modes:
            if candidate.name == wanted:
                return candidate
        names = ", ".join(candidate.name for candidate in event_type.modes) or "(none)"
        raise KeyError(f"{event_type.name} has no mode {mode!r}; its modes are: {names}")

    def intensity(self, type: str, mode: str | None = None) -> float:
        """The intensity (-10 to +10) of the type, or of one of its modes."""
        return self.type(type).intensity if mode is None else self.mode(type, mode).intensity

    def quad_class(self, type: str) -> int:
        """The quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return self.type(type).quad_class

    def cameo_for(self, type: str, mode: str | None = None) -> str:
        """The primary CAMEO code of a type or mode.

        A mode with no CAMEO code of its own (CONSULT `multilateral`) gets its type's primary code.
        """
        if mode is not None:
            codes = self.mode(type, mode).cameo
            if codes:
                return codes[0]
        return self.type(type).cameo[0]

    def cameo_entry(self, code: str) -> CameoEntry | None:
        """The reverse-map row for a CAMEO code, falling back from four digits to three to two.

        Returns None for a code that is not in the map even after falling back, or is not 2-4 digits.
        """
        code = code.strip()
        if not _CAMEO_CODE.fullmatch(code):
            return None
        table = self._by_code
        for length in (len(code), 3, 2):
            if length <= len(code) and code[:length] in table:
                return table[code[:length]]
        return None

    def from_cameo(self, code: str) -> tuple[str, str | None] | None:
        """The PLOVER (type, mode) of a CAMEO code such as GDELT's `EventCode`; mode may be None.

        Falls back from four digits to three to two (`0874` -> `087` -> `08`). Returns None where the
        code is not a PLOVER event (01x public statements; see `cameo_entry(code).why`) or is unknown.
        """
        entry = self.cameo_entry(code)
        if entry is None or entry.type is None:
            return None
        return entry.type, entry.mode


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load and validate the packaged ontology (once; later calls return the same object).

    Raises DataError D301 if the file is missing from the package and D302 if an entry breaks a rule.

    Example: `load_ontology().intensity("ASSAULT", "aerial")` gives -10.
    Docs: docs/ontology.md
    """
    resource = resources.files("detente").joinpath(_RESOURCE)
    if not resource.is_file():
        raise DataError(Messages.D301.format(name=_RESOURCE), code="D301")
    return _parse(resource.read_text(encoding="utf-8"), _RESOURCE)


def _load(path: Path) -> Ontology:
    """Load and validate an ontology file at `path` (tests and analysts' drafts)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(Messages.D301.format(name=str(path)), code="D301") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise entry_error(str(path), None, f"cannot read the file ({exc})") from exc
    return _parse(text, str(path))


def _parse(text: str, source: str) -> Ontology:
    try:
        data = yaml.load(text, Loader=_LOADER)  # a safe loader: no arbitrary objects
    except yaml.YAMLError as exc:
        raise entry_error(source, None, f"not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or set(data) != {"types", "cameo"}:
        raise entry_error(source, None, "the file must be a mapping with exactly the keys `types` and `cameo`")
    raw_types, raw_cameo = data["types"], data["cameo"]
    if not isinstance(raw_types, list) or not isinstance(raw_cameo, list):
        raise entry_error(source, None, "`types` and `cameo` must both be lists")

    types = tuple(_event_type(source, index, item) for index, item in enumerate(raw_types))
    names = [event_type.name for event_type in types]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise entry_error(source, duplicates[0], "this type is listed more than once")
    if len(types) != len(PLOVER_TYPES) or set(names) != set(PLOVER_TYPES):
        missing = sorted(set(PLOVER_TYPES) - set(names))
        raise entry_error(source, None, f"`types` must hold the 16 PLOVER types exactly once; missing: {missing}")

    cameo = tuple(_cameo_entry(source, index, item) for index, item in enumerate(raw_cameo))
    _check_cameo(source, types, cameo)
    return Ontology(types=types, cameo=cameo)


def _event_type(source: str, index: int, item: Any) -> EventType:
    check = EntryChecker(source, _label(item, "name", f"types[{index}]"), item, _TYPE_FIELDS)
    name = check.text("name")
    if name not in PLOVER_TYPES:
        raise check.fail(f"`name` must be one of the PLOVER types {', '.join(PLOVER_TYPES)}, not {name!r}")
    check.key = name
    quad_class = check.data.get("quad_class")
    if isinstance(quad_class, bool) or quad_class not in QUAD_CLASSES:
        raise check.fail(f"`quad_class` must be 1, 2, 3 or 4, not {quad_class!r}")
    intensity = check.intensity(quad_class, required=True)
    assert intensity is not None
    raw_modes = check.data.get("modes", [])
    if not isinstance(raw_modes, list):
        raise check.fail("`modes` must be a list")
    modes = []
    for mode_index, raw_mode in enumerate(raw_modes):
        label = f"{name}/{_label(raw_mode, 'name', f'modes[{mode_index}]')}"
        mode_check = EntryChecker(source, label, raw_mode, _MODE_FIELDS)
        mode_name = mode_check.text("name")
        if not _MODE_NAME.fullmatch(mode_name):
            raise mode_check.fail(f"a mode name must be lower-case words joined by hyphens, not {mode_name!r}")
        mode_check.key = f"{name}/{mode_name}"
        if any(mode.name == mode_name for mode in modes):
            raise mode_check.fail("this mode is listed twice")
        mode_intensity = mode_check.intensity(quad_class, required=False)
        modes.append(
            Mode(
                type=name,
                name=mode_name,
                definition=mode_check.text("definition"),
                intensity=intensity if mode_intensity is None else mode_intensity,
                cameo=mode_check.codes(),
            )
        )
    codes = check.codes()
    if not codes:
        raise check.fail("`cameo` must list at least one code (the type's primary CAMEO code)")
    undirected = check.data.get("undirected", False)
    if not isinstance(undirected, bool):
        raise check.fail(f"`undirected` must be true or false, not {undirected!r}")
    return EventType(
        name=name,
        quad_class=quad_class,
        intensity=intensity,
        definition=check.text("definition"),
        cameo=codes,
        modes=tuple(modes),
        undirected=undirected,
    )


def _cameo_entry(source: str, index: int, item: Any) -> CameoEntry:
    check = EntryChecker(source, f"cameo {_label(item, 'code', f'[{index}]')}", item, _CAMEO_FIELDS)
    code = check.code(check.data.get("code"))
    check.key = f"cameo {code}"
    type_name = check.data.get("type")
    if type_name is None:
        if check.data.get("mode") is not None:
            raise check.fail("an entry with `type: null` cannot have a mode")
        return CameoEntry(code=code, type=None, why=check.text("why"))
    if "why" in check.data:
        raise check.fail("`why` is only for entries with `type: null`")
    mode = check.data.get("mode")
    if mode is not None and not isinstance(mode, str):
        raise check.fail(f"`mode` must be text, not {mode!r}")
    return CameoEntry(code=code, type=check.text("type"), mode=mode)


def _check_cameo(source: str, types: tuple[EventType, ...], cameo: tuple[CameoEntry, ...]) -> None:
    """Checks the reverse map against the types, and the types' codes against the reverse map."""
    by_code: dict[str, CameoEntry] = {}
    for entry in cameo:
        if entry.code in by_code:
            raise entry_error(source, f"cameo {entry.code}", "this code is listed twice in the `cameo` map")
        by_code[entry.code] = entry
    known = {(event_type.name, None) for event_type in types}
    known |= {(event_type.name, mode.name) for event_type in types for mode in event_type.modes}
    for entry in cameo:
        if entry.type is not None and (entry.type, entry.mode) not in known:
            target = entry.type if entry.mode is None else f"{entry.type}/{entry.mode}"
            raise entry_error(
                source, f"cameo {entry.code}", f"points at {target}, which is not a type or mode in `types`"
            )
    owners: dict[str, str] = {}
    for event_type in types:
        targets = [(event_type.name, None, event_type.cameo)]
        targets += [(event_type.name, mode.name, mode.cameo) for mode in event_type.modes]
        for type_name, mode_name, codes in targets:
            label = type_name if mode_name is None else f"{type_name}/{mode_name}"
            for code in codes:
                if code in owners:
                    raise entry_error(source, label, f"CAMEO code {code} is already listed under {owners[code]}")
                owners[code] = label
                entry = by_code.get(code)
                if entry is None or (entry.type, entry.mode) != (type_name, mode_name):
                    raise entry_error(source, label, f"CAMEO code {code} must map back to {label} in the `cameo` map")


class EntryChecker:
    """Reads typed fields out of one raw entry, raising D302 with the file and entry on a bad value."""

    def __init__(self, source: str, key: str, data: Any, allowed: frozenset[str]) -> None:
        self.source = source
        self.key = key
        if not isinstance(data, dict):
            raise self.fail(f"each entry must be a mapping, not {data!r}")
        self.data: dict[str, Any] = data
        unknown = sorted(str(name) for name in data if name not in allowed)
        if unknown:
            hint = " (quote text that holds a comma or colon)" if any(data[name] is None for name in unknown) else ""
            raise self.fail(f"unknown field(s) {unknown}; allowed: {', '.join(sorted(allowed))}{hint}")

    def fail(self, detail: str) -> DataError:
        return entry_error(self.source, self.key, detail)

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"`{name}` must be non-empty text, not {value!r}")
        if "\n" in value.strip():
            raise self.fail(f"`{name}` must be one line")
        return value.strip()

    def intensity(self, quad_class: int, *, required: bool) -> float | None:
        value = self.data.get("intensity")
        if value is None and not required:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self.fail(f"`intensity` must be a number from -10 to 10, not {value!r}")
        if not -10 <= value <= 10:
            raise self.fail(f"`intensity` {value} is outside -10..10")
        if quad_class in (1, 2) and value < 0:
            raise self.fail(f"`intensity` {value} is negative, but quad class {quad_class} is cooperation (>= 0)")
        if quad_class in (3, 4) and value > 0:
            raise self.fail(f"`intensity` {value} is positive, but quad class {quad_class} is conflict (<= 0)")
        return float(value)

    def codes(self) -> tuple[str, ...]:
        value = self.data.get("cameo", [])
        if not isinstance(value, list):
            raise self.fail(f"`cameo` must be a list of quoted codes, not {value!r}")
        return tuple(self.code(item) for item in value)

    def code(self, value: Any) -> str:
        if not isinstance(value, str):
            raise self.fail(f'CAMEO code {value!r} must be quoted text like "041" (YAML reads 041 as a number)')
        if not _CAMEO_CODE.fullmatch(value) or not 1 <= int(value[:2]) <= 20:
            raise self.fail(f"CAMEO code {value!r} must be 2 to 4 digits starting with a root from 01 to 20")
        return value


def _label(item: Any, field: str, fallback: str) -> str:
    """What to call an entry in an error: its name or code where it has one, else its position."""
    value = item.get(field) if isinstance(item, dict) else None
    return value if isinstance(value, str) and value.strip() else fallback


def read_packaged(name: str) -> str:
    """The text of a data file shipped in the package (`data/...`); D301 when it is missing."""
    resource = resources.files("detente").joinpath(name)
    if not resource.is_file():
        raise DataError(Messages.D301.format(name=name), code="D301")
    return resource.read_text(encoding="utf-8")


def parse_yaml(text: str, source: str) -> Any:
    """YAML text as data; D302 naming `source` when it is not valid YAML."""
    try:
        return yaml.load(text, Loader=_LOADER)  # a safe loader: no arbitrary objects
    except yaml.YAMLError as exc:
        raise entry_error(source, None, f"not valid YAML ({exc})") from exc


def entry_error(source: str, key: str | None, detail: str) -> DataError:
    where = detail if key is None else f"entry {key!r}: {detail}"
    return DataError(Messages.D302.format(name=source, detail=where), code="D302")
