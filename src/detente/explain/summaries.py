"""One-line summaries of events ("Iran gave military aid to Hamas"), phrased from a data file.

The phrases live in `data/explain/summaries.yaml`: one per PLOVER type, with overrides for a few
type/mode pairs. The file is checked against the event ontology on first use, so a phrase for a
type or mode that does not exist stops with D302 naming the entry.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from detente.errors import DataError, Messages
from detente.events.ontology import PLOVER_TYPES, load_ontology, parse_yaml, read_packaged

_RESOURCE = "data/explain/summaries.yaml"


@dataclass(frozen=True)
class Phrasebook:
    types: Mapping[str, str]
    modes: Mapping[tuple[str, str], str]
    codes: Mapping[str, str]

    def phrase(self, type_: str, mode: str | None, cameo: str | None = None) -> str:
        if cameo and cameo in self.codes:
            return self.codes[cameo]
        if mode and (type_, mode) in self.modes:
            return self.modes[(type_, mode)]
        return self.types.get(type_, type_.lower())

    def summary(
        self,
        source: str,
        type_: str,
        mode: str | None,
        target: str | None,
        place: str | None = None,
        cameo: str | None = None,
    ) -> str:
        """`"Iran gave military aid to Hamas in Gaza"`: the source, the act, the target, the place."""
        words = [source, self.phrase(type_, mode, cameo)]
        if target:
            words.append(target)
        if place:
            words.append(f"in {place}")
        return " ".join(words)


@functools.cache
def load_phrasebook() -> Phrasebook:
    return parse_phrasebook(parse_yaml(read_packaged(_RESOURCE), _RESOURCE), source=_RESOURCE)


def parse_phrasebook(data: object, *, source: str) -> Phrasebook:
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise _bad(source, "(file)", "needs a `types` mapping")
    ontology = load_ontology()
    types: dict[str, str] = {}
    for name, phrase in data["types"].items():
        if name not in PLOVER_TYPES or not isinstance(phrase, str) or not phrase.strip():
            raise _bad(source, name, "not a PLOVER type with a phrase")
        types[name] = phrase.strip()
    missing = [t for t in PLOVER_TYPES if t not in types]
    if missing:
        reason = "no phrase for " + ", ".join(missing)
        raise _bad(source, "types", reason)
    modes: dict[tuple[str, str], str] = {}
    for key, phrase in (data.get("modes") or {}).items():
        type_, _, mode = str(key).partition("/")
        known = type_ in PLOVER_TYPES and mode in {m.name for m in ontology.type(type_).modes}
        if not known or not isinstance(phrase, str) or not phrase.strip():
            raise _bad(source, key, "not a TYPE/mode of the ontology with a phrase")
        modes[(type_, mode)] = phrase.strip()
    codes: dict[str, str] = {}
    for code, phrase in (data.get("cameo") or {}).items():
        if ontology.from_cameo(str(code)) is None or not isinstance(phrase, str) or not phrase.strip():
            raise _bad(source, code, "not a CAMEO code of the ontology with a phrase")
        codes[str(code)] = phrase.strip()
    return Phrasebook(types=types, modes=modes, codes=codes)


def _bad(source: str, entry: object, reason: str) -> DataError:
    return DataError(Messages.D302.format(name=f"{source}, entry {entry}", detail=reason), code="D302")
