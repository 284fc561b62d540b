"""`detente events`: filters and every output format, read back."""

from __future__ import annotations

import csv
import io
import json

import pytest

from detente.cli import app
from factories import three_articles


@pytest.mark.parametrize(
    ("args", "types"),
    [
        ([], ["ACCUSE", "COERCE", "CONSULT"]),
        (["--actor", "Egypt"], ["COERCE"]),
        (["--dyad", "IRN", "hamas"], ["ACCUSE", "CONSULT"]),
        (["--type", "consult", "--type", "accuse"], ["ACCUSE", "CONSULT"]),
        (["--since", "2013-01-01", "--until", "2014-12-31"], ["COERCE"]),
        (["--limit", "2"], ["ACCUSE", "COERCE"]),
    ],
)
def test_filters(runner, db_path, args: list[str], types: list[str]) -> None:
    three_articles(db_path)
    result = runner.invoke(app, ["events", "--db", str(db_path), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["type"] for r in rows] == types


def test_jsonl_shape(runner, db_path) -> None:
    three_articles(db_path)
    result = runner.invoke(app, ["events", "--db", str(db_path), "--format", "jsonl", "--type", "ACCUSE"])
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(row) >= {
        "event_id",
        "article_id",
        "sentence_index",
        "date",
        "type",
        "mode",
        "cameo",
        "quad_class",
        "intensity",
        "negated",
        "modality",
        "source",
        "target",
        "place",
        "evidence",
        "confidence",
    }
    assert row["date"] == "2012-05-01"
    assert row["source"] == {
        "id": "IRN-GOV",
        "name": "Iran",
        "country": "IRN",
        "sector": "GOV",
        "text": "Iran",
        "start": 0,
        "end": 4,
    }
    assert row["evidence"] == "Iran criticised Hamas officials."


def test_csv_and_table(runner, db_path) -> None:
    three_articles(db_path)
    result = runner.invoke(app, ["events", "--db", str(db_path), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["source.name"] for r in rows] == ["Iran", "Egypt", "Hamas"]
    assert rows[0]["target.country"] == "PSE"
    table = runner.invoke(app, ["events", "--db", str(db_path), "--format", "table"])
    assert table.exit_code == 0 and "COERCE" in table.stdout and "Egypt" in table.stdout


def test_empty_store_prints_nothing(runner, db_path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db_path), "--format", "jsonl"])
    assert result.exit_code == 0 and result.stdout == ""


def test_bad_date_is_a_usage_error(runner, db_path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db_path), "--since", "last spring"])
    assert result.exit_code == 1 and "D105" in result.stderr
