"""`detente code`: coding without a store, as a Unix filter."""

from __future__ import annotations

import json

from detente.cli import app


def test_code_a_text(runner) -> None:
    result = runner.invoke(
        app,
        [
            "code",
            "Iran's foreign minister met Hamas leaders in Tehran on Tuesday. They talked.",
            "--date",
            "2015-02-01",
        ],
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # "They talked" names no one the talk was with: a consultation with no one is no event.
    assert lines[0].endswith(": 2 sentences, 4 mentions, 1 events, 0 motives")
    assert lines[1:5] == [
        "  event CONSULT  CAMEO 040, quad 1, intensity +1",
        "        \"Iran's foreign minister\" = Iran (IRNGOV) -> 'Hamas leaders' = Hamas (PSEREB)",
        "        when 2015-01-27, where Tehran (IRN), asserted, confidence 0.9",
        '        "Iran\'s foreign minister met Hamas leaders in Tehran on Tuesday."',
    ]
    assert lines[-4:] == [
        '  mention "Iran\'s foreign minister" -> Iran (IRNGOV) by title',
        "  mention 'Hamas leaders' -> Hamas (PSEREB) by title",
        "  mention 'Tehran' -> Iran (IRNGOV) by dictionary",
        "  mention 'They' -> Hamas (PSEREB) by coreference",
    ]


def test_code_events_as_jsonl(runner) -> None:
    result = runner.invoke(
        app,
        [
            "code",
            "Iran's foreign minister met Hamas leaders in Tehran on Tuesday.",
            "--date",
            "2015-02-01",
            "--format",
            "jsonl",
        ],
    )
    assert result.exit_code == 0, result.stderr
    (event,) = [r for r in map(json.loads, result.stdout.splitlines()) if r["kind"] == "event"]
    assert {k: event[k] for k in ("type", "cameo", "quad_class", "modality", "negated", "date")} == {
        "type": "CONSULT",
        "cameo": "040",
        "quad_class": 1,
        "modality": "asserted",
        "negated": False,
        "date": "2015-01-27",
    }
    assert event["source"]["id"] == "IRN" and event["target"]["id"] == "hamas"
    assert event["place"]["geonameid"] == 112931 and event["place"]["country"] == "IRN"
    assert event["evidence"] == "Iran's foreign minister met Hamas leaders in Tehran on Tuesday."
    assert event["doc_id"] == event["article_id"] and event["event_id"]


def test_records_in_input_order_with_their_ids(runner, tmp_path) -> None:
    records = [{"id": f"doc-{n}", "text": f"Egypt hosted talks number {n}. Hamas attended."} for n in (3, 1, 2)]
    lines = [
        json.dumps(records[0]),
        "{broken",
        json.dumps(records[1]),
        json.dumps(records[2]),
        json.dumps(records[0]),
    ]  # a repeated record is coded again: no de-duplication here
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["code", "--input", str(path)])
    assert result.exit_code == 0, result.stderr
    ids = [line.split(":")[0] for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert ids == ["doc-3", "doc-1", "doc-2", "doc-3"]
    assert "skipped" in result.stderr and ":2: [D204]" in result.stderr


def test_stdin_and_custom_fields(runner) -> None:
    data = json.dumps({"key": "a1", "body": "Qatar sent aid to Gaza. Israel objected."}) + "\n"
    result = runner.invoke(app, ["code", "--input", "-", "--id-field", "key", "--text-field", "body"], input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("a1: 2 sentences")


def test_jsonl_format_streams_only_records(runner, tmp_path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Nothing happened today."}) + "\n")
    result = runner.invoke(app, ["code", "--input", str(path), "--format", "jsonl"])
    assert result.exit_code == 0
    for line in result.stdout.splitlines():  # every line is a record with a kind and the doc id
        record = json.loads(line)
        assert record["kind"] in {"mention", "event", "motive"} and record["doc_id"] == "x"


def test_usage_errors(runner, tmp_path) -> None:
    neither = runner.invoke(app, ["code"])
    assert neither.exit_code == 1 and "D104" in neither.stderr
    both = runner.invoke(app, ["code", "text", "--input", str(tmp_path / "x.jsonl")])
    assert both.exit_code == 1 and "D103" in both.stderr
    fmt = runner.invoke(app, ["code", "text", "--format", "xml"])
    assert fmt.exit_code == 1 and "D101" in fmt.stderr
