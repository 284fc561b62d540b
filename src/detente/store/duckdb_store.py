"""The embedded DuckDB store: batched, idempotent writes and the queries behind the CLI.

Idempotency: an article's id is the hash of its text, and everything derived from an article
(sentences, mentions, events, motives) is written in the same transaction as the article row,
only when that row is new. A run killed mid-way loses at most the batch in flight; re-running
skips what was committed and finishes the rest.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import numpy as np
import pyarrow as pa

from detente.errors import Messages, StoreError
from detente.models import Article, CodedArticle, IngestError, IngestSummary
from detente.store import rows
from detente.store.exports import export_store
from detente.store.schema import MIGRATIONS, SCHEMA_VERSION, VIEWS

if TYPE_CHECKING:
    # Imported for types only: the ingest package loads HTML and feed parsers a reading command never needs.
    from detente.ingest.dedup import Fingerprint

DEFAULT_DB = "detente.duckdb"


def default_db_path() -> Path:
    """`DETENTE_DB` when set, else `./detente.duckdb`."""
    return Path(os.environ.get("DETENTE_DB") or DEFAULT_DB)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    article: Article
    original_id: str
    similarity: float


@dataclass(frozen=True, kw_only=True)
class WriteBatch:
    """Everything one ingest batch stores, in one transaction."""

    run_id: str
    coded: Sequence[CodedArticle] = ()
    near_duplicates: Sequence[NearDuplicate] = ()
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    errors: Sequence[IngestError] = ()
    duplicates: int = 0


@dataclass(frozen=True, kw_only=True)
class Filters:
    """Filters shared by the listing commands. Actor arguments match id, name or country code."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


