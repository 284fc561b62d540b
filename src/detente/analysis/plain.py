"""Plain Python values (str, int, float, bool, None, lists, dicts) from what pandas and DuckDB return.

JSON writers, graph writers and the CLI take these: dates become ISO strings, NaN becomes None,
numpy scalars and arrays become Python numbers and lists.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["plain", "records"]


def plain(value: Any) -> Any:
    """`value` with every nested date, number, array and missing value made plain."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date().isoformat() if _midnight(value) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | np.ndarray):
        return [plain(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One plain dict per row of `frame`."""
    columns = [str(column) for column in frame.columns]
    return [
        {column: plain(value) for column, value in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _midnight(value: dt.datetime) -> bool:
    return value.hour == value.minute == value.second == value.microsecond == 0
