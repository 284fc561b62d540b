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


MOTIVE_FIELDS = {"actor", "goal", "category", "concerns", "evidence", "article_id", "sentence_index", "start", "end"}


def test_code_prints_motive_lines(runner) -> None:
    text = "Iran seeks to rebuild its standing in the region."
    result = runner.invoke(app, ["code", text, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    [motive] = [row for row in map(json.loads, result.stdout.splitlines()) if row["kind"] == "motive"]
    assert set(motive) >= MOTIVE_FIELDS
    assert motive["actor"] == {
        "id": "IRN",
        "name": "Iran",
        "country": "IRN",
        "sector": "GOV",
        "text": "Iran",
        "start": 0,
        "end": 4,
    }
    assert (motive["goal"], motive["category"], motive["concerns"]) == (
        "rebuild its standing in the region",
        "goal",
        None,
    )
    assert (motive["sentence_index"], text[motive["start"] : motive["end"]]) == (
        0,
        "seeks to rebuild its standing in the region",
    )
    assert motive["evidence"] == text


def test_ingested_motives_are_listed(runner, db_path, tmp_path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "---\ndate: 2024-03-01\n---\nJordan hosted the talks on Monday. "
        "Qatar hopes to broker a lasting truce between Israel and Hamas, officials said.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(report), "--db", str(db_path)]).exit_code == 0
    result = runner.invoke(app, ["motives", "--db", str(db_path), "--format", "jsonl", "--actor", "Qatar"])
    assert result.exit_code == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(row) >= MOTIVE_FIELDS
    assert (row["actor"]["id"], row["goal"], row["category"]) == (
        "QAT",
        "broker a lasting truce between Israel and Hamas",
        "goal",
    )
    assert (row["concerns"]["name"], row["modality"], row["date"], row["sentence_index"]) == (
        "Israel",
        "reported",
        "2024-03-01",
        1,
    )
