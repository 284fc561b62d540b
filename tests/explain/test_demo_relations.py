"""The demo corpus read as an analyst would: its relations change the way the sample reports tell.

The reports were written with known turns (docs of the corpus: src/detente/data/demo/README.md):
Iran and Saudi Arabia cut ties in 2016 and restored them in 2023; the United States and Iran went
from the 2013 interim deal and 2016 sanctions relief to the US withdrawal from the deal in 2018 and
the strikes of January 2020.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

import detente
from detente.demo import run_demo
from detente.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[detente.Corpus]:
    home = tmp_path_factory.mktemp("home")
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DETENTE_HOME", str(home))
        with Store(path) as store:
            run_demo(store)
    with detente.open(path) as opened:
        yield opened


def _turns(series: object) -> list[tuple[str, str]]:
    return [(str(tp.period)[:7], tp.direction) for tp in series.trend.turning_points]  # type: ignore[attr-defined]


def test_a_restoration_of_ties_reads_as_warming(corpus: detente.Corpus) -> None:
    # The corpus has the talks in Baghdad of April 2021 before the restoration of 2023: the relation
    # turns warm after the rupture of 2016 and is cooperative by mid-2023, whether the method reads
    # the last months as still warming or as a settled cooperative level.
    series = corpus.dyad("Iran", "Saudi Arabia")
    assert series.trend.label in ("warming", "stable-cooperative")
    month, direction = _turns(series)[-1]
    assert direction == "warming" and month > "2016-01"
    explained = corpus.explain("Iran", "Saudi Arabia")
    assert explained.trend == series.trend.label
    assert any(e.type == "SANCTION" and e.mode == "break-relations" for e in explained.key_events)


@pytest.mark.parametrize(
    ("a", "b", "until", "month"),
    [
        ("Iran", "Saudi Arabia", "2016-01-31", "2016-01"),  # embassy stormed, ties cut
        ("Egypt", "Hamas", "2013-07-31", "2013-07"),  # tunnels destroyed, accusations after July 2013
        ("Iran", "Hamas", "2012-09-30", "2012-09"),  # funding cut over Syria
    ],
)
def test_read_up_to_a_rupture_the_relation_is_cooling(
    corpus: detente.Corpus, a: str, b: str, until: str, month: str
) -> None:
    series = corpus.dyad(a, b, until=until)
    assert series.trend.label == "cooling"
    assert _turns(series)[-1] == (month, "cooling")
    assert corpus.explain(a, b, until=dt.date.fromisoformat(until)).trend == "cooling"


def test_a_rupture_reads_as_cooling(corpus: detente.Corpus) -> None:
    # The US withdrawal from the deal in 2018, then the killing of Soleimani and Iran's missiles in January 2020.
    strikes = corpus.dyad("United States", "Iran", until=dt.date(2020, 1, 31))
    assert strikes.trend.label == "cooling"
    assert ("2018-05", "cooling") in _turns(strikes)  # withdrawal from the deal in May 2018


def test_sanctions_relief_reads_as_warming(corpus: detente.Corpus) -> None:
    relief = corpus.dyad("United States", "Iran", until="2016-01-31")
    assert relief.trend.label == "warming"
    assert _turns(relief) == [("2013-11", "warming"), ("2016-01", "warming")]  # the interim deal, then relief


def test_the_explanation_of_the_hamas_iran_relation_names_meetings_and_motives(corpus: detente.Corpus) -> None:
    explained = corpus.explain("Hamas", "Iran")
    meetings = corpus.occurrences("Hamas", "Iran")
    places = set(meetings.loc[meetings["type"] == "CONSULT", "place_name"].dropna())
    assert {"Beirut", "Tehran"} <= places
    hamas, iran = explained.motives
    assert hamas.actor == "Hamas" and (hamas.toward_other or hamas.general)
    assert iran.actor == "Iran" and (iran.toward_other or iran.general)


def test_corpus_frames(corpus: detente.Corpus) -> None:
    events = corpus.events(dyad=("Iran", "Hamas"), counted_only=True)
    assert len(events) > 5 and set(events["source_country"]) <= {"IRN", "PSE"}
    assert not events["negated"].any()
    motives = corpus.motives(actor="Iran", categories=["goal"])
    assert len(motives) > 3 and set(motives["category"]) == {"goal"}
    actors = corpus.actors()
    assert actors.iloc[0]["mentions"] >= actors.iloc[-1]["mentions"]
    network = corpus.network(min_events=3)
    assert ("IRN", "SAU") in network.graph.edges or ("SAU", "IRN") in network.graph.edges
    assert Path(corpus.store.path).exists()
