"""Issue 7 (reliability): fuzz the reader and every extractor with random and adversarial news-like text.
Issue 17 (hostile input): fuzz sidecars, JSON lines and WARC records (built with warcio, then damaged).

Properties: no crash (the reader may only refuse with SkipFile, a one-line reason naming the line,
item or sidecar); every article it gives is bounded (no field over its limit, no NUL, no lone
surrogate); every figure value finite; every casualty count a non-negative int or None; every date
None or a real ISO date; a printed name is one line without control characters.
"""
from __future__ import annotations

import itertools
import json
import math
import unicodedata
from collections import Counter
from datetime import date
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from load import casualties, dates, figures, people, reader
from load.cleaning import clean_lines
from load.extract import extract_facts, sentence_offsets
from load.records import Article, DateValue
from load.terminal import printable

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

ADVERSARIAL = [
    "1e309 km", "$99999999999999999999999 billion", "((((", "))))", "[[[(", "February 30, 2019",
    "On February 30", "the 31st of April", "on the 0th of May", "in the year 99999", "on Monday",
    "last Friday", "-5 km", "nan km", "inf MW", "1e-400 miles", "0.000000000000001 percent",
    "10^1000 tonnes", "9" * 400 + " people were killed", "minus 3 people were injured",
    "between 10 and 5 people were killed", "dozens were abducted", "at least 1e308 people were killed",
    "two hundred trillion trillion were killed", "Rs 1,000,000,000,000,000,000,000 crore",
    "Prime Minister Imran Khan met President Hassan Rouhani in Tehran on February 29, 2019",
    "General Qamar Javed Bajwa met Mohammad Javad Zarif on the 32nd day of his visit",
    "(559 miles (900 km (1e309 km)))", "By Jane Doe November 31, 2019", "Published in Dawn, April 31st, 2019",
    "ISLAMABAD:", "\u00a0\u2014\u201c\u201d\u2019", "\u0627\u0633\u0644\u0627\u0645 \u0622\u0628\u0627\u062f",
    "\U0001F4A5\U0001F4A5", "\u200b\u200b", "e\u0301", "\r\n\r", "\t", "...", "%%%", "$", "km km km",
    "Militants killed \u00b2 people", "in \u00b2\u2070\u00b9\u2079", "on March \u00b2\u2070\u00b9\u2079",
    "\u0661\u0662 people were killed", "\u2168 soldiers were injured", "\u00bd km",
    "12 km (", ") 12 km", "1,2,3,4,5,6 km", "3.4.5 MW", "$.5 billion", "1/0 km", "0x1F km",
]

WORDS = ["the", "minister", "said", "met", "killed", "injured", "abducted", "in", "Islamabad", "on",
         "Friday", "km", "billion", "percent", "people", "soldiers", "militants", "attack", "talks", ","]


def _number():
    return st.one_of(
        st.integers(min_value=-10**30, max_value=10**30).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(min_value=0, max_value=10**6).map(lambda n: f"{n:,}"),
    )


fragment = st.one_of(
    st.sampled_from(ADVERSARIAL),
    st.sampled_from(WORDS),
    _number(),
    st.builds(lambda n, u: f"{n} {u}", _number(), st.sampled_from(["km", "miles", "MW", "bcm", "$", "percent",
                                                                   "people were killed", "billion dollars"])),
    st.text(max_size=20),
)
news_text = st.lists(fragment, min_size=1, max_size=30).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=400))
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(str))


def _iso_ok(value: DateValue | None) -> None:
    if value is None or value.iso is None:
        return
    assert isinstance(value.iso, str)
    date.fromisoformat(value.iso)   # raises on "2019-02-30"


def _count_ok(value) -> None:
    assert value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0), value
    assert value is None or value < 2**63, value   # fits SQLite's INTEGER


# --- the reader -------------------------------------------------------------------------

