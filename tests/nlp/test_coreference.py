"""Coreference rules: the data file's schema, and the rule mechanics."""

from __future__ import annotations

import pycountry
import pytest

from detente.actors.dictionary import SECTORS, STATELESS
from detente.errors import DataError
from detente.models import Actor, Mention
from detente.nlp.coreference import ReferenceRule, _rule, is_pleonastic, load_coreference_rules


def test_rules_file_schema() -> None:
    rules = load_coreference_rules()
    everything = (*rules.pronouns, *rules.descriptions)
    ids = [r.id for r in everything]
    assert len(ids) == len(set(ids))
    words = [w.casefold() for r in everything for w in r.words]
    assert len(words) == len(set(words)), "a word may belong to one rule only"
    codes = {c.alpha_3 for c in pycountry.countries}
    for rule in everything:
        assert rule.countries <= codes
        assert rule.sectors <= set(SECTORS) | set(STATELESS)
    assert {"it", "its", "they", "he", "she"} <= set(words)
    assert {"the group", "the kingdom", "the islamic republic", "the country"} <= set(words)


@pytest.mark.parametrize(
    "item",
    [
        {"words": ["it"], "kinds": ["state"]},
        {"id": "x", "kinds": ["state"]},
        {"id": "x", "words": ["it"]},
        {"id": "x", "words": ["it"], "kinds": ["planet"]},
        {"id": "x", "words": ["the group"], "kinds": ["group"], "heads": "group"},
        "it",
    ],
)
def test_invalid_rules_are_refused(item: object) -> None:
    with pytest.raises(DataError) as info:
        _rule(item, "coreference.yaml")
    assert info.value.code == "D302" and "coreference.yaml" in str(info.value)


def _mention(actor: Actor, person: Actor | None = None) -> Mention:
    return Mention("a", 0, 0, 4, "x", actor, "dictionary", person)


def test_rule_accepts_by_kind_country_and_sector() -> None:
    saudi = Actor("SAU", "Saudi Arabia", "state", "SAU", "GOV")
    hamas = Actor("hamas", "Hamas", "group", "PSE", "REB")
    kingdom = ReferenceRule("k", ("the kingdom",), frozenset({"state"}), countries=frozenset({"SAU"}))
    group = ReferenceRule("g", ("the group",), frozenset({"group"}), sectors=frozenset({"REB"}))
    assert kingdom.accepts(_mention(saudi)) and not kingdom.accepts(_mention(hamas))
    assert group.accepts(_mention(hamas)) and not group.accepts(_mention(saudi))
    he = ReferenceRule("he", ("he",), frozenset({"person"}))
    assert he.accepts(_mention(saudi, person=Actor("mbs", "MBS", "person", "SAU", "GOV")))
    assert not he.accepts(_mention(saudi))


@pytest.mark.parametrize(
    ("text", "pleonastic"),
    [
        ("It is clear that Iran won.", True),
        ("It seems that talks failed.", True),
        ("It rejected the offer.", False),
        ("It is a large group.", False),
    ],
)
def test_pleonastic_it(nlp, text: str, pleonastic: bool) -> None:
    doc = nlp(text)
    assert is_pleonastic(doc[0]) is pleonastic
