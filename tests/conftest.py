"""Shared fixtures: the pipeline (loaded once) and a database built from the seeds (built once)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from load.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """facts.db built from seeds/ through the real command line code path."""
    from load import pipeline

    db = tmp_path_factory.mktemp("seeds") / "facts.db"
    cwd = os.getcwd()
    os.chdir(ROOT)  # paths are stored relative to where the loader runs, as for users
    try:
        summary = pipeline.run([SEEDS], db)
    finally:
        os.chdir(cwd)
    assert not summary.skipped, summary.skipped
    return db


@pytest.fixture(scope="session")
def corpus_db(seeds_db, tmp_path_factory) -> Path:
    """The seeds database under a name of a user's own (my_corpus.db): the site must not depend on `facts`."""
    import shutil

    db = tmp_path_factory.mktemp("corpus") / "my_corpus.db"
    shutil.copyfile(seeds_db, db)
    return db
