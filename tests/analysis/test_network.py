"""The relations network on a store of written events: edges, nodes, centrality, and the three writers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest

from detente.analysis import build_network, write_network
from detente.errors import UsageError
from detente.store import Store


@pytest.fixture
def con(written):  # type: ignore[no-untyped-def]
    """Five actors in a chain: Egypt – Hamas – Iran – Saudi Arabia – Iran's military.

    Iran–Saudi: 3 events (two accusations on 10 Jan, one of them in two articles; a consultation), net -4.
    Iran–Hamas: 2 cooperative events in March 2020, net +4.  Egypt–Hamas: 1 coercion in 2019, net -6.
    Iran's military–Saudi: 1 assault, net -9.  Not counted: Iran on itself, negated, hypothetical,
    a near-duplicate article, no target.
    """
    w = written
    w.article("N", "2020-01-10", duplicate_of="A")
    w.event("A", "2020-01-10", "IRN", "SAU", "ACCUSE", -3)
    w.event("B", "2020-01-10", "IRN", "SAU", "ACCUSE", -3)
    w.event("B", "2020-01-10", "SAU", "IRN", "ACCUSE", -2, sentence=1)
    w.event("C", "2020-02-01", "IRN", "SAU", "CONSULT", 1)
    w.event("D", "2020-03-01", "IRN", "hamas", "SUPPORT", 3)
    w.event("D", "2020-03-02", "hamas", "IRN", "CONSULT", 1, sentence=1)
    w.event("E", "2019-06-01", "EGY", "hamas", "COERCE", -6)
    w.event("F", "2020-04-01", "IRN-MIL", "SAU", "ASSAULT", -9)
    w.event("F", "2020-04-01", "IRN", "IRN", "ACCUSE", -2, sentence=1)
    w.event("F", "2020-04-02", "IRN", "EGY", "ACCUSE", -2, negated=True, sentence=2)
    w.event("F", "2020-04-03", "IRN", "EGY", "THREATEN", -4, modality="hypothetical", sentence=3)
    w.event("N", "2020-01-10", "EGY", "SAU", "AGREE", 4)
    w.event("F", "2020-04-04", "IRN", None, "ACCUSE", -2, sentence=4)
    w.flush()
    return w.con


def _edge(network, a: str, b: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    rows = network.edges[(network.edges["source"] == min(a, b)) & (network.edges["target"] == max(a, b))]
    assert len(rows) == 1, f"no edge {a}–{b}"
    return rows.iloc[0].to_dict()


def _node(network, actor_id: str) -> dict[str, object]:  # type: ignore[no-untyped-def]
    rows = network.nodes[network.nodes["actor_id"] == actor_id]
    assert len(rows) == 1, f"no node {actor_id}"
    return rows.iloc[0].to_dict()


def test_edges_count_deduplicated_events_per_actor_pair(con) -> None:  # type: ignore[no-untyped-def]
    network = build_network(con)
    assert len(network.edges) == 4
    assert {k: _edge(network, "IRN", "SAU")[k] for k in ("events", "cooperation", "conflict", "net")} == {
        "events": 3,
        "cooperation": 1,
        "conflict": 2,
        "net": -4.0,
    }
    iran_hamas = _edge(network, "hamas", "IRN")
    assert (iran_hamas["events"], iran_hamas["cooperation"], iran_hamas["conflict"], iran_hamas["net"]) == (
        2,
        2,
        0,
        4.0,
    )
    egypt_hamas = _edge(network, "EGY", "hamas")
    assert (egypt_hamas["events"], egypt_hamas["conflict"], egypt_hamas["net"]) == (1, 1, -6.0)
    military = _edge(network, "IRN-MIL", "SAU")
    assert (military["events"], military["conflict"], military["net"]) == (1, 1, -9.0)
    assert sorted(network.graph.nodes) == ["EGY", "IRN", "IRN-MIL", "SAU", "hamas"]
    assert network.graph.number_of_edges() == 4


def test_nodes_carry_the_actor_and_its_centrality(con) -> None:  # type: ignore[no-untyped-def]
    network = build_network(con)
    iran = _node(network, "IRN")
    assert {k: iran[k] for k in ("name", "kind", "country", "sector", "activity", "weighted_degree")} == {
        "name": "Iran",
        "kind": "state",
        "country": "IRN",
        "sector": "GOV",
        "activity": 5,
        "weighted_degree": 5,
    }
    # A chain of five: the ends have one neighbour of four, the middle ones two.
    degree = {row["actor_id"]: row["degree"] for _, row in network.nodes.iterrows()}
    assert degree == pytest.approx({"EGY": 0.25, "hamas": 0.5, "IRN": 0.5, "SAU": 0.5, "IRN-MIL": 0.25})
    # Shortest paths through each node, out of the 6 pairs of other nodes.
    between = {row["actor_id"]: row["betweenness"] for _, row in network.nodes.iterrows()}
    assert between == pytest.approx({"EGY": 0.0, "hamas": 3 / 6, "IRN": 4 / 6, "SAU": 3 / 6, "IRN-MIL": 0.0})
    strength = {row["actor_id"]: row["weighted_degree"] for _, row in network.nodes.iterrows()}
    assert strength == {"EGY": 1, "hamas": 3, "IRN": 5, "SAU": 4, "IRN-MIL": 1}
    assert network.nodes["pagerank"].sum() == pytest.approx(1.0)
    assert network.nodes.sort_values("pagerank").iloc[-1]["actor_id"] == "IRN"
    assert network.graph.graph["pagerank_converged"] is True


def test_min_events_drops_pairs_but_not_the_activity_behind_them(con) -> None:  # type: ignore[no-untyped-def]
    network = build_network(con, min_events=2)
    assert sorted(zip(network.edges["source"], network.edges["target"], strict=True)) == [
        ("IRN", "SAU"),
        ("IRN", "hamas"),
    ]
    assert sorted(network.graph.nodes) == ["IRN", "SAU", "hamas"]
    activity = {row["actor_id"]: (row["activity"], row["weighted_degree"]) for _, row in network.nodes.iterrows()}
    assert activity == {"IRN": (5, 5), "SAU": (4, 3), "hamas": (3, 2)}


def test_since_and_until_cut_the_events(con) -> None:  # type: ignore[no-untyped-def]
    since = build_network(con, since="2020-01-01")
    assert "EGY" not in since.graph
    assert len(since.edges) == 3
    january = build_network(con, since="2020-01-01", until="2020-01-31")
    assert list(zip(january.edges["source"], january.edges["target"], january.edges["events"], strict=True)) == [
        ("IRN", "SAU", 2)
    ]
    assert build_network(con, since="2021-01-01").graph.number_of_nodes() == 0


def test_an_actor_missing_from_the_actors_table_is_named_by_its_id(con) -> None:  # type: ignore[no-untyped-def]
    con.execute(
        """INSERT INTO events (event_id, article_id, date, type, quad_class, intensity, negated, modality,
                               source_id, target_id)
           VALUES ('x1', 'A', DATE '2020-05-01', 'CONSULT', 1, 1.0, false, 'asserted', 'new-group', 'IRN')"""
    )
    node = _node(build_network(con), "new-group")
    assert {k: node[k] for k in ("name", "kind", "country", "sector", "activity")} == {
        "name": "new-group",
        "kind": "",
        "country": "",
        "sector": "",
        "activity": 1,
    }


def test_graphml_and_gexf_round_trip(con, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    network = build_network(con)
    write_network(network, tmp_path / "n.graphml", "graphml")
    graphml = nx.read_graphml(tmp_path / "n.graphml")
    assert sorted(graphml.nodes) == sorted(network.graph.nodes)
    for node, data in network.graph.nodes(data=True):
        assert graphml.nodes[node] == data
    for a, b, data in network.graph.edges(data=True):
        assert graphml.edges[a, b] == data
    assert graphml.graph["min_events"] == 1
    write_network(network, tmp_path / "n.gexf", "gexf")
    gexf = nx.read_gexf(tmp_path / "n.gexf")
    assert sorted(gexf.nodes) == sorted(network.graph.nodes)
    assert gexf.nodes["IRN"]["label"] == "Iran"
    assert gexf.nodes["IRN"]["activity"] == 5
    assert {(min(a, b), max(a, b)): d["events"] for a, b, d in gexf.edges(data=True)} == {
        ("IRN", "SAU"): 3,
        ("IRN", "hamas"): 2,
        ("EGY", "hamas"): 1,
        ("IRN-MIL", "SAU"): 1,
    }


def test_jsonl_lists_nodes_then_edges(con) -> None:  # type: ignore[no-untyped-def]
    network = build_network(con)
    out = io.StringIO()
    write_network(network, out, "jsonl")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["kind"] for line in lines] == ["node"] * 5 + ["edge"] * 4
    iran = next(line for line in lines if line.get("id") == "IRN")
    assert set(iran) == {
        "kind",
        "id",
        "name",
        "actor_kind",
        "country",
        "sector",
        "activity",
        "degree",
        "weighted_degree",
        "betweenness",
        "pagerank",
    }
    assert (iran["actor_kind"], iran["activity"], iran["weighted_degree"]) == ("state", 5, 5)
    edge = next(
        line for line in lines if line["kind"] == "edge" and line["source"] == "IRN" and line["target"] == "SAU"
    )
    assert edge == {
        "kind": "edge",
        "source": "IRN",
        "target": "SAU",
        "events": 3,
        "cooperation": 1,
        "conflict": 2,
        "net": -4.0,
    }


def test_writers_take_binary_streams_and_empty_networks(con) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    write_network(build_network(con), out, "graphml")
    assert sorted(nx.read_graphml(io.BytesIO(out.getvalue())).nodes) == ["EGY", "IRN", "IRN-MIL", "SAU", "hamas"]
    with Store(":memory:") as store:
        empty = build_network(store.con)
        assert empty.nodes.empty and empty.edges.empty
        text = io.StringIO()
        write_network(empty, text, "jsonl")
        assert text.getvalue() == ""
        text = io.StringIO()
        write_network(empty, text, "graphml")
        assert nx.read_graphml(io.StringIO(text.getvalue())).number_of_nodes() == 0


def test_bad_options_are_usage_errors(con) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError) as format_error:
        write_network(build_network(con), io.StringIO(), "dot")
    assert format_error.value.code == "D101"
    with pytest.raises(UsageError) as min_error:
        build_network(con, min_events=0)
    assert min_error.value.code == "D153"
    with pytest.raises(UsageError) as window_error:
        build_network(con, since="2021-01-01", until="2020-01-01")
    assert window_error.value.code == "D152"


def test_betweenness_is_sampled_past_the_pivot_limit(con, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from detente.analysis import network as network_module

    assert build_network(con).graph.graph["betweenness_pivots"] == 5
    monkeypatch.setattr(network_module, "_BETWEENNESS_PIVOTS", 3)
    sampled = build_network(con)
    assert sampled.graph.graph["betweenness_pivots"] == 3
    assert sampled.nodes["betweenness"].between(0.0, 1.0).all()
    # Seeded: the same sample, the same estimate.
    assert list(build_network(con).nodes["betweenness"]) == list(sampled.nodes["betweenness"])
