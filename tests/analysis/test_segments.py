"""The change-point search gives the same segmentation as ruptures (the reference implementation)."""

from __future__ import annotations

import numpy as np
import pytest

from detente.analysis.segments import segment_starts

ruptures = pytest.importorskip("ruptures")


def _reference(values: np.ndarray, penalty: float, min_size: int) -> list[int]:
    algo = ruptures.KernelCPD(kernel="linear", min_size=min_size, jump=1).fit(values.reshape(-1, 1))
    return [int(i) for i in algo.predict(pen=penalty)[:-1]]


@pytest.mark.parametrize("seed", range(40))
def test_same_breaks_as_ruptures_on_random_series(seed: int) -> None:
    rng = np.random.default_rng(seed)
    levels = rng.choice([-8.0, -3.0, 0.0, 4.0, 9.0], size=rng.integers(1, 5))
    lengths = rng.integers(2, 12, size=len(levels))
    values = np.concatenate([rng.normal(level, 1.5, size=n) for level, n in zip(levels, lengths, strict=True)])
    min_size = int(rng.integers(1, 4))
    values = np.concatenate([values, rng.normal(levels[-1], 1.5, size=max(0, 2 * min_size - len(values)))])
    penalty = float(rng.uniform(2.0, 60.0))
    assert segment_starts(values, penalty=penalty, min_size=min_size) == _reference(values, penalty, min_size)


def test_a_planted_shift_is_found_and_a_flat_series_has_none() -> None:
    shifted = np.array([5.0, 6, 5, 4, 5, -6, -5, -7, -6, -5])
    assert segment_starts(shifted, penalty=20.0, min_size=2) == [5]
    assert segment_starts(np.full(12, 3.0), penalty=1.0, min_size=2) == []
    assert segment_starts(np.array([1.0, 9.0, 1.0]), penalty=1.0, min_size=2) == []  # too short to split
