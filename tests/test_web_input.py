"""Issue 14: saved web pages, scraper output (JSON lines) and web archives (WARC) load as articles;
everything else in a folder is listed as not read."""
from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tracemalloc
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest

from load import pipeline
from load.reader import Source, UnsupportedFile, find_files, read_article, read_source, sources, split_name

from .conftest import ROOT

HEADLINE = "Regional ministers resume talks on rail link"
PARAGRAPHS = [
    "NAIROBI: Kenyan Foreign Minister Amina Odhiambo met Ugandan Foreign Minister Samuel Okello in Nairobi "
    "on Monday. The two ministers discussed the 480 km railway line to the border.",
    "Police said at least 14 people were killed in an attack on a bus near Eldoret on Sunday. "
    "Another 9 people were injured, a police spokesman said.",
    "The talks lasted three hours, officials said, and will resume in Kampala next month.",
]
PUBLISHED = "2024-03-05"


def page(headline: str = HEADLINE, paragraphs: list[str] = PARAGRAPHS, published: str = PUBLISHED + "T08:00:00+03:00",
         url: str = "https://news.example.org/africa/rail-talks-resume") -> str:
    """A saved news page: head metadata, a menu, the article, related links and a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{headline} | Example News</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Grace Wanjiru">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="2024-04-01T09:00:00+03:00">
<link rel="canonical" href="{url}">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/africa">Africa</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{headline}</h1>
<p class="byline">By Grace Wanjiru</p>
{body}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Floods close schools in the west</a></li>
<li><a href="/b">Central bank holds rates</a></li></ul></aside></main>
<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body></html>"""


def load(paths, db: Path, **kwargs) -> pipeline.Summary:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline.run([Path(p) for p in paths], db, **kwargs)
    finally:
        os.chdir(cwd)


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def facts_of(db: Path, path_like: str) -> dict[str, list]:
    """The facts one document gave, without ids and offsets (so one text with or without a headline compares)."""
    where = "document_id = (select id from documents where path like ?)"
    return {
        "people": sorted(rows(db, f"select name, rank, country from article_people where {where}", [path_like])),
        "meetings": sorted(rows(db, f"""select date, place, (select group_concat(ap.name, '+') from
            (select ap.name from meeting_report_participants p join article_people ap on ap.id = p.article_person_id
             where p.meeting_report_id = r.id order by ap.name) ap) from meeting_reports r where {where}""",
                                [path_like])),
        "figures": sorted(rows(db, f"select value, unit, text from figures where {where}", [path_like])),
        "casualties": sorted(rows(db, f"select kind, count, text from casualty_counts where {where}", [path_like])),
        "document": rows(db, "select published, dateline from documents where path like ?", [path_like]),
    }


# --- one article, three formats -------------------------------------------------------------

def test_the_same_article_as_txt_html_and_a_json_record_gives_the_same_facts(tmp_path):
    folder = tmp_path / "same"
    folder.mkdir()
    (folder / "story.txt").write_text(f"{HEADLINE}\n\nMarch 5, 2024\n\n" + "\n\n".join(PARAGRAPHS) + "\n")
    (folder / "page.html").write_text(page())
    (folder / "scraped.jsonl").write_text(json.dumps({
        "title": HEADLINE, "maintext": "\n".join(PARAGRAPHS), "date_publish": "2024-03-05 08:00:00",
        "url": "https://news.example.org/africa/rail-talks-resume", "authors": ["Grace Wanjiru"],
        "source_domain": "news.example.org"}) + "\n")
    db = tmp_path / "facts.db"
    summary = load([folder], db)
    assert not summary.skipped and len(summary.loaded) == 3
    as_text, as_html, as_record = (facts_of(db, f"%{name}") for name in ("story.txt", "page.html", "scraped.jsonl#1"))
    assert as_text["meetings"] and as_text["figures"] and as_text["casualties"]
    assert as_text["document"] == [(PUBLISHED, "Nairobi")]
    assert as_html == as_text
    assert as_record == as_text


# --- HTML ------------------------------------------------------------------------------------