@FUZZ
@given(text=st.text(max_size=2000))
def test_normalize_text_is_idempotent_and_unix(text):
    out = reader.normalize_text(text)
    assert isinstance(out, str)
    assert "\r" not in out
    assert reader.normalize_text(out) == out   # idempotent


@FUZZ
@given(text=any_text)
def test_clean_lines_never_crashes(text):
    cleaned = clean_lines(reader.normalize_text(text))
    assert isinstance(cleaned.text, str)


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), any_text.map(lambda t: t.encode("utf-8")),
                      any_text.map(lambda t: t.encode("utf-16")),
                      any_text.map(lambda t: t.encode("cp1252", errors="replace"))))
def test_read_article_only_refuses_with_a_reason(data, tmp_path):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        article = reader.read_article(path, data)
    except reader.SkipFile as reason:
        assert str(reason).strip() and "\n" not in str(reason)
        return
    assert article.text.strip()
    if article.published:
        date.fromisoformat(article.published)


# --- the extractors -----------------------------------------------------------------------

def _check_facts(doc, article):
    facts = extract_facts(doc, article)
    offsets = sentence_offsets(doc)
    for f in facts.figures:
        assert math.isfinite(f.value) and math.isfinite(f.canonical_value), f
        assert f.also_value is None or math.isfinite(f.also_value), f
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert 0 <= f.sentence < len(offsets)
    for incident in facts.incidents:
        _iso_ok(incident.date)
        for c in incident.counts:
            _count_ok(c.count), _count_ok(c.low), _count_ok(c.high)
            _iso_ok(c.date)
            assert 0 <= c.sentence < len(offsets)
    for meeting in facts.meetings:
        _iso_ok(meeting.date)
        assert len(set(meeting.participants)) >= 1
    for person in facts.people:
        for m in person.mentions:
            assert doc.text[m.start:m.end] == m.text
    return facts


@FUZZ
@given(text=any_text, published=published)
def test_every_extractor_survives_random_text(nlp, text, published):
    text = reader.normalize_text(text)
    article = Article(path="fuzz.txt", sha256="0", text=text, published=published,
                      published_precision="day" if published else None)
    doc = nlp(text)
    _check_facts(doc, article)


@FUZZ
@given(text=news_text, published=published)
def test_each_extractor_alone_on_adversarial_text(nlp, text, published):
    text = reader.normalize_text(text)
    article = Article(path="fuzz.txt", sha256="0", text=text, published=published,
                      published_precision="day" if published else None)
    doc = nlp(text)
    people.extract(doc, article)
    for f in figures.extract(doc, article):
        assert math.isfinite(f.value) and math.isfinite(f.canonical_value), f
    context = dates.DateContext(doc, article)
    for expression in context.expressions:
        _iso_ok(expression.value)
    for incident in casualties.extract(doc, article, context):
        for c in incident.counts:
            _count_ok(c.count), _count_ok(c.low), _count_ok(c.high)


@pytest.mark.parametrize("text", [
    "On February 30, 2019 the minister met his counterpart. The pipeline is 1e309 km long.",
    "The project costs $99999999999999999999999 billion, officials said on the 31st of April.",
    "((((((((((( 12 km ))))))))))) and [[[[ 5 MW ]]]] were reported On February 30.",
    "Militants killed " + "9" * 500 + " people and injured 1e309 soldiers in Quetta on Friday.",
    "At least -5 people were killed and between 30 and 10 were injured.",
    "Militants killed \u00b2 people in Quetta on Friday.",
    "The talks were held on March \u00b2\u2070\u00b9\u2079 in Tehran. Prices rose in \u00b2\u2070\u00b9\u2079.",
    "Militants killed " + "9" * 30 + " people and a dozen dozen dozen were abducted.",
])
def test_adversarial_examples(nlp, text):
    for published in (None, "2019-02-28"):
        article = Article(path="fuzz.txt", sha256="0", text=text, published=published,
                          published_precision="day" if published else None)
        _check_facts(nlp(text), article)


