"""The ingest job end to end: de-duplication, near-duplicates, bad items, workers, interruption."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from detente.ingest import ReadOptions
from detente.models import IngestSummary
from detente.pipeline import IngestOptions, ingest
from detente.store import Store
from detente.synthetic import wire_reports


def _content(store: Store) -> dict[str, object]:
    """What a store holds, independent of run ids and timestamps."""
    q = store.con.execute
    return {
        "articles": q("SELECT article_id, duplicate_of FROM articles ORDER BY article_id").fetchall(),
        "sentences": q('SELECT article_id, sentence_index, start, "end", text FROM sentences ORDER BY ALL').fetchall(),
        "errors": q("SELECT path, line, code FROM ingest_errors ORDER BY ALL").fetchall(),
    }


def test_ingest_is_idempotent(store: Store, reports_jsonl) -> None:
    path = str(reports_jsonl(10))
    first = ingest([path], store=store)
    assert (first.new, first.duplicate, first.near_duplicate, first.failed) == (10, 0, 0, 0)
    before = _content(store)
    second = ingest([path], store=store)
    assert (second.new, second.duplicate) == (0, 10)
    assert _content(store) == before
    assert store.stats()["articles"] == 10


def test_same_story_in_two_formats_is_stored_once(store: Store, tmp_path: Path) -> None:
    text = next(wire_reports(1))["text"]
    (tmp_path / "a.txt").write_text(f"---\ndate: 2015-01-02\n---\n{text}\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "x", "text": "  " + text.upper()}) + "\n")
    summary = ingest([str(tmp_path)], store=store)
    assert (summary.new, summary.duplicate) == (1, 1)


def test_near_duplicates_within_a_run_and_across_runs(store: Store, tmp_path: Path) -> None:
    original = next(wire_reports(1, seed=11, sentences=14))["text"]
    sentences = original.split(". ")
    edited = "Regional officials confirmed on Friday that " + ". ".join(sentences[1:-2] + sentences[-1:])
    again = "Diplomats said late on Sunday that " + ". ".join(sentences[2:])
    (tmp_path / "1-original.txt").write_text(original)
    (tmp_path / "2-edited.txt").write_text(edited)
    first = ingest([str(tmp_path)], store=store)
    assert (first.new, first.near_duplicate) == (1, 1)
    later = tmp_path / "later"
    later.mkdir()
    (later / "again.txt").write_text(again)
    second = ingest([str(later)], store=store)
    assert (second.new, second.near_duplicate) == (0, 1)
    links = store.con.execute(
        "SELECT count(*), count(DISTINCT duplicate_of) FROM articles WHERE duplicate_of IS NOT NULL"
    ).fetchone()
    assert links == (2, 1)
    # near-duplicates are not coded: only the original has sentences
    assert store.con.execute("SELECT count(DISTINCT article_id) FROM sentences").fetchone() == (1,)


def test_bad_items_are_reported_and_skipped(store: Store, tmp_path: Path) -> None:
    good = list(wire_reports(3))
    lines = [json.dumps(good[0]), "{not json", json.dumps(good[1]), json.dumps({"id": "e", "text": ""})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n" + json.dumps(good[2]) + "\n")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "junk.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    summary = ingest([str(tmp_path)], store=store)
    assert (summary.new, summary.failed) == (3, 4)
    errors = {(Path(e.path).name, e.line, e.code) for e in summary.errors}
    assert errors == {
        ("empty.txt", None, "D201"),
        ("junk.txt", None, "D202"),
        ("mixed.jsonl", 2, "D204"),
        ("mixed.jsonl", 4, "D205"),
    }
    assert store.stats()["ingest_errors"] == 4


def test_nothing_readable(store: Store, tmp_path: Path) -> None:
    summary = ingest([str(tmp_path / "missing.txt")], store=store)
    assert summary.read == 0 and summary.failed == 1


def _coded(store: Store) -> dict[str, object]:
    q = store.con.execute
    return {
        "mentions": q('SELECT mention_id, start, "end", actor_id FROM mentions ORDER BY ALL').fetchall(),
        "events": q("SELECT event_id, type, mode, source_id, target_id, date FROM events ORDER BY ALL").fetchall(),
        "motives": q("SELECT motive_id, goal, actor_id FROM motives ORDER BY ALL").fetchall(),
    }


def test_every_way_of_spreading_the_work_stores_the_same(tmp_path: Path, reports_jsonl) -> None:
    """One batch is coded in this process; several batches with one worker are parsed in a second
    process and coded here; two workers parse and code in two processes."""
    path = str(reports_jsonl(40))
    contents = []
    for name, options in {
        "here": IngestOptions(workers=1, batch_size=64),
        "parse-apart": IngestOptions(workers=1, batch_size=8),
        "two-workers": IngestOptions(workers=2, batch_size=8),
    }.items():
        with Store(tmp_path / f"{name}.duckdb") as store:
            ingest([path], store=store, options=options)
            contents.append({**_content(store), **_coded(store)})
    assert contents[0] == contents[1] == contents[2]
    assert len(contents[0]["articles"]) == 40
    assert contents[0]["events"] and contents[0]["mentions"]


def test_interrupted_ingest_resumes_without_duplicates(tmp_path: Path, reports_jsonl) -> None:
    path = str(reports_jsonl(30))
    options = IngestOptions(batch_size=5, read=ReadOptions())
    calls = []

    def stop_after_two(summary: IngestSummary) -> None:
        calls.append(summary.new)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with Store(tmp_path / "resumed.duckdb") as store:
        summary = ingest([path], store=store, options=options, on_batch=stop_after_two)
        assert summary.interrupted and summary.new == 10
        assert store.stats()["articles"] == 10
        status = store.con.execute("SELECT status FROM ingest_runs").fetchone()
        assert status == ("interrupted",)
        rest = ingest([path], store=store, options=options)
        assert (rest.new, rest.duplicate) == (20, 10)
        resumed = _content(store)
    with Store(tmp_path / "clean.duckdb") as store:
        ingest([path], store=store, options=options)
        assert _content(store) == resumed


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_the_run_after_the_batch_in_flight(tmp_path: Path, reports_jsonl, how: int) -> None:
    path = str(reports_jsonl(30))
    options = IngestOptions(batch_size=5, read=ReadOptions())
    before = signal.getsignal(how)

    def signal_once(summary: IngestSummary) -> None:
        if summary.new == 5:
            os.kill(os.getpid(), how)

    with Store(tmp_path / "signalled.duckdb") as store:
        summary = ingest([path], store=store, options=options, on_batch=signal_once)
        assert summary.interrupted and summary.new == 5
        assert store.stats()["articles"] == 5
    assert signal.getsignal(how) is before


def test_a_second_ctrl_c_stops_at_once(tmp_path: Path, reports_jsonl) -> None:
    path = str(reports_jsonl(30))
    options = IngestOptions(batch_size=5, read=ReadOptions())

    def press_twice(summary: IngestSummary) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)
        pytest.fail("the second Ctrl-C did not stop the run")  # pragma: no cover

    with Store(tmp_path / "twice.duckdb") as store:
        summary = ingest([path], store=store, options=options, on_batch=press_twice)
        assert summary.interrupted and summary.new == 5


@pytest.mark.parametrize("batch_size", [1, 7])
def test_batch_size_does_not_change_what_is_stored(store: Store, reports_jsonl, batch_size: int) -> None:
    ingest([str(reports_jsonl(9))], store=store, options=IngestOptions(batch_size=batch_size))
    assert store.stats()["articles"] == 9
    runs = store.con.execute("SELECT n_new, status FROM ingest_runs").fetchall()
    assert runs == [(9, "done")]
