"""`detente demo`: the bundled corpus is ingested, and re-running adds nothing."""

from __future__ import annotations

import json

import detente
from detente.analysis.dyad import busiest_dyads
from detente.cli import app
from detente.demo import demo_corpus
from detente.store import Store


def test_demo_corpus_ships_every_format() -> None:
    with demo_corpus() as paths:
        suffixes = {p.suffix for p in paths}
    assert suffixes == {".txt", ".html", ".jsonl", ".csv", ".xml"}
    assert len(paths) >= 30


def test_demo_runs_and_is_idempotent(runner, db_path) -> None:
    first = runner.invoke(app, ["demo", "--db", str(db_path)])
    assert first.exit_code == 0, first.stderr
    assert "0 failed" in first.stderr and "1 near-duplicate" in first.stderr
    # it ends with the question detente is for, asked of the busiest dyad (the two Iran dyads the
    # corpus follows longest are within an event of each other, so the store decides which)
    with Store(db_path, read_only=True) as store:
        [(a, b, n), *_] = busiest_dyads(store.con)
    assert {a.label, b.label} & {"Iran"} and {a.label, b.label} & {"United States", "Saudi Arabia"}
    assert f"The most active dyad is {a.label} – {b.label} ({n} events)" in first.stdout
    assert f"What is behind the {a.label} – {b.label} relation?" in first.stdout
    with detente.open(db_path) as corpus:
        trend = corpus.explain(a.label, b.label).trend
    assert f"Trend: {trend}" in first.stdout and "[article " in first.stdout
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db_path), "--format", "json"]).stdout)
    assert stats["articles"] >= 30 and stats["near_duplicates"] == 1 and stats["ingest_errors"] == 0
    second = runner.invoke(app, ["demo", "--db", str(db_path)])
    assert second.exit_code == 0 and "Done: 0 new" in second.stderr
    again = json.loads(runner.invoke(app, ["stats", "--db", str(db_path), "--format", "json"]).stdout)
    assert {k: v for k, v in again.items() if k != "ingest_runs"} == {
        k: v for k, v in stats.items() if k != "ingest_runs"
    }
    # the corpus covers several years, so relations can be seen changing
    with Store(db_path, read_only=True) as store:
        years = store.con.execute("SELECT count(DISTINCT year(date)) FROM articles").fetchone()
    assert years is not None and years[0] >= 8
