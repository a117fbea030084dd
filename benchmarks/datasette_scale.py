"""Datasette response times on a database with at least 1,000,000 fact rows (issue #8).

    .venv/bin/python benchmarks/datasette_scale.py [--cache DIR] [--fact-rows 1000000]
                                                   [--repeat 3] [--rebuild] [--no-schema]
                                                   [--only TEXT] [--setting NAME VALUE]

1. Builds the database once and caches it as ``DIR/facts.db`` (default: a ``newsfacts-scale``
   folder in the temp dir; a rerun reuses it, ``--rebuild`` remakes it): loads ``seeds/``
   with the real loader, then copies every row N times with ``INSERT ... SELECT`` and offset
   ids, so foreign keys stay consistent. Each copy varies what facets count: names get the
   copy number ("Javad Zarif 17"), places and perpetrators one of 100 suffixes, outlets one
   of 20, dates shift by up to ten years (by days, months or years, keeping each date's
   precision), figures and counts scale a little. Then it rebuilds the full-text indexes,
   applies ``schema.sql`` (so indexes added there since the cache was built are created),
   writes the stored views (load/stored_views.py), runs ANALYZE and ``PRAGMA
   foreign_key_check``. "Fact rows" are the rows of the fact tables (people, aliases, article
   people, mentions, titles, meetings, reports and their participants, figures, incidents,
   casualty counts, places), not documents or sentences.
   ``--no-schema`` skips re-applying schema.sql to a cached database (to time an old one).
2. Serves it in process exactly as ``newsfacts serve`` does (publish.serve.make_datasette: the
   site plugin and SERVE_SETTINGS: sql_time_limit_ms 3000, facet_time_limit_ms 500 ...) and
   times the home and database pages, every table and view of metadata.yml with its
   configured facets (HTML), the default and configured sorts, a faceted and filtered
   meetings page, every canned query with parameters, and CSV streams (``_stream=on``).

Prints first each configured facet's GROUP BY and each sort's first and middle (keyset)
page, run directly in SQLite (``SLOW`` over 100 ms; these are the queries that
facet_time_limit_ms and sql_time_limit_ms bound), then one line per page: median and max
milliseconds over ``--repeat`` requests (a request over 5 s is not repeated), the median
CPU milliseconds of the process (Datasette runs its SQL in threads of this process; CPU
time is steadier than wall time on a busy machine), the facets Datasette reported as timed
out (``facets_timed_out`` of the page's JSON), the number of rows (the table's filtered
count, the query's rows or the CSV's lines) and ``SLOW`` for a median over 1000 ms.
"""
from __future__ import annotations

import argparse
import asyncio
import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import SERVE_SETTINGS, serve_settings  # noqa: E402

from load.resolve import index_people  # noqa: E402
from load.stored_views import STORED_VIEWS, store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text())
CONFIG = METADATA["databases"]["facts"]


SETTINGS = serve_settings()
FACT_TABLES = ["people", "person_aliases", "article_people", "person_mentions", "titles", "meetings",
               "meeting_reports", "meeting_report_participants", "figures", "incidents",
               "casualty_counts", "places"]
SLOW_MS = 1000

# Worst-case parameters: each matches the term in every copy of the seeds.
QUERY_PARAMETERS = {
    "person_dossier": {"name": "Zarif"},
    "evidence": {"sentence_id": "1"},
    "meetings_between_countries": {"country_a": "Iran", "country_b": "pakistan"},
    "figures_about": {"topic": "pipeline"},
}


# -- building -------------------------------------------------------------------------