@FUZZ
@given(text=news_text, published=published)
def test_extracted_facts_can_always_be_stored(nlp, text, published):
    """What the extractors return fits the schema (no int too large for SQLite, no NaN in NOT NULL)."""
    from load import database, store

    text = reader.normalize_text(text)
    article = Article(path="fuzz.txt", sha256="0" * 64, text=text, published=published,
                      published_precision="day" if published else None)
    doc = nlp(text)
    facts = _check_facts(doc, article)
    db = database.connect(":memory:")
    database.apply_schema(db)
    store.write_article(db, article, sentence_offsets(doc), facts)
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


# --- hostile companions and records (issue 17) -------------------------------------------------

ARTICLE = ("Rail talks resume in the capital\n\nNAIROBI: The transport minister met regional officials in "
           "Nairobi on Monday. They discussed the 480 km railway line to the border.\n")
PAGE = ("<html lang='en'><head><title>Rail talks resume</title><meta property='og:title' content='Rail talks'>"
        "</head><body><article><h1>Rail talks resume</h1><p>NAIROBI: The transport minister met regional officials "
        "in Nairobi on Monday. They discussed the 480 km railway line to the border, officials said.</p>"
        "</article></body></html>")
HOSTILE_STRINGS = [
    "\x00", "a\x00b", "\ud800", "x \udfff", "x" * 5_000, "\u202e\u2066", "\n\r\t", "2024-02-30", "5 March 2024",
    "https://example.org/" + "a" * 9_000, "https://example.org/story", "javascript:alert(1)", "<b>x</b>", "9" * 400,
    "en-" + "x" * 40, "en", "", " ", PAGE, PAGE.replace("<p>", "<p>\x00"),
]
SIDECAR_FIELDS = ("title", "author", "outlet", "url", "published")
RECORD_FIELDS = ("title", "headline", "authors", "author", "url", "link", "source_domain", "sitename", "language",
                 "date_publish", "date", "date_download")
_names = itertools.count()

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                        st.text(max_size=40), st.sampled_from(HOSTILE_STRINGS))
json_value = st.recursive(json_scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                               st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                          max_leaves=12)
field_value = st.one_of(json_scalar, st.lists(st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE_STRINGS)),
                                              max_size=3))
deep_json = st.integers(min_value=90, max_value=5_000).map(lambda n: "[" * n + "]" * n)


def _dumps(value) -> str:
    return json.dumps(value)   # ASCII: a lone surrogate is written as a valid \\ud800 escape


def _one_line(reason: reader.SkipFile) -> str:
    text = str(reason)
    assert text.strip() and "\n" not in text and "\r" not in text, text
    return text


def _bounded(article: Article) -> None:
    assert article.text.strip()
    for field, limit in reader.FIELD_LIMITS.items():
        value = getattr(article, field)
        assert value is None or len(value) <= limit, (field, len(value))
    for value in (article.text, *(getattr(article, field) for field in reader.FIELD_LIMITS)):
        if value:
            assert "\x00" not in value
            value.encode("utf-8")   # no lone surrogate: SQLite stores it


sidecar = st.one_of(
    st.fixed_dictionaries({}, optional={name: field_value for name in SIDECAR_FIELDS}).map(_dumps),
    json_value.map(_dumps), deep_json, st.text(max_size=60),
)


@FUZZ
@given(sidecar=sidecar)
def test_any_sidecar_gives_a_bounded_article_or_a_reason_naming_it(sidecar, tmp_path):
    name = f"story{next(_names)}"
    (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / f"{name}.json").write_bytes(sidecar.encode("utf-8", "surrogatepass"))
    try:
        article = reader.read_article(tmp_path / f"{name}.txt")
    except reader.SkipFile as reason:
        assert _one_line(reason).startswith(f"sidecar {name}.json: ")
        return
    _bounded(article)


