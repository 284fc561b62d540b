"""`detente motives`: stored goal statements with their actors."""

from __future__ import annotations

import json

from detente.cli import app
from factories import three_articles


def test_motives_by_actor(runner, db_path) -> None:
    three_articles(db_path)
    result = runner.invoke(app, ["motives", "--db", str(db_path), "--format", "jsonl", "--actor", "Egypt"])
    assert result.exit_code == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["actor"]["name"] == "Egypt" and row["goal"] == "rebuild its standing"
    assert row["category"] == "goal" and row["concerns"]["name"] == "Hamas"
    assert row["evidence"] == "Egypt wants to rebuild its standing."


def test_motive_category_filter(runner, db_path) -> None:
    three_articles(db_path)
    goals = runner.invoke(app, ["motives", "--db", str(db_path), "--format", "jsonl", "--type", "goal"])
    fears = runner.invoke(app, ["motives", "--db", str(db_path), "--format", "jsonl", "--type", "fear"])
    assert len(goals.stdout.splitlines()) == 3 and fears.stdout == ""
