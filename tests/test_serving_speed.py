"""What keeps the site fast under traffic (issue 17): the response cache, CSV exports in pages
of max_returned_rows, the stored views, and the metadata handed to Datasette without copies.

The load itself is measured by benchmarks/serve_load.py (`make bench`); these tests check that
each mechanism does what it says and never serves a wrong answer.
"""
from __future__ import annotations

import asyncio
import copy
import csv
import io
import re
import shutil
import sqlite3

import httpx
import pytest

from load.stored_views import LIVE, STORED_VIEWS, store
from publish import cache, csv_stream
from publish.config import site_metadata
from publish.serve import make_datasette

from .conftest import ROOT


# --- the response cache, on a plain ASGI app ---------------------------------------------------

class CountingApp:
    """An ASGI app that answers ``body`` (after a pause) and counts its calls."""

    def __init__(self, status=200, headers=(), chunks=(b"hello",), pause=0.05):
        self.calls = 0
        self.status, self.headers, self.chunks, self.pause = status, list(headers), list(chunks), pause

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await asyncio.sleep(self.pause)
        await send({"type": "http.response.start", "status": self.status,
                    "headers": [(b"content-type", b"text/plain"), *self.headers]})
        for i, chunk in enumerate(self.chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": i < len(self.chunks) - 1})


class FakeDatabase:
    def __init__(self, path, mutable):
        self.path, self.is_mutable, self.is_memory = str(path), mutable, False


class FakeDatasette:
    def __init__(self, databases):
        self.databases = databases


def cached_client(app, databases=None, max_bytes=1 << 20):
    middleware = cache.ResponseCache(app, FakeDatasette(databases or {}), max_bytes)
    return middleware, httpx.AsyncClient(transport=httpx.ASGITransport(app=middleware), base_url="http://test")


def run(coroutine):
    return asyncio.run(coroutine)


def test_identical_requests_are_answered_once_even_when_they_arrive_together():
    app = CountingApp()
    middleware, client = cached_client(app)

    async def scenario():
        async with client:
            together = await asyncio.gather(*(client.get("/facts/meetings?_sort=date") for _ in range(10)))
            later = await client.get("/facts/meetings?_sort=date")
            other = await client.get("/facts/meetings?_sort=place")
        return together, later, other

    together, later, other = run(scenario())
    assert all(r.status_code == 200 and r.content == b"hello" for r in [*together, later, other])
    assert app.calls == 2   # one per distinct URL
    assert middleware.hits == 10 and middleware.misses == 2


@pytest.mark.parametrize("case", ["cookie", "trace", "threads", "error", "set-cookie", "private", "post"])
def test_what_is_never_cached(case):
    headers = {}
    path = "/facts/meetings"
    app = CountingApp()
    if case == "cookie":
        headers = {"cookie": "ds_actor=someone"}
    elif case == "trace":
        path = "/facts/meetings?_trace=1"
    elif case == "threads":
        path = "/-/threads"
    elif case == "error":
        app = CountingApp(status=500)
    elif case == "set-cookie":
        app = CountingApp(headers=[(b"set-cookie", b"ds_csrftoken=abc")])
    elif case == "private":
        app = CountingApp(headers=[(b"cache-control", b"private, no-store")])
    _, client = cached_client(app)

    async def scenario():
        async with client:
            for _ in range(3):
                if case == "post":
                    await client.post(path, content=b"x")
                else:
                    await client.get(path, headers=headers)

    run(scenario())
    assert app.calls == 3, case


def test_a_long_answer_is_passed_on_whole_but_not_kept():
    app = CountingApp(chunks=[b"0123456789", b"abcdef"])
    middleware, client = cached_client(app, max_bytes=4 * 12)   # the longest kept: 12 bytes

    async def scenario():
        async with client:
            return [await client.get("/facts/meetings.csv") for _ in range(2)]

    responses = run(scenario())
    assert [r.content for r in responses] == [b"0123456789abcdef"] * 2 and app.calls == 2
    assert not middleware.entries

    async def together():   # those waiting for it start their own once it is known to be too long
        app.calls = 0
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=middleware), base_url="http://test") as c:
            return await asyncio.gather(*(c.get("/facts/meetings.csv?_stream=on") for _ in range(3)))

    assert [r.content for r in run(together())] == [b"0123456789abcdef"] * 3 and app.calls == 3
    assert not middleware.pending


