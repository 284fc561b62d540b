"""Writing rows as a table, JSON Lines, CSV or one JSON document: one mechanism for every command."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

LIST_FORMATS = ("table", "jsonl", "csv")


def default_format() -> str:
    """A table for a person at a terminal, JSON Lines for a pipe."""
    return "table" if sys.stdout.isatty() else "jsonl"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, set | tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted columns (`source.name`), for CSV and tables."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list | tuple):
            flat[name] = "|".join(str(v) for v in value)
        else:
            flat[name] = value
    return flat


def emit(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    *,
    columns: list[str] | None = None,
    title: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Write rows in the chosen format; returns how many were written."""
    out = out or sys.stdout
    count = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(to_json(row) + "\n")
            count += 1
        return count
    flat_rows = [flatten(r) for r in rows]
    if columns is None:
        columns = list(dict.fromkeys(k for r in flat_rows for k in r))
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in flat_rows:
            writer.writerow({k: "" if row.get(k) is None else _cell(row.get(k)) for k in columns})
        return len(flat_rows)
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold", max_width=60)
    for row in flat_rows:
        table.add_row(*("" if row.get(c) is None else _cell(row.get(c)) for c in columns))
    Console(file=out, width=200 if not out.isatty() else None).print(table)
    return len(flat_rows)


def _cell(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
