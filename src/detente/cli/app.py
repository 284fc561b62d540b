"""`detente` commands. Each one parses options and calls one library function; no logic lives here."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup
from typer.exceptions import TyperException

from detente import records
from detente.cli.analysis import dyad_cli, explain_cli, network_cli
from detente.cli.evaluation import eval_cli
from detente.cli.options import DbOption, SinceOpt, UntilOpt, parse_date
from detente.cli.output import LIST_FORMATS, default_format, emit, to_json
from detente.errors import DetenteError, Messages, UsageError
from detente.models import CodedArticle, Event, IngestError, IngestSummary, Mention
from detente.store import EXPORT_FORMATS, Filters, Store


class _Group(TyperGroup):
    """Exit codes as documented: 1 for usage errors and detente errors, with one `Error:` line."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        standalone = kwargs.pop("standalone_mode", True)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
            if isinstance(result, int):  # click hands back typer.Exit's code when not standalone
                _exit(result, standalone)
            return result
        except typer.Exit as exc:
            _exit(exc.exit_code, standalone)
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            _exit(130, standalone)
        except TyperException as exc:
            # Usage errors (bad option, missing argument) exit 1, not click's 2: 2 means "no input read".
            exc.show()  # type: ignore[attr-defined]
            _exit(1, standalone)
        except DetenteError as exc:
            typer.echo(f"Error: {exc}", err=True)
            _exit(1, standalone)
        except OSError as exc:
            # An output the user named cannot be written (--out, --png): say which and why, no traceback.
            error = UsageError(Messages.D108.format(path=exc.filename, detail=exc.strerror or exc), code="D108")
            typer.echo(f"Error: {error}", err=True)
            _exit(1, standalone)


def _exit(code: int, standalone: bool) -> NoReturn:
    if standalone:
        sys.exit(code)
    raise SystemExit(code)


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="detente: who did what to whom, and why, from news about international politics.",
)
err = Console(stderr=True, soft_wrap=True)

ListFormat = Annotated[str | None, typer.Option("--format", help="table | jsonl | csv (table on a terminal).")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Only rows involving this actor (id, name or country).")]
DyadOpt = Annotated[
    tuple[str, str] | None, typer.Option("--dyad", help="Only rows between two actors, either direction.")
]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="Only these types (repeatable).")]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]


def _format(value: str | None, choices: tuple[str, ...]) -> str:
    fmt = value or default_format()
    if fmt not in choices:
        raise UsageError(Messages.D101.format(value=fmt, choices=", ".join(choices)), code="D101")
    return fmt


def _filters(
    actor: str | None,
    dyad: tuple[str, str] | None,
    types: list[str] | None,
    since: str | None,
    until: str | None,
    limit: int | None,
) -> Filters:
    return Filters(
        actor=actor, dyad=dyad, types=tuple(types or ()), since=parse_date(since), until=parse_date(until), limit=limit
    )


@contextmanager
def _progress_reporter(label: str) -> Iterator[Any]:
    """A live progress bar on a terminal; one plain line per stored batch otherwise (logs, pipes)."""
    started = time.monotonic()
    if err.is_terminal:
        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task(label, total=None)

            def update(summary: IngestSummary) -> None:
                progress.update(task, description=_progress_text(summary, started))

            yield update
    else:

        def log(summary: IngestSummary) -> None:
            print(f"detente: {_progress_text(summary, started)}", file=sys.stderr, flush=True)

        yield log


def _progress_text(summary: IngestSummary, started: float) -> str:
    rate = summary.read / max(time.monotonic() - started, 1e-6)
    return (
        f"{summary.read} articles read ({rate:.1f}/s), {summary.new} new, "
        f"{summary.events} events so far, {summary.failed} failed"
    )


def _print_summary(summary: IngestSummary, *, shown_errors: int = 10) -> None:
    err.print(
        f"[bold]{'Interrupted' if summary.interrupted else 'Done'}:[/bold] {summary.new} new, "
        f"{summary.duplicate} duplicate, {summary.near_duplicate} near-duplicate, {summary.failed} failed; "
        f"{summary.events} events coded."
    )
    for error in summary.errors[:shown_errors]:
        where = f"{error.path}:{error.line}" if error.line else error.path
        err.print(f"  skipped {where}: [{error.code}] {error.reason}", highlight=False, markup=False)
    if len(summary.errors) > shown_errors:
        err.print(f"  ... and {len(summary.errors) - shown_errors} more (see `detente errors`)")
    if summary.interrupted:
        err.print("Run the same command again to finish: nothing already stored is added twice.")