def test_the_least_recently_used_answers_go_first():
    app = CountingApp(chunks=[b"x" * 1000])
    middleware, client = cached_client(app, max_bytes=4000)   # three answers of 1,000 bytes and headers

    async def scenario():
        async with client:
            for path in ("/a", "/b", "/a", "/c", "/d", "/a"):
                await client.get(path)

    run(scenario())
    assert middleware.bytes <= 4000
    assert app.calls == 4   # /a stayed (used again), /b was dropped for /c and /d


def test_a_commit_to_a_database_served_mutable_changes_the_key(tmp_path):
    db = tmp_path / "facts.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    app = CountingApp()
    _, client = cached_client(app, {"facts": FakeDatabase(db, mutable=True)})

    async def get():
        async with httpx.AsyncClient(transport=client._transport, base_url="http://test") as c:
            return await c.get("/facts/t")

    run(get())
    run(get())
    assert app.calls == 1
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    run(get())
    assert app.calls == 2
    conn.close()


def test_the_cache_size_comes_from_the_serve_settings_and_the_environment(monkeypatch):
    from publish.serve import SERVE_SETTINGS

    monkeypatch.delenv("NEWSFACTS_RESPONSE_CACHE_MB", raising=False)
    assert cache.configured_bytes() == SERVE_SETTINGS["response_cache_mb"] * 1024 * 1024 > 0
    monkeypatch.setenv("NEWSFACTS_RESPONSE_CACHE_MB", "0")
    assert cache.configured_bytes() == 0 and cache.wrap(object()) is None


# --- the cache in the site ---------------------------------------------------------------------

def test_the_site_serves_a_wal_database_mutable_with_every_commit_visible(seeds_db, tmp_path):
    """Served mutable (as once loads commit in place), a cached page never outlives a commit."""
    db = tmp_path / "facts.db"
    shutil.copyfile(seeds_db, db)
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode = WAL")
    from datasette.app import Datasette

    from publish.serve import SERVE_SETTINGS, TEMPLATES

    ds = Datasette([str(db)], settings=SERVE_SETTINGS["settings"], template_dir=str(TEMPLATES))

    async def title():
        response = await ds.client.get("/facts/documents/1.json?_shape=array")
        assert response.status_code == 200
        return response.json()[0]["title"]

    async def scenario():
        first = await title()
        assert await title() == first
        writer.execute("UPDATE documents SET title = 'A new headline' WHERE id = 1")
        writer.commit()
        return first, await title()

    first, after = run(scenario())
    writer.close()
    assert first != "A new headline" and after == "A new headline"


TIMING = re.compile(r"Queries took [0-9.]+ms")   # the one part of a page that differs from run to run


def test_the_site_answers_the_same_with_and_without_the_cache(seeds_db, monkeypatch):
    paths = ["/", "/facts/meetings", "/facts/person_dossier?name=Zarif", "/facts/documents/1",
             "/facts/casualty_facts.csv?_stream=on", "/facts/meeting_participants.json?_shape=array"]

    def answers():
        ds = make_datasette([seeds_db])

        async def scenario():
            return [[(r.status_code, TIMING.sub("", r.text)) for r in [await ds.client.get(p) for p in paths]] for _ in range(2)]

        return run(scenario())

    cached = answers()
    monkeypatch.setenv("NEWSFACTS_RESPONSE_CACHE_MB", "0")
    uncached = answers()
    for before, after, other, path in zip(cached[0], cached[1], uncached[0], paths):
        assert before == after == other, path
    assert all(status == 200 for status, _ in cached[0])


# --- CSV exports -------------------------------------------------------------------------------

