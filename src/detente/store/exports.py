"""Exports: the store written to files in the formats the field reads, by DuckDB `COPY` alone.

    parquet    every table; events and motives partitioned by month (`events.parquet/month=2014-07/`)
    csv        every table, flat columns
    jsonl      every table; events and motives nested, as `detente events --format jsonl` prints them
    polecat    events only, one JSON object per line with PLOVER/POLECAT field names
    cameo-tsv  events only, a GDELT/Phoenix-like tab-separated table with CAMEO codes

`since`/`until` keep the events and motives dated inside the window (inclusive). Articles are
then those dated inside it plus every article an exported event or motive comes from, so joins
never dangle; sentences and mentions follow their articles; actors, ingest runs and ingest errors
are written whole. Every field and file is described in docs/formats.md.

Re-exporting into the same folder replaces detente's own files (the names below) and nothing
else; a partition folder holding anything detente did not write is refused (D160), not emptied.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from detente.errors import Messages, UsageError
from detente.store.schema import VIEWS

__all__ = ["EXPORT_FORMATS", "export_store"]

EXPORT_FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "polecat", "cameo-tsv")

# The tables every table-by-table export writes, in this order.
_TABLES = ("articles", "sentences", "actors", "mentions", "events", "motives", "ingest_runs", "ingest_errors")
# Tables with a date of their own: restricted by a since/until window, and partitioned by month.
_DATED = ("events", "motives")
_VIEWS = {"events": "event_records", "motives": "motive_records"}
_PARTITION = "month"
# Ids and free text: nearly every value distinct, never worth an ENUM (see _records_with_enums).
_FREE_TEXT = frozenset({"event_id", "motive_id", "article_id", "evidence", "goal"})
_ENUM_LIMIT = 10_000
_SELECTED_ARTICLES = "_export_articles"


@dataclass(frozen=True, slots=True)
class _Window:
    """The since/until window of an export (inclusive; either end may be open)."""

    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def active(self) -> bool:
        return self.since is not None or self.until is not None

    def where(self, column: str = "date") -> str:
        """A SQL condition on `column`; rows with no date fall outside any active window."""
        clauses = []
        if self.since is not None:
            clauses.append(f"{column} >= DATE '{self.since.isoformat()}'")
        if self.until is not None:
            clauses.append(f"{column} <= DATE '{self.until.isoformat()}'")
        return " AND ".join(clauses) or "TRUE"


def export_store(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    *,
    format: str = "parquet",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Path]:
    """Write the store on `con` into the folder `out` in `format`; returns the files (or partition folders) written.

    Arguments:
        con: a connection to a detente store (read-only is enough).
        out: the folder to write into, created if needed.
        format: one of EXPORT_FORMATS.
        since, until: keep events and motives dated in this window (inclusive); see the module docstring.

    Raises UsageError D101 for an unknown format, D152 when `since` is after `until` and D160 when a
    folder detente would replace holds files it did not write.

    Example: `export_store(store.con, "export/", format="polecat", since=dt.date(2015, 1, 1))`.
    Docs: docs/formats.md
    """
    if format not in EXPORT_FORMATS:
        raise UsageError(Messages.D101.format(value=format, choices=", ".join(EXPORT_FORMATS)), code="D101")
    window = _Window(_day(since), _day(until))
    if window.since is not None and window.until is not None and window.since > window.until:
        raise UsageError(Messages.D152.format(since=window.since, until=window.until), code="D152")
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    # Exported rows have no order (docs/formats.md); not keeping the table's lets DuckDB write
    # a single file from both threads at once (a third faster for the articles file).
    (keep_order,) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone() or (True,)
    con.execute("SET preserve_insertion_order = false")
    try:
        return _WRITERS[format](con, directory, window)
    finally:
        con.execute(f"SET preserve_insertion_order = {bool(keep_order)}")


def _day(value: dt.date | None) -> dt.date | None:
    """A plain date (a datetime's time of day would not belong in a DATE literal)."""
    return None if value is None else dt.date(value.year, value.month, value.day)


# --- every table: parquet, csv, jsonl ---------------------------------------------------------------


def _table_sources(window: _Window, *, nested: bool) -> dict[str, str]:
    """The query behind each table's file. CSV has no nested values: it gets the flat tables."""
    selected = f" SEMI JOIN {_SELECTED_ARTICLES} USING (article_id)" if window.active else ""
    dated = f" WHERE {window.where()}"
    return {
        "articles": f"SELECT * EXCLUDE (minhash) FROM articles{selected}",
        "sentences": f"SELECT * FROM sentences{selected}",
        "actors": "SELECT * FROM actor_records"
        if nested
        else "SELECT * EXCLUDE (aliases), array_to_string(aliases, '|') AS aliases FROM actor_records",
        "mentions": f"SELECT * FROM mentions{selected}",
        "events": f"SELECT * FROM {'event_records' if nested else 'events'}{dated}",
        "motives": f"SELECT * FROM {'motive_records' if nested else 'motives'}{dated}",
        "ingest_runs": "SELECT * FROM ingest_runs",
        "ingest_errors": "SELECT * FROM ingest_errors",
    }


def _select_articles(con: duckdb.DuckDBPyConnection, window: _Window) -> None:
    """The ids of the articles a windowed export writes, in a temporary table (read-only stores allow those)."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {_SELECTED_ARTICLES} AS
        SELECT article_id FROM articles WHERE {window.where()}
        UNION SELECT article_id FROM events WHERE {window.where()}
        UNION SELECT article_id FROM motives WHERE {window.where()}"""
    )


