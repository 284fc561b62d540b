"""Exports in every format, read back and compared with the store row by row (issue 6)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from detente.errors import UsageError
from detente.models import Actor, Article, CodedArticle, Event, Mention, Motive, Place, Sentence
from detente.store import EXPORT_FORMATS, TABLES, Store, WriteBatch, export_store

pytestmark = pytest.mark.issue(6)

IRAN = Actor(id="IRN", name="Iran", kind="state", country="IRN", sector="GOV")
HAMAS = Actor(id="hamas", name="Hamas", kind="group", country="PSE", sector="REB", cameo="HMS")
EGYPT = Actor(id="EGY", name="Egypt", kind="state", country="EGY", sector="GOV")
DOHA = Place(name="Doha", geonameid=290030, country="QAT", lat=25.28545, lon=51.53096)
TEHRAN = Place(name="Tehran", geonameid=112931, country="IRN", lat=35.69439, lon=51.42151)

# Quotes, a tab, a line break and letters outside ASCII: nothing may break a row or be changed.
TRICKY = 'Iran\'s "envoy"\tmet\nHamas leaders in Doha — «talks» ✓ Çağrı'


def _article(article_id: str, date: dt.date | None, *, source: str = "Test Desk", url: str | None = None) -> Article:
    text = f"Report {article_id}. Iran and Hamas and Egypt were named. Gunmen were seen."
    return Article(id=article_id, text=text, title=f"Title {article_id}", date=date, source=source, url=url)


def _mention(article: Article, start: int, actor: Actor | None, text: str) -> Mention:
    return Mention(article.id, 0, start, start + len(text), text, actor, "dictionary" if actor else "unknown")


def _event(article: Article, start: int, source: Mention, target: Mention | None, **fields: Any) -> Event:
    fields.setdefault("evidence", f"Sentence {start} of {article.id}.")
    return Event(article.id, 0, start, start + 40, source=source, target=target, **fields)


def _coded(article: Article, events: Sequence[Event], motives: Sequence[Motive] = ()) -> CodedArticle:
    mentions = {m.id: m for e in events for m in (e.source, e.target) if m is not None}
    mentions.update({m.id: m for motive in motives for m in (motive.actor, motive.concerns) if m is not None})
    sentence = Sentence(article.id, 0, 0, len(article.text), article.text)
    return CodedArticle(article, (sentence,), tuple(mentions.values()), tuple(events), tuple(motives))


@pytest.fixture
def tricky_db(tmp_path: Path) -> Path:
    """Five articles, six events and three motives with every awkward value an export must carry.

    events   e1 2014-07-03 Iran -> Hamas, CONSULT visit, in Doha, TRICKY evidence (article A1)
             e6 2014-08-02 Hamas -> Iran, SUPPORT, dated after its article (A1, dated 2014-07-03)
             e2 2014-08-15 Iran -> nobody, ACCUSE, negated and reported, no place (A2)
             e3 undated    Egypt -> Hamas, COERCE (A3, undated)
             e4 2015-01-10 Hamas -> Iran, AGREE, in Tehran (A4)
             e5 2015-01-10 unresolved "Gunmen" -> Egypt, ASSAULT (A4)
    articles A5 2014-09-01 has nothing coded.
    """
    a1 = _article("A1", dt.date(2014, 7, 3), source="Gulf\tDesk\nWire", url='https://example.org/a?q="x"&t=1')
    a2 = _article("A2", dt.date(2014, 8, 15), url="https://example.org/a2")
    a3 = _article("A3", None)
    a4 = _article("A4", dt.date(2015, 1, 10))
    a5 = _article("A5", dt.date(2014, 9, 1))
    iran1, hamas1 = _mention(a1, 0, IRAN, "Iran"), _mention(a1, 10, HAMAS, "Hamas leaders")
    e1 = _event(
        a1, 0, iran1, hamas1, type="CONSULT", mode="visit", cameo="042", quad_class=1, intensity=2.0,
        date=dt.date(2014, 7, 3), place=DOHA, evidence=TRICKY, confidence=0.9, rule_id="test.visit.v1",
    )  # fmt: skip
    e6 = _event(
        a1, 50, _mention(a1, 50, HAMAS, "Hamas"), _mention(a1, 60, IRAN, "Tehran"), type="SUPPORT",
        cameo="050", quad_class=1, intensity=3.0, date=dt.date(2014, 8, 2),
    )  # fmt: skip
    m1 = Motive(a1.id, 0, 0, 30, iran1, "rebuild its standing", "goal", "Iran wants to rebuild its standing.",
                concerns=hamas1, date=dt.date(2014, 7, 3))  # fmt: skip
    e2 = _event(
        a2, 0, _mention(a2, 0, IRAN, "Tehran"), None, type="ACCUSE", mode="disapprove", cameo="111",
        quad_class=3, intensity=-2.0, negated=True, modality="reported", date=dt.date(2014, 8, 15),
    )  # fmt: skip
    egypt3 = _mention(a3, 0, EGYPT, "Cairo")
    e3 = _event(
        a3, 0, egypt3, _mention(a3, 20, HAMAS, "Hamas"), type="COERCE", cameo="170", quad_class=4, intensity=-7.0
    )
    m3 = Motive(a3.id, 0, 0, 20, egypt3, "secure its border", "need", "Egypt needs a secure border.")
    hamas4 = _mention(a4, 0, HAMAS, "Hamas")
    e4 = _event(
        a4, 0, hamas4, _mention(a4, 20, IRAN, "Iran"), type="AGREE", cameo="030", quad_class=1, intensity=4.0,
        date=dt.date(2015, 1, 10), place=TEHRAN,
    )  # fmt: skip
    e5 = _event(
        a4, 60, _mention(a4, 60, None, "Gunmen"), _mention(a4, 70, EGYPT, "Egyptian troops"), type="ASSAULT",
        cameo="190", quad_class=4, intensity=-9.0, date=dt.date(2015, 1, 10),
    )  # fmt: skip
    m4 = Motive(a4.id, 0, 0, 20, hamas4, "end the blockade", "goal", "Hamas wants the blockade ended.",
                date=dt.date(2015, 1, 10))  # fmt: skip
    path = tmp_path / "tricky.duckdb"
    with Store(path) as store:
        coded = [_coded(a1, [e1, e6], [m1]), _coded(a2, [e2]), _coded(a3, [e3], [m3]), _coded(a4, [e4, e5], [m4])]
        coded.append(CodedArticle(a5))
        store.write(WriteBatch(run_id=store.start_run(["test"]), coded=coded))
    return path


def _store_events(path: Path) -> dict[str, dict[str, Any]]:
    with Store(path, read_only=True) as store:
        return {row["event_id"]: row for row in store.events()}


def _store_rows(path: Path, sql: str) -> list[dict[str, Any]]:
    with Store(path, read_only=True) as store:
        cursor = store.con.execute(sql)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _event_id(path: Path, evidence_start: str) -> str:
    return next(k for k, v in _store_events(path).items() if v["evidence"].startswith(evidence_start))


# --- parquet ------------------------------------------------------------------------------------------


def test_parquet_events_are_partitioned_by_month_and_read_back_equal(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        written = store.export(out, format="parquet")
    assert sorted(p.name for p in written) == sorted(f"{t}.parquet" for t in TABLES)
    months = {p.name for p in (out / "events.parquet").iterdir()}
    assert months == {"month=2014-07", "month=2014-08", "month=2015-01", "month=__HIVE_DEFAULT_PARTITION__"}
    assert {p.name for p in (out / "motives.parquet").iterdir()} == {
        "month=2014-07",
        "month=2015-01",
        "month=__HIVE_DEFAULT_PARTITION__",
    }
    expected = _store_events(tricky_db)
    rows = pq.read_table(out / "events.parquet").to_pylist()
    assert len(rows) == 6
    for row in rows:
        month = row.pop("month")
        assert row == expected[row["event_id"]]
        assert month == (row["date"].strftime("%Y-%m") if row["date"] else None)
    by_id = {row["event_id"]: row for row in rows}
    tricky = by_id[_event_id(tricky_db, "Iran's")]
    assert tricky["evidence"] == TRICKY
    assert tricky["place"] == {"name": "Doha", "geonameid": 290030, "country": "QAT", "lat": 25.28545, "lon": 51.53096}
    no_target = by_id[_event_id(tricky_db, "Sentence 0 of A2")]
    assert no_target["target"] is None and no_target["place"] is None and no_target["negated"] is True


def test_parquet_reads_back_the_same_through_duckdb(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format="parquet")
        view = store.con.execute("SELECT * FROM motive_records ORDER BY motive_id").fetchall()
        articles = store.con.execute("SELECT * EXCLUDE (minhash) FROM articles ORDER BY article_id").fetchall()
    glob = str(out / "motives.parquet" / "**" / "*.parquet")
    back = duckdb.sql(
        f"SELECT * EXCLUDE (month) FROM read_parquet('{glob}', hive_partitioning = true) ORDER BY motive_id"
    ).fetchall()
    assert back == view and len(back) == 3
    assert duckdb.sql(f"SELECT * FROM '{out / 'articles.parquet'}' ORDER BY article_id").fetchall() == articles
    assert len(articles) == 5


def test_parquet_export_of_an_empty_store_leaves_empty_month_folders(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as store:
        store.export(tmp_path / "out", format="parquet")
    assert list((tmp_path / "out" / "events.parquet").iterdir()) == []
    assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == 0


# --- csv, jsonl ---------------------------------------------------------------------------------------


def test_csv_events_read_back_equal_to_the_flat_table(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format="csv")
        types = {name: sql_type for name, sql_type, *_ in store.con.execute("DESCRIBE events").fetchall()}
    table = _store_rows(tricky_db, "SELECT * FROM events ORDER BY event_id")
    back = duckdb.read_csv(str(out / "events.csv"), header=True, dtype=types).order("event_id")
    names = [d[0] for d in back.description]
    assert [dict(zip(names, row, strict=True)) for row in back.fetchall()] == table
    with (out / "events.csv").open(newline="", encoding="utf-8") as f:
        evidence = {row["evidence"] for row in csv.DictReader(f)}
    assert TRICKY in evidence and len(evidence) == 6


def test_jsonl_events_read_back_equal(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format="jsonl")
    expected = _store_events(tricky_db)
    lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6
    for line in lines:
        row = json.loads(line)
        want = expected[row["event_id"]]
        assert row == {**want, "date": want["date"].isoformat() if want["date"] else None}


# --- polecat ------------------------------------------------------------------------------------------


def test_polecat_lines_carry_plover_fields(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        assert store.export(out, format="polecat") == [out / "events.polecat.jsonl"]
    lines = (out / "events.polecat.jsonl").read_text(encoding="utf-8").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert len(records) == 6
    first = records[_event_id(tricky_db, "Iran's")]
    assert first == {
        "id": first["id"],
        "date": "2014-07-03",
        "event_type": "CONSULT",
        "event_mode": "visit",
        "event_intensity": 2.0,
        "quad_code": 1,
        "contexts": [],
        "actor": {
            "id": "IRN",
            "name": "Iran",
            "country": "IRN",
            "sector": "GOV",
            "sectors": ["GOV"],
            "code": "IRNGOV",
            "text": "Iran",
        },
        "recipient": {
            "id": "hamas",
            "name": "Hamas",
            "country": "PSE",
            "sector": "REB",
            "sectors": ["REB"],
            "code": "PSEREBHMS",
            "text": "Hamas leaders",
        },
        "location": {"placename": "Doha", "geonameid": 290030, "country": "QAT", "lat": 25.28545, "lon": 51.53096},
        "event_text": TRICKY,
        "story_id": "A1",
        "story_date": "2014-07-03",
        "story_source": "Gulf\tDesk\nWire",
        "story_url": 'https://example.org/a?q="x"&t=1',
        "sentence_index": 0,
        "cameo": "042",
        "negated": False,
        "modality": "asserted",
        "confidence": 0.9,
        "rule_id": "test.visit.v1",
    }
    accusation = records[_event_id(tricky_db, "Sentence 0 of A2")]
    assert accusation["recipient"] is None and accusation["location"] is None
    assert (accusation["negated"], accusation["modality"], accusation["event_intensity"]) == (True, "reported", -2.0)
    undated = records[_event_id(tricky_db, "Sentence 0 of A3")]
    assert undated["date"] is None and undated["story_date"] is None
    gunmen = records[_event_id(tricky_db, "Sentence 60 of A4")]
    assert gunmen["actor"] == {
        "id": None,
        "name": None,
        "country": None,
        "sector": None,
        "sectors": [],
        "code": None,
        "text": "Gunmen",
    }
    assert gunmen["recipient"]["code"] == "EGYGOV"


# --- cameo-tsv ----------------------------------------------------------------------------------------

TSV_HEADER = [
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorCode", "TargetActorFull",
    "TargetActorCode", "EventCode", "EventRootCode", "QuadClass", "Goldstein", "Lat", "Lon", "LocationName",
    "CountryCode", "ArticleID", "SentenceIndex", "URL", "Source", "Negated", "Modality",
]  # fmt: skip


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header, *rows = list(reader)
    assert header == TSV_HEADER
    assert all(len(row) == len(TSV_HEADER) for row in rows)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_cameo_tsv_rows_are_gdelt_like(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        assert store.export(out, format="cameo-tsv") == [out / "events.cameo.tsv"]
    rows = {row["EventID"]: row for row in _tsv(out / "events.cameo.tsv")}
    assert len(rows) == 6
    assert list(rows[_event_id(tricky_db, "Iran's")].values())[1:] == [
        "20140703", "2014", "7", "3", "Iran", "IRNGOV", "Hamas", "PSEREBHMS", "042", "04", "1", "2.0",
        "25.28545", "51.53096", "Doha", "QAT", "A1", "0", 'https://example.org/a?q="x"&t=1', "Gulf Desk Wire",
        "0", "asserted",
    ]  # fmt: skip
    assert list(rows[_event_id(tricky_db, "Sentence 0 of A2")].values())[1:] == [
        "20140815", "2014", "8", "15", "Iran", "IRNGOV", "", "", "111", "11", "3", "-2.0", "", "", "", "", "A2",
        "0", "https://example.org/a2", "Test Desk", "1", "reported",
    ]  # fmt: skip
    undated = rows[_event_id(tricky_db, "Sentence 0 of A3")]
    assert (undated["Date"], undated["Year"], undated["EventRootCode"]) == ("", "", "17")
    gunmen = rows[_event_id(tricky_db, "Sentence 60 of A4")]
    assert (gunmen["SourceActorFull"], gunmen["SourceActorCode"], gunmen["TargetActorCode"]) == ("Gunmen", "", "EGYGOV")


def test_cameo_tsv_reads_with_duckdb_without_quoting(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format="cameo-tsv")
    path = out / "events.cameo.tsv"
    table = f"read_csv('{path}', delim = '\t', quote = '', header = true)"
    got = duckdb.sql(f"SELECT Source, count(*) FROM {table} GROUP BY ALL ORDER BY 1").fetchall()
    assert got == [("Gulf Desk Wire", 2), ("Test Desk", 4)]


# --- since / until ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_window_keeps_events_dated_inside_it(tricky_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format=fmt, since=dt.date(2014, 8, 1), until=dt.date(2014, 12, 31))
    inside = {_event_id(tricky_db, "Sentence 0 of A2"), _event_id(tricky_db, "Sentence 50 of A1")}
    if fmt == "parquet":
        assert {p.name for p in (out / "events.parquet").iterdir()} == {"month=2014-08"}
        ids = {r["event_id"] for r in pq.read_table(out / "events.parquet").to_pylist()}
    elif fmt == "csv":
        with (out / "events.csv").open(newline="", encoding="utf-8") as f:
            ids = {r["event_id"] for r in csv.DictReader(f)}
    elif fmt == "jsonl":
        ids = {json.loads(x)["event_id"] for x in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()}
    elif fmt == "polecat":
        ids = {json.loads(x)["id"] for x in (out / "events.polecat.jsonl").read_text(encoding="utf-8").splitlines()}
    else:
        ids = {row["EventID"] for row in _tsv(out / "events.cameo.tsv")}
    assert ids == inside


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_window_keeps_the_articles_its_rows_need(tricky_db: Path, tmp_path: Path, fmt: str) -> None:
    """A2 and A5 are dated inside; A1 is dated before the window but one of its events falls inside."""
    out = tmp_path / "out"
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format=fmt, since=dt.date(2014, 8, 1), until=dt.date(2014, 12, 31))
    query = f"SELECT DISTINCT article_id FROM '{out}/{{}}.{fmt}' ORDER BY 1"
    assert [r[0] for r in duckdb.sql(query.format("articles")).fetchall()] == ["A1", "A2", "A5"]
    assert [r[0] for r in duckdb.sql(query.format("sentences")).fetchall()] == ["A1", "A2"]  # A5 has no sentences
    assert [r[0] for r in duckdb.sql(query.format("mentions")).fetchall()] == ["A1", "A2"]
    assert duckdb.sql(f"SELECT count(*) FROM '{out}/actors.{fmt}'").fetchall() == [(3,)]


def test_open_ended_windows(tricky_db: Path, tmp_path: Path) -> None:
    with Store(tricky_db, read_only=True) as store:
        store.export(tmp_path / "since", format="polecat", since=dt.date(2014, 8, 15))
        store.export(tmp_path / "until", format="polecat", until=dt.datetime(2014, 8, 14, 23, 59))
    since = [json.loads(x)["date"] for x in (tmp_path / "since" / "events.polecat.jsonl").read_text().splitlines()]
    until = [json.loads(x)["date"] for x in (tmp_path / "until" / "events.polecat.jsonl").read_text().splitlines()]
    assert sorted(since) == ["2014-08-15", "2015-01-10", "2015-01-10"]  # the undated event is in neither
    assert sorted(until) == ["2014-07-03", "2014-08-02"]


def test_since_after_until_is_refused(tricky_db: Path, tmp_path: Path) -> None:
    with Store(tricky_db, read_only=True) as store, pytest.raises(UsageError) as info:
        store.export(tmp_path, format="csv", since=dt.date(2015, 1, 1), until=dt.date(2014, 1, 1))
    assert info.value.code == "D152"


def test_unknown_format_names_the_choices(tricky_db: Path, tmp_path: Path) -> None:
    with Store(tricky_db, read_only=True) as store, pytest.raises(UsageError) as info:
        store.export(tmp_path, format="gdelt")
    assert info.value.code == "D101" and "polecat, cameo-tsv" in str(info.value)


# --- exporting again ----------------------------------------------------------------------------------


def test_exporting_again_replaces_without_duplicates(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "events.parquet").mkdir(parents=True)
    (out / "events.parquet" / "month=1999-01").mkdir()
    (out / "events.parquet" / "month=1999-01" / "events_0.parquet").write_bytes(b"from an earlier export")
    (out / "notes.txt").write_text("the analyst's own file")
    with Store(tricky_db, read_only=True) as store:
        for _ in range(2):
            store.export(out, format="parquet")
            store.export(out, format="cameo-tsv")
        store.export(out, format="parquet", since=dt.date(2015, 1, 1))
    assert {p.name for p in (out / "events.parquet").iterdir()} == {"month=2015-01"}
    assert pq.read_table(out / "events.parquet").num_rows == 2
    assert len(_tsv(out / "events.cameo.tsv")) == 6
    assert (out / "notes.txt").read_text() == "the analyst's own file"
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []  # no staging folders left


def test_a_folder_holding_other_files_is_refused_not_emptied(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "motives.parquet" / "month=2014-07").mkdir(parents=True)
    mine = out / "motives.parquet" / "month=2014-07" / "analysis.ipynb"
    mine.write_text("{}")
    with Store(tricky_db, read_only=True) as store, pytest.raises(UsageError) as info:
        store.export(out, format="parquet")
    assert info.value.code == "D160" and "analysis.ipynb" in str(info.value)
    assert mine.read_text() == "{}"
    assert not (out / "events.parquet").exists()  # refused before anything was written


def test_a_single_file_from_an_older_export_is_replaced_by_the_month_folder(tricky_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "events.parquet").write_bytes(b"PAR1 an older single-file export")
    with Store(tricky_db, read_only=True) as store:
        store.export(out, format="parquet")
    assert (out / "events.parquet").is_dir() and pq.read_table(out / "events.parquet").num_rows == 6


def test_export_store_runs_on_a_plain_connection(tricky_db: Path, tmp_path: Path) -> None:
    con = duckdb.connect(str(tricky_db), read_only=True)
    try:
        written = export_store(con, tmp_path / "out", format="polecat", until=dt.date(2014, 7, 31))
        assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchone() == (True,)
    finally:
        con.close()
    assert len(written[0].read_text(encoding="utf-8").splitlines()) == 1


def test_parquet_takes_the_enum_path_for_both_dated_tables(tricky_db: Path) -> None:
    """A change to the public views that the fast path cannot follow must show here, not as a slow export."""
    from detente.store.exports import _records_with_enums

    with Store(tricky_db, read_only=True) as store:
        for table, view in (("events", "event_records"), ("motives", "motive_records")):
            query = _records_with_enums(store.con, table)
            assert "ENUM(" in query and view not in query
            fast = store.con.execute(f"SELECT * FROM ({query}) ORDER BY 1").fetchall()
            assert fast == store.con.execute(f"SELECT * FROM {view} ORDER BY 1").fetchall()