def test_a_csv_stream_reads_pages_of_max_returned_rows():
    scope = {"type": "http", "path": "/facts/sentences.csv", "query_string": b"_stream=on"}
    assert csv_stream.needs_size(scope)
    assert not csv_stream.needs_size({**scope, "query_string": b"_stream=on&_size=50"})
    assert not csv_stream.needs_size({**scope, "path": "/facts/sentences.json"})
    assert not csv_stream.needs_size({**scope, "query_string": b""})


def test_a_csv_stream_of_a_stored_view_has_every_row_once(seeds_db):
    ds = make_datasette([seeds_db], settings={"max_returned_rows": 7})
    conn = sqlite3.connect(f"file:{seeds_db}?mode=ro", uri=True)
    expected = conn.execute("SELECT count(*) FROM meeting_participants").fetchone()[0]
    conn.close()
    assert expected > 7

    async def scenario():
        return await ds.client.get("/facts/meeting_participants.csv?_stream=on")

    response = run(scenario())
    rows = list(csv.reader(io.StringIO(response.text)))
    assert response.status_code == 200 and rows[0][:2] == ["rowid", "meeting_id"]
    assert len(rows) - 1 == expected and len({tuple(r) for r in rows[1:]}) == expected


# --- stored views ------------------------------------------------------------------------------

def test_stored_views_are_indexed_tables_with_the_rows_of_their_definitions(seeds_db):
    conn = sqlite3.connect(f"file:{seeds_db}?mode=ro", uri=True)
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    for name, indexes in STORED_VIEWS.items():
        assert kinds[name] == "table" and kinds[name + LIVE] == "view"
        stored = sorted(conn.execute(f"SELECT * FROM [{name}]"), key=repr)
        live = sorted(conn.execute(f"SELECT * FROM [{name}{LIVE}]"), key=repr)
        assert stored == live and stored, name
        indexed = {tuple(row[2] for row in conn.execute(f"PRAGMA index_info([{index}])"))
                   for _, index, *_ in conn.execute(f"PRAGMA index_list([{name}])")}
        assert set(indexes) <= indexed, name
    conn.close()


def test_an_older_database_with_views_gets_stored_views(seeds_db, tmp_path):
    db = tmp_path / "old.db"
    shutil.copyfile(seeds_db, db)
    conn = sqlite3.connect(db)
    for name in STORED_VIEWS:   # as a database written before the stored views had them
        conn.execute(f"DROP TABLE [{name}]")
        conn.execute(f"CREATE VIEW [{name}] AS SELECT * FROM [{name}{LIVE}]")
    conn.executescript((ROOT / "schema.sql").read_text())   # what the next load applies first
    store(conn)
    conn.commit()
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    assert all(kinds[name] == "table" for name in STORED_VIEWS)
    assert conn.execute("SELECT count(*) FROM meeting_participants").fetchone()[0] > 0
    conn.close()


