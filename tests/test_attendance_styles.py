"""Who else was at a meeting, in the styles of official and regional press: companions ("was
joined / flanked / supported by", "A accompanied X at the signing"), presence lists the parser
breaks, "sat in on", multilateral meetings, and chairs of a session of their own. Sentences
written for these tests."""
from __future__ import annotations

from load import dates, meetings, people
from load.records import Article


def read(nlp, text: str, published: str = "2024-05-08"):
    article = Article(path="t.txt", sha256="0" * 64, text=text, published=published, published_precision="day")
    doc = nlp(text)
    article.explicit_dates = dates.explicit_full_dates(doc)
    found = people.extract(doc, article)
    names = {p.key: p.name.split()[-1] for p in found}
    return [frozenset(names[k] for k in m.participants)
            for m in meetings.extract(doc, article, found, dates.DateContext(doc, article))]


def test_the_two_leaders_were_joined_by(nlp):
    found = read(nlp, "Prime Minister Tomas Varga on Monday welcomed Prime Minister Elena Moreau for talks on "
                      "trade. The two leaders were joined by Senator the Hon. Paula Renwick, Minister of Trade, and "
                      "the Attorney General, Samuel Okafor.")
    assert found == [frozenset({"Varga", "Moreau", "Renwick", "Okafor"})]


def test_flanked_and_supported_by_a_list_with_semicolons(nlp):
    found = read(nlp, "President Daniel Mbeki received President Jorge Alvarez on Tuesday. President Mbeki was "
                      "supported by the Minister of Finance, Mr Ronald Tshabalala; the Minister of Trade, Mr Peter "
                      "Zulu; and the Minister of Energy, Ms Grace Nkosi.")
    assert found == [frozenset({"Mbeki", "Alvarez", "Tshabalala", "Zulu", "Nkosi"})]
    found = read(nlp, "Vice President Kofi Mensah received Minister of Mines Abel Traore on Thursday. Mensah was "
                      "flanked by Minister of State for Petroleum Resources Senator Musa Bello and Budget Minister "
                      "Ibrahim Lawal.")
    assert found == [frozenset({"Mensah", "Traore", "Bello", "Lawal"})]


def test_a_companion_who_accompanied_a_signatory(nlp):
    found = read(nlp, "Prime Minister Karl Andersen and President Luis Romero signed a trade agreement in Oslo on "
                      "Monday. Foreign Minister Erik Dahl accompanied Mr Andersen at the signing.")
    assert found == [frozenset({"Andersen", "Romero", "Dahl"})]


def test_a_presence_list_the_parser_breaks_with_prepositions(nlp):
    found = read(nlp, "The President, Mr. Karim Haddad, received the Prime Minister, Mr. Nabil Saadi, on Monday. "
                      "The audience took place in the presence of the Director of Cabinet at the Presidency, "
                      "Mr. Omar Belkacem, and the Minister of Foreign Affairs, Mr. Samir Rahal.")
    assert found == [frozenset({"Haddad", "Saadi", "Belkacem", "Rahal"})]


def test_sat_in_on_the_meeting(nlp):
    found = read(nlp, "Prime Minister Marcus Joseph on Wednesday met Deputy Minister Pedro Salas in Castries. "
                      "Minister for External Affairs, the Hon. Anne Baptiste, sat in on the meeting.")
    assert found == [frozenset({"Joseph", "Salas", "Baptiste"})]


def test_a_trilateral_meeting_is_one_meeting_of_all(nlp):
    found = read(nlp, "Foreign Minister Anna Kowal held a trilateral meeting in Vilnius on Tuesday with Foreign "
                      "Minister Jonas Petrauskas and Foreign Minister Ilze Berzina.")
    assert found == [frozenset({"Kowal", "Petrauskas", "Berzina"})]
    # "held a meeting with B and C" is still one meeting per person met
    found = read(nlp, "Foreign Minister Anna Kowal held a meeting in Vilnius on Tuesday with Foreign Minister "
                      "Jonas Petrauskas and Foreign Minister Ilze Berzina.")
    assert sorted(map(sorted, found)) == [["Berzina", "Kowal"], ["Kowal", "Petrauskas"]]


def test_chairs_of_a_session_hold_a_meeting_of_their_own(nlp):
    found = read(nlp, "President Karim Haddad received Prime Minister Nabil Saadi on Monday. Earlier, Mr. Saadi "
                      "and Prime Minister Youssef Amrani chaired the session of the joint commission.")
    assert sorted(map(sorted, found)) == [["Amrani", "Saadi"], ["Haddad", "Saadi"]]


