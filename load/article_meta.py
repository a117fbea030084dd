"""Article metadata, each field only from evidence in the text, with where it came from.

Sources recorded in ``documents.*_source``:
- ``sidecar``: ``name.json`` beside the article (overrides everything);
- ``byline``: "By Jane Doe November 22, 2019" gives author and publication date;
- ``published-line``: "Published in Dawn, November 20th, 2019" gives outlet and date;
- ``date-under-title``: a line holding only a date right below the headline;
- ``page-title``: "Headline - Outlet" (the HTML page title) gives the outlet;
- ``logo``: "Outlet logo" (an image's alt text) gives the outlet;
- ``head``: the headline line above the body;
- ``dateline``: "ISLAMABAD:" / "LONDON (Reuters) -" at the start of the body; its date ("LONDON,
  12 June 2023 (Reuters) -"); a head line that is a dateline alone, above the headline with its
  agency ("Gaborone - 20 February 2025 (BOPA)") or on a page without a headline ("Nairobi, 16/04/2024");
- ``dateline-agency``: the agency in a dateline ("(Reuters)") gives the outlet;
- ``published-line`` also covers a head line "Published: <date>" / "Posted on <date>", and such a
  line alone below the lead paragraph(s), where scraped pages put it (``cleaning`` takes it out).

Not publication dates, on purpose: a date line *above* the headline (a site
header's today-date), update stamps ("Last update: ...", "Updated ..."), and
dates in captions or the body. No evidence gives NULL.
"""
from __future__ import annotations

import re
from datetime import date

from .records import Article

MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Full weekday names only: "Sun" could be a newspaper's name ("The Daily Sun, June 13th").
# Any comma will do after it (Arabic pages write "Wednesday، 14 June 2023").
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[,\u060c]?\s+)?"
NUMERIC = r"\d{1,2}([./-])\d{1,2}\1\d{4}|\d{4}([./-])\d{1,2}\2\d{1,2}"
DATE_IN_LINE = re.compile(
    rf"{WEEKDAY}(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|\d{{1,2}}-{MONTH}-\d{{4}}"
    rf"|{NUMERIC})(?!\d)",
    re.I,
)
TIME = r"(?:at\s+|@\s*|T)?\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:,?\s*\(?(?:[A-Z]{2,4}|(?:GMT|UTC)\s?[+-]?\d*|[+-]\d{2}(?::?\d{2})?)\)?)?"
# A time of day alone, as it may stand before a date ("10:31 05.03.2024").
TIME_ONLY = re.compile(rf"^{TIME}$", re.I)
# The agency or outlet in brackets after a dateline's date: "Warsaw, 9 March 2024 (PAP)", "OUAGADOUGOU,
# 6 August 2024 (AFP) -".
AGENCY_AFTER_DATE = r"(?:\([A-Z][A-Za-z.&-]*(?:\s[A-Z][A-Za-z.&-]*){0,2}\)\s*(?:[-:\u2013\u2014]{1,2}\s*)?)?"
# After a date: a time, and a short labelled segment ("| Updated 9:05 pm IST - City"; an
# "Updated 2 hours ago" part needs no bar: "March 5, 2024 6:31 AM GMT+1 Updated 2 hours ago").
TIME_TAIL = re.compile(rf"^[\s,|/-]*\(?(?P<time>{TIME})?\)?\s*{AGENCY_AFTER_DATE}(?:(?:[|\u2022\u00b7/]|\s-\s|(?<=\S)\s*(?=\(?(?:last\s+)?updated\b))"
                       rf"\s*(?:\S+\s*){{0,8}})?$", re.I)
