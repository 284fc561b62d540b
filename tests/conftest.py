"""Shared fixtures: a real spaCy pipeline (loaded once), fresh stores, corpora written to tmp dirs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from detente.models import CodedArticle
from detente.nlp import load_pipeline
from detente.store import Store
from detente.synthetic import wire_reports
from factories import coded_article
from written import WrittenStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "hamas-iran-rapprochement.txt"


@pytest.fixture(autouse=True)
def detente_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """User dictionaries go to a fresh folder per test, never to the real user data folder."""
    home = tmp_path_factory.mktemp("detente-home")
    monkeypatch.setenv("DETENTE_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def example_article() -> Path:
    if not EXAMPLE.exists():
        pytest.skip("../shared/examples is not beside this checkout")
    return EXAMPLE


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def reports_jsonl(tmp_path: Path) -> Callable[..., Path]:
    """Write `count` synthetic reports to a JSONL file and return its path."""

    def make(count: int = 12, *, seed: int = 7, name: str = "reports.jsonl") -> Path:
        return write_jsonl(tmp_path / name, list(wire_reports(count, seed=seed)))

    return make


@pytest.fixture
def make_coded() -> Callable[..., CodedArticle]:
    """Build a coded article by hand (see factories.coded_article)."""
    return coded_article


@pytest.fixture
def written(tmp_path: Path) -> Iterator[WrittenStore]:
    """A real store with articles, actors, events and motives written by hand (tests/written.py)."""
    with Store(tmp_path / "s.duckdb") as store:
        yield WrittenStore(store)
