"""The network of relations: actors as nodes, dyads as weighted edges, with centrality per actor.

Edges join two actor ids (not countries) with at least `min_events` de-duplicated events between
them in either direction: `events`, `cooperation` (quad classes 1-2), `conflict` (3-4) and `net`
(sum of intensity). An actor acting on itself is not an edge. Pairs are counted in DuckDB in one
scan; networkx computes the centralities.

Example:
    >>> network = build_network(con, since="2015-01-01", min_events=2)
    >>> network.nodes.sort_values("pagerank", ascending=False).head()
    >>> write_network(network, "relations.graphml", "graphml")

Docs: docs/analysis.md
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import duckdb
import networkx as nx
import pandas as pd
import pyarrow as pa

from detente.analysis.counting import check_window, reports_cte, window
from detente.analysis.plain import plain, records
from detente.errors import Messages, UsageError

__all__ = ["NETWORK_FORMATS", "Network", "build_network", "write_network"]

NETWORK_FORMATS: tuple[str, ...] = ("graphml", "gexf", "jsonl")

NODE_COLUMNS = (
    "actor_id",
    "name",
    "kind",
    "country",
    "sector",
    "activity",
    "degree",
    "weighted_degree",
    "betweenness",
    "pagerank",
)
EDGE_COLUMNS = ("source", "target", "events", "cooperation", "conflict", "net")

_PAGERANK_ITERATIONS = 1000
_BETWEENNESS_PIVOTS = 256


@dataclass(frozen=True, kw_only=True, eq=False)
class Network:
    """An undirected graph of actors (`graph`) and the same data as tables (`nodes`, `edges`)."""

    graph: nx.Graph
    nodes: pd.DataFrame
    edges: pd.DataFrame


def build_network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    min_events: int = 1,
) -> Network:
    """The relations network of the store's countable events (see `counting`) in since..until.

    Node `activity` counts the actor's de-duplicated events with any other actor in the window,
    including pairs dropped by `min_events`. Raises UsageError D152 (since after until) or D153.
    """
    start, end = check_window(since, until)
    if min_events < 1:
        raise UsageError(Messages.D153.format(value=min_events), code="D153")
    pairs = _pairs(con, start, end)
    activity = _activity(pairs)
    edges = pairs[pairs["events"] >= min_events].reset_index(drop=True)
    graph = nx.Graph(since=plain(start) or "", until=plain(end) or "", min_events=min_events)
    actors = _actors(con, sorted(set(edges["source"]) | set(edges["target"])))
    for actor in records(actors):
        graph.add_node(
            actor["actor_id"],
            label=actor["name"],
            **{key: actor[key] for key in ("name", "kind", "country", "sector")},
            activity=int(activity.get(actor["actor_id"], 0)),
        )
    # Column lists hold Python ints and floats, the only numbers the GraphML and GEXF writers take.
    columns = [edges[key].tolist() for key in EDGE_COLUMNS]
    graph.add_edges_from(
        (
            source,
            target,
            {"weight": float(events), "events": events, "cooperation": cooperation, "conflict": conflict, "net": net},
        )
        for source, target, events, cooperation, conflict, net in zip(*columns, strict=True)
    )
    _add_centrality(graph)
    nodes = pd.DataFrame(
        [{"actor_id": node, **{key: data[key] for key in NODE_COLUMNS[1:]}} for node, data in graph.nodes(data=True)],
        columns=list(NODE_COLUMNS),
    )
    nodes = nodes.sort_values(["activity", "actor_id"], ascending=[False, True], ignore_index=True)
    return Network(graph=graph, nodes=nodes, edges=edges)


def write_network(network: Network, target: str | Path | IO[str] | IO[bytes], format: str) -> None:
    """Write the network as GraphML, GEXF (networkx's writers) or JSONL to a path or an open stream.

    JSONL is one `{"kind": "node", ...}` line per actor (its kind as `actor_kind`), then one
    `{"kind": "edge", ...}` line per edge. Raises UsageError D101 for another format.
    """
    if format not in NETWORK_FORMATS:
        raise UsageError(Messages.D101.format(value=format, choices=", ".join(NETWORK_FORMATS)), code="D101")
    lines = {"graphml": _graphml, "gexf": _gexf, "jsonl": _jsonl}[format](network)
    if isinstance(target, str | Path):
        with Path(target).open("w", encoding="utf-8", newline="\n") as stream:
            _write(stream, lines)
    elif isinstance(target, io.RawIOBase | io.BufferedIOBase):
        for line in lines:
            target.write((line + "\n").encode("utf-8"))
    else:
        _write(target, lines)  # type: ignore[arg-type]  # any other stream takes text


def _pairs(con: duckdb.DuckDBPyConnection, since: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    dates, params = window(since, until)
    columns = "date, source_id, target_id, type, mode, quad_class, intensity"
    condition = f"source_id IS NOT NULL AND source_id <> target_id AND {dates}"
    sql = f"""WITH {reports_cte(condition, columns=columns, materialized=False)},
        occurrences AS (
            SELECT least(source_id, target_id) AS source, greatest(source_id, target_id) AS target,
                   min(quad_class) AS quad_class, avg(intensity) AS intensity
            FROM reports GROUP BY date, source_id, target_id, type, mode)
        SELECT source, target, count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               coalesce(sum(intensity), 0.0) AS net
        FROM occurrences GROUP BY source, target
        ORDER BY events DESC, source, target"""
    return con.execute(sql, params).df()


def _activity(pairs: pd.DataFrame) -> pd.Series:
    """Events per actor: every occurrence has two distinct actors, so the pair counts add up per side."""
    sides = pd.concat(
        [
            pairs[["source", "events"]].rename(columns={"source": "actor"}),
            pairs[["target", "events"]].rename(columns={"target": "actor"}),
        ]
    )
    return sides.groupby("actor")["events"].sum()


def _actors(con: duckdb.DuckDBPyConnection, ids: list[str]) -> pd.DataFrame:
    """Name, kind, country and sector of each id; an id missing from `actors` is named by itself."""
    wanted = pa.table({"actor_id": pa.array(ids, pa.string())})
    con.register("_network_ids", wanted)
    try:
        return con.execute(
            """SELECT w.actor_id, coalesce(a.name, w.actor_id) AS name, coalesce(a.kind, '') AS kind,
                      coalesce(a.country, '') AS country, coalesce(a.sector, '') AS sector
               FROM _network_ids w LEFT JOIN actors a USING (actor_id) ORDER BY w.actor_id"""
        ).df()
    finally:
        con.unregister("_network_ids")


def _add_centrality(graph: nx.Graph) -> None:
    """Degree, weighted degree (events), betweenness (unweighted hops) and PageRank (weighted by events)."""
    if graph.number_of_nodes() == 0:
        graph.graph.update(pagerank_converged=True, betweenness_pivots=0)
        return
    degree = nx.degree_centrality(graph)
    # Exact betweenness costs a shortest-path search from every node; past a few hundred actors,
    # a fixed sample of sources (Brandes' pivots, seeded) estimates it in bounded time.
    size = graph.number_of_nodes()
    sample = None if size <= _BETWEENNESS_PIVOTS else _BETWEENNESS_PIVOTS
    betweenness = nx.betweenness_centrality(graph, k=sample, normalized=True, seed=0)
    graph.graph["betweenness_pivots"] = sample or size
    strength = dict(graph.degree(weight="events"))
    try:
        pagerank = nx.pagerank(graph, weight="events", max_iter=_PAGERANK_ITERATIONS)
        converged = True
    except nx.PowerIterationFailedConvergence:
        # Rare on undirected graphs; the share of weighted degree is PageRank's limit without damping.
        total = sum(strength.values()) or 1
        pagerank = {node: value / total for node, value in strength.items()}
        converged = False
    graph.graph["pagerank_converged"] = converged
    for node, data in graph.nodes(data=True):
        data["degree"] = float(degree[node])
        data["weighted_degree"] = int(strength[node])
        data["betweenness"] = float(betweenness[node])
        data["pagerank"] = float(pagerank[node])


def _graphml(network: Network) -> Iterator[str]:
    yield from nx.generate_graphml(network.graph)


def _gexf(network: Network) -> Iterator[str]:
    yield from nx.generate_gexf(network.graph)


def _jsonl(network: Network) -> Iterator[str]:
    for node in records(network.nodes):
        actor_id = node.pop("actor_id")
        kind = node.pop("kind")
        yield json.dumps({"kind": "node", "id": actor_id, "actor_kind": kind, **node}, ensure_ascii=False)
    for edge in records(network.edges):
        yield json.dumps({"kind": "edge", **edge}, ensure_ascii=False)


def _write(stream: IO[str], lines: Iterator[str]) -> None:
    for line in lines:
        stream.write(line + "\n")
