"""The generated store behind bench/store_scale.py: real detente rows, consistent with the ontology and dictionary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors.dictionary import load_dictionary
from detente.errors import UsageError
from detente.events.ontology import load_ontology
from detente.store import Store
from detente.synthetic import GeneratedStore, generate_event_store

pytestmark = pytest.mark.issue(6)

START, END = dt.date(2010, 1, 1), dt.date(2012, 12, 31)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GeneratedStore]:
    path = tmp_path_factory.mktemp("generated") / "gen.duckdb"
    counts = generate_event_store(path, 4000, seed=3, n_actors=60, start=START, end=END)
    return path, counts


def _one(path: Path, sql: str) -> tuple:  # type: ignore[type-arg]
    with Store(path, read_only=True) as store:
        row = store.con.execute(sql).fetchone()
    assert row is not None
    return row


def _all(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with Store(path, read_only=True) as store:
        return store.con.execute(sql).fetchall()


def test_exactly_the_events_asked_for_and_the_counts_it_reports(generated: tuple[Path, GeneratedStore]) -> None:
    path, counts = generated
    assert counts.events == 4000 and counts.actors == 60
    with Store(path, read_only=True) as store:
        stats = store.stats()
    assert (stats["events"], stats["motives"], stats["actors"]) == (4000, counts.motives, 60)
    assert (stats["articles"], stats["near_duplicates"]) == (counts.articles, counts.near_duplicates)
    # every article holds 1 to 9 events, and every event an article
    per_article = _one(
        path, "SELECT min(n), max(n), count(*) FROM (SELECT count(*) AS n FROM events GROUP BY article_id)"
    )
    assert per_article[0] >= 1 and per_article[1] <= 9 and per_article[2] == counts.articles
    assert _one(path, "SELECT count(*) FROM events ANTI JOIN articles USING (article_id)") == (0,)
    # a quarter of the articles close with a motive: between 15% and 35% here
    assert 0.15 * counts.articles < counts.motives < 0.35 * counts.articles
    ids = _one(path, "SELECT count(DISTINCT event_id), min(length(event_id)), max(length(event_id)) FROM events")
    assert ids == (4000, 24, 24)


def test_every_span_points_at_its_words_in_the_article(generated: tuple[Path, GeneratedStore]) -> None:
    path, _ = generated
    bad_events = _one(
        path,
        """SELECT count(*) FROM events e JOIN articles a USING (article_id)
        WHERE substr(a.text, e.start + 1, e."end" - e.start) <> e.evidence
           OR substr(a.text, e.source_start + 1, e.source_end - e.source_start) <> e.source_text
           OR (e.target_id IS NOT NULL
               AND substr(a.text, e.target_start + 1, e.target_end - e.target_start) <> e.target_text)""",
    )
    bad_motives = _one(
        path,
        """SELECT count(*) FROM motives m JOIN articles a USING (article_id)
        WHERE substr(a.text, m.start + 1, m."end" - m.start) <> m.evidence
           OR substr(a.text, m.actor_start + 1, m.actor_end - m.actor_start) <> m.actor_text
           OR (m.concerns_id IS NOT NULL
               AND substr(a.text, m.concerns_start + 1, m.concerns_end - m.concerns_start) <> m.concerns_text)""",
    )
    assert (bad_events, bad_motives) == ((0,), (0,))
    assert _one(path, "SELECT count(*) FROM events WHERE target_id IS NULL AND target_start IS NOT NULL") == (0,)


def test_types_modes_and_codes_agree_with_the_ontology(generated: tuple[Path, GeneratedStore]) -> None:
    path, _ = generated
    ontology = load_ontology()
    kinds = _all(path, "SELECT DISTINCT type, mode, cameo, quad_class, intensity FROM events")
    assert len({k[0] for k in kinds}) == 16
    for event_type, mode, cameo, quad_class, intensity in kinds:
        assert cameo == ontology.cameo_for(event_type, mode)
        assert quad_class == ontology.quad_class(event_type)
        assert intensity == ontology.intensity(event_type, mode)
    # the common types come out more often than the rare ones, as their weights say
    counts = dict(_all(path, "SELECT type, count(*) FROM events GROUP BY ALL"))
    assert counts["CONSULT"] > counts["ACCUSE"] > counts["MOBILIZE"]


def test_actors_are_the_dictionary_s_own(generated: tuple[Path, GeneratedStore]) -> None:
    path, _ = generated
    dictionary = load_dictionary()
    stored = _all(path, "SELECT actor_id, name, kind, country, sector, cameo, parent FROM actors")
    for actor_id, *fields in stored:
        actor = dictionary.actor(actor_id)
        assert fields == [actor.name, actor.kind, actor.country, actor.sector, actor.cameo, actor.parent]
    assert ("quds-force", "irgc") in {(row[0], row[-1]) for row in stored}  # parents come along
    sources = dict(_all(path, "SELECT source_id, count(*) FROM events GROUP BY ALL"))
    assert {"IRN", "USA", "ISR", "SAU", "hamas"} <= set(sources)
    assert sources["IRN"] == max(sources.values())  # the head of the pool is drawn most
    assert _one(path, "SELECT count(*) FROM events WHERE source_id = target_id") == (0,)


def test_dates_fall_in_the_span_and_near_duplicates_point_at_originals(
    generated: tuple[Path, GeneratedStore],
) -> None:
    path, _ = generated
    low, high = _one(path, "SELECT min(date), max(date) FROM articles")
    assert low >= START and high <= END
    # an event is dated on its article's day or up to six days before
    assert _one(
        path,
        "SELECT count(*) FROM events e JOIN articles a USING (article_id) WHERE a.date - e.date NOT BETWEEN 0 AND 6",
    ) == (0,)
    orphans = _one(
        path,
        """SELECT count(*) FROM articles d LEFT JOIN articles o ON o.article_id = d.duplicate_of
        WHERE d.duplicate_of IS NOT NULL AND (o.article_id IS NULL OR NOT starts_with(d.text, o.text))""",
    )
    assert orphans == (0,)


def test_same_seed_same_rows_other_seed_other_rows(tmp_path: Path) -> None:
    def fingerprint(seed: int, name: str) -> tuple:  # type: ignore[type-arg]
        path = tmp_path / name
        generate_event_store(path, 300, seed=seed, n_actors=20)
        return _one(path, "SELECT sum(hash(event_id, evidence, date, type, source_id, target_id)) FROM events")

    assert fingerprint(5, "a.duckdb") == fingerprint(5, "b.duckdb") != fingerprint(6, "c.duckdb")


def test_an_open_store_is_filled_and_its_temporaries_dropped() -> None:
    with Store(":memory:") as store:
        counts = generate_event_store(store, 50, seed=1, n_actors=10)
        assert counts.events == store.stats()["events"] == 50
        leftovers = store.con.execute(
            """SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '\\_gen\\_%' ESCAPE '\\'"""
        ).fetchall()
        macros = store.con.execute(
            """SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE '\\_gen\\_%' ESCAPE '\\'"""
        ).fetchall()
    assert leftovers == macros == [(0,)]


def test_a_store_with_data_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "full.duckdb"
    generate_event_store(path, 20, n_actors=5)
    with pytest.raises(UsageError) as info:
        generate_event_store(path, 20, n_actors=5)
    assert info.value.code == "D162"
    assert _one(path, "SELECT count(*) FROM events") == (20,)


@pytest.mark.parametrize("arguments", [{"n_events": -1}, {"n_events": 5, "n_actors": 1}])
def test_bad_arguments_are_refused(arguments: dict[str, int]) -> None:
    with Store(":memory:") as store, pytest.raises(UsageError) as info:
        generate_event_store(store, **arguments)
    assert info.value.code == "D161"
