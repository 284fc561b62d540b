"""Which stored parties an actor argument ("Iran", "IRN", "Tehran", "hamas", "HMS") stands for.

A state stands for its whole country, as GDELT and ICEWS analysts expect: "Iran" selects every party
whose country is IRN (its government, military, officials, people acting for it, groups based there).
An organisation, group or person, or a part of a state named on its own ("IRN-MIL"), selects that
actor id only.

Lookup order: the store's `actors` table (id, name, alias, CAMEO code; any case), then the actor
dictionary (names, demonyms, capitals, seats of government), then pycountry (ISO codes and names).

Example:
    >>> resolve_actor(store.con, "Tehran")
    ActorSelector(label='Iran', actor_ids=(), countries=('IRN',))

Docs: docs/analysis.md
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb
import pycountry

from detente.errors import Messages, UsageError

if TYPE_CHECKING:
    # The dictionaries are loaded only when the store does not know the actor: importing the actor
    # stage loads spaCy, which a command that reads the store should not wait for.
    from detente.actors.dictionary import ActorDictionary, CountryEntry

__all__ = ["ActorSelector", "resolve_actor"]

_SUGGESTIONS = 5
_SUGGESTION_CUTOFF = 0.6


@dataclass(frozen=True, slots=True)
class ActorSelector:
    """The parties one side of a dyad stands for: actor ids, and countries whose every party counts."""

    label: str
    actor_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()

    def predicate(self, prefix: str) -> tuple[str, list[Any]]:
        """A SQL condition on the flat `<prefix>_id` / `<prefix>_country` columns, with its parameters.

        Example: `ActorSelector("Iran", countries=("IRN",)).predicate("source")`
        gives `("(source_country IN (?))", ["IRN"])`.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor_ids:
            clauses.append(f"{prefix}_id IN ({_marks(self.actor_ids)})")
            params.extend(self.actor_ids)
        if self.countries:
            clauses.append(f"{prefix}_country IN ({_marks(self.countries)})")
            params.extend(self.countries)
        if not clauses:
            return "FALSE", []
        return "(" + " OR ".join(clauses) + ")", params

    def to_record(self) -> dict[str, Any]:
        return {"label": self.label, "actor_ids": list(self.actor_ids), "countries": list(self.countries)}


def resolve_actor(
    con: duckdb.DuckDBPyConnection, text: str, *, dictionary: ActorDictionary | None = None
) -> ActorSelector:
    """The selector for an actor argument. Raises UsageError (D150, with close names) when nothing matches.

    `dictionary` defaults to the packaged dictionaries with the analyst's own merged in.
    """
    wanted = text.strip()
    if not wanted:
        raise UsageError(Messages.D150.format(text=text, hint=""), code="D150")
    found = _from_store(con, wanted)
    if found is not None:
        return _with_parts(con, found)
    if dictionary is None:
        from detente.actors.user import load_user_dictionary

        dictionary = load_user_dictionary()
    found = _from_dictionary(dictionary, wanted) or _from_pycountry(dictionary, wanted)
    if found is not None:
        return _with_parts(con, found)
    raise UsageError(Messages.D150.format(text=text, hint=_hint(con, dictionary, wanted)), code="D150")


def _with_parts(con: duckdb.DuckDBPyConnection, selector: ActorSelector) -> ActorSelector:
    """The selector with every stored part of its organisations, at any depth: Hamas takes in its
    political bureau and its armed wing, as analysts mean by "Hamas" (`actors.parent`)."""
    if not selector.actor_ids:
        return selector
    rows = con.execute(
        """WITH RECURSIVE parts(actor_id) AS (
               SELECT unnest(?::VARCHAR[])
               UNION
               SELECT a.actor_id FROM actors a JOIN parts p ON a.parent = p.actor_id)
           SELECT actor_id FROM parts""",
        [list(selector.actor_ids)],
    ).fetchall()
    found = {row[0] for row in rows}
    parts = tuple(sorted(found - set(selector.actor_ids)))
    return ActorSelector(selector.label, (*selector.actor_ids, *parts), selector.countries)


