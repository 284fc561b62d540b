"""`detente ingest`: summaries, exit codes, idempotency, and a real kill in the middle of a run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.cli import app
from detente.store import Store


def _stats(runner, db: Path) -> dict[str, int]:
    result = runner.invoke(app, ["stats", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_example_article_twice_is_stored_once(runner, db_path: Path, example_article: Path) -> None:
    first = runner.invoke(app, ["ingest", str(example_article), "--db", str(db_path)])
    assert first.exit_code == 0, first.stderr
    assert "Done: 1 new, 0 duplicate, 0 near-duplicate, 0 failed" in first.stderr
    second = runner.invoke(app, ["ingest", str(example_article), "--db", str(db_path)])
    assert second.exit_code == 0
    assert "Done: 0 new, 1 duplicate" in second.stderr
    stats = _stats(runner, db_path)
    assert stats["articles"] == 1 and stats["ingest_runs"] == 2
    with Store(db_path, read_only=True) as store:
        [(title, text)] = store.con.execute("SELECT title, text FROM articles").fetchall()
    assert title is None and text.startswith("What is behind Hamas-Iran rapprochement?")


def test_folder_of_bad_files(runner, db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (bad / "broken.jsonl").write_text('{"text": "fine?"\n[1, 2]\n')
    (bad / "no-text.csv").write_text("id,title\n1,Nothing here\n")
    (bad / "empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(db_path)])
    assert result.exit_code == 2, "no item could be read"
    assert "Done: 0 new, 0 duplicate, 0 near-duplicate, 6 failed" in result.stderr
    assert "skipped" in result.stderr and "D204" in result.stderr
    stats = _stats(runner, db_path)
    assert stats["articles"] == 0 and stats["ingest_errors"] == 6
    listed = runner.invoke(app, ["errors", "--db", str(db_path), "--format", "jsonl"])
    codes = sorted(json.loads(line)["code"] for line in listed.stdout.splitlines())
    assert codes == ["D201", "D202", "D204", "D206", "D207", "D213"]


def test_partly_bad_batch_exits_zero(runner, db_path: Path, tmp_path: Path, reports_jsonl) -> None:
    good = reports_jsonl(2)
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(good), str(tmp_path / "empty.txt"), "--db", str(db_path)])
    assert result.exit_code == 0
    assert "Done: 2 new, 0 duplicate, 0 near-duplicate, 1 failed" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x.txt", "--workers", "0"],
        ["ingest", "x.txt", "--input-format", "pdf"],
        ["ingest", "x.txt", "--no-such-option"],
    ],
)
def test_usage_errors_exit_one(runner, db_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", str(db_path)])
    assert result.exit_code == 1
    assert "Error" in result.stderr


def test_custom_fields_and_env_db(runner, tmp_path: Path, monkeypatch) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"key": "k1", "body": "Egypt hosted Hamas leaders in Cairo on Monday.", "when": "2017-06-12"}) + "\n"
    )
    db = tmp_path / "env.duckdb"
    monkeypatch.setenv("DETENTE_DB", str(db))
    result = runner.invoke(
        app, ["ingest", str(corpus), "--id-field", "key", "--text-field", "body", "--date-field", "when"]
    )
    assert result.exit_code == 0, result.stderr
    with Store(db, read_only=True) as store:
        row = store.con.execute("SELECT ref, date, text FROM articles").fetchone()
    assert row is not None and row[0] == "k1" and str(row[1]) == "2017-06-12"


def _detente(*args: str) -> list[str]:
    return [sys.executable, "-c", "from detente.cli import main; main()", *args]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_killed_ingest_leaves_a_consistent_store(tmp_path: Path, reports_jsonl, how: signal.Signals) -> None:
    corpus = str(reports_jsonl(400))
    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        _detente("ingest", corpus, "--db", str(db), "--batch-size", "10"),
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if line.startswith("detente:") or not line:
            break
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(how)
    rest = proc.communicate(timeout=120)[1]
    if how in (signal.SIGINT, signal.SIGTERM):
        assert proc.returncode == 130
        assert "Interrupted" in rest and "Run the same command again" in rest
    else:
        assert proc.returncode == -signal.SIGKILL
    with Store(db) as store:
        stored = store.stats()["articles"]
        assert 10 <= stored < 400
        orphan = store.con.execute(
            "SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles)"
        ).fetchone()
        assert orphan == (0,)
    again = subprocess.run(_detente("ingest", corpus, "--db", str(db)), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"Done: {400 - stored} new, {stored} duplicate" in again.stderr
    with Store(db) as store:
        assert store.stats()["articles"] == 400
        dupes = store.con.execute(
            "SELECT count(*) FROM (SELECT article_id, sentence_index FROM sentences GROUP BY ALL HAVING count(*) > 1)"
        ).fetchone()
        assert dupes == (0,)
