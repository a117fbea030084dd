"""HTML (``.html``, ``.htm``, and gzip-compressed ``.html.gz``, ``.htm.gz``): the body
through trafilatura, the metadata from the page's own markup.

Body. ``trafilatura.bare_extraction`` with ``EXTRACTION`` (chosen by measuring every
option on ../shared/html-dev with ``benchmarks/html_reading.py``; see the README):
favor recall, no comments, no fallback extractors unless the main one finds almost
nothing. Then ``clean_body`` drops the page furniture trafilatura keeps, by general
line rules: the page's own URL, the headline (it is ``documents.title``; the stored
text starts with the body) and the short labels above it, update and publication
stamps, and short calls to action (subscribe, follow us on, click here, contributed
to this report). Paragraphs are joined by a blank line, like the text reader's
output; offsets point into this stored text. The text reader's own cleaning
(``load.cleaning.clean_lines``) is not applied to the extracted body: measured on
html-dev it lowers F1 from 0.967 to 0.951 (it ends a body at any "©" line and drops
short last lines, which cuts list items and whole non-English bodies); its
metadata reading is kept for the dateline.

Metadata, each with its source (``documents.*_source``):
- title, author, site name (``outlet``), canonical URL: trafilatura's metadata
  reader; the source names the markup that holds the value: ``meta:og:title``,
  ``meta:author``, ``meta:og:site_name``, ``link:canonical``, ``json-ld``,
  ``title-tag``, ``h1``, else ``html``. Without a site name the outlet is the URL's
  host (``url-host``).
- language: ``<html lang>`` (``html-lang``), else ``meta:content-language`` or
  ``meta:og:locale``.
- publication date: htmldate (through trafilatura) with ``original_date`` and
  without its extensive free-text search: the URL's date (``url``), meta tags
  (``meta:article:published_time`` ...), JSON-LD (``json-ld``), ``<time>``
  (``time``), other date markup (``htmldate``). The original date, never an update
  date and never the time the page was fetched or saved (a WARC's date is kept in
  ``fetched_at``). ``published_raw`` holds the markup's value.
- dateline: from the body's first paragraph, as for text (``load.article_meta``).
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from ..records import Article
from .base import SkipFile, Source, check_length, gunzip, normalize_text

MAX_HTML_BYTES = 20_000_000  # trafilatura's own MAX_FILE_SIZE

# Measured on ../shared/html-dev (benchmarks/html_reading.py prints every option's F1).
EXTRACTION = dict(favor_recall=True, include_comments=False, include_tables=True, fast=True)
RETRY_BELOW = 250  # characters: the main extractor found almost nothing, let the fallbacks try
DATE_PARAMS = {"original_date": True, "extensive_search": False}

# Calls to action and credits in any outlet's template (whole words, case-insensitive).
CALL_TO_ACTION = re.compile(
    r"\b(?:subscribe|subscription|subscribing|newsletters?|sign(?:ing)? up|click here|download (?:the|our)|get the (?:\w+ ){0,3}app"
    r"|follow\b.{0,60}\bon (?:facebook|twitter|instagram|linkedin|youtube|tiktok)"
    r"|contributed (?:to )?(?:this report|reporting)|may be reached at|have a (?:news )?tip|read more|see also"
    r"|related:|you (?:may|might) also like|also read|filed under|all rights reserved|share this"
    r"|advertisement)\b", re.I)
NOTICE = re.compile(r"^\W*(?:©|\(c\)|copyright\b)", re.I)  # "© 2024 Example News", "Copyright Example 2019"
SHORT_LINE = 15  # words: a call to action inside the body is dropped only when this short
TAIL_LINE = 40   # words: at the end of the body, longer ones too
NOT_A_NAME = re.compile(r"copyright|©|\(c\)|\b(?:19|20)\d\d\b", re.I)
URL_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/_-]?(?P<m>[01]\d)[/_-]?(?P<d>[0-3]\d)(?!\d)")


def read(source: Source, data: bytes) -> Article:
    """One saved page into an Article (a sidecar NAME.json overrides its metadata)."""
    from ..article_meta import apply_sidecar
    from .text import read_sidecar, sidecar_of

    if source.file.lower().endswith(".gz"):
        data = gunzip(data, MAX_HTML_BYTES)
    article = article_from_html(data, source, fmt="html")
    sidecar = read_sidecar(Path(source.path))
    apply_sidecar(article, sidecar, sidecar_of(Path(source.path)).name)
    if sidecar.get("url"):
        article.url_source = "sidecar"
    return article


def article_from_html(html: bytes | str, source: Source, fmt: str, url: str | None = None,
                      encoding: str | None = None) -> Article:
    """A page's markup into an Article named after ``source``; ``url`` is the page's
    address when the caller knows it (a WARC record, a JSON record)."""
    import trafilatura
    from trafilatura.utils import load_html

    if isinstance(html, bytes) and encoding:
        try:
            html = html.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong charset in the HTTP header: let trafilatura detect it
    if isinstance(html, str):
        html = html.replace("\x00", "")
    tree = load_html(html)
    if tree is None:
        raise SkipFile("not an HTML page")
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS,
                                           **EXTRACTION)
    if document is None or len(document.text or "") < RETRY_BELOW:
        retry = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                            date_extraction_params=DATE_PARAMS, **{**EXTRACTION, "fast": False})
        if retry is not None and len(retry.text or "") > len(getattr(document, "text", None) or ""):
            document = retry
    if document is None or not (document.text or "").strip():
        raise SkipFile("no article text found in the page")
    return _article(tree, document, source, fmt, url)


def _article(tree, document, source: Source, fmt: str, given_url: str | None) -> Article:
    from ..article_meta import read_metadata
    from ..cleaning import CleanedText

    markup = Markup(tree)
    title = _clean(document.title)
    page_url = given_url or document.url
    text = clean_body(normalize_text(document.text), title, page_url)
    check_length(text)
    if not any(c.isalpha() for c in text):
        raise SkipFile("no words in the article text")
    article = Article(path=source.name, sha256=source.sha256, text=text, file=source.file, format=fmt)
    if title:
        article.title, article.title_source = title, markup.source_of(
            title, ("meta:og:title", "meta:twitter:title", "json-ld", "h1", "title-tag"), ("title-tag", "h1"))
    author = _clean(document.author)
    if author:
        article.author, article.author_source = author, markup.source_of(author, ("meta:author", "json-ld"))
    if given_url:
        article.url, article.url_source = given_url, fmt
    elif document.url:
        article.url, article.url_source = document.url, markup.source_of(document.url, ("link:canonical", "meta:og:url"))
    sitename = _clean(document.sitename)
    if sitename and NOT_A_NAME.search(sitename):
        sitename = None  # "Copyright 2014": a notice, not the site's name
    if sitename:
        article.outlet, article.outlet_source = sitename, markup.source_of(
            sitename, ("meta:og:site_name", "json-ld", "meta:application-name"))
    elif article.url and urlsplit(article.url).hostname:
        article.outlet, article.outlet_source = urlsplit(article.url).hostname.removeprefix("www."), "url-host"
    article.language, article.language_source = markup.language()
    if document.date:
        _set_date(article, document.date, markup, page_url)
    read_metadata(article, CleanedText(text=text))  # the dateline ("ISLAMABAD:") of the first paragraph
    return article


def _clean(value: str | None) -> str | None:
    value = normalize_text(" ".join((value or "").split()))
    return value or None


def _set_date(article: Article, iso: str, markup: Markup, url: str | None) -> None:
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return
    article.published, article.published_precision = day.isoformat(), "day"
    for match in URL_DATE.finditer(url or ""):
        if (int(match["y"]), int(match["m"]), int(match["d"])) == (day.year, day.month, day.day):
            article.published_raw, article.published_source = match.group(0), "url"
            return
    article.published_source, article.published_raw = markup.date_source(day.isoformat())


# --- where a value sits in the markup ------------------------------------------------------

class Markup:
    """The page's meta tags, JSON-LD and a few elements, to name where a value came from."""

    def __init__(self, tree):
        self.tree = tree
        self.meta: list[tuple[str, str]] = []
        for element in tree.iterfind(".//meta"):
            key = element.get("property") or element.get("name") or element.get("itemprop") \
                or element.get("http-equiv")
            content = element.get("content")
            if key and content:
                self.meta.append((key.strip().lower(), " ".join(content.split())))
        self.links = [(element.get("rel", "").lower(), element.get("href", ""))
                      for element in tree.iterfind(".//link")]
        self.json_ld = " ".join(script.text or "" for script in tree.iterfind(".//script")
                                if (script.get("type") or "").lower() == "application/ld+json")

    def source_of(self, value: str, preferred: tuple[str, ...] = (), elements: tuple[str, ...] = ()) -> str:
        """Where ``value`` sits: a ``preferred`` place first (``meta:og:title``, ``link:canonical``,
        ``json-ld``, ``title-tag``, ``h1``), then any meta tag, JSON-LD, the other elements."""
        wanted = _key(value)
        places = {}
        for key, content in self.meta:
            if _key(content) == wanted:
                places.setdefault(f"meta:{key}", True)
        if any(rel == "canonical" and href.strip() == value for rel, href in self.links):
            places["link:canonical"] = True
        if value in self.json_ld or json.dumps(value)[1:-1] in self.json_ld:
            places["json-ld"] = True
        if "title-tag" in elements:
            title = self.tree.find(".//title")
            if title is not None and _key(title.text_content()).startswith(wanted):
                places["title-tag"] = True
        if "h1" in elements and any(_key(h1.text_content()) == wanted for h1 in self.tree.iterfind(".//h1")):
            places["h1"] = True
        for place in preferred:
            if place in places:
                return place
        return next(iter(places), "html")

    def date_source(self, iso: str) -> tuple[str, str | None]:
        """(source, raw) of the markup holding the date ``iso``."""
        for key, content in self.meta:
            if content.startswith(iso) and "modif" not in key and "updat" not in key:
                return f"meta:{key}", content
        match = re.search(r'"datePublished"\s*:\s*"(' + iso + r'[^"]*)"', self.json_ld)
        if match:
            return "json-ld", match.group(1)
        for element in self.tree.iterfind(".//time"):
            stamp = element.get("datetime") or ""
            if stamp.startswith(iso):
                return "time", stamp
        return "htmldate", None

    def language(self) -> tuple[str | None, str | None]:
        root = self.tree.getroottree().getroot()
        lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
        if _is_language(lang):
            return lang, "html-lang"
        for key, content in self.meta:
            if key in ("content-language", "og:locale", "language") and _is_language(content.replace("_", "-")):
                return content.replace("_", "-"), f"meta:{key}"
        return None, None