def _ingest_exit_code(summary: IngestSummary) -> int:
    if summary.interrupted:
        return 130
    return 0 if summary.read > 0 else 2


@app.command("ingest")
def ingest_cli(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, .gz files, - for stdin, or URLs with --fetch.")],
    db: DbOption = None,
    workers: Annotated[
        int,
        typer.Option("--workers", help="Processes that parse and code articles; 1 parses beside the coding."),
    ] = 1,
    input_format: Annotated[str, typer.Option("--input-format", help="auto|txt|html|jsonl|csv|feed")] = "auto",
    id_field: Annotated[str, typer.Option("--id-field", help="JSONL/CSV field with the record id.")] = "id",
    text_field: Annotated[str, typer.Option("--text-field", help="JSONL/CSV field with the text.")] = "text",
    title_field: Annotated[str, typer.Option("--title-field")] = "title",
    date_field: Annotated[str, typer.Option("--date-field")] = "date",
    source_field: Annotated[str, typer.Option("--source-field")] = "source",
    url_field: Annotated[str, typer.Option("--url-field")] = "url",
    max_mb: Annotated[float, typer.Option("--max-mb", help="Largest document accepted, in MB.")] = 10.0,
    near_threshold: Annotated[float, typer.Option("--near-threshold", help="Similarity for near-duplicates.")] = 0.8,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Items stored per transaction.")] = 64,
    fetch: Annotated[bool, typer.Option("--fetch", help="Allow http(s) URLs among PATHS (feeds or pages).")] = False,
) -> None:
    """Read articles, code them and store them; re-running adds nothing new.

    Example: detente ingest reports/ wire.jsonl.gz --workers 2
    """
    from detente.ingest import FieldMap, Limits, NearDuplicateConfig, ReadOptions, UrllibFetcher
    from detente.pipeline import IngestOptions, ingest

    if workers < 1:
        raise UsageError(Messages.D106, code="D106")
    options = IngestOptions(
        read=ReadOptions(
            fields=FieldMap(
                id=id_field, text=text_field, title=title_field, date=date_field, source=source_field, url=url_field
            ),
            input_format=input_format,
            limits=Limits(max_mb=max_mb),
            fetcher=UrllibFetcher() if fetch else None,
        ),
        near_duplicates=NearDuplicateConfig(threshold=near_threshold),
        workers=workers,
        batch_size=batch_size,
    )
    with Store(db) as store, _progress_reporter("ingesting") as report:
        summary = ingest(paths, store=store, options=options, on_batch=report)
    _print_summary(summary)
    raise typer.Exit(_ingest_exit_code(summary))


@app.command("code")
def code_cli(
    text: Annotated[str | None, typer.Argument(help="A text to code.")] = None,
    input: Annotated[str | None, typer.Option("--input", help="A JSONL (or other) file, or - for stdin.")] = None,
    id_field: Annotated[str, typer.Option("--id-field")] = "id",
    text_field: Annotated[str, typer.Option("--text-field")] = "text",
    date_field: Annotated[str, typer.Option("--date-field")] = "date",
    date: Annotated[str | None, typer.Option("--date", help="Article date for TEXT (YYYY-MM-DD).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text | jsonl")] = "text",
    workers: Annotated[int, typer.Option("--workers")] = 1,
) -> None:
    """Code text without storing it: mentions, events and motives, in input order.

    Example: detente code "Iran's foreign minister met Hamas leaders in Tehran on Tuesday."
    Example: detente code --input gold.jsonl --format jsonl
    """
    if (text is None) == (input is None):
        raise UsageError(
            Messages.D103 if text is not None else Messages.D104, code="D103" if text is not None else "D104"
        )
    from detente.ingest import FieldMap, ReadOptions, make_article, read_sources
    from detente.pipeline import code_stream

    fmt = _format(fmt, ("text", "jsonl"))
    if text is not None:
        items: Any = [make_article(text, date=parse_date(date), origin="<argument>")]
    else:
        fields = FieldMap(id=id_field, text=text_field, date=date_field)
        items = read_sources([input or "-"], ReadOptions(fields=fields))

    def report(error: IngestError) -> None:
        where = f"{error.path}:{error.line}" if error.line else error.path
        err.print(f"skipped {where}: [{error.code}] {error.reason}", highlight=False, markup=False)

    for coded in code_stream(items, on_error=report, workers=workers):
        _print_coded(coded, fmt)


