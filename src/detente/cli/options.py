"""Options and argument checks shared by every command, defined once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from detente.errors import Messages, UsageError

DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="DETENTE_DB", help="Store file (default ./detente.duckdb).", show_default=False),
]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this date on (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(Messages.D105.format(value=value), code="D105") from exc


def check_choice(value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise UsageError(Messages.D101.format(value=value, choices=", ".join(choices)), code="D101")
    return value
