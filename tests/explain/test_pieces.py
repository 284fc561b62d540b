"""The explanation's building blocks that need no store: phrases, significance and motive groups."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import DataError
from detente.explain import group_motives, significance
from detente.explain.summaries import load_phrasebook, parse_phrasebook


def test_every_type_has_a_phrase_and_modes_override_it() -> None:
    book = load_phrasebook()
    assert book.summary("Iran", "AID", "military", "Hamas", "Gaza") == "Iran gave military aid to Hamas in Gaza"
    # A mode without its own phrase takes the type's.
    assert book.summary("Egypt", "AID", "asylum", "Hamas") == "Egypt gave aid to Hamas"
    assert book.summary("Iran", "ACCUSE", None, None) == "Iran accused"
    # A CAMEO code tells the direction a mode leaves open: a visit made, or hosted.
    assert book.summary("Hamas", "CONSULT", "visit", "Iran", "Tehran", "042") == "Hamas visited Iran in Tehran"
    assert book.summary("Iran", "CONSULT", "visit", "Hamas", None, "043") == "Iran hosted a visit by Hamas"


@pytest.mark.parametrize(
    ("data", "names"),
    [
        ({"types": {"AGREE": "agreed with"}}, "no phrase for CONSULT"),
        ({"types": {"HUG": "hugged"}}, "HUG"),
        ({"modes": {}}, "(file)"),
    ],
)
def test_a_broken_phrasebook_names_the_entry(data: dict[str, object], names: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_phrasebook(data, source="phrases.yaml")
    assert caught.value.code == "D302" and names in str(caught.value) and "phrases.yaml" in str(caught.value)


def test_a_mode_the_ontology_lacks_is_refused() -> None:
    types = dict(load_phrasebook().types)
    with pytest.raises(DataError, match="AID/telepathy"):
        parse_phrasebook({"types": types, "modes": {"AID/telepathy": "helped"}}, source="x.yaml")


def test_significance_weighs_intensity_material_acts_reports_and_turning_points() -> None:
    words = significance(-4.0, 3, 1, False)
    assert words == 4.0
    assert significance(-4.0, 4, 1, False) == 6.0  # a material act weighs more than words
    assert significance(-4.0, 3, 3, False) > words  # more reports, more weight
    assert significance(-4.0, 3, 1, True) == 7.0  # at a turning point
    assert significance(2.0, 1, 1, False) < words


def _motive(goal: str, day: int, *, category: str = "goal", article: str = "a1") -> dict[str, object]:
    return {
        "actor_id": "IRN",
        "actor_name": "Iran",
        "goal": goal,
        "category": category,
        "concerns_name": None,
        "article_id": article,
        "sentence_index": day,
        "start": 10 * day,
        "end": 10 * day + 5,
        "evidence": f"sentence {day}",
        "date": dt.date(2015, 1, day),
    }


def test_motives_that_say_the_same_thing_are_one_group() -> None:
    rows = [
        _motive("rebuild its standing in the region", 1),
        _motive("end its isolation", 2, category="need"),
        _motive("rebuilding its regional standing", 3, article="a2"),
        _motive("regain its standing in the region", 4),
    ]
    groups = group_motives(rows)
    assert [g.goal for g in groups] == ["rebuild its standing in the region", "end its isolation"]
    first = groups[0]
    assert first.mentions == 3
    assert [(e.article_id, e.sentence_index) for e in first.evidence] == [("a1", 1), ("a2", 3), ("a1", 4)]
    assert first.wordings[1] == "rebuilding its regional standing"
    assert groups[1].categories == ("need",)


def test_goals_sharing_only_a_minor_word_stay_apart() -> None:
    groups = group_motives([_motive("weaken Israel militarily", 1), _motive("strengthen trade with Europe", 2)])
    assert len(groups) == 2
