"""Gzip-compressed scraper output (``.jsonl.gz``, ``.ndjson.gz``, ``.json.gz``) loads like the
file it was compressed from: same documents, same ``FILE#LINE`` / ``FILE#N`` locators, same
facts; a broken stream keeps the lines before the break and names the line where it broke."""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from load import pipeline
from load.reader import SkipFile, find_files, jsonlines, read_source, sources

from .test_web_input import (GENERIC, assert_workers_spread_records, NEWS_PLEASE, PARAGRAPHS, TRAFILATURA, big_jsonl, facts_of, load, peak_bytes,
                             rows, scraped, write_jsonl)  # noqa: F401 (scraped: a fixture)


def gzipped(path: Path, suffix: str = ".jsonl.gz") -> Path:
    """The bytes of ``path`` compressed into a file beside it named with ``suffix``."""
    packed = path.with_name(path.name.split(".")[0] + suffix)
    packed.write_bytes(gzip.compress(path.read_bytes()))
    return packed


def numbered_records(path: Path, count: int) -> Path:
    """``count`` short articles, each with its own number (so each line's facts differ)."""
    write_jsonl(path, [{"title": f"Story {n}", "maintext": f"Police said {n + 2} people were killed in an attack "
                        f"on a bus on Sunday. " + PARAGRAPHS[2], "date_publish": "2024-03-05"} for n in range(count)])
    return path


