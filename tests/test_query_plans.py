"""An index behind every facet, sort, label lookup and foreign key (issue #8).

Datasette answers each page with a handful of queries: the rows (``ORDER BY`` the sort),
a ``GROUP BY`` per configured facet, ``WHERE col = ?`` when a facet value is clicked, label
lookups by primary key, and "links from other tables" counts on a row page (the child side
of each foreign key). On a database of a million fact rows a full table scan in any of them
costs hundreds of milliseconds (facet_time_limit_ms is 500), so these tests read the facets
and sorts from metadata.yml and the foreign keys from the database, and check with EXPLAIN
QUERY PLAN that SQLite uses an index. Dropping an index from schema.sql fails a test here.

What cannot use an index, on purpose (benchmarks/datasette_scale.py shows these pages are
still well inside the limits at 1,000,000 fact rows):

- array facets (``{array: col}``): Datasette expands a JSON list with json_each over every
  row; no SQLite index covers the members of a JSON list;
- the canned queries and dashboard charts listed in ``ALLOWED_SCANS``: they aggregate every row
  (totals per perpetrator), match with a leading wildcard (``LIKE '%' || :topic || '%'``) or
  pair every participant of every meeting (who met whom, read in person order from an index).

The stored views (document_people, person_titles, meeting_participants: tables the loader
rewrites from their ``_live`` definitions, load/stored_views.py) are tables here, so their facets
are held to the same rule as any table's.
"""
from __future__ import annotations

import re
import sqlite3

import pytest
import yaml

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text())
CONFIG = METADATA["databases"]["facts"]
CHARTS = METADATA["plugins"]["datasette-dashboards"]["facts"]["charts"]

# (relation, column) -> why a filter on it cannot use an index
NOT_INDEXABLE = {
    ("casualty_facts", "perpetrator"): "CASE on the count's side and kind (no perpetrator for attackers or arrests)",
}
# canned query or dashboard chart -> tables (or aliases) it may read in full, and why
ALLOWED_SCANS = {
    "person_dossier": ({"person_aliases", "f"}, "alias LIKE '%' || :name || '%': a leading wildcard; f: the "
                       "facts sorted first, each shown row then reads its text by key"),
    "figures_about": ({"f"}, "subject or sentence LIKE '%' || :topic || '%': a leading wildcard"),
    "incidents_by_perpetrator": ({"c", "t"}, "one toll per incident and kind (incident_tolls), over every count"),
    "casualties-by-perpetrator": ({"c", "t", "incident_tolls"}, "one toll per incident and kind, over every count"),
    "figures-by-unit": ({"figures"}, "counts over every figure (a covering index scan)"),
    "meetings-per-month": ({"meetings"}, "counts over every meeting, read in month order from its index"),
    # the stored meeting_participants joined to itself on its (meeting_id, person) index
    "who_met_whom": ({"a", "pairs", "json_each"}, "every pair of participants of every meeting, read in "
                     "person order; pairs: the pairs sorted first, each shown pair then reads its sentences"),
    "meetings_between_countries": ({"pa", "a", "m", "pairs"}, "the people of one country, or every participant "
                                   "row (SQLite picks by the tables' sizes); pairs: sorted first"),
    "who-met-whom": ({"a"}, "every pair of participants of every meeting, read in person order"),
}


@pytest.fixture(scope="module")
def db(seeds_db):
    conn = sqlite3.connect(f"file:{seeds_db}?mode=ro", uri=True)
    yield conn
    conn.close()