def shift_date(value, precision, n):
    """The date moved back by n days (day precision), n months (month) or n years (year) modulo ten years."""
    if value is None:
        return None
    d = date.fromisoformat(value)
    if precision == "year":
        return d.replace(year=d.year - n % 10).isoformat()
    if precision == "month":
        months = d.year * 12 + d.month - 1 - n % 120
        return date(months // 12, months % 12 + 1, 1).isoformat()
    return (d - timedelta(days=n % 3650)).isoformat()


def suffix(value, n, modulo):
    """value for copies n = 0 mod modulo, else value with a number: modulo spellings in all."""
    if value is None or n % modulo == 0:
        return value
    return f"{value} {n % modulo}"


def columns(conn, table) -> list[str]:
    # table_xinfo hidden 2/3 = generated columns, which cannot be inserted
    return [row[1] for row in conn.execute(f"PRAGMA table_xinfo([{table}])") if row[6] == 0]


def copy_table(conn, table, overrides: dict[str, str], copies: int) -> None:
    """INSERT ... SELECT every base row once per copy n (1..copies-1), with column overrides (SQL over t and n)."""
    cols = columns(conn, table)
    select = ", ".join(overrides.get(c, f't."{c}"') for c in cols)
    names = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"INSERT INTO [{table}] ({names}) SELECT {select} FROM base.[{table}] t, copies "
                 f"WHERE n BETWEEN 1 AND {copies - 1} ORDER BY n, t.rowid")  # ids ascending: appends


