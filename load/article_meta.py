"""Article metadata, each field only from evidence in the text, with where it came from.

Sources recorded in ``documents.*_source``:
- ``sidecar``: ``name.json`` beside the article (overrides everything);
- ``byline``: "By Jane Doe November 22, 2019" gives author and publication date;
- ``published-line``: "Published in Dawn, November 20th, 2019" gives outlet and date;
- ``date-under-title``: a line holding only a date right below the headline;
- ``page-title``: "Headline - Outlet" (the HTML page title) gives the outlet;
- ``logo``: "Outlet logo" (an image's alt text) gives the outlet;
- ``head``: the headline line above the body;
- ``dateline``: "ISLAMABAD:" / "LONDON (Reuters) -" at the start of the body;
- ``dateline-agency``: the agency in a dateline ("(Reuters)") gives the outlet;
- ``published-line`` also covers a head line "Published: <date>" / "Posted on <date>".

Not publication dates, on purpose: a date line *above* the headline (a site
header's today-date), update stamps ("Last update: ...", "Updated ..."), and
dates in captions or the body. No evidence gives NULL.
"""
from __future__ import annotations

import re

from .records import Article

MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Full weekday names only: "Sun" could be a newspaper's name ("The Daily Sun, June 13th").
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
DATE_IN_LINE = re.compile(
    rf"{WEEKDAY}(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})",
    re.I,
)
TIME_TAIL = re.compile(r"^[\s,|-]*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*(?:[A-Z]{2,4}|GMT[+-]?\d*)?)?[\s|]*$", re.I)
UPDATE_STAMP = re.compile(r"^(?:last\s+)?(?:updated?|modified)\b", re.I)
PUBLISHED_STAMP = re.compile(r"^(?:first\s+|originally\s+)?(?:published|posted)(?:\s+on)?\s*:?\s", re.I)
BYLINE = re.compile(r"^By\s+(?P<rest>.+)$")
LOGO = re.compile(r"^(?P<name>.{2,60}?)\s+logo$", re.I)
PUBLISHED_LINE = re.compile(r"^(?:first |originally )?published (?:in|on|by)\s+(?P<rest>.+)$", re.I)
PAGE_TITLE_SEPARATOR = re.compile(r"\s+[-|]\s+")
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})"
    r"(?:,\s*[A-Za-z .]{2,30}?)?(?:,?\s*" + MONTH + r"\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?\s*(?::|-{1,2}|\u2014)\s"
)


def date_only(line: str) -> re.Match | None:
    """The date when the line is a date and nothing else (a time may follow)."""
    match = DATE_IN_LINE.search(line)
    if match and not line[: match.start()].strip(" ,|-") and TIME_TAIL.match(line[match.end():]):
        return match
    return None


def is_title_candidate(line: str) -> bool:
    from .cleaning import Line

    words = line.split()
    return (
        len(words) >= 3
        and not Line(line, 0).is_menu()
        and not date_only(line)
        and not UPDATE_STAMP.match(line)
        and not PUBLISHED_STAMP.match(line)
        and not BYLINE.match(line)
        and not LOGO.match(line)
    )


def pick_title(head: list[str]) -> str | None:
    """The headline: the last title-like line above the body (the on-page
    headline comes after the page title and the menus)."""
    candidates = [line for line in head if is_title_candidate(line)]
    return candidates[-1] if candidates else None


def _set(article: Article, name: str, value, source: str) -> None:
    if value and getattr(article, name) is None:
        setattr(article, name, value)
        setattr(article, f"{name}_source", source)


def _set_published(article: Article, raw: str, source: str) -> None:
    from .dates import parse_published

    if article.published is not None:
        return
    parsed = parse_published(raw)
    if parsed:
        article.published, article.published_precision = parsed
        article.published_raw = raw
        article.published_source = source


def _name_and_date(rest: str, max_words: int) -> tuple[str | None, str | None]:
    """"Jane Doe November 22, 2019" -> ("Jane Doe", "November 22, 2019"); a name too long to be one is None."""
    date = DATE_IN_LINE.search(rest)
    name = (rest[: date.start()] if date else rest).strip(" ,|-")
    return (name if name and len(name.split()) <= max_words else None), (date.group(0) if date else None)


def read_metadata(article: Article, cleaned) -> None:
    """Fill title, outlet, author, dateline and publication date from the text."""
    head = cleaned.head
    title = pick_title(head)
    _set(article, "title", title, "head")
    title_seen = False
    for line in head:
        if line == title:
            title_seen = True
            continue
        byline = BYLINE.match(line)
        if byline:
            author, date = _name_and_date(byline.group("rest"), max_words=6)
            _set(article, "author", author, "byline")
            if date:
                _set_published(article, date, "byline")
            continue
        logo = LOGO.match(line)
        if logo:
            _set(article, "outlet", logo.group("name").strip(), "logo")
            continue
        if title and line.startswith(title) and PAGE_TITLE_SEPARATOR.match(line[len(title):]):
            outlet = PAGE_TITLE_SEPARATOR.split(line[len(title):], maxsplit=1)[-1].strip()
            _set(article, "outlet", outlet, "page-title")
            continue
        if PUBLISHED_STAMP.match(line):
            # "Published: 11:04 AM EST, Sun January 28, 2024" (not "Updated: ...", skipped above)
            date = DATE_IN_LINE.search(line)
            if date:
                _set_published(article, date.group(0), "published-line")
            continue
        date = date_only(line)
        if date and title_seen:
            _set_published(article, date.group(0), "date-under-title")
    for line in cleaned.end_lines:
        published = PUBLISHED_LINE.match(line)
        if published:
            outlet, date = _name_and_date(published.group("rest"), max_words=5)
            _set(article, "outlet", outlet, "published-line")
            if date:
                _set_published(article, date, "published-line")
    paragraphs = article.text.split("\n\n")
    if article.title_source == "head" and paragraphs and paragraphs[0] == article.title:
        paragraphs = paragraphs[1:]
    dateline = DATELINE.match(paragraphs[0]) if paragraphs else None
    if dateline:
        _set(article, "dateline", dateline.group("city").title(), "dateline")
        agency = (dateline.group("agency") or "").strip()
        if agency and len(agency.split()) <= 3 and not any(c.isdigit() for c in agency):
            _set(article, "outlet", agency, "dateline-agency")  # "LONDON (Reuters) -"


def apply_sidecar(article: Article, sidecar: dict, sidecar_name: str) -> None:
    """Sidecar metadata (from the user's scraper) overrides what the text suggests."""
    from .dates import parse_published
    from .reader import SkipFile

    for name in ("title", "outlet", "author", "url"):
        value = sidecar.get(name)
        if value is not None and not isinstance(value, str):
            raise SkipFile(f"sidecar {sidecar_name}: {name} must be a string")
        if value:
            setattr(article, name, value.strip())
            if name != "url":
                setattr(article, f"{name}_source", "sidecar")
    if sidecar.get("published"):
        raw = str(sidecar["published"])
        parsed = parse_published(raw)
        if not parsed:
            raise SkipFile(f"sidecar {sidecar_name}: published {raw!r} is not a real date")
        article.published, article.published_precision = parsed
        article.published_raw, article.published_source = raw, "sidecar"
