"""Bounded load test of the served site on 127.0.0.1.

Starts `datasette serve DB -m metadata.yml` with the Makefile's SERVE_SETTINGS on a free port
(DB built from seeds/ into a temporary folder when --db is not given), then, one URL after the
other, keeps --connections concurrent clients (asyncio + httpx) requesting that URL for
--duration seconds:

- the home page `/`
- a faceted meetings page (the facets metadata.yml configures for meetings)
- a canned query with a parameter (`person_dossier?name=Zarif`)
- a CSV stream (`casualty_facts.csv?_stream=on`)

Prints per URL: requests, errors, req/s and latency p50/p90/p99/max in milliseconds. A response
that is not 200, a transport error or a timeout counts as an error; exit status 1 if any.

    .venv/bin/python benchmarks/serve_load.py                       # 20 connections, 20 s per URL
    .venv/bin/python benchmarks/serve_load.py --duration 10 --db facts.db
"""
from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import datasette_server, serve_arguments  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def meetings_facets_url(database: str) -> str:
    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    parts = []
    # metadata.yml configures the database named facts; a file of another name gets the same facets
    for facet in metadata["databases"]["facts"]["tables"]["meetings"].get("facets", []):
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


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


async def load_one(base: str, path: str, connections: int, duration: float, timeout: float):
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=timeout) as client:
        deadline = time.perf_counter() + duration

        async def worker():
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                try:
                    response = await client.get(path)
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database to serve (default: built from seeds/)")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per URL (default 20)")
    parser.add_argument("--connections", type=int, default=20, help="concurrent connections (default 20)")
    parser.add_argument("--timeout", type=float, default=30.0, help="per-request timeout in seconds")
    parser.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="extra datasette --setting, after the Makefile's (repeatable)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            db = Path(folder) / "facts.db"
            subprocess.run([sys.executable, "-m", "load", "seeds", "--db", str(db), "-q"], cwd=ROOT, check=True)
        elif db.stem != "facts":
            # metadata.yml (canned queries, facets) configures the database named facts
            link = Path(folder) / "facts.db"
            link.symlink_to(db.resolve())
            db = link
        extra = [part for name, value in args.setting for part in ("--setting", name, value)]
        with datasette_server(db, extra) as base:
            print(f"datasette serve {db} {' '.join(serve_arguments() + extra)}")
            print(f"{args.connections} connections, {args.duration:g} s per URL, latency in ms")
            print(f"{'url':<60} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50':>7} {'p90':>7} {'p99':>7} {'max':>7}")
            total_errors = 0
            for path in urls("facts"):
                latencies, errors, elapsed = asyncio.run(
                    load_one(base, path, args.connections, args.duration, args.timeout))
                total_errors += len(errors)
                ms = [1000 * value for value in latencies] or [0.0]
                print(f"{path:<60} {len(latencies) + len(errors):>8} {len(errors):>6} "
                      f"{len(latencies) / elapsed:>7.1f} {percentile(ms, 0.5):>7.1f} {percentile(ms, 0.9):>7.1f} "
                      f"{percentile(ms, 0.99):>7.1f} {max(ms):>7.1f}")
                for error in sorted(set(errors))[:5]:
                    print(f"    error: {error}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main())
