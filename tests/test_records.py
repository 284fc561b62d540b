"""The public JSON shape is the same from `detente code` (records) and from the store (views)."""

from __future__ import annotations

import json

from detente import records
from detente.cli.output import to_json
from detente.models import Place
from detente.store import Store, WriteBatch
from factories import coded_article


def _json(value: object) -> object:
    return json.loads(to_json(value))


def test_event_and_motive_records_match_stored_rows(store: Store) -> None:
    coded = coded_article(place=Place("Tehran", 112931, "IRN", 35.69, 51.42))
    store.write(WriteBatch(run_id="r", coded=[coded]))
    [stored_event] = store.events()
    from_code = records.event_record(coded.events[0])
    assert from_code.pop("kind") == "event"
    assert _json(from_code) == _json(stored_event)
    assert from_code["place"] == {"name": "Tehran", "geonameid": 112931, "country": "IRN", "lat": 35.69, "lon": 51.42}
    [stored_motive] = store.motives()
    from_code = records.motive_record(coded.motives[0])
    assert from_code.pop("kind") == "motive"
    assert _json(from_code) == _json(stored_motive)


def test_mention_record() -> None:
    coded = coded_article()
    record = records.mention_record(coded.mentions[1])
    assert record == {
        "kind": "mention",
        "mention_id": coded.mentions[1].id,
        "article_id": coded.article.id,
        "sentence_index": 0,
        "text": "Hamas",
        "start": 9,
        "end": 14,
        "resolved_by": "dictionary",
        "actor": {
            "id": "hamas",
            "name": "Hamas",
            "kind": "organisation",
            "country": "PSE",
            "sector": "REB",
            "code": "PSEREBHMS",
        },
        "person": None,
    }