def _each_table(
    con: duckdb.DuckDBPyConnection,
    directory: Path,
    window: _Window,
    *,
    extension: str,
    nested: bool,
    write: Callable[[str, str, Path], None],
) -> list[Path]:
    """Every table's query written by `write(name, query, target)` to `directory/<table>.<extension>`."""
    targets = {name: directory / f"{name}.{extension}" for name in _TABLES}
    for target in targets.values():
        _check_replaceable(target)
    if window.active:
        _select_articles(con, window)
    try:
        for name, query in _table_sources(window, nested=nested).items():
            write(name, query, targets[name])
    finally:
        con.execute(f"DROP TABLE IF EXISTS temp.{_SELECTED_ARTICLES}")
    return list(targets.values())


def _write_tables(
    con: duckdb.DuckDBPyConnection, directory: Path, window: _Window, *, extension: str, options: str, nested: bool
) -> list[Path]:
    def write(name: str, query: str, target: Path) -> None:
        _replace_with_file(target)
        con.execute(f"COPY ({query}) TO {_literal(target)} ({options})")

    return _each_table(con, directory, window, extension=extension, nested=nested, write=write)


def _write_parquet(con: duckdb.DuckDBPyConnection, directory: Path, window: _Window) -> list[Path]:
    def write(name: str, query: str, target: Path) -> None:
        if name in _DATED:
            # Month of the date, as Hive partitions: readers filter months without opening files.
            records = f"SELECT * FROM ({_records_with_enums(con, name)}) WHERE {window.where()}"
            month = f"SELECT *, strftime(date, '%Y-%m') AS {_PARTITION} FROM ({records})"
            _write_partitioned(con, month, target, name)
        else:
            _replace_with_file(target)
            con.execute(f"COPY ({query}) TO {_literal(target)} (FORMAT parquet)")

    return _each_table(con, directory, window, extension="parquet", nested=True, write=write)


