"""The served site: robots.txt, serving while the loader commits, and the load benchmark.

The server is a real `newsfacts serve DB` (publish/serve.py's SERVE_SETTINGS: what `make serve` runs).

What a running `newsfacts serve` (mutable: its connections are read-only, `mode=ro`) does while a
load commits to the file in WAL mode: every query reads the last committed state when it starts,
so the server shows each batch of new articles as soon as it is committed, with no restart, and
never an article without its facts and its people (a batch commits with its resolution). A page
built from several queries (a table page's row count and its rows) can straddle a commit and
show, for instance, a count one batch behind its rows; reloading it agrees. Readers never block
the loader and the loader never blocks them (WAL), so no request fails.
"""
from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from benchmarks.served import datasette_server, serve_arguments

from .conftest import ROOT
from .test_faults import check_database, make_corpus

PYTHON = sys.executable


SERVE_SETTINGS = serve_arguments()


def test_make_serve_runs_newsfacts_serve_with_the_serve_settings():
    """One place for the serve settings: publish/serve.py's SERVE_SETTINGS, which `newsfacts serve`
    applies and `make serve` runs."""
    assert "sql_time_limit_ms" in SERVE_SETTINGS and SERVE_SETTINGS.count("--setting") >= 4
    makefile = (ROOT / "Makefile").read_text()
    [recipe] = re.findall(r"^serve:.*\n\t(.*)$", makefile, re.M)
    assert recipe.startswith("$(BIN)/newsfacts serve ") and "--setting" not in recipe
    assert "SERVE_SETTINGS" not in makefile.replace("SERVE_SETTINGS in publish/serve.py", "")


# --- robots.txt ------------------------------------------------------------------------------

def test_robots_txt_disallows_everything(seeds_db):
    with datasette_server(seeds_db) as url:
        response = httpx.get(f"{url}/robots.txt")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    lines = [line.strip() for line in response.text.splitlines() if line.strip() and not line.startswith("#")]
    groups = "\n".join(lines).lower()
    assert "user-agent: *" in groups and "disallow: /" in [line.lower() for line in lines], response.text


# --- limits: a runaway query, and no way to write -------------------------------------------

RUNAWAY = ("with recursive n(i) as (select 1 union all select i + 1 from n) "
           "select count(*) from n")   # counts forever


def test_a_runaway_query_is_cut_off_and_the_server_keeps_answering(seeds_db):
    with datasette_server(seeds_db) as url, httpx.Client(timeout=60) as client:
        started = time.monotonic()
        response = client.get(f"{url}/facts.json", params={"sql": RUNAWAY})
        took = time.monotonic() - started
        assert response.status_code == 400 and "too long" in response.text.lower(), response.text[:300]
        assert took < 30   # sql_time_limit_ms 3000 (plus a busy machine's slack), not forever
        assert client.get(f"{url}/facts/documents.json?_shape=array").status_code == 200


@pytest.mark.parametrize("sql", [
    "delete from documents",
    "update documents set title = 'x'",
    "insert into skipped_files values ('a', 'b', 'c', 'd')",
    "drop table documents",
    "attach database '/tmp/other.db' as other",
    "pragma writable_schema = 1",
])
def test_served_sql_cannot_write(seeds_db, sql):
    before = seeds_db.read_bytes()
    with datasette_server(seeds_db) as url, httpx.Client(timeout=30) as client:
        response = client.get(f"{url}/facts.json", params={"sql": sql})
        assert response.status_code == 400, (sql, response.status_code)
        # Datasette 0.65 has no write API and no canned query here writes: a POST is refused
        # (0.65.5 answers a POST to a table with a 500, "You may only POST to a canned query").
        for path in ("/facts/documents", "/facts/documents/-/insert", "/facts/-/create"):
            post = client.post(url + path, json={"row": {"path": "x"}})
            assert post.status_code >= 400, (path, post.status_code)
    assert seeds_db.read_bytes() == before


# --- serving while loading -------------------------------------------------------------------

CANNED = "/facts/evidence.json?sentence_id=1&_shape=array"
SQL_COUNT = "/facts.json?sql=select+count(*)+as+n+from+documents&_shape=array"


def observe(url: str, client: httpx.Client) -> dict:
    """One round of requests; returns what each says about the database (raises on a non-200)."""
    seen = {}
    for path in ("/facts/documents.json?_size=max", SQL_COUNT, "/facts/meetings.json?_shape=array&_size=max",
                 CANNED, "/facts/documents.json?_shape=array&_size=max"):
        response = client.get(url + path)
        if response.status_code != 200:
            raise AssertionError(f"{path}: HTTP {response.status_code}: {response.text[:200]}")
        data = response.json()
        if path.startswith("/facts/documents.json?_size"):
            seen["page"] = (data["filtered_table_rows_count"], len(data["rows"]))
        elif path == SQL_COUNT:
            seen["sql"] = data[0]["n"]
        elif path.startswith("/facts/meetings"):
            seen["meetings"] = len(data)
        elif path == CANNED:
            seen["canned"] = len(data)
        else:
            seen["array"] = len(data)
    return seen


