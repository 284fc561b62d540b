"""Tests for the event ontology: the shipped data, the validation rules, and the lookups."""

from __future__ import annotations

import copy
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.errors import DataError
from detente.events.ontology import PLOVER_TYPES, Ontology, _load, load_ontology


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return load_ontology()


def _packaged() -> dict[str, Any]:
    text = resources.files("detente").joinpath("data/events/ontology.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _type(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in data["types"] if item["name"] == name)


def _mode(data: dict[str, Any], type_name: str, mode: str) -> dict[str, Any]:
    return next(item for item in _type(data, type_name)["modes"] if item["name"] == mode)


def _cameo(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(item for item in data["cameo"] if item["code"] == code)


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "ontology.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


# ── the shipped file ───────────────────────────────────────────────────────────────────────────────


def test_packaged_file_loads_as_written(tmp_path: Path) -> None:
    # The same data through the path loader gives the same ontology, so the invalid variants below
    # differ from a valid file only by the one change each makes.
    assert _load(_write(tmp_path, _packaged())) == load_ontology()


def test_load_ontology_is_cached(ontology: Ontology) -> None:
    assert load_ontology() is ontology


def test_has_the_16_plover_types_in_order(ontology: Ontology) -> None:
    assert tuple(event_type.name for event_type in ontology.types) == PLOVER_TYPES
    assert len(PLOVER_TYPES) == 16


@pytest.mark.parametrize(
    ("quad", "names"),
    [
        (1, {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}),
        (2, {"COOPERATE", "AID", "RETREAT"}),
        (3, {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}),
        (4, {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}),
    ],
)
def test_quad_classes_follow_plover(ontology: Ontology, quad: int, names: set[str]) -> None:
    assert {event_type.name for event_type in ontology.types if event_type.quad_class == quad} == names


def test_every_mode_and_type_round_trips_through_its_cameo_code(ontology: Ontology) -> None:
    checked = 0
    for event_type in ontology.types:
        assert ontology.from_cameo(ontology.cameo_for(event_type.name)) == (event_type.name, None)
        for mode in event_type.modes:
            if mode.cameo:
                assert ontology.from_cameo(ontology.cameo_for(event_type.name, mode.name)) == (
                    event_type.name,
                    mode.name,
                )
                checked += 1
    assert checked > 80


def test_every_cameo_root_and_three_digit_code_from_02_to_20_is_mapped(ontology: Ontology) -> None:
    codes = {entry.code for entry in ontology.cameo}
    for root in range(1, 21):
        assert f"{root:02d}" in codes
        assert f"{root:02d}0" in codes


def test_null_entries_say_why(ontology: Ontology) -> None:
    nulls = [entry for entry in ontology.cameo if entry.type is None]
    assert nulls and all(entry.code.startswith("01") and entry.why for entry in nulls)


# ── lookups of known facts ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("type_name", "mode", "code"),
    [
        ("CONSULT", "phone", "041"),
        ("CONSULT", "visit", "042"),
        ("AID", "economic", "071"),
        ("AID", "military", "072"),
        ("AID", "humanitarian", "073"),
        ("ASSAULT", "aerial", "195"),
        ("COERCE", "arrest", "173"),
        ("SANCTION", "embargo", "163"),
        ("PROTEST", "demo", "141"),
        ("CONSULT", None, "040"),
        ("ASSAULT", None, "180"),
    ],
)
def test_cameo_for(ontology: Ontology, type_name: str, mode: str | None, code: str) -> None:
    assert ontology.cameo_for(type_name, mode) == code


def test_mode_without_code_falls_back_to_its_type(ontology: Ontology) -> None:
    assert ontology.mode("CONSULT", "multilateral").cameo == ()
    assert ontology.cameo_for("CONSULT", "multilateral") == "040"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("0874", ("RETREAT", "withdraw")),
        ("0871", ("RETREAT", "ceasefire")),
        ("0875", ("RETREAT", None)),  # unknown four-digit code: falls back to 087
        ("083", ("CONCEDE", "reform")),
        ("0831", ("CONCEDE", "reform")),  # falls back to 083
        ("081", ("CONCEDE", "restrictions")),
        ("084", ("RETREAT", "release")),
        ("085", ("RETREAT", "ease-sanctions")),
        ("086", ("RETREAT", "allow-involvement")),
        ("023", ("REQUEST", "aid")),
        ("1033", ("REQUEST", "aid")),
        ("041", ("CONSULT", "phone")),
        ("19", ("ASSAULT", None)),
        ("1952", ("ASSAULT", "drone")),
        ("1951", ("ASSAULT", "aerial")),
        ("116", ("ACCUSE", "convict")),
        (" 173 ", ("COERCE", "arrest")),
        ("099", ("ACCUSE", "investigate")),  # no 099 in CAMEO: falls back to the root 09
    ],
)
def test_from_cameo(ontology: Ontology, code: str, expected: tuple[str, str | None]) -> None:
    assert ontology.from_cameo(code) == expected


