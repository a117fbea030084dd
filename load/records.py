"""Plain records that flow from the extractors to the database writer.

Every extractor is a function from a spaCy ``Doc`` (and its ``Article``) to
lists of these records; ``load.store`` is the one place that writes them.
Offsets (``start``/``end``) are character offsets into ``Article.text``, the
cleaned text stored in ``documents.text``; ``sentence`` is the 0-based index of
the sentence in ``doc.sents`` (stored as ``sentences.position``).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One article as read from disk: cleaned text plus metadata with provenance.

    Each metadata field has a ``*_source`` telling where it came from
    ("sidecar", "byline", "published-line", "first-line", ...); None when the
    text gave no evidence.
    """

    path: str
    sha256: str
    text: str
    title: str | None = None
    title_source: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    author: str | None = None
    author_source: str | None = None
    dateline: str | None = None
    dateline_source: str | None = None
    published: str | None = None          # ISO date (YYYY-MM-DD, start of period)
    published_precision: str | None = None  # day | month | year
    published_raw: str | None = None
    published_source: str | None = None
    url: str | None = None
    url_source: str | None = None
    language: str | None = None           # BCP 47 tag as the page states it ("en", "en-US")
    language_source: str | None = None
    fetched_at: str | None = None         # when a crawler fetched the page (WARC-Date), never a publication date
    format: str | None = None             # txt | html | jsonl | json | warc: the reader that read it
    file: str | None = None               # the file it came from, as stored (path without "#LOCATOR")
    # Full dates the article states explicitly (ISO, raw) other than the
    # publication date, e.g. a photo caption's "November 11, 2020"; a weaker
    # reference for relative dates when there is no publication date.
    explicit_dates: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class DateValue:
    """A resolved (or unresolvable) date expression.

    ``iso`` is the full ISO date of the start of the period, or None when the
    article does not pin the date down; ``raw`` is always kept.
    """

    raw: str
    iso: str | None = None
    precision: str | None = None      # day | month | year
    reference: str | None = None      # what it was resolved against: "published", "explicit:<ISO>", "absolute"
    inferred: str | None = None       # how, when not read directly (e.g. "across-articles")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    kind: str = "name"                # name | role (a role mention such as "the army chief")


@dataclass
class Title:
    post: str                         # "Foreign Minister", never carries nationality
    start: int
    end: int
    text: str                         # surface text the title was read from
    sentence: int
    country: str | None = None        # country the post belongs to ("Iran")
    organisation: str | None = None   # "ISI"
    rank: str | None = None           # "Maj Gen"
    status: str | None = None         # former | acting | designate | then
    is_description: bool = False      # "the top Iranian diplomat"
    normalized_post: str | None = None  # one name per post: "Minister of Defence" for "Defense Minister"
    as_of: DateValue | None = None    # when the title held: the sentence's date, else the publication date
    as_of_source: str | None = None   # sentence | published


@dataclass
class Person:
    """A person as one article knows them (article-local; resolved across articles later)."""

    key: int                          # article-local id, referenced by meetings
    name: str                         # fullest form, without ranks or honorifics
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    rank: str | None = None
    honorific: str | None = None
    country: str | None = None


@dataclass
class Meeting:
    participants: list[int]           # Person.key values, two or more
    sentence: int
    start: int
    end: int
    text: str                         # the trigger phrase ("met", "talks between")
    date: DateValue | None = None
    place: str | None = None
    topics: list[str] = field(default_factory=list)


@dataclass
class Figure:
    value: float                      # absolute value in ``unit`` (7.5e9 for "$7.5 billion")
    unit: str                         # normalized: km, mi, USD, PKR, MW, bcm, %, ...
    canonical_value: float            # converted to the dimension's canonical unit
    canonical_unit: str
    dimension: str                    # length, money, power, gas volume, ratio, ...
    text: str
    start: int
    end: int
    sentence: int
    subject: str | None = None        # what it measures: "Iran-Pakistan gas pipeline"
    approximate: bool = False
    qualifier: str | None = None      # about | nearly | over | ...
    also_value: float | None = None   # a bracketed conversion: "(559 miles)"
    also_unit: str | None = None
    also_text: str | None = None
    note: str | None = None           # how an ambiguous currency or a misprint was read
    range_part: str | None = None     # low | high: one end of a range ("40 to 45 per cent")


@dataclass
class CasualtyCount:
    kind: str                         # killed | injured | abducted | released | arrested | missing
    count: int | None                 # None for vague counts ("dozens") with no number
    text: str
    start: int
    end: int
    sentence: int
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None      # at least | more than | dozens | ...
    victims: str | None = None        # "IRGC members"
    claimed_by: str | None = None     # who gave the number ("state television")
    # The date of this count's event: the incident's, or its own ("Five of them were
    # later released ... on November 15"); None when the text does not pin it down.
    date: DateValue | None = None
    place: str | None = None          # the count's own place when it differs from its incident's
    side: str = "victims"             # victims | attackers (militants killed, suspects captured)
    claim: int = 0                    # counts of one claim are parts that add up ("8 jawans and a driver")
    superseded: bool = False          # a later toll of the same incident replaces it ("rose to 35")


@dataclass
class Incident:
    counts: list[CasualtyCount]
    sentences: list[int]
    date: DateValue | None = None
    place: str | None = None
    perpetrator: str | None = None
    attribution: str | None = None    # claimed | blamed | suspected | stated | inferred
    role: str = "reported"            # reported | recalled | total | statistic


@dataclass
class ArticleFacts:
    people: list[Person] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
