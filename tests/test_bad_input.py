"""Issue 7 (reliability): one folder of bad input. Good files load; each bad file is named with a
one-line reason on stderr; the exit status is 1."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from load import pipeline, reader

from .conftest import ROOT

PYTHON = sys.executable

GOOD = ("ISLAMABAD: Pakistani Foreign Minister Shah Mahmood Qureshi met Iranian Foreign Minister "
        "Mohammad Javad Zarif in Islamabad on Monday. The two ministers discussed the 1,900 km gas pipeline. "
        "Officials said at least 12 people were killed in the attack near the border.\n\n"
        "The talks lasted three hours, a spokesman said.\n")

SENTENCE = "The minister said the talks in Islamabad covered trade, energy and border security. "


def run_cli(*args, cwd=ROOT):
    return subprocess.run([PYTHON, "-m", "load", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def skipped_lines(stderr: str) -> dict[str, str]:
    """file name -> reason, from the ``skipped PATH: REASON`` lines."""
    result = {}
    for line in stderr.splitlines():
        if line.startswith("skipped "):
            path, _, reason = line[len("skipped "):].partition(": ")
            result[Path(path).name] = reason
    return result


@pytest.fixture
def bad_folder(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    # good files
    (folder / "good.txt").write_text("Talks in Islamabad\n\n" + GOOD, encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(
        ("Caf\u00e9 talks in Islamabad\n\n" + GOOD.replace("The talks lasted", "The \u201cfrank\u201d talks at the caf\u00e9 lasted"))
        .encode("cp1252"))
    (folder / "one_line.txt").write_text(SENTENCE * (200_000 // len(SENTENCE)), encoding="utf-8")
    (folder / "sidecar_ok.txt").write_text("Sidecar talks\n\n" + GOOD, encoding="utf-8")
    (folder / "sidecar_ok.json").write_text(json.dumps({"published": "2019-11-20", "outlet": "Dawn"}))
    # bad files
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "garbage.txt").write_bytes(bytes((i * 37 + 11) % 256 for i in range(5000)).replace(b"\x00", b"\x01"))
    (folder / "no_sentences.txt").write_text("... --- !!! ??? 123 456\n\n*** ### ...\n", encoding="utf-8")
    (folder / "bad_json.txt").write_text("Bad sidecar\n\n" + GOOD, encoding="utf-8")
    (folder / "bad_json.json").write_text("{\"published\": \"2019-11-20\",", encoding="utf-8")
    (folder / "bad_date.txt").write_text("Bad date\n\n" + GOOD, encoding="utf-8")
    (folder / "bad_date.json").write_text(json.dumps({"published": "2023-02-30"}))
    with open(folder / "huge.txt", "wb") as handle:
        line = (SENTENCE + "\n").encode()
        handle.write(line * (reader.MAX_BYTES // len(line) + 10))
    # a symlink loop: a file linking to itself, and a folder linking to its parent
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink("..", folder / "parent_link")
    return folder


GOOD_NAMES = {"good.txt", "cp1252.txt", "one_line.txt", "sidecar_ok.txt"}
BAD_REASONS = {
    "empty.txt": "empty file",
    "photo.txt": "binary file",
    "garbage.txt": None,            # any one-line reason
    "no_sentences.txt": None,
    "bad_json.txt": "sidecar bad_json.json: invalid JSON",
    "bad_date.txt": "sidecar bad_date.json: published '2023-02-30' is not a real date",
    "huge.txt": f"limit {reader.MAX_CHARS:,} characters",
}


def test_a_folder_of_bad_input_loads_the_good_files_and_names_the_bad(bad_folder, tmp_path):
    db_path = tmp_path / "facts.db"
    result = run_cli(bad_folder, "--db", db_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    skipped = skipped_lines(result.stderr)
    for name, reason in BAD_REASONS.items():
        assert name in skipped, (name, result.stderr)
        assert skipped[name].strip(), name
        if reason:
            assert reason in skipped[name], (name, skipped[name])
    assert not GOOD_NAMES & set(skipped), result.stderr
    # the symlink loop is skipped with a reason, never a crash; the folder loop is not followed
    assert "loop.txt" in skipped and skipped["loop.txt"].strip()
    assert set(skipped) == set(BAD_REASONS) | {"loop.txt"}
    assert f"{len(GOOD_NAMES)} loaded" in result.stderr

    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rows = dict(db.execute("select path, text from documents"))
    assert {Path(p).name for p in rows} == GOOD_NAMES
    by_name = {Path(p).name: text for p, text in rows.items()}
    assert "\"frank\" talks at the caf\u00e9" in by_name["cp1252.txt"]  # decoded as Windows-1252, quotes normalized
    assert len(by_name["one_line.txt"]) > 190_000
    published = dict(db.execute("select path, published from documents where path like '%sidecar_ok.txt'"))
    assert list(published.values()) == ["2019-11-20"]


def test_an_unreadable_file_is_skipped_as_permission_denied(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("Talks\n\n" + GOOD)
    locked = folder / "locked.txt"
    locked.write_text("Locked\n\n" + GOOD)
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode (see the simulated test below)")
    locked.chmod(0)
    try:
        result = run_cli(folder, "--db", tmp_path / "facts.db")
    finally:
        locked.chmod(0o644)
    assert result.returncode == 1
    assert skipped_lines(result.stderr) == {"locked.txt": "permission denied"}


def test_an_unreadable_file_is_skipped_simulated(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("Talks\n\n" + GOOD)
    (folder / "locked.txt").write_text("Locked\n\n" + GOOD)
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if Path(file).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader.base, "open", guarded_open, raising=False)
    summary = pipeline.run([folder], tmp_path / "facts.db")
    assert [Path(p).name for p in summary.loaded] == ["good.txt"]
    assert [(Path(p).name, reason) for p, reason in summary.skipped] == [("locked.txt", "permission denied")]


def test_a_file_deleted_after_it_was_found_is_reported_as_vanished(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_good.txt").write_text("Talks\n\n" + GOOD)
    (folder / "b_gone.txt").write_text("Gone\n\n" + GOOD)
    original = pipeline.find_files

    def find_then_delete(paths, not_read=None, ignore=()):
        for path in original(paths, not_read, ignore):
            if path.name == "b_gone.txt":
                path.unlink()   # deleted between planning (listing) and reading
            yield path

    monkeypatch.setattr(pipeline, "find_files", find_then_delete)
    summary = pipeline.run([folder], tmp_path / "facts.db")
    assert [Path(p).name for p in summary.loaded] == ["a_good.txt"]
    [(path, reason)] = summary.skipped
    assert Path(path).name == "b_gone.txt" and "vanished" in reason


def test_a_file_vanishing_at_read_time_is_reported_as_vanished(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "gone.txt").write_text("Gone\n\n" + GOOD)
    real_open = open

    def vanishing_open(file, *args, **kwargs):
        if Path(file).name == "gone.txt":
            raise FileNotFoundError(2, "No such file or directory", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader.base, "open", vanishing_open, raising=False)
    with pytest.raises(reader.SkipFile, match="vanished"):
        reader.read_bytes(folder / "gone.txt")


def test_a_file_rewritten_during_the_load_loads_one_consistent_version(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    target = folder / "changing.txt"
    version_a = ("Version A\n\n" + GOOD.replace("three hours", "alpha hours")).encode()
    version_b = ("Version B\n\n" + GOOD.replace("three hours", "bravo hours") + "An added paragraph.\n").encode()
    target.write_bytes(version_a)
    original = pipeline.read_source

    def rewrite_then_read(source):
        target.write_bytes(version_b)   # rewritten after planning read it, before extraction
        return original(source)

    monkeypatch.setattr(pipeline, "read_source", rewrite_then_read)
    db_path = tmp_path / "facts.db"
    summary = pipeline.run([folder], db_path)
    assert len(summary.loaded) == 1 and not summary.skipped
    db = sqlite3.connect(db_path)
    sha, text = db.execute("select sha256, text from documents").fetchone()
    db.close()
    # hash and text describe the same version, whichever the reader saw
    assert (sha, "alpha hours" in text, "bravo hours" in text) in [
        (hashlib.sha256(version_a).hexdigest(), True, False), (hashlib.sha256(version_b).hexdigest(), False, True)]

    monkeypatch.setattr(pipeline, "read_source", original)
    again = pipeline.run([folder], db_path)                 # the file as it is now, loaded or unchanged
    assert len(again.loaded) + len(again.unchanged) == 1
    db = sqlite3.connect(db_path)
    sha, text = db.execute("select sha256, text from documents").fetchone()
    assert sha == hashlib.sha256(version_b).hexdigest() and "bravo hours" in text
