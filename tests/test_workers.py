"""--workers N: parallel extraction writes exactly the database a single-process load writes."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from load import pipeline

from .conftest import ROOT, SEEDS

# Names swapped in the copies, so content hashes differ and resolution meets new people.
SWAPS = [
    {"Zarif": "Ahmadi", "Qureshi": "Siddiqui", "Bajwa": "Malik", "Rouhani": "Karimi"},
    {"Zarif": "Rahimi", "Qureshi": "Chaudhry", "Bajwa": "Durrani", "Islamabad": "Lahore"},
    {"Zarif": "Hosseini", "Bajwa": "Niazi", "Friday": "Monday", "November": "October"},
]


def seeds_with_copies(folder: Path, swaps: list[dict[str, str]]) -> Path:
    """The seeds, one copy of each per swap set (names replaced), and an empty file that is skipped."""
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
        text = seed.read_text(encoding="utf-8")
        for number, replacements in enumerate(swaps):
            copy = text
            for old, new in replacements.items():
                copy = copy.replace(old, new)
            (folder / f"{seed.stem}_copy{number}.txt").write_text(copy, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")  # a skipped file keeps its place in the order
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return seeds_with_copies(tmp_path_factory.mktemp("workers") / "articles", SWAPS)


WHEN_WRITTEN = {"loaded_at", "skipped_at"}  # clock times, the only columns two loads may differ in


def tables(db_path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(db_path)
    names = [name for (name,) in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and sql not like '%VIRTUAL%' order by name")]
    result = {}
    for name in names:
        columns = [row[1] for row in db.execute(f"pragma table_info([{name}])") if row[1] not in WHEN_WRITTEN]
        select = ", ".join(f"[{column}]" for column in columns)
        order = ", ".join(str(i + 1) for i in range(len(columns)))  # some tables have no rowid
        result[name] = db.execute(f"select {select} from [{name}] order by {order}").fetchall()
    db.close()
    return result


def load(corpus: Path, db: Path, workers: int) -> pipeline.Summary:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline.run([corpus], db, workers=workers, batch_size=4)
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_workers_write_exactly_the_rows_one_worker_writes(corpus, tmp_path, monkeypatch, method):
    monkeypatch.setattr(pipeline, "start_method", lambda: method)
    one = load(corpus, tmp_path / "one.db", workers=1)
    two = load(corpus, tmp_path / "two.db", workers=2)
    assert len(one.loaded) == 20
    assert one.loaded == two.loaded
    assert one.skipped == two.skipped and [path for path, _ in one.skipped] == [
        Path(corpus / "empty.txt").as_posix()]
    assert one.facts == two.facts
    expected, actual = tables(tmp_path / "one.db"), tables(tmp_path / "two.db")
    assert expected.keys() == actual.keys()
    assert sum(map(len, expected.values())) > 500
    for name in expected:
        assert actual[name] == expected[name], name


def test_workers_reload_of_unchanged_files_loads_nothing(corpus, tmp_path):
    db = tmp_path / "facts.db"
    load(corpus, db, workers=2)
    again = load(corpus, db, workers=2)
    assert again.loaded == [] and len(again.unchanged) == 20
    assert [path for path, _ in again.skipped] == [Path(corpus / "empty.txt").as_posix()]


# In a fresh interpreter: earlier tests of the session (Dask, the served database) leave threads
# running in pytest's own process.
START_METHODS = """
import threading
from load import pipeline
assert threading.active_count() == 1, threading.enumerate()
print(pipeline.start_method())
release = threading.Event()
other = threading.Thread(target=release.wait)
other.start()
try:
    print(pipeline.start_method())
finally:
    release.set()
    other.join()
"""


def test_workers_are_forked_only_when_no_other_thread_runs():
    """A fork copies every lock as it is at that moment: one held by another thread would stay
    held in the worker for ever, so a process running threads spawns its workers."""
    import subprocess
    import sys

    if sys.platform != "linux":
        assert pipeline.start_method() == "spawn"
        return
    run = subprocess.run([sys.executable, "-c", START_METHODS], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["fork", "spawn"]