def _key(text: str) -> str:
    return " ".join(normalize_text(text).split()).casefold()


def _is_language(tag: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", tag))


# --- the page furniture trafilatura keeps ---------------------------------------------------

def clean_body(text: str, title: str | None, url: str | None) -> str:
    """Drop furniture lines from an extracted body; paragraphs joined by a blank line."""
    from ..article_meta import PUBLISHED_STAMP, UPDATE_STAMP

    lines = [line.strip() for line in text.split("\n") if line.strip()]
    own_urls = {u.rstrip("/") for u in (url,) if u}
    lines = [line for line in lines if line.rstrip("/") not in own_urls]
    if title:
        wanted = _key(title)
        for position, line in enumerate(lines[:4]):
            if _key(line) == wanted and all(len(above.split()) <= 6 for above in lines[:position]):
                lines = lines[position + 1:]  # the headline and the labels above it
                break
    lines = [line for line in lines
             if not ((UPDATE_STAMP.match(line) or PUBLISHED_STAMP.match(line.lstrip("-* "))) and len(line.split()) <= 10)]
    while lines and _furniture(lines[-1]) and len(lines[-1].split()) <= TAIL_LINE:
        lines.pop()
    lines = [line for line in lines if not (_furniture(line) and len(line.split()) <= SHORT_LINE)]
    return "\n\n".join(lines)


def _furniture(line: str) -> bool:
    return bool(CALL_TO_ACTION.search(line) or NOTICE.match(line))
