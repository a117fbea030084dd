"""A real browser against a live `datasette serve` of the seeds database.

Chromium (Debian's /usr/bin/chromium, or NEWSFACTS_CHROMIUM) driven by Playwright for
Python; no browser is downloaded. Skipped when either is missing locally; .ci/run
installs Chromium with apt-get and `make test` installs Playwright (the test extra).
Screenshots of each step go to the test's tmp dir.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_serving import datasette_server

CHROMIUM = os.environ.get("NEWSFACTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def live_server(seeds_db):
    """The seeds database served like `make serve` (the Makefile's SERVE_SETTINGS)."""
    with datasette_server(seeds_db) as url:
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
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # offline and deterministic: only the local server answers (map tiles from the web are refused)
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
               else route.abort())
    yield page
    context.close()


def shoot(page, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0


def test_home_lists_the_tables(page, live_server, tmp_path):
    page.goto(f"{live_server}/")
    assert "newsfacts" in page.title()
    assert page.locator('a[href="/-/dashboards/facts"]').count() >= 1
    shoot(page, tmp_path, "home")
    page.goto(f"{live_server}/facts")
    tables = set(page.locator("h3 a").all_inner_texts())
    assert {"documents", "sentences", "people", "meetings", "figures", "incidents", "places"} <= tables
    shoot(page, tmp_path, "database")


def rows(page) -> list[str]:
    return page.locator("table.rows-and-columns tbody tr").all_inner_texts()


def test_meeting_facets_narrow_the_rows_on_click(page, live_server, tmp_path):
    page.goto(f"{live_server}/facts/meetings?_facet=place")
    before = rows(page)
    assert before
    shoot(page, tmp_path, "meetings")
    link = page.locator("#facet-place li a").first
    value = link.get_attribute("data-facet-value") or link.inner_text()
    link.click()
    page.wait_for_url("**place=*")
    after = rows(page)
    assert 0 < len(after) < len(before)
    assert set(page.locator("table.rows-and-columns tbody td.col-place").all_inner_texts()) == {value}
    shoot(page, tmp_path, "meetings-faceted")


def test_canned_query_with_a_parameter_returns_rows(page, live_server, tmp_path):
    page.goto(f"{live_server}/facts/person_dossier")
    page.fill('input[name="name"]', "Zarif")
    page.locator('form.sql input[type="submit"]').click()
    page.wait_for_url("**name=Zarif*")
    found = rows(page)
    assert found and all("Zarif" in row for row in found)
    shoot(page, tmp_path, "person-dossier")


def test_dashboard_draws_every_chart(page, live_server, tmp_path):
    import yaml

    charts = yaml.safe_load((ROOT / "metadata.yml").read_text())["plugins"]["datasette-dashboards"]["facts"]["charts"]
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server}/-/dashboards/facts")
    for slug in charts:
        page.locator(f"#chart-{slug} canvas, #chart-{slug} svg").first.wait_for(timeout=15000)
    assert not errors, errors
    shoot(page, tmp_path, "dashboard")


# --- the map -------------------------------------------------------------------------------------

@pytest.mark.parametrize("table", ["meetings", "incidents"])
def test_map_shows_a_marker_for_the_geocoded_rows(page, live_server, seeds_db, tmp_path, table):
    import sqlite3

    [located] = sqlite3.connect(seeds_db).execute(
        f"select count(*) from {table} where latitude is not null and longitude is not null").fetchone()
    assert located > 0, f"no geocoded {table} in the seeds"
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server}/facts/{table}")
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
    shoot(page, tmp_path, f"{table}-map")


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
    db = folder / "facts.db"
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
    return {
        "document": (f"/facts/documents/{document_id}", [TITLE_PAYLOAD, PAYLOAD, BOLD, IMAGE]),
        "sentences": ("/facts/sentences", [TITLE_PAYLOAD, PAYLOAD, BOLD, IMAGE]),
        "sentence": (f"/facts/sentences/{sentence_id}", [PAYLOAD]),
        "search": ("/facts/sentences?_search=pipeline", [TITLE_PAYLOAD, PAYLOAD]),
        "evidence": (f"/facts/evidence?sentence_id={sentence_id}", [TITLE_PAYLOAD, PAYLOAD]),
        "figures-about": ("/facts/figures_about?topic=megawatts", [TITLE_PAYLOAD, BOLD, IMAGE]),
        "search-all": ("/-/search?q=pipeline", [PAYLOAD]),
    }


def test_article_html_and_scripts_are_shown_as_text_on_every_page(page, hostile_server, tmp_path):
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
        shoot(page, tmp_path, f"hostile-{name}")
