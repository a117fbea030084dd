"""Issue 7 (reliability): the loader killed at random moments, a target it cannot write, and readers
running while loads swap the database in."""
from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from load import pipeline, store

from .conftest import ROOT, SEEDS

PYTHON = sys.executable


def run_cli(*args, cwd=ROOT, timeout=600):
    return subprocess.run([PYTHON, "-m", "load", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def make_corpus(folder: Path, count: int, tag: str = "") -> Path:
    """``count`` articles copied from seeds/ with small variations, so every hash differs."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(count):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        text = text.replace("\n\n", f"\n\nCopy {tag}{i}.\n\n", 1) if i >= len(seeds) else text
        (folder / f"{tag}{i:03d}.txt").write_text(text + f"\nReported by desk {tag}{i}.\n", encoding="utf-8")
    return folder


def check_database(path: Path) -> int:
    """Open the database, check it and return how many documents it holds."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        return db.execute("select count(*) from documents").fetchone()[0]
    finally:
        db.close()


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


# --- (a) SIGKILL at random moments --------------------------------------------------------

def start_load(*paths_and_target):
    *paths, target = paths_and_target
    return subprocess.Popen([PYTHON, "-m", "load", *map(str, paths), "--db", str(target), "-q"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for_temporary(folder: Path, process: subprocess.Popen) -> float:
    """Wait until the load has created its temporary copy; return when."""
    name = f".facts.db.{process.pid}.tmp"
    deadline = time.monotonic() + 300
    while not (folder / name).exists():
        assert process.poll() is None, "the load ended before writing"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    return time.monotonic()


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_old_or_new_and_a_rerun_completes(tmp_path):
    old_corpus = make_corpus(tmp_path / "old", 3, tag="old")
    new_corpus = make_corpus(tmp_path / "new", 30, tag="new")
    work = tmp_path / "work"
    work.mkdir()
    target = work / "facts.db"
    pristine = tmp_path / "pristine.db"
    assert run_cli(old_corpus, "--db", pristine, "-q").returncode == 0
    old_bytes = pristine.read_bytes()
    assert check_database(pristine) == 3

    # how long a whole load takes, and how long its write phase (temporary copy present) lasts,
    # so the kills land anywhere inside it: during start-up, while writing, around the swap
    shutil.copy(pristine, target)
    started = time.monotonic()
    process = start_load(old_corpus, new_corpus, target)
    writing_from = wait_for_temporary(work, process)
    process.wait(timeout=600)
    ended = time.monotonic()
    assert process.returncode == 0
    assert check_database(target) == 33
    startup, writing = writing_from - started, ended - writing_from

    rng = random.Random(7)
    fractions = [None, 0.05, 0.4, 0.75, 0.97]   # None: kill during start-up, before any temporary exists
    outcomes = []
    for round_, fraction in enumerate(fractions):
        fresh = round_ == 0           # once with no database at all
        if fresh:
            target.unlink()
        else:
            shutil.copy(pristine, work / "restore.db")
            os.replace(work / "restore.db", target)
        process = start_load(old_corpus, new_corpus, target)
        if fraction is None:
            time.sleep(startup * rng.uniform(0.2, 0.8))
        else:
            wait_for_temporary(work, process)
            time.sleep(writing * fraction * rng.uniform(0.9, 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)

        if not target.exists():
            assert fresh, "a killed load removed the old database"
            outcomes.append("absent")
        elif not fresh and target.read_bytes() == old_bytes:
            outcomes.append("old")
        else:
            assert check_database(target) == 33, "neither the old nor the new database"
            outcomes.append("new")
        if target.exists():
            check_database(target)
        assert not Path(f"{target}-journal").exists()

        rerun = run_cli(old_corpus, new_corpus, "--db", target, "-q")   # stale temporaries do not matter
        assert rerun.returncode == 0, rerun.stderr
        assert check_database(target) == 33
        live = [p for p in temporaries(work) if p.name.split(".")[-2] == str(process.pid)]
        assert not live or outcomes[-1] == "new"   # a rerun that had work to do cleaned the dead load's copy
    print("outcomes", outcomes, "start-up", round(startup, 1), "writing", round(writing, 1))
    assert "old" in outcomes   # the kills did land inside loads


def test_stale_temporaries_from_dead_loads_do_not_break_a_load(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 2)
    target = tmp_path / "facts.db"
    dead = subprocess.Popen([PYTHON, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".facts.db.{dead.pid}.tmp"
    stale.write_bytes(b"half a database" * 1000)
    Path(f"{stale}-journal").write_bytes(b"junk")
    summary = pipeline.run([corpus], target)
    assert len(summary.loaded) == 2 and not summary.skipped
    assert check_database(target) == 2
    assert not stale.exists()
    assert temporaries(tmp_path) == []


def test_a_temporary_of_a_live_process_is_left_alone(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 1)
    target = tmp_path / "facts.db"
    sleeper = subprocess.Popen([PYTHON, "-c", "import time; time.sleep(60)"])
    try:
        busy = tmp_path / f".facts.db.{sleeper.pid}.tmp"
        busy.write_bytes(b"another load at work")
        pipeline.run([corpus], target)
        assert busy.read_bytes() == b"another load at work"
        assert check_database(target) == 1
    finally:
        sleeper.kill()
        sleeper.wait()


# --- (b) a target that cannot be written ----------------------------------------------------

@pytest.fixture
def loaded(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 2)
    target = tmp_path / "db" / "facts.db"
    target.parent.mkdir()
    pipeline.run([corpus], target)
    make_corpus(tmp_path / "more", 1, tag="more")
    return corpus, target, target.read_bytes()


def test_a_target_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 1)
    result = run_cli(corpus, "--db", tmp_path / "missing" / "facts.db")
    assert result.returncode == 2
    assert "error:" in result.stderr and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_disk_full_at_the_swap_keeps_the_old_database(loaded, tmp_path, monkeypatch):
    corpus, target, before = loaded

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store.os, "replace", full)
    with pytest.raises(store.TargetError, match="No space left on device"):
        pipeline.run([corpus, tmp_path / "more"], target)
    assert target.read_bytes() == before
    assert temporaries(target.parent) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["facts.db"]


def test_disk_full_through_the_command_line_exits_2_with_a_message(loaded, tmp_path):
    corpus, target, before = loaded
    script = ("import errno, os, sys\n"
              "def full(*a, **k):\n"
              "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
              "os.replace = full\n"
              "from load.cli import main\n"
              f"sys.argv = ['newsfacts-load', {str(corpus)!r}, {str(tmp_path / 'more')!r}, '--db', {str(target)!r}]\n"
              "main()\n")
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 2, result.stderr
    assert "error:" in result.stderr and "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == before
    assert temporaries(target.parent) == []


def test_a_target_that_is_not_a_database_is_refused_untouched(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 1)
    target = tmp_path / "facts.db"
    garbage = b"this is not sqlite\n" * 500
    target.write_bytes(garbage)
    result = run_cli(corpus, "--db", target)
    assert result.returncode == 2
    assert "not a newsfacts database" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == garbage
    assert temporaries(tmp_path) == []


def test_a_failure_while_copying_the_old_database_keeps_it(loaded, tmp_path, monkeypatch):
    corpus, target, before = loaded
    original = store.apply_schema

    def disk_full(db):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "apply_schema", disk_full)
    with pytest.raises(store.TargetError, match="disk is full"):
        pipeline.run([corpus, tmp_path / "more"], target)
    monkeypatch.setattr(store, "apply_schema", original)
    assert target.read_bytes() == before
    assert temporaries(target.parent) == []


# --- (c) readers while loads run ---------------------------------------------------------------

def test_readers_see_only_the_old_or_the_new_database_while_loads_run(tmp_path):
    small = make_corpus(tmp_path / "small", 2, tag="s")
    large = make_corpus(tmp_path / "large", 5, tag="l")
    target = tmp_path / "facts.db"
    pipeline.run([small], target)
    allowed = {2, 7}
    seen, errors = [], []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                db = sqlite3.connect(f"file:{target}?mode=ro", uri=True, timeout=5)
                try:
                    count = db.execute("select count(*) from documents").fetchone()[0]
                    check = db.execute("PRAGMA integrity_check").fetchone()[0]
                finally:
                    db.close()
            except Exception as error:  # noqa: BLE001 - any reader error fails the test
                errors.append(repr(error))
                continue
            seen.append(count)
            if check != "ok":
                errors.append(check)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for round_ in range(4):
            if round_ % 2 == 0:
                summary = pipeline.run([small, large], target)       # 2 -> 7 documents
            else:
                summary = pipeline.run([small], target, rebuild=True)  # 7 -> 2 documents
            assert not summary.skipped
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    assert seen and set(seen) <= allowed, set(seen)
    assert check_database(target) == 2
