"""`detente actors`: actors with mention counts."""

from __future__ import annotations

import json

from detente.cli import app
from factories import three_articles


def test_actors_with_counts(runner, db_path) -> None:
    three_articles(db_path)
    result = runner.invoke(app, ["actors", "--db", str(db_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = {r["actor_id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert {k: v["mentions"] for k, v in rows.items()} == {"IRN-GOV": 3, "hamas": 4, "EGY-GOV": 2}
    assert rows["hamas"]["country"] == "PSE" and rows["hamas"]["kind"] == "organisation"


def test_actor_and_kind_filters(runner, db_path) -> None:
    three_articles(db_path)
    only = runner.invoke(app, ["actors", "--db", str(db_path), "--format", "jsonl", "--actor", "egy"])
    assert [json.loads(x)["name"] for x in only.stdout.splitlines()] == ["Egypt"]
    states = runner.invoke(app, ["actors", "--db", str(db_path), "--format", "csv", "--type", "state"])
    assert states.stdout.splitlines()[0].startswith("actor_id,name,kind")
    assert len(states.stdout.splitlines()) == 3
