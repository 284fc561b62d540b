"""The DuckDB store: schema and migrations, batched idempotent writes, queries, exports."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from detente.errors import StoreError, UsageError
from detente.ingest import NearDuplicateConfig, fingerprint, make_article
from detente.models import CodedArticle, IngestError
from detente.store import SCHEMA_VERSION, Filters, NearDuplicate, Store, WriteBatch
from detente.store.schema import MIGRATIONS
from detente.synthetic import wire_reports
from factories import EGYPT, HAMAS, write_three_articles


def test_new_store_has_current_schema(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.stats()["articles"] == 0
    with Store(db_path) as store:  # reopening migrates nothing and keeps the version
        assert store.schema_version() == SCHEMA_VERSION


def test_migration_steps_apply_in_order(db_path: Path) -> None:
    with Store(db_path) as store:
        later = {**MIGRATIONS, SCHEMA_VERSION + 1: ["ALTER TABLE events ADD COLUMN reviewed BOOLEAN"]}
        store.migrate(later)
        assert store.schema_version() == SCHEMA_VERSION + 1
        columns = {r[0] for r in store.con.execute("DESCRIBE events").fetchall()}
        assert "reviewed" in columns


def test_older_store_is_upgraded_even_when_opened_to_read(db_path: Path) -> None:
    with Store(db_path) as store:
        store.con.execute("ALTER TABLE mentions DROP COLUMN person_id")
        store.con.execute("ALTER TABLE actors DROP COLUMN cameo")
        store.con.execute("ALTER TABLE actors DROP COLUMN parent")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(db_path, read_only=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.actors() == []
        columns = {r[0] for r in store.con.execute("DESCRIBE mentions").fetchall()}
        assert "person_id" in columns
        assert "parent" in {r[0] for r in store.con.execute("DESCRIBE actors").fetchall()}


def test_newer_store_is_refused(db_path: Path) -> None:
    with Store(db_path) as store:
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError) as info:
        Store(db_path)
    assert info.value.code == "D402"


def test_foreign_duckdb_file_is_refused(db_path: Path) -> None:
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE something (x INTEGER)")
    con.close()
    with pytest.raises(StoreError) as info:
        Store(db_path)
    assert info.value.code == "D403"


def test_read_only_open_of_missing_store_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "absent.duckdb"
    with Store(path, read_only=True) as store:
        assert store.stats()["events"] == 0
    assert not path.exists()


def test_round_trip_of_every_record(store: Store, make_coded) -> None:
    coded = make_coded()
    run = store.start_run(["x"])
    assert store.write(WriteBatch(run_id=run, coded=[coded])) == 1
    [event] = store.events()
    original = coded.events[0]
    assert event["event_id"] == original.id
    assert event["type"] == "CONSULT" and event["cameo"] == "040" and event["quad_class"] == 1
    assert event["date"] == dt.date(2015, 4, 22)
    assert event["source"] == {
        "id": "IRN-GOV",
        "name": "Iran",
        "country": "IRN",
        "sector": "GOV",
        "text": "Iran",
        "start": 0,
        "end": 4,
    }
    assert event["target"]["id"] == "hamas" and event["target"]["text"] == "Hamas"
    assert event["place"] is None
    assert event["evidence"] == coded.sentences[0].text
    assert event["rule_id"] == "test.v1"
    [motive] = store.motives()
    assert motive["goal"] == "rebuild its standing" and motive["category"] == "goal"
    assert motive["actor"]["name"] == "Iran" and motive["concerns"]["name"] == "Hamas"
    assert motive["sentence_index"] == 1 and motive["start"] == coded.sentences[1].start
    actors = {a["actor_id"]: a for a in store.actors()}
    assert actors["IRN-GOV"]["mentions"] == 2 and actors["hamas"]["mentions"] == 1
    assert actors["IRN-GOV"]["aliases"] == ["Tehran"]
    assert actors["hamas"]["cameo"] == "HMS" and actors["IRN-GOV"]["cameo"] is None
    sentences = store.con.execute("SELECT text FROM sentences ORDER BY sentence_index").fetchall()
    assert [s[0] for s in sentences] == [s.text for s in coded.sentences]
    assert store.stats() == {
        "articles": 1,
        "near_duplicates": 0,
        "sentences": 2,
        "actors": 2,
        "mentions": 3,
        "events": 1,
        "motives": 1,
        "ingest_errors": 0,
        "ingest_runs": 1,
    }


def test_writing_the_same_batch_twice_adds_nothing(store: Store, make_coded) -> None:
    batch = [make_coded(), make_coded(EGYPT, HAMAS, verb="pressed")]
    run = store.start_run(["x"])
    store.write(WriteBatch(run_id=run, coded=batch))
    before = store.stats()
    assert store.write(WriteBatch(run_id=run, coded=batch)) == 0
    assert store.stats() == before
    counts = store.con.execute("SELECT n_new, n_duplicate FROM ingest_runs").fetchone()
    assert counts == (2, 2)


def test_errors_are_recorded_once(store: Store) -> None:
    error = IngestError(path="bad.jsonl", line=3, reason="malformed JSON: x", code="D204")
    for _ in range(2):
        store.write(WriteBatch(run_id=store.start_run(["bad.jsonl"]), errors=[error]))
    assert store.stats()["ingest_errors"] == 1
    assert store.errors() == [
        {
            "path": "bad.jsonl",
            "line": 3,
            "code": "D204",
            "reason": "malformed JSON: x",
            "run_id": store.errors()[0]["run_id"],
        }
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["ACCUSE", "COERCE", "CONSULT"]),
        (Filters(actor="egypt"), ["COERCE"]),
        (Filters(actor="PSE"), ["ACCUSE", "COERCE", "CONSULT"]),
        (Filters(dyad=("Iran", "hamas")), ["ACCUSE", "CONSULT"]),
        (Filters(dyad=("EGY", "IRN")), []),
        (Filters(types=("consult", "COERCE")), ["COERCE", "CONSULT"]),
        (Filters(since=dt.date(2014, 1, 1)), ["COERCE", "CONSULT"]),
        (Filters(until=dt.date(2014, 3, 4)), ["ACCUSE", "COERCE"]),
        (Filters(limit=1), ["ACCUSE"]),
    ],
)
def test_event_filters(store: Store, make_coded, filters: Filters, expected: list[str]) -> None:
    write_three_articles(store)
    assert [e["type"] for e in store.events(filters)] == expected


def test_motive_and_actor_filters(store: Store, make_coded) -> None:
    write_three_articles(store)
    assert [m["actor"]["name"] for m in store.motives(Filters(actor="Hamas"))] == ["Iran", "Egypt", "Hamas"]
    assert [m["actor"]["name"] for m in store.motives(Filters(dyad=("Egypt", "Hamas")))] == ["Egypt"]
    assert [a["name"] for a in store.actors(Filters(types=("state",)))] == ["Iran", "Egypt"]


def test_near_duplicate_lookup(store: Store) -> None:
    config = NearDuplicateConfig()
    original, other = (r["text"] for r in wire_reports(2, seed=3, sentences=14))
    stored = make_article(original)
    fp = fingerprint(original, config)
    assert fp is not None

    store.write(WriteBatch(run_id="r", coded=[CodedArticle(stored)], fingerprints={stored.id: fp}))
    edited = original.replace(original.split(".")[0], "Officials in the region said on Friday that")
    probes = {"edited": fingerprint(edited, config), "other": fingerprint(other, config)}
    found = store.near_duplicate_of({k: v for k, v in probes.items() if v}, threshold=config.threshold)
    assert set(found) == {"edited"}
    assert found["edited"][0] == stored.id and found["edited"][1] >= config.threshold


def test_near_duplicates_are_linked_not_coded(store: Store, make_coded) -> None:
    coded = make_coded()
    copy = make_article(coded.article.text + " Extra words.", source="Other Desk")
    store.write(WriteBatch(run_id="r", coded=[coded], near_duplicates=[NearDuplicate(copy, coded.article.id, 0.9)]))
    row = store.con.execute(
        "SELECT duplicate_of, similarity, source FROM articles WHERE article_id = ?", [copy.id]
    ).fetchone()
    assert row == (coded.article.id, 0.9, "Other Desk")
    assert store.stats()["near_duplicates"] == 1 and store.stats()["articles"] == 1
    assert store.con.execute("SELECT count(*) FROM sentences WHERE article_id = ?", [copy.id]).fetchone() == (0,)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_round_trip(store: Store, make_coded, tmp_path: Path, fmt: str) -> None:
    write_three_articles(store)
    written = store.export(tmp_path / "out", format=fmt)
    names = {p.name for p in written}
    ext = {"parquet": "parquet", "csv": "csv", "jsonl": "jsonl"}[fmt]
    assert f"events.{ext}" in names and f"articles.{ext}" in names and f"motives.{ext}" in names
    events_file = tmp_path / "out" / f"events.{ext}"
    if fmt == "parquet":
        table = pq.read_table(events_file).to_pylist()
        assert sorted(r["type"] for r in table) == ["ACCUSE", "COERCE", "CONSULT"]
        assert {r["source"]["name"] for r in table} == {"Iran", "Hamas", "Egypt"}
    elif fmt == "csv":
        with events_file.open(newline="") as f:
            rows = list(csv.DictReader(f))
        assert sorted(r["type"] for r in rows) == ["ACCUSE", "COERCE", "CONSULT"]
        assert {r["source_name"] for r in rows} == {"Iran", "Hamas", "Egypt"}
    else:
        rows = [json.loads(line) for line in events_file.read_text().splitlines()]
        assert sorted(r["type"] for r in rows) == ["ACCUSE", "COERCE", "CONSULT"]
        assert {r["target"]["name"] for r in rows} == {"Hamas", "Iran"}


def test_export_rejects_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        store.export(tmp_path, format="xlsx")