def _print_coded(coded: CodedArticle, fmt: str) -> None:
    doc_id = coded.article.ref or coded.article.id
    lines = [
        *(records.mention_record(m) for m in coded.mentions),
        *(records.event_record(e) for e in coded.events),
        *(records.motive_record(m) for m in coded.motives),
    ]
    if fmt == "jsonl":
        for line in lines:
            sys.stdout.write(to_json({**line, "doc_id": doc_id}) + "\n")
        sys.stdout.flush()
        return
    print(
        f"{doc_id}: {len(coded.sentences)} sentences, {len(coded.mentions)} mentions, "
        f"{len(coded.events)} events, {len(coded.motives)} motives"
    )
    for event in coded.events:
        print(_event_text(event))
    for motive in coded.motives:
        print(f"  motive {motive.category}: {motive.actor.text} -> {motive.goal}")
    for mention in coded.mentions:
        actor = f"{mention.actor.name} ({mention.actor.code})" if mention.actor else "unknown"
        print(f"  mention {mention.text!r} -> {actor} by {mention.resolved_by}")


def _party_text(mention: Mention | None) -> str:
    if mention is None:
        return "(no target)"
    if mention.actor is None:
        return f"{mention.text!r} (unknown)"
    return f"{mention.text!r} = {mention.actor.name} ({mention.actor.code})"


def _event_text(event: Event) -> str:
    """An event as a reader wants it: who did what to whom, when, where, how sure, and the words."""
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    status = ("NEGATED " if event.negated else "") + event.modality
    where = f"{event.place.name} ({event.place.country})" if event.place else "-"
    return (
        f"  event {kind}  CAMEO {event.cameo}, quad {event.quad_class}, intensity {event.intensity:+g}\n"
        f"        {_party_text(event.source)} -> {_party_text(event.target)}\n"
        f"        when {event.date or '-'}, where {where}, {status}, confidence {event.confidence:g}\n"
        f'        "{event.evidence}"'
    )


@app.command("stats")
def stats_cli(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table | json")] = "table",
) -> None:
    """Counts of what the store holds.

    Example: detente stats --format json
    """
    fmt = _format(fmt, ("table", "json"))
    with Store(db, read_only=True) as store:
        counts = store.stats()
    if fmt == "json":
        print(to_json(counts))
    else:
        emit(({"table": k, "rows": v} for k, v in counts.items()), "table")


@app.command("events")
def events_cli(
    db: DbOption = None,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    type: TypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = None,
    fmt: ListFormat = None,
) -> None:
    """List stored events.

    Example: detente events --dyad IRN Hamas --since 2014-01-01 --format jsonl
    """
    fmt = _format(fmt, LIST_FORMATS)
    with Store(db, read_only=True) as store:
        rows = store.events(_filters(actor, dyad, type, since, until, limit))
    columns = ["date", "type", "mode", "source.name", "target.name", "modality", "evidence"]
    emit(rows, fmt, columns=columns if fmt == "table" else None, title="events")


actors_app = typer.Typer(
    invoke_without_command=True, no_args_is_help=False, help="List stored actors, or extend the dictionaries."
)
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors_cli(
    ctx: typer.Context,
    db: DbOption = None,
    actor: ActorOpt = None,
    type: Annotated[list[str] | None, typer.Option("--type", help="Only these kinds (state, person, ...).")] = None,
    limit: LimitOpt = None,
    fmt: ListFormat = None,
) -> None:
    """List stored actors with their mention counts.

    Example: detente actors --limit 20
    """
    if ctx.invoked_subcommand is not None:
        return
    fmt = _format(fmt, LIST_FORMATS)
    with Store(db, read_only=True) as store:
        rows = store.actors(_filters(actor, None, type, None, None, limit))
    emit(rows, fmt, title="actors")


