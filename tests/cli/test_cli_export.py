"""`detente export`: every table written, and read back."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from detente.cli import app
from detente.store import TABLES
from factories import three_articles


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(runner, db_path, tmp_path, fmt: str) -> None:
    three_articles(db_path)
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--db", str(db_path), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.stem for p in out.iterdir()) == sorted(TABLES)
    assert len(result.stdout.splitlines()) == len(TABLES)
    if fmt == "parquet":
        assert pq.read_table(out / "articles.parquet").num_rows == 3
    elif fmt == "jsonl":
        rows = [json.loads(x) for x in (out / "motives.jsonl").read_text().splitlines()]
        assert sorted(r["actor"]["name"] for r in rows) == ["Egypt", "Hamas", "Iran"]
    else:
        assert len((out / "sentences.csv").read_text().splitlines()) == 7


def test_export_needs_out(runner, db_path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db_path)])
    assert result.exit_code == 1


@pytest.mark.parametrize(("fmt", "name"), [("polecat", "events.polecat.jsonl"), ("cameo-tsv", "events.cameo.tsv")])
def test_export_in_the_fields_formats_within_a_window(runner, db_path, tmp_path, fmt: str, name: str) -> None:
    three_articles(db_path)
    everything = tmp_path / "all"
    window = tmp_path / "window"
    base = ["export", "--db", str(db_path), "--format", fmt]
    assert runner.invoke(app, [*base, "--out", str(everything)]).exit_code == 0
    result = runner.invoke(app, [*base, "--out", str(window), "--since", "2099-01-01"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(window / name)
    lines = (everything / name).read_text(encoding="utf-8").splitlines()
    header = 1 if fmt == "cameo-tsv" else 0
    assert len(lines) - header >= 1
    assert len((window / name).read_text(encoding="utf-8").splitlines()) == header  # nothing after 2099
    bad = runner.invoke(app, [*base, "--out", str(window), "--since", "tomorrow"])
    assert bad.exit_code == 1 and "D105" in bad.stderr
