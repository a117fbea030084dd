"""Meetings from the parse: each pattern on sentences written for these tests, plus the seeds."""
from __future__ import annotations

import sqlite3

from load import dates, meetings, people
from load.records import Article


def read(nlp, text: str, published: str | None = None):
    article = Article(path="t.txt", sha256="0" * 64, text=text, published=published,
                      published_precision="day" if published else None)
    doc = nlp(text)
    article.explicit_dates = dates.explicit_full_dates(doc)
    found = people.extract(doc, article)
    names = {p.key: p.name.split()[-1] for p in found}
    result = meetings.extract(doc, article, found, dates.DateContext(doc, article))
    return [(frozenset(names[k] for k in m.participants), m.date.iso if m.date else None, m.place, m) for m in result]


def pairs(found) -> set[frozenset]:
    return {names for names, *_ in found}


def test_met_with_a_list_gives_one_meeting_per_person(nlp):
    found = read(nlp, "Kenyan Foreign Minister Daniel Mwangi met President Sarah Okafor, Defence Minister "
                      "Peter Njoroge and Trade Secretary Lucy Wambui in Nairobi on Monday.", "2023-03-08")
    assert pairs(found) == {frozenset({"Mwangi", "Okafor"}), frozenset({"Mwangi", "Njoroge"}),
                            frozenset({"Mwangi", "Wambui"})}
    assert {d for _, d, _, _ in found} == {"2023-03-06"}
    assert {p for _, _, p, _ in found} == {"Nairobi"}


def test_held_talks_with(nlp):
    found = read(nlp, "Chancellor Erik Lindqvist held talks with Prime Minister Ana Duarte on Thursday.",
                 "2022-05-13")
    assert [(n, d) for n, d, _, _ in found] == [(frozenset({"Lindqvist", "Duarte"}), "2022-05-12")]


def test_meeting_between_a_and_b(nlp):
    found = read(nlp, "In the meeting between General Tomas Ruiz and Foreign Minister Elena Petrova, "
                      "the two sides reviewed border security.")
    assert pairs(found) == {frozenset({"Ruiz", "Petrova"})}
    assert found[0][1] is None  # no date in the text: NULL, never a guess


def test_possessive_meeting_with(nlp):
    found = read(nlp, "Minister Rahul Verma's meeting with Governor Priya Nair focused on flood relief.")
    assert pairs(found) == {frozenset({"Verma", "Nair"})}
    assert "flood relief" in found[0][3].topics


def test_his_conversation_with_refers_to_the_clause_subject(nlp):
    found = read(nlp, "In his conversation with Secretary Omar Haddad, Ambassador Karim Saleh "
                      "called for closer cooperation.")
    assert pairs(found) == {frozenset({"Haddad", "Saleh"})}


def test_role_mention_takes_part_through_its_person(nlp):
    text = ("Army Chief General Ivan Kovac arrived in Zagreb on Monday. "
            "On Tuesday, the army chief met President Marta Horvat.")
    found = read(nlp, text, "2021-06-10")
    assert pairs(found) == {frozenset({"Kovac", "Horvat"})}
    assert found[0][1] == "2021-06-08"


def test_groups_are_not_participants(nlp):
    found = read(nlp, "During the meeting between the two delegations, Minister Hana Sato said trade would grow.")
    assert found == []


def test_plural_subject_in_a_meeting(nlp):
    found = read(nlp, "President Luis Ortega and Prime Minister Claire Dubois, in a meeting in Geneva, "
                      "agreed to expand trade.")
    assert pairs(found) == {frozenset({"Ortega", "Dubois"})}
    assert found[0][2] == "Geneva"


def test_a_country_is_not_a_meeting_place(nlp):
    found = read(nlp, "Foreign Minister Alan Brooks, who is in Egypt on an official visit, met President "
                      "Karim Nasser on Sunday.", "2020-02-05")
    assert pairs(found) == {frozenset({"Brooks", "Nasser"})}
    assert found[0][2] is None


def test_visiting_a_country_along_with_someone_is_not_a_meeting(nlp):
    found = read(nlp, "Prime Minister Jonas Berg visited Norway in May along with Defence Minister Ola Lie "
                      "and held discussions on security.")
    assert found == []


def test_a_day_earlier_is_relative_to_the_story(nlp):
    text = ("Admiral Pedro Alves and Brazilian leaders agreed on closer cooperation on Tuesday. "
            "He had begun his trip a day earlier by meeting Chief of Staff General Rui Costa.")
    found = read(nlp, text, "2019-04-10")
    assert [(n, d) for n, d, _, _ in found] == [(frozenset({"Alves", "Costa"}), "2019-04-08")]


# --- across articles (on the seeds' database) ----------------------------------------------

def test_seed_meetings_reported_twice_are_merged(seeds_db):
    db = sqlite3.connect(seeds_db)
    rows = db.execute("select meeting_id, date, count(distinct document) from meeting_participants "
                      "where person in ('Hassan Rouhani', 'Qamar Javed Bajwa') group by meeting_id "
                      "having count(distinct person) = 2").fetchall()
    assert rows == [(rows[0][0], "2019-11-19", 2)]


def test_weekday_only_meeting_is_dated_from_another_article(seeds_db):
    db = sqlite3.connect(seeds_db)
    rows = db.execute("select distinct m.date, m.date_inferred from meetings m join meeting_participants mp "
                      "on mp.meeting_id = m.id where mp.document like '%001_%'").fetchall()
    assert rows and all(d == "2020-11-11" for d, _ in rows)
    assert any(inferred and "across-articles" in inferred for _, inferred in rows)


def test_every_meeting_keeps_its_evidence(seeds_db):
    db = sqlite3.connect(seeds_db)
    bad = db.execute("select r.id from meeting_reports r join sentences s on s.id = r.sentence_id "
                     "join documents d on d.id = r.document_id "
                     "where substr(d.text, r.start + 1, r.\"end\" - r.start) != r.text "
                     "or r.start < s.start or r.\"end\" > s.\"end\"").fetchall()
    assert bad == []


def test_a_dateline_parsed_as_a_subject_does_not_hide_the_real_one(nlp):
    found = read(nlp, "NAIROBI, May 2 (Reuters) - Kenyan Foreign Minister Daniel Mwangi met Ugandan Prime Minister "
                      "Ruth Nankabirwa in Nairobi on Thursday, officials said.", "2024-05-02")
    assert [(n, d, p) for n, d, p, _ in found] == [(frozenset({"Mwangi", "Nankabirwa"}), "2024-05-02", "Nairobi")]