@pytest.mark.parametrize("code", ["010", "01", "0191", "019", "", "abc", "21", "210", "12345", "4"])
def test_from_cameo_gives_none_for_statements_and_unknown_codes(ontology: Ontology, code: str) -> None:
    assert ontology.from_cameo(code) is None


def test_cameo_entry_explains_a_null(ontology: Ontology) -> None:
    entry = ontology.cameo_entry("0101")
    assert entry is not None and entry.code == "010" and entry.type is None and entry.why


def test_only_commitments_concessions_and_retreats_stand_without_a_target(ontology: Ontology) -> None:
    assert {t.name for t in ontology.types if t.undirected} == {"AGREE", "CONCEDE", "RETREAT"}


def test_intensity_and_quad_class(ontology: Ontology) -> None:
    assert ontology.intensity("ASSAULT", "aerial") <= -9
    assert ontology.intensity("CONSULT", "phone") == 1
    assert ontology.intensity("ASSAULT", "occupy") == ontology.intensity("ASSAULT")  # inherits the type's
    assert ontology.quad_class("SANCTION") == 4
    assert ontology.quad_class("consult") == 1
    assert ontology.type("AID").intensity_range == (7, 8)


def test_lookups_accept_any_case(ontology: Ontology) -> None:
    assert ontology.mode("consult", "PHONE").name == "phone"


def test_unknown_type_or_mode_raises_key_error(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="FIGHT"):
        ontology.type("FIGHT")
    with pytest.raises(KeyError, match="no mode 'telepathy'"):
        ontology.mode("CONSULT", "telepathy")


def test_ontology_is_frozen(ontology: Ontology) -> None:
    with pytest.raises(AttributeError):
        ontology.types = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        ontology.type("AID").intensity = 0  # type: ignore[misc]


# ── validation: each rule, broken once ─────────────────────────────────────────────────────────────

Edit = Callable[[dict[str, Any]], None]


def _drop_type(name: str) -> Edit:
    return lambda data: data["types"].remove(_type(data, name))


