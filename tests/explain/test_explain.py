"""`explain` on a store written by hand: key events, motives, third parties and their sources."""

from __future__ import annotations

import json

import pytest

from detente.analysis import resolve_actor
from detente.errors import UsageError
from detente.explain import explain, render, significance


@pytest.fixture
def relation(written):  # type: ignore[no-untyped-def]
    """Iran and Hamas: cooperation in 2019, a rupture in 2020, Egypt pressing Hamas meanwhile."""
    w = written
    w.event("a1", "2019-01-10", "IRN", "hamas", "AID", 8, mode="military")
    w.event("a1", "2019-01-10", "EGY", "hamas", "COERCE", -6, mode="blockade", sentence=1)
    w.event("a2", "2019-02-10", "hamas", "IRN", "SUPPORT", 3, mode="praise")
    # one visit reported by two articles on the same day: one event, two reports
    w.event("a3", "2019-03-05", "hamas-political-bureau", "IRN", "CONSULT", 2, mode="visit")
    w.event("a4", "2019-03-05", "hamas-political-bureau", "IRN", "CONSULT", 2, mode="visit", sentence=2)
    w.event("a5", "2019-04-01", "IRN", "hamas", "ASSAULT", -9, negated=True)  # did not happen: never shown
    w.event("a6", "2020-01-10", "IRN", "hamas", "SANCTION", -5, mode="cut-aid")
    w.event("a6", "2020-01-10", "hamas", "IRN", "ACCUSE", -3, mode="allege", sentence=1)
    w.event("x1", "2020-02-01", "EGY", "hamas", "ACCUSE", -2)  # no Iran–Hamas event in x1: not a third party's
    w.motive("a2", "2019-02-10", "IRN", "rebuild its standing in the region", sentence=3)
    w.mention("a2", 3, "hamas")  # Hamas is named in that sentence: the motive concerns the relation
    w.motive("a3", "2019-03-05", "IRN", "regain its standing in the region", concerns="hamas", sentence=4)
    w.motive("a6", "2020-01-10", "IRN", "end its isolation", category="need", sentence=5)
    w.motive("a6", "2020-01-10", "hamas", "offset the pressure it faces", concerns="IRN", sentence=6)
    w.motive("a6", "2020-01-10", "hamas", "be a tool of any state", concerns="IRN", polarity=-1, sentence=7)
    w.flush()
    return w.con


def test_key_events_are_counted_events_most_significant_first(relation) -> None:  # type: ignore[no-untyped-def]
    report = explain(relation, "Iran", "Hamas")
    summaries = [e.summary for e in report.key_events]
    assert summaries[0] == "Iran gave military aid to Hamas"  # |8| and a material act
    assert "Iran attacked Hamas" not in summaries  # negated
    assert len(report.key_events) == 5
    assert report.counts == {"events": 5, "reports": 6, "articles": 5}
    visit = next(e for e in report.key_events if e.type == "CONSULT")
    assert visit.reports == 2
    assert sorted((e.article_id, e.sentence_index) for e in visit.evidence) == [("a3", 0), ("a4", 2)]
    scores = [e.significance for e in report.key_events]
    assert scores == sorted(scores, reverse=True)


def test_each_side_motives_toward_the_other_first_and_grouped(relation) -> None:  # type: ignore[no-untyped-def]
    iran, hamas = explain(relation, "IRN", "HMS").motives
    assert iran.actor == "Iran" and hamas.actor == "Hamas"
    (standing,) = iran.toward_other
    assert standing.mentions == 2 and standing.goal == "rebuild its standing in the region"
    assert [(e.article_id, e.sentence_index) for e in standing.evidence] == [("a2", 3), ("a3", 4)]
    assert [g.goal for g in iran.general] == ["end its isolation"]
    assert [(g.goal, g.polarity) for g in hamas.toward_other] == [
        ("offset the pressure it faces", 1),
        ("be a tool of any state", -1),
    ]


def test_third_parties_are_actors_acting_on_either_side_in_the_dyad_articles(relation) -> None:  # type: ignore[no-untyped-def]
    report = explain(relation, "Iran", "Hamas")
    (egypt,) = report.third_parties
    assert (egypt.name, egypt.events, egypt.toward) == ("Egypt", 1, ("Hamas",))
    assert egypt.key_events[0].summary == "Egypt blockaded Hamas"
    assert egypt.key_events[0].evidence[0].article_id == "a1"


def test_the_window_limits_every_part(relation) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    report = explain(relation, "Iran", "Hamas", since=dt.date(2020, 1, 1))
    assert {e.type for e in report.key_events} == {"SANCTION", "ACCUSE"}
    assert report.third_parties == ()
    assert [g.goal for g in report.motives[0].general] == ["end its isolation"]
    assert report.motives[0].toward_other == ()


def test_text_markdown_and_json_link_every_statement(relation) -> None:  # type: ignore[no-untyped-def]
    report = explain(relation, "Iran", "Hamas")
    text = render(report, "text")
    assert text.startswith("What is behind the Iran – Hamas relation? (all dates)")
    assert "Iran gave military aid to Hamas (AID/military, CAMEO" in text
    assert "[article a1, sentence 0]" in text and "[article a3, sentence 4]" in text
    assert "- not: be a tool of any state" in text
    markdown = render(report, "markdown")
    assert markdown.startswith("# What is behind") and "## What Hamas wants" in markdown
    data = json.loads(render(report, "json"))
    assert data["trend"]["label"] == report.trend
    assert len(data["trend"]["monthly"]) == 13  # 2019-01 .. 2020-01, empty months included
    first = data["key_events"][0]
    assert first["evidence"][0]["article_id"] == "a1" and first["date"] == "2019-01-10"


def test_actor_arguments_take_names_ids_and_codes(relation) -> None:  # type: ignore[no-untyped-def]
    assert resolve_actor(relation, "HMS").label == "Hamas"
    assert explain(relation, "irn", "hamas").a.countries == ("IRN",)
    with pytest.raises(UsageError) as caught:
        explain(relation, "Iran", "Hamsa")
    assert caught.value.code == "D150" and "Hamas" in str(caught.value)


def test_the_store_ranks_events_as_significance_does(relation, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from detente.analysis import dyad_series, occurrences
    from detente.explain import report as module

    monkeypatch.setattr(module, "KEY_EVENTS", 3)
    chosen = [(e.type, e.significance) for e in explain(relation, "Iran", "Hamas").key_events]
    iran, hamas = resolve_actor(relation, "Iran"), resolve_actor(relation, "Hamas")
    turns = {(tp.period.year, tp.period.month) for tp in dyad_series(relation, iran, hamas).trend.turning_points}
    assert turns  # the 2020 rupture: the turning-point weight is part of what is checked
    by_hand = sorted(
        (
            (
                row.type,
                significance(row.intensity, row.quad_class, row.n_reports, (row.date.year, row.date.month) in turns),
            )
            for row in occurrences(relation, iran, hamas).itertuples()
        ),
        key=lambda pair: -pair[1],
    )
    assert chosen == by_hand[:3]
