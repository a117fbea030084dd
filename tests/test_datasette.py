"""Datasette in process: every table, view and configured page answers as HTML, JSON and CSV.

Datasette only notices a mistake in metadata.yml when a page is requested
(HTTP 500), so these tests request every page that metadata.yml configures.
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
import sqlite3

import pytest
import yaml
from publish.serve import make_datasette

from .conftest import ROOT

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text())
CONFIG = METADATA["databases"]["facts"]
QUERY_PARAMETERS = {
    "person_dossier": {"name": "Zarif"},
    "evidence": {"sentence_id": "1"},
    "meetings_between_countries": {"country_a": "Iran", "country_b": "pakistan"},
    "figures_about": {"topic": "pipeline"},
    "post_holders_on_date": {"post": "army chief", "date": "2019-11-19"},
}


@pytest.fixture
def datasette(seeds_db):
    """The demo database, served in process exactly as `newsfacts serve facts.db` serves it."""
    return make_datasette([seeds_db])


def relations(seeds_db) -> list[str]:
    """Every table and view, but the full-text indexes and the definitions of the stored views
    (hidden; their tables, with the same columns, are described)."""
    from load.stored_views import LIVE, STORED_VIEWS

    db = sqlite3.connect(seeds_db)
    return [name for (name,) in db.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like '%_fts%' "
        "and name not like 'sqlite_%'") if name not in {view + LIVE for view in STORED_VIEWS}]


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


async def test_who_held_a_post_on_a_date_whatever_its_spelling(datasette):
    async def holders(post, date):
        url = f"/facts/post_holders_on_date.json?_shape=array&post={post}&date={date}"
        return (await datasette.client.get(url)).json()

    rows = await holders("army+chief", "2019-11-19")
    assert rows and rows[0]["stated"] == "on the date" and rows[0]["person"].endswith("Bajwa")
    assert {r["normalized_post"] for r in rows} == {"Chief of Army Staff"}
    # another spelling of the same post, and its normalized name, find the same people
    for post in ("Chief+of+Army+Staff", "ARMY+CHIEF"):
        assert {r["person"] for r in await holders(post, "2019-11-19")} == {r["person"] for r in rows}
    # a day with no statement: the nearest evidence comes first, with how far it is
    later = await holders("army+chief", "2019-12-01")
    assert later[0]["stated"] == "before" and later[0]["days_apart"] > 0
    assert not await holders("Minister+of+Fisheries", "2019-11-19")


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


def test_every_foreign_key_target_has_a_label_column(seeds_db):
    db = sqlite3.connect(seeds_db)
    for name in relations(seeds_db):
        for fk in db.execute(f"pragma foreign_key_list([{name}])"):
            target = fk[2]
            assert CONFIG["tables"][target].get("label_column"), f"{name}.{fk[3]} -> {target}: no label_column"


FACT_TABLES = ["person_mentions", "titles", "meeting_reports", "figures", "incidents", "casualty_counts"]


async def test_every_fact_row_links_to_its_sentence(datasette, seeds_db):
    db = sqlite3.connect(seeds_db)
    for name in FACT_TABLES:
        rows = (await datasette.client.get(f"/facts/{name}.json?_shape=array&_labels=on&_size=1")).json()
        assert rows, name
        link = rows[0]["sentence_id"]
        [text] = db.execute("select text from sentences where id = ?", [link["value"]]).fetchone()
        assert link["label"] == text, name
        html = (await datasette.client.get(f"/facts/{name}?_size=1")).text
        assert f'href="/facts/sentences/{link["value"]}"' in html, name


async def test_documents_without_a_title_are_labelled_by_path(datasette, seeds_db):
    db = sqlite3.connect(seeds_db)
    for document_id, title, path in db.execute("select id, title, path from documents"):
        rows = (await datasette.client.get(
            f"/facts/sentences.json?_shape=array&_labels=on&_size=1&document_id={document_id}")).json()
        assert rows[0]["document_id"]["label"] == (title or path)


async def test_array_and_date_facets(datasette):
    data = (await datasette.client.get("/facts/people.json?_facet_array=titles")).json()
    assert {"Foreign Minister"} <= {r["value"] for r in data["facet_results"]["titles"]["results"]}
    data = (await datasette.client.get("/facts/meetings.json?_facet_array=participants&_facet_date=date")).json()
    results = data["facet_results"]
    assert results["participants"]["results"] and results["date"]["results"]
    person = results["participants"]["results"][0]["value"]
    narrowed = (await datasette.client.get(
        f"/facts/meetings.json?_shape=array&participants__arraycontains={person}")).json()
    assert narrowed and all(person in json.loads(r["participants"]) for r in narrowed)


def test_meetings_incidents_and_places_are_geocoded(seeds_db):
    db = sqlite3.connect(seeds_db)
    for place, latitude, longitude, geonames_id in db.execute(
            "select place, latitude, longitude, geonames_id from meetings"):
        if place == "Islamabad":   # the capital, not Chittagong (whose alternate names include Islamabad)
            assert (round(latitude), round(longitude), geonames_id) == (34, 73, 1176615)
        if place is None:
            assert latitude is None and longitude is None and geonames_id is None
    incidents = dict((place, (lat, lon)) for place, lat, lon in db.execute(
        "select place, latitude, longitude from incidents"))
    # the first city part the gazetteer knows (Zahedan); a province it does not know stays NULL
    assert [round(v) for v in incidents["Zahedan and Khash, Sistan and Baluchestan"]] == [29, 61]
    assert incidents["Sistan and Baluchestan"] == (None, None)
    places = {name: kind for name, kind in db.execute("select name, kind from places")}
    assert places["Islamabad"] == "city" and places["Sistan and Baluchestan"] is None
    used = {p for (p,) in db.execute("select place from meetings union select place from incidents") if p}
    assert set(places) == used


def test_locate_takes_the_first_known_part():
    from load import places

    assert places.locate("Nowhere-on-Sea") is None and places.locate(None) is None
    assert places.locate("Zahedan and Khash, Sistan and Baluchestan")["geonames_id"] == places.geocode("Zahedan")[2]
    assert places.locate("Pakistan")["kind"] == "country"


async def test_cluster_map_on_tables_with_coordinates(datasette):
    meetings = await datasette.client.get("/facts/meetings")
    assert "datasette-cluster-map.js" in meetings.text
    assert "datasette-cluster-map.js" not in (await datasette.client.get("/facts/figures")).text


async def test_search_all_tables(datasette):
    response = await datasette.client.get("/-/search?q=pipeline")
    assert response.status_code == 200
    # the tables the page's script searches (publish/templates/search_all.html)
    [tables] = re.findall(r'data-tables="([^"]*)"', response.text)
    searched = {table["url_json"] for table in json.loads(html.unescape(tables))}
    assert {"/facts/sentences.json", "/facts/documents.json", "/facts/people.json"} <= searched
    # what the page's script fetches for each table
    rows = (await datasette.client.get("/facts/sentences.json?_shape=objects&_labels=on&_search=pipeline")).json()
    assert rows["rows"]


async def test_every_canned_query_has_a_title_and_description():
    for name, query in CONFIG["queries"].items():
        assert query.get("title") and query.get("description"), name


async def test_meetings_between_countries(datasette, seeds_db):
    rows = (await datasette.client.get(
        "/facts/meetings_between_countries.json?_shape=array&country_a=Iran&country_b=Pakistan")).json()
    assert rows and all(r["country_a"] == "Iran" and r["country_b"] == "Pakistan" for r in rows)
    pairs = [(r["meeting_id"], r["person_a"], r["person_b"]) for r in rows]
    assert len(pairs) == len(set(pairs)) and all(r["person_a"] != r["person_b"] for r in rows)
    meetings = {r["meeting_id"] for r in rows}
    reverse = (await datasette.client.get(
        "/facts/meetings_between_countries.json?_shape=array&country_a=Pakistan&country_b=Iran")).json()
    assert {r["meeting_id"] for r in reverse} == meetings


async def test_figures_about_matches_subject_or_sentence(datasette):
    rows = (await datasette.client.get("/facts/figures_about.json?_shape=array&topic=PIPELINE")).json()
    assert rows and all("pipeline" in (r["subject"] + " " + r["sentence"]).lower() for r in rows)


async def test_incidents_by_perpetrator_totals(datasette, seeds_db):
    rows = (await datasette.client.get("/facts/incidents_by_perpetrator.json?_shape=array")).json()
    db = sqlite3.connect(seeds_db)
    for row in rows:
        for kind in ("killed", "injured", "abducted", "released", "missing"):
            # each kind apart, reported incidents only, victims only: the first incident the
            # seed tells is reported, its October abduction (a month before) is recalled
            [expected] = db.execute(
                "select coalesce(sum(coalesce(c.count, c.low)), 0) from casualty_counts c "
                "join incidents i on i.id = c.incident_id where i.role = 'reported' and c.side = 'victims' "
                "and coalesce(i.perpetrator, 'unattributed') = ? and c.kind = ?", [row["perpetrator"], kind]).fetchone()
            assert row[kind] == expected, (row, kind)
    assert any(r["killed"] for r in rows) and not any(r["abducted"] for r in rows)


DASHBOARDS = METADATA["plugins"]["datasette-dashboards"]


async def test_dashboard_is_linked_from_home_and_answers(datasette):
    home = (await datasette.client.get("/")).text
    assert 'href="/-/dashboards/facts"' in home
    assert (await datasette.client.get("/-/dashboards")).status_code == 200
    for slug, dashboard in DASHBOARDS.items():
        page = await datasette.client.get(f"/-/dashboards/{slug}")
        assert page.status_code == 200, slug
        assert dashboard["title"] in page.text
        for chart_slug in dashboard["charts"]:
            assert (await datasette.client.get(f"/-/dashboards/{slug}/{chart_slug}")).status_code == 200


async def test_every_dashboard_chart_query_returns_rows(datasette):
    for slug, dashboard in DASHBOARDS.items():
        layout = {name for row in dashboard.get("layout", []) for name in row}
        assert layout <= set(dashboard["charts"]), slug
        for chart_slug, chart in dashboard["charts"].items():
            response = await datasette.client.get(
                f"/{chart['db']}.json", params={"sql": chart["query"], "_shape": "array"})
            assert response.status_code == 200, chart_slug
            rows = response.json()
            assert rows, f"{chart_slug} has no rows on the seeds"
            fields = {e["field"] for e in chart["display"]["encoding"].values()}
            assert fields <= set(rows[0]), chart_slug


def readme_querying_section() -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index("## Querying")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def readme_urls() -> list[str]:
    return re.findall(r"http://127\.0\.0\.1:8001(/[^\s`)]*)", readme_querying_section())


def test_readme_has_example_urls():
    assert len(readme_urls()) >= 5


@pytest.mark.parametrize("path", readme_urls())
async def test_readme_example_urls_answer(datasette, path):
    response = await datasette.client.get(path)
    assert response.status_code == 200, path
    if ".json" in path:
        assert response.json(), path
    elif ".csv" in path:
        rows = list(csv.reader(io.StringIO(response.text)))
        assert len(rows) > 1, path
    else:
        assert "<html" in response.text.lower(), path


def test_readme_sql_examples_run(seeds_db):
    db = sqlite3.connect(seeds_db)
    for sql in re.findall(r"```sql\n(.*?)```", readme_querying_section(), re.S):
        db.execute(sql).fetchall()


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


def test_a_citys_own_name_wins_over_another_citys_alternate_name():
    from load import places

    latitude, longitude, _ = places.geocode("Islamabad")
    assert (round(latitude), round(longitude)) == (34, 73)   # not Chittagong, which lists it as an alias
    assert places.geocode("Nowhereville") is None