def build(target: Path, fact_rows: int = 0, documents: int = 0) -> None:
    """Build ``target`` with at least ``fact_rows`` fact rows, or at least ``documents`` documents."""
    work = target.parent / f"{target.stem}.seeds.db"
    work.unlink(missing_ok=True)
    started = time.perf_counter()
    loaded = subprocess.run([sys.executable, "-m", "load", "seeds", "--db", str(work), "--rebuild"],
                            cwd=ROOT, capture_output=True, text=True)
    if loaded.returncode != 0:
        raise SystemExit(f"loading seeds/ failed:\n{loaded.stdout}{loaded.stderr}")
    base = sqlite3.connect(work)
    # places get at most 100 spellings each, so they do not grow with the copies
    per_copy = sum(base.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in FACT_TABLES if t != "places")
    base_documents = base.execute("SELECT count(*) FROM documents").fetchone()[0]
    copies = max(math.ceil(fact_rows / per_copy), math.ceil(documents / base_documents), 1)
    stride = {t: base.execute(f"SELECT coalesce(max(id), 0) + 1 FROM [{t}]").fetchone()[0]
              for t in ("documents", "sentences", "people", "article_people", "person_mentions", "titles",
                        "meetings", "meeting_reports", "figures", "incidents", "casualty_counts")}
    base.close()
    print(f"seeds: {per_copy} fact rows besides places; {copies} copies", file=sys.stderr)

    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    shutil.copyfile(work, partial)
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.create_function("shift_date", 3, shift_date, deterministic=True)
    conn.create_function("suffix", 3, suffix, deterministic=True)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute(f"ATTACH DATABASE 'file:{work}?mode=ro' AS base")
    conn.execute("BEGIN")
    conn.execute("CREATE TEMP TABLE copies (n INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO copies VALUES (?)", [(n,) for n in range(copies)])
    # The full-text indexes are rebuilt once at the end instead of row by row.
    for trigger in ("sentences_ai", "sentences_ad", "sentences_au", "documents_ai", "documents_ad", "documents_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")

    def off(table, column="id"):
        return f"t.{column} + n * {stride[table]}"

    def shifted(column, precision):
        return f"shift_date(t.{column}, t.{precision}, n)"

    def names_json(column):  # a JSON list of names, each with the copy's suffix
        return (f"CASE WHEN t.{column} IS NULL THEN NULL ELSE (SELECT json_group_array(value || ' ' || n) "
                f"FROM json_each(t.{column})) END")

    copy_table(conn, "documents", {
        "id": off("documents"), "path": "'copy' || n || '/' || t.path",
        "sha256": "substr(t.sha256, 1, 56) || printf('%08x', n)",
        "title": "t.title || ' (' || n || ')'", "outlet": "suffix(t.outlet, n, 20)",
        "published": shifted("published", "published_precision"),
    }, copies)
    copy_table(conn, "sentences", {"id": off("sentences"), "document_id": off("documents", "document_id")}, copies)
    copy_table(conn, "people", {"id": off("people"), "name": "t.name || ' ' || n"}, copies)
    copy_table(conn, "person_aliases", {"person_id": off("people", "person_id"), "alias": "t.alias || ' ' || n"},
               copies)
    copy_table(conn, "article_people", {
        "id": off("article_people"), "document_id": off("documents", "document_id"),
        "person_id": off("people", "person_id"), "name": "t.name || ' ' || n"}, copies)
    common = {"document_id": off("documents", "document_id"), "sentence_id": off("sentences", "sentence_id")}
    copy_table(conn, "person_mentions", {
        "id": off("person_mentions"), "article_person_id": off("article_people", "article_person_id"), **common},
        copies)
    copy_table(conn, "titles", {
        "id": off("titles"), "article_person_id": off("article_people", "article_person_id"), **common,
        "as_of": shifted("as_of", "as_of_precision")}, copies)
    copy_table(conn, "meetings", {
        "id": off("meetings"), "date": shifted("date", "date_precision"), "place": "suffix(t.place, n, 100)",
        "participants": names_json("participants")}, copies)
    copy_table(conn, "meeting_reports", {
        "id": off("meeting_reports"), **common, "date": shifted("date", "date_precision"),
        "place": "suffix(t.place, n, 100)", "meeting_id": off("meetings", "meeting_id")}, copies)
    copy_table(conn, "meeting_report_participants", {
        "meeting_report_id": off("meeting_reports", "meeting_report_id"),
        "article_person_id": off("article_people", "article_person_id")}, copies)
    scale = "(1 + (n % 100) / 100.0)"
    copy_table(conn, "figures", {
        "id": off("figures"), **common, "value": f"t.value * {scale}",
        "canonical_value": f"t.canonical_value * {scale}", "subject": "suffix(t.subject, n, 50)"}, copies)
    copy_table(conn, "incidents", {
        "id": off("incidents"), **common, "date": shifted("date", "date_precision"),
        "sentences": f"(SELECT json_group_array(value + n * {stride['sentences']}) FROM json_each(t.sentences))",
        "place": "suffix(t.place, n, 100)", "perpetrator": "suffix(t.perpetrator, n, 100)"}, copies)
    copy_table(conn, "casualty_counts", {
        "id": off("casualty_counts"), "incident_id": off("incidents", "incident_id"), **common,
        "count": "t.count + n % 10", "low": "t.low + n % 10", "high": "t.high + n % 10",
        "date": shifted("date", "date_precision")}, copies)
    # places: every spelling a meeting or incident uses
    conn.execute("INSERT OR IGNORE INTO places (name, latitude, longitude, geonames_id, kind) "
                 "SELECT suffix(t.name, n, 100), t.latitude, t.longitude, t.geonames_id, t.kind "
                 "FROM base.places t, copies WHERE n BETWEEN 1 AND 99 ORDER BY n, t.name")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE base")
    conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
    index_people(conn)   # people_fts, as the resolution step writes it
    conn.executescript((ROOT / "schema.sql").read_text())  # the triggers again (and any new index)
    store(conn)   # the stored views, as the resolution step writes them
    problems = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    if problems:
        raise SystemExit(f"foreign key check failed: {problems}")
    conn.execute("ANALYZE")
    conn.close()
    os.replace(partial, target)
    work.unlink(missing_ok=True)
    print(f"built {target} ({target.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


def refresh_schema(target: Path) -> None:
    """Apply schema.sql (CREATE INDEX IF NOT EXISTS ...) to a cached database; ANALYZE when it changed."""
    conn = sqlite3.connect(target, isolation_level=None)
    before = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'").fetchone()[0]
    started = time.perf_counter()
    conn.executescript((ROOT / "schema.sql").read_text())
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not set(STORED_VIEWS) <= tables:   # built before the stored views
        store(conn)
    after = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'").fetchone()[0]
    if after != before:
        conn.execute("ANALYZE")
        print(f"schema.sql: {after - before} new indexes in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
    conn.close()


def census(target: Path) -> str:
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in FACT_TABLES}
    other = {t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in ("documents", "sentences")}
    conn.close()
    parts = ", ".join(f"{t} {c:,}" for t, c in {**counts, **other}.items())
    return f"{sum(counts.values()):,} fact rows ({parts})"


# -- timing ---------------------------------------------------------------------------

def facet_query(facet) -> str:
    if isinstance(facet, dict):
        (kind, column), = facet.items()
        return f"_facet_{kind}={urllib.parse.quote(column)}"
    return f"_facet={urllib.parse.quote(facet)}"


def relations(conn) -> set[str]:
    return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def pages(first: dict[str, str], present: set[str]) -> list[tuple[str, str]]:
    """(label, path) of every page to time. first: table -> a value of its first facet column."""
    out = [("home", "/"), ("database page", "/facts")]
    for name, table in CONFIG["tables"].items():
        if table.get("hidden") or name not in present:
            continue
        out.append((f"{name} (configured facets)", f"/facts/{name}"))
    for name, table in CONFIG["tables"].items():
        for key in ("sort", "sort_desc"):
            if table.get(key) and name in present:
                out.append((f"{name} {key}={table[key]} page 2", f"/facts/{name}?_{key}={table[key]}&_page2"))
    place = first.get("meetings.place")
    out += [
        ("meetings faceted (README)", "/facts/meetings?_facet=place&_sort_desc=date"),
        ("meetings all facets", "/facts/meetings?_facet=place&_facet_date=date&_facet_array=participants"
                                "&_facet=sources&_sort_desc=date"),
        ("meetings place=X facets", f"/facts/meetings?place={urllib.parse.quote(place)}&_sort_desc=date"),
        ("meetings sort date asc", "/facts/meetings?_sort=date"),
        ("people facet_array titles", "/facts/people?_facet_array=titles"),
        ("sentences search", "/facts/sentences?_search=pipeline"),
        ("sentences search as typed", "/facts/sentences?_search=Iran-Pakistan"),
        ("people search", "/facts/people?_search=Qureshi"),
        ("search all tables (page; its script fetches the three searches)", "/-/search?q=pipeline"),
        ("meeting_participants person=X", "/facts/meeting_participants?person="
                                          + urllib.parse.quote(first["meeting_participants.person"])),
        ("titles post=X", "/facts/titles?post=" + urllib.parse.quote(first["titles.post"])),
        ("document 1 row page (the article page)", "/facts/documents/1"),
        ("person row page (FK tables)", f"/facts/people/{first['people.id']}"),
        ("sentence row page (FK tables)", "/facts/sentences/1"),
    ]
    for name in CONFIG["queries"]:
        params = urllib.parse.urlencode(QUERY_PARAMETERS.get(name, {}))
        out.append((f"query {name}", f"/facts/{name}?{params}"))
    out.append(("query person_dossier (one person)", "/facts/person_dossier?name=Zarif+1234"))
    charts = METADATA["plugins"]["datasette-dashboards"]["facts"]["charts"]
    out.append(("dashboard page", "/-/dashboards/facts"))
    for name, chart in charts.items():  # what the dashboard's charts fetch
        out.append((f"dashboard chart {name}", "/facts.json?" + urllib.parse.urlencode({"sql": chart["query"]})))
    out += [
        ("CSV stream casualty_facts", "/facts/casualty_facts.csv?_stream=on"),
        ("CSV stream meetings", "/facts/meetings.csv?_stream=on"),
        ("CSV stream person_mentions", "/facts/person_mentions.csv?_stream=on"),
        ("CSV stream figure_facts", "/facts/figure_facts.csv?_stream=on"),
    ]
    return out


def facet_sql(table: str, facet, columns_sql: str) -> tuple[str, str]:
    """(label, SQL) of a configured facet, the shape Datasette 0.65 runs (facets.py)."""
    inner = f"select {columns_sql} from [{table}]"
    if isinstance(facet, dict):
        (kind, column), = facet.items()
    else:
        kind, column = "column", facet
    if kind == "array":
        return (f"{table} array {column}",
                f"select j.value as value, count(*) as count from ({inner}) t join json_each(t.[{column}]) j "
                f"group by j.value order by count desc, value limit 31")
    expression = f"date([{column}])" if kind == "date" else f"[{column}]"
    return (f"{table} {kind} {column}",
            f"select {expression} as value, count(*) as count from ({inner}) where {expression} is not null "
            f"group by {expression} order by count desc, value limit 31")


def sql_timings(target: Path, repeat: int) -> list[tuple[str, float]]:
    """Each configured facet's GROUP BY and each sort's pages, run directly in SQLite (the
    queries facet_time_limit_ms and sql_time_limit_ms bound), median milliseconds."""
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)

    def timed(sql, params=()):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            conn.execute(sql, params).fetchall()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    out = []
    present = relations(conn)
    for table, config in CONFIG["tables"].items():
        if config.get("hidden") or table not in present:
            continue
        names = [row[1] for row in conn.execute(f"PRAGMA table_xinfo([{table}])")]
        columns_sql = ", ".join(f"[{name}]" for name in names)
        for facet in config.get("facets", []):
            label, sql = facet_sql(table, facet, columns_sql)
            out.append((f"facet {label}", timed(sql)))
        if config.get("sort_desc"):
            column = config["sort_desc"]
            key_column = next((row[1] for row in conn.execute(f"PRAGMA table_info([{table}])") if row[5]), "rowid")
            order = f"order by [{column}] desc, [{key_column}]"
            out.append((f"sort {table} {column} desc, first page", timed(f"select * from [{table}] {order} limit 101")))
            total = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
            if not total:
                continue
            value, key = conn.execute(f"select [{column}], [{key_column}] from [{table}] {order} limit 1 offset ?",
                                      [total // 2]).fetchone()
            out.append((f"sort {table} {column} desc, a middle page (keyset)",
                        timed(f"select * from [{table}] where ([{column}] < :v or [{column}] is null or "
                              f"([{column}] = :v and [{key_column}] > :k)) {order} limit 1001",
                              {"v": value, "k": key})))
    conn.close()
    return out


def json_path(path: str) -> str:
    base, _, query = path.partition("?")
    return f"{base}.json?{query}"


async def time_pages(target: Path, repeat: int, only: str | None) -> list[tuple]:
    from publish.serve import make_datasette

    ds = make_datasette([target], settings=SETTINGS)
    await ds.invoke_startup()
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    first = {
        "meetings.place": conn.execute("SELECT place FROM meetings WHERE place IS NOT NULL LIMIT 1").fetchone()[0],
        "meeting_participants.person": conn.execute(
            "SELECT p.name FROM meeting_report_participants rp JOIN article_people ap ON ap.id = rp.article_person_id "
            "JOIN people p ON p.id = ap.person_id ORDER BY p.id DESC LIMIT 1").fetchone()[0],
        "titles.post": conn.execute("SELECT post FROM titles LIMIT 1").fetchone()[0],
        "people.id": str(conn.execute("SELECT person_id FROM meeting_report_participants rp JOIN article_people ap "
                                      "ON ap.id = rp.article_person_id ORDER BY person_id DESC LIMIT 1")
                         .fetchone()[0]),
    }
    present = relations(conn)
    missing = sorted(set(CONFIG["tables"]) - present)
    if missing:
        print(f"(metadata.yml names relations this database does not have: {', '.join(missing)})")
    conn.close()
    results = []
    for label, path in pages(first, present):
        if only and only not in label:
            continue
        page2 = path.endswith("&_page2")
        if page2:  # the second page of a sort: keyset pagination from the first page's _next
            path = path[: -len("&_page2")]
            data = (await ds.client.get(json_path(path))).json()
            path = f"{path}&_next={urllib.parse.quote(str(data['next']))}"
        times, cpu, status, rows, timed_out = [], [], None, "", ""
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            response = await ds.client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            status = response.status_code
            if times[0] > 5000:  # a long CSV stream: once is enough
                break
        if path.split("?")[0].endswith(".csv"):
            rows = str(response.text.count("\n") - 1)
        elif path.startswith("/facts/") and path.count("/") == 2:
            data = (await ds.client.get(json_path(path))).json()
            timed_out = ",".join(data.get("facets_timed_out") or []) or "-"
            count = data.get("filtered_table_rows_count")
            rows = f"{count:,}" if isinstance(count, int) else f"{len(data.get('rows', []))}"
            if data.get("truncated"):
                rows += " (truncated)"
        results.append((label, path, status, statistics.median(times), max(times), timed_out, rows))
        print(f"{label:48} {statistics.median(times):9.0f} {max(times):9.0f} {statistics.median(cpu):9.0f}  "
              f"{status}  {timed_out:16} {rows:>16}"
              f"{'  SLOW' if statistics.median(times) > SLOW_MS else ''}", flush=True)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsfacts-scale",
                        help="folder for the cached facts.db (default: %(default)s)")
    parser.add_argument("--fact-rows", type=int, default=1_000_000, help="at least this many fact rows")
    parser.add_argument("--repeat", type=int, default=3, help="requests per page (median and max)")
    parser.add_argument("--rebuild", action="store_true", help="build the database even when cached")
    parser.add_argument("--no-schema", action="store_true", help="do not apply schema.sql to a cached database")
    parser.add_argument("--only", help="time only pages whose label contains this text")
    parser.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="a Datasette setting on top of the site's, e.g. --setting suggest_facets off")
    args = parser.parse_args(argv)

    for name, value in args.setting:
        SETTINGS[name] = {"on": True, "off": False}.get(value, int(value) if value.isdigit() else value)
    args.cache.mkdir(parents=True, exist_ok=True)
    target = args.cache / "facts.db"
    if args.rebuild or not target.exists():
        build(target, args.fact_rows)
    elif not args.no_schema:
        refresh_schema(target)
    print(census(target))
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    indexes = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchone()[0]
    conn.close()
    served = "immutable" if SERVE_SETTINGS["immutable"] else "mutable"
    print(f"{indexes} indexes; settings {SETTINGS}; {served} (as newsfacts serve); {args.repeat} requests per page\n")
    print(f"{'SQL, run directly in SQLite':70} {'median ms':>9}")
    for label, ms in sql_timings(target, args.repeat):
        print(f"{label:70} {ms:9.1f}{'  SLOW' if ms > 100 else ''}")
    print(f"\n{'page':48} {'median ms':>9} {'max ms':>9} {'cpu ms':>9}  HTTP {'facets timed out':16} {'rows':>16}")
    started = time.perf_counter()
    results = asyncio.run(time_pages(target, args.repeat, args.only))
    slow = [r for r in results if r[3] > SLOW_MS]
    bad = [r for r in results if r[2] != 200]
    timed_out = [r for r in results if r[5] not in ("", "-")]
    print(f"\n{len(results)} pages in {time.perf_counter() - started:.0f} s; over {SLOW_MS} ms: "
          f"{', '.join(r[0] for r in slow) or 'none'}; facets timed out: "
          f"{', '.join(r[0] for r in timed_out) or 'none'}; errors: {', '.join(r[0] for r in bad) or 'none'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
