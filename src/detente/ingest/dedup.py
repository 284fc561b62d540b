"""Near-duplicate detection: the same wire story re-published with small edits.

Each article gets a MinHash signature of its word shingles (datasketch). Signatures are cut into
bands; two articles that share a band bucket are candidates, and a candidate whose estimated
Jaccard similarity reaches the threshold is a near-duplicate. Band buckets are stored with the
article, so the index lives in the store and survives across runs.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from detente.ingest.normalize import normalise_for_id

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, kw_only=True)
class NearDuplicateConfig:
    """num_perm = bands × rows. With 16 bands of 8 rows, pairs above ~0.7 similarity meet as
    candidates; `threshold` then decides on the estimated Jaccard similarity of the shingles."""

    num_perm: int = 128
    bands: int = 16
    shingle: int = 5
    threshold: float = 0.8
    min_words: int = 20

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


@dataclass(frozen=True, slots=True)
class Fingerprint:
    signature: np.ndarray
    buckets: tuple[int, ...]


def fingerprint(text: str, config: NearDuplicateConfig) -> Fingerprint | None:
    """MinHash signature and band buckets of a text; None when it is too short to compare."""
    words = _WORD.findall(normalise_for_id(text))
    if len(words) < config.min_words:
        return None
    k = config.shingle
    shingles = {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}
    # Imported here: datasketch pulls in SciPy, which commands that only read the store never need.
    from datasketch import MinHash

    minhash = MinHash(num_perm=config.num_perm, seed=1)
    minhash.update_batch(list(shingles))
    signature = minhash.hashvalues.astype(np.uint64)
    rows = config.rows
    buckets = tuple(
        int.from_bytes(hashlib.blake2b(band.tobytes() + bytes([i]), digest_size=8).digest(), "little", signed=True)
        for i, band in enumerate(signature[j * rows : (j + 1) * rows] for j in range(config.bands))
    )
    return Fingerprint(signature=signature, buckets=buckets)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