# A scraper that dropped the line breaks of a date stamp glues the year to what follows it:
# "5 Mar 20245 Mar 2024", "March 5, 20246:31 AM GMT+1Updated 2 hours ago".
GLUED_YEAR = re.compile(rf"((?:{MONTH}\s+\d{{1,2}},?|\d{{1,2}}\s+{MONTH},?)\s+(?:19|20)\d\d)(?=\d|[A-Z][a-z])", re.I)
GLUED_UPDATE = re.compile(r"(?<=[\w+])(?=(?:Last\s+)?Updated\b)")
# What may stand before a date line's date besides a weekday: a reading time ("2 min read ·").
READ_TIME = re.compile(r"^\d{1,2}\s*(?:min(?:ute)?s?|mins?)\.?\s+read\s*[\u00b7\u2022|,-]?$", re.I)
UPDATE_STAMP = re.compile(r"^(?:last\s+)?(?:updated?|modified)\b", re.I)
PUBLISHED_STAMP = re.compile(r"^(?:first\s+|originally\s+)?(?:published|posted)(?:\s+on)?\s*:?\s", re.I)
# "date 2023-06-14", "Date: 14 June 2023", "Dated 14.06.2023"
DATE_STAMP = re.compile(r"^(?:date|dated|publication date|pub date)\s*:?\s*(?=\S*\d)", re.I)
BYLINE = re.compile(r"^(?:(?:written|reported|words|story|posted|published) )?by\s+(?P<rest>.+)$", re.I)
LOGO = re.compile(r"^(?P<name>.{2,60}?)\s+logo$", re.I)
PUBLISHED_LINE = re.compile(r"^(?:first |originally )?published (?:in|on|by):?\s+(?P<rest>.+)$", re.I)
PAGE_TITLE_SEPARATOR = re.compile(r"\s+[-|]\s+")
# The original publication labelled as such at the end ("First published on Mon 24 Jul 2023"):
# it overrides an unlabelled date of the head, which on such pages is the last update.
FIRST_PUBLISHED = re.compile(r"^(?:first|originally) published\b", re.I)
UNLABELLED_SOURCES = {"date-under-title", "byline"}
# An agency's credit line that ends its copy: "Reporting by X; Editing by Y", "Writing by X".
CREDIT_LINE = re.compile(r"^(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", re.I)
# A label right before a date (a time of day may come between: "Published: 09:12 AM EST, Tue March 5, 2024").
STAMP_LABEL = re.compile(
    r"(?:^|\s)(?:(?:first\s+|originally\s+)?(?:published|posted|created)(?:\s+on)?|dated?|publication date"
    r"|print edition)\s*:?\s*"
    r"(?:[^|\d]{0,12}\d{1,2}[:.]\d{2}[^|\d]{0,16})?$", re.I)
# "Updated" / "Last modified" before a label: the date is not the first publication.
UPDATE_LABEL = re.compile(r"(?:updated?|modified)\s*$", re.I)
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,3})"
    r"(?:,\s*[A-Za-z .]{2,30}?)?(?:,?\s*" + MONTH + r"\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^)]{2,40})\))?\s*(?::|-{1,2}|\u2014)\s"
)
# A city written in title case needs its agency in brackets to be a dateline: "Dakar (AFP) - ",
# "Hanoi, Vietnam (VNA) -- ".
DATELINE_TITLE_CASE = re.compile(
    r"^(?P<city>[A-Z][a-z'.]+(?:[ -][A-Z][a-z'.]+){0,2})(?:,\s*[A-Z][A-Za-z .]{1,30}?)?"
    r"\s*\((?P<agency>[A-Za-z][A-Za-z.&-]*(?:\s[A-Z][A-Za-z.&-]*){0,2})\)\s*(?::|-{1,2}|\u2014)\s"
)
# A city in title case opening the body with a colon or a dash and no agency ("Raipur: Five ...",
# "Lagos - At least ..."): a dateline only when the gazetteer knows the city (not "Update: ...").
DATELINE_CITY = re.compile(
    r"^(?P<city>[A-Z][a-z'.]+(?: [A-Z][a-z'.]+){0,2})(?::| (?:-{1,2}|\u2013|\u2014))[ \t]+(?=[A-Z\"])")
