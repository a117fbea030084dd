"""The incremental closure of meeting reports (load/meeting_merge.py ``reaches``, ``index_keys``,
``probe_keys``; load/meeting_resolve.py): candidates are looked up by key, so a key index that
missed a pair ``reaches`` relates would recluster too little and give another answer than one
load of everything."""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from load import meeting_merge, pipeline, meeting_resolve

DAYS = ["2024-03-01", "2024-03-05", "2024-03-12", "2024-03-20", "2024-04-01"]
RAWS = [None, "Tuesday", "Friday", "March 12", "on Friday, March 1", "last week"]
PEOPLE = [frozenset(p) for p in ({1}, {1, 2}, {1, 3}, {1, 2, 3}, {2, 3}, {1, 2, 3, 4}, set())]


def random_report(rng: random.Random, rid: int) -> dict:
    precision = rng.choice(["day", "day", "month", None])
    day = rng.choice(DAYS) if precision else None
    return {"id": rid, "document": rng.randint(1, 4), "published": rng.choice([None, *DAYS, "2024-03-14"]),
            "date": day[:7] + "-01" if precision == "month" else day, "precision": precision,
            "raw": rng.choice(RAWS), "place": rng.choice([None, "Lima", "Quito"]), "people": rng.choice(PEOPLE)}


def test_every_pair_reaches_relates_across_articles_shares_a_key():
    rng = random.Random(7)
    reports = [random_report(rng, i) for i in range(400)]
    related = 0
    for a in reports:
        for b in reports:
            if a["document"] != b["document"] and meeting_merge.reaches(a, b):
                related += 1
                assert meeting_merge.reaches(b, a)
                assert meeting_merge.probe_keys(a) & meeting_merge.index_keys(b), (a, b)
    assert related > 1000     # the generator does produce related pairs


def test_two_reports_of_other_days_in_other_articles_do_not_reach_each_other():
    a = {"id": 1, "document": 1, "published": "2024-03-02", "date": "2024-03-01", "precision": "day",
         "raw": "Friday", "place": "Lima", "people": frozenset({1, 2})}
    b = {**a, "id": 2, "document": 2, "date": "2024-03-05", "raw": "Tuesday", "published": "2024-03-06"}
    undated_far = {**a, "id": 3, "document": 3, "date": None, "precision": None, "raw": None,
                   "published": "2024-06-01"}
    assert not meeting_merge.reaches(a, b)
    assert meeting_merge.reaches(a, {**b, "date": "2024-03-01"})
    assert not meeting_merge.reaches(a, undated_far)               # published long after: another meeting
    assert meeting_merge.reaches(a, {**undated_far, "published": "2024-03-10"})


# Many dated meetings of one pair, on other days: adding an article about a new day of theirs
# reclusters that day's reports, not every report of the pair.
def article(day: str, weekday: str) -> str:
    return (f"By Staff Reporter {day}\n\nForeign Minister Alma Reyes met Trade Minister Tomas Lind in "
            f"Lima on {weekday}. The ministers discussed tariffs.")


def test_a_new_day_of_a_frequent_pair_reclusters_only_what_it_can_join(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    days = [("March 4, 2024", "Monday"), ("April 8, 2024", "Monday"), ("May 6, 2024", "Monday"),
            ("June 3, 2024", "Monday"), ("July 8, 2024", "Monday"), ("August 5, 2024", "Monday")]
    for i, (day, weekday) in enumerate(days):
        (folder / f"{i}.txt").write_text(article(day, weekday))
    db = tmp_path / "facts.db"
    pipeline.run([folder], db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from meetings").fetchone() == (6,)
    seen = []
    clustered = meeting_resolve._cluster
    monkeypatch.setattr(meeting_resolve, "_cluster", lambda conn, reports: seen.append(len(reports)) or clustered(
        conn, reports))
    new = tmp_path / "new"
    new.mkdir()
    (new / "n.txt").write_text(article("September 2, 2024", "Monday"))
    pipeline.run([new], db)
    assert seen == [1]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from meetings").fetchone() == (7,)
