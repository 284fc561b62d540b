"""`detente eval`: score the coder against gold sets, in memory (no store is read or written)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from detente.cli.options import check_choice
from detente.cli.output import emit, to_json

EVAL_FORMATS = ("table", "json")
BY_CHOICES = ("set", "type")


def eval_cli(
    gold: Annotated[
        list[Path], typer.Argument(metavar="GOLD", help="Gold files (JSONL, format of docs/evaluation.md).")
    ],
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
    by: Annotated[str, typer.Option("--by", help="Table rows: one per set, or per set and event type.")] = "set",
    errors: Annotated[int, typer.Option("--errors", help="Also show the N worst records of each set.")] = 0,
    mode: Annotated[str, typer.Option("--mode", help="auto (plv* sets are linking sets) | events | linking")] = "auto",
) -> None:
    """Code gold sets in memory and score events, actors and motives against them.

    Example: detente eval ../shared/eval/plover-gsr-dev.jsonl --by type --errors 5
    Example: detente eval ../shared/eval/*.jsonl --format json
    """
    check_choice(fmt, EVAL_FORMATS)
    check_choice(by, BY_CHOICES)
    from detente.evaluate import evaluate, report
    from detente.evaluate.report import error_lines, summary_rows
    from detente.evaluate.run import MODES

    check_choice(mode, MODES)
    scores = evaluate(gold, mode=mode)
    if fmt == "json":
        print(to_json(report(scores, errors=max(0, errors))))
        return
    emit(summary_rows(scores, by=by), "table", title="event coding against gold sets")
    if errors > 0:
        for score in scores:
            print()
            print("\n".join(error_lines(score, errors)))
