"""Issue 16: incremental resolution, renames, --prune and remove.

Several incremental loads (in small transactions, with a changed, a removed, a renamed and a
pruned file on the way) give exactly the people, aliases, meetings and places of one load of
the final corpus."""
from __future__ import annotations

import json
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import make_corpus
from load import pipeline

from .conftest import ROOT
from .test_resolve import ARTICLES as RESOLVE_ARTICLES

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
    "reports": "select d.path, r.start, r.date, r.date_precision, r.date_reference from meeting_reports r "
               "join documents d on d.id = r.document_id",
    # the counts each people row is made of (load/people_values.py), by person name and article path
    "person_values": "select p.name, v.kind, case when v.kind = 'document' then (select path from documents "
                     "where id = v.value) else v.value end, v.n from person_values v left join people p "
                     "on p.id = v.person_id",
    # the loader's lookup keys of meeting reports (load/meeting_resolve.py), by participant
    "meeting_keys": "select d.path, r.start, k.key, p.name from meeting_report_keys k join meeting_reports r "
                    "on r.id = k.meeting_report_id join documents d on d.id = r.document_id "
                    "left join people p on p.id = k.person_id",
    "people_fts": "select p.name, f.name, f.aliases from people_fts f join people p on p.id = f.rowid",
    "places": "select name, latitude, longitude, geonames_id, kind from places",
    "incidents": "select d.path, i.place, i.latitude, i.geonames_id from incidents i join documents d "
                 "on d.id = i.document_id",
    "documents": "select path, sha256 from documents",
    "facts": "select d.path, count(*) from person_mentions m join documents d on d.id = m.document_id group by 1",
    "unresolved": "select count(*) from article_people where person_id is null or person_id not in "
                  "(select id from people)",
    # the stored views (load/stored_views.py), kept up to date by each load's touched keys
    "document_people": "select person, document, country from document_people",
    "person_titles": "select person, title, document, country, organisation, rank, status, as_of, normalized_post, "
                     "as_of_source from person_titles",
    "meeting_participants": "select date, place, person, document, sources, date_inferred, meeting_date "
                            "from meeting_participants",
    # each stored view holds exactly the rows of its definition, ids included
    "stored_differs": " union all ".join(
        f"select '{name}', count(*) from (select * from {name} except select * from {name}_live "
        f"union all select * from {name}_live except select * from {name})"
        for name in ("document_people", "person_titles", "meeting_participants")),
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
    assert min(len(expected[name]) for name in ("document_people", "person_titles", "meeting_participants")) > 10
    assert [count for _, count in incremental["stored_differs"]] == [0, 0, 0]
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


# --- meetings joined by evidence (load/meeting_merge.py) -------------------------------------

# tests/test_resolve.py's articles (one meeting told by four articles, two of them undated; an
# undated report that fits two meetings; partial dates inferred across articles; a headline of
# two of the three people of the meeting below it), and another article's report of two of
# those three on the same day, which joins the larger meeting across articles.
MEETING_ARTICLES = {**RESOLVE_ARTICLES, "k.txt": (
    "By Staff Reporter May 10, 2021\n\nPresident Ines Moura met Defence Secretary Rui Paiva on Saturday.")}


@pytest.fixture(scope="module")
def meeting_articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("meetings") / "articles"
    folder.mkdir()
    for name, text in MEETING_ARTICLES.items():
        (folder / name).write_text(text)
    return folder


def one_load(folder: Path, db: Path) -> dict:
    run(folder, db=db)
    return resolved(db)


def meeting_sources(state: dict) -> list[tuple]:
    """(participants, sources, the articles' names) of each meeting."""
    return sorted((row[4], row[6], sorted(Path(p.rsplit(":", 1)[0]).name for p in row[10].split(",")))
                  for row in state["meetings"])