def hammer(url: str, stop: threading.Event, found: list, errors: list) -> None:
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            try:
                found.append(observe(url, client))
            except Exception as error:  # noqa: BLE001 - every failure is reported
                errors.append(repr(error))


def states(db: Path) -> dict:
    import sqlite3

    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        [documents] = connection.execute("select count(*) from documents").fetchone()
        [meetings] = connection.execute("select count(*) from meetings").fetchone()
        return {"documents": documents, "meetings": meetings}
    finally:
        connection.close()


def run_load(*args) -> None:
    result = subprocess.run([PYTHON, "-m", "load", *map(str, args), "-q"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr


UNRESOLVED = ("/facts.json?_shape=array&sql=select+count(*)+as+n+from+article_people+where+person_id+is+null"
              "+or+person_id+not+in+(select+id+from+people)")


def hammer_resolution(url: str, stop: threading.Event, found: list, errors: list) -> None:
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            try:
                response = client.get(url + UNRESOLVED)
                assert response.status_code == 200, response.text[:200]
                found.append(response.json()[0]["n"])
            except Exception as error:  # noqa: BLE001 - every failure is reported
                errors.append(repr(error))


@pytest.mark.slow
def test_the_served_database_shows_each_commit_whole_without_a_restart(tmp_path):
    """Serve a 2-article database; a load of 5 more while the server is idle shows at once; then,
    with 4 clients reading all the time, a rebuild back to 2 articles (one transaction) and a load
    of the 5 in transactions of 2: no request fails, every answer is a committed state (2, 4, 6 or 7
    documents), no article is ever seen without its people, and the server ends on the last commit."""
    small = make_corpus(tmp_path / "small", 2, tag="s")
    large = make_corpus(tmp_path / "large", 5, tag="l")
    db = tmp_path / "facts.db"
    run_load(small, "--db", db)
    old = states(db)
    found, resolution, errors = [], [], []
    with datasette_server(db) as url, httpx.Client(timeout=30) as client:
        observe(url, client)
        run_load(small, large, "--db", db)   # committed while nobody reads
        new = states(db)
        assert observe(url, client)["sql"] == new["documents"]   # no restart needed
        stop = threading.Event()
        clients = [threading.Thread(target=hammer, args=(url, stop, found, errors)) for _ in range(3)]
        clients.append(threading.Thread(target=hammer_resolution, args=(url, stop, resolution, errors)))
        for thread in clients:
            thread.start()
        try:
            time.sleep(1.0)
            run_load(small, "--db", db, "--rebuild")
            assert states(db) == old
            run_load(small, large, "--db", db, "--commit-every", "2")
            assert states(db) == new
            time.sleep(1.0)   # keep reading after the last commit
        finally:
            stop.set()
            for thread in clients:
                thread.join(timeout=60)
        last = observe(url, client)
    assert errors == []
    assert len(found) >= 20 and len(resolution) >= 20, (len(found), len(resolution))
    committed = {2, 4, 6, 7}
    for seen in found:
        assert seen["sql"] in committed and seen["array"] in committed and set(seen["page"]) <= committed, seen
        assert seen["canned"] == 1, seen   # sentence 1 exists in every state
    assert set(resolution) == {0}
    assert {seen["sql"] for seen in found} >= {2, 7}
    assert last["sql"] == new["documents"] and last["page"] == (new["documents"],) * 2
    assert last["meetings"] == new["meetings"]
    assert check_database(db) == new["documents"]


# --- the load benchmark ----------------------------------------------------------------------

def test_serve_load_benchmark_runs_and_reports(seeds_db):
    result = subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "serve_load.py"), "--db", str(seeds_db), "--duration", "1",
         "--connections", "3"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("/")]
    assert [line.split()[0].split("?")[0] for line in lines] == [
        "/", "/facts/meetings", "/facts/person_dossier", "/facts/casualty_facts.csv"], result.stdout
    for line in lines:
        fields = line.split()
        requests, errors = int(fields[1]), int(fields[2])
        assert requests > 0 and errors == 0, line
        assert all(float(value) >= 0 for value in fields[3:]), line
    assert {"requests", "errors", "req/s", "p50", "p90", "p99", "max"} <= set(result.stdout.split())


def test_serve_load_compares_server_variants(seeds_db, tmp_path):
    """--variant serves the same database with other settings, back to back: here a WAL copy served
    mutable with 2 SQL threads, and the response cache off; a p99 summary closes the run."""
    import shutil

    db = tmp_path / "facts.db"
    shutil.copyfile(seeds_db, db)
    result = subprocess.run(
        [PYTHON, str(ROOT / "benchmarks" / "serve_load.py"), "--db", str(db), "--duration", "0.5",
         "--connections", "2", "--variant", "wal,threads=2", "--variant", "cache=0"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mutable (WAL)" in result.stdout and "NEWSFACTS_RESPONSE_CACHE_MB=0" in result.stdout
    summary = result.stdout.split("p99 ms per URL and variant")[1].splitlines()
    assert "wal,threads=2" in summary[1] and "cache=0" in summary[1]
    assert len([line for line in summary if line.startswith("/")]) == 4
    import sqlite3

    conn = sqlite3.connect(tmp_path / "wal" / "facts.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
