"""A people row kept from counts (load/people_values.py): removing or adding an article about a
frequent person reads that article's people, not the person's other articles, and gives the
row one load of the rest gives."""
from __future__ import annotations

import sqlite3

from load import people_values, pipeline


def article(day: int, extra: str = "") -> str:
    return (f"By Staff Reporter March {day}, 2024\n\nForeign Minister Ada Kowalczyk said on Monday that the "
            f"talks would resume. Kowalczyk told reporters the ministry was ready.{extra}")


def person_row(db) -> tuple:
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT name, country, titles, documents, mentions FROM people "
                           "WHERE name LIKE '%Kowalczyk'").fetchone()
        aliases = sorted(a for (a,) in conn.execute(
            "SELECT alias FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE p.name LIKE '%Kowalczyk'"))
    return row, aliases


def test_removing_an_article_reads_its_own_people_only(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for day in range(1, 7):
        (folder / f"{day}.txt").write_text(article(day))
    (folder / "7.txt").write_text(article(7, " Ms. Kowalczyk, a former judge, later left for the summit."))
    db = tmp_path / "facts.db"
    pipeline.run([folder], db)
    before = person_row(db)
    assert before[0][3] == 7 and before[0][4] == 6 * 2 + 3

    read = []
    contributions = people_values._live_contributions
    monkeypatch.setattr(people_values, "_live_contributions",
                        lambda conn, ids: read.extend(ids) or contributions(conn, ids))
    removed, _ = pipeline.remove([folder / "7.txt"], db)
    assert len(removed) == 1
    assert read == []                  # the six other articles' people are not read again
    after = person_row(db)
    (folder / "7.txt").unlink()
    one = tmp_path / "one.db"
    pipeline.run([folder], one)
    assert after == person_row(one)
    assert after[0][3] == 6 and after[0][4] == 6 * 2