def test_html_page_body_metadata_and_sources(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(page())
    article = read_article(path)
    assert article.text.startswith("NAIROBI: Kenyan Foreign Minister")   # the headline is the title, not text
    assert article.text.endswith("next month.")
    for furniture in ("Home", "Most read", "Floods close schools", "All rights reserved", "By Grace Wanjiru"):
        assert furniture not in article.text, furniture
    assert "\n\n" in article.text  # paragraphs are kept apart, as the text reader keeps them
    assert (article.title, article.title_source) == (HEADLINE, "meta:og:title")
    assert (article.outlet, article.outlet_source) == ("Example News", "meta:og:site_name")
    assert (article.author, article.author_source) == ("Grace Wanjiru", "meta:author")
    assert (article.url, article.url_source) == ("https://news.example.org/africa/rail-talks-resume", "link:canonical")
    assert (article.language, article.language_source) == ("en-GB", "html-lang")
    # the original date from its meta tag: not the modified time, not the file's time
    assert (article.published, article.published_precision, article.published_source, article.published_raw) == (
        PUBLISHED, "day", "meta:article:published_time", PUBLISHED + "T08:00:00+03:00")
    assert article.dateline == "Nairobi" and article.format == "html"


def test_a_page_without_a_date_in_its_markup_has_no_publication_date(tmp_path):
    path = tmp_path / "undated.html"
    path.write_text(page().replace('<meta property="article:published_time" content="2024-03-05T08:00:00+03:00">', "")
                    .replace('<meta property="article:modified_time" content="2024-04-01T09:00:00+03:00">', ""))
    article = read_article(path)
    assert article.published is None and article.published_source is None  # never the file's time or today


def test_gzip_compressed_page_reads_like_the_page(tmp_path):
    (tmp_path / "page.html").write_text(page())
    (tmp_path / "page.htm.gz").write_bytes(gzip.compress(page().encode()))
    plain, packed = read_article(tmp_path / "page.html"), read_article(tmp_path / "page.htm.gz")
    assert packed.text == plain.text and packed.title == plain.title and packed.published == plain.published


def test_a_sidecar_beside_a_page_overrides_its_markup_and_is_not_an_input(tmp_path):
    (tmp_path / "page.html").write_text(page())
    (tmp_path / "page.json").write_text(json.dumps({"outlet": "The Standard", "published": "2024-03-04"}))
    (tmp_path / "story.txt").write_text(f"{HEADLINE}\n\n" + "\n\n".join(PARAGRAPHS))
    (tmp_path / "story.json").write_text(json.dumps({"title": "Rail talks"}))
    assert [p.name for p in find_files([tmp_path])] == ["page.html", "story.txt"]
    article = read_article(tmp_path / "page.html")
    assert (article.outlet, article.outlet_source, article.published, article.published_source) == (
        "The Standard", "sidecar", "2024-03-04", "sidecar")


# --- JSON lines ------------------------------------------------------------------------------

NEWS_PLEASE = {
    "authors": ["Grace Wanjiru", "Peter Kamau"], "date_download": "2024-03-06 10:00:00",
    "date_modify": "2024-03-07 11:00:00", "date_publish": "2024-03-05 08:00:00", "description": "Talks resume.",
    "language": "en", "maintext": "\n".join(PARAGRAPHS), "source_domain": "news.example.org",
    "title": HEADLINE, "url": "https://news.example.org/africa/rail-talks-resume",
}
TRAFILATURA = {
    "title": "Port workers end strike after pay deal", "author": "Ruth Achieng", "hostname": "example.com",
    "date": "2024-02-28", "source": "https://example.com/2024/02/28/port-strike-ends",
    "source-hostname": "Coast Daily", "text": "MOMBASA: Port workers ended a nine-day strike on Tuesday after "
    "union leaders accepted a pay rise of 12 percent, the port authority said.", "language": "en",
}
GENERIC = {
    "headline": "Council approves new water plan", "link": "https://example.net/water-plan",
    "published": "1 March 2024", "body": "The county council approved a plan on Friday to build two dams "
    "that will hold 30 million cubic metres of water, the council chairman said.",
}
HTML_RECORD = {"url": "https://news.example.org/africa/rail-talks-resume", "html": page(), "title": "Override title"}


def write_jsonl(path: Path, records: list) -> None:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def scraped(tmp_path) -> Path:
    path = tmp_path / "scraped.jsonl"
    write_jsonl(path, [NEWS_PLEASE, TRAFILATURA, '{"title": "cut off", "text": "The ministers', "", GENERIC,
                       HTML_RECORD, ["not", "an", "object"]])
    return path


def test_each_scraper_shape_reads_with_its_fields_and_sources(scraped):
    found = {source.locator: source for source in sources(scraped)}
    assert list(found) == ["1", "2", "3", "5", "6", "7"]  # the blank line 4 is no record
    news_please = read_source(found["1"])
    assert news_please.path.endswith("scraped.jsonl#1") and news_please.file.endswith("scraped.jsonl")
    assert (news_please.title, news_please.title_source) == (HEADLINE, "record:title")
    assert (news_please.published, news_please.published_source) == (PUBLISHED, "record:date_publish")
    assert (news_please.author, news_please.author_source) == ("Grace Wanjiru; Peter Kamau", "record:authors")
    assert (news_please.outlet, news_please.outlet_source) == ("news.example.org", "record:source_domain")
    assert news_please.fetched_at == "2024-03-06 10:00:00" and news_please.language == "en"
    assert news_please.dateline == "Nairobi" and news_please.text.startswith("NAIROBI: Kenyan")
    trafilatura_json = read_source(found["2"])
    assert (trafilatura_json.url, trafilatura_json.url_source) == (
        "https://example.com/2024/02/28/port-strike-ends", "record:source")
    assert (trafilatura_json.outlet, trafilatura_json.outlet_source) == ("Coast Daily", "record:source-hostname")
    assert (trafilatura_json.published, trafilatura_json.author) == ("2024-02-28", "Ruth Achieng")
    generic = read_source(found["5"])
    assert (generic.title, generic.published, generic.published_source, generic.url) == (
        "Council approves new water plan", "2024-03-01", "record:published", "https://example.net/water-plan")
    from_html = read_source(found["6"])  # an HTML body goes through the HTML reader
    assert from_html.text.startswith("NAIROBI: Kenyan") and "Most read" not in from_html.text
    assert (from_html.title, from_html.title_source) == ("Override title", "record:title")  # the record wins
    assert (from_html.outlet, from_html.outlet_source) == ("Example News", "meta:og:site_name")
    assert (from_html.published, from_html.published_source) == (PUBLISHED, "meta:article:published_time")


def test_a_broken_line_is_skipped_with_its_number_and_the_rest_loads(scraped, tmp_path):
    db = tmp_path / "facts.db"
    summary = load([scraped], db)
    name = pipeline.stored_path(scraped)
    assert summary.loaded == [f"{name}#{n}" for n in (1, 2, 5, 6)]
    skipped = dict(summary.skipped)
    assert skipped[f"{name}#3"].startswith("line 3: invalid JSON")
    assert skipped[f"{name}#7"] == "line 7: not a JSON object"
    stored = rows(db, "select path, file, format from documents order by id")
    assert [(split_name(path), file, fmt) for path, file, fmt in stored] == [
        ((name, str(n)), name, "jsonl") for n in (1, 2, 5, 6)]
    # every offset points into the stored text
    for text, start, end, fact in rows(db, "select d.text, f.start, f.end, f.text from figures f "
                                           "join documents d on d.id = f.document_id"):
        assert text[start:end] == fact


def test_a_changed_line_reloads_alone(scraped, tmp_path):
    db = tmp_path / "facts.db"
    load([scraped], db)
    lines = scraped.read_text().split("\n")
    lines[4] = json.dumps({**GENERIC, "body": GENERIC["body"].replace("two dams", "three dams")})
    scraped.write_text("\n".join(lines))
    again = load([scraped], db)
    name = pipeline.stored_path(scraped)
    assert again.loaded == [f"{name}#5"]
    assert sorted(again.unchanged) == [f"{name}#{n}" for n in (1, 2, 6)]
    assert "three dams" in rows(db, "select text from documents where path = ?", [f"{name}#5"])[0][0]
    # the broken lines are remembered by their hash: reported again, not read again
    assert all("(unchanged since an earlier load)" in reason for _, reason in again.skipped)


def test_a_json_array_gives_one_document_per_item_and_a_json_object_one(tmp_path):
    (tmp_path / "items.json").write_text(json.dumps([TRAFILATURA, GENERIC]))
    (tmp_path / "single.json").write_text(json.dumps(GENERIC))
    found = [source.name.rsplit("/", 1)[-1] for path in find_files([tmp_path]) for source in sources(path)]
    assert found == ["items.json#1", "items.json#2", "single.json"]
    second = read_source([s for s in sources(tmp_path / "items.json")][1])
    assert second.title == "Council approves new water plan" and second.format == "json"


# --- WARC -----------------------------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, bytes]], fetched: str = "2024-06-01T12:00:00Z") -> None:
    """A crawl as a crawler writes it: warcinfo, then a request and a response per page, plus
    an image, a redirect, a 404 page and a metadata record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(url: str, status: str, content_type: str, payload: bytes):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(url, "response", payload=BytesIO(payload), http_headers=headers,
                                         warc_headers_dict={"WARC-Date": fetched})

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test crawler"}))
        for url, html in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            writer.write_record(response(url, "200 OK", "text/html; charset=utf-8", html))
        writer.write_record(response("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG...."))
        writer.write_record(response("https://news.example.org/old", "301 Moved Permanently", "text/html", b""))
        writer.write_record(response("https://news.example.org/gone", "404 Not Found", "text/html",
                                     page("Page not found", ["This page does not exist any more."]).encode()))
        writer.write_record(writer.create_warc_record("https://news.example.org/", "metadata",
                                                      payload=BytesIO(b"outlinks: 3"),
                                                      warc_content_type="application/warc-fields"))


def test_warc_responses_are_articles_and_other_records_are_counted(tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl, [("https://news.example.org/africa/rail-talks-resume", page().encode())])
    db = tmp_path / "facts.db"
    summary = load([crawl], db)
    [name] = summary.loaded
    file, locator = split_name(name)
    assert file == pipeline.stored_path(crawl) and locator.startswith("@")
    assert summary.ignored == Counter({"request record": 1, "warcinfo record": 1, "metadata record": 1,
                                       "non-HTML response (image/png)": 1, "response with status 301": 1,
                                       "response with status 404": 1})
    [(url, url_source, fetched_at, published, published_source, fmt)] = rows(
        db, "select url, url_source, fetched_at, published, published_source, format from documents")
    assert (url, url_source, fmt) == ("https://news.example.org/africa/rail-talks-resume", "warc", "warc")
    assert fetched_at == "2024-06-01T12:00:00Z" and (published, published_source) == (
        PUBLISHED, "meta:article:published_time")  # the fetch time is never the publication date
    assert rows(db, "select count(*) from meeting_reports")[0][0] >= 1
    assert not load([crawl], db).loaded  # unchanged records are not read again


# --- a mixed folder, and the command line ----------------------------------------------------

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "load", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_a_mixed_folder_loads_what_it_can_and_lists_the_rest_by_type(scraped, tmp_path):
    folder = scraped.parent
    (folder / "page.html").write_text(page())
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / "other.PDF").write_bytes(b"%PDF-1.7\n")
    (folder / "letter.docx").write_bytes(b"PK\x03\x04")
    (folder / "notes").write_text("no extension")
    done = run_cli(folder, "--db", tmp_path / "facts.db")
    assert done.returncode == 1, done.stderr  # the broken lines were skipped
    assert "Traceback" not in done.stderr
    assert ("not read (no reader for the type): 1 (no extension), 1 .docx, 1 .jpg, 2 .pdf, 1 .png"
            in done.stderr), done.stderr
    assert "scraped.jsonl#3: line 3: invalid JSON" in done.stderr
    assert "5 loaded, 0 unchanged, 2 skipped" in done.stderr


def test_a_file_of_an_unsupported_type_named_on_the_command_line_is_an_error(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    with pytest.raises(UnsupportedFile, match=r"\.pdf files are not read; the readable types are \.txt, \.html"):
        list(find_files([tmp_path / "report.pdf"]))
    done = run_cli(tmp_path / "report.pdf", "--db", tmp_path / "facts.db")
    assert done.returncode == 2 and ".warc.gz" in done.stderr and not (tmp_path / "facts.db").exists()


# --- big files stream ------------------------------------------------------------------------

def big_jsonl(path: Path, records: int) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for number in range(records):
            out.write(json.dumps({"title": f"Story {number}", "maintext": f"Record {number}. " + PARAGRAPHS[1] * 8,
                                  "date_publish": "2024-03-05"}) + "\n")
    return path


def peak_bytes(function) -> int:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_big_jsonl_file_streams_in_flat_memory(tmp_path):
    """Reading every record of a 10,000-record file holds one record at a time: the peak does
    not grow with the file (planning keeps only each record's location and hash)."""
    small, big = big_jsonl(tmp_path / "small.jsonl", 1_000), big_jsonl(tmp_path / "big.jsonl", 10_000)
    assert big.stat().st_size > 10_000_000

    def read_all(path):
        return lambda: sum(len(read_source(source).text) for source in sources(path))

    read_all(small)()  # imports and caches warmed up
    small_peak, big_peak = peak_bytes(read_all(small)), peak_bytes(read_all(big))
    assert big_peak < 1.5 * small_peak + 1_000_000, (small_peak, big_peak)
    planned = peak_bytes(lambda: list(sources(big)))  # what plan() keeps: a location and a hash per record
    assert planned < 400 * 10_000, planned


def test_a_big_warc_streams_in_flat_memory(tmp_path):
    pages = [(f"https://news.example.org/story/{n}", page(f"Story number {n}", PARAGRAPHS * 3).encode())
             for n in range(2_000)]
    write_warc(tmp_path / "big.warc.gz", pages)
    write_warc(tmp_path / "small.warc.gz", pages[:200])

    def walk(path):
        return lambda: sum(1 for _ in sources(path))

    walk(tmp_path / "small.warc.gz")()
    small_peak, big_peak = peak_bytes(walk(tmp_path / "small.warc.gz")), peak_bytes(walk(tmp_path / "big.warc.gz"))
    assert big_peak < 1.5 * small_peak + 1_000_000, (small_peak, big_peak)
    last = list(sources(tmp_path / "big.warc.gz"))[-1]  # a worker seeks straight to a record
    assert read_source(last).title == "Story number 1999"


def test_workers_spread_the_records_of_one_file(tmp_path):
    assert_workers_spread_records(tmp_path, lambda path: path)


def assert_workers_spread_records(tmp_path, pack) -> None:
    """12 records and a broken line in one file (``pack``ed: as it is, or compressed) load the
    same in one process and in two."""
    path = tmp_path / "many.jsonl"
    records = [{**NEWS_PLEASE, "maintext": NEWS_PLEASE["maintext"].replace("480", str(400 + n))} for n in range(12)]
    write_jsonl(path, records[:6] + ["{broken"] + records[6:])
    path = pack(path)
    one = load([path], tmp_path / "one.db")
    two = load([path], tmp_path / "two.db", workers=2)  # chunks of 8 sources: one file, two processes
    assert len(one.loaded) == 12 and one.loaded == two.loaded and one.skipped == two.skipped
    figures = "select d.path, f.value from figures f join documents d on d.id = f.document_id order by 1, 2"
    assert rows(tmp_path / "one.db", figures) == rows(tmp_path / "two.db", figures)
    assert len({value for _, value in rows(tmp_path / "two.db", figures)}) >= 12


def test_source_names_round_trip():
    assert split_name("corpus/news.jsonl#12") == ("corpus/news.jsonl", "12")
    assert split_name("crawl.warc.gz#@1234") == ("crawl.warc.gz", "@1234")
    assert split_name("notes/issue#5.txt") == ("notes/issue#5.txt", None)   # a '#' in a file name stays
    assert Source("/x/a.jsonl", "a.jsonl", "0" * 64, "3", 10).name == "a.jsonl#3"


def test_page_furniture_lines_go_and_article_lines_stay():
    from load.reader.html import clean_body

    url = "https://news.example.org/2024/03/05/water-plan"
    body = "\n".join([
        "Kenya", url, "Council approves new water plan", "Updated: March 6, 2024 10:00",
        "The county council approved a plan on Friday to build two dams.",
        "Subscribers will pay 5 shillings more a month for water.",
        "CLICK HERE TO GET THE NEWS APP",
        "The copyright to the design belongs to the county, officials said in a statement on Friday afternoon.",
        "Peter Kamau contributed to this report.", "Subscribe to our newsletter for the day's top stories.",
    ])
    assert clean_body(body, "Council approves new water plan", url).split("\n\n") == [
        "The county council approved a plan on Friday to build two dams.",
        "Subscribers will pay 5 shillings more a month for water.",
        "The copyright to the design belongs to the county, officials said in a statement on Friday afternoon.",
    ]
