"""The site for a database of any name (issue 15): `newsfacts serve my_corpus.db` gives the whole
site, search takes what people type, every fact is one click from its sentence and article, and
each article has a page with its facts marked in place.

In process (publish.serve.make_datasette: what `newsfacts serve` runs) on the seeds database
copied to my_corpus.db; tests/test_browser.py clicks through the same pages in Chromium.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
import yaml
from markupsafe import escape

from benchmarks.served import datasette_server
from publish import article
from publish.serve import SERVE_SETTINGS, datasette_arguments, make_datasette

from .conftest import ROOT
from .test_datasette import QUERY_PARAMETERS   # one list of each canned query's example parameters

METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text())
CONFIG = METADATA["databases"]["facts"]
DB = "my_corpus"
FACT_TABLES = ("person_mentions", "titles", "meeting_reports", "figures", "casualty_counts")


@pytest.fixture
def site(corpus_db):
    return make_datasette([corpus_db])


@pytest.fixture(scope="module")
def conn(corpus_db):
    connection = sqlite3.connect(f"file:{corpus_db}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


class Cells(HTMLParser):
    """The rows of a page's table.rows-and-columns: [{column: (text, [(href, link text), ...])}]."""

    def __init__(self):
        super().__init__()
        self.rows, self._column, self._text, self._links, self._href, self._in_table = [], None, [], [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "rows-and-columns" in (attrs.get("class") or ""):
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append({})
        elif self._in_table and tag == "td":
            self._column = next((c[4:] for c in (attrs.get("class") or "").split() if c.startswith("col-")), None)
            self._text, self._links = [], []
        elif self._column and tag == "a":
            self._href, self._link_text = attrs.get("href"), []

    def handle_endtag(self, tag):
        if tag == "table":
            self._in_table = False
        elif tag == "a" and self._href is not None:
            self._links.append((self._href, "".join(self._link_text)))
            self._href = None
        elif tag == "td" and self._column:
            self.rows[-1][self._column] = ("".join(self._text).strip(), self._links)
            self._column = None

    def handle_data(self, data):
        if self._column:
            self._text.append(data)
            if self._href is not None:
                self._link_text.append(data)


def table_rows(page: str) -> list[dict]:
    parser = Cells()
    parser.feed(page)
    return [row for row in parser.rows if row]


def sentence_text(conn, sentence_id) -> str:
    return conn.execute("select text from sentences where id = ?", [sentence_id]).fetchone()[0]


# --- 1. the whole site under the file's own name ---------------------------------------------

async def test_home_and_database_page_link_to_the_served_name(site):
    home = (await site.client.get("/")).text
    assert 'href="/-/dashboards/my_corpus"' in home and 'href="/my_corpus/meetings"' in home
    assert "/facts/" not in home and "/-/dashboards/facts" not in home
    page = (await site.client.get(f"/{DB}")).text
    for name in CONFIG["queries"]:
        assert f'href="/{DB}/{name}"' in page, name


async def test_every_table_has_its_description_facets_sort_and_labels(site, conn):
    for name, table in CONFIG["tables"].items():
        if table.get("hidden"):
            continue
        data = (await site.client.get(f"/{DB}/{name}.json?_size=1")).json()
        assert len(data["facet_results"]) == len(table.get("facets", [])), name
        if table.get("sort_desc"):
            assert f'order by {table["sort_desc"]} desc' in data["query"]["sql"], name
        page = (await site.client.get(f"/{DB}/{name}")).text
        assert str(escape(table["description"])) in page, name
    row = (await site.client.get(f"/{DB}/titles.json?_shape=array&_labels=on&_size=1")).json()[0]
    assert row["sentence_id"]["label"] == sentence_text(conn, row["sentence_id"]["value"])


async def test_every_canned_query_and_chart_answers_under_the_served_name(site):
    for name in CONFIG["queries"]:
        params = QUERY_PARAMETERS.get(name, {})
        response = await site.client.get(f"/{DB}/{name}.json", params={**params, "_shape": "array"})
        assert response.status_code == 200 and response.json(), name
    assert (await site.client.get("/-/dashboards/facts")).status_code == 404
    assert (await site.client.get(f"/-/dashboards/{DB}")).status_code == 200
    charts = METADATA["plugins"]["datasette-dashboards"]["facts"]["charts"]
    for slug in charts:
        assert (await site.client.get(f"/-/dashboards/{DB}/{slug}")).status_code == 200, slug


async def test_map_and_search_under_the_served_name(site):
    assert "datasette-cluster-map.js" in (await site.client.get(f"/{DB}/meetings")).text
    page = (await site.client.get("/-/search?q=pipeline")).text
    [tables] = re.findall(r'data-tables="([^"]*)"', page)
    assert {t["url"] for t in json.loads(html.unescape(tables))} == {
        f"/{DB}/people", f"/{DB}/documents", f"/{DB}/sentences"}


async def test_several_databases_at_once_and_a_plain_one_left_alone(corpus_db, seeds_db, tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).executescript("create table notes (id integer primary key, text text);")
    site = make_datasette([corpus_db, seeds_db, plain])
    for name in (DB, "facts"):
        rows = (await site.client.get(f"/{name}/person_dossier.json?name=Zarif&_shape=array")).json()
        assert rows, name
        assert (await site.client.get(f"/-/dashboards/{name}")).status_code == 200
    assert (await site.client.get("/plain/person_dossier")).status_code == 404
    assert (await site.client.get("/plain/notes")).status_code == 200
    home = (await site.client.get("/")).text
    assert 'href="/my_corpus/meetings"' in home and 'href="/facts/meetings"' in home


def test_newsfacts_serve_serves_several_files_on_the_given_port(corpus_db, seeds_db):
    with datasette_server([corpus_db, seeds_db]) as url, httpx.Client(timeout=30) as client:
        databases = client.get(f"{url}/-/databases.json").json()
        assert {d["name"] for d in databases} >= {DB, "facts"}
        assert all(d["is_mutable"] is not SERVE_SETTINGS["immutable"] for d in databases if d["name"] in (DB, "facts"))
        settings = client.get(f"{url}/-/settings.json").json()
        assert {k: settings[k] for k in SERVE_SETTINGS["settings"]} == SERVE_SETTINGS["settings"]
        assert client.get(f"{url}/{DB}/who_met_whom.json?_shape=array").json()


def test_serve_arguments_apply_the_serve_settings(tmp_path):
    arguments = datasette_arguments([tmp_path / "a.db", tmp_path / "b.db"], "0.0.0.0", 9000,
                                    {"max_returned_rows": "50"})
    # mutable (no -i): loads commit to the file in place and show at once (tests/test_serving.py)
    assert "-i" not in arguments and arguments[1:3] == [str(tmp_path / "a.db"), str(tmp_path / "b.db")]
    assert ["--host", "0.0.0.0", "--port", "9000"] == arguments[3:7]
    pairs = dict(zip(arguments[arguments.index("--setting") + 1::3], arguments[arguments.index("--setting") + 2::3]))
    assert pairs["num_sql_threads"] == "3" and pairs["suggest_facets"] == "off" and pairs["max_returned_rows"] == "50"


def test_newsfacts_command_has_load_remove_and_serve(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)

    top = run("-m", "publish", "--help")
    assert top.returncode == 0 and all(re.search(rf"^\s+{command}\s", top.stdout, re.M)
                                       for command in ("load", "remove", "serve"))
    load_help, module_help = run("-m", "publish", "load", "--help"), run("-m", "load", "--help")
    assert load_help.returncode == module_help.returncode == 0
    assert load_help.stdout.split("\n", 1)[1] == module_help.stdout.split("\n", 1)[1]   # the same command
    remove_help, module_remove = run("-m", "publish", "remove", "--help"), run("-m", "load", "remove", "--help")
    assert remove_help.returncode == module_remove.returncode == 0 and "--dry-run" in remove_help.stdout
    assert remove_help.stdout.split("\n", 1)[1] == module_remove.stdout.split("\n", 1)[1]
    assert "--port" in run("-m", "publish", "serve", "--help").stdout
    missing = run("-m", "publish", "serve", str(tmp_path / "missing.db"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr


def test_readme_lists_every_canned_query_with_an_example_url():
    """Each is requested by tests/test_datasette.py::test_readme_example_urls_answer."""
    from .test_datasette import readme_querying_section, readme_urls

    section = readme_querying_section()
    assert "newsfacts serve my_corpus.db" in section and "/facts/documents/" in section and "_search=" in section
    for name, query in CONFIG["queries"].items():
        assert any(url.startswith(f"/facts/{name}") for url in readme_urls()), name


# --- 2. search that takes what people type ---------------------------------------------------

TYPED = ["Iran-Pakistan", "Zarif's", "U.S.", "NOT", '"', '""', 'Zarif"s', "pipeline OR", "Iran AND", "(", "*",
         "-", "", " ", "NEAR(Iran", "text:Iran", "^Iran", "Iran*", "'"]


@pytest.mark.parametrize("typed", TYPED)
async def test_every_search_box_takes_what_people_type(site, typed):
    for table in ("sentences", "documents", "people"):
        response = await site.client.get(f"/{DB}/{table}.json", params={"_search": typed, "_shape": "array"})
        assert response.status_code == 200, (table, typed, response.text[:200])
        page = await site.client.get(f"/{DB}/{table}", params={"_search": typed})
        assert page.status_code == 200, (table, typed)
    assert (await site.client.get("/-/search", params={"q": typed})).status_code == 200


@pytest.mark.parametrize("typed", ["Iran-Pakistan", "Zarif's", "U.S."])
async def test_a_search_finds_the_words_as_typed(site, conn, typed):
    rows = (await site.client.get(f"/{DB}/sentences.json", params={"_search": typed, "_shape": "array",
                                                                   "_size": "max"})).json()
    found = {row["id"] for row in rows}
    written = {sid for (sid,) in conn.execute("select id from sentences where instr(text, ?)", [typed])}
    assert written and written <= found
    words = re.findall(r"\w+", typed.lower())
    assert all(all(w in re.findall(r"\w+", row["text"].lower()) for w in words) for row in rows)


async def test_a_surname_or_another_spelling_finds_the_person(site, conn):
    for typed in ("Qureshi", "Mehmood", "qureshi"):
        rows = (await site.client.get(f"/{DB}/people.json", params={"_search": typed, "_shape": "array"})).json()
        assert [row["name"] for row in rows] == ["Shah Mahmoud Qureshi"], typed
    assert conn.execute("select count(*) from person_aliases where alias = 'Shah Mehmood Qureshi'").fetchone()[0] == 1


def test_people_search_index_follows_people_and_aliases(conn):
    indexed = {row["rowid"]: (row["name"], sorted(row["aliases"].split())) for row in
               conn.execute("select rowid, name, aliases from people_fts")}
    expected = {}
    for person in conn.execute("select id, name from people"):
        aliases = [a for (a,) in conn.execute("select alias from person_aliases where person_id = ?", [person["id"]])]
        expected[person["id"]] = (person["name"], sorted(" ".join(aliases).split()))
    assert indexed == expected and len(indexed) > 5


# --- 3. evidence one click from every fact ---------------------------------------------------

def check_sentence_link(conn, cell, sentence_id):
    text, links = cell
    [(href, label)] = [link for link in links if "/sentences/" in link[0]]
    assert href == f"/{DB}/sentences/{sentence_id}"
    assert label == sentence_text(conn, sentence_id), label


def check_document_link(conn, cell, document_id, anchor=""):
    label, path, title = conn.execute("select label, path, title from documents where id = ?", [document_id]).fetchone()
    _, [(href, text)] = cell
    assert href == f"/{DB}/documents/{document_id}{anchor}" and text == label
    assert text == (title or path)


VIEW_ANCHORS = {"person_titles": "title_id", "figure_facts": "figure_id", "casualty_facts": "count_id",
                "meeting_participants": "meeting_id", "document_people": None}
ANCHOR_PREFIX = {"title_id": "titles", "figure_id": "figures", "count_id": "casualty_counts", "meeting_id": "meeting"}


@pytest.mark.parametrize("view", list(VIEW_ANCHORS))
async def test_every_view_row_links_to_its_sentence_and_article(site, conn, view):
    data = (await site.client.get(f"/{DB}/{view}.json?_shape=array&_size=max")).json()
    rows = table_rows((await site.client.get(f"/{DB}/{view}?_size=max")).text)
    assert len(rows) == len(data) > 0
    for row, cells in zip(data, rows):
        key = VIEW_ANCHORS[view]
        if "sentence_id" in row:
            check_sentence_link(conn, cells["sentence_id"], row["sentence_id"])
        [document_id] = conn.execute("select id from documents where path = ?", [row["document"]]).fetchone()
        anchor = f"#{ANCHOR_PREFIX[key]}-{row[key]}" if key else ""
        check_document_link(conn, cells["document"], document_id, anchor)


@pytest.mark.parametrize("name", list(CONFIG["queries"]))
async def test_every_canned_query_row_links_to_its_evidence(site, conn, name):
    params = QUERY_PARAMETERS.get(name, {})
    data = (await site.client.get(f"/{DB}/{name}.json", params={**params, "_shape": "array"})).json()
    rows = table_rows((await site.client.get(f"/{DB}/{name}", params=params)).text)
    assert len(rows) == len(data) > 0
    for row, cells in zip(data, rows):
        links = [href for _, cell_links in cells.values() for href, _ in cell_links]
        if name == "incidents_by_perpetrator":   # totals: the link goes to the claims they add up
            assert any(href.startswith(f"/{DB}/casualty_facts?perpetrator") for href in links), cells
            continue
        sentences = [int(href.rsplit("/", 1)[1]) for href in links if href.startswith(f"/{DB}/sentences/")]
        assert sentences, (name, cells)
        expected = json.loads(row["sentences"]) if "sentences" in row else [row["sentence_id"]]
        assert sorted(set(sentences)) == sorted(set(expected)), (name, row)


async def test_sentence_and_row_pages_label_their_keys(site, conn):
    [document_id, label] = conn.execute(
        "select d.id, d.label from sentences s join documents d on d.id = s.document_id where s.id = 82").fetchone()
    page = (await site.client.get(f"/{DB}/sentences/82")).text
    assert f'<a href="/{DB}/documents/{document_id}">{html.escape(label)}</a>' in page
    [count_id, incident_id] = conn.execute("select id, incident_id from casualty_counts limit 1").fetchone()
    page = (await site.client.get(f"/{DB}/casualty_counts/{count_id}")).text
    [place] = conn.execute("select place from incidents where id = ?", [incident_id]).fetchone()
    assert f'<a href="/{DB}/incidents/{incident_id}">{html.escape(place)}</a>' in page


async def test_meetings_link_to_their_reports_and_incidents_to_their_sentences(site, conn):
    rows = table_rows((await site.client.get(f"/{DB}/meetings?_size=max")).text)
    for cells in rows:
        [(href, text)] = cells["sources"][1]
        meeting_id = int(href.rsplit("=", 1)[1])
        [reports] = conn.execute("select count(distinct document_id) from meeting_reports where meeting_id = ?",
                                 [meeting_id]).fetchone()
        assert href == f"/{DB}/meeting_reports?meeting_id={meeting_id}" and text.startswith(f"{reports} article")
    rows = table_rows((await site.client.get(f"/{DB}/incidents")).text)
    for cells in rows:
        hrefs = [href for href, _ in cells["sentences"][1]]
        assert hrefs and all(href.startswith(f"/{DB}/sentences/") for href in hrefs)


# --- 4. the article page ----------------------------------------------------------------------

class Marks(HTMLParser):
    """data-fact -> the text inside its <mark> pieces; element ids; the <h1>."""

    def __init__(self):
        super().__init__()
        self.facts, self.ids, self.open, self.h1, self._in_h1 = {}, set(), [], "", False
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag == "mark":
            self.open.append(attrs["data-fact"])
            self.facts.setdefault(attrs["data-fact"], [])
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        for key in self.open:
            self.facts[key].append(data)
        if self._in_h1:
            self.h1 += data


def facts_of(conn, document_id) -> dict[str, tuple[int, int]]:
    return {f"{table}:{fid}": (start, end) for table in FACT_TABLES for fid, start, end in conn.execute(
        f'select id, start, "end" from {table} where document_id = ?', [document_id])}


async def test_the_article_page_marks_every_fact_in_place(site, conn):
    for document_id, text, title, path in conn.execute("select id, text, title, path from documents"):
        page = (await site.client.get(f"/{DB}/documents/{document_id}")).text
        marks = Marks()
        marks.feed(page)
        expected = facts_of(conn, document_id)
        assert set(marks.facts) == set(expected), document_id
        for key, (start, end) in expected.items():
            assert "".join(marks.facts[key]) == text[start:end], key
            table, fid = key.split(":")
            assert f"{table}-{fid}" in marks.ids                       # the mark a list item points to
            if table != "person_mentions":
                assert f"/{DB}/{table}/{fid}" in marks.hrefs, key       # listed beside the text, linking to its row
        assert marks.h1.strip() == (title or path)
        sentences = {f"sentence-{sid}" for (sid,) in conn.execute(
            "select id from sentences where document_id = ?", [document_id])}
        assert sentences <= marks.ids
        assert len(re.findall(r"<p>", page.split('class="article-text"')[1].split("</div>")[0])) == len(
            article.paragraphs(text))


async def test_every_document_reference_leads_to_the_article(site, conn):
    page = (await site.client.get(f"/{DB}/documents")).text
    for document_id, text in conn.execute("select id, text from documents"):
        assert f'href="/{DB}/documents/{document_id}" class="read-article"' in page
        assert text[200:400] not in page      # the full text is one click away, not on the table page
    sentences = table_rows((await site.client.get(f"/{DB}/sentences")).text)
    assert all(cells["document_id"][1][0][0].startswith(f"/{DB}/documents/") for cells in sentences)


def test_mark_up_nests_splits_and_escapes():
    text = "Title <b>\n\nForeign Minister Jane Roe met Bob Doe.\n\nSecond paragraph."
    a = text.index("Foreign")
    marks = [
        article.Mark("titles", 1, a, a + len("Foreign Minister")),
        article.Mark("person_mentions", 2, a + len("Foreign Minister "), a + len("Foreign Minister Jane Roe")),
        article.Mark("meeting_reports", 3, a, text.index(" met") + 4),     # holds the two above
        article.Mark("figures", 4, text.index("Bob"), text.index("Second") + 6),   # crosses a paragraph break
    ]
    paragraphs = article.mark_up(text, marks, {text.index("Second"): ["sentence-9"], 0: ["sentence-1"]})
    assert len(paragraphs) == 3
    assert paragraphs[0] == '<span class="anchor" id="sentence-1"></span>Title &lt;b&gt;'
    parser = Marks()
    parser.feed("".join(f"<p>{p}</p>" for p in paragraphs))
    assert "".join(parser.facts["titles:1"]) == "Foreign Minister"
    assert "".join(parser.facts["meeting_reports:3"]) == "Foreign Minister Jane Roe met"
    assert "".join(parser.facts["figures:4"]) == "Bob Doe.Second"     # split at the paragraph break
    assert parser.ids == {"sentence-1", "sentence-9", "titles-1", "person_mentions-2", "meeting_reports-3",
                          "figures-4"}
    assert '<mark class="fact fact-meeting" data-fact="meeting_reports:3" id="meeting_reports-3"' in paragraphs[1]
    assert paragraphs[1].index("meeting_reports:3") < paragraphs[1].index("titles:1")   # the outer mark opens first


# --- 5. month facet, undated meetings ----------------------------------------------------------

async def test_meetings_are_faceted_by_month_with_the_undated_counted(site, conn):
    data = (await site.client.get(f"/{DB}/meetings.json?_facet=month&_size=0")).json()
    facet = {r["value"]: r["count"] for r in data["facet_results"]["month"]["results"]}
    expected = dict(conn.execute(
        "select coalesce(case date_precision when 'year' then substr(date, 1, 4) else substr(date, 1, 7) end, "
        "'undated'), count(*) from meetings group by 1"))
    assert facet == expected and expected.get("undated")
    chart = METADATA["plugins"]["datasette-dashboards"]["facts"]["charts"]["meetings-per-month"]
    rows = (await site.client.get(f"/{DB}.json", params={"sql": chart["query"], "_shape": "array"})).json()
    assert {r["month"]: r["meetings"] for r in rows} == expected and rows[-1]["month"] == "undated"


# --- the demo and the user's databases ---------------------------------------------------------

def make(folder: Path, target: str):
    venv = ROOT / ".venv"
    return subprocess.run(["make", "-C", str(folder), f"VENV={venv}", "-o", f"{venv}/.installed", target],
                          capture_output=True, text=True, timeout=900)


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_make_db_rebuilds_only_the_demo(tmp_path, corpus_db):
    """`make serve` builds facts.db from seeds/ (twice, after a source file changes) and never touches
    any other file; a facts.db holding articles a user loaded is never rebuilt or removed."""
    folder = tmp_path / "clone"
    folder.mkdir()
    for name in ("Makefile", "schema.sql", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copytree(ROOT / "load", folder / "load", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(corpus_db, folder / "my_corpus.db")
    before = snapshot(folder)
    for _ in range(2):
        time.sleep(0.01)
        (folder / "load" / "cli.py").touch()          # a source file changed: the demo is out of date
        result = make(folder, "db")
        assert result.returncode == 0, result.stdout + result.stderr
        assert "demo:" in result.stderr
        after = snapshot(folder)
        changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)}
        # facts.db.lock: the loader's lock beside the database it writes (load/store.py), its own file
        assert changed - {"facts.db.lock"} == {"facts.db", "load/cli.py"}, changed
        before = after
    demo = sqlite3.connect(folder / "facts.db")
    assert {p for (p,) in demo.execute("select path from documents")} == {
        f"seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")}
    demo.close()

    # a user loads an article of their own into facts.db: make never rebuilds nor removes it
    (folder / "mine").mkdir()
    (folder / "mine" / "mine.txt").write_text((ROOT / "seeds" / "000_58ba65240de847c6.txt").read_text() + "\nMore.\n")
    loaded = subprocess.run([sys.executable, "-m", "load", "mine", "--db", "facts.db", "-q"], cwd=folder,
                            capture_output=True, text=True, timeout=600)
    assert loaded.returncode == 0, loaded.stderr
    before = snapshot(folder)
    for _ in range(2):
        time.sleep(0.01)
        (folder / "schema.sql").touch()
        result = make(folder, "db")
        assert result.returncode == 0 and "holds articles you loaded" in result.stderr, result.stderr
        after = snapshot(folder)
        assert {n for n in set(before) | set(after) if before.get(n) != after.get(n)} == {"schema.sql"}
        before = after
    clean = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "publish.demo", "--remove"], cwd=folder,
                           capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0 and (folder / "facts.db").exists() and (folder / "my_corpus.db").exists()
    dry = subprocess.run(["make", "-n", "-C", str(folder), "serve"], capture_output=True, text=True,
                         env={**os.environ, "MAKEFLAGS": ""}, timeout=60)
    assert ".venv/bin/newsfacts serve facts.db --host 127.0.0.1 --port 8001" in dry.stdout


async def test_the_article_page_gives_a_casualty_count_its_own_date_and_its_incidents_role(site, conn):
    # the seed's release, a month after the abduction it ends (an incident the article recalls)
    [(document_id, count_id, date)] = conn.execute(
        "select document_id, id, date from casualty_counts where kind = 'released'").fetchall()
    page = (await site.client.get(f"/{DB}/documents/{document_id}")).text
    [mark] = re.findall(rf'<mark[^>]*id="casualty_counts-{count_id}"[^>]*>', page) or [""]
    assert date == "2019-11-15" and "2019-11-15" in mark and "recalled" in mark, mark