@actors_app.command("add")
def actors_add_cli(
    file: Annotated[Path, typer.Argument(help="A dictionary in the format of docs/actors.md (YAML).")],
) -> None:
    """Check a dictionary of your own and use it from now on (it is copied to $DETENTE_HOME/actors).

    Example: detente actors add my_actors.yaml
    """
    from detente.actors import add_user_dictionary

    added = add_user_dictionary(file)
    print(
        f"Added {added.path}: {added.organisations} new organisations, {added.people} new people, "
        f"{added.countries} new countries, {added.agents} new agent words (existing entries extended)."
    )


@app.command("motives")
def motives_cli(
    db: DbOption = None,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    type: Annotated[list[str] | None, typer.Option("--type", help="goal | need | fear | benefit")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = None,
    fmt: ListFormat = None,
) -> None:
    """List stored motives: what actors want, need, fear or gain.

    Example: detente motives --actor Iran --format jsonl
    """
    fmt = _format(fmt, LIST_FORMATS)
    with Store(db, read_only=True) as store:
        rows = store.motives(_filters(actor, dyad, type, since, until, limit))
    columns = ["date", "actor.name", "category", "goal", "concerns.name", "evidence"]
    emit(rows, fmt, columns=columns if fmt == "table" else None, title="motives")


@app.command("errors")
def errors_cli(db: DbOption = None, limit: LimitOpt = None, fmt: ListFormat = None) -> None:
    """List the input items that could not be read, and why.

    Example: detente errors --format csv
    """
    fmt = _format(fmt, LIST_FORMATS)
    with Store(db, read_only=True) as store:
        rows = store.errors(limit=limit)
    emit(rows, fmt, title="ingest errors")


@app.command("export")
def export_cli(
    out: Annotated[Path, typer.Option("--out", help="Folder to write into.")],
    fmt: Annotated[str, typer.Option("--format", help="parquet | csv | jsonl | polecat | cameo-tsv")] = "parquet",
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOption = None,
) -> None:
    """Export the store in the field's formats (docs/formats.md); events and motives within --since/--until.

    Example: detente export --format parquet --out export/
    Example: detente export --format cameo-tsv --out export/ --since 2015-01-01
    """
    fmt = _format(fmt, EXPORT_FORMATS)
    with Store(db, read_only=True) as store:
        written = store.export(out, format=fmt, since=parse_date(since), until=parse_date(until))
    for path in written:
        print(path)


@app.command("demo")
def demo_cli(db: DbOption = None, workers: Annotated[int, typer.Option("--workers")] = 1) -> None:
    """Ingest the bundled demo corpus (sample reports written for detente) and show what was found.

    Example: detente demo
    """
    from detente.demo import run_demo
    from detente.pipeline import IngestOptions

    with Store(db) as store, _progress_reporter("demo corpus") as report:
        summary = run_demo(store, options=IngestOptions(workers=workers), on_batch=report)
        _print_summary(summary)
        counts = store.stats()
        print(f"Store {db or 'detente.duckdb'}: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))
        if not summary.interrupted:
            _print_busiest_explanation(store)
    raise typer.Exit(130 if summary.interrupted else 0)


def _print_busiest_explanation(store: Store) -> None:
    """The demo ends with the question detente is for, asked of the corpus's most active dyad."""
    from detente.analysis import busiest_dyads
    from detente.explain import explain, render

    busiest = busiest_dyads(store.con, limit=1)
    if not busiest:
        return
    a, b, n = busiest[0]
    print(f"\nThe most active dyad is {a.label} – {b.label} ({n} events). `detente explain` says:\n")
    print(render(explain(store.con, a, b), "text"), end="")


app.command("eval")(eval_cli)
app.command("dyad")(dyad_cli)
app.command("network")(network_cli)
app.command("explain")(explain_cli)


def main() -> None:
    """Console-script entry point."""
    app()
