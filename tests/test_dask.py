"""--dask SCHEDULER: extraction on a Dask cluster writes exactly the database a one-process load writes."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from load import pipeline

from .conftest import ROOT, SEEDS
from .test_workers import seeds_with_copies, tables

distributed = pytest.importorskip("distributed")  # the `dask` extra (also in `test`)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds, one renamed copy of each (new people for resolution) and a file that is skipped."""
    return seeds_with_copies(tmp_path_factory.mktemp("dask") / "articles",
                             [{"Zarif": "Ahmadi", "Qureshi": "Siddiqui", "Bajwa": "Malik", "Islamabad": "Lahore"}])


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes with one thread each; closed (and its processes stopped) after the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                  worker_dashboard_address=None) as local:
        yield local


@pytest.fixture
def client(cluster):
    with distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory):
    """The one-process load of the same corpus."""
    db = tmp_path_factory.mktemp("dask_expected") / "one.db"
    return db, load(corpus, db)


def load(corpus: Path, db: Path, **options) -> pipeline.Summary:
    cwd = os.getcwd()
    os.chdir(ROOT)  # paths are stored relative to the driver's working folder
    try:
        return pipeline.run([corpus], db, batch_size=4, **options)
    finally:
        os.chdir(cwd)


def assert_same_tables(expected_db: Path, actual_db: Path) -> None:
    expected, actual = tables(expected_db), tables(actual_db)
    assert expected.keys() == actual.keys()
    assert sum(map(len, expected.values())) > 500
    for name in expected:
        assert actual[name] == expected[name], name


def test_dask_cluster_writes_exactly_the_rows_one_process_writes(corpus, client, expected, tmp_path):
    expected_db, one = expected
    on_dask = load(corpus, tmp_path / "dask.db", dask=client)
    assert len(one.loaded) == 10
    assert on_dask.loaded == one.loaded
    assert on_dask.skipped == one.skipped and [path for path, _ in on_dask.skipped] == [
        Path(corpus / "empty.txt").as_posix()]
    assert on_dask.facts == one.facts
    assert_same_tables(expected_db, tmp_path / "dask.db")
    assert client.run(lambda: 1)  # the client given by the caller is left open


def test_dask_results_come_back_in_input_order_with_small_chunks(corpus, client):
    from load.distributed import extract_dask
    from load.reader import find_files, sources

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        todo = [source for path in find_files([corpus]) for source in sources(path)]
        records = list(extract_dask(todo, client, chunk_size=1, batch_size=2))
        names = [source.name for source in todo]
    finally:
        os.chdir(cwd)
    assert [getattr(record, "path", None) or record.article.path for record in records] == names
    assert released(client)  # every future was released once consumed


def released(client, seconds: float = 10) -> bool:
    """No result is held in the cluster (releases reach the scheduler asynchronously)."""
    deadline = time.monotonic() + seconds
    while client.who_has():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_file_a_worker_cannot_see_is_skipped_with_a_reason(client, tmp_path):
    from load.distributed import extract_dask
    from load.reader import Source, sources

    gone = Source(str(tmp_path / "gone.txt"), "gone.txt", "0" * 64)  # planned on the driver, unseen on the workers
    seed = next(sources(sorted(SEEDS.glob("*.txt"))[0]))
    records = list(extract_dask([gone, seed], client))
    assert len(records) == 2
    assert isinstance(records[0], pipeline.Skipped)
    assert "not found on Dask worker" in records[0].reason and "share" in records[0].reason
    assert all(isinstance(record, pipeline.Extracted) for record in records[1:])


def test_command_line_dask_address(corpus, cluster, expected, tmp_path):
    expected_db, _ = expected
    db = tmp_path / "cli.db"
    done = subprocess.run([sys.executable, "-m", "load", str(corpus), "--db", str(db), "--dask",
                           cluster.scheduler_address], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # the empty file is skipped
    assert f"skipped {corpus / 'empty.txt'}: empty file" in done.stderr
    assert "10 loaded, 0 unchanged, 1 skipped" in done.stderr
    assert_same_tables(expected_db, db)


def test_a_failing_task_abandons_the_load_and_keeps_the_old_database(corpus, client, expected, tmp_path):
    from load.distributed import DaskError

    expected_db, _ = expected
    db = tmp_path / "facts.db"
    source, copy = sqlite3.connect(expected_db), sqlite3.connect(db)
    source.backup(copy)   # a WAL database is copied through SQLite, not as a file
    source.close()
    copy.close()
    before = db.read_bytes()
    (corpus.parent / "changed").mkdir(exist_ok=True)
    changed = corpus.parent / "changed" / "new.txt"
    changed.write_text(sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").replace("Zarif", "Tehrani"))
    with pytest.raises(DaskError, match="a Dask task failed"):  # the model is not installed on the workers
        load(changed.parent, db, dask=client, model="no_such_model_installed")
    assert db.read_bytes() == before


@pytest.mark.slow
def test_command_line_dask_local_starts_and_stops_its_own_cluster(corpus, expected, tmp_path):
    expected_db, _ = expected
    db = tmp_path / "local.db"
    done = subprocess.run([sys.executable, "-m", "load", str(corpus), "--db", str(db), "--dask", "local",
                           "--workers", "2", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == f"skipped {corpus / 'empty.txt'}: empty file"  # quiet: no Dask chatter
    assert_same_tables(expected_db, db)


def test_command_line_unreachable_scheduler_is_a_clear_error(corpus, tmp_path, monkeypatch):
    from load import distributed as dask_path

    monkeypatch.setattr(dask_path, "CONNECT_TIMEOUT", 2)
    db = tmp_path / "never.db"
    from click.testing import CliRunner

    from load.cli import main

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, [str(corpus), "--db", str(db), "--dask", "tcp://127.0.0.1:9", "-q"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2, result.output
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert not db.exists()


def test_command_line_rejects_workers_with_a_scheduler_address(corpus, tmp_path):
    from click.testing import CliRunner

    from load.cli import main

    result = CliRunner().invoke(main, [str(corpus), "--db", str(tmp_path / "x.db"), "--dask", "tcp://h:8786",
                                       "--workers", "2"])
    assert result.exit_code == 2
    assert "--workers N goes with --dask local" in result.output


def test_missing_extra_names_the_install_command(monkeypatch):
    from load import distributed as dask_path

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(dask_path.DaskError, match=r"pip install 'newsfacts\[dask\]'"):
        dask_path._import_distributed()


def test_the_records_of_one_file_are_spread_over_the_workers(client, tmp_path):
    """One JSON-lines file: its records, not the file, are the units the cluster shares."""
    import json

    from distributed import get_task_stream

    from load.distributed import extract_dask
    from load.reader import sources

    texts = [seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))]
    path = tmp_path / "seeds.jsonl"
    path.write_text("".join(json.dumps({"maintext": text, "title": f"Seed {n}"}) + "\n"
                            for n, text in enumerate(texts * 2)), encoding="utf-8")
    todo = list(sources(path))
    with get_task_stream(client) as stream:
        records = list(extract_dask(todo, client, chunk_size=2, batch_size=2))
    assert [record.article.path for record in records] == [source.name for source in todo]
    workers = {task["worker"] for task in stream.data if "_extract_chunk" in str(task["key"])}
    assert len(workers) == 2
