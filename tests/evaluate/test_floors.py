"""Figures on the shared gold sets must not drop below the floors in tests/gold/floors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.coding import code_articles
from detente.evaluate import read_gold, score_actor_countries
from detente.ingest import make_article

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"
FLOORS = json.loads((ROOT / "tests" / "gold" / "floors.json").read_text())


@pytest.mark.parametrize("name", sorted(FLOORS["actor_country_accuracy"]))
def test_actor_country_accuracy(name: str) -> None:
    path = SHARED / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    records = list(read_gold(path))
    coded = code_articles(make_article(r.text) for r in records)
    score = score_actor_countries(zip(records, coded, strict=True))
    floor = FLOORS["actor_country_accuracy"][name]
    assert score.country_accuracy >= floor, [m for m in score.misses]
