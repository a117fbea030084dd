"""Datasette in process: every table, view and configured page answers as HTML, JSON and CSV.

Datasette only notices a mistake in metadata.yml when a page is requested
(HTTP 500), so these tests request every page that metadata.yml configures.
"""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest
import yaml
from datasette.app import Datasette

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text())
CONFIG = METADATA["databases"]["facts"]
QUERY_PARAMETERS = {"person_dossier": {"name": "Zarif"}, "evidence": {"sentence_id": "1"}}


@pytest.fixture
def datasette(seeds_db):
    return Datasette([str(seeds_db)], immutables=[], metadata=METADATA,
                     settings={"sql_time_limit_ms": 3000, "max_returned_rows": 1000})


def relations(seeds_db) -> list[str]:
    db = sqlite3.connect(seeds_db)
    return [name for (name,) in db.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%_fts%' "
        "and name not like 'sqlite_%'")]


def test_database_file_is_named_facts(seeds_db):
    assert seeds_db.stem == "facts"


async def test_home_page_and_database_page(datasette):
    for path in ("/", "/facts", "/-/metadata.json"):
        response = await datasette.client.get(path)
        assert response.status_code == 200, path


async def test_every_table_and_view_answers_html_json_and_csv(datasette, seeds_db):
    for name in relations(seeds_db):
        html = await datasette.client.get(f"/facts/{name}")
        assert html.status_code == 200, name
        response = await datasette.client.get(f"/facts/{name}.json?_shape=array")
        assert response.status_code == 200, name
        assert isinstance(response.json(), list)
        stream = await datasette.client.get(f"/facts/{name}.csv?_stream=on")
        assert stream.status_code == 200, name
        header = next(csv.reader(io.StringIO(stream.text)))
        assert header, name


async def test_configured_facets_render(datasette):
    for name, table in CONFIG["tables"].items():
        for facet in table.get("facets", []):
            if isinstance(facet, dict):
                (kind, column), = facet.items()
                query = f"_facet_{kind}={column}"
            else:
                query = f"_facet={facet}"
            response = await datasette.client.get(f"/facts/{name}.json?{query}")
            assert response.status_code == 200, (name, facet)
            assert response.json()["facet_results"], (name, facet)


async def test_every_canned_query_answers(datasette):
    for name in CONFIG["queries"]:
        params = "&".join(f"{k}={v}" for k, v in QUERY_PARAMETERS.get(name, {}).items())
        response = await datasette.client.get(f"/facts/{name}.json?_shape=array&{params}")
        assert response.status_code == 200, name
        assert response.json(), f"{name} returned no rows on the seeds"
        html = await datasette.client.get(f"/facts/{name}?{params}")
        assert html.status_code == 200, name


async def test_dossier_matches_aliases(datasette):
    rows = (await datasette.client.get("/facts/person_dossier.json?_shape=array&name=Qureshi")).json()
    [person] = {r["person"] for r in rows}   # one person, whichever spelling is canonical
    assert person.startswith("Shah M") and person.endswith("Qureshi")
    assert {"title", "meeting"} <= {r["fact"] for r in rows}


async def test_full_text_search_from_the_table_page(datasette):
    rows = (await datasette.client.get("/facts/sentences.json?_search=pipeline&_shape=array")).json()
    assert rows and all("pipeline" in r["text"].lower() for r in rows)
    titles = (await datasette.client.get("/facts/documents.json?_search=relationship&_shape=array")).json()
    assert len(titles) == 1


async def test_foreign_keys_render_as_labels(datasette):
    response = await datasette.client.get("/facts/titles.json?_shape=array&_labels=on&_size=1")
    [row] = response.json()
    assert isinstance(row["document_id"], dict) and row["document_id"]["label"]
    assert isinstance(row["sentence_id"], dict) and len(row["sentence_id"]["label"]) > 10


async def test_sql_cannot_write(datasette):
    response = await datasette.client.get("/facts.json?sql=delete+from+documents")
    assert response.status_code == 400


def test_every_table_view_and_column_has_a_description(seeds_db):
    db = sqlite3.connect(seeds_db)
    for name in relations(seeds_db):
        table = CONFIG["tables"].get(name)
        assert table and table.get("description"), f"{name} has no description"
        columns = [row[1] for row in db.execute(f"pragma table_info([{name}])")]
        missing = [c for c in columns if c not in table.get("columns", {})]
        assert not missing, f"{name}: no description for {missing}"