def whole_lines_before_the_break(data: bytes) -> int:
    """How many complete lines a damaged gzip file still holds (zlib, independently of the reader)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data)
    except zlib.error:
        out = b""
    return out.count(b"\n")


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".ndjson.gz"])
def test_a_gzipped_jsonl_gives_the_same_documents_locators_and_facts_as_the_plain_file(scraped, tmp_path, suffix):
    packed = gzipped(scraped, suffix)
    plain_sources, packed_sources = list(sources(scraped)), list(sources(packed))
    assert [(s.locator, s.offset, s.sha256) for s in packed_sources] == [
        (s.locator, s.offset, s.sha256) for s in plain_sources]
    db = tmp_path / "facts.db"
    summary = load([scraped, packed], db)
    plain_name, packed_name = pipeline.stored_path(scraped), pipeline.stored_path(packed)
    assert summary.loaded == [f"{name}#{n}" for name in (plain_name, packed_name) for n in (1, 2, 5, 6)]
    skipped = dict(summary.skipped)
    for n in (3, 7):  # the broken lines, with the same reasons
        assert skipped[f"{packed_name}#{n}"] == skipped[f"{plain_name}#{n}"]
    assert rows(db, "select file, format from documents where path = ?", [f"{packed_name}#5"]) == [
        (packed_name, "jsonl")]
    for n in (1, 2, 5, 6):
        as_plain, as_packed = facts_of(db, f"%{scraped.name}#{n}"), facts_of(db, f"%{packed.name}#{n}")
        assert as_packed == as_plain and as_plain["document"]
    assert facts_of(db, f"%{packed.name}#1")["casualties"]


def test_a_truncated_gzip_stream_loads_the_lines_before_it_and_names_the_line_where_it_broke(tmp_path):
    plain = numbered_records(tmp_path / "cut.jsonl", 40)
    packed = gzipped(plain)
    db = tmp_path / "facts.db"
    first = load([packed], db)
    assert len(first.loaded) == 40 and not first.skipped
    data = packed.read_bytes()
    packed.write_bytes(data[:int(len(data) * 0.7)])  # a download cut short
    whole = whole_lines_before_the_break(packed.read_bytes())
    assert 5 < whole < 35
    again = load([packed], db)
    name = pipeline.stored_path(packed)
    assert sorted(again.unchanged) == sorted(f"{name}#{n}" for n in range(1, whole + 1))
    assert again.skipped == [(f"{name}#{whole + 1}", f"line {whole + 1}: the gzip stream ends before its end-of-stream "
                                                     "marker (truncated or damaged); the rest of the file is not read")]
    # nothing already loaded is lost: every document of the complete file is still there
    assert rows(db, "select count(*) from documents")[0][0] == 40
    # the break is remembered by its hash: reported again, not read again
    third = load([packed], db)
    assert [reason.endswith("(unchanged since an earlier load)") for _, reason in third.skipped] == [True]


def test_a_corrupt_gzip_stream_ends_the_file_with_the_line_where_it_broke(tmp_path):
    plain = numbered_records(tmp_path / "corrupt.jsonl", 200)
    lines = plain.read_bytes().splitlines(keepends=True)
    packed = tmp_path / "corrupt.jsonl.gz"
    # two gzip members (as appending writers make): the second's deflate data has a block of the invalid type 3
    packed.write_bytes(gzip.compress(b"".join(lines[:150])) + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
                       + b"\x07" + gzip.compress(b"".join(lines[150:]))[10:])
    found = list(sources(packed))
    assert [s.locator for s in found] == [str(n) for n in range(1, 152)]
    assert [s.sha256 for s in found[:150]] == [s.sha256 for s in list(sources(plain))[:150]]
    with pytest.raises(SkipFile, match=r"^line 151: the gzip stream is corrupt \(error: Error -3 while decompressing "
                                       r"data: invalid block type\); the rest of the file is not read$"):
        read_source(found[150])
    assert read_source(found[149]).title == "Story 149"  # behind the break: the stream is opened again
    assert read_source(found[0]).title == "Story 0"


def test_a_file_named_gz_that_is_not_gzip_is_skipped_with_a_one_line_reason(tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    write_jsonl(folder / "plain.jsonl.gz", [NEWS_PLEASE])  # plain JSON lines despite the name
    write_jsonl(folder / "good.jsonl", [GENERIC])
    summary = load([folder], tmp_path / "facts.db")
    assert summary.loaded == [f"{pipeline.stored_path(folder / 'good.jsonl')}#1"]
    assert summary.skipped == [(pipeline.stored_path(folder / "plain.jsonl.gz"),
                                "not a gzip file (no gzip signature at its start), despite its .gz name")]


def test_a_gzipped_json_array_and_object_read_like_the_plain_files(tmp_path):
    (tmp_path / "items.json").write_text(json.dumps([TRAFILATURA, GENERIC]))
    (tmp_path / "single.json").write_text(json.dumps(GENERIC))
    gzipped(tmp_path / "items.json", ".json.gz")
    gzipped(tmp_path / "single.json", ".json.gz")
    found = {source.name.rsplit("/", 1)[-1]: source for path in find_files([tmp_path]) for source in sources(path)}
    assert list(found) == ["items.json#1", "items.json#2", "items.json.gz#1", "items.json.gz#2", "single.json",
                           "single.json.gz"]
    for plain, packed in [("items.json#1", "items.json.gz#1"), ("items.json#2", "items.json.gz#2"),
                          ("single.json", "single.json.gz")]:
        assert found[packed].sha256 == found[plain].sha256
        plain_article, packed_article = read_source(found[plain]), read_source(found[packed])
        assert packed_article.format == "json" and packed_article.path.endswith(packed)
        assert (packed_article.text, packed_article.title, packed_article.published) == (
            plain_article.text, plain_article.title, plain_article.published)
    assert read_source(found["items.json.gz#2"]).title == "Council approves new water plan"


def test_the_json_size_limit_holds_for_the_decompressed_bytes(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonlines, "MAX_JSON_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.json.gz"  # 30 KB that expand to 30 MB
    bomb.write_bytes(gzip.compress(json.dumps([{**GENERIC, "body": " " * 30_000_000}]).encode(), 9))
    assert bomb.stat().st_size < 100_000

    def plan():
        with pytest.raises(SkipFile, match=r"^too large once decompressed \(limit 1,000,000 bytes\)"):
            list(sources(bomb))

    assert peak_bytes(plan) < 5_000_000  # never decompressed whole
    fits = tmp_path / "fits.json.gz"
    fits.write_bytes(gzip.compress(json.dumps([GENERIC]).encode()))
    assert read_source(next(sources(fits))).title == "Council approves new water plan"


def test_a_big_gzipped_jsonl_file_streams_in_flat_memory(tmp_path):
    small = gzipped(big_jsonl(tmp_path / "small.jsonl", 1_000))
    big = gzipped(big_jsonl(tmp_path / "big.jsonl", 10_000))

    def read_all(path):
        return lambda: sum(len(read_source(source).text) for source in sources(path))

    read_all(small)()  # imports and caches warmed up
    small_peak, big_peak = peak_bytes(read_all(small)), peak_bytes(read_all(big))
    assert big_peak < 1.5 * small_peak + 1_000_000, (small_peak, big_peak)


def test_workers_spread_the_records_of_one_gzipped_file(tmp_path):
    assert_workers_spread_records(tmp_path, gzipped)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.binary(min_size=1, max_size=6)), max_size=3),
       cut=st.one_of(st.none(), st.floats(min_value=0, max_value=1)))
def test_any_damaged_gzip_lines_give_articles_or_reasons_naming_the_line(damage, cut, tmp_path):
    data = bytearray(gzip.compress(numbered_records(tmp_path / "fuzz.jsonl", 30).read_bytes(), mtime=0))
    for where, junk in damage:  # overwrite a few bytes anywhere: header, deflate data, CRC, length
        start = int(where * (len(data) - 1))
        data[start:start + len(junk)] = junk
    if cut is not None:
        data = data[:int(cut * len(data))]
    path = tmp_path / "fuzz.jsonl.gz"
    path.write_bytes(bytes(data))
    try:
        found = list(sources(path))
    except SkipFile as reason:  # only a file that does not start as gzip is refused whole
        assert data[:2] != b"\x1f\x8b"[:len(data[:2])] and str(reason).startswith("not a gzip file")
        return
    numbers = [int(s.locator) for s in found]
    assert numbers == sorted(set(numbers))
    for source in found:
        try:
            article = read_source(source)
        except SkipFile as reason:
            assert str(reason).startswith(f"line {source.locator}: ") and "\n" not in str(reason)
            continue
        assert article.text.strip() and article.path.endswith(f"fuzz.jsonl.gz#{source.locator}")


def test_prune_keeps_the_records_of_a_file_that_is_there_but_broken(tmp_path):
    """--prune removes what is no longer under the paths; a damaged file is still there, and
    what was loaded from it stays (a later load of the mended file finds it unchanged)."""
    folder = tmp_path / "scraped"
    folder.mkdir()
    plain = numbered_records(tmp_path / "feed.jsonl", 4)
    packed = gzipped(plain)
    packed = packed.rename(folder / packed.name)
    db = tmp_path / "facts.db"
    first = pipeline.run([folder], db)
    assert len(first.loaded) == 4
    good = packed.read_bytes()
    packed.write_bytes(good[: len(good) // 2])      # truncated in the middle of the stream
    damaged = pipeline.run([folder], db, prune=True)
    assert damaged.removed == []
    assert any(packed.name in name and "truncated" in reason for name, reason in damaged.skipped), damaged.skipped
    assert len(rows(db, "select id from documents")) == 4
    packed.write_bytes(good)
    again = pipeline.run([folder], db, prune=True)
    assert again.loaded == [] and again.removed == [] and len(again.unchanged) == 4
