"""People, titles and role mentions from news-style sentences and from the seed articles."""
from pathlib import Path

import pytest

from load.people import extract
from load.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def read(nlp, text, author=None):
    doc = nlp(text)
    return doc, extract(doc, Article(path="x.txt", sha256="", text=text, author=author))


def by_name(people, name):
    matches = [p for p in people if p.name == name]
    assert matches, f"{name!r} not in {[p.name for p in people]}"
    return matches[0]


def posts(person):
    return [t.post for t in person.titles]


def roles(person):
    return [m.text for m in person.mentions if m.kind == "role"]


def test_title_before_name_with_nationality_and_rank(nlp):
    _, people = read(nlp, "Egypt's Chief of Staff of the Armed Forces Lieutenant General Ahmed Fathy "
                          "met the delegation in Cairo.")
    fathy = by_name(people, "Ahmed Fathy")
    assert posts(fathy) == ["Chief of Staff of the Armed Forces"]
    assert fathy.country == "Egypt" and fathy.rank == "Lieutenant General"


def test_apposition_title_and_organisation(nlp):
    _, people = read(nlp, "The plan was welcomed by Ahmad Vahidi, secretary of the Supreme Defence Council, "
                          "on Tuesday.")
    vahidi = by_name(people, "Ahmad Vahidi")
    assert posts(vahidi) == ["Secretary of the Supreme Defence Council"]
    assert vahidi.titles[0].organisation == "Supreme Defence Council"


def test_apposition_with_possessive_country(nlp):
    _, people = read(nlp, "The talks were led by Hakan Fidan, Turkey's foreign minister, who arrived late.")
    fidan = by_name(people, "Hakan Fidan")
    assert posts(fidan) == ["Foreign Minister"] and fidan.country == "Turkey"


def test_post_at_organisation(nlp):
    _, people = read(nlp, "He was joined by Director-General Operations at FIA Brig Kamran Aziz.")
    aziz = by_name(people, "Kamran Aziz")
    assert posts(aziz) == ["Director-General Operations"]
    assert aziz.titles[0].organisation == "FIA" and aziz.rank == "Brig"


def test_counterpart_takes_the_other_persons_post(nlp):
    _, people = read(nlp, "Chinese Foreign Minister Wang Yi met his Nepali counterpart, Arzu Rana Deuba, "
                          "in Beijing on Friday.")
    deuba = by_name(people, "Arzu Rana Deuba")
    assert posts(deuba) == ["Foreign Minister"] and deuba.country == "Nepal"
    assert by_name(people, "Wang Yi").country == "China"


def test_status_words(nlp):
    _, people = read(nlp, "Former Prime Minister Nawaz Sharif and acting President Sadiq Sanjrani attended "
                          "the ceremony, where the then army chief Gen Raheel Sharif spoke.")
    assert by_name(people, "Nawaz Sharif").titles[0].status == "former"
    assert by_name(people, "Sadiq Sanjrani").titles[0].status == "acting"
    raheel = by_name(people, "Raheel Sharif")
    assert raheel.titles[0].status == "then" and posts(raheel) == ["Army Chief"]


def test_role_mentions_link_to_the_unique_post_holder(nlp):
    text = ("Iraqi Prime Minister Mohammed al-Sudani met Interior Minister Abdul Amir al-Shammari in Baghdad. "
            "The Iraqi premier praised the police. The interior minister promised reforms.")
    _, people = read(nlp, text)
    assert roles(by_name(people, "Mohammed al-Sudani")) == ["The Iraqi premier"]
    assert roles(by_name(people, "Abdul Amir al-Shammari")) == ["The interior minister"]


def test_ambiguous_role_mention_is_not_linked(nlp):
    text = ("Foreign Minister Ishaq Dar hosted Foreign Minister Hakan Fidan in Islamabad. "
            "The foreign minister said ties were strong.")
    _, people = read(nlp, text)
    assert all(not roles(p) for p in people)


def test_the_head_of_state_is_the_one_president(nlp):
    text = ("President Arman Suleimenov held talks with Prime Minister Li Wen on Tuesday. "
            "The Head of State also received the envoy.")
    _, people = read(nlp, text)
    assert roles(by_name(people, "Arman Suleimenov")) == ["The Head of State"]


def test_nationality_picks_the_role_holder(nlp):
    text = ("Turkish Foreign Minister Hakan Fidan met Foreign Minister Ishaq Dar in Ankara. "
            "The Pakistani foreign minister invited him to Islamabad.")
    _, people = read(nlp, text)
    dar = by_name(people, "Ishaq Dar")
    assert roles(dar) == ["The Pakistani foreign minister"] and dar.country == "Pakistan"


def test_mentions_carry_offsets_and_sentence_index(nlp):
    text = "Prime Minister Shehbaz Sharif arrived. Sharif then met the press."
    doc, people = read(nlp, text)
    sharif = by_name(people, "Shehbaz Sharif")
    for m in sharif.mentions:
        assert text[m.start:m.end] == m.text
    assert [m.sentence for m in sharif.mentions] == [0, 1]


def test_two_people_sharing_a_surname_stay_apart(nlp):
    _, people = read(nlp, "Imran Khan and Ayub Khan were both mentioned in the report. Khan declined to comment.")
    assert sorted(p.name for p in people) == ["Ayub Khan", "Imran Khan"]
    assert all(len(p.mentions) == 1 for p in people)   # the bare "Khan" is ambiguous


def test_groups_bylines_and_lone_words_are_not_people(nlp):
    text = ("By Sara Malik\n\nThe bombing was claimed by the Jundallah militant group, officials in "
            "Sistan said on Monday, according to a statement posted on Twitter.")
    _, people = read(nlp, text)
    assert people == []


