"""Issue 17 (hostile input): each break the reliability probe reproduced is a test here.

Deeply nested JSON, oversized fields, named pipes and sockets, NUL bytes, file names that
forge the summary, a --db that is a folder, and any error while reading one file: each skips
that file (or record) with a reason naming it, recorded in ``skipped_files``; the rest loads;
no traceback; exit status 1 for skips, 2 for usage and database errors.
"""
from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from load import pipeline, reader
from load.reader import FIELD_LIMITS, SkipFile, read_article, read_source, sources
from load.database import TargetError
from load.terminal import printable

from .conftest import ROOT

HEADLINE = "Rail talks resume in the capital"
BODY = ("NAIROBI: The transport minister met regional officials in Nairobi on Monday. They discussed the "
        "480 km railway line to the border.\n\nThe talks lasted three hours, a spokesman said, and will resume "
        "next month.\n")
ARTICLE = f"{HEADLINE}\n\n{BODY}"
DEEP = "[" * 100_000   # the probe's sidecar: 100,000 nested brackets


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "load", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def load(paths, db: Path) -> pipeline.Summary:
    return pipeline.run([Path(p) for p in paths], db)


def skipped_lines(stderr: str) -> dict[str, str]:
    """file name -> reason, from the ``skipped PATH: REASON`` lines."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith("skipped "):
            path, _, reason = line[len("skipped "):].partition(": ")
            found[Path(path).name] = reason
    return found


def by_name(pairs) -> dict[str, str]:
    return {Path(name).name: value for name, value in pairs}


def query(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def skipped_rows(db: Path) -> dict[str, tuple[str, str]]:
    return {Path(path).name: (sha, reason) for path, sha, reason in query(db, "select path, sha256, reason "
                                                                              "from skipped_files")}


def nested(levels: int):
    value: list = []
    for _ in range(levels - 1):
        value = [value]
    return value


def record(title: str, **fields) -> dict:
    return {"title": title, "text": BODY, **fields}


# --- 1. deep nesting --------------------------------------------------------------------------

def test_a_deeply_nested_sidecar_skips_its_article_on_every_load(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(3):
        (folder / f"good{number}.txt").write_text(ARTICLE.replace("three", f"{number + 2}"), encoding="utf-8")
    (folder / "deep.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    db = tmp_path / "facts.db"
    for attempt in ("first", "again"):
        result = run_cli(folder, "--db", db)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
        assert list(skipped_lines(result.stderr)) == ["deep.txt"], result.stderr
        assert skipped_lines(result.stderr)["deep.txt"].startswith(
            "sidecar deep.json: invalid JSON: nested too deeply (limit 100 levels)"), result.stderr
        assert len(query(db, "select * from documents")) == 3
    assert skipped_lines(result.stderr)["deep.txt"].endswith("(unchanged since an earlier load)")
    assert skipped_rows(db)["deep.txt"][1] == "sidecar deep.json: invalid JSON: nested too deeply (limit 100 levels)"


def test_a_deeply_nested_json_line_skips_that_line_and_the_rest_loads(tmp_path):
    lines = [json.dumps(record("First talks")), '{"text": ' + DEEP, json.dumps(record("Third talks")),
             json.dumps(record("Fourth talks", tags=nested(150)))]
    scraped = tmp_path / "scraped.jsonl"
    scraped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "facts.db"
    summary = load([scraped], db)
    assert sorted(Path(name).name for name in summary.loaded) == ["scraped.jsonl#1", "scraped.jsonl#3"]
    too_deep = "invalid JSON: nested too deeply (limit 100 levels)"
    assert by_name(summary.skipped) == {"scraped.jsonl#2": f"line 2: {too_deep}",
                                        "scraped.jsonl#4": f"line 4: {too_deep}"}
    assert {name: reason for name, (_, reason) in skipped_rows(db).items()} == by_name(summary.skipped)
    again = load([scraped], db)
    assert all(reason.endswith("(unchanged since an earlier load)") for _, reason in again.skipped)
    assert len(again.skipped) == 2 and len(again.unchanged) == 2


def test_a_deeply_nested_json_file_or_array_item_is_skipped_and_the_rest_loads(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "items.json").write_text(json.dumps([record("First talks"), record("Second talks", tags=nested(150)),
                                                   record("Third talks")]), encoding="utf-8")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "facts.db"
    summary = load([folder], db)
    too_deep = "invalid JSON: nested too deeply (limit 100 levels)"
    assert sorted(Path(name).name for name in summary.loaded) == ["good.txt", "items.json#1", "items.json#3"]
    assert by_name(summary.skipped) == {"deep.json": too_deep, "items.json#2": f"item 2: {too_deep}"}
    # both recorded; a file refused before its content was hashed has an empty sha256
    assert skipped_rows(db)["deep.json"] == ("", too_deep)
    assert skipped_rows(db)["items.json#2"][1] == f"item 2: {too_deep}"
    before = db.stat().st_mtime_ns
    again = load([folder], db)
    assert by_name(again.skipped)["deep.json"] == too_deep
    assert db.stat().st_mtime_ns == before   # already recorded: the database is not rewritten


# --- 2. bounded fields and documents --------------------------------------------------------

def test_a_sidecar_with_a_50_mb_title_or_a_long_field_skips_its_article(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, sidecar in (("huge", {"title": "T" * 50_000_000}), ("long", {"title": "word " * 1_000}),
                          ("url", {"url": "https://example.org/" + "a" * 9_000}),
                          ("date", {"published": "2024-03-05 " * 100}), ("fine", {"title": "Rail talks resume"})):
        (folder / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps(sidecar), encoding="utf-8")
    db = tmp_path / "facts.db"
    summary = load([folder], db)
    assert [Path(name).name for name in summary.loaded] == ["fine.txt"]
    assert by_name(summary.skipped) == {
        "huge.txt": "sidecar huge.json: too large: 50,000,013 bytes (limit 1,000,000 bytes)",
        "long.txt": "sidecar long.json: title too long (5,000 characters; limit 1,000)",
        "url.txt": "sidecar url.json: url too long (9,020 characters; limit 8,000)",
        "date.txt": "sidecar date.json: published too long (1,100 characters; limit 500)",
    }
    assert set(skipped_rows(db)) == set(by_name(summary.skipped))
    assert query(db, "select title, title_source from documents") == [("Rail talks resume", "sidecar")]


@pytest.mark.parametrize("field, value, reason", [
    ("title", "T" * 2_000_000, "title too long (2,000,000 characters; limit 1,000)"),
    ("authors", ["Jane Writer"] * 200, "authors too long"),
    ("url", "https://example.org/" + "a" * 9_000, "url too long (9,020 characters; limit 8,000)"),
    ("source_domain", "x" * 600, "source_domain too long (600 characters; limit 500)"),
    ("language", "en-" + "x" * 40, "language too long (43 characters; limit 35)"),
    ("date_publish", "5 March 2024 " * 50, "date_publish too long"),
    ("date_download", "2024-03-05T10:00:00Z" * 10, "date_download too long"),
])
def test_an_oversized_field_in_a_json_record_skips_that_record(tmp_path, field, value, reason):
    scraped = tmp_path / "scraped.jsonl"
    records = [record("First talks"), {**record("Second talks"), field: value}, record("Third talks")]
    scraped.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    outcomes = {}
    for source in sources(scraped):
        try:
            outcomes[source.locator] = read_source(source).title
        except SkipFile as skip:
            outcomes[source.locator] = str(skip)
    assert outcomes["1"] == "First talks" and outcomes["3"] == "Third talks"
    assert outcomes["2"].startswith(f"line 2: {reason}"), outcomes["2"]


def test_metadata_a_page_gives_over_its_limit_is_dropped_and_the_page_loads(tmp_path):
    from .test_web_input import page, write_warc

    long_headline = "Rail talks " + "resume again " * 200   # 2,600 characters in og:title, <title> and <h1>
    saved = tmp_path / "page.html"
    saved.write_text(page(headline=long_headline), encoding="utf-8")
    article = read_article(saved)
    assert (article.title, article.title_source) == (None, None)
    assert "480 km railway line" in article.text and article.outlet == "Example News"

    crawl = tmp_path / "crawl.warc"
    long_url = "https://news.example.org/" + "a" * 9_000
    write_warc(crawl, [(long_url, page().encode())])
    [source] = sources(crawl)
    article = read_source(source)
    assert (article.url, article.url_source) == (None, None)      # the WARC's target URI was too long
    assert article.title == "Regional ministers resume talks on rail link"


def test_a_warc_header_line_over_the_limit_makes_the_file_unreadable_from_there(tmp_path):
    from load.reader import warc

    crawl = tmp_path / "crawl.warc"
    header = (b"WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Record-ID: <urn:uuid:1>\r\nX-Junk: "
              + b"a" * (warc.MAX_HEADER_LINE + 10) + b"\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    crawl.write_bytes(header)
    with pytest.raises(SkipFile, match="not a readable WARC after 0 records.*header line over 1,048,576 bytes"):
        list(sources(crawl))


def test_a_warc_header_block_over_the_limit_makes_the_file_unreadable_from_there(tmp_path):
    """Many header lines, each under the line limit: warcio would keep them all in memory."""
    from load.reader import warc

    from .test_web_input import page, write_warc

    crawl = tmp_path / "crawl.warc"
    write_warc(crawl, [("https://news.example.org/rail-talks", page().encode())])
    line = b"X-Junk: " + b"a" * 1000 + b"\r\n"
    many = b"WARC/1.0\r\nWARC-Type: metadata\r\n" + line * (warc.MAX_HEADER_BYTES // len(line) + 2)
    crawl.write_bytes(crawl.read_bytes() + many + b"Content-Length: 0\r\n\r\n\r\n\r\n")
    with pytest.raises(SkipFile, match=r"not a readable WARC after \d+ records.*header block over 4,194,304 bytes"):
        list(sources(crawl))


def test_no_stored_field_is_over_its_limit(tmp_path):
    """Whatever the input gave, the database holds bounded values (a document's title is the label of
    every one of its sentence rows, so one 50 MB title once made a 1.25 GB page)."""
    from .test_web_input import page, write_warc

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "page.html").write_text(page(headline="Rail talks " + "resume again " * 200), encoding="utf-8")
    write_warc(folder / "crawl.warc", [("https://news.example.org/" + "a" * 9_000, page().encode())])
    (folder / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "facts.db"
    summary = load([folder], db)
    assert len(summary.loaded) == 3 and not summary.skipped
    for field, limit in FIELD_LIMITS.items():
        [(longest,)] = query(db, f"select max(length({field})) from documents")
        assert longest is None or longest <= limit, field


def test_words_without_sentence_ends_are_skipped_not_a_crash(tmp_path):
    """A 330 KB line of words without a full stop parsed as one tree 60,000 levels deep, and walking it
    overflowed the C stack: a segmentation fault that ended the whole load, on every re-run."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bomb.txt").write_text("Rail talks " * 30_000 + "\n\n" + BODY, encoding="utf-8")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "facts.db"
    result = run_cli(folder, "--db", db)
    assert result.returncode == 1, result.stderr
    assert "Fatal Python error" not in result.stderr and "Traceback" not in result.stderr
    reason = skipped_lines(result.stderr)["bomb.txt"]
    assert reason.startswith("a sentence parses ") and "levels deep (limit 1,000)" in reason
    assert skipped_rows(db)["bomb.txt"][1] == reason
    assert "1 loaded" in result.stderr