def _from_store(con: duckdb.DuckDBPyConnection, text: str) -> ActorSelector | None:
    # Tiers, best first: an exact id beats a name, a name beats an alias or a CAMEO code, so that
    # "Iran" never picks up an actor that merely lists Iran among its aliases.
    rows = con.execute(
        """SELECT actor_id, name, kind, country, sector,
                  CASE WHEN lower(actor_id) = $t THEN 0 WHEN lower(name) = $t THEN 1 ELSE 2 END AS tier
           FROM actors
           WHERE lower(actor_id) = $t OR lower(name) = $t OR lower(cameo) = $t
              OR actor_id IN (SELECT actor_id FROM (SELECT actor_id, unnest(aliases) AS alias FROM actors)
                              WHERE lower(alias) = $t)
           ORDER BY tier, actor_id""",
        {"t": text.casefold()},
    ).fetchall()
    if not rows:
        return None
    best = [row for row in rows if row[5] == rows[0][5]]
    selectors = [_selector(actor_id, name, kind, country, sector) for actor_id, name, kind, country, sector, _ in best]
    return _union(selectors, label=best[0][1] if len(best) == 1 else text)


def _selector(
    actor_id: str, name: str | None, kind: str | None, country: str | None, sector: str | None
) -> ActorSelector:
    """A state's government stands for its country; any other actor, and other parts of a state, for itself."""
    if kind == "state" and country is not None and (actor_id == country or sector in (None, "GOV")):
        return ActorSelector(name or actor_id, countries=(country,))
    return ActorSelector(name or actor_id, actor_ids=(actor_id,))


def _union(selectors: list[ActorSelector], *, label: str) -> ActorSelector:
    ids = tuple(dict.fromkeys(i for s in selectors for i in s.actor_ids))
    countries = tuple(dict.fromkeys(c for s in selectors for c in s.countries))
    return ActorSelector(label, ids, countries)


def _from_dictionary(dictionary: ActorDictionary, text: str) -> ActorSelector | None:
    ids = list(dictionary.ids_for(text)) or _known_id(dictionary, text)
    if not ids:
        folded = text.casefold()
        ids = [org.id for org in dictionary.organisations.values() if org.cameo and org.cameo.casefold() == folded]
    if not ids:
        return None
    selectors = []
    for actor_id in ids:
        if actor_id in dictionary.countries:
            selectors.append(_country(dictionary.countries[actor_id]))
        else:
            try:
                actor = dictionary.actor(actor_id)
            except KeyError:
                continue
            selectors.append(_selector(actor.id, actor.name, actor.kind, actor.country, actor.sector))
    if not selectors:
        return None
    return _union(selectors, label=selectors[0].label if len(selectors) == 1 else text)


def _known_id(dictionary: ActorDictionary, text: str) -> list[str]:
    """The text as an actor id itself: `IRN`, `irn-mil`, `hamas`, `ali-khamenei`."""
    for candidate in dict.fromkeys((text, text.upper(), text.lower())):
        try:
            dictionary.actor(candidate)
        except KeyError:
            continue
        return [candidate]
    return []


def _from_pycountry(dictionary: ActorDictionary, text: str) -> ActorSelector | None:
    try:
        iso = pycountry.countries.lookup(text)
    except LookupError:
        return None
    entry = dictionary.countries.get(iso.alpha_3)
    return _country(entry) if entry is not None else ActorSelector(iso.name, countries=(iso.alpha_3,))


def _country(entry: CountryEntry) -> ActorSelector:
    return ActorSelector(entry.name, countries=(entry.iso3,))


def _hint(con: duckdb.DuckDBPyConnection, dictionary: ActorDictionary, text: str) -> str:
    stored = [row[0] for row in con.execute("SELECT DISTINCT name FROM actors WHERE name IS NOT NULL").fetchall()]
    known = [
        *stored,
        *(entry.name for entry in dictionary.countries.values()),
        *(entry.name for entry in dictionary.organisations.values()),
    ]
    by_fold = {name.casefold(): name for name in reversed(known)}
    close = difflib.get_close_matches(text.casefold(), list(by_fold), n=_SUGGESTIONS, cutoff=_SUGGESTION_CUTOFF)
    return f"; did you mean: {', '.join(by_fold[name] for name in close)}?" if close else ""


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)
