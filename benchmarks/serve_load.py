"""Bounded load test of the served site on 127.0.0.1.

Starts `newsfacts serve DB` (the serve settings of publish/serve.py, as `make serve`) on a free port
(DB built from seeds/ into a temporary folder when neither --db nor --documents is given), then, one
URL after the other, keeps --connections concurrent clients (asyncio + httpx) requesting that URL
for --duration seconds:

- the home page `/`
- a faceted meetings page (the facets metadata.yml configures for meetings)
- a canned query with a parameter (`person_dossier?name=Zarif`)
- a CSV stream (`casualty_facts.csv?_stream=on`)

With --all, then every other page metadata.yml configures (--all-duration seconds each): the
database page, every table and view with its facets, every canned query (with the parameters
of benchmarks/datasette_scale.py), the dashboard and the queries its charts fetch, an article
page, a search, the CSV stream of every public view; and three families of distinct URLs, a new
one for every request (an article page, one person's dossier, the meetings at one place), which
no cache can answer: the cost of pages nobody asked for before.

--documents N serves a database of at least N documents built by copying the rows of a load of
seeds/ (benchmarks/datasette_scale.py's build), cached in benchmarks/output/docsN/facts.db.

--variant runs the whole list again for each server variant, back to back (the machine's other
load comes and goes: compare figures of one run): comma-separated tokens, `threads=N`
(num_sql_threads), `wal` (a copy of the database in WAL mode, served mutable, as a load that
commits in place would have it), `immutable`, `cache=MB` (the response cache, 0 = off). The
first variant is the serve settings as they are unless given. A summary of p99 per URL and
variant closes the run.

Prints per URL: requests, errors, req/s and latency p50/p90/p99/max in milliseconds. A response
that is not 200, a transport error or a timeout counts as an error; exit status 1 if any.

    .venv/bin/python benchmarks/serve_load.py                       # 20 connections, 20 s per URL
    .venv/bin/python benchmarks/serve_load.py --duration 10 --db facts.db
    .venv/bin/python benchmarks/serve_load.py --documents 20000 --all          # make bench
    .venv/bin/python benchmarks/serve_load.py --documents 20000 --all --variant cache=0 \\
        --variant cache=0,threads=3 --variant cache=0,wal,threads=3 --variant wal,threads=3
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import datasette_server, serve_arguments  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "benchmarks" / "output"
METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text())
CONFIG = METADATA["databases"]["facts"]
PUBLIC_VIEWS = ["document_people", "person_titles", "meeting_participants", "figure_facts", "casualty_facts"]


def meetings_facets_url(database: str) -> str:
    parts = []
    # metadata.yml is written for facts; newsfacts serve gives a file of any name the same facets
    for facet in CONFIG["tables"]["meetings"].get("facets", []):
        if isinstance(facet, dict):
            (kind, column), = facet.items()
            parts.append(f"_facet_{kind}={quote(column)}")
        else:
            parts.append(f"_facet={quote(facet)}")
    return f"/{database}/meetings?" + "&".join(parts)


def urls(database: str) -> list[str]:
    """The URLs to load; ``database`` is the served file's stem (facts for facts.db)."""
    return ["/", meetings_facets_url(database), f"/{database}/person_dossier?name=Zarif",
            f"/{database}/casualty_facts.csv?_stream=on"]


def all_urls(database: str, db_path: Path) -> list:
    """Every other configured page: paths, and (label, [paths]) families of distinct URLs."""
    from datasette_scale import QUERY_PARAMETERS

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    out: list = [f"/{database}"]
    out += [f"/{database}/{name}" for name, table in CONFIG["tables"].items()
            if not table.get("hidden") and name in present]
    out += [f"/{database}/{name}" + (f"?{urlencode(QUERY_PARAMETERS[name])}" if name in QUERY_PARAMETERS else "")
            for name in CONFIG["queries"]]
    out += [f"/-/dashboards/{database}"]
    charts = METADATA["plugins"]["datasette-dashboards"]["facts"]["charts"]
    out += [(f"dashboard chart {name} (/{database}.json?sql=...)", f"/{database}.json?" + urlencode({"sql": chart["query"]}))
            for name, chart in charts.items()]
    out += [f"/{database}/documents/1", f"/{database}/sentences?_search=pipeline",
            f"/{database}/people?_search=Qureshi"]
    out += [f"/{database}/{name}.csv?_stream=on" for name in PUBLIC_VIEWS if name in present]
    documents = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY random() LIMIT 5000")]
    people = [row[0] for row in conn.execute("SELECT name FROM people ORDER BY random() LIMIT 5000")]
    places = [row[0] for row in conn.execute("SELECT DISTINCT place FROM meetings WHERE place IS NOT NULL")]
    conn.close()
    out += [
        ("distinct: an article page", [f"/{database}/documents/{d}" for d in documents]),
        ("distinct: one person's dossier", [f"/{database}/person_dossier?" + urlencode({"name": p}) for p in people]),
        ("distinct: the meetings at a place",
         [f"/{database}/meetings?" + urlencode({"place": p, "_sort_desc": "date", "_size": n})
          for n, p in itertools.product(range(10, 100), places)]),
    ]
    return out


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def load_one(base: str, path, connections: int, duration: float, timeout: float):
    """``path``: one path, or a list of paths requested in turn (each once while the list lasts)."""
    latencies: list[float] = []
    errors: list[str] = []
    paths = itertools.cycle([path] if isinstance(path, str) else path)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        deadline = time.perf_counter() + duration

        async def worker():
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                try:
                    response = await client.get(next(paths))
                    await response.aread()
                    ok = response.status_code == 200 and response.content
                    if not ok:
                        errors.append(f"HTTP {response.status_code}")
                except httpx.HTTPError as error:
                    errors.append(repr(error))
                    continue
                latencies.append(time.perf_counter() - start)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - started
    return latencies, errors, elapsed


