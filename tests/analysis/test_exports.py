"""`detente.analysis` exports exactly its public names."""

from __future__ import annotations

import detente.analysis


def test_exported_members() -> None:
    assert sorted(detente.analysis.__all__) == sorted(
        [
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
    )
    for name in detente.analysis.__all__:
        assert hasattr(detente.analysis, name)


def test_series_columns_name_every_plover_type_in_order() -> None:
    from detente.events.ontology import PLOVER_TYPES

    columns = detente.analysis.SERIES_COLUMNS
    types = columns[columns.index("material_conflict") + 1 : columns.index("intensity_total")]
    assert types == tuple(name.lower() for name in PLOVER_TYPES)
    assert len(types) == 16


def test_plain_values_are_json_ready() -> None:
    import datetime as dt
    import json

    import numpy as np
    import pandas as pd

    from detente.analysis.plain import plain, records

    value = {
        "day": pd.Timestamp("2020-01-01"),
        "at": pd.Timestamp("2020-01-01 10:30"),
        "date": dt.date(2020, 2, 3),
        "n": np.int64(3),
        "x": np.float64(1.5),
        "missing": [float("nan"), pd.NA, pd.NaT, None],
        "ids": np.array(["a", "b"]),
    }
    assert plain(value) == {
        "day": "2020-01-01",
        "at": "2020-01-01T10:30:00",
        "date": "2020-02-03",
        "n": 3,
        "x": 1.5,
        "missing": [None, None, None, None],
        "ids": ["a", "b"],
    }
    frame = pd.DataFrame({"period": pd.to_datetime(["2020-01-01"]), "events": [2], "mean": [float("nan")]})
    assert json.dumps(records(frame)) == '[{"period": "2020-01-01", "events": 2, "mean": null}]'