# A dateline with a numeric date: "Raipur, 17/03/2025:", "LAHORE, 14.06.2023 (APP) -" (the order of day
# and month is the page's evidence, as for any numeric date).
NUMERIC_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Za-z'.]+(?:[ -][A-Z][A-Za-z'.]+){0,2}),\s*(?P<date>\d{1,2}([./-])\d{1,2}\3\d{4})"
    r"\s*(?:\([^)\n]{2,40}\))?\s*(?::|-{1,2}|\u2014)\s")
# The date of an agency dateline: "KABUL, June 12 (Xinhua) --", "CITY, March 3. /AGENCY/.",
# "Town [Country], May 2 (AGENCY):", "LONDON, 12 June 2023 (Reuters) -".
DATELINE_DATE = re.compile(
    r"^[A-Z][^\n:()]{1,60}?,\s*(?P<date>(?i:" + MONTH + r")\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?i:" + MONTH + r"))(?:,?\s+(?P<year>\d{4}))?"
    r"\s*(?:\.\s*)?(?:(?:\([^)]{2,40}\)|/[^/\s][^/]{0,20}/)\s*[.:]?\s*(?:-{1,2}|\u2014)?|[.:]|-{1,2}|\u2014"
    r"|,\s*[A-Z][A-Za-z]{1,20}\s*(?:-{1,2}|\u2014))\s",
)
# A dateline with its full date in brackets: "MANILA, Philippines (Jan. 2, 2024) — ..."; EFE writes the month
# in lower case ("LIMA, 6 may (EFE).-").
BRACKETED_DATE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z'. -]{1,40}?(?:,\s*[A-Z][A-Za-z .]{1,30}?)?\s*\((?P<date>" + MONTH + r"\s+\d{1,2}|\d{1,2}\s+"
    + MONTH + r"),?\s+(?P<year>\d{4})\)\s*(?::|-{1,2}|\u2013|\u2014)\s")
# A full date opening the lead paragraph, then a dash or colon: "March 5, 2024 — Gunmen killed ...".
LEAD_DATE = re.compile(
    rf"^{WEEKDAY}(?P<date>{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}})"
    r"\s*(?:-{1,2}|\u2013|\u2014|:)\s", re.I)
# How far from a dateline's day a full date in the text may fall to give the dateline its year.
DATELINE_YEAR_WINDOW = 7


# The dateline city in capitals before a date line ("CHENNAI, January 10, 2024 09:41 pm").
CITY_CAPS = re.compile(r"[A-Z][A-Z'.]+(?:[ -][A-Z][A-Z'.]+){0,2}")
# What stands before the date of a byline without "By": one to five words, the first capitalised
# ("Ahram Online", "Accra, Ghana", "TNN", "AKIpress news agency"), then a comma, bar, dash, slash or "On".
NAME_THEN_DATE = re.compile(r"^[A-Z][\w.'&-]*(?:[\s,|]+[A-Za-z][\w.'&-]*){0,4}\s*(?:[,|\u2022\u00b7]|\s[-/]|\sOn)\s*$")
# An abbreviated weekday may open a date line ("Wed, 14 Jun 2023"); elsewhere "Sun" may be a paper's name.
SHORT_WEEKDAY = re.compile(r"^(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?,?$", re.I)


def date_only(line: str) -> re.Match | None:
    """The date when the line is a date and nothing else: a time and a short
    labelled segment may follow ("June 14, 2023 9:05 pm | Updated 9:40 pm IST")."""
    if line.startswith("(") and line.endswith(")"):
        line = line[1:-1]                # "(March 5, 2024)"
    match = DATE_IN_LINE.search(line)
    if not match or not TIME_TAIL.match(line[match.end():]):
        return None
    before = line[: match.start()].strip(" ,|-")
    # a weekday ("Wed, 14 Jun 2023") or the dateline city in capitals ("CHENNAI, January 10, 2024 09:41 pm")
    return match if not before or SHORT_WEEKDAY.match(before) or CITY_CAPS.fullmatch(before) or READ_TIME.match(before) \
        or TIME_ONLY.match(before) else None


