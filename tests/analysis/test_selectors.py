"""Actor arguments resolve to the parties they stand for: the store first, then the dictionary, then pycountry."""

from __future__ import annotations

import pytest

from detente.analysis import ActorSelector, resolve_actor
from detente.errors import UsageError
from detente.store import Store

IRAN = ActorSelector("Iran", countries=("IRN",))
SAUDI = ActorSelector("Saudi Arabia", countries=("SAU",))
HAMAS = ActorSelector("Hamas", actor_ids=("hamas", "hamas-political-bureau"))  # with its parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran", IRAN),
        ("IRN", IRAN),
        ("iran", IRAN),
        ("Islamic Republic of Iran", IRAN),
        ("Hamas", HAMAS),
        ("hamas", HAMAS),
        ("HMS", HAMAS),
        ("Islamic Resistance Movement", HAMAS),
        ("IRN-MIL", ActorSelector("Iran (military)", actor_ids=("IRN-MIL",))),
        ("  Kingdom of Saudi Arabia ", SAUDI),
    ],
)
def test_the_actors_table_is_read_by_id_name_alias_and_cameo(written, text: str, expected: ActorSelector) -> None:  # type: ignore[no-untyped-def]
    assert resolve_actor(written.con, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tehran", IRAN),
        ("iranian", IRAN),
        ("Iranians", IRAN),
        ("Riyadh", SAUDI),
        ("Saudis", SAUDI),
        ("Gaza", ActorSelector("Palestine", countries=("PSE",))),
        ("Hizballah", ActorSelector("Hezbollah", actor_ids=("hezbollah",))),
        ("Mashal", ActorSelector("Khaled Mashal", actor_ids=("khaled-mashal",))),
    ],
)
def test_capitals_demonyms_and_other_names_come_from_the_dictionary(
    written, text: str, expected: ActorSelector
) -> None:  # type: ignore[no-untyped-def]
    assert resolve_actor(written.con, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HMS", ActorSelector("Hamas", actor_ids=("hamas",))),  # no stored parts in an empty store
        ("IRN", IRAN),
        ("irn-mil", ActorSelector("Iran (military)", actor_ids=("IRN-MIL",))),
        ("Iran", IRAN),
    ],
)
def test_an_empty_store_still_resolves_ids_and_cameo_codes(text: str, expected: ActorSelector) -> None:
    with Store(":memory:") as store:
        assert resolve_actor(store.con, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IR", IRAN),
        ("Iran, Islamic Republic of", IRAN),
        ("DE", ActorSelector("Germany", countries=("DEU",))),
    ],
)
def test_iso_codes_and_official_names_come_from_pycountry(written, text: str, expected: ActorSelector) -> None:  # type: ignore[no-untyped-def]
    assert resolve_actor(written.con, text) == expected


def test_a_name_beats_an_alias(written) -> None:  # type: ignore[no-untyped-def]
    written.con.execute(
        "INSERT INTO actors (actor_id, name, kind, country, sector, aliases) "
        "VALUES ('iran-watchers', 'Iran Watchers', 'organisation', 'NGO', 'NGO', ['Iran'])"
    )
    assert resolve_actor(written.con, "Iran") == IRAN
    assert resolve_actor(written.con, "Iran Watchers") == ActorSelector("Iran Watchers", actor_ids=("iran-watchers",))


def test_unknown_text_suggests_close_names(written) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError) as close:
        resolve_actor(written.con, "Hamsa")
    assert close.value.code == "D150"
    assert str(close.value).startswith("[D150] unknown actor 'Hamsa'; did you mean: Hamas")
    with pytest.raises(UsageError) as far:
        resolve_actor(written.con, "qqqqzz")
    assert str(far.value) == "[D150] unknown actor 'qqqqzz'"
    with pytest.raises(UsageError):
        resolve_actor(written.con, "   ")


def test_predicate_renders_ids_and_countries_with_parameters() -> None:
    assert IRAN.predicate("source") == ("(source_country IN (?))", ["IRN"])
    both = ActorSelector("mixed", actor_ids=("hamas", "hezbollah"), countries=("IRN",))
    assert both.predicate("target") == (
        "(target_id IN (?, ?) OR target_country IN (?))",
        ["hamas", "hezbollah", "IRN"],
    )
    assert ActorSelector("nobody").predicate("source") == ("FALSE", [])


def test_predicate_selects_rows(written) -> None:  # type: ignore[no-untyped-def]
    written.event("A", "2020-01-01", "IRN-MIL", "SAU", "ACCUSE", -2)
    written.event("A", "2020-01-01", "hamas", "SAU", "ACCUSE", -2, sentence=1)
    written.event("A", "2020-01-01", "SAU", "IRN", "ACCUSE", -2, sentence=2)
    written.flush()
    sql, params = IRAN.predicate("source")
    assert written.con.execute(f"SELECT event_id FROM events WHERE {sql}", params).fetchall() == [("e001",)]
    sql, params = HAMAS.predicate("source")
    assert written.con.execute(f"SELECT event_id FROM events WHERE {sql}", params).fetchall() == [("e002",)]
