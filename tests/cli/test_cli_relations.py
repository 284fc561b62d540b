"""`detente dyad`, `detente network` and `detente explain` on a store written by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from detente.cli import app


@pytest.fixture
def db(written) -> Path:  # type: ignore[no-untyped-def]
    """Iran–Saudi Arabia: two cooperative months, then two hostile ones; Hamas beside them."""
    w = written
    w.event("a1", "2019-01-05", "SAU", "IRN", "AGREE", 4, mode="cooperate")
    w.event("a2", "2019-02-05", "IRN", "SAU", "CONSULT", 2, mode="visit")
    w.event("a3", "2019-04-07", "SAU", "IRN", "SANCTION", -5, mode="break-relations")
    w.event("a3", "2019-04-07", "IRN-MIL", "SAU", "THREATEN", -4, sentence=1)
    w.event("a4", "2019-04-08", "hamas", "IRN", "SUPPORT", 3)
    w.motive("a3", "2019-04-07", "SAU", "isolate Iran in the region", concerns="IRN", sentence=2)
    w.flush()
    path = Path(w.store.path)
    w.store.close()
    return path


def _run(runner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_dyad_jsonl_gives_every_period_with_counts(runner, db) -> None:  # type: ignore[no-untyped-def]
    result = _run(runner, "dyad", "Iran", "Saudi Arabia", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["period"] for r in rows] == ["2019-01-01", "2019-02-01", "2019-03-01", "2019-04-01"]
    assert [r["events"] for r in rows] == [1, 1, 0, 2]
    april = rows[-1]
    assert (april["verbal_conflict"], april["material_conflict"], april["sanction"], april["threaten"]) == (1, 1, 1, 1)
    assert april["intensity_total"] == -9.0 and april["intensity_mean"] == -4.5 and april["articles"] == 1


def test_dyad_directed_csv_and_table(runner, db) -> None:  # type: ignore[no-untyped-def]
    result = _run(runner, "dyad", "IRN", "SAU", "--directed", "--db", str(db), "--format", "csv", "--freq", "year")
    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["period"], row["events"], row["consult"], row["threaten"]) == ("2019-01-01", "2", "1", "1")
    table = _run(runner, "dyad", "Iran", "Saudi Arabia", "--db", str(db), "--format", "table")
    assert table.exit_code == 0 and "2019-04-01" in table.stdout and "Trend:" in table.stdout


def test_dyad_chart_and_png(runner, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    png = tmp_path / "chart.png"
    result = _run(runner, "dyad", "Iran", "Saudi Arabia", "--db", str(db), "--format", "chart", "--png", str(png))
    assert result.exit_code == 0, result.stderr
    assert "Iran – Saudi Arabia, by month" in result.stdout and "cooperation" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour codes when not at a terminal
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_dyad_refuses_unknown_actor_and_period(runner, db) -> None:  # type: ignore[no-untyped-def]
    unknown = _run(runner, "dyad", "Irann", "Saudi Arabia", "--db", str(db))
    assert unknown.exit_code == 1 and "D150" in unknown.stderr and "Iran" in unknown.stderr
    period = _run(runner, "dyad", "Iran", "Saudi Arabia", "--db", str(db), "--freq", "decade")
    assert period.exit_code == 1 and "decade" in period.stderr


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files_read_back_with_networkx(runner, db, tmp_path, fmt) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"net.{fmt}"
    result = _run(runner, "network", "--db", str(db), "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.stderr
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert set(graph.nodes) == {"IRN", "SAU", "IRN-MIL", "hamas"}
    edge = graph.edges["IRN", "SAU"]
    assert (int(edge["cooperation"]), int(edge["conflict"]), float(edge["net"])) == (2, 1, 1.0)


def test_network_jsonl_and_min_events(runner, db) -> None:  # type: ignore[no-untyped-def]
    result = _run(runner, "network", "--db", str(db), "--format", "jsonl", "--min-events", "2")
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert {line["id"] for line in lines if line["kind"] == "node"} == {"IRN", "SAU"}
    (edge,) = [line for line in lines if line["kind"] == "edge"]
    assert edge["events"] == 3
    refused = _run(runner, "network", "--db", str(db), "--min-events", "0")
    assert refused.exit_code == 1 and "D153" in refused.stderr


def test_explain_in_each_format(runner, db) -> None:  # type: ignore[no-untyped-def]
    text = _run(runner, "explain", "Iran", "Saudi Arabia", "--db", str(db))
    assert text.exit_code == 0, text.stderr
    assert "Saudi Arabia cut or reduced ties with Iran" in text.stdout
    assert "isolate Iran in the region" in text.stdout and "[article a3, sentence 2]" in text.stdout
    markdown = _run(runner, "explain", "IRN", "SAU", "--db", str(db), "--format", "markdown")
    assert markdown.stdout.startswith("# What is behind the Iran – Saudi Arabia relation?")
    data = json.loads(_run(runner, "explain", "Iran", "Saudi Arabia", "--db", str(db), "--format", "json").stdout)
    assert [e["type"] for e in data["key_events"]][:1] == ["SANCTION"]
    assert data["third_parties"] == []  # Hamas acts in a4, which reports no Iran–Saudi event
    window = _run(runner, "explain", "Iran", "Saudi Arabia", "--db", str(db), "--until", "2019-02-28")
    assert "cut or reduced ties" not in window.stdout


def test_actor_arguments_take_capitals(runner, db) -> None:  # type: ignore[no-untyped-def]
    by_name = _run(runner, "dyad", "Iran", "Saudi Arabia", "--db", str(db), "--format", "jsonl").stdout
    by_capital = _run(runner, "dyad", "Tehran", "Riyadh", "--db", str(db), "--format", "jsonl").stdout
    by_code = _run(runner, "dyad", "IRN", "SAU", "--db", str(db), "--format", "jsonl").stdout
    assert by_name == by_capital == by_code and by_name


def test_an_output_that_cannot_be_written_is_a_clear_error(runner, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "no-such-folder"
    png = _run(runner, "dyad", "Iran", "Saudi Arabia", "--db", str(db), "--png", str(missing / "c.png"))
    assert png.exit_code == 1 and "D108" in png.stderr and "c.png" in png.stderr
    graph = _run(runner, "network", "--db", str(db), "--format", "gexf", "--out", str(missing / "n.gexf"))
    assert graph.exit_code == 1 and "D108" in graph.stderr and "n.gexf" in graph.stderr
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    export = _run(runner, "export", "--db", str(db), "--out", str(a_file))
    assert export.exit_code == 1 and "D108" in export.stderr
    assert a_file.read_text() == "not a folder"  # nothing lost