class Store:
    """A detente store in a DuckDB file (or `:memory:`)."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = str(path) if path is not None else str(default_db_path())
        try:
            if read_only and self.path != ":memory:" and not Path(self.path).exists():
                # Reading an absent store: answer from an empty one rather than create a file.
                self.con = duckdb.connect(":memory:")
                read_only = False
            else:
                self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(Messages.D401.format(path=self.path, detail=exc), code="D401") from exc
        self.read_only = read_only
        if read_only and 0 < self.schema_version() < SCHEMA_VERSION:
            # An older store is upgraded once, even by a command that only reads it.
            self.con.close()
            with Store(self.path):
                pass
            self.con = duckdb.connect(self.path, read_only=True)
        self.migrate()

    # --- life cycle -------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def schema_version(self) -> int:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def migrate(self, migrations: dict[int, list[str]] | None = None) -> None:
        """Bring the store to the latest schema version, one migration step at a time."""
        migrations = migrations or MIGRATIONS
        latest = max(migrations) if migrations else SCHEMA_VERSION
        found = self.schema_version()
        if found == 0 and self._has_tables() and not self._has_meta():
            raise StoreError(Messages.D403.format(path=self.path), code="D403")
        if found > latest:
            raise StoreError(Messages.D402.format(path=self.path, found=found, supported=latest), code="D402")
        if found == latest or self.read_only:
            return
        self.con.begin()
        try:
            for version in range(found + 1, latest + 1):
                for statement in migrations[version]:
                    self.con.execute(statement)
                self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            for statement in VIEWS:
                self.con.execute(statement)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _has_tables(self) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM duckdb_tables()").fetchone()[0])  # type: ignore[index]

    def _has_meta(self) -> bool:
        query = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta'"
        return bool(self.con.execute(query).fetchone()[0])  # type: ignore[index]

    # --- ingest runs ----------------------------------------------------------------------------

    def start_run(self, paths: Sequence[str]) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO ingest_runs (run_id, started_at, status, paths) VALUES (?, now(), 'running', ?)",
            [run_id, " ".join(paths)],
        )
        return run_id

    def finish_run(self, summary: IngestSummary) -> None:
        status = "interrupted" if summary.interrupted else "done"
        self.con.execute(
            "UPDATE ingest_runs SET finished_at = now(), status = ? WHERE run_id = ?",
            [status, summary.run_id],
        )

    # --- de-duplication lookups -----------------------------------------------------------------

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        table = pa.table({"article_id": list(ids)})
        self.con.register("_ids", table)
        try:
            found = self.con.execute("SELECT article_id FROM articles SEMI JOIN _ids USING (article_id)")
            return {row[0] for row in found.fetchall()}
        finally:
            self.con.unregister("_ids")

    def near_duplicate_of(
        self, fingerprints: dict[str, Fingerprint], *, threshold: float
    ) -> dict[str, tuple[str, float]]:
        """For each new article id, the stored article it nearly duplicates (and the similarity)."""
        from detente.ingest.dedup import similarity

        if not fingerprints:
            return {}
        ids, bands, buckets = [], [], []
        for article_id, fp in fingerprints.items():
            for band, bucket in enumerate(fp.buckets):
                ids.append(article_id)
                bands.append(band)
                buckets.append(bucket)
        probe = pa.table({"article_id": ids, "band": pa.array(bands, pa.int16()), "bucket": buckets})
        self.con.register("_probe", probe)
        try:
            pairs = self.con.execute(
                """SELECT DISTINCT p.article_id, a.article_id, a.minhash
                   FROM _probe p JOIN article_bands b ON p.band = b.band AND p.bucket = b.bucket
                   JOIN articles a ON a.article_id = b.article_id
                   WHERE a.article_id <> p.article_id"""
            ).fetchall()
        finally:
            self.con.unregister("_probe")
        best: dict[str, tuple[str, float]] = {}
        for new_id, old_id, signature in pairs:
            score = similarity(fingerprints[new_id].signature, np.asarray(signature, dtype=np.uint64))
            if score >= threshold and score > best.get(new_id, ("", -1.0))[1]:
                best[new_id] = (old_id, score)
        return best

    # --- writing --------------------------------------------------------------------------------

    def write(self, batch: WriteBatch) -> int:
        """Store one batch atomically; returns the number of new events written."""
        self.con.begin()
        try:
            new_events = self._write(batch)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return new_events

    def _write(self, batch: WriteBatch) -> int:
        candidates = [c.article.id for c in batch.coded] + [d.article.id for d in batch.near_duplicates]
        existing = self.existing_ids(candidates)
        coded = _unique([c for c in batch.coded if c.article.id not in existing], lambda c: c.article.id)
        near = _unique([d for d in batch.near_duplicates if d.article.id not in existing], lambda d: d.article.id)
        article_rows = []
        for c in coded:
            fp = batch.fingerprints.get(c.article.id)
            signature = fp.signature.tolist() if fp is not None else None
            article_rows.append({**rows.article_row(c.article), "minhash": signature})
        for d in near:
            article_rows.append(
                {**rows.article_row(d.article), "duplicate_of": d.original_id, "similarity": d.similarity}
            )
        now = dt.datetime.now()
        for row in article_rows:
            row.update(run_id=batch.run_id, ingested_at=now)
        self._append("articles", article_rows)
        self._append(
            "article_bands",
            [
                {"article_id": c.article.id, "band": band, "bucket": bucket}
                for c in coded
                if (fp := batch.fingerprints.get(c.article.id)) is not None
                for band, bucket in enumerate(fp.buckets)
            ],
        )
        self._append("sentences", [rows.sentence_row(s) for c in coded for s in c.sentences])
        self._append("mentions", [rows.mention_row(m) for c in coded for m in c.mentions])
        actors = _unique([a for c in coded for a in c.actors], lambda a: a.id)
        self._append("actors", [rows.actor_row(a) for a in actors], conflict="IGNORE")
        events = [rows.event_row(e) for c in coded for e in c.events]
        self._append("events", events)
        self._append("motives", [rows.motive_row(m) for c in coded for m in c.motives])
        error_rows = [{**rows.error_row(e, batch.run_id), "seen_at": now} for e in batch.errors]
        self._append("ingest_errors", _unique(error_rows, lambda r: r["error_id"]), conflict="REPLACE")
        self.con.execute(
            """UPDATE ingest_runs SET n_new = n_new + ?, n_duplicate = n_duplicate + ?,
               n_near_duplicate = n_near_duplicate + ?, n_failed = n_failed + ?, n_events = n_events + ?
               WHERE run_id = ?""",
            [
                len(coded),
                batch.duplicates + (len(batch.coded) - len(coded)),
                len(near),
                len(batch.errors),
                len(events),
                batch.run_id,
            ],
        )
        return len(events)

    def _append(self, table: str, data: list[dict[str, Any]], conflict: str | None = None) -> None:
        """Append rows through Arrow in one statement (never row by row)."""
        if not data:
            return
        # from_pylist takes its columns from the first row; rows may differ in which optional keys they set.
        names = list(dict.fromkeys(key for row in data for key in row))
        arrow = pa.Table.from_pydict({name: [row.get(name) for row in data] for name in names})
        columns = ", ".join(f'"{name}"' for name in arrow.column_names)
        verb = f"INSERT OR {conflict} INTO" if conflict else "INSERT INTO"
        self.con.register("_batch", arrow)
        try:
            self.con.execute(f"{verb} {table} ({columns}) SELECT {columns} FROM _batch")
        finally:
            self.con.unregister("_batch")

    # --- reading --------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        query = """SELECT
            (SELECT count(*) FROM articles WHERE duplicate_of IS NULL),
            (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
            (SELECT count(*) FROM sentences), (SELECT count(*) FROM actors),
            (SELECT count(*) FROM mentions), (SELECT count(*) FROM events),
            (SELECT count(*) FROM motives), (SELECT count(*) FROM ingest_errors),
            (SELECT count(*) FROM ingest_runs)"""
        values = self.con.execute(query).fetchone()
        names = (
            "articles",
            "near_duplicates",
            "sentences",
            "actors",
            "mentions",
            "events",
            "motives",
            "ingest_errors",
            "ingest_runs",
        )
        return dict(zip(names, (int(v) for v in values or ()), strict=True))

    def errors(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT path, line, code, reason, run_id FROM ingest_errors ORDER BY path, line"
        return self._dicts(sql + (f" LIMIT {int(limit)}" if limit else ""), [])

    def events(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Stored events in their public, nested shape, oldest first."""
        where, params = _where(filters or Filters(), ("source", "target"), "type")
        sql = f"SELECT * FROM event_records {where} ORDER BY date NULLS LAST, article_id, start"
        return self._dicts(sql + _limit(filters), params)

    def motives(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        where, params = _where(filters or Filters(), ("actor", "concerns"), "category")
        sql = f"SELECT * FROM motive_records {where} ORDER BY date NULLS LAST, article_id, start"
        return self._dicts(sql + _limit(filters), params)

    def actors(self, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Actors with their mention counts, most mentioned first."""
        filters = filters or Filters()
        clauses: list[str] = []
        params: list[Any] = []
        if filters.actor:
            clauses.append(_actor_clause("", params, filters.actor, record=False))
        if filters.types:
            clauses.append(f"lower(kind) IN ({', '.join('?' for _ in filters.types)})")
            params.extend(t.lower() for t in filters.types)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT * FROM actor_records {where} ORDER BY mentions DESC, name"
        return self._dicts(sql + _limit(filters), params)

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def iter_table(self, table: str) -> Iterator[dict[str, Any]]:
        yield from self._dicts(f"SELECT * FROM {table}", [])

    # --- export ---------------------------------------------------------------------------------

    def export(
        self,
        out: str | Path,
        *,
        format: str = "parquet",
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[Path]:
        """Write the store into the folder `out` in `format` (one of EXPORT_FORMATS); returns what was written.

        parquet, csv and jsonl write every table to `out/<table>.<ext>` (Parquet events and motives as
        folders partitioned by month); polecat and cameo-tsv write the events only. `since`/`until`
        keep the events and motives dated in that window. See `detente.store.exports` and docs/formats.md.

        Example: `store.export("export/", format="cameo-tsv", since=dt.date(2015, 1, 1))`.
        """
        return export_store(self.con, out, format=format, since=since, until=until)


def _unique(items: list[Any], key: Any) -> list[Any]:
    seen: dict[Any, Any] = {}
    for item in items:
        seen.setdefault(key(item), item)
    return list(seen.values())


def _actor_clause(prefix: str, params: list[Any], value: str, *, record: bool = True) -> str:
    """Match an actor argument against a party's id, name or country code, case-insensitively."""
    cols = (f"{prefix}.id", f"{prefix}.name", f"{prefix}.country") if record else ("actor_id", "name", "country")
    params.extend([value.lower()] * 3)
    return "(" + " OR ".join(f"lower({c}) = ?" for c in cols) + ")"


def _where(filters: Filters, parties: tuple[str, str], type_column: str) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    first, second = parties
    if filters.actor:
        a = _actor_clause(first, params, filters.actor)
        b = _actor_clause(second, params, filters.actor)
        clauses.append(f"({a} OR {b})")
    if filters.dyad:
        x, y = filters.dyad
        forward = f"({_actor_clause(first, params, x)} AND {_actor_clause(second, params, y)})"
        backward = f"({_actor_clause(first, params, y)} AND {_actor_clause(second, params, x)})"
        clauses.append(f"({forward} OR {backward})")
    if filters.types:
        clauses.append(f"upper({type_column}) IN ({', '.join('?' for _ in filters.types)})")
        params.extend(t.upper() for t in filters.types)
    if filters.since:
        clauses.append("date >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append("date <= ?")
        params.append(filters.until)
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _limit(filters: Filters | None) -> str:
    return f" LIMIT {int(filters.limit)}" if filters and filters.limit else ""
