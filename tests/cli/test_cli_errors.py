"""`detente errors`: what could not be read, and why."""

from __future__ import annotations

import csv
import io

from detente.cli import app


def test_errors_listed_as_csv(runner, db_path, tmp_path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Egypt hosted talks."}\n{oops\n')
    runner.invoke(app, ["ingest", str(tmp_path / "a.jsonl"), "--db", str(db_path)])
    result = runner.invoke(app, ["errors", "--db", str(db_path), "--format", "csv"])
    assert result.exit_code == 0
    [row] = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["line"] == "2" and row["code"] == "D204" and row["path"].endswith("a.jsonl")
