"""`detente eval`: the JSON object, the table, `--errors`, bad gold files; nothing is stored.

Most tests code with a stand-in event coder (ACCUSE between the first two actors of a sentence) so the
figures are known exactly; one runs the real coder and checks only what does not depend on its quality.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from detente.cli import app
from detente.evaluate import run
from detente.events import EventCoder
from detente.models import Event, Mention
from detente.motives import NoMotives
from detente.nlp.pipeline import ParsedArticle

MINI = [
    {
        "id": "hit",
        "text": "Egypt accused Israel of firing on the border.",
        "date": "2014-03-04",
        "events": [
            {"type": "ACCUSE", "sources": [{"text": "Egypt", "country": "EGY"}], "targets": [{"name": "Israel"}]}
        ],
    },
    {
        "id": "miss",
        "text": "Iran met Hamas officials on Tuesday.",
        "date": None,
        "events": [
            {"type": "CONSULT", "sources": [{"name": "Iran"}], "targets": [{"name": "Hamas"}], "symmetric": True}
        ],
        "must_not": [{"type": "ACCUSE", "sources": [{"name": "Iran"}], "targets": [{"name": "Hamas"}], "why": "met"}],
        "motives": [{"actor": "Iran", "goal": "rebuild its standing"}],
    },
    {"id": "quiet", "text": "The weather was fine on Monday.", "date": None, "events": []},
]

PLV_MINI = [
    {
        "id": "plv-1",
        "text": "Egypt accused Israel of firing on the border.",
        "events": [{"type": "ACCUSE", "sources": [{"text": "Egypt"}], "targets": [{"text": "Israel"}]}],
    },
    {
        "id": "plv-2",
        "text": "Iran met Hamas officials on Tuesday.",
        "events": [{"type": "CONSULT", "sources": [{"text": "Iran"}], "targets": [{"text": "Hamas officials"}]}],
    },
]


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class FirstPair:
    """ACCUSE from the first actor of each sentence to the second."""

    def code(self, parsed: ParsedArticle, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
        events = []
        for sentence in parsed.sentences:
            inside = [m for m in mentions if m.sentence_index == sentence.index]
            if len(inside) >= 2:
                a, b = inside[:2]
                events.append(Event(a.article_id, sentence.index, a.start, b.end, "ACCUSE", a, b, sentence.text))
        return tuple(events)


@pytest.fixture
def first_pair(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> None:
    real = run.Coder
    coder: EventCoder = FirstPair()
    monkeypatch.setattr(run, "Coder", lambda: real(nlp=nlp, event_coder=coder, motive_extractor=NoMotives()))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "mini.jsonl", MINI)


def test_eval_json(runner, mini, first_pair) -> None:
    result = runner.invoke(app, ["eval", str(mini), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert list(out) == ["sets"] and list(out["sets"]) == ["mini"]
    figures = out["sets"]["mini"]
    assert {k: figures[k] for k in ("precision", "recall", "f1", "n_gold", "n_coded", "matched")} == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "n_gold": 2,
        "n_coded": 2,
        "matched": 1,
    }
    assert figures["per_type"] == {
        "ACCUSE": {"precision": 0.5, "recall": 1.0, "f1": 2 / 3, "n_gold": 1, "n_coded": 2},
        "CONSULT": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n_gold": 1, "n_coded": 0},
    }
    assert figures["must_not_violations"] == 1
    [violated] = figures["must_not_violated"]
    assert violated["record"] == "miss" and violated["entry"]["why"] == "met"
    assert violated["event"]["source"]["text"] == "Iran" and violated["event"]["counts"] is True
    assert figures["no_event_records"] == {"records": 1, "right": 1, "share": 1.0}
    assert figures["actor_country_accuracy"] == 1.0 and figures["actor_country_sector_accuracy"] is None
    assert figures["motive_recall"] == 0.0
    assert figures["mode"] == "events" and figures["n_records"] == 3
    assert "type_accuracy" not in figures and "errors" not in figures


def test_eval_errors(runner, mini, first_pair) -> None:
    result = runner.invoke(app, ["eval", str(mini), "--format", "json", "--errors", "5"])
    assert result.exit_code == 0, result.output
    [worst] = json.loads(result.stdout)["sets"]["mini"]["errors"]  # the only record with errors
    assert worst["record"] == "miss" and worst["errors"] == 3  # a miss, a false alarm, a must_not
    assert [m["type"] for m in worst["misses"]] == ["CONSULT"]
    [false] = worst["false_alarms"]
    assert (false["type"], false["source"]["actor"], false["target"]["text"]) == ("ACCUSE", "Iran", "Hamas officials")
    assert worst["text"] == "Iran met Hamas officials on Tuesday." and len(worst["coded"]) == 1
    table = runner.invoke(app, ["eval", str(mini), "--errors", "1"])
    assert table.exit_code == 0, table.output
    assert "mini: 1 worst records" in table.stdout
    assert "  miss (3 errors): Iran met Hamas officials on Tuesday." in table.stdout
    assert "    missed   CONSULT Iran <-> Hamas" in table.stdout
    assert "    false    ACCUSE 'Iran' (Iran, IRNGOV) -> 'Hamas officials'" in table.stdout


def test_eval_table_by_set_and_type(runner, mini, first_pair) -> None:
    by_set = runner.invoke(app, ["eval", str(mini)])
    assert by_set.exit_code == 0, by_set.output
    assert "mini" in by_set.stdout and "0.500" in by_set.stdout and "1/1" in by_set.stdout
    by_type = runner.invoke(app, ["eval", str(mini), "--by", "type"])
    assert by_type.exit_code == 0 and "CONSULT" in by_type.stdout and "0.667" in by_type.stdout


def test_eval_linking_set(runner, tmp_path, mini, first_pair) -> None:
    plv = write_jsonl(tmp_path / "plv-mini.jsonl", PLV_MINI)
    result = runner.invoke(app, ["eval", str(plv), str(mini), "--format", "json"])
    assert result.exit_code == 0, result.output
    sets = json.loads(result.stdout)["sets"]
    assert list(sets) == ["plv-mini", "mini"]
    linking = sets["plv-mini"]
    # ACCUSE is right for plv-1; plv-2 gets ACCUSE for CONSULT between the given words: wrong type.
    assert linking["mode"] == "linking" and linking["type_accuracy"] == 0.5
    assert (linking["n_gold"], linking["n_coded"], linking["recall"]) == (2, 2, 0.5)
    assert linking["actor_country_accuracy"] is None and linking["motive_recall"] is None
    forced = runner.invoke(app, ["eval", str(plv), "--format", "json", "--mode", "events"])
    assert "type_accuracy" not in json.loads(forced.stdout)["sets"]["plv-mini"]


def test_eval_bad_gold_file(runner, tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Iran spoke.", "events": []}\n{"id": "b", "events": []}\n')
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [D204]") and "bad.jsonl:2" in result.stderr
    missing = runner.invoke(app, ["eval", str(tmp_path / "absent.jsonl")])
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: [D209]")


def test_eval_gold_file_that_is_not_text(runner, tmp_path) -> None:
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b'{"id": "a", "text": "Iran spoke.", "events": []}\n\xff\xfe\x00binary\n')
    result = runner.invoke(app, ["eval", str(junk)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [D203]") and "junk.jsonl:2 is not UTF-8" in result.stderr


@pytest.mark.parametrize("option", [["--format", "csv"], ["--by", "actor"], ["--mode", "loose"]])
def test_eval_bad_options(runner, mini, option) -> None:
    result = runner.invoke(app, ["eval", str(mini), *option])
    assert result.exit_code == 1 and result.stderr.startswith("Error: [D101]")


def test_eval_with_the_real_coder_stores_nothing(runner, mini, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["eval", str(mini), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["sets"]["mini"]
    assert (figures["n_gold"], figures["n_records"], figures["no_event_records"]["records"]) == (2, 3, 1)
    assert 0.0 <= figures["f1"] <= 1.0 and set(figures["per_type"]) >= {"ACCUSE", "CONSULT"}
    assert list(tmp_path.glob("*.duckdb")) == []
