"""`detente.open(db)`: a stored corpus for notebooks, answering with DataFrames and dataclasses.

    >>> import detente
    >>> with detente.open("detente.duckdb") as corpus:
    ...     series = corpus.dyad("Iran", "Saudi Arabia", freq="quarter")
    ...     series.frame          # pandas DataFrame, one row per quarter
    ...     series.trend.label    # 'warming', 'cooling', 'stable-cooperative' or 'stable-hostile'

The store is opened read-only, so a notebook can read while nothing else writes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.analysis import ActorSelector, build_network, dyad_series, occurrences, resolve_actor
from detente.analysis.counting import as_date, check_window, window
from detente.store import Store

if TYPE_CHECKING:
    import pandas as pd

    from detente.analysis import DyadSeries, Network
    from detente.explain import Explanation

DateLike = dt.date | str | None


def open(db: str | Path | None = None) -> Corpus:  # `detente.open` mirrors the built-in on purpose
    """Open a detente store for reading (default: `DETENTE_DB` or `./detente.duckdb`)."""
    return Corpus(Store(db, read_only=True))


class Corpus:
    """Everything stored, as frames: events, motives, actors, dyad series, networks and explanations."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def __repr__(self) -> str:
        return f"<detente.Corpus {self.store.path!r}>"

    # --- rows -------------------------------------------------------------------------------------

    def actor(self, text: str) -> ActorSelector:
        """What an actor argument ("Iran", "IRN", "Tehran", "Hamas") selects."""
        return resolve_actor(self.store.con, text)

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        types: tuple[str, ...] | list[str] = (),
        since: DateLike = None,
        until: DateLike = None,
        counted_only: bool = False,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored events as flat rows (`source_id`, `target_country`, ...), oldest first.

        `counted_only` keeps what the relation statistics count: neither negated nor hypothetical/future.
        """
        clauses, params = self._party_clauses(actor, dyad, ("source", "target"))
        if types:
            clauses.append(f"upper(type) IN ({', '.join('?' for _ in types)})")
            params.extend(t.upper() for t in types)
        if counted_only:
            clauses.append("NOT negated AND modality IN ('asserted', 'reported')")
        clauses, params = _dates(clauses, params, since, until)
        return self._frame("events", clauses, params, limit)

    def motives(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        categories: tuple[str, ...] | list[str] = (),
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Stored motives as flat rows (`actor_id`, `goal`, `category`, `concerns_id`, ...), oldest first."""
        clauses, params = self._party_clauses(actor, dyad, ("actor", "concerns"))
        if categories:
            clauses.append(f"lower(category) IN ({', '.join('?' for _ in categories)})")
            params.extend(c.lower() for c in categories)
        clauses, params = _dates(clauses, params, since, until)
        return self._frame("motives", clauses, params, limit)

    def actors(self) -> pd.DataFrame:
        """Actors with their mention counts, most mentioned first."""
        return self.store.con.execute("SELECT * FROM actor_records ORDER BY mentions DESC, name").df()

    # --- analysis ---------------------------------------------------------------------------------

    def dyad(
        self,
        a: str,
        b: str,
        freq: str = "month",
        *,
        directed: bool = False,
        since: DateLike = None,
        until: DateLike = None,
    ) -> DyadSeries:
        """The relation between two actors per period, with its trend and turning points."""
        con = self.store.con
        return dyad_series(
            con,
            resolve_actor(con, a),
            resolve_actor(con, b),
            freq=freq,
            directed=directed,
            since=since,
            until=until,
        )

    def occurrences(
        self, a: str, b: str, *, directed: bool = False, since: DateLike = None, until: DateLike = None
    ) -> pd.DataFrame:
        """The counted events between two actors, one row per event however many articles report it."""
        con = self.store.con
        return occurrences(
            con, resolve_actor(con, a), resolve_actor(con, b), directed=directed, since=since, until=until
        )

    def network(self, *, since: DateLike = None, until: DateLike = None, min_events: int = 1) -> Network:
        """Actors as nodes and their relations as weighted edges (networkx), with centrality per actor."""
        return build_network(self.store.con, since=since, until=until, min_events=min_events)

    def explain(self, a: str, b: str, *, since: DateLike = None, until: DateLike = None) -> Explanation:
        """What is behind the relation between two actors: trend, key events, motives and third parties."""
        from detente.explain import explain

        return explain(self.store.con, a, b, since=as_date(since), until=as_date(until))

    # --- helpers ----------------------------------------------------------------------------------

    def _party_clauses(
        self, actor: str | None, dyad: tuple[str, str] | None, parties: tuple[str, str]
    ) -> tuple[list[str], list[Any]]:
        first, second = parties
        clauses: list[str] = []
        params: list[Any] = []
        if actor:
            selector = self.actor(actor)
            (one, p1), (two, p2) = selector.predicate(first), selector.predicate(second)
            clauses.append(f"(({one}) OR ({two}))")
            params.extend([*p1, *p2])
        if dyad:
            x, y = self.actor(dyad[0]), self.actor(dyad[1])
            (xf, pxf), (ys, pys) = x.predicate(first), y.predicate(second)
            (yf, pyf), (xs, pxs) = y.predicate(first), x.predicate(second)
            clauses.append(f"((({xf}) AND ({ys})) OR (({yf}) AND ({xs})))")
            params.extend([*pxf, *pys, *pyf, *pxs])
        return clauses, params

    def _frame(self, table: str, clauses: list[str], params: list[Any], limit: int | None) -> Any:
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT * FROM {table} {where} ORDER BY date NULLS LAST, article_id, start"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.store.con.execute(sql, params).df()


def _dates(clauses: list[str], params: list[Any], since: DateLike, until: DateLike) -> tuple[list[str], list[Any]]:
    condition, dated = window(*check_window(since, until))
    return [*clauses, condition], [*params, *dated]