def _records_with_enums(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The public view's query (`event_records` for `events`) over the table, its repetitive text cast to ENUMs.

    Why: DuckDB's partitioned Parquet writer copies every row into a buffer per partition before
    writing it; an ENUM is a small integer where a string is a pointer and a copy, and it is written
    as the same dictionary-encoded string column. On a 10-million-event store the events file took
    11 s instead of 16 s on two cores. The files read back as plain strings. If the view's text is
    not the shape expected here, the view itself is used: slower, never different.
    """
    view = _VIEWS[table]
    head = f"CREATE OR REPLACE VIEW {view} AS "
    for statement in VIEWS:
        body = statement.strip()
        if body.startswith(head) and body.endswith(f"FROM {table}"):
            return body[len(head) : -len(table)] + _enum_source(con, table)
    return f"SELECT * FROM {view}"


def _enum_source(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """`table`, with each text column of at most _ENUM_LIMIT distinct values cast to an ENUM of them."""
    columns = []
    for name, sql_type, *_ in con.execute(f"DESCRIBE {table}").fetchall():
        column = f'"{name}"'
        values: list[tuple[str]] = []
        if sql_type == "VARCHAR" and name not in _FREE_TEXT:
            query = f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL LIMIT {_ENUM_LIMIT + 1}"
            values = con.execute(query).fetchall()
        if 0 < len(values) <= _ENUM_LIMIT:
            enum = "ENUM(" + ", ".join(_quote(value) for (value,) in values) + ")"
            columns.append(f"{column}::{enum} AS {column}")
        else:
            columns.append(column)
    return f"(SELECT {', '.join(columns)} FROM {table}) AS {table}"


def _write_partitioned(con: duckdb.DuckDBPyConnection, query: str, target: Path, name: str) -> None:
    """Write into a fresh folder beside `target`, then swap it in: a failed export leaves the old one whole."""
    fresh = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.new")
    try:
        con.execute(
            f"""COPY ({query}) TO {_literal(fresh)}
            (FORMAT parquet, PARTITION_BY ({_PARTITION}), FILENAME_PATTERN '{name}_{{i}}')"""
        )
        fresh.mkdir(exist_ok=True)  # an export with no rows still leaves its (empty) folder
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.old")
    if target.is_dir():
        target.rename(old)
    elif target.exists():
        target.unlink()  # an export from before partitioning wrote a single file here
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)


# --- events only: polecat, cameo-tsv ------------------------------------------------------------------


def _code(party: str, actors: str) -> str:
    """The CAMEO-style code of an event's party, built as `Actor.cameo_code` builds it (IRNGOV, PSEREBHMS)."""
    return f"""CASE WHEN e.{party}_id IS NULL THEN NULL ELSE coalesce(e.{party}_country, '---')
        || coalesce(e.{party}_sector, '') || coalesce({actors}.cameo, '') END"""


def _polecat_party(party: str, actors: str) -> str:
    return f"""CASE WHEN e.{party}_start IS NULL THEN NULL ELSE {{
        'id': e.{party}_id, 'name': e.{party}_name, 'country': e.{party}_country, 'sector': e.{party}_sector,
        'sectors': CASE WHEN e.{party}_sector IS NULL THEN []::VARCHAR[] ELSE [e.{party}_sector] END,
        'code': {_code(party, actors)}, 'text': e.{party}_text}} END"""


_EVENT_JOINS = """FROM events e
    LEFT JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN actors sa ON sa.actor_id = e.source_id
    LEFT JOIN actors ta ON ta.actor_id = e.target_id"""


def _write_polecat(con: duckdb.DuckDBPyConnection, directory: Path, window: _Window) -> list[Path]:
    target = directory / "events.polecat.jsonl"
    _check_replaceable(target)
    query = f"""SELECT e.event_id AS id, e.date, e.type AS event_type, e.mode AS event_mode,
        e.intensity AS event_intensity, e.quad_class AS quad_code, []::VARCHAR[] AS contexts,
        {_polecat_party("source", "sa")} AS actor,
        {_polecat_party("target", "ta")} AS recipient,
        CASE WHEN e.place_name IS NULL THEN NULL ELSE {{
            'placename': e.place_name, 'geonameid': e.place_geonameid, 'country': e.place_country,
            'lat': e.place_lat, 'lon': e.place_lon}} END AS location,
        e.evidence AS event_text, e.article_id AS story_id, a.date AS story_date, a.source AS story_source,
        a.url AS story_url, e.sentence_index, e.cameo, e.negated, e.modality, e.confidence, e.rule_id
        {_EVENT_JOINS}
        WHERE {window.where("e.date")}"""
    _replace_with_file(target)
    con.execute(f"COPY ({query}) TO {_literal(target)} (FORMAT json)")
    return [target]


def _clean(column: str) -> str:
    """A text field that cannot break a TSV row: each tab, carriage return and line feed becomes a space."""
    return f"translate({column}, chr(9) || chr(13) || chr(10), '   ')"


def _write_cameo_tsv(con: duckdb.DuckDBPyConnection, directory: Path, window: _Window) -> list[Path]:
    target = directory / "events.cameo.tsv"
    _check_replaceable(target)
    query = f"""SELECT e.event_id AS EventID, strftime(e.date, '%Y%m%d') AS Date, year(e.date) AS Year,
        month(e.date) AS Month, day(e.date) AS Day,
        {_clean("coalesce(e.source_name, e.source_text)")} AS SourceActorFull,
        {_code("source", "sa")} AS SourceActorCode,
        {_clean("coalesce(e.target_name, e.target_text)")} AS TargetActorFull,
        {_code("target", "ta")} AS TargetActorCode,
        e.cameo AS EventCode, left(e.cameo, 2) AS EventRootCode, e.quad_class AS QuadClass,
        e.intensity AS Goldstein, e.place_lat AS Lat, e.place_lon AS Lon,
        {_clean("e.place_name")} AS LocationName, e.place_country AS CountryCode,
        e.article_id AS ArticleID, e.sentence_index AS SentenceIndex, {_clean("a.url")} AS URL,
        {_clean("a.source")} AS Source, e.negated::INTEGER AS Negated, e.modality AS Modality
        {_EVENT_JOINS}
        WHERE {window.where("e.date")}"""
    _replace_with_file(target)
    # No quoting: a GDELT-style reader splits on tabs alone (the fields were cleaned of tabs above).
    con.execute(f"COPY ({query}) TO {_literal(target)} (FORMAT csv, DELIMITER '\t', HEADER, QUOTE '', ESCAPE '')")
    return [target]


_Writer = Callable[[duckdb.DuckDBPyConnection, Path, _Window], list[Path]]

_WRITERS: dict[str, _Writer] = {
    "parquet": _write_parquet,
    "csv": lambda con, directory, window: _write_tables(
        con, directory, window, extension="csv", options="FORMAT csv, HEADER", nested=False
    ),
    "jsonl": lambda con, directory, window: _write_tables(
        con, directory, window, extension="jsonl", options="FORMAT json", nested=True
    ),
    "polecat": _write_polecat,
    "cameo-tsv": _write_cameo_tsv,
}


# --- files detente may replace ----------------------------------------------------------------------


def _check_replaceable(target: Path) -> None:
    """Refuse (D160) when `target` is a folder that holds anything but detente's month partitions."""
    if not target.is_dir():
        return
    for entry in target.iterdir():
        inside = list(entry.iterdir()) if entry.is_dir() else []
        ours = (
            entry.is_dir()
            and entry.name.startswith(f"{_PARTITION}=")
            and all(f.is_file() and f.suffix == ".parquet" for f in inside)
        )
        if not ours:
            found = next((f for f in inside if not (f.is_file() and f.suffix == ".parquet")), entry)
            raise UsageError(Messages.D160.format(path=target, found=found.relative_to(target)), code="D160")


def _replace_with_file(target: Path) -> None:
    """Make room for a single file where a partitioned export (already checked as detente's) once was."""
    if target.is_dir():
        shutil.rmtree(target)


def _literal(path: Path) -> str:
    return _quote(str(path))


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
