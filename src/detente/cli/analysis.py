"""`detente dyad`, `detente network` and `detente explain`: relations read from the store.

These commands never load spaCy: they only read the store, so they start fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from detente.cli.options import DbOption, SinceOpt, UntilOpt, check_choice, parse_date
from detente.cli.output import default_format, emit
from detente.store import Store

if TYPE_CHECKING:
    from detente.analysis import DyadSeries

DYAD_FORMATS = ("table", "csv", "jsonl", "chart")
NETWORK_FORMATS = ("graphml", "gexf", "jsonl")


def dyad_cli(
    a: Annotated[str, typer.Argument(help="First actor: name, alias, id or code (Iran, IRN, Tehran).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    freq: Annotated[str, typer.Option("--freq", help="week | month | quarter | year")] = "month",
    directed: Annotated[bool, typer.Option("--directed", help="Only events from A to B.")] = False,
    fmt: Annotated[str | None, typer.Option("--format", help="table | csv | jsonl | chart")] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Also write the chart to this PNG file.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOption = None,
) -> None:
    """The relation between two actors per period: counts by quad class and type, intensity, trend.

    Example: detente dyad Iran "Saudi Arabia" --freq quarter
    Example: detente dyad IRN Hamas --format chart --png iran-hamas.png
    """
    from detente.analysis import FREQS, dyad_series, resolve_actor

    check_choice(freq, FREQS)
    fmt = fmt or default_format()
    check_choice(fmt, DYAD_FORMATS)
    with Store(db, read_only=True) as store:
        first, second = resolve_actor(store.con, a), resolve_actor(store.con, b)
        series = dyad_series(
            store.con, first, second, freq=freq, directed=directed, since=parse_date(since), until=parse_date(until)
        )
    if fmt == "chart":
        from detente.analysis.charts import terminal_chart

        print(terminal_chart(series, color=sys.stdout.isatty()))
        _print_turning_points(series)
    else:
        rows = series.to_records()
        if fmt == "table":  # a person reads two decimals; csv and jsonl keep every digit
            rows = [{k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()} for row in rows]
        arrow = "→" if directed else "–"
        title = f"{first.label} {arrow} {second.label} by {freq}: {series.trend.label}"
        emit(rows, fmt, columns=_TABLE_COLUMNS if fmt == "table" else None, title=title)
        if fmt == "table":
            _print_turning_points(series)
    if png is not None:
        from detente.analysis.charts import write_png

        print(f"Wrote {write_png(series, png)}", file=sys.stderr)


# The table shows quads and totals; the per-type columns go to csv and jsonl.
_TABLE_COLUMNS = [
    "period",
    "events",
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
    "intensity_total",
    "intensity_mean",
    "articles",
    "smoothed",
]


def _print_turning_points(series: DyadSeries) -> None:
    from detente.explain.render import turning_point_lines

    trend = series.trend
    print(f"Trend: {trend.label}. Turning points: {len(trend.turning_points) or 'none'}")
    for line in turning_point_lines(series):
        print("  " + line)


def network_cli(
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: standard output).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="graphml | gexf | jsonl")] = "jsonl",
    min_events: Annotated[int, typer.Option("--min-events", help="Only dyads with at least N events.")] = 1,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOption = None,
) -> None:
    """Actors as nodes and their relations as weighted edges, with centrality per actor.

    Example: detente network --format graphml --out relations.graphml --min-events 2
    """
    from detente.analysis import build_network, write_network

    check_choice(fmt, NETWORK_FORMATS)
    with Store(db, read_only=True) as store:
        network = build_network(store.con, since=parse_date(since), until=parse_date(until), min_events=min_events)
    if out is None:
        write_network(network, sys.stdout, fmt)
    else:
        write_network(network, out, fmt)
        nodes, edges = network.graph.number_of_nodes(), network.graph.number_of_edges()
        print(f"Wrote {out}: {nodes} actors, {edges} relations", file=sys.stderr)


def explain_cli(
    a: Annotated[str, typer.Argument(help="First actor: name, alias, id or code (Iran, IRN, Tehran).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    fmt: Annotated[str, typer.Option("--format", help="text | markdown | json")] = "text",
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOption = None,
) -> None:
    """What is behind the relation between two actors: trend, key events, motives, third parties.

    Example: detente explain Hamas Iran
    Example: detente explain Iran "Saudi Arabia" --since 2015-01-01 --format markdown
    """
    from detente.explain import EXPLAIN_FORMATS, explain, render

    check_choice(fmt, EXPLAIN_FORMATS)
    with Store(db, read_only=True) as store:
        explanation = explain(store.con, a, b, since=parse_date(since), until=parse_date(until))
        text = render(explanation, fmt)
    sys.stdout.write(text if fmt != "json" else text + "\n")


__all__ = ["dyad_cli", "explain_cli", "network_cli"]
