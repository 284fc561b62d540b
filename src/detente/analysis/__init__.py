"""Stage 7: relations between actors over time, from the stored events.

- `resolve_actor` turns an argument ("Iran", "IRN", "Tehran", "hamas", "HMS") into an `ActorSelector`.
- `dyad_series` counts a dyad's de-duplicated events per period and reads their `Trend`;
  `occurrences` lists those events with their evidence.
- `build_network` makes the network of relations, `write_network` writes it (GraphML, GEXF, JSONL).

Every function takes a DuckDB connection to a detente store (`Store.con`). Docs: docs/analysis.md
"""

from typing import TYPE_CHECKING, Any

from detente.analysis.dyad import FREQS, SERIES_COLUMNS, DyadSeries, busiest_dyads, dyad_series, occurrences
from detente.analysis.selectors import ActorSelector, resolve_actor
from detente.analysis.trend import LABELS, Trend, TrendConfig, TurningPoint, compute_trend

if TYPE_CHECKING:
    from detente.analysis.network import NETWORK_FORMATS, Network, build_network, write_network

_NETWORK = frozenset({"NETWORK_FORMATS", "Network", "build_network", "write_network"})


def __getattr__(name: str) -> Any:
    # The network loads networkx (and its writers); a dyad series or an explanation never needs it.
    if name in _NETWORK:
        from detente.analysis import network

        return getattr(network, name)
    raise AttributeError(f"module 'detente.analysis' has no attribute {name!r}")


__all__ = [
    "FREQS",
    "LABELS",
    "NETWORK_FORMATS",
    "SERIES_COLUMNS",
    "ActorSelector",
    "DyadSeries",
    "Network",
    "Trend",
    "TrendConfig",
    "TurningPoint",
    "build_network",
    "busiest_dyads",
    "compute_trend",
    "dyad_series",
    "occurrences",
    "resolve_actor",
    "write_network",
]
