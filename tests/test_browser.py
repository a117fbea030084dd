"""A real browser against a live `newsfacts serve` of the seeds database, saved as my_corpus.db
(a name of a user's own: the site must not depend on the demo's name, facts).

Chromium (Debian's /usr/bin/chromium, or NEWSFACTS_CHROMIUM) driven by Playwright for
Python; no browser is downloaded. Skipped when either is missing locally; .ci/run
installs Chromium with apt-get and `make test` installs Playwright (the test extra).
Screenshots of each step are kept as test artifacts in test-output/browser/ (git-ignored).
"""
from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_serving import datasette_server

CHROMIUM = os.environ.get("NEWSFACTS_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-output" / "browser"
DB = "my_corpus"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def live_server(corpus_db):
    """The seeds database, as my_corpus.db, served like `make serve` serves the demo (`newsfacts serve`)."""
    with datasette_server(corpus_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # offline and deterministic: only the local server answers (map tiles from the web are refused)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
               else route.abort())
    yield page
    context.close()


def shoot(page, name: str) -> None:
    """A full-page screenshot, kept in test-output/browser/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0


def test_home_lists_the_tables(page, live_server):
    page.goto(f"{live_server}/")
    assert "newsfacts" in page.title()
    assert page.locator(f'a[href="/-/dashboards/{DB}"]').count() >= 1
    shoot(page, "home")
    page.goto(f"{live_server}/{DB}")
    tables = set(page.locator("h3 a").all_inner_texts())
    assert {"documents", "sentences", "people", "meetings", "figures", "incidents", "places"} <= tables
    shoot(page, "database")


def rows(page) -> list[str]:
    return page.locator("table.rows-and-columns tbody tr").all_inner_texts()


def test_meeting_facets_narrow_the_rows_on_click(page, live_server):
    page.goto(f"{live_server}/{DB}/meetings?_facet=place")
    before = rows(page)
    assert before
    shoot(page, "meetings")
    link = page.locator("#facet-place li a").first
    value = link.get_attribute("data-facet-value") or link.inner_text()
    link.click()
    page.wait_for_url("**place=*")
    after = rows(page)
    assert 0 < len(after) < len(before)
    assert set(page.locator("table.rows-and-columns tbody td.col-place").all_inner_texts()) == {value}
    shoot(page, "meetings-faceted")


def test_canned_query_with_a_parameter_returns_rows(page, live_server):
    page.goto(f"{live_server}/{DB}/person_dossier")
    page.fill('input[name="name"]', "Zarif")
    page.locator('form.sql input[type="submit"]').click()
    page.wait_for_url("**name=Zarif*")
    found = rows(page)
    assert found and all("Zarif" in row for row in found)
    shoot(page, "person-dossier")


# Keeps each Vega view datasette-dashboards draws (window.__vegaViews[chart element id]), so a test
# can ask Vega where it drew the marks, axes and legends.
CAPTURE_VEGA_VIEWS = """
(() => {
  window.__vegaViews = {};
  let wrapped;
  Object.defineProperty(window, 'vegaEmbed', {
    configurable: true,
    get() { return wrapped; },
    set(embed) {
      wrapped = async (element, spec, options) => {
        const result = await embed(element, spec, options);
        window.__vegaViews[element.id] = result.view;
        return result;
      };
    },
  });
})();
"""
# per chart: the size of its drawing (svg or canvas) and the bounds of everything Vega drew in it
CHART_BOUNDS = """() => Object.entries(window.__vegaViews).map(([id, view]) => {
    const drawing = document.querySelector(`#${id} svg, #${id} canvas`).getBoundingClientRect();
    const bounds = view.scenegraph().root.bounds;
    const [x, y] = view.origin();
    return {id, box: [drawing.width, drawing.height], drawn: [bounds.x1 + x, bounds.y1 + y, bounds.x2 + x, bounds.y2 + y]};
})"""


def test_dashboard_draws_every_chart(page, live_server):
    import yaml

    charts = yaml.safe_load((ROOT / "metadata.yml").read_text())["plugins"]["datasette-dashboards"]["facts"]["charts"]
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(CAPTURE_VEGA_VIEWS)
    page.goto(f"{live_server}/-/dashboards/{DB}")
    for slug in charts:
        page.locator(f"#chart-{slug} canvas, #chart-{slug} svg").first.wait_for(timeout=15000)
    page.wait_for_function(f"Object.keys(window.__vegaViews).length === {len(charts)}", timeout=15000)
    assert not errors, errors
    # every chart, legend and axis labels included, is drawn inside its box (nothing cut off)
    for chart in page.evaluate(CHART_BOUNDS):
        width, height = chart["box"]
        x1, y1, x2, y2 = chart["drawn"]
        assert x1 >= -1 and y1 >= -1 and x2 <= width + 1 and y2 <= height + 1, chart
    shoot(page, "dashboard")


# --- the map -------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", ["meetings", "incidents"])
def test_map_shows_a_marker_for_the_geocoded_rows(page, live_server, corpus_db, table):
    import sqlite3

    [located] = sqlite3.connect(corpus_db).execute(
        f"select count(*) from {table} where latitude is not null and longitude is not null").fetchone()
    assert located > 0, f"no geocoded {table} in the seeds"
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server}/{DB}/{table}")
    markers = page.locator(".leaflet-marker-icon")   # single markers and cluster icons (.marker-cluster)
    markers.first.wait_for(timeout=15000)
    # the plugin fetches the rows, then adds them; wait until every located row is on the map
    page.wait_for_function(
        """located => {
            let count = 0;
            for (const icon of document.querySelectorAll('.leaflet-marker-icon')) {
                const cluster = icon.classList.contains('marker-cluster');
                count += cluster ? parseInt(icon.innerText, 10) : 1;
            }
            return count === located;
        }""", arg=located, timeout=15000)
    assert markers.count() > 0
    assert page.locator(".leaflet-container").first.is_visible()
    assert not errors, errors
    shoot(page, f"{table}-map")


# --- article text is shown as text, never run or rendered as HTML ----------------------------------

PAYLOAD = "<script>window.__pwned=1</script>"
HOSTILE_ARTICLE = f"""Pipeline talks <script>window.__pwned=3</script> resume in Islamabad

By Jane Doe November 22, 2019

ISLAMABAD: Foreign Minister Shah Mahmood Qureshi met Iranian Foreign Minister Javad Zarif in Islamabad on Monday to discuss the gas pipeline {PAYLOAD} and trade.

The officials said the <b>bold</b> plan would add 7,500 megawatts of power, and the <img src=x onerror="window.__pwned=2"> talks would continue.

Qureshi said the two countries would meet again in Tehran next month.
"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "articles").mkdir()
    (folder / "articles" / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = folder / "hostile_corpus.db"
    result = subprocess.run([sys.executable, "-m", "load", str(folder / "articles"), "--db", str(db), "-q"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    import sqlite3

    connection = sqlite3.connect(db)
    [sentence_id] = connection.execute("select id from sentences where text like ?", [f"%{PAYLOAD}%"]).fetchone()
    [document_id] = connection.execute("select id from documents").fetchone()
    assert connection.execute("select count(*) from sentences where text like '%<b>bold</b>%'").fetchone()[0] == 1
    with datasette_server(db) as url:
        yield url, document_id, sentence_id


TITLE_PAYLOAD = "<script>window.__pwned=3</script>"
BOLD = "<b>bold</b>"
IMAGE = '<img src=x onerror="window.__pwned=2">'


def hostile_pages(document_id: int, sentence_id: int) -> dict[str, tuple[str, list[str]]]:
    """page name -> (path, the article text it must show literally)."""
    db = "hostile_corpus"
    return {
        "document": (f"/{db}/documents/{document_id}", [TITLE_PAYLOAD, PAYLOAD, BOLD, IMAGE]),   # the article page
        "documents": (f"/{db}/documents", [TITLE_PAYLOAD]),
        "sentences": (f"/{db}/sentences", [TITLE_PAYLOAD, PAYLOAD, BOLD, IMAGE]),
        "sentence": (f"/{db}/sentences/{sentence_id}", [PAYLOAD]),
        "search": (f"/{db}/sentences?_search=pipeline", [TITLE_PAYLOAD, PAYLOAD]),
        "evidence": (f"/{db}/evidence?sentence_id={sentence_id}", [TITLE_PAYLOAD, PAYLOAD]),
        "figures-about": (f"/{db}/figures_about?topic=megawatts", [TITLE_PAYLOAD, BOLD, IMAGE]),
        "figure-facts": (f"/{db}/figure_facts", [TITLE_PAYLOAD, BOLD, IMAGE]),
        "person-dossier": (f"/{db}/person_dossier?name=Zarif", [TITLE_PAYLOAD, PAYLOAD]),
        "search-all": ("/-/search?q=pipeline", [PAYLOAD]),
    }


def test_article_html_and_scripts_are_shown_as_text_on_every_page(page, hostile_server):
    url, document_id, sentence_id = hostile_server
    for name, (path, literals) in hostile_pages(document_id, sentence_id).items():
        page.goto(url + path)
        if name == "search-all":   # results are fetched and drawn by the page's script
            page.get_by_text("window.__pwned=1", exact=False).first.wait_for(timeout=15000)
        text = page.locator("body").inner_text()
        for literal in literals:
            assert literal in text, f"{name}: {literal} is not shown as text"
        assert page.evaluate("typeof window.__pwned") == "undefined", name
        injected = page.evaluate("""() => ({
            scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).length,
            bold: [...document.querySelectorAll('b')].filter(b => b.textContent === 'bold').length,
            images: document.querySelectorAll('img[onerror]').length,
        })""")
        assert injected == {"scripts": 0, "bold": 0, "images": 0}, (name, injected)
        shoot(page, f"hostile-{name}")


# --- search takes what people type ----------------------------------------------------------------

def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("typed", ["Iran-Pakistan", "Zarif's", "U.S."])
def test_search_box_of_a_table_takes_what_people_type(page, live_server, typed):
    page.goto(f"{live_server}/{DB}/sentences")
    page.fill('input[name="_search"]', typed)
    page.locator('input[name="_search"]').press("Enter")
    page.wait_for_url("**_search=*")
    found = page.locator("table.rows-and-columns tbody td.col-text").all_inner_texts()
    assert found, typed
    assert all(set(words(typed)) <= set(words(text)) for text in found), found
    assert typed in " ".join(found)
    shoot(page, f"search-table-{words(typed)[0]}")


@pytest.mark.parametrize("typed", ["Iran-Pakistan", "Zarif's", "U.S."])
def test_search_all_tables_takes_what_people_type_and_links_each_result(page, live_server, typed):
    page.goto(f"{live_server}/-/search")
    page.fill("#search-all-q", typed)
    page.locator("#search-all-q").press("Enter")
    page.wait_for_url("**q=*")
    page.locator("#search-all-results[data-done]").wait_for(state="attached", timeout=15000)
    assert page.locator(".message-error").count() == 0
    sentences = page.locator('section.search-result[data-table="sentences"] tr:has(td)')
    assert sentences.count() > 0, page.locator("body").inner_text()
    assert all(set(words(typed)) <= set(words(text)) for text in sentences.locator("td.col-text").all_inner_texts())
    shoot(page, f"search-all-{words(typed)[0]}")
    # each result links to its sentence, and the sentence to its article
    sentences.first.locator("td.col-id a").click()
    page.wait_for_url(f"**/{DB}/sentences/*")
    page.locator("td.col-document_id a").click()
    page.wait_for_url(f"**/{DB}/documents/*")
    assert page.locator("article.newsfacts-article").count() == 1


def test_a_surname_finds_the_person_on_search_all(page, live_server):
    page.goto(f"{live_server}/-/search?q=Qureshi")
    page.locator("#search-all-results[data-done]").wait_for(state="attached", timeout=15000)
    people = page.locator('section.search-result[data-table="people"] td.col-name')
    assert people.all_inner_texts() == ["Shah Mahmoud Qureshi"]
    people.first.locator("a").click()
    page.wait_for_url(f"**/{DB}/people/*")


# --- evidence one click away, and on to the article ------------------------------------------------

def facts_on_the_page(page) -> dict[str, list[str]]:
    """data-fact -> the texts of its <mark> pieces, in document order."""
    return page.evaluate("""() => {
        const out = {};
        for (const mark of document.querySelectorAll('mark[data-fact]')) {
            (out[mark.dataset.fact] = out[mark.dataset.fact] || []).push(mark.textContent);
        }
        return out;
    }""")


def assert_article_marks_its_facts(page, db_path, document_id) -> dict[str, str]:
    """The article page marks exactly the article's facts, each over its own characters (a mark is
    split where another fact starts or ends and where a paragraph ends, never elsewhere)."""
    conn = sqlite3.connect(db_path)
    [text] = conn.execute("select text from documents where id = ?", [document_id]).fetchone()
    expected = {}
    for table in ("person_mentions", "titles", "meeting_reports", "figures", "casualty_counts"):
        for fid, start, end in conn.execute(f'select id, start, "end" from {table} where document_id = ?',
                                            [document_id]):
            expected[f"{table}:{fid}"] = text[start:end]
    marked = facts_on_the_page(page)
    assert set(marked) == set(expected)
    for key, pieces in marked.items():
        assert re.sub(r"\s", "", "".join(pieces)) == re.sub(r"\s", "", expected[key]), (key, pieces)
        assert expected[key].startswith(pieces[0]), (key, pieces)
    return expected


def test_click_from_a_casualty_fact_to_its_sentence_and_on_to_the_article(page, live_server, corpus_db):
    page.goto(f"{live_server}/{DB}/casualty_facts")
    first = page.locator("table.rows-and-columns tbody tr").first
    sentence = first.locator("td.col-sentence_id a").inner_text()
    count_id = first.locator("td.col-count_id").inner_text()
    shoot(page, "casualty-facts")
    first.locator("td.col-sentence_id a").click()
    page.wait_for_url(f"**/{DB}/sentences/*")
    assert sentence in page.locator("body").inner_text()
    shoot(page, "casualty-sentence")
    page.locator("td.col-document_id a").click()
    page.wait_for_url(f"**/{DB}/documents/*")
    document_id = int(page.url.rsplit("/", 1)[1].split("#")[0])
    expected = assert_article_marks_its_facts(page, corpus_db, document_id)
    assert f"casualty_counts:{count_id.strip()}" in expected
    shoot(page, "article-from-casualty")
    # the row's article link lands on the claim itself, marked in the text
    page.go_back()
    page.go_back()
    page.locator("table.rows-and-columns tbody tr").first.locator("td.col-document a").click()
    page.wait_for_url(f"**/{DB}/documents/*#casualty_counts-*")
    target = page.locator(f"#casualty_counts-{count_id.strip()}")
    assert target.evaluate("element => element.matches(':target')") and target.is_visible()


def test_click_from_a_canned_query_row_to_its_sentence_and_on_to_the_article(page, live_server, corpus_db):
    page.goto(f"{live_server}/{DB}/figures_about?topic=pipeline")
    first = page.locator("table.rows-and-columns tbody tr").first
    figure_id = first.locator("td.col-figure_id").inner_text().strip()
    first.locator("td.col-sentence a").click()
    page.wait_for_url(f"**/{DB}/sentences/*")
    page.locator("td.col-document_id a").click()
    page.wait_for_url(f"**/{DB}/documents/*")
    document_id = int(page.url.rsplit("/", 1)[1])
    assert f"figures:{figure_id}" in assert_article_marks_its_facts(page, corpus_db, document_id)
    # listed beside the text by kind, linking to its row
    page.locator(f'.facts-figures a[href="/{DB}/figures/{figure_id}"]').click()
    page.wait_for_url(f"**/{DB}/figures/{figure_id}")


def test_every_article_page_marks_exactly_its_facts(page, live_server, corpus_db):
    for (document_id,) in sqlite3.connect(corpus_db).execute("select id from documents"):
        page.goto(f"{live_server}/{DB}/documents/{document_id}")
        assert_article_marks_its_facts(page, corpus_db, document_id)
        assert page.locator("h1").first.inner_text()
        shoot(page, f"article-{document_id}")


def test_column_descriptions_fold_and_long_text_is_one_click_away(page, live_server):
    page.goto(f"{live_server}/{DB}/documents")
    descriptions = page.locator("dl.column-descriptions")
    assert descriptions.count() == 1 and not descriptions.is_visible()
    table_top = page.locator("table.rows-and-columns").bounding_box()["y"]
    page.locator("details.column-descriptions-fold summary").click()
    assert descriptions.is_visible()
    assert page.locator("table.rows-and-columns").bounding_box()["y"] > table_top + 300   # they were folded away
    heights = page.evaluate("[...document.querySelectorAll('table.rows-and-columns tbody tr')].map(r => r.offsetHeight)")
    assert heights and max(heights) < 300, heights
    shoot(page, "documents")
    page.locator("a.read-article").first.click()
    page.wait_for_url(f"**/{DB}/documents/*")
    assert page.locator(".article-text p").count() > 3
