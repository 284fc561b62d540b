"""The actor scorer has its own tests: it must be able to say right, wrong and missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.evaluate import GoldActor, read_gold, score_actor_countries
from detente.ingest import make_article
from detente.models import Actor, CodedArticle, Mention

EGY = Actor(id="EGY", name="Egypt", kind="state", country="EGY", sector="GOV")
ISR = Actor(id="ISR-MIL", name="Israel (military)", kind="state", country="ISR", sector="MIL")


def _gold(tmp_path: Path, records: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def _record(text: str, sources: list[dict[str, object]], targets: list[dict[str, object]]) -> dict[str, object]:
    return {
        "id": "r1",
        "text": text,
        "date": None,
        "events": [{"type": "ACCUSE", "sources": sources, "targets": targets}],
    }


def _coded(text: str, *mentions: tuple[str, Actor | None]) -> CodedArticle:
    article = make_article(text)
    found = []
    for words, actor in mentions:
        start = article.text.index(words)
        found.append(Mention(article.id, 0, start, start + len(words), words, actor, "dictionary"))
    return CodedArticle(article, mentions=tuple(found))


TEXT = "Egyptian officials accused Israeli troops of firing."


def test_right_wrong_and_missing(tmp_path: Path) -> None:
    gold = list(
        read_gold(
            _gold(
                tmp_path,
                [
                    _record(
                        TEXT,
                        [{"text": "Egyptian officials", "country": "EGY", "sector": "GOV"}],
                        [{"text": "Israeli troops", "country": "ISR", "sector": "***"}],
                    )
                ],
            )
        )
    )
    perfect = score_actor_countries(
        zip(gold, [_coded(TEXT, ("Egyptian officials", EGY), ("Israeli troops", ISR))], strict=True)
    )
    assert (perfect.gold, perfect.country, perfect.country_accuracy) == (2, 2, 1.0)
    assert (perfect.sector_gold, perfect.country_sector) == (1, 1)  # "***" means no sector
    swapped = score_actor_countries(
        zip(gold, [_coded(TEXT, ("Egyptian officials", ISR), ("Israeli troops", EGY))], strict=True)
    )
    assert swapped.country == 0 and len(swapped.misses) == 2
    empty = score_actor_countries(zip(gold, [_coded(TEXT)], strict=True))
    assert empty.country_accuracy == 0.0 and empty.misses[0].coded == ()


def test_old_codes_are_normalised(tmp_path: Path) -> None:
    [record] = read_gold(_gold(tmp_path, [_record("Japan spoke.", [{"text": "Japan", "country": "JAP"}], [])]))
    assert record.events[0].sources[0].country == "JPN"


def test_gold_words_with_a_gap_are_found_word_by_word() -> None:
    text = "He will meet Jordan's visiting King Abdullah II in Amman."
    spans = GoldActor(text="Jordan's King Abdullah II").spans(text)
    found = {text[s:e] for s, e in spans}
    assert found == {"Jordan's", "King", "Abdullah", "II"}


def test_malformed_gold_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "events": []}\n{broken\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        list(read_gold(path))
