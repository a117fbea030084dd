"""A real browser against a live `datasette serve` of the seeds database.

Chromium (Debian's /usr/bin/chromium, or NEWSFACTS_CHROMIUM) driven by Playwright for
Python; no browser is downloaded. Skipped when either is missing locally; .ci/run
installs Chromium with apt-get and `make test` installs Playwright (the test extra).
Screenshots of each step go to the test's tmp dir.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = os.environ.get("NEWSFACTS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(seeds_db):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", "-i", str(seeds_db), "-m", str(ROOT / "metadata.yml"),
         "-h", "127.0.0.1", "-p", str(port), "--setting", "sql_time_limit_ms", "3000"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode(errors="replace") if process.poll() is not None else ""
                    pytest.fail(f"datasette did not start on {url}: {output}")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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
