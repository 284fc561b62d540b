"""A store of millions of events: how fast it is generated, exported and queried, in one run.

    python bench/store_scale.py [--events 10000000] [--db PATH] [--reuse] [--repeat 2]
                                [--formats parquet,csv,jsonl,polecat,cameo-tsv] [--out DIR]

Builds a generated store (`detente.synthetic.generate_event_store`) of `--events` events, or reuses
the one at `--db` with `--reuse`, then times:
- `Store.export` in each format (what `detente export --format F` runs), in events per second over
  the whole export (every table for parquet, csv and jsonl; the events for polecat and cameo-tsv);
- the baseline, measured in the same run on the same store: DuckDB copying the events table to one
  Parquet file, with no month partitions and no nested records; the ratio export/baseline is the
  figure a change to the exports is held to;
- every entry of MEASUREMENTS (queries on the store, such as a dyad's monthly series).

Each timing is the best of `--repeat` runs, because this machine is noisy; each export is deleted
once timed. The issue's bar: Parquet export at >= 1 million events/s on 10 million events.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

EXPORT_FORMATS = ("parquet", "csv", "jsonl", "polecat", "cameo-tsv")


@dataclass(frozen=True)
class Measurement:
    """A timed query on the generated store: `run(db)` does the work once; its best time is printed."""

    name: str
    run: Callable[[Path], object]
    limit_s: float | None = None  # the time the issue allows, printed beside the figure


def _scan(db: Path) -> object:
    """The baseline for the queries: one scan of the events table counting the dyad's rows, no more."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            """SELECT count(*) FROM events WHERE (source_country = 'IRN' AND target_id = 'hamas')
               OR (source_id = 'hamas' AND target_country = 'IRN')"""
        ).fetchone()


def _dyad(db: Path) -> object:
    """What `detente dyad Iran Hamas --freq month` computes, store opening included."""
    from detente.analysis import dyad_series, resolve_actor
    from detente.store import Store

    with Store(db, read_only=True) as store:
        return dyad_series(store.con, resolve_actor(store.con, "Iran"), resolve_actor(store.con, "Hamas"))


def _explain(db: Path) -> object:
    """What `detente explain Hamas Iran` computes and writes, store opening included."""
    from detente.explain import explain, render
    from detente.store import Store

    with Store(db, read_only=True) as store:
        return render(explain(store.con, "Hamas", "Iran"), "text")


def _command(*args: str) -> Callable[[Path], object]:
    """The command itself, in a new process: start-up, imports and output included."""

    def run(db: Path) -> object:
        command = [sys.executable, "-c", "from detente.cli import main; main()", *args, "--db", str(db)]
        return subprocess.run(command, check=True, capture_output=True)

    return run


# Queries timed on the store, in order; the first is the baseline the others are compared with.
MEASUREMENTS: list[Measurement] = [
    Measurement("baseline: one scan counting Iran-Hamas rows", _scan),
    Measurement("dyad_series(Iran, Hamas, month)", _dyad, 1.0),
    Measurement("detente dyad Iran Hamas --freq month", _command("dyad", "Iran", "Hamas", "--format", "csv"), 1.0),
    Measurement("explain(Hamas, Iran), rendered", _explain, 1.0),
    Measurement("detente explain Hamas Iran", _command("explain", "Hamas", "Iran"), 1.0),
]


def _best(run: Callable[[], object], repeat: int, after: Callable[[], None] = lambda: None) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
        after()
    return best


def _generate(db: Path, events: int, *, reuse: bool) -> tuple[int, float | None]:
    from detente.store import Store
    from detente.synthetic import generate_event_store

    if db.exists():
        if not reuse:
            raise SystemExit(f"{db} exists: pass --reuse to time it, or another --db")
        with Store(db, read_only=True) as store:
            return store.stats()["events"], None
    started = time.perf_counter()
    counts = generate_event_store(db, events)
    seconds = time.perf_counter() - started
    print(
        f"generated {counts.events:,} events, {counts.articles:,} articles "
        f"(+{counts.near_duplicates:,} near-duplicates), {counts.motives:,} motives, {counts.actors} actors; "
        f"store {db.stat().st_size / 2**30:.2f} GiB"
    )
    return counts.events, seconds


def _export(db: Path, out: Path, fmt: str) -> None:
    from detente.store import Store

    with Store(db, read_only=True) as store:
        store.export(out, format=fmt)


class _TimedConnection:
    """A DuckDB connection that records how long each COPY takes, by the file or folder it writes."""

    def __init__(self, con: object) -> None:
        self.con = con
        self.seconds: dict[str, float] = {}

    def execute(self, sql: str, *args: object) -> object:
        started = time.perf_counter()
        result = self.con.execute(sql, *args)  # type: ignore[attr-defined]
        written = re.search(r" TO '[^']*?([a-z_]+\.parquet)", sql) if sql.lstrip().startswith("COPY") else None
        if written:
            self.seconds[written.group(1)] = time.perf_counter() - started
        return result

    def __getattr__(self, name: str) -> object:
        return getattr(self.con, name)


def _parquet_by_file(db: Path, out: Path) -> dict[str, float]:
    """One parquet export, timed file by file."""
    from detente.store import Store

    with Store(db, read_only=True) as store:
        timed = _TimedConnection(store.con)
        store.con = timed  # type: ignore[assignment]
        store.export(out, format="parquet")
    return timed.seconds


def _baseline(db: Path, out: Path) -> None:
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute(f"COPY events TO '{out / 'events.parquet'}' (FORMAT parquet)")


def _size(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**30


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000, help="events in the generated store")
    parser.add_argument("--db", type=Path, help="where the store is kept (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true", help="reuse the store at --db if it exists")
    parser.add_argument("--repeat", type=int, default=2, help="runs per timing; the best is kept")
    parser.add_argument("--formats", default=",".join(EXPORT_FORMATS), help="export formats to time")
    parser.add_argument(
        "--out", type=Path, help="where to make the exports' scratch folder (default: beside the store)"
    )
    args = parser.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    unknown = sorted(set(formats) - set(EXPORT_FORMATS))
    if unknown:
        parser.error(f"unknown format(s): {', '.join(unknown)}")

    with tempfile.TemporaryDirectory(prefix="detente-scale-") as folder:
        db = args.db or Path(folder) / "scale.duckdb"
        events, generation = _generate(db, args.events, reuse=args.reuse)
        # A folder of our own, emptied after each timing: nothing else in --out is touched.
        out = Path(tempfile.mkdtemp(prefix="detente-scale-export-", dir=args.out or db.parent))
        if generation is not None:
            print(f"generation: {generation:.1f} s = {events / generation / 1e6:.2f} M events/s")
        else:
            print(f"reused {db} with {events:,} events")

        def clear() -> None:
            shutil.rmtree(out, ignore_errors=True)

        if formats:
            _time_exports(db, out, formats, events, args.repeat, clear)
        if MEASUREMENTS:
            print(f"\nqueries on the store, best of {args.repeat} (and as a multiple of the baseline scan):")
            first: float | None = None
            for measurement in MEASUREMENTS:
                seconds = _best(lambda m=measurement: m.run(db), args.repeat)
                first = first or seconds
                bar = f" (bar: under {measurement.limit_s:g} s)" if measurement.limit_s is not None else ""
                print(f"{measurement.name:45} {seconds:8.3f} s {seconds / first:7.1f}x{bar}")
        clear()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS {peak:.0f} MB; Python {sys.version.split()[0]}")


def _time_exports(db: Path, out: Path, formats: list[str], events: int, repeat: int, clear: Callable[[], None]) -> None:
    """Each export format against the baseline COPY, in events per second."""
    rows: list[tuple[str, float, float]] = []
    clear()
    _baseline(db, out)
    baseline_size = _size(out)
    clear()
    baseline = _best(lambda: _baseline(db, out), repeat, clear)
    for fmt in formats:
        _export(db, out, fmt)
        size = _size(out)
        clear()
        rows.append((fmt, _best(lambda fmt=fmt: _export(db, out, fmt), repeat, clear), size))

    print(f"\nexports of {events:,} events, best of {repeat} (Store.export, what `detente export` runs):")
    print(f"{'':32} {'seconds':>8} {'M events/s':>11} {'GiB':>6} {'vs baseline':>12}")
    label = "baseline: COPY events (1 file)"
    print(f"{label:32} {baseline:8.2f} {events / baseline / 1e6:11.2f} {baseline_size:6.2f}")
    for fmt, seconds, size in rows:
        ratio = baseline / seconds
        print(f"{'export --format ' + fmt:32} {seconds:8.2f} {events / seconds / 1e6:11.2f} {size:6.2f} {ratio:12.2f}")
    parquet = next((seconds for fmt, seconds, _ in rows if fmt == "parquet"), None)
    if parquet is not None:
        verdict = "meets" if events / parquet >= 1e6 else "is below"
        print(f"parquet export {verdict} the bar of 1 M events/s ({events / parquet / 1e6:.2f} M events/s)")
        by_file = _parquet_by_file(db, out)
        clear()
        print("parquet export, file by file (one run): " + ", ".join(f"{k} {v:.2f} s" for k, v in by_file.items()))
        print(f"  events.parquet alone: {events / by_file['events.parquet'] / 1e6:.2f} M events/s")


if __name__ == "__main__":
    main()