@pytest.mark.parametrize("order", ["reverse", "shuffled", "sorted"])
def test_meetings_joined_by_evidence_are_the_same_loaded_one_article_at_a_time(meeting_articles, tmp_path, order):
    expected = one_load(meeting_articles, tmp_path / "one.db")
    merged = meeting_sources(expected)
    assert ('["Lena Fischer", "Omar Bakr"]', 4, ["a.txt", "b.txt", "d.txt", "f.txt"]) in merged
    assert ('["Ines Moura", "Jose Tavares", "Rui Paiva"]', 2, ["j.txt", "j.txt", "k.txt"]) in merged
    assert any(row[4] and "across-articles" in row[4] for row in expected["reports"])
    files = sorted(meeting_articles.glob("*.txt"))
    if order == "reverse":
        files.reverse()
    elif order == "shuffled":
        random.Random(16).shuffle(files)
    db = tmp_path / "pieces.db"
    for path in files:
        assert len(run(path, db=db).loaded) == 1
    assert_same(expected, resolved(db))


def test_removing_articles_reclusters_what_they_reached(meeting_articles, tmp_path):
    """Removing the dated reports an undated one was joined to, the article that dated another
    across articles, and the larger meeting a smaller one joined: the same as never loading them."""
    work = tmp_path / "articles"
    shutil.copytree(meeting_articles, work)
    db = tmp_path / "pieces.db"
    run(work, db=db)
    doomed = [work / name for name in ("a.txt", "c.txt", "j.txt")]
    removed, missing = pipeline.remove(doomed, db)
    assert len(removed) == 3 and missing == []
    incremental = resolved(db)
    for path in doomed:
        path.rename(tmp_path / path.name)
    expected = one_load(work, tmp_path / "one.db")
    assert ('["Ines Moura", "Rui Paiva"]', 1, ["k.txt"]) in meeting_sources(expected)
    assert_same(expected, incremental)
    # and back again, one at a time
    for path in doomed:
        (tmp_path / path.name).rename(path)
        run(path, db=db)
    assert_same(one_load(work, tmp_path / "all.db"), resolved(db))


# One undated report (u) that fits two dated meetings of the same people in the same city
# stays alone; when one of them leaves (its article removed, or its "Minister Dusek" no longer
# the same person once another Dusek appears), it joins the other.
FITS_TWO = {
    "x.txt": "By Staff Reporter March 3, 2022\n\nEnvoy Clara Holt met Minister Pavel Dusek in Vienna on Tuesday.",
    "y.txt": "By Staff Reporter September 9, 2022\n\nEnvoy Clara Holt met Minister Dusek in Vienna on Wednesday.",
    "u.txt": "Envoy Clara Holt met Minister Pavel Dusek in Vienna, officials said.",
}
ANOTHER_DUSEK = "By Staff Reporter October 2, 2022\n\nMinister Karel Dusek said the talks would resume."


@pytest.mark.parametrize("change", ["remove", "person leaves"])
def test_a_meeting_that_leaves_lets_an_undated_report_join_the_other(tmp_path, change):
    work = tmp_path / "articles"
    work.mkdir()
    for name, text in FITS_TWO.items():
        (work / name).write_text(text)
    db = tmp_path / "pieces.db"
    run(work, db=db)
    assert ('["Clara Holt", "Pavel Dusek"]', 1, ["u.txt"]) in meeting_sources(resolved(db))
    if change == "remove":
        pipeline.remove([work / "y.txt"], db)
        (work / "y.txt").unlink()
    else:
        (work / "z.txt").write_text(ANOTHER_DUSEK)
        run(work, db=db)
    expected = one_load(work, tmp_path / "one.db")
    assert ('["Clara Holt", "Pavel Dusek"]', 2, ["u.txt", "x.txt"]) in meeting_sources(expected)
    assert_same(expected, resolved(db))


def test_prune_keeps_what_was_loaded_from_a_file_that_no_longer_reads(tmp_path):
    """A .json array rewritten as invalid JSON is refused whole, with its name; its articles stay,
    since the file is still there (--prune removes only what is no longer under the paths)."""
    folder = tmp_path / "feed"
    folder.mkdir()
    items = [{"title": f"Story {n}", "text": f"Police said {n + 2} people were killed in an attack on a market "
              "in the north of the country on Sunday, officials said."} for n in range(3)]
    feed = folder / "items.json"
    feed.write_text(json.dumps(items))
    db = tmp_path / "facts.db"
    assert len(run(folder, db=db).loaded) == 3
    feed.write_text(json.dumps(items)[:-40])
    damaged = run(folder, db=db, prune=True)
    assert damaged.removed == [] and [Path(name).name for name, _ in damaged.skipped] == ["items.json"]
    assert len(resolved(db)["documents"]) == 3
