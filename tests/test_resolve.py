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
    # undated: published four days after the March 8 meeting (the June one is after it)
    "f.txt": ("By Staff Reporter March 12, 2021\n\n"
              "Foreign Minister Lena Fischer has met President Omar Bakr, officials confirmed."),
    # undated, no publication date: in Cairo, as both dated meetings were, so neither is chosen
    "g.txt": ("Foreign Minister Lena Fischer met President Omar Bakr in Cairo, officials confirmed."),
    # two meetings in one article: a weekday, and a day whose year only another article gives
    "h.txt": ("Foreign Minister Lena Fischer met President Omar Bakr on Saturday.\n\n"
              "Fischer also visited Bakr on June 18, when they discussed trade."),
    # a month is no day: the report keeps it, the meeting has no date
    "i.txt": ("By Staff Reporter May 3, 2021\n\n"
              "Minister Tomas Lind met Governor Rosa Vidal last month in Porto."),
    # a headline of two of the three people of the meeting the body tells
    "j.txt": ("President Ines Moura meets Defence Secretary Rui Paiva\n\n"
              "By Staff Reporter May 9, 2021\n\n"
              "President Ines Moura conferred on Saturday with Defence Secretary Rui Paiva in the presence of "
              "Army Commander Jose Tavares."),
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
    dates = sorted(d for (d,) in db.execute("select date from meetings where participants like '%Fischer%' "
                                            "and date is not null"))
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


def _meeting_of(db, path):
    return db.execute("select distinct r.meeting_id from meeting_reports r join documents d on d.id = r.document_id "
                      "where d.path like ?", [f"%{path}"]).fetchall()


def test_an_undated_report_joins_the_one_dated_meeting_it_fits_without_its_date(db):
    [(meeting,)] = _meeting_of(db, "f.txt")
    [(march,)] = db.execute("select id from meetings where date = '2021-03-08'").fetchall()
    assert meeting == march
    rows = db.execute("select document, date, meeting_date from meeting_participants where meeting_id = ?",
                      [march]).fetchall()
    assert {d for doc, d, _ in rows if doc.endswith("f.txt")} == {None}     # f.txt does not say when
    assert {d for doc, d, _ in rows if doc.endswith("a.txt")} == {"2021-03-08"}
    assert {m for _, _, m in rows} == {"2021-03-08"}


def test_an_undated_report_that_fits_two_meetings_stays_alone(db):
    [(meeting,)] = _meeting_of(db, "g.txt")
    assert db.execute("select date, sources from meetings where id = ?", [meeting]).fetchall() == [(None, 1)]


def test_a_weekday_and_a_day_in_one_article_are_two_meetings(db):
    meetings_h = {m for (m,) in _meeting_of(db, "h.txt")}
    assert len(meetings_h) == 2
    dates = {d for (d,) in db.execute(
        f"select date from meetings where id in ({','.join('?' * len(meetings_h))})", list(meetings_h))}
    assert dates == {None, "2021-06-18"}     # "June 18" takes its year from c.txt; "Saturday" stays open


def test_a_month_stays_on_the_report_and_the_meeting_has_no_day(db):
    [(day, precision, raw)] = db.execute(
        "select r.date, r.date_precision, r.date_raw from meeting_reports r join documents d on d.id = r.document_id "
        "where d.path like '%i.txt'").fetchall()
    assert (day, precision, raw) == ("2021-04-01", "month", "last month")
    [(meeting,)] = _meeting_of(db, "i.txt")
    assert db.execute("select date, date_precision from meetings where id = ?", [meeting]).fetchall() == [(None, None)]


def test_a_report_of_some_of_a_meetings_people_is_part_of_it(db):
    rows = db.execute("select m.participants, m.date from meetings m join meeting_reports r on r.meeting_id = m.id "
                      "join documents d on d.id = r.document_id where d.path like '%j.txt'").fetchall()
    assert set(rows) == {('["Ines Moura", "Jose Tavares", "Rui Paiva"]', "2021-05-08")}


def test_one_articles_reports_of_other_places_are_other_meetings():
    """A headline "A meets B in X", the body "A, with C, met B in X on Thursday" and "A and B last met
    in Y in September 2022": the recalled meeting is no part of the one reported."""
    from load import meeting_merge
    from load.resolve_base import UnionFind

    def report(rid, people, place, day=None, precision=None, raw=None):
        return {"id": rid, "document": 1, "published": "2023-09-07", "date": day, "precision": precision,
                "raw": raw, "place": place, "topics": [], "people": frozenset(people)}

    reports = {1: report(1, {"A", "B"}, "Jakarta"),
               2: report(2, {"A", "B", "C"}, "Jakarta", "2023-09-07", "day", "Thursday"),
               3: report(3, {"A", "B"}, "Hangzhou", "2022-09-01", "month", "September 2022")}
    clusters = meeting_merge.meeting_clusters(reports, {1: "2023-09-07"}, UnionFind(reports))
    assert sorted(clusters) == [[1, 2], [3]]