def is_stamp(line: str) -> bool:
    """A line that carries a full date and only a few other words: a byline or date stamp
    ("Mehmet Arslan |12.01.2024 - Update : 13.01.2024", "Our Correspondent Published May 21,
    2024"), never a headline."""
    dates = list(DATE_IN_LINE.finditer(line))
    if not dates:
        return False
    rest = line
    for found in reversed(dates):
        rest = rest[: found.start()] + " " + rest[found.end():]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 5


def unlabelled_byline_date(line: str) -> re.Match | None:
    """The date of a byline or place line without "By" below the headline: "Ahram Online , Sunday
    17 Mar 2024", "Mehmet Arslan |12.01.2024 - Update : 13.01.2024", "Accra, Ghana | Tuesday, 14
    May 2024" (a few capitalised words, a comma or bar, the date, a time or label after it)."""
    date = DATE_IN_LINE.search(line)
    if not date or not NAME_THEN_DATE.match(line[: date.start()]) or not TIME_TAIL.match(line[date.end():]):
        return None
    return date


# The place of a dateline line in the head: a city (and its country), then a comma or a dash before the date.
HEAD_DATELINE_PLACE = re.compile(
    r"^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)(?P<city>[A-Z][\w'.]+(?:[ -][A-Z][\w'.]+){0,3})(?:,\s*[A-Z][\w'.]+(?: [A-Z][\w'.]+){0,2})?"
    r"(?:,\s*|\s+[-\u2013\u2014]\s+)")
# What may follow its date: the agency in brackets, a dash or a colon.
HEAD_DATELINE_TAIL = re.compile(r"\s*(?:\((?P<agency>[A-Za-z][^()\n]{1,40})\))?\s*(?:-{1,2}|[\u2013\u2014:])?\s*")


def head_dateline(line: str) -> tuple[str, re.Match, str | None] | None:
    """(city, date, agency) of a head line that is a dateline and nothing else: "Gaborone - 20
    February 2025 (BOPA)", "Podgorica, 27 December 2024 (MINA business) -", "Nairobi, 16/04/2024"."""
    place = HEAD_DATELINE_PLACE.match(line)
    date = DATE_IN_LINE.match(line, place.end()) if place else None
    tail = HEAD_DATELINE_TAIL.fullmatch(line, date.end()) if date else None
    if tail is None:
        return None
    return place["city"], date, tail["agency"]


def _known_city(name: str) -> bool:
    from . import places

    return not places.is_country(name) and places.geocode(name) is not None


def is_timestamp(line: str) -> bool:
    """A date line that carries a time of day: an article's stamp, not a site header's today-date."""
    match = date_only(line)
    return bool(match and TIME_TAIL.match(line[match.end():])["time"])


# A weekday between a label and its date, in a segment of its own: "Published: Monday | March 17, 2025".
WEEKDAY_SEGMENT = re.compile(r"\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*[|\u2022\u00b7]\s*$")


def labelled_date(line: str) -> re.Match | None:
    """The date of a labelled publication stamp anywhere in a head line
    ("Published: 11:04 AM EST, Sun January 28, 2024", "By X | Posted on June 14, 2023",
    "date 2023-06-14"); None for update stamps ("Updated date: ...") and unlabelled dates."""
    for date in DATE_IN_LINE.finditer(line):
        # ("Published: Monday | March 17, 2025": the weekday stands in a segment of its own)
        before = WEEKDAY_SEGMENT.sub(" ", line[: date.start()])
        segment = re.split(r"[|\u2022\u00b7]", before)[-1]
        label = STAMP_LABEL.search(segment)
        if label and not UPDATE_LABEL.search(segment[: label.start()]):
            return date
    return None