# --- 3. named pipes, sockets ------------------------------------------------------------------

def test_a_named_pipe_or_socket_is_skipped_without_waiting(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("pipe.txt", "pipe.jsonl", "pipe.warc", "pipe.html", "side.json"):
        os.mkfifo(folder / name)
    (folder / "side.txt").write_text(ARTICLE, encoding="utf-8")   # side.json, a pipe, is its sidecar
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind(str(folder / "sock.txt"))
    except OSError:   # the path is too long for a socket's address here
        listener.close()
        listener = None
    try:
        result = run_cli(folder, "--db", tmp_path / "facts.db", timeout=300)   # hung for ever before
    finally:
        if listener:
            listener.close()
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    pipe = "not a regular file: a named pipe (FIFO); only regular files are read"
    expected = {"pipe.txt": pipe, "pipe.jsonl": pipe, "pipe.warc": pipe, "pipe.html": pipe,
                "side.txt": f"sidecar side.json: {pipe}"}
    if listener:
        expected["sock.txt"] = "not a regular file: a socket; only regular files are read"
    assert skipped_lines(result.stderr) == expected
    assert "1 loaded" in result.stderr


def test_a_file_replaced_by_a_pipe_after_planning_is_skipped_when_read(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    target = folder / "later.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    [source] = sources(target)
    target.unlink()
    os.mkfifo(target)
    with pytest.raises(SkipFile, match="a named pipe"):
        read_source(source)


# --- 4. NUL bytes -----------------------------------------------------------------------------

def test_a_nul_byte_is_never_stored_and_offsets_stay_exact(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    filler = "The officials said the plan would be reviewed by the committee before the end of the year. " * 200
    # a NUL deep in the file (about byte 19,000) and one near the start: the same rule for both
    (folder / "deep.txt").write_bytes(f"{HEADLINE}\n\n{BODY}\n{filler}\n\nThe new railway".encode()
                                      + b"\x00" + b"line will open in May, the minister said.\n")
    (folder / "near.txt").write_bytes(b"Rail\x00talks resume\n\n" + BODY.encode())
    (folder / "record.jsonl").write_text(json.dumps(record("Rail\u0000talks", text=BODY.replace("480 km", "480\u0000km")))
                                         + "\n", encoding="utf-8")
    db = tmp_path / "facts.db"
    summary = load([folder], db)
    assert not summary.skipped and len(summary.loaded) == 3
    assert query(db, "select count(*) from documents where instr(text, char(0)) or instr(title, char(0))") == [(0,)]
    assert query(db, "select count(*) from documents where length(text) != characters") == [(0,)]
    assert query(db, """select count(*) from sentences s join documents d on d.id = s.document_id
                        where substr(d.text, s.start + 1, s."end" - s.start) != s.text""") == [(0,)]
    texts = by_name(query(db, "select path, text from documents"))
    assert "The new railway line will open" in texts["deep.txt"]     # the NUL became a space, one for one
    assert "480 km railway" in texts["record.jsonl#1"]


def test_a_file_whose_nul_bytes_make_it_binary_is_skipped_wherever_they_are(tmp_path):
    text = ARTICLE.encode() * 20
    for name, data in (("start.txt", b"\x00" * 200 + text), ("end.txt", text + b"\x00" * 200),
                       ("spread.txt", b"\x00".join(text[i:i + 40] for i in range(0, len(text), 40)))):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(SkipFile, match="binary file"):
            read_article(tmp_path / name)


# --- 5. names printed safely ------------------------------------------------------------------

def test_file_names_cannot_forge_the_summary(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    forged = "evil\nskipped other.txt: fake reason.txt"
    for name in (forged, "\x1b[2J\x1b[31mred.txt", "bidi\u202etxt.txt", "line\u2028sep.txt"):
        (folder / name).write_bytes(b"")                              # empty: skipped, so named in the summary
    (folder / os.fsdecode(b"not-utf8-\xff.txt")).write_text(ARTICLE, encoding="utf-8")   # loads
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "facts.db"
    result = run_cli(folder, "--db", db)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("skipped ")]) == 4
    assert not any(line.startswith("skipped other.txt") for line in lines)
    assert "evil\\nskipped other.txt: fake reason.txt: empty file" in result.stderr
    assert "\\x1b[2J\\x1b[31mred.txt: empty file" in result.stderr
    assert "bidi\\u202etxt.txt: empty file" in result.stderr and "line\\u2028sep.txt" in result.stderr
    assert not any(c in result.stderr for c in "\x1b\u202e\u2028\r")
    assert "2 loaded" in result.stderr
    stored = sorted(Path(path).name for (path,) in query(db, "select path from documents"))
    assert stored == ["good.txt", "not-utf8-\\xff.txt"]   # a name that is not UTF-8 is stored as valid text


@pytest.mark.parametrize("raw, shown", [
    ("evil\nskipped x.txt", "evil\\nskipped x.txt"), ("a\rb", "a\\rb"), ("tab\there", "tab\\there"),
    ("\x1b[2J", "\\x1b[2J"), ("\x7f\x85", "\\x7f\\x85"), ("a\u202eb\u2066c\u2069", "a\\u202eb\\u2066c\\u2069"),
    ("zero\u200bwidth", "zero\\u200bwidth"), ("x\u2028y\u2029z", "x\\u2028y\\u2029z"),
    (os.fsdecode(b"bad-\xff\xfe.txt"), "bad-\\xff\\xfe.txt"), ("\U000e0041tag", "\\U000e0041tag"),
    ("caf\u00e9 \u0627\u0644\u062e\u0628\u0631 \u65b0\u95fb.txt", "caf\u00e9 \u0627\u0644\u062e\u0628\u0631 \u65b0\u95fb.txt"),
    ("a\\nb", "a\\nb"), ("", ""),
])
def test_printable_escapes_controls_formats_and_separators_only(raw, shown):
    assert printable(raw) == shown


# --- 6. the target -----------------------------------------------------------------------------

def test_a_db_that_is_a_folder_is_a_clear_error(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "facts.db"
    folder.mkdir()
    result = run_cli(article, "--db", folder)
    assert result.returncode == 2, result.stderr
    assert f"error: {folder}: is a folder, not a database file" in result.stderr
    assert "disk I/O" not in result.stderr and "Traceback" not in result.stderr


def test_a_db_that_is_a_pipe_or_under_a_file_is_refused_before_anything_is_read(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.db")
    with pytest.raises(TargetError, match="pipe.db: not a regular file"):
        load([article], tmp_path / "pipe.db")
    with pytest.raises(TargetError, match="story.txt is a file, not a folder"):
        load([article], article / "facts.db")


# --- any error while reading --------------------------------------------------------------------

def test_any_error_while_reading_a_file_skips_it_and_is_remembered(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "trap.txt").write_text(ARTICLE.replace("three", "four"), encoding="utf-8")
    real_read = reader.text.read

    def failing_read(source, data):
        if source.name.endswith("trap.txt"):
            raise RecursionError("maximum recursion depth exceeded in a library")
        return real_read(source, data)

    monkeypatch.setattr(reader.text, "read", failing_read)
    db = tmp_path / "facts.db"
    summary = load([folder], db)
    assert [Path(name).name for name in summary.loaded] == ["good.txt"]
    [(name, reason)] = summary.skipped
    assert Path(name).name == "trap.txt"
    assert reason.startswith("cannot be read: RecursionError: maximum recursion depth exceeded in a library (")
    assert skipped_rows(db)["trap.txt"][1] == reason
    again = load([folder], db)
    assert again.skipped == [(name, f"{reason} (unchanged since an earlier load)")]


def test_any_error_while_listing_a_files_records_skips_that_file_until_it_reads(tmp_path, monkeypatch):
    scraped = tmp_path / "scraped.jsonl"
    scraped.write_text(json.dumps(record("First talks")) + "\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    real_sources = reader.jsonlines.line_sources

    def broken(path, file):
        raise KeyError("a library's bug")

    monkeypatch.setattr(reader.jsonlines, "line_sources", broken)
    db = tmp_path / "facts.db"
    summary = load([scraped, good], db)
    assert [Path(name).name for name in summary.loaded] == ["good.txt"]
    [(name, reason)] = summary.skipped
    assert Path(name).name == "scraped.jsonl" and reason.startswith("KeyError: \"a library's bug\" (")
    assert skipped_rows(db)["scraped.jsonl"] == ("", reason)
    monkeypatch.setattr(reader.jsonlines, "line_sources", real_sources)
    fixed = load([scraped, good], db)
    assert [Path(name).name for name in fixed.loaded] == ["scraped.jsonl#1"] and not fixed.skipped
    assert "scraped.jsonl" not in skipped_rows(db)   # the refusal is forgotten once the file reads
