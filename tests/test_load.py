"""Loading: schema integrity, provenance, idempotent and atomic loads, the command line."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from load import database, pipeline, store

from .conftest import FIXTURES, ROOT, SEEDS

PYTHON = sys.executable


def run_cli(*args, cwd=ROOT):
    return subprocess.run([PYTHON, "-m", "load", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("menu_and_sidebar.txt", "published_line_sidebar.txt", "windows_1252.txt"):
        shutil.copy(FIXTURES / "messy" / name, folder / name)
    return folder


# --- schema and provenance ---------------------------------------------------------------

def test_seeds_database_passes_integrity_and_foreign_key_checks(seeds_db):
    db = sqlite3.connect(seeds_db)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("select count(*) from documents").fetchone() == (5,)


def test_foreign_keys_are_enforced(seeds_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(seeds_db, copy)
    db = database.connect(copy)
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("insert into sentences (document_id, position, start, \"end\", text) values (999, 0, 0, 1, 'x')")


@pytest.mark.parametrize("table", ["person_mentions", "titles", "meeting_reports", "figures", "casualty_counts"])
def test_every_fact_points_to_its_text_and_sentence(seeds_db, table):
    db = sqlite3.connect(seeds_db)
    rows = db.execute(f"select t.start, t.\"end\", t.text, d.text, s.start, s.\"end\" from {table} t "
                      "join documents d on d.id = t.document_id join sentences s on s.id = t.sentence_id").fetchall()
    assert rows, f"no rows in {table}"
    for start, end, text, document_text, s_start, s_end in rows:
        assert document_text[start:end] == text
        assert s_start <= start and end <= s_end


def test_sentences_offsets_match_the_stored_text(seeds_db):
    db = sqlite3.connect(seeds_db)
    for start, end, text, document in db.execute(
            "select s.start, s.\"end\", s.text, d.text from sentences s join documents d on d.id = s.document_id"):
        assert document[start:end] == text


def test_full_text_search_over_sentences_and_titles(seeds_db):
    db = sqlite3.connect(seeds_db)
    hits = db.execute("select s.text from sentences_fts f join sentences s on s.id = f.rowid "
                      "where sentences_fts match 'pipeline'").fetchall()
    assert any("pipeline" in text.lower() for (text,) in hits)
    titles = db.execute("select title from documents_fts where documents_fts match 'relationship'").fetchall()
    assert titles == [("Iran Vows to Build 'Comprehensive' Relationship with Pakistan",)]


def test_public_views_cut_dates_to_their_precision(seeds_db):
    db = sqlite3.connect(seeds_db)
    dates = dict(db.execute("select kind, date from casualty_facts"))
    assert dates["killed"] == "2019-02"      # "In February": month precision
    assert dates["abducted"] == "2019-10-15"
    stored = db.execute("select date, date_precision from incidents where date like '2019-02%'").fetchone()
    assert stored == ("2019-02-01", "month")


# --- idempotent, incremental, atomic ------------------------------------------------------

def test_reloading_unchanged_files_changes_nothing(corpus, tmp_path):
    db_path = tmp_path / "facts.db"
    first = pipeline.run([corpus], db_path)
    assert len(first.loaded) == 3 and not first.skipped
    before = (db_path.stat().st_ino, db_path.stat().st_mtime_ns)
    second = pipeline.run([corpus], db_path)
    assert second.loaded == [] and len(second.unchanged) == 3
    assert (db_path.stat().st_ino, db_path.stat().st_mtime_ns) == before  # not even rewritten


def test_a_bad_file_skipped_once_does_not_make_every_reload_rewrite_the_database(corpus, tmp_path):
    db_path = tmp_path / "facts.db"
    (corpus / "empty.txt").write_bytes(b"")
    first = pipeline.run([corpus], db_path)
    assert len(first.loaded) == 3 and [p for p, _ in first.skipped] == [pipeline.stored_path(corpus / "empty.txt")]
    db = sqlite3.connect(db_path)
    assert db.execute("select reason from skipped_files").fetchall() == [("empty file",)]
    db.close()
    before = (db_path.stat().st_ino, db_path.stat().st_mtime_ns)
    second = pipeline.run([corpus], db_path)
    # Still reported (the folder still holds a bad file), but nothing is read or rewritten.
    [(path, reason)] = second.skipped
    assert path.endswith("empty.txt") and reason.startswith("empty file") and "unchanged" in reason
    assert second.loaded == [] and len(second.unchanged) == 3
    assert (db_path.stat().st_ino, db_path.stat().st_mtime_ns) == before
    # Once it has content it is loaded, and forgotten as a skip.
    (corpus / "empty.txt").write_text("Officials said 12 people were killed in the blast on Monday.\n")
    third = pipeline.run([corpus], db_path)
    assert [p for p in third.loaded if p.endswith("empty.txt")] and not third.skipped
    db = sqlite3.connect(db_path)
    assert db.execute("select count(*) from skipped_files").fetchone() == (0,)


def test_a_failed_extraction_is_retried_on_the_next_load(corpus, tmp_path, monkeypatch):
    """A crash in a rule is the code's fault, not the file's: it is not remembered."""
    from load import extract

    original = extract.figures.extract

    def broken(doc, article):
        if "windows" in article.path:
            raise ValueError("rule exploded")
        return original(doc, article)

    monkeypatch.setattr(extract.figures, "extract", broken)
    db_path = tmp_path / "facts.db"
    assert len(pipeline.run([corpus], db_path).skipped) == 1
    monkeypatch.setattr(extract.figures, "extract", original)
    again = pipeline.run([corpus], db_path)
    assert [p for p in again.loaded if p.endswith("windows_1252.txt")] and not again.skipped


def test_a_changed_file_replaces_only_its_own_facts(corpus, tmp_path):
    db_path = tmp_path / "facts.db"
    pipeline.run([corpus], db_path)
    target = corpus / "published_line_sidebar.txt"
    target.write_text(target.read_text().replace("15 percent", "25 percent"))
    summary = pipeline.run([corpus], db_path)
    assert len(summary.loaded) == 1 and len(summary.unchanged) == 2
    db = sqlite3.connect(db_path)
    values = [v for (v,) in db.execute("select value from figure_facts where unit = '%'")]
    assert values == [25.0]
    assert db.execute("select count(*) from documents").fetchone() == (3,)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rebuild_starts_from_an_empty_database(corpus, tmp_path):
    db_path = tmp_path / "facts.db"
    pipeline.run([corpus], db_path)
    pipeline.run([corpus / "windows_1252.txt"], db_path, rebuild=True)
    db = sqlite3.connect(db_path)
    assert db.execute("select count(*) from documents").fetchone() == (1,)


def test_an_interrupted_load_leaves_the_old_database_untouched(corpus, tmp_path, monkeypatch):
    db_path = tmp_path / "facts.db"
    pipeline.run([corpus / "windows_1252.txt"], db_path)
    before = db_path.read_bytes()
    calls = []

    def interrupt(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    original = store.write_article
    monkeypatch.setattr(store, "write_article", interrupt)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([corpus], db_path)
    assert db_path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_crash_in_one_article_skips_it_and_loads_the_rest(corpus, tmp_path, monkeypatch):
    from load import extract

    original = extract.figures.extract

    def broken(doc, article):
        if "Lahore".upper() in article.text:
            raise ValueError("rule exploded")
        return original(doc, article)

    monkeypatch.setattr(extract.figures, "extract", broken)
    summary = pipeline.run([corpus], tmp_path / "facts.db")
    assert len(summary.loaded) == 2
    [(path, reason)] = summary.skipped
    assert path.endswith("published_line_sidebar.txt") and "ValueError: rule exploded" in reason


def test_a_read_only_folder_is_a_clear_error(corpus, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes to read-only folders")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    with pytest.raises(database.TargetError, match="not writable"):
        pipeline.run([corpus], locked / "facts.db")


# --- the command line --------------------------------------------------------------------

def test_cli_help_documents_every_option():
    result = run_cli("--help")
    assert result.returncode == 0
    for option in ("--db", "--rebuild", "--model", "--quiet", "PATHS"):
        assert option in result.stdout


def test_cli_loads_and_reports_a_summary(corpus, tmp_path):
    result = run_cli(corpus, "--db", tmp_path / "facts.db")
    assert result.returncode == 0, result.stderr
    assert "3 loaded, 0 unchanged, 0 skipped" in result.stderr
    again = run_cli(corpus, "--db", tmp_path / "facts.db")
    assert again.returncode == 0 and "0 loaded, 3 unchanged" in again.stderr


def test_cli_names_skipped_files_and_exits_non_zero(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    result = run_cli(corpus, "--db", tmp_path / "facts.db")
    assert result.returncode == 1
    assert "skipped" in result.stderr and "empty.txt: empty file" in result.stderr
    assert "photo.txt: binary file" in result.stderr
    assert "3 loaded" in result.stderr
    db = sqlite3.connect(tmp_path / "facts.db")
    assert db.execute("select count(*) from documents").fetchone() == (3,)


def test_cli_missing_path_is_a_usage_error(tmp_path):
    result = run_cli(tmp_path / "nowhere", "--db", tmp_path / "facts.db")
    assert result.returncode == 2 and "nowhere" in result.stderr


def test_cli_defaults_to_seeds(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(SEEDS, work / "seeds")
    result = subprocess.run([PYTHON, "-m", "load", "--db", "out.db"], cwd=work, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert "5 loaded" in result.stderr


def test_disk_full_during_a_load_is_a_database_error_not_an_article_skip(corpus, tmp_path, monkeypatch):
    db_path = tmp_path / "facts.db"
    pipeline.run([corpus / "windows_1252.txt"], db_path)
    before = db_path.read_bytes()

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "write_article", full)
    with pytest.raises(database.TargetError, match="disk is full"):
        pipeline.run([corpus], db_path)
    assert db_path.read_bytes() == before