def parse_variant(text: str) -> dict:
    variant = {"label": text, "threads": None, "wal": False, "cache": None}
    for token in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = token.partition("=")
        if name == "threads":
            variant["threads"] = int(value)
        elif name == "wal":
            variant["wal"] = True
        elif name == "immutable":
            variant["wal"] = False
        elif name == "cache":
            variant["cache"] = value
        else:
            raise SystemExit(f"unknown variant token {token!r} (threads=N, wal, immutable, cache=MB)")
    return variant


def wal_copy(db: Path) -> Path:
    """A copy of ``db`` in WAL mode, in the folder wal/ beside it (same file name, so the same URLs)."""
    target = db.parent / "wal" / db.name
    if target.exists() and target.stat().st_mtime >= db.stat().st_mtime:
        return target
    target.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    source, destination = sqlite3.connect(f"file:{db}?mode=ro", uri=True), sqlite3.connect(target)
    source.backup(destination)
    source.close()
    destination.execute("PRAGMA journal_mode = WAL")
    destination.close()
    return target


def build_documents(documents: int) -> Path:
    from datasette_scale import build, refresh_schema

    target = OUTPUT / f"docs{documents}" / "facts.db"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        refresh_schema(target)
    else:
        build(target, documents=documents)
    return target


def run_variant(db: Path, variant: dict, args, pages: list) -> dict:
    extra = [part for name, value in args.setting for part in ("--setting", name, value)]
    if variant["threads"] is not None:
        extra += ["--setting", "num_sql_threads", str(variant["threads"])]
    env = {} if variant["cache"] is None else {"NEWSFACTS_RESPONSE_CACHE_MB": variant["cache"]}
    served = wal_copy(db) if variant["wal"] else db
    results = {}
    with datasette_server(served, extra, immutable=False if variant["wal"] else None, env=env) as base:
        mode = "mutable (WAL)" if variant["wal"] else "as newsfacts serve"
        print(f"\nvariant {variant['label'] or 'serve settings'}: {served}, {mode}, "
              f"{' '.join(serve_arguments() + extra)}"
              + (f", NEWSFACTS_RESPONSE_CACHE_MB={variant['cache']}" if variant["cache"] is not None else ""))
        print(f"{args.connections} connections, latency in ms")
        print(f"{'url':<60} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50':>7} {'p90':>7} {'p99':>7} {'max':>7}")
        for path, duration in pages:
            label = path if isinstance(path, str) else path[0]
            target = path if isinstance(path, str) else path[1]
            latencies, errors, elapsed = asyncio.run(
                load_one(base, target, args.connections, duration, args.timeout))
            ms = [1000 * value for value in latencies] or [0.0]
            row = (len(latencies) + len(errors), len(errors), len(latencies) / elapsed,
                   percentile(ms, 0.5), percentile(ms, 0.9), percentile(ms, 0.99), max(ms))
            results[label] = row
            print(f"{label:<60} {row[0]:>8} {row[1]:>6} {row[2]:>7.1f} {row[3]:>7.1f} {row[4]:>7.1f} "
                  f"{row[5]:>7.1f} {row[6]:>7.1f}", flush=True)
            for error in sorted(set(errors))[:5]:
                print(f"    error: {error}")
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database to serve (default: built from seeds/)")
    parser.add_argument("--documents", type=int,
                        help="serve a database of this many documents, copied from a load of seeds/ and cached")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per URL (default 20)")
    parser.add_argument("--all", action="store_true", help="every configured page too (see above)")
    parser.add_argument("--all-duration", type=float, default=5.0, help="seconds per URL of --all (default 5)")
    parser.add_argument("--connections", type=int, default=20, help="concurrent connections (default 20)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    parser.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="extra datasette --setting, after the site's (repeatable)")
    parser.add_argument("--variant", action="append", default=[],
                        help="a server variant to compare: threads=N, wal, immutable, cache=MB (repeatable)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None and args.documents:
            db = build_documents(args.documents)
        if db is None:
            db = Path(folder) / "facts.db"
            subprocess.run([sys.executable, "-m", "load", "seeds", "--db", str(db), "-q"], cwd=ROOT, check=True)
        pages = [(path, args.duration) for path in urls(db.stem)]
        if args.all:
            pages += [(path, args.all_duration) for path in all_urls(db.stem, db)]
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
        print(f"serving {db}: {documents:,} documents; {os.cpu_count()} cores; client and server on this machine")
        variants = [parse_variant(text) for text in (args.variant or [""])]
        results = [run_variant(db, variant, args, pages) for variant in variants]
    total_errors = sum(row[1] for result in results for row in result.values())
    if len(variants) > 1:
        print("\np99 ms per URL and variant (errors in brackets)")
        print(f"{'url':<60} " + " ".join(f"{v['label'] or 'serve settings':>22}" for v in variants))
        for label in results[0]:
            cells = [f"{result[label][5]:.0f}" + (f" ({result[label][1]})" if result[label][1] else "")
                     for result in results]
            print(f"{label[:60]:<60} " + " ".join(f"{cell:>22}" for cell in cells))
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main())