def test_every_load_rewrites_the_stored_views(tmp_path):
    """A second load (more articles into the same file) brings its rows to the stored views."""
    from load import pipeline

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    db = tmp_path / "facts.db"
    pipeline.run([seeds[0]], db)
    pipeline.run(seeds[:3], db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    for name in STORED_VIEWS:
        stored = sorted(conn.execute(f"SELECT * FROM [{name}]"), key=repr)
        assert stored == sorted(conn.execute(f"SELECT * FROM [{name}{LIVE}]"), key=repr), name
    assert len({row[0] for row in conn.execute("SELECT document FROM document_people")}) == 3
    conn.close()


def _stored_differs(conn) -> dict:
    return {name: conn.execute(f"SELECT count(*) FROM (SELECT * FROM [{name}] EXCEPT SELECT * FROM [{name}{LIVE}] "
                               f"UNION ALL SELECT * FROM [{name}{LIVE}] EXCEPT SELECT * FROM [{name}])").fetchone()[0]
            for name in STORED_VIEWS}


def test_a_refresh_rewrites_the_rows_of_what_was_written_and_only_those(seeds_db, tmp_path):
    """Writes that change a view's rows through each table it reads: a person renamed (people
    alone), an article moved (documents alone), a title's post, a meeting's place, a report
    taken out of its meeting. After ``refresh`` each stored view equals its definition, and
    rows nothing touched were not rewritten (their rowids stay)."""
    from load import stored_views

    db = tmp_path / "facts.db"
    shutil.copyfile(seeds_db, db)
    conn = sqlite3.connect(db)
    untouched_before = conn.execute("SELECT rowid, * FROM document_people WHERE document_id <> 1 "
                                    "ORDER BY rowid").fetchall()
    stored_views.track(conn)
    person = conn.execute("SELECT person_id FROM meeting_participants LIMIT 1").fetchone()[0]
    conn.execute("UPDATE people SET name = 'Renamed Person', country = 'Nowhere' WHERE id = ?", [person])
    conn.execute("UPDATE documents SET path = 'moved/' || path WHERE id = 1")
    conn.execute("UPDATE titles SET post = 'Changed Post' WHERE id = (SELECT min(id) FROM titles "
                 "WHERE is_description = 0)")
    conn.execute("UPDATE meetings SET place = 'Elsewhere' WHERE id = (SELECT max(id) FROM meetings)")
    conn.execute("UPDATE meeting_reports SET meeting_id = NULL WHERE id = (SELECT min(id) FROM meeting_reports "
                 "WHERE meeting_id IS NOT NULL)")
    assert any(_stored_differs(conn).values())
    stored_views.refresh(conn)
    assert _stored_differs(conn) == {name: 0 for name in STORED_VIEWS}
    assert conn.execute("SELECT count(*) FROM meeting_participants WHERE person = 'Renamed Person'").fetchone()[0]
    untouched_after = conn.execute("SELECT rowid, * FROM document_people WHERE document_id <> 1 "
                                   "AND person_id <> ? ORDER BY rowid", [person]).fetchall()
    assert untouched_after and set(untouched_after) <= set(untouched_before)
    conn.close()


def test_a_row_whose_other_columns_change_is_updated_in_place(seeds_db, tmp_path):
    """One more article reporting a meeting changes its ``sources`` in every participant row:
    those rows are updated where they are (same rowids), not deleted and inserted again, which
    rewrote every index of the table for a meeting a hundred articles report."""
    from load import stored_views

    db = tmp_path / "facts.db"
    shutil.copyfile(seeds_db, db)
    conn = sqlite3.connect(db)
    meeting = conn.execute("SELECT meeting_id FROM meeting_participants GROUP BY meeting_id "
                           "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    before = conn.execute("SELECT rowid, sources, person, document FROM meeting_participants WHERE meeting_id = ? "
                          "ORDER BY rowid", [meeting]).fetchall()
    stored_views.track(conn)
    conn.execute("UPDATE meetings SET sources = sources + 1 WHERE id = ?", [meeting])
    stored_views.refresh(conn)
    after = conn.execute("SELECT rowid, sources, person, document FROM meeting_participants WHERE meeting_id = ? "
                         "ORDER BY rowid", [meeting]).fetchall()
    assert len(before) >= 2
    assert after == [(rowid, sources + 1, person, document) for rowid, sources, person, document in before]
    assert _stored_differs(conn) == {name: 0 for name in STORED_VIEWS}
    conn.close()


def test_a_refresh_reads_each_key_through_indexes(seeds_db):
    """One query per key, each an index read: a scan of a table here would make every load cost
    the size of the database (issue 16)."""
    from load.stored_views import KEYED_BY

    conn = sqlite3.connect(f"file:{seeds_db}?mode=ro", uri=True)
    for name, column in KEYED_BY.items():
        condition, values = f"{column} = ?", [1]
        for sql in (f"SELECT * FROM [{name}{LIVE}] WHERE {condition}", f"SELECT rowid, * FROM [{name}] WHERE {condition}"):
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", values)]
            scans = [step for step in plan if step.startswith("SCAN") and step != f"SCAN {name}{LIVE}"]
            assert scans == [], (name, plan)
    conn.close()


# --- the metadata, shared -------------------------------------------------------------------------

def contains(big, small) -> bool:
    """Every key of ``small`` is in ``big`` with the same value (dicts compared key by key)."""
    if isinstance(big, dict) and isinstance(small, dict):
        return all(key in big and contains(big[key], value) for key, value in small.items())
    return big == small


def test_serving_keeps_the_shared_metadata_as_written(seeds_db):
    """Datasette deep-copies the metadata for each permission check; the site hands it one object
    that copies to itself. Serving pages leaves every value of metadata.yml as it is (Datasette only
    adds, in place and the same each time, the license and source each table inherits and the
    names of the canned queries, as it did before)."""
    from publish import hooks

    ds = make_datasette([seeds_db])
    paths = ("/", "/facts", "/facts/meetings", "/facts/people?_facet=rank", "/facts/person_dossier?name=Zarif",
             "/-/dashboards/facts", "/facts/documents/1", "/-/metadata.json")

    async def scenario():
        for path in paths:
            assert (await ds.client.get(path)).status_code == 200, path

    run(scenario())
    shared = hooks._METADATA[("facts",)]
    assert copy.deepcopy(shared) is shared
    once = copy.deepcopy(dict(shared))
    run(scenario())
    assert dict(shared) == once
    assert contains(shared, site_metadata(("facts",)))


# --- array facets ---------------------------------------------------------------------------------

DATASETTE_ARRAY_FACET = ("with inner as ({sql}), deduped_array_items as (select distinct j.value, inner.* "
                         "from json_each([inner].[{column}]) j join inner) select value as value, count(*) as count "
                         "from deduped_array_items group by value order by count(*) desc, value limit 31")


@pytest.mark.parametrize("table, column", [("meetings", "participants"), ("people", "titles"), ("meetings", "topics")])
def test_array_facets_count_what_datasettes_own_query_counts(seeds_db, table, column):
    from publish.facets import array_facet_sql

    conn = sqlite3.connect(f"file:{seeds_db}?mode=ro", uri=True)
    sql = f"select * from [{table}]"
    ours = conn.execute(array_facet_sql(sql, column, 31)).fetchall()
    theirs = conn.execute(DATASETTE_ARRAY_FACET.format(sql=sql, column=column)).fetchall()
    conn.close()
    assert ours == theirs and ours


def test_a_value_repeated_in_one_list_counts_that_row_once():
    from publish.facets import array_facet_sql

    conn = sqlite3.connect(":memory:")
    conn.execute("create table t (id integer primary key, tags text)")
    conn.executemany("insert into t (tags) values (?)", [('["a", "a", "b"]',), ('["a"]',), (None,)])
    assert conn.execute(array_facet_sql("select * from t", "tags", 31)).fetchall() == [("a", 2), ("b", 1)]


def test_the_site_counts_array_facets_with_its_own_query(seeds_db):
    ds = make_datasette([seeds_db])

    async def scenario():
        return (await ds.client.get("/facts/meetings.json?_facet_array=topics")).json()

    data = run(scenario())
    facet = data["facet_results"]["participants"]
    assert facet["type"] == "array" and facet["results"] and not facet["hideable"]
    assert data["facet_results"]["topics"]["hideable"]
    first = facet["results"][0]
    assert first["toggle_url"].endswith("participants__arraycontains=" + first["value"].replace(" ", "+"))


# --- labels read in one query per list ------------------------------------------------------------

def test_labels_of_a_list_are_read_at_once_and_agree_with_one_at_a_time(seeds_db):
    from publish.labels import labels_for

    ds = make_datasette([seeds_db])
    queries = []

    async def scenario():
        labels = labels_for(ds, "facts")
        db = labels.db
        original = db.execute

        async def counting(sql, *args, **kwargs):
            queries.append(sql)
            return await original(sql, *args, **kwargs)

        db.execute = counting
        many = await labels.get_many("sentences", [3, 1, 2, 99999, 1])
        after = len(queries)
        labels.cache.clear()
        one_by_one = {key: await labels.get("sentences", key) for key in (3, 1, 2, 99999)}
        return many, after, one_by_one

    many, after, one_by_one = run(scenario())
    assert after == 1 and many == one_by_one
    assert many[99999] is None and many[1][0] == 1 and len(many[1][1]) > 10
