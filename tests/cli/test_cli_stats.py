"""`detente stats`."""

from __future__ import annotations

import json

from detente.cli import app
from factories import three_articles


def test_stats_json(runner, db_path) -> None:
    three_articles(db_path)
    result = runner.invoke(app, ["stats", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "articles": 3,
        "near_duplicates": 0,
        "sentences": 6,
        "actors": 3,
        "mentions": 9,
        "events": 3,
        "motives": 3,
        "ingest_errors": 0,
        "ingest_runs": 1,
    }


def test_stats_table_and_bad_format(runner, db_path) -> None:
    three_articles(db_path)
    table = runner.invoke(app, ["stats", "--db", str(db_path)])
    assert table.exit_code == 0 and "sentences" in table.stdout and "6" in table.stdout
    bad = runner.invoke(app, ["stats", "--db", str(db_path), "--format", "yaml"])
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: [D101]")
