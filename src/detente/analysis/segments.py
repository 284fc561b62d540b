"""Penalised least-squares segmentation of a short series: where its mean changes.

This is optimal partitioning with the l2 cost (Jackson et al. 2005; PELT, Killick et al. 2012,
finds the same optimum faster): the split of the series into segments of at least `min_size`
points that minimises the sum over segments of squared deviations from the segment mean, plus
`penalty` per segment. It is the segmentation ruptures computes with `Pelt(model="l2")` or
`KernelCPD(kernel="linear")`; the test suite checks that both agree on many random series.

Why not call ruptures at run time: importing it loads SciPy's statistics package (about a second),
more than a whole `detente dyad` answer may take, while the series segmented here are short (the
periods of one dyad that have events), so the exact O(n²) search takes milliseconds.
"""

from __future__ import annotations

import numpy as np


def segment_starts(values: np.ndarray, *, penalty: float, min_size: int = 2) -> list[int]:
    """Indices where a new segment starts (0 excluded), in increasing order."""
    x = np.asarray(values, dtype=float).ravel()
    n = len(x)
    if n < 2 * min_size:
        return []
    sums = np.concatenate(([0.0], np.cumsum(x)))
    squares = np.concatenate(([0.0], np.cumsum(x * x)))
    best = np.full(n + 1, np.inf)  # best[t]: the least cost of x[:t] cut into whole segments
    best[0] = -penalty  # the first segment's penalty is paid like the others, then cancelled here
    last = np.zeros(n + 1, dtype=int)
    for end in range(min_size, n + 1):
        starts = np.arange(0, end - min_size + 1)
        starts = starts[np.isfinite(best[starts])]
        if starts.size == 0:
            continue
        lengths = end - starts
        total = sums[end] - sums[starts]
        cost = squares[end] - squares[starts] - total * total / lengths
        candidates = best[starts] + cost + penalty
        pick = int(np.argmin(candidates))
        best[end] = candidates[pick]
        last[end] = starts[pick]
    cuts: list[int] = []
    end = n
    while end > 0:
        start = int(last[end])
        if start > 0:
            cuts.append(start)
        end = start
    return sorted(cuts)