def is_bare_stamp(line: str) -> bool:
    """A line that is a publication stamp and nothing else: "Published: August 5, 2024", "Published
    on 22/04/2025 14:32", "Posted June 12, 2024" (not "Updated ...", not "Published in Dawn, ...")."""
    if not PUBLISHED_STAMP.match(line):
        return False
    date = labelled_date(line)
    return bool(date and TIME_TAIL.match(line[date.end():]))


def is_title_candidate(line: str) -> bool:
    from .cleaning import Line

    words = line.split()
    shape = Line(line, 0)
    return (
        len(words) >= 3
        and not shape.is_menu()
        and not shape.is_caption()
        and not date_only(line)
        and not is_stamp(line)
        and not UPDATE_STAMP.match(line)
        and not PUBLISHED_STAMP.match(line)
        and not DATE_STAMP.match(line)
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


def _set_published(article: Article, raw: str, source: str, order: str | None = None) -> None:
    from .dateparse import parse_published

    if article.published is not None:
        return
    parsed = parse_published(raw, order)
    if parsed:
        article.published, article.published_precision = parsed
        article.published_raw = raw
        article.published_source = source


def _name_and_date(rest: str, max_words: int) -> tuple[str | None, str | None]:
    """"Jane Doe November 22, 2019" -> ("Jane Doe", "November 22, 2019"); a name too long to be one is None.
    A date after "Updated" is not returned; a label before the date ("Published") is not part of the name."""
    date = DATE_IN_LINE.search(rest)
    before = rest[: date.start()] if date else rest
    label = STAMP_LABEL.search(before)
    if date and UPDATE_LABEL.search(before[: label.start()] if label else before.rstrip(" :")):
        date = None
    name = (before[: label.start()] if label else before).strip(" ,|-:")
    if not name or len(name.split()) > max_words or not name[0].isalpha():
        name = None
    return name, (date.group(0) if date else None)


def _byline(article: Article, rest: str, order: str | None) -> None:
    """"Jane Doe November 22, 2019", "Staff Writer / Outlet June 14, 2023"."""
    author, date = _name_and_date(rest, max_words=9)
    if author and re.search(r"\s[/|]\s", author):
        author, outlet = (part.strip() for part in re.split(r"\s[/|]\s", author, maxsplit=1))
        _set(article, "outlet", outlet if len(outlet.split()) <= 5 else None, "byline")
    _set(article, "author", author if author and len(author.split()) <= 6 else None, "byline")
    if date:
        _set_published(article, date, "byline", order)


def read_metadata(article: Article, cleaned) -> None:
    """Fill title, outlet, author, dateline and publication date from the text.

    Publication-date evidence, first found wins: the head's lines in page order
    (a labelled stamp, a byline's date, a timestamp, a date line below the
    headline), then a "Published in ..." line that ends the article, then the
    agency dateline, then a date line right after the last paragraph."""
    from .dateparse import numeric_order

    head = [unglue(line) for line in cleaned.head]
    end_lines = [unglue(line) for line in cleaned.end_lines]
    tail = [unglue(line) for line in getattr(cleaned, "tail", [])]
    stamps = [unglue(line) for line in getattr(cleaned, "stamps", [])]
    order = numeric_order([*head, article.text, *end_lines, *tail, *stamps])
    title = pick_title(head)
    _set(article, "title", title, "head")
    title_seen = after_title_like = False
    for line in head:
        if line == title:
            title_seen = after_title_like = True
            continue
        byline = BYLINE.match(line)
        if byline:
            _byline(article, byline.group("rest"), order)
            continue
        logo = LOGO.match(line)
        if logo:
            _set(article, "outlet", logo.group("name").strip(), "logo")
            continue
        if title and line.startswith(title) and PAGE_TITLE_SEPARATOR.match(line[len(title):]):
            outlet = PAGE_TITLE_SEPARATOR.split(line[len(title):], maxsplit=1)[-1].strip()
            _set(article, "outlet", outlet, "page-title")
            continue
        stamp = labelled_date(line)
        if stamp:
            # "Published: 11:04 AM EST, Sun January 28, 2024", "date 2023-06-14" (not "Updated: ...")
            source = "date-stamp" if DATE_STAMP.match(line) else "published-line"
            _set_published(article, stamp.group(0), source, order)
            continue
        date = date_only(line)
        if date and (title_seen or after_title_like and is_timestamp(line)):
            # Below the headline; a timestamp ("14.06.2023 09:12") below any title-like line.
            # A date line above every title is a site header's today-date.
            _set_published(article, date.group(0), "date-under-title", order)
        elif title_seen and unlabelled_byline_date(line):
            _set_published(article, unlabelled_byline_date(line).group(0), "byline", order)
            continue
        elif (dateline := head_dateline(line)) and (dateline[2] or title is None and _known_city(dateline[0])):
            # a dateline line above the headline ("Gaborone - 20 February 2025 (BOPA)"; a site header's
            # today-date names no agency) or on a page without one ("Nairobi, 16/04/2024")
            city, date, agency = dateline
            _set(article, "dateline", city.title() if city.isupper() else city, "dateline")
            _set_published(article, date.group(0), "dateline", order)
            continue
        if is_title_candidate(line):
            after_title_like = True
    for line in end_lines:
        published = PUBLISHED_LINE.match(line)
        if published:
            outlet, date = _name_and_date(published.group("rest"), max_words=5)
            _set(article, "outlet", outlet, "published-line")
            if date and FIRST_PUBLISHED.match(line) and article.published_source in UNLABELLED_SOURCES:
                article.published = None     # "First published on Mon 24 Jul": the head's date was an update
            if date:
                _set_published(article, date, "published-line", order)
    for line in stamps:                  # "Published: June 12, 2024" below the lead
        _set_published(article, labelled_date(line).group(0), "published-line", order)
    from .cleaning import Line

    paragraphs = article.text.split("\n\n")
    if article.title_source == "head" and paragraphs and paragraphs[0] == article.title:
        paragraphs = paragraphs[1:]
    while len(paragraphs) > 1 and Line(paragraphs[0], 0).is_caption():
        paragraphs = paragraphs[1:]  # a photo and its caption may stand above the dateline
    dateline = (DATELINE.match(paragraphs[0]) or DATELINE_TITLE_CASE.match(paragraphs[0])
                or _known_city_lead(paragraphs[0])) if paragraphs else None
    if dateline:
        _set(article, "dateline", dateline.group("city").title(), "dateline")
        agency = (dateline.groupdict().get("agency") or "").strip()
        if agency and len(agency.split()) <= 3 and not any(c.isdigit() for c in agency):
            _set(article, "outlet", agency, "dateline-agency")  # "LONDON (Reuters) -"
    if paragraphs:
        _dateline_date(article, paragraphs[0], [*head, article.text], [*head, *stamps, *tail, *end_lines])
        lead = LEAD_DATE.match(paragraphs[0])
        if lead:                         # "March 5, 2024 — Gunmen killed ...": a dateline of the date alone
            _set_published(article, lead["date"], "dateline", order)
        numeric = NUMERIC_DATELINE.match(paragraphs[0])
        if numeric:                      # "Raipur, 17/03/2025: ..."
            _set(article, "dateline", numeric["city"].title() if numeric["city"].isupper() else numeric["city"], "dateline")
            _set_published(article, numeric["date"], "dateline", order)
    if tail and CREDIT_LINE.match(tail[0]):
        tail = tail[1:]                  # "Reporting by X; Editing by Y" above the date line
    if tail and article.published is None:
        date = date_only(tail[0]) or labelled_date(tail[0])
        if date:
            _set_published(article, date.group(0), "date-after-body", order)


def unglue(line: str) -> str:
    """A date stamp whose line breaks a scraper dropped, pulled apart: "5 Mar 20245 Mar 2024"
    -> "5 Mar 2024 5 Mar 2024", "20246:31 AMUpdated" -> "2024 6:31 AM Updated"."""
    return GLUED_UPDATE.sub(" ", GLUED_YEAR.sub(r"\1 ", line))


def _known_city_lead(paragraph: str) -> re.Match | None:
    """ "Raipur: ...", "Lagos - ...": a title-case dateline without an agency, when the city is one."""
    from . import places

    match = DATELINE_CITY.match(paragraph)
    if match is None or places.is_country(match["city"]) or places.geocode(match["city"]) is None:
        return None
    return match


def _dateline_date(article: Article, first_paragraph: str, texts: list[str], stamp_lines: list[str] = ()) -> None:
    """The publication date an agency dateline carries ("KABUL, June 12 (Xinhua) --").

    With its year, it is the date. Without one, the year comes from a full date
    the page states within a week of the dateline's day (the event it reports,
    "on June 10, 2023"; an "Updated" stamp of the next day), when exactly one year
    fits; or from a numeric stamp of the page whose day and month the dateline's are in one of its
    two readings ("LIMA, 6 may (EFE)" and "Published: 05/06/2024": 6 May 2024, a stamp no order
    could otherwise be told for); else there is no publication date (never the current year).
    Also gives the dateline city when the plain dateline pattern did not ("Town [Country], May 2 (AGENCY):")."""
    from .dateparse import parse_expression

    match = DATELINE_DATE.match(first_paragraph) or BRACKETED_DATE_DATELINE.match(first_paragraph)
    if not match:
        return
    city = re.split(r"\s*[,\[]", match.group(0), maxsplit=1)[0].strip()
    if len(city.split()) <= 4:
        _set(article, "dateline", city.title() if city.isupper() else city, "dateline")
    if article.published is not None:
        return
    if match["year"]:
        _set_published(article, f"{match['date']} {match['year']}", "dateline")
        return
    years = set()
    for text in texts:
        for full in DATE_IN_LINE.finditer(text or ""):
            parsed = _full_date(full.group(0))
            if parsed is None:
                continue
            for year in (parsed.year - 1, parsed.year, parsed.year + 1):
                day = parse_expression(f"{match['date']} {year}", None)
                if day and -DATELINE_YEAR_WINDOW <= (date.fromisoformat(day[0]) - parsed).days <= DATELINE_YEAR_WINDOW:
                    years.add(year)
    if not years:
        years = _years_of_numeric_stamps(match["date"], stamp_lines)
    if len(years) == 1:
        _set_published(article, f"{match['date']} {years.pop()}", "dateline+year-from-text")
    if article.published is None:
        # The page's own day and month without a year: kept as raw text (published stays NULL),
        # and it tells ``dates`` that no other full date of the page is the article's time.
        article.published_raw, article.published_source = match["date"], "dateline-without-year"
    elif article.published_source == "dateline+year-from-text":
        article.published_raw = match["date"]


def _years_of_numeric_stamps(day_month: str, lines: list[str]) -> set[int]:
    """The years of the numeric dates in ``lines`` (stamps) that one of whose readings, day first or
    month first, is the dateline's ``day_month`` of that year."""
    from .dateparse import NUMERIC_DATE, parse_expression

    years = set()
    for line in lines:
        for m in NUMERIC_DATE.finditer(line or ""):
            a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
            day = parse_expression(f"{day_month} {year}", None)
            if day and (date.fromisoformat(day[0]).month, date.fromisoformat(day[0]).day) in ((a, b), (b, a)):
                years.add(year)
    return years


def _full_date(raw: str) -> date | None:
    from .dateparse import parse_published

    parsed = parse_published(raw)
    return date.fromisoformat(parsed[0]) if parsed and parsed[1] == "day" else None


def apply_sidecar(article: Article, sidecar: dict, sidecar_name: str) -> None:
    """Sidecar metadata (from the user's scraper) overrides what the text suggests."""
    from .dateparse import parse_published
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