def test_author_field_excludes_the_journalist(nlp):
    _, people = read(nlp, "Staff report. Reporter Sara Malik visited Quetta and met Governor Jan Achakzai.",
                     author="Sara Malik")
    assert [p.name for p in people] == ["Jan Achakzai"]


def test_seed_titles_and_roles(nlp):
    text = (SEEDS / "004_0a7961073fb3a83a.txt").read_text()
    _, people = read(nlp, text)
    names = {p.name for p in people}
    assert "Sanaullah" not in names                     # Dawn's sidebar is not the article
    assert posts(by_name(people, "Muhammad Saeed")) == ["Director-General Analysis"]
    assert by_name(people, "Muhammad Saeed").titles[0].organisation == "ISI"
    assert posts(by_name(people, "Asim Munir")) == ["ISI Chief"]
    bajwa = by_name(people, "Qamar Bajwa")
    assert bajwa.rank == "Gen" and "the army chief" in roles(bajwa)


def test_seed_counterpart_and_mistagged_surnames(nlp):
    text = (SEEDS / "002_c0ddc8b3dfc0bf7e.txt").read_text()
    _, people = read(nlp, text)
    assert sorted(p.name for p in people) == ["Imran Khan", "Mohammad Javad Zarif", "Shah Mahmoud Qureshi"]
    qureshi = by_name(people, "Shah Mahmoud Qureshi")
    assert posts(qureshi) == ["Foreign Minister"] and qureshi.country == "Pakistan"
    assert "The Pakistani foreign minister" in roles(qureshi)


@pytest.mark.parametrize("name", ["000_58ba65240de847c6.txt", "003_750f3553e747130e.txt"])
def test_seed_people_have_no_ranks_in_names(nlp, name):
    _, people = read(nlp, (SEEDS / name).read_text())
    for p in people:
        assert not p.name.split()[0] in {"Gen", "General", "Maj", "Major", "Dr", "Mr", "Seyed"}


def test_description_then_comma_then_name(nlp):
    _, people = read(nlp, "Pakistan's army chief, General Asim Munir, met Saudi officials in Riyadh. "
                          "Besides the army chief, Imran Khan also attended the briefing.")
    munir = by_name(people, "Asim Munir")
    assert posts(munir) == ["Army Chief"] and munir.country == "Pakistan" and munir.rank == "General"
    assert posts(by_name(people, "Imran Khan")) == []     # not an apposition: the clause goes on


def test_photo_credits_and_reporters_are_not_people(nlp):
    _, people = read(nlp, "Rescue workers search the rubble in the old town on Tuesday. Photo by Umit Bektas.\n"
                          "Additional reporting by Asif Shahzad in Islamabad. Writing by John Davison; "
                          "Editing by Gareth Jones.\n"
                          "The ministry released a video by Foreign Minister Ayman Safadi, who said talks would resume.")
    assert [p.name for p in people] == ["Ayman Safadi"]


def test_a_reporter_who_contributed_to_the_report_is_not_reported_on(nlp):
    from load import people as people_module

    doc = nlp("President Ana Costa opened the bridge on Monday.\n\n"
              "Associated Press writer Tomas Rivera in Lima contributed to this report.")
    assert [p.name for p in people_module.extract(doc, None)] == ["Ana Costa"]


def test_a_description_in_a_sentence_naming_the_person_is_someone_else(nlp):
    _, found = read(nlp, "President Tom Hale spoke on Monday. Voters want Congress to investigate Hale over his "
                         "conversation with the president of Peru.")
    hale = by_name(found, "Tom Hale")
    assert hale.country is None
    assert [m.text for m in hale.mentions if m.kind == "role"] == []


def test_agency_credits_and_dateline_agencies_are_not_people(nlp):
    _, found = read(nlp, "Portville, Sep 20 (Prensa Austral) President Ana Costa received a delegation on Monday.\n\n"
                         "Associated Press writer Tomas Rivera in Lima, Peru, contributed.")
    assert [p.name for p in found] == ["Ana Costa"]


def test_an_abbreviated_role_finds_its_post(nlp):
    _, found = read(nlp, "Ambassador Liu Wen called on Chief of Army Staff General Tariq Ahmed Khan on Monday. "
                         "Separately, the COAS met Uzbek Deputy Defence Minister Major General Anvar Rakhimov.")
    khan = by_name(found, "Tariq Ahmed Khan")
    assert "the COAS" in [m.text for m in khan.mentions if m.kind == "role"]


def test_caribbean_nationalities_pick_the_role_holder(nlp):
    """ "his Barbadian counterpart, X" gives X Barbados, so "the Barbadian Prime Minister" is X, not the host."""
    text = ("Prime Minister Andre Clarke on Monday welcomed his Barbadian counterpart, the Hon. Joan Reid, to the "
            "capital for talks. Opposition Leader Mark Dunn also met the Barbadian Prime Minister on Tuesday.")
    _, people = read(nlp, text)
    assert roles(by_name(people, "Joan Reid")) == ["the Barbadian Prime Minister"]
    assert by_name(people, "Joan Reid").country == "Barbados"


def test_a_titled_surname_two_people_share_goes_to_the_one_holding_the_post(nlp):
    """ "President Tamm" is the president of the two Tamms; a bare "Tamm" stays unlinked."""
    text = ("The King welcomed President Jaan Tamm of Estonia and his wife, Liis Tamm, at the palace. "
            "President Tamm later held talks with Prime Minister Olof Berg. Tamm said the talks went well.")
    _, people = read(nlp, text)
    jaan = by_name(people, "Jaan Tamm")
    assert [m.text for m in jaan.mentions if m.kind == "name"] == ["Jaan Tamm", "Tamm"]
    assert [m.text for m in by_name(people, "Liis Tamm").mentions] == ["Liis Tamm"]