record = st.one_of(
    st.fixed_dictionaries({"text": st.one_of(st.just(ARTICLE), st.just(PAGE), st.text(max_size=200),
                                             st.sampled_from(HOSTILE_STRINGS))},
                          optional={name: field_value for name in RECORD_FIELDS}),
    json_value,
)
json_line = st.one_of(record.map(_dumps), deep_json, st.text(max_size=80))


@FUZZ
@given(lines=st.lists(json_line, min_size=1, max_size=4))
def test_any_json_lines_give_bounded_articles_or_reasons_naming_the_line(lines, tmp_path):
    path = tmp_path / f"scraped{next(_names)}.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    for source in reader.sources(path):   # listing lines never fails on content
        try:
            article = reader.read_source(source)
        except reader.SkipFile as reason:
            assert _one_line(reason).startswith(f"line {source.locator}: ")
            continue
        _bounded(article)


@FUZZ
@given(items=st.one_of(st.lists(record, max_size=4), record, deep_json))
def test_any_json_file_gives_bounded_articles_or_reasons(items, tmp_path):
    path = tmp_path / f"items{next(_names)}.json"
    path.write_bytes((items if isinstance(items, str) else _dumps(items)).encode("utf-8", "surrogatepass"))
    try:
        found = list(reader.sources(path))
    except reader.SkipFile as reason:
        _one_line(reason)
        return
    for source in found:
        try:
            article = reader.read_source(source)
        except reader.SkipFile as reason:
            _one_line(reason)
            continue
        _bounded(article)


warc_response = st.tuples(
    st.one_of(st.just("https://news.example.org/story"), st.just("https://news.example.org/" + "a" * 9_000),
              st.text(st.characters(min_codepoint=33, max_codepoint=0x2FFF), max_size=30)
              .map(lambda t: "https://news.example.org/" + t)),
    st.sampled_from(["200 OK", "404 Not Found", "301 Moved Permanently", "200"]),
    st.sampled_from(["text/html; charset=utf-8", "text/html; charset=no-such-charset", "text/html; charset=utf-16",
                     "image/png", "", "application/xhtml+xml"]),
    st.one_of(st.just(PAGE.encode()), st.just(PAGE.replace("<p>", "<p>\x00").encode()), st.binary(max_size=300),
              st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))),
)


def _warc_bytes(responses, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("fuzz.warc", {"software": "fuzz"}))
    for uri, status, content_type, payload in responses:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)] if content_type else [],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(payload), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-06-01T12:00:00Z"}))
    return out.getvalue()


@FUZZ
@given(responses=st.lists(warc_response, min_size=1, max_size=3), gz=st.booleans(),
       damage=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.binary(min_size=1, max_size=6)), max_size=3),
       cut=st.one_of(st.none(), st.floats(min_value=0, max_value=1)))
def test_any_warc_damaged_or_not_gives_bounded_articles_or_reasons(responses, gz, damage, cut, tmp_path):
    data = bytearray(_warc_bytes(responses, gz))
    for where, junk in damage:   # overwrite a few bytes anywhere: headers, lengths, gzip members, payloads
        start = int(where * (len(data) - 1))
        data[start:start + len(junk)] = junk
    if cut is not None:
        data = data[:int(cut * len(data))]   # a truncated download
    path = tmp_path / f"crawl{next(_names)}.warc{'.gz' if gz else ''}"
    path.write_bytes(bytes(data))
    ignored: Counter = Counter()
    found = []
    try:
        for source in reader.sources(path, ignored):
            found.append(source)
    except reader.SkipFile as reason:
        _one_line(reason)
    for source in found:
        try:
            article = reader.read_source(source)
        except reader.SkipFile as reason:
            _one_line(reason)
            continue
        _bounded(article)
        assert article.fetched_at is None or len(article.fetched_at) <= reader.FIELD_LIMITS["fetched_at"]


@FUZZ
@given(text=st.text(st.characters(exclude_categories=())))
def test_a_printed_name_is_one_line_without_controls(text):
    shown = printable(text)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in shown), shown
    assert shown == text or not text.isprintable()
