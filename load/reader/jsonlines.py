"""Scraper output: JSON lines (``.jsonl``, ``.ndjson``) and JSON (``.json``: one
object, or an array of objects). One article per record.

Units. A JSON-lines file is streamed line by line; each non-blank line is its own
document, stored as ``FILE#LINE`` (1-based line number) with the sha256 of the
line, so a changed line reloads alone; a worker seeks to the line's byte offset. A
``.gz`` file (``.jsonl.gz``, ``.ndjson.gz``, ``.json.gz``) reads as the bytes it decompresses to
(``streams``): the same units, offsets into the decompressed bytes, and a stream that
breaks part-way ends the file at the line where it broke.
A ``.json`` array is parsed whole (use JSON lines for big files); its items are
``FILE#N`` (1-based position), hashed on their canonical JSON. A ``.json`` holding
one object is one document named after the file. (A ``NAME.json`` beside
``NAME.txt`` or ``NAME.html`` is that article's sidecar, not an input: see
``load.reader``.)

A broken line (invalid JSON, nested deeper than ``base.MAX_JSON_DEPTH``, not an object,
no text field, a mapped field over its limit in ``limits.FIELD_LIMITS``) is skipped with
its line number and reason; the rest of the file loads. A broken item of an array is
skipped with its position; a ``.json`` file that is not valid JSON is skipped whole.

Field mapping (the first field present wins; the source column says which):

| Article | news-please | trafilatura JSON | generic |
| --- | --- | --- | --- |
| text | ``maintext`` | ``text`` | ``text``, ``body``, ``content``, ``html`` |
| title | ``title`` | ``title`` | ``title``, ``headline`` |
| published | ``date_publish`` | ``date`` | ``published``, ``date``, ``publish_date`` |
| url | ``url`` | ``url``, ``source`` | ``url``, ``link`` |
| author | ``authors`` (list) | ``author`` | ``author``, ``authors`` |
| outlet | ``source_domain`` | ``source-hostname``, ``hostname`` | ``sitename``, ``outlet`` |
| language | ``language`` | ``language`` | ``language`` |
| fetched_at | ``date_download`` | | |

A body that is HTML goes through the HTML reader (``load.reader.html``); the
record's own fields then override what the page's markup says. A plain-text body
is cleaned like an extracted page body (``html.clean_body``). Sources are
``record:FIELD`` (``record:date_publish``). A date that is not a real date is
kept in ``published_raw`` with ``published`` NULL; update and download dates
(``date_modify``, ``date_download``) are never the publication date.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..records import Article
from .base import (MAX_JSON_DEPTH, TOO_DEEP, SkipFile, Source, check_length, json_depth, normalize_text, parse_json,
                   read_bytes)
from .html import MAX_HTML_BYTES, article_from_html, clean_body
from .limits import check_given
from .streams import GZIP_ERRORS, gzip_reason, is_gzip, open_stream, read_limited, read_line_at

MAX_LINE_BYTES = MAX_HTML_BYTES  # one record: a page's HTML at most
MAX_JSON_BYTES = 200_000_000     # a .json array is parsed whole
TOO_DEEP_HASH = "0" * 64         # the hash of an item nested too deeply to hash (and to read)

BODY_FIELDS = ("maintext", "text", "body", "content", "html", "raw_html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date_publish", "published", "date", "publish_date")
URL_FIELDS = ("url", "link", "source")
AUTHOR_FIELDS = ("authors", "author")
OUTLET_FIELDS = ("source_domain", "source-hostname", "sitename", "hostname", "outlet")
LANGUAGE_FIELDS = ("language",)
FETCHED_FIELDS = ("date_download",)

HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|div|p|article|section|main|span|h[1-6]"
                        r"|table|ul|ol|header|figure|blockquote)\b", re.I | re.S)
HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|li|h[1-6]|article|section)\b[^>]*>", re.I)
ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|$)")


# --- planning: the records of a file ------------------------------------------------------

def line_sources(path: Path, file: str) -> Iterator[Source]:
    """One Source per non-blank line, streamed (memory flat in file size). A gzip stream that
    breaks part-way ends the file with one Source for the line where it broke (``read_line``
    refuses it with the reason): the lines before it load."""
    absolute = os.path.abspath(path)
    with open_stream(path) as handle:
        offset, number = 0, 0
        while True:
            number += 1
            start = offset
            try:
                line = handle.readline(MAX_LINE_BYTES + 1)
                if not line:
                    return
                offset += len(line)
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):  # skip the rest of the line
                        line = handle.readline(1 << 20)
                        offset += len(line)
                    yield Source(absolute, file, "0" * 64, str(number), start)  # read() refuses it with a reason
                    continue
            except GZIP_ERRORS as error:
                reason = gzip_reason(error).encode()
                yield Source(absolute, file, hashlib.sha256(b"broken gzip: " + reason).hexdigest(), str(number), start,
                             breaks_off=True)
                return
            body = line.strip()
            if body:
                yield Source(absolute, file, hashlib.sha256(body).hexdigest(), str(number), start)


def json_sources(path: Path, file: str) -> Iterator[Source]:
    """A .json file: one Source for an object, one per item for an array."""
    data = _read_json_file(path)
    parsed = _parse_json_file(data, path.name)
    absolute = os.path.abspath(path)
    if isinstance(parsed, dict):
        yield Source(absolute, file, hashlib.sha256(data).hexdigest())
        return
    for number, item in enumerate(parsed, 1):
        yield Source(absolute, file, _item_hash(item), str(number))


def _read_json_file(path: Path) -> bytes:
    """The bytes of a .json file (decompressed for .json.gz), at most ``MAX_JSON_BYTES``."""
    if is_gzip(path):
        return read_limited(path, MAX_JSON_BYTES)
    return read_bytes(path, MAX_JSON_BYTES)


def _parse_json_file(data: bytes, name: str):
    """The file's object or array; an array's items are checked for depth one by one, when read."""
    try:
        parsed = parse_json(data.decode("utf-8-sig"), check_depth=False)
    except UnicodeDecodeError:
        raise SkipFile("not UTF-8 (JSON is UTF-8)") from None
    if not isinstance(parsed, (dict, list)):
        raise SkipFile("a .json input holds an object or an array of objects")
    if isinstance(parsed, dict) and json_depth(parsed) > MAX_JSON_DEPTH:
        raise SkipFile(TOO_DEEP)
    return parsed


def _item_hash(item) -> str:
    if json_depth(item) > MAX_JSON_DEPTH:
        return TOO_DEEP_HASH  # read_json refuses it with its position
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()  # "\ud800" is valid JSON


# --- reading one record -------------------------------------------------------------------

def read_line(source: Source) -> Article:
    """The JSON line at ``source.offset``, or SkipFile with its line number and reason."""
    where = f"line {source.locator}"
    try:
        line = read_line_at(source.path, source.offset or 0, MAX_LINE_BYTES + 1)
    except GZIP_ERRORS as error:
        raise SkipFile(f"{where}: {gzip_reason(error)}; the rest of the file is not read") from None
    if len(line) > MAX_LINE_BYTES:
        raise SkipFile(f"{where}: too large (over {MAX_LINE_BYTES:,} bytes)")
    body = line.strip()
    if hashlib.sha256(body).hexdigest() != source.sha256:
        raise SkipFile(f"{where}: changed while loading; load again")
    try:
        record = parse_json(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise SkipFile(f"{where}: not UTF-8") from None
    except SkipFile as reason:
        raise SkipFile(f"{where}: {reason}") from None
    return article_from_record(record, source, "jsonl", where)


def read_json(source: Source) -> Article:
    """A .json file's object, or the item ``source.locator`` of its array."""
    path = Path(source.path)
    try:
        stat = path.stat()
    except OSError:
        raise SkipFile("vanished while loading") from None
    parsed = _cached_json(source.path, stat.st_mtime_ns, stat.st_size)
    if source.locator is None:
        if not isinstance(parsed, dict):
            raise SkipFile("changed while loading; load again")
        return article_from_record(parsed, source, "json", "the object")
    index = int(source.locator) - 1
    where = f"item {source.locator}"
    if not isinstance(parsed, list) or index >= len(parsed) or _item_hash(parsed[index]) != source.sha256:
        raise SkipFile(f"{where}: changed while loading; load again")
    if source.sha256 == TOO_DEEP_HASH:
        raise SkipFile(f"{where}: {TOO_DEEP}")
    return article_from_record(parsed[index], source, "json", where)


