"""Issue 16: incremental resolution, renames, --prune and remove.

Several incremental loads (in small transactions, with a changed, a removed, a renamed and a
pruned file on the way) give exactly the people, aliases, meetings and places of one load of
the final corpus."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import make_corpus
from load import pipeline

from .conftest import ROOT

PYTHON = sys.executable

# Content of the resolved tables, by path rather than by id (ids depend on the order of loads).
RESOLVED = {
    "people": "select p.name, p.country, p.rank, p.titles, p.documents, p.mentions, (select group_concat(member, ',') "
              "from (select d.path || ':' || ap.local_key as member from article_people ap join documents d "
              "on d.id = ap.document_id where ap.person_id = p.id order by 1)) from people p",
    "aliases": "select p.name, a.alias from person_aliases a join people p on p.id = a.person_id",
    "meetings": "select m.date, m.date_precision, m.date_inferred, m.place, m.participants, m.topics, m.sources, "
                "m.latitude, m.longitude, m.geonames_id, (select group_concat(report, ',') from (select d.path || ':' "
                "|| r.start as report from meeting_reports r join documents d on d.id = r.document_id "
                "where r.meeting_id = m.id order by 1)) from meetings m",
    "places": "select name, latitude, longitude, geonames_id, kind from places",
    "incidents": "select d.path, i.place, i.latitude, i.geonames_id from incidents i join documents d "
                 "on d.id = i.document_id",
    "documents": "select path, sha256 from documents",
    "facts": "select d.path, count(*) from person_mentions m join documents d on d.id = m.document_id group by 1",
    "unresolved": "select count(*) from article_people where person_id is null or person_id not in "
                  "(select id from people)",
}


def resolved(db: Path) -> dict[str, list]:
    connection = sqlite3.connect(db)
    try:
        return {name: sorted(connection.execute(sql).fetchall(), key=repr) for name, sql in RESOLVED.items()}
    finally:
        connection.close()


def assert_same(expected: dict, actual: dict) -> None:
    for name in RESOLVED:
        assert actual[name] == expected[name], (name, sorted(set(map(repr, expected[name])) ^ set(map(repr, actual[name])))[:6])


def run(*paths, db, **options):
    return pipeline.run(list(paths), db, **options)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """24 articles: the seeds varied (the same few surnames recur, so people and meetings join
    across articles), in two folders of 12."""
    folder = tmp_path_factory.mktemp("incremental") / "articles"
    make_corpus.build(folder, 24, seed=16, per_folder=12)
    return folder


def test_incremental_loads_give_the_same_database_as_one_load(corpus, tmp_path):
    work = tmp_path / "articles"
    shutil.copytree(corpus, work)
    db = tmp_path / "incremental.db"
    first = run(work / "part000", db=db, commit_every=5)
    assert len(first.loaded) == 12
    second = run(work / "part000", work / "part001", db=db, commit_every=4)
    assert len(second.loaded) == 12 and len(second.unchanged) == 12

    # a changed article (its people change), a deleted one, a moved one, then --prune
    changed = sorted((work / "part000").glob("*.txt"))[3]
    text = changed.read_text()
    surname = next(word for word in make_corpus.NEW_SURNAMES if word in text)
    changed.write_text(text.replace(surname, "Okonkwo"))
    deleted = sorted((work / "part001").glob("*.txt"))[2]
    deleted.unlink()
    moved = sorted((work / "part001").glob("*.txt"))[5]
    (work / "part002").mkdir()
    moved_to = work / "part002" / moved.name
    moved.rename(moved_to)
    third = run(work, db=db, prune=True, commit_every=3)
    assert [Path(p).name for p in third.loaded] == [changed.name]
    assert [(Path(a).name, Path(b).parent.name) for a, b in third.renamed] == [(moved.name, "part002")]
    assert [Path(p).name for p in third.removed] == [deleted.name]

    # remove: the facts of a file that is still on disk
    gone = sorted((work / "part000").glob("*.txt"))[7]
    removed, missing = pipeline.remove([gone], db)
    assert [Path(p).name for p in removed] == [gone.name] and missing == []
    incremental = resolved(db)

    # the same corpus in one load
    gone.rename(tmp_path / gone.name)
    one = tmp_path / "one.db"
    assert len(run(work, db=one).loaded) == 22
    expected = resolved(one)
    assert len(expected["people"]) > 30 and len(expected["meetings"]) > 10
    assert expected["unresolved"] == [(0,)]
    assert any("Okonkwo" in row[0] for row in expected["people"])
    assert_same(expected, incremental)


def test_a_renamed_file_keeps_its_facts_under_the_new_path(corpus, tmp_path):
    work = tmp_path / "articles"
    shutil.copytree(corpus / "part000", work)
    db = tmp_path / "facts.db"
    run(work, db=db)
    before = resolved(db)
    connection = sqlite3.connect(db)
    old = sorted(work.glob("*.txt"))[0]
    [(document_id,)] = connection.execute("select id from documents where path = ?", [old.as_posix()]).fetchall()
    new = old.with_name("renamed.txt")
    old.rename(new)
    summary = run(work, db=db)
    assert summary.loaded == [] and summary.renamed == [(old.as_posix(), new.as_posix())]
    assert connection.execute("select id from documents where path = ?", [new.as_posix()]).fetchall() == [
        (document_id,)]
    assert connection.execute("select count(*) from documents where path = ?", [old.as_posix()]).fetchone() == (0,)
    after = resolved(db)
    for name in ("aliases", "places"):
        assert after[name] == before[name], name
    def members(rows, rename=lambda path: path):
        return sorted((tuple(row[:6]) + (sorted(map(rename, row[6].split(","))),) for row in rows), key=repr)

    assert members(after["people"]) == members(before["people"], lambda p: p.replace(old.as_posix(), new.as_posix()))
    assert len(after["documents"]) == len(before["documents"])


def test_a_copy_with_the_same_content_is_a_document_of_its_own(corpus, tmp_path):
    work = tmp_path / "articles"
    shutil.copytree(corpus / "part000", work)
    db = tmp_path / "facts.db"
    run(work, db=db)
    original = sorted(work.glob("*.txt"))[0]
    shutil.copy(original, work / "copy.txt")
    summary = run(work, db=db)
    assert summary.renamed == [] and [Path(p).name for p in summary.loaded] == ["copy.txt"]


def test_prune_dry_run_lists_and_writes_nothing_then_prune_removes(corpus, tmp_path):
    work = tmp_path / "articles"
    shutil.copytree(corpus / "part000", work)
    db = tmp_path / "facts.db"
    run(work, db=db)
    doomed = sorted(work.glob("*.txt"))[:2]
    for path in doomed:
        path.unlink()
    before = db.read_bytes()
    result = subprocess.run([PYTHON, "-m", "load", str(work), "--db", str(db), "--prune", "--dry-run"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(line for line in result.stdout.splitlines()) == [f"would remove {p.as_posix()}" for p in doomed]
    assert db.read_bytes() == before
    # without --prune, nothing is removed
    assert run(work, db=db).removed == []
    result = subprocess.run([PYTHON, "-m", "load", str(work), "--db", str(db), "--prune"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "2 removed" in result.stderr, result.stderr
    paths = {p for p, _ in resolved(db)["documents"]}
    assert len(paths) == 10 and not paths & {p.as_posix() for p in doomed}
    assert resolved(db)["unresolved"] == [(0,)]


def test_remove_command_names_what_it_removed_and_what_it_did_not_find(corpus, tmp_path):
    work = tmp_path / "articles"
    shutil.copytree(corpus / "part000", work)
    db = tmp_path / "facts.db"
    run(work, db=db)
    target = sorted(work.glob("*.txt"))[4]
    result = subprocess.run([PYTHON, "-m", "load", "remove", str(target), str(work / "nothing.txt"), "--db", str(db)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [f"removed {target.as_posix()}"]
    assert f"not in {db}: {work / 'nothing.txt'}" in result.stderr
    assert len(resolved(db)["documents"]) == 11
    # the file is still there: the next load reads it again
    assert [Path(p).name for p in run(work, db=db).loaded] == [target.name]