def kinds(db) -> dict[str, str]:
    return dict(db.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')"))


def plan(db, sql: str, params=()) -> list[str]:
    return [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def full_scans(lines: list[str], relation: str | None = None) -> list[str]:
    """SCAN lines that read a table without an index (not the scan of a view's own co-routine)."""
    return [line for line in lines
            if re.fullmatch(r"SCAN (\S+)", line) and line.split()[1] not in (relation, "CONSTANT")]


def facet_columns() -> list[tuple[str, str, str]]:
    """(relation, column, kind) of every facet in metadata.yml; kind is column, date or array."""
    out = []
    for name, table in CONFIG["tables"].items():
        for facet in table.get("facets", []):
            if isinstance(facet, dict):
                (kind, column), = facet.items()
            else:
                kind, column = "column", facet
            out.append((name, column, kind))
    return out


def sort_columns() -> list[tuple[str, str, str]]:
    return [(name, table[key], "DESC" if key == "sort_desc" else "ASC")
            for name, table in CONFIG["tables"].items() for key in ("sort", "sort_desc") if table.get(key)]


def foreign_keys(db) -> list[tuple[str, str]]:
    return [(name, fk[3]) for name, kind in kinds(db).items() if kind == "table"
            for fk in db.execute(f"PRAGMA foreign_key_list([{name}])")]


def primary_key(db, table: str) -> str:
    """The first primary key column (Datasette breaks sort ties and pages by the primary key)."""
    keys = sorted((row[5], row[1]) for row in db.execute(f"PRAGMA table_info([{table}])") if row[5])
    return keys[0][1] if keys else "rowid"


def assert_search(db, relation: str, column: str):
    """WHERE column = ? is answered by an index search, not a table scan."""
    lines = plan(db, f'SELECT * FROM [{relation}] WHERE "{column}" = ?', [None])
    assert not full_scans(lines, relation), (relation, column, lines)
    searches = [line for line in lines if line.startswith("SEARCH") and
                re.search(r"USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY|PRIMARY KEY)", line)]
    assert searches, (relation, column, lines)
    if kinds(db)[relation] == "table":  # the search is on this column (a view may rename it)
        searched = rf"[( ]({re.escape(column)}|rowid)=\?" if primary_key(db, relation) == column else \
            rf"[( ]{re.escape(column)}=\?"   # an INTEGER PRIMARY KEY is searched as the rowid
        assert any(re.search(searched, line) for line in searches), (relation, column, lines)


def test_metadata_configures_facets_sorts_and_foreign_keys(db):
    assert len(facet_columns()) > 30 and sort_columns() and len(foreign_keys(db)) > 20


def test_every_configured_relation_exists(db):
    names = kinds(db)
    for relation, column, _ in facet_columns():
        assert relation in names, relation
        columns = [row[1] for row in db.execute(f"PRAGMA table_xinfo([{relation}])")]
        assert column in columns, (relation, column)


@pytest.mark.parametrize("relation, column, kind", facet_columns(), ids=lambda v: str(v))
def test_facet_column_has_an_index(db, relation, column, kind):
    if kind == "array":
        pytest.skip("array facet: json_each over every row; no index covers JSON list members")
    if (relation, column) in NOT_INDEXABLE:
        pytest.skip(NOT_INDEXABLE[relation, column])
    # a click on a facet value
    assert_search(db, relation, column)
    if kinds(db)[relation] == "table":
        # the facet's own GROUP BY can read an index that starts with the column instead of the
        # table (which one SQLite picks depends on the table's size: a tiny table is scanned)
        leading = [index for _, index, *_ in db.execute(f"PRAGMA index_list([{relation}])")
                   if [row[2] for row in db.execute(f"PRAGMA index_info([{index}])")][:1] == [column]]
        assert leading, (relation, column)


@pytest.mark.parametrize("relation, column, direction", sort_columns(), ids=lambda v: str(v))
def test_sort_column_has_an_index(db, relation, column, direction):
    """Datasette orders by the column, then the primary key ascending, and pages from a key:
    ORDER BY col DESC, id with WHERE col < :v OR col IS NULL OR (col = :v AND id > :id).
    An index in that very order reads each page in order; a plain index on col leaves a
    sort of every row with the same value (TEMP B-TREE FOR RIGHT PART OF ORDER BY), and the
    pages' OR becomes a MULTI-INDEX OR followed by a sort of the rest of the table."""
    assert relation in kinds(db), f"metadata.yml sorts {relation}, which schema.sql does not create"
    pk = primary_key(db, relation)
    order = f'ORDER BY "{column}" {direction}, "{pk}" LIMIT 101'
    first = plan(db, f"SELECT * FROM [{relation}] {order}")
    operator = "<" if direction == "DESC" else ">"
    later = plan(db, f'SELECT * FROM [{relation}] WHERE ("{column}" {operator} :v OR "{column}" IS NULL '
                     f'OR ("{column}" = :v AND "{pk}" > :pk)) {order}', {"v": 1, "pk": 1})
    for lines in (first, later):
        assert any(re.fullmatch(r"SCAN \S+ USING (COVERING )?INDEX \S+", line) for line in lines), (relation, lines)
        assert not any("TEMP B-TREE" in line for line in lines), (relation, column, lines)


def test_every_foreign_key_has_an_index_on_the_child_side(db):
    for table, column in foreign_keys(db):
        assert_search(db, table, column)


def test_label_lookups_use_the_primary_key(db):
    """Datasette labels foreign keys with SELECT pk, label_column FROM target WHERE pk IN (...)."""
    for table, config in CONFIG["tables"].items():
        if config.get("label_column"):
            pk = primary_key(db, table)
            lines = plan(db, f'SELECT "{pk}", "{config["label_column"]}" FROM [{table}] WHERE "{pk}" IN (?, ?)',
                         [1, 2])
            assert any(re.search(r"USING (INTEGER PRIMARY KEY|PRIMARY KEY|(COVERING )?INDEX sqlite_autoindex)", line)
                       for line in lines), (table, lines)


def queries() -> list[tuple[str, str]]:
    return ([(name, query["sql"]) for name, query in CONFIG["queries"].items()]
            + [(name, chart["query"]) for name, chart in CHARTS.items()])


@pytest.mark.parametrize("name, sql", queries(), ids=lambda v: v if len(v) < 40 else "sql")
def test_canned_queries_join_through_indexes(db, name, sql):
    """Joins and filters of canned queries and dashboard charts search indexes; full scans only where listed."""
    params = {parameter: "x" for parameter in re.findall(r":(\w+)", sql)}
    lines = plan(db, sql, params)
    allowed = ALLOWED_SCANS.get(name, (set(), ""))[0]
    scanned = {line.split()[1] for line in lines if line.startswith("SCAN") and "(" not in line}
    # an unlisted scan must at least read a covering index, and listed ones are really needed
    unexpected = {alias for alias in scanned - allowed
                  if not any(line.startswith(f"SCAN {alias} USING COVERING INDEX") for line in lines)}
    assert not unexpected, (name, lines)


def test_allowed_scans_name_real_queries():
    names = {name for name, _ in queries()}
    assert set(ALLOWED_SCANS) <= names