@lru_cache(maxsize=1)  # workers read consecutive items of one file: parse it once
def _cached_json(path: str, mtime_ns: int, size: int):
    return _parse_json_file(_read_json_file(Path(path)), Path(path).name)


def _first(record: dict, fields: tuple[str, ...], kind=str):
    for name in fields:
        value = record.get(name)
        if isinstance(value, list) and kind is list:
            value = "; ".join(" ".join(str(v).split()) for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str) and value.strip():
            return name, value.strip()
    return None, None


def article_from_record(record, source: Source, fmt: str, where: str) -> Article:
    if not isinstance(record, dict):
        raise SkipFile(f"{where}: not a JSON object")
    _check_fields(record, where)
    body_field, body = _first(record, BODY_FIELDS)
    if body is None:
        raise SkipFile(f"{where}: no article text (none of the fields {', '.join(BODY_FIELDS)} holds text)")
    _, url = _first(record, URL_FIELDS)
    if url and not re.match(r"https?://", url, re.I):
        url = None
    _, title = _first(record, TITLE_FIELDS)
    if HTML_START.match(body) or len(HTML_TAG.findall(body[:20000])) >= 3:
        try:
            article = article_from_html(body, source, fmt, url=url)
        except SkipFile as reason:
            raise SkipFile(f"{where}: {reason}") from None
    else:
        text = clean_body(normalize_text(body), title and normalize_text(title), url)
        if not any(c.isalpha() for c in text):
            raise SkipFile(f"{where}: no words in the {body_field} field")
        try:
            check_length(text)
        except SkipFile as reason:
            raise SkipFile(f"{where}: {reason}") from None
        article = Article(path=source.name, sha256=source.sha256, text=text, file=source.file, format=fmt)
        _dateline(article)
    _apply_fields(article, record)
    return article


