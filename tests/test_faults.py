"""Reliability of the write path (issues 7 and 16): the loader killed at random moments, a target
it cannot write, other connections and their WAL, symlinks and modes, two loads at once, workers
that must die with the loader, and readers running while loads commit."""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest

from load import database, pipeline, store

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


def unresolved(path: Path) -> int:
    """Article people without a person, or reports of two people without a meeting: half a resolution."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        people = db.execute("select count(*) from article_people where person_id is null "
                            "or person_id not in (select id from people)").fetchone()[0]
        keys = db.execute("select count(*) from article_people where id not in "
                          "(select article_person_id from person_keys)").fetchone()[0]
        return people + keys
    finally:
        db.close()


def restore(pristine: Path, target: Path) -> None:
    """Put the old database back (a test's own doing: the WAL of the killed load goes with it)."""
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(pristine, target)


# --- (a) SIGKILL at random moments --------------------------------------------------------

def start_load(*paths_and_target, extra=()):
    *paths, target = paths_and_target
    return subprocess.Popen([PYTHON, "-m", "load", *map(str, paths), "--db", str(target), "-q", *extra],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    """A load of 30 articles in transactions of 4, killed anywhere: the database holds the old
    articles and whole committed batches (each article with its facts and its resolution);
    a plain re-run completes it to exactly what an uninterrupted load gives."""
    from .test_incremental import assert_same, resolved

    old_corpus = make_corpus(tmp_path / "old", 3, tag="old")
    new_corpus = make_corpus(tmp_path / "new", 30, tag="new")
    work = tmp_path / "work"
    work.mkdir()
    target = work / "facts.db"
    pristine = tmp_path / "pristine.db"
    assert run_cli(old_corpus, "--db", pristine, "-q").returncode == 0
    assert check_database(pristine) == 3
    old_bytes = pristine.read_bytes()

    restore(pristine, target)
    started = time.monotonic()
    process = start_load(old_corpus, new_corpus, target, extra=("--commit-every", "4"))
    process.wait(timeout=600)
    took = time.monotonic() - started
    assert process.returncode == 0
    assert check_database(target) == 33
    whole = resolved(target)

    rng = random.Random(7)
    outcomes = []
    # once during start-up, then just after 1, 2, 4 and 6 committed batches (plus a random moment
    # of the next one), whatever the machine's speed
    for batches in (0, 1, 2, 4, 6):
        restore(pristine, target)
        process = start_load(old_corpus, new_corpus, target, extra=("--commit-every", "4"))
        if batches == 0:
            time.sleep(rng.uniform(0.2, 1.5))
        else:
            deadline = time.monotonic() + 600
            while documents_in(target) < 3 + 4 * batches and process.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.05)
            time.sleep(rng.uniform(0, took / 20))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        documents = check_database(target)
        assert documents == 33 or (3 <= documents < 33 and (documents - 3) % 4 == 0), documents
        assert unresolved(target) == 0
        outcomes.append("old" if target.read_bytes() == old_bytes and documents == 3 else documents)
        rerun = run_cli(old_corpus, new_corpus, "--db", target, "-q")
        assert rerun.returncode == 0, rerun.stderr
        assert check_database(target) == 33
        assert_same(whole, resolved(target))
    print("outcomes", outcomes, "load", round(took, 1))
    assert any(o not in ("old", 33) for o in outcomes), outcomes   # kills landed between commits


def documents_in(path: Path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return db.execute("select count(*) from documents").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


# --- (b) a target that cannot be written, other connections, symlinks and modes ----------------

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


def test_disk_full_at_commit_keeps_the_old_database(loaded, tmp_path, monkeypatch):
    corpus, target, before = loaded

    def full(db):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(database, "commit", full)
    with pytest.raises(database.TargetError, match="disk is full"):
        pipeline.run([corpus, tmp_path / "more"], target)
    assert target.read_bytes() == before
    assert check_database(target) == 2


def test_disk_full_through_the_command_line_exits_2_with_a_message(loaded, tmp_path):
    corpus, target, before = loaded
    script = ("import sqlite3, sys\n"
              "from load import database\n"
              "def full(db):\n"
              "    raise sqlite3.OperationalError('database or disk is full')\n"
              "database.commit = full\n"
              "from load.cli import main\n"
              f"sys.argv = ['newsfacts-load', {str(corpus)!r}, {str(tmp_path / 'more')!r}, '--db', {str(target)!r}]\n"
              "main()\n")
    result = subprocess.run([PYTHON, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 2, result.stderr
    assert "error:" in result.stderr and "disk is full" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes() == before


def test_a_target_that_is_not_a_database_is_refused_untouched(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 1)
    target = tmp_path / "facts.db"
    garbage = b"this is not sqlite\n" * 500
    target.write_bytes(garbage)
    result = run_cli(corpus, "--db", target)
    assert result.returncode == 2
    assert "not a newsfacts database" in result.stderr and "Traceback" not in result.stderr
    assert target.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("facts.db")) == ["facts.db", "facts.db.lock"]


def test_a_failure_while_preparing_the_database_keeps_it(loaded, tmp_path, monkeypatch):
    corpus, target, before = loaded

    def disk_full(db):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(database, "begin", disk_full)
    with pytest.raises(database.TargetError, match="disk is full"):
        pipeline.run([corpus, tmp_path / "more"], target)
    assert target.read_bytes() == before


def test_a_symlinked_database_stays_a_symlink_and_the_file_keeps_its_mode(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 2)
    real = tmp_path / "data" / "facts.db"
    real.parent.mkdir()
    pipeline.run([corpus / "000.txt"], real)
    real.chmod(0o600)
    link = tmp_path / "link.db"
    link.symlink_to(real)
    result = run_cli(corpus, "--db", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert check_database(real) == 2
    assert real.stat().st_mode & 0o777 == 0o600
    assert not Path(f"{link}-wal").exists() and not (tmp_path / "link.db.lock").exists()   # beside the target


def test_wal_of_another_connection_is_kept_and_never_meets_another_file(tmp_path):
    """Another process keeps the database open with committed pages still in the WAL (no
    checkpoint) and a read transaction running: a load writes beside them, the other process's
    commit survives, its reader goes on reading a whole database, and the file stays whole."""
    corpus = make_corpus(tmp_path / "articles", 3)
    target = tmp_path / "facts.db"
    pipeline.run([corpus / "000.txt"], target)
    other = subprocess.Popen(
        [PYTHON, "-c",
         "import sqlite3, sys, time\n"
         f"db = sqlite3.connect({str(target)!r}, isolation_level=None)\n"
         "db.execute('pragma wal_autocheckpoint = 0')\n"
         "db.execute(\"insert into skipped_files values ('elsewhere.txt', '0' , 'kept by another connection', 'now')\")\n"
         "reader = sqlite3.connect(" + repr(str(target)) + ", isolation_level=None)\n"
         "reader.execute('begin')\n"
         "print(reader.execute('select count(*) from documents').fetchone()[0], flush=True)\n"
         "sys.stdin.readline()\n"
         "print(reader.execute('select count(*) from documents').fetchone()[0], "
         "reader.execute('pragma integrity_check').fetchone()[0], flush=True)\n"
         "reader.execute('commit')\n"
         "print(reader.execute('select count(*) from documents').fetchone()[0], flush=True)\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "1"
        assert Path(f"{target}-wal").stat().st_size > 0
        result = run_cli(corpus, "--db", target, "-q")
        assert result.returncode == 0, result.stderr
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.stdout.readline().split() == ["1", "ok"]   # its snapshot, whole
        assert other.stdout.readline().strip() == "3"           # then the new commit
    finally:
        other.kill()
        other.wait()
    assert check_database(target) == 3
    db = sqlite3.connect(target)
    assert db.execute("select reason from skipped_files where path = 'elsewhere.txt'").fetchone() == (
        "kept by another connection",)
    db.close()
    assert pipeline.run([corpus], target).unchanged


def test_an_interrupted_load_keeps_its_committed_articles_and_a_rerun_completes(tmp_path, monkeypatch):
    from .test_incremental import assert_same, resolved

    corpus = make_corpus(tmp_path / "articles", 7)
    target = tmp_path / "facts.db"
    calls = []
    original = store.write_article

    def interrupt(*args, **kwargs):
        calls.append(1)
        if len(calls) == 6:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(store, "write_article", interrupt)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run([corpus], target, commit_every=2)
    monkeypatch.setattr(store, "write_article", original)
    assert check_database(target) == 4 and unresolved(target) == 0
    again = pipeline.run([corpus], target)
    assert len(again.loaded) == 3 and len(again.unchanged) == 4
    one = tmp_path / "one.db"
    pipeline.run([corpus], one)
    assert_same(resolved(one), resolved(target))


# --- one writer at a time -------------------------------------------------------------------------

def wait_for_lock(target: Path, process: subprocess.Popen) -> None:
    lock = database.lock_path(target)
    deadline = time.monotonic() + 120
    while not (lock.exists() and f"pid {process.pid} " in lock.read_text()):
        assert process.poll() is None, "the first load ended before it locked"
        assert time.monotonic() < deadline
        time.sleep(0.02)


@pytest.mark.slow
def test_a_second_load_stops_or_waits_and_never_overwrites(tmp_path):
    first_corpus = make_corpus(tmp_path / "first", 24, tag="a")
    second_corpus = make_corpus(tmp_path / "second", 4, tag="b")
    target = tmp_path / "facts.db"
    first = subprocess.Popen([PYTHON, "-m", "load", str(first_corpus), "--db", str(target), "-q"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    waiting = None
    try:
        wait_for_lock(target, first)
        # both others start while the first holds the lock (one after the other, the first load
        # could end before the second process had even started on a busy machine)
        waiting = subprocess.Popen([PYTHON, "-m", "load", str(second_corpus), "--db", str(target), "--wait", "600"],
                                   cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        refused = run_cli(second_corpus, "--db", target)
        assert first.poll() is None, "the first load ended too soon for the test"
        assert refused.returncode == 2, refused.stderr
        assert "another load" in refused.stderr and f"pid {first.pid}" in refused.stderr
        assert "--wait" in refused.stderr and "Traceback" not in refused.stderr
        assert first.wait(timeout=600) == 0, first.stderr.read()
        _, waited = waiting.communicate(timeout=600)
    finally:
        for process in (first, waiting):
            if process is not None:
                process.kill()
                process.wait()
    assert waiting.returncode == 0, waited
    assert "waiting for another load" in waited
    assert "4 loaded" in waited
    assert check_database(target) == 28 and unresolved(target) == 0


def test_wait_gives_up_after_its_limit(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 1)
    target = tmp_path / "facts.db"
    pipeline.run([corpus], target)
    before = target.read_bytes()
    import fcntl

    with open(database.lock_path(target), "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        started = time.monotonic()
        with pytest.raises(database.LoadInProgress, match="after 0.5 s"):
            pipeline.run([make_corpus(tmp_path / "more", 1, tag="m")], target, wait=0.5)
        assert 0.4 < time.monotonic() - started < 30
    assert target.read_bytes() == before


# --- workers die with their parent ----------------------------------------------------------------

def descendants(pid: int) -> set[int]:
    children = defaultdict(set)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children[int(fields[1])].add(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children[todo.pop()]:
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_workers_die_with_a_killed_loader(tmp_path):
    corpus = make_corpus(tmp_path / "articles", 80)
    loader = start_load(corpus, tmp_path / "facts.db", extra=("--workers", "2"))
    deadline = time.monotonic() + 180
    helpers: set[int] = set()
    while len(helpers) < 2:   # two workers (spawned ones have a resource tracker beside them)
        assert loader.poll() is None and time.monotonic() < deadline, helpers
        helpers = descendants(loader.pid)
        time.sleep(0.2)
    time.sleep(1)   # the workers are parsing
    helpers = descendants(loader.pid)
    loader.send_signal(signal.SIGKILL)
    loader.wait(timeout=60)
    killed = time.monotonic()
    while any(alive(pid) for pid in helpers) and time.monotonic() - killed < 10:
        time.sleep(0.2)
    survivors = [pid for pid in helpers if alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], f"outlived the loader by 10 s: {survivors}"


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