def _set(getter: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Edit:
    return lambda data: getter(data).__setitem__(key, value)


INVALID: list[tuple[str, Edit, str]] = [
    ("missing type", _drop_type("MOBILIZE"), "16 PLOVER types"),
    ("duplicate type", lambda d: d["types"].append(copy.deepcopy(_type(d, "AID"))), "'AID'.*more than once"),
    ("unknown type", _set(lambda d: _type(d, "AID"), "name", "HELP"), "'HELP'"),
    ("quad class 5", _set(lambda d: _type(d, "AID"), "quad_class", 5), "'AID'.*quad_class"),
    ("quad class 0", _set(lambda d: _type(d, "AID"), "quad_class", 0), "'AID'.*quad_class"),
    ("quad class text", _set(lambda d: _type(d, "AID"), "quad_class", "2"), "'AID'.*quad_class"),
    ("intensity over 10", _set(lambda d: _type(d, "AID"), "intensity", 11), "'AID'.*outside -10..10"),
    ("mode under -10", _set(lambda d: _mode(d, "ASSAULT", "aerial"), "intensity", -10.5), "ASSAULT/aerial.*outside"),
    ("intensity text", _set(lambda d: _type(d, "AID"), "intensity", "high"), "'AID'.*intensity"),
    ("missing intensity", lambda d: _type(d, "AID").pop("intensity"), "'AID'.*intensity"),
    ("negative cooperation", _set(lambda d: _type(d, "AID"), "intensity", -1), "'AID'.*negative"),
    ("positive conflict mode", _set(lambda d: _mode(d, "PROTEST", "demo"), "intensity", 2), "PROTEST/demo.*positive"),
    ("positive verbal conflict", _set(lambda d: _type(d, "REQUEST"), "intensity", 3), "'REQUEST'.*positive"),
    ("empty definition", _set(lambda d: _type(d, "AID"), "definition", " "), "'AID'.*definition"),
    ("two-line definition", _set(lambda d: _type(d, "AID"), "definition", "a\nb"), "'AID'.*one line"),
    ("unknown field", _set(lambda d: _type(d, "AID"), "colour", "red"), "'AID'.*unknown field"),
    ("undirected not a flag", _set(lambda d: _type(d, "AID"), "undirected", "yes"), "'AID'.*undirected"),
    ("bad mode name", _set(lambda d: _mode(d, "AID", "asylum"), "name", "Asylum Seekers"), "mode name"),
    ("duplicate mode", lambda d: _type(d, "AID")["modes"].append({"name": "asylum", "definition": "x"}), "twice"),
    ("unquoted code", _set(lambda d: _mode(d, "AID", "asylum"), "cameo", [75]), "quoted"),
    ("one-digit code", _set(lambda d: _cameo(d, "073"), "code", "7"), "2 to 4 digits"),
    ("five-digit code", _set(lambda d: _cameo(d, "073"), "code", "07311"), "2 to 4 digits"),
    ("code outside the roots", _set(lambda d: _cameo(d, "073"), "code", "213"), "01 to 20"),
    ("letters in code", _set(lambda d: _cameo(d, "073"), "code", "07a"), "2 to 4 digits"),
    ("duplicate cameo code", lambda d: d["cameo"].append({"code": "041", "type": "CONSULT"}), "'cameo 041'.*twice"),
    ("map to unknown type", _set(lambda d: _cameo(d, "141"), "type", "RIOT"), "'cameo 141'.*RIOT"),
    ("map to unknown mode", _set(lambda d: _cameo(d, "141"), "mode", "sit-in"), "'cameo 141'.*PROTEST/sit-in"),
    ("null without why", lambda d: _cameo(d, "010").pop("why"), "'cameo 010'.*why"),
    ("null with mode", _set(lambda d: _cameo(d, "010"), "mode", "phone"), "'cameo 010'.*mode"),
    ("why on a type", _set(lambda d: _cameo(d, "041"), "why", "because"), "'cameo 041'.*why"),
    ("type without codes", _set(lambda d: _type(d, "AID"), "cameo", []), "'AID'.*at least one"),
    ("code under two owners", _set(lambda d: _mode(d, "AID", "asylum"), "cameo", ["073"]), "073.*already"),
    ("code maps elsewhere", _set(lambda d: _cameo(d, "073"), "mode", "economic"), "AID/humanitarian.*073.*map back"),
    ("code missing from map", lambda d: d["cameo"].remove(_cameo(d, "075")), "AID/asylum.*075.*map back"),
    ("missing cameo section", lambda d: d.pop("cameo"), "exactly the keys"),
    ("types not a list", _set(lambda d: d, "types", {"AID": 1}), "must both be lists"),
    ("entry not a mapping", lambda d: d["cameo"].append("041"), "mapping"),
]


@pytest.mark.parametrize(
    ("edit", "pattern"), [(edit, pattern) for _, edit, pattern in INVALID], ids=[i[0] for i in INVALID]
)
def test_invalid_data_raises_d302_naming_file_and_entry(tmp_path: Path, edit: Edit, pattern: str) -> None:
    data = _packaged()
    edit(data)
    path = _write(tmp_path, data)
    with pytest.raises(DataError, match=pattern) as info:
        _load(path)
    assert info.value.code == "D302"
    assert str(path) in str(info.value)


def test_comma_in_unquoted_flow_text_is_caught(tmp_path: Path) -> None:
    text = resources.files("detente").joinpath("data/events/ontology.yaml").read_text(encoding="utf-8")
    broken = text.replace('definition: "promises to give aid"', "definition: promises to give aid, money")
    assert broken != text
    path = tmp_path / "ontology.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(DataError, match="quote text"):
        _load(path)


def test_not_yaml_raises_d302(tmp_path: Path) -> None:
    path = tmp_path / "ontology.yaml"
    path.write_text("types: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML") as info:
        _load(path)
    assert info.value.code == "D302"


def test_missing_file_raises_d301(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        _load(tmp_path / "nowhere.yaml")
    assert info.value.code == "D301"
