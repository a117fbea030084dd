"""Resolution across articles, on small articles written for these tests."""
from __future__ import annotations

import sqlite3

import pytest

from load import pipeline

ARTICLES = {
    "a.txt": ("By Staff Reporter March 10, 2021\n\n"
              "Foreign Minister Lena Fischer met President Omar Bakr in Cairo on Monday to discuss trade."),
    "b.txt": ("By Staff Reporter March 9, 2021\n\n"
              "President Omar Bakr held talks with German Foreign Minister Lena Fischer on Monday, officials said."),
    "c.txt": ("By Staff Reporter June 20, 2021\n\n"
              "Foreign Minister Lena Fischer met President Omar Bakr in Cairo on Friday for a second round of talks."),
    "d.txt": ("Foreign Minister Lena Fischer met President Omar Bakr on Monday, a spokesman said after the visit."),
    "e.txt": ("By Staff Reporter April 2, 2021\n\n"
              "Prime Minister Imran Khan said on Thursday that the budget would be presented in June.\n\n"
              "Provincial Governor Ayub Khan said on Thursday that the province needed more funds."),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("resolve")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text)
    summary = pipeline.run([folder], folder / "facts.db")
    assert not summary.skipped, summary.skipped
    return sqlite3.connect(folder / "facts.db")


def meetings(db):
    return db.execute("select m.id, m.date, m.sources, m.date_inferred, group_concat(d.path) from meetings m "
                      "join meeting_reports r on r.meeting_id = m.id join documents d on d.id = r.document_id "
                      "group by m.id order by m.date").fetchall()


def test_the_same_person_is_one_row_across_articles(db):
    rows = db.execute("select name from people where name like '%Fischer%' or name like '%Bakr%'").fetchall()
    assert sorted(rows) == [("Lena Fischer",), ("Omar Bakr",)]


def test_two_people_sharing_a_surname_stay_apart(db):
    khans = sorted(name for (name,) in db.execute("select name from people where name like '%Khan'"))
    assert khans == ["Ayub Khan", "Imran Khan"]


def test_same_people_same_date_is_one_meeting_with_both_sources(db):
    march = [m for m in meetings(db) if m[1] == "2021-03-08"]
    assert len(march) == 1
    _, _, sources, _, paths = march[0]
    assert {"a.txt", "b.txt"} <= {p.rsplit("/", 1)[-1] for p in paths.split(",")}
    assert sources >= 2


def test_same_pair_on_another_date_stays_apart(db):
    dates = sorted(d for _, d, *_ in meetings(db) if d)
    assert dates == ["2021-03-08", "2021-06-18"]


def test_weekday_only_report_is_dated_from_another_article_and_marked(db):
    [(date, inferred)] = db.execute(
        "select m.date, m.date_inferred from meetings m join meeting_reports r on r.meeting_id = m.id "
        "join documents d on d.id = r.document_id where d.path like '%d.txt'").fetchall()
    assert date == "2021-03-08"
    assert "across-articles" in inferred


def test_meeting_participants_view_has_one_row_per_meeting_person_and_source(db):
    rows = db.execute("select meeting_id, person, document from meeting_participants where date = '2021-03-08'").fetchall()
    assert len(rows) == len(set(rows))
    assert {person for _, person, _ in rows} == {"Lena Fischer", "Omar Bakr"}