MAPPED = (("title", TITLE_FIELDS, str), ("author", AUTHOR_FIELDS, list), ("outlet", OUTLET_FIELDS, str),
          ("language", LANGUAGE_FIELDS, str), ("url", URL_FIELDS, str), ("published_raw", DATE_FIELDS, str),
          ("fetched_at", FETCHED_FIELDS, str))


def _check_fields(record: dict, where: str) -> None:
    """SkipFile when a field the record gives for the article is over its limit (``limits``)."""
    for column, fields, kind in MAPPED:
        name, value = _first(record, fields, kind)
        if value is not None:
            check_given(column, name, value, where)


def _dateline(article: Article) -> None:
    from ..article_meta import read_metadata
    from ..cleaning import CleanedText

    read_metadata(article, CleanedText(text=article.text))


def _apply_fields(article: Article, record: dict) -> None:
    """The record's metadata overrides what a page's markup says."""
    for name, fields, kind in (("title", TITLE_FIELDS, str), ("author", AUTHOR_FIELDS, list),
                               ("outlet", OUTLET_FIELDS, str), ("language", LANGUAGE_FIELDS, str)):
        field, value = _first(record, fields, kind)
        if value:
            setattr(article, name, normalize_text(" ".join(value.split())))
            setattr(article, f"{name}_source", f"record:{field}")
    field, url = _first(record, URL_FIELDS)
    if url and re.match(r"https?://", url, re.I):
        article.url, article.url_source = url, f"record:{field}"
    _, fetched = _first(record, FETCHED_FIELDS)
    if fetched:
        article.fetched_at = fetched
    field, raw = _first(record, DATE_FIELDS)
    if raw:
        parsed = parse_date(raw)
        article.published, article.published_precision = parsed or (None, None)
        article.published_raw, article.published_source = raw, f"record:{field}"


def parse_date(raw: str) -> tuple[str, str] | None:
    """An ISO timestamp's own day (the publisher's local date), else dateparser through
    ``dates.parse_published``; None when it is not a real date."""
    from ..dates import parse_published

    match = ISO_DAY.match(raw)
    if match:
        try:
            return date.fromisoformat(match.group(1)).isoformat(), "day"
        except ValueError:
            return None
    return parse_published(raw)
