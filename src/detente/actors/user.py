"""The analyst's own actor dictionaries: added with `detente actors add FILE`, used by every run.

They live in `$DETENTE_HOME/actors/` (default: the user data folder, e.g. ~/.local/share/detente),
never inside the installed package, and are merged after the packaged dictionaries in name order.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from detente.actors.dictionary import ActorDictionary, load_dictionary


def user_dictionary_dir() -> Path:
    return Path(os.environ.get("DETENTE_HOME") or user_data_dir("detente")) / "actors"


def user_dictionary_files() -> list[Path]:
    folder = user_dictionary_dir()
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def load_user_dictionary() -> ActorDictionary:
    """The packaged dictionaries with the analyst's own merged in."""
    return load_dictionary(extra=user_dictionary_files())


@dataclass(frozen=True, slots=True)
class AddedDictionary:
    path: Path
    countries: int
    organisations: int
    people: int
    agents: int


def add_user_dictionary(source: str | Path) -> AddedDictionary:
    """Validate a dictionary file against everything already loaded, then install it.

    Raises DataError (naming the file and entry) when any entry is invalid; nothing is installed then.
    """
    source = Path(source)
    before = load_user_dictionary()
    after = load_dictionary(extra=[*user_dictionary_files(), source])
    target = user_dictionary_dir() / (source.stem + ".yaml")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return AddedDictionary(
        path=target,
        countries=len(after.countries) - len(before.countries),
        organisations=len(after.organisations) - len(before.organisations),
        people=len(after.people) - len(before.people),
        agents=len(after.agents) - len(before.agents),
    )
