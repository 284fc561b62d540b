"""`detente actors add FILE`: an analyst's own dictionary is checked, installed and used."""

from __future__ import annotations

from pathlib import Path

from detente.cli import app

GOOD = """organisations:
  - {id: zenthos-front, name: Zenthos Liberation Front, kind: group, country: GRC, sector: REB, aliases: [ZLF]}
"""
BAD = """organisations:
  - {id: broken-front, name: Broken Front, kind: group, country: XXX, sector: REB}
"""


def test_added_dictionary_is_used(runner, tmp_path: Path, detente_home: Path) -> None:
    before = runner.invoke(app, ["code", "The ZLF attacked a police station."])
    assert "mention 'ZLF' -> unknown by unknown" in before.stdout
    (tmp_path / "mine.yaml").write_text(GOOD)
    added = runner.invoke(app, ["actors", "add", str(tmp_path / "mine.yaml")])
    assert added.exit_code == 0, added.stderr
    assert "1 new organisations" in added.stdout
    assert (detente_home / "actors" / "mine.yaml").read_text() == GOOD
    after = runner.invoke(app, ["code", "The ZLF attacked a police station."])
    assert "mention 'ZLF' -> Zenthos Liberation Front (GRCREB) by dictionary" in after.stdout


def test_invalid_dictionary_is_refused(runner, tmp_path: Path, detente_home: Path) -> None:
    (tmp_path / "bad.yaml").write_text(BAD)
    result = runner.invoke(app, ["actors", "add", str(tmp_path / "bad.yaml")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [D302]") and "broken-front" in result.stderr
    assert not (detente_home / "actors" / "bad.yaml").exists()