def test_parts_of_one_meeting_join_it_whatever_order_they_come_in():
    """A headline's "A hosts B and C" (two pairs), the body's "A hosted a tripartite meeting with B and C"
    and "The meeting was also attended by D": one meeting, though the pairs are read before the meeting
    of three has joined the meeting of four."""
    from load import meeting_merge
    from load.resolve_base import UnionFind

    def report(rid, people, day=None):
        return {"id": rid, "document": 1, "published": "2024-08-28", "date": day, "precision": "day" if day else None,
                "raw": "Tuesday" if day else None, "place": None, "topics": [], "people": frozenset(people)}

    reports = {1: report(1, {"A", "B"}), 2: report(2, {"A", "C"}), 3: report(3, {"A", "B", "C"}, "2024-08-27"),
               4: report(4, {"A", "B", "C", "D"}, "2024-08-27")}
    clusters = meeting_merge.meeting_clusters(reports, {1: "2024-08-28"}, UnionFind(reports))
    assert sorted(clusters) == [[1, 2, 3, 4]]


def test_received_by_a_and_by_b(nlp):
    found = read(nlp, "Minister Ahmed Salem was also received by the Head of Government, Karim Idrissi, and by the "
                      "Speaker of the House of Representatives, Nadia Bennani.")
    assert sorted(map(sorted, found)) == [["Bennani", "Salem"], ["Idrissi", "Salem"]]


def test_the_envoy_who_delivered_a_message_was_received(nlp):
    found = read(nlp, "President Tendai Moyo yesterday received a special message from his Zambian counterpart, "
                      "President Joseph Banda, delivered by Zambia's Minister of Foreign Affairs, Mr Peter Mwale, "
                      "at State House.")
    assert found == [frozenset({"Moyo", "Mwale"})]


def test_one_side_of_the_meeting_included(nlp):
    found = read(nlp, "Sultan Khalid bin Faisal received President Reza Karimi at the palace today. The talks were "
                      "attended from the Omani side by Foreign Minister Salim Al Harthy. The Iranian side included "
                      "Foreign Minister Ali Nouri and Ambassador Hamid Tavakoli.")
    assert found == [frozenset({"Faisal", "Karimi", "Harthy", "Nouri", "Tavakoli"})]


def test_the_two_who_met_then_held_talks_with_a_third(nlp):
    found = read(nlp, "Former President Amos Okello met with former President Peter Wanjala in Nairobi on Sunday. "
                      "The two former leaders, who are facilitators of the peace process, later held talks with "
                      "former Deputy President Grace Moyo.")
    assert sorted(map(sorted, found)) == [["Moyo", "Okello", "Wanjala"], ["Okello", "Wanjala"]]


def test_attended_the_meeting_with_b_joins_it_and_is_no_meeting_of_its_own(nlp):
    found = read(nlp, "Chief Minister Ravi Menon on Wednesday called on Finance Minister Asha Rao at North Block. "
                      "Deputy Chief Minister Kiran Gowda also attended the meeting with Rao.")
    assert found == [frozenset({"Menon", "Rao", "Gowda"})]


def test_a_part_of_a_meeting_told_after_it_is_another_meeting():
    """ "A hosted B and C ... After the summit, B and C held a one-on-one meeting": told after the meeting of
    three in the same article, the pair is a meeting of its own; told before it (a headline), it is part of it."""
    from load import meeting_merge
    from load.resolve_base import UnionFind

    def report(rid, people, day=None):
        return {"id": rid, "document": 1, "published": "2024-08-28", "date": day, "precision": "day" if day else None,
                "raw": "Tuesday" if day else None, "place": None, "topics": [], "people": frozenset(people)}

    reports = {1: report(1, {"A", "B"}), 2: report(2, {"A", "B", "C"}, "2024-08-27"), 3: report(3, {"B", "C"})}
    clusters = meeting_merge.meeting_clusters(reports, {1: "2024-08-28"}, UnionFind(reports))
    assert sorted(clusters) == [[1, 2], [3]]


def test_signing_an_arrangement_is_a_ceremony_of_the_signatories(nlp):
    found = read(nlp, "Commerce Minister Wang Tao and New Zealand's Trade Minister Todd Keller later signed an "
                      "arrangement on trade in services.")
    assert found == [frozenset({"Tao", "Keller"})]
