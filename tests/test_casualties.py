"""Casualty counts and incidents (load.casualties), on sentences written for these tests."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from load.casualties import extract, to_int
from load.records import Article

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def incidents(nlp, text, published="2021-03-10", title=None, dateline=None):
    doc = nlp(text)
    return extract(doc, Article(path="t.txt", sha256="", text=text, published=published, title=title,
                                published_precision="day" if published else None, dateline=dateline))


def counts(incs):
    return [(c.kind, c.count) for i in incs for c in i.counts]


@pytest.mark.parametrize("words, value", [
    (["Twenty-seven"], 27), (["fifteen"], 15), (["13"], 13), (["1,200"], 1200),
    (["a", "dozen"], 12), (["two", "dozen"], 24), (["one", "hundred", "and", "five"], 105), (["others"], None),
])
def test_to_int(words, value):
    assert to_int(words) == value


def test_passive_killed_and_reduced_injured_are_one_incident(nlp):
    incs = incidents(nlp, "Nineteen police officers were killed and 11 others injured in the ambush.")
    assert counts(incs) == [("killed", 19), ("injured", 11)]
    assert len(incs) == 1
    assert incs[0].counts[0].victims == "police officers"


def test_active_verb_object_and_claimed_by(nlp):
    incs = incidents(nlp, "Gunmen attacked a checkpoint, killing three policemen, an official told state television.")
    c = incs[0].counts[0]
    assert (c.kind, c.count, c.victims, c.claimed_by) == ("killed", 3, "policemen", "state television")
    assert incs[0].perpetrator == "Gunmen"


def test_at_least_qualifier(nlp):
    c = incidents(nlp, "At least 10 people died when a bomb exploded in a market, police said.")[0].counts[0]
    assert (c.kind, c.count, c.qualifier, c.claimed_by) == ("killed", 10, "at least", "police")


def test_range_keeps_low_and_high(nlp):
    c = incidents(nlp, "Between 10 and 12 soldiers were wounded.")[0].counts[0]
    assert (c.kind, c.low, c.high) == ("injured", 10, 12)


def test_vague_count_has_qualifier_and_no_number(nlp):
    c = incidents(nlp, "Dozens were arrested after the protest.")[0].counts[0]
    assert (c.kind, c.count, c.qualifier) == ("arrested", None, "dozens")


def test_release_refers_back_to_abduction_with_its_own_date(nlp):
    text = ("On March 2, nine aid workers were kidnapped by gunmen near the village of Tarin in Helmand province. "
            "Four of them were later freed on March 8.")
    incs = incidents(nlp, text)
    assert len(incs) == 1
    inc = incs[0]
    assert counts(incs) == [("abducted", 9), ("released", 4)]
    assert inc.date.iso == "2021-03-02"
    assert inc.counts[1].date.iso == "2021-03-08"
    assert "Tarin" in inc.place and "Helmand" in inc.place
    assert (inc.perpetrator, inc.attribution) == ("gunmen", "stated")


def test_lead_sentence_gives_month_date_place_and_claimed_perpetrator(nlp):
    text = ("In January, a truck carrying troops between the towns of Alder and Birch in the northern "
            "province of Cedar was hit by a roadside bomb. Eight soldiers were killed and four others wounded "
            "in the attack, claimed by the so-called Red Dawn militant group based in Elmland.")
    inc = incidents(nlp, text, "2020-06-01")[0]
    assert counts([inc]) == [("killed", 8), ("injured", 4)]
    assert (inc.date.iso, inc.date.precision) == ("2020-01-01", "month")
    assert "Alder" in inc.place and "Elmland" not in inc.place
    assert (inc.perpetrator, inc.attribution) == ("Red Dawn", "claimed")


def test_blamed_on(nlp):
    text = "Officials blamed the bombing on the Liberation Army. At least 40 people were killed in the bombing."
    inc = incidents(nlp, text)[0]
    assert (inc.perpetrator, inc.attribution) == ("Liberation Army", "blamed")


def test_death_toll(nlp):
    assert counts(incidents(nlp, "The death toll rose to 35, according to the health ministry.")) == [("killed", 35)]


@pytest.mark.parametrize("text", [
    "Fifteen delegates attended the conference in Geneva on Monday.",
    "The two sides released two joint statements after the talks.",
    "No one was injured in the blast.",
    "The president, 65, was not injured.",
    "The company cut 300 jobs last year.",
    "The pipeline runs 900 kilometres to the border.",
    "Three ministers met in Ankara to discuss the two attacks.",
])
def test_non_casualty_counts(nlp, text):
    assert incidents(nlp, text) == []


def test_seed_003(nlp):
    path = next(SEEDS.glob("003_*.txt"))
    text = path.read_text()
    incs = extract(nlp(text), Article(path=path.name, sha256="", text=text,
                                      published="2019-11-22", published_precision="day"))
    assert counts(incs) == [("killed", 27), ("injured", 13), ("abducted", 15), ("released", 5)]
    bomb, abduction = incs
    assert (bomb.date.iso, bomb.date.precision) == ("2019-02-01", "month")
    assert bomb.perpetrator == abduction.perpetrator and bomb.attribution == "claimed"
    assert abduction.date.iso == "2019-10-15"
    assert abduction.counts[1].date.iso == "2019-11-15"
    assert bomb.place and abduction.place


def test_other_seeds_have_no_casualties(nlp):
    for path in sorted(SEEDS.glob("00[0124]_*.txt")):
        text = path.read_text()
        assert extract(nlp(text), Article(path=path.name, sha256="", text=text)) == [], path.name


def test_a_denied_claim_is_no_perpetrator_and_a_dateline_is_no_attacker(nlp):
    from load import casualties
    from load.records import Article

    text = ("KADUNA, Nigeria (AP) - Gunmen killed nine people in an attack on a market, police said Sunday. "
            "No group has claimed responsibility for the attack.")
    article = Article(path="t.txt", sha256="0" * 64, text=text, published="2024-02-04", published_precision="day")
    [incident] = casualties.extract(nlp(text), article)
    assert [(c.kind, c.count) for c in incident.counts] == [("killed", 9)]
    assert incident.perpetrator in (None, "Gunmen", "gunmen")
    assert incident.attribution != "claimed"


def test_a_headline_does_not_repeat_the_bodys_count(nlp):
    from load import casualties
    from load.records import Article

    text = ("Gunmen kill 9 in market attack\n\n"
            "Gunmen killed nine people in an attack on a market on Sunday, police said.")
    article = Article(path="t.txt", sha256="0" * 64, text=text, title="Gunmen kill 9 in market attack",
                      published="2024-02-05", published_precision="day")
    incidents = casualties.extract(nlp(text), article)
    assert [(c.kind, c.count) for i in incidents for c in i.counts] == [("killed", 9)]


# ---------------------------------------------------------------- who did it

def test_a_claim_sentences_later_names_the_perpetrator_over_gunmen(nlp):
    text = ("Gunmen stormed a bus station in the northern town of Karvela on Tuesday, killing 23 children "
            "and 4 adults, police said. Rescue workers searched the rubble for hours. "
            "The Red Hand Brigade claimed responsibility for the attack in a statement on Wednesday.")
    [inc] = incidents(nlp, text)
    assert (inc.perpetrator, inc.attribution) == ("Red Hand Brigade", "claimed")
    assert inc.date.iso == "2021-03-09"          # Tuesday; the statement's Wednesday dates the claim


def test_a_headline_claim_names_the_group_of_the_body(nlp):
    title = "Ostra Front claims deadly shooting at a wedding"
    text = title + "\n\nA gunman killed six guests at a wedding in the village of Lamu on Saturday, officials said."
    [inc] = incidents(nlp, text, title=title)
    assert (inc.perpetrator, inc.attribution) == ("Ostra Front", "claimed")
    assert counts([inc]) == [("killed", 6)]      # the headline's count is not a second claim


def test_blaming_a_militia_called_x_takes_the_expanded_name_of_its_acronym(nlp):
    text = ("Nine people have been killed in the village of Sorel, officials said, blaming a notorious militia "
            "called the United Hill Army (UHA). UHA men attacked the village of Sorel late on Monday, leaving nine dead.")
    incs = incidents(nlp, text)
    assert {i.perpetrator for i in incs} == {"United Hill Army"}
    assert incs[0].attribution == "blamed"


def test_an_acronym_without_brackets_becomes_the_named_group_it_abbreviates(nlp):
    text = ("The Northern Star Front has claimed responsibility for a bombing in the city of Velta. "
            "At least seven people were killed when NSF fighters set off a bomb at a bus stop.")
    [inc] = incidents(nlp, text)
    assert (inc.perpetrator, inc.attribution) == ("Northern Star Front", "claimed")


def test_suspected_militants_and_an_attack_by_a_group(nlp):
    [inc] = incidents(nlp, "No fewer than 19 people were killed when suspected Vostan Army militants ambushed a "
                           "convoy on the Merel-Tasco road in Dabra district on Sunday.")
    assert (inc.perpetrator, inc.attribution) == ("Vostan Army", "suspected")
    assert inc.counts[0].qualifier == "no fewer than" and inc.place.startswith("Merel-Tasco")
    [inc] = incidents(nlp, "A dozen soldiers were wounded in an attack by the Popular Resistance Movement (PRM) "
                           "in the Kelsu village of Ardo territory, the army said.")
    assert counts([inc]) == [("injured", 12)]
    assert (inc.perpetrator, inc.attribution) == ("Popular Resistance Movement", "stated")
    assert inc.place == "Kelsu, Ardo"            # the village first; the agent's name is no place


def test_a_group_saying_its_fighters_did_it_claims_it(nlp):
    [inc] = incidents(nlp, "The Sabre Group said its fighters killed eight police officers in an ambush near Tarvo on Saturday.")
    assert inc.attribution == "claimed" and inc.perpetrator.startswith("Sabre")


def test_a_spokesman_claims_for_his_group_and_the_claim_goes_to_the_incident_it_names(nlp):
    text = ("Insurgents attacked a police post in the district of Arvo on Friday, killing four policemen, officials said. "
            "Also on Friday, a second attack in the district of Belm left one guard dead and another wounded. "
            "Lorun spokesman Qadir Maal claimed responsibility for the Arvo attack but did not comment on the Belm assault.")
    arvo, belm = incidents(nlp, text)
    assert (arvo.place, arvo.perpetrator, arvo.attribution) == ("Arvo", "Lorun", "claimed")
    assert counts([belm]) == [("killed", 1), ("injured", 1)]     # "one guard dead and another wounded"
    assert belm.place == "Belm" and (belm.perpetrator, belm.attribution) == ("Lorun", "inferred")


@pytest.mark.parametrize("text, wrong", [
    ("A Peruvian gunman killed two people at a bar in the town of Ocra on Friday.", "Peruvian"),
    ("Gunmen killed five Red Cross workers near the town of Ocra on Friday.", "Red Cross"),
    ("A suicide bomber killed four people at a checkpoint in the town of Ocra on Friday.", "suicide"),
    ("Police rescued 12 hostages in the village of Rundi on Monday.", "Police"),
    ("A car bomb killed seven people at a market in the town of Ocra on Sunday.", "car"),
])
def test_victims_places_nationalities_weapons_and_rescuers_are_no_perpetrators(nlp, text, wrong):
    [inc] = incidents(nlp, text)
    assert inc.perpetrator is None or wrong.lower() not in inc.perpetrator.lower().split()[:1], inc.perpetrator


def test_an_incident_the_text_attributes_to_no_one_takes_the_articles_one_group(nlp):
    text = ("Fighters of the Kiro Liberation Army attacked the village of Munda on Tuesday, killing 11 people, "
            "the district chief said. In a separate attack overnight, two people were killed in the town of Oban, "
            "its mayor said.")
    munda, oban = incidents(nlp, text)
    assert munda.place == "Munda" and oban.place == "Oban"
    assert munda.perpetrator == oban.perpetrator == "Kiro Liberation Army"
    assert (munda.attribution, oban.attribution) == ("stated", "inferred")


# ---------------------------------------------------------------- where

@pytest.mark.parametrize("sentence, place", [
    ("Five people were killed in the Kelsu village of Ardo territory on Monday.", "Kelsu, Ardo"),
    ("Two engineers and their driver were kidnapped near the town of Oroma in Feldan province on Monday.",
     "Oroma, Feldan"),
    ("Three soldiers were killed in Feldan province's Oroma town on Monday.", "Oroma, Feldan"),
    ("Four people died when a bomb went off on the Kesh-Dara road in Ulvo district on Monday.", "Kesh-Dara, Ulvo"),
    ("Ten villagers were killed in the village of Tiva by gunmen based in the Sorn hills.", "Tiva"),
])
def test_the_finest_place_first(nlp, sentence, place):
    [inc] = incidents(nlp, sentence)
    assert inc.place == place


def test_a_place_name_the_model_takes_for_a_nationality_before_its_level(nlp):
    from spacy.tokens import Span

    def with_norp(text, word):
        doc = nlp(text)
        i = next(t.i for t in doc if t.text == word)
        doc.ents = [e for e in doc.ents if not e.start <= i < e.end] + [Span(doc, i, i + 1, label="NORP")]
        doc[i].pos_ = "ADJ"       # as the model tags a nationality
        return extract(doc, Article(path="t.txt", sha256="", text=text, published="2023-01-15",
                                    published_precision="day"))

    [inc] = with_norp("Security forces killed five militants in a gunfight in Kelvar's Oroma district "
                      "on Saturday.", "Oroma")
    assert inc.place == "Oroma, Kelvar"
    [inc] = with_norp("A roadside bomb killed three soldiers in the Afghan province of Helmand on Sunday.", "Afghan")
    assert inc.place == "Helmand"


def test_the_dateline_only_when_the_text_says_it_happened_there(nlp):
    said_there = "TARVO, Norland (AP) - A car bomb killed seven people at a market in the city on Sunday, police said."
    filed_there = "TARVO, Norland (AP) - A car bomb killed seven people at a market on Sunday, police said."
    assert incidents(nlp, said_there, dateline="Tarvo")[0].place == "Tarvo"
    assert incidents(nlp, filed_there, dateline="Tarvo")[0].place is None


def test_a_count_keeps_its_own_place_and_date(nlp):
    text = ("Kordan gunmen have freed two fishermen kidnapped by the militants four months ago, the army said Monday. "
            "The militants released them to a village elder near Tolo province's Barit town. "
            "The two fishermen were abducted from a trawler off Tolo's Mena island in November.")
    [inc] = incidents(nlp, text, published="2021-03-10")
    by_kind = {c.kind: c for c in inc.counts}
    assert counts([inc]) == [("released", 2), ("abducted", 2), ("abducted", 2)]
    assert inc.place == "Barit, Tolo" and by_kind["abducted"].place == "Mena, Tolo"
    assert inc.date is None                       # the army's Monday dates its statement, not the release
    assert by_kind["abducted"].date.iso == "2020-11-01"
    assert inc.perpetrator == "Kordan"


# ---------------------------------------------------------------- when

def test_the_date_of_the_incident_not_of_the_statement_nor_of_the_toll(nlp):
    [inc] = incidents(nlp, "Twelve soldiers were killed in an ambush on Sunday, the minister said in a statement on Monday.")
    assert inc.date.iso == "2021-03-07"
    text = ("The death toll from a landslide in Orvan province rose to 21 on Wednesday, an official said. "
            "Ten other people were injured in the landslide. The landslide began on Monday evening after heavy rain.")
    [inc] = incidents(nlp, text, published="2021-03-10")
    assert counts([inc]) == [("killed", 21), ("injured", 10)]
    assert [c.date.iso for c in inc.counts] == ["2021-03-08", "2021-03-08"]


def test_an_arrest_after_the_attack_is_not_dated_by_it(nlp):
    text = ("At least five people were killed and four wounded when a gunman opened fire at a church in the town "
            "of Ostra on Sunday. Police say the gunman was a local man, and his brother has been detained.")
    [inc] = incidents(nlp, text)
    arrest = inc.counts[-1]
    assert (arrest.kind, arrest.count, arrest.date) == ("arrested", 1, None)
    assert inc.counts[0].date.iso == "2021-03-07"


# ---------------------------------------------------------------- what is an incident

def test_statistics_are_kept_apart(nlp):
    text = ("Gunmen killed four farmers in the village of Tiva on Monday, officials said. "
            "More than 1,500 people were killed in militant attacks in the region last year, according to a rights group. "
            "The new deaths bring the number of civilians killed since January 2019 to at least 1,013.")
    incs = incidents(nlp, text)
    assert [(i.role, counts([i])) for i in incs][0] == ("reported", [("killed", 4)])
    assert [i.role for i in incs[1:]] == ["statistic"] * (len(incs) - 1) and incs[1].counts[0].count == 1500


def test_a_recalled_incident_and_a_total_over_several(nlp):
    text = ("Thirteen people have died in attacks on two villages in Ardo territory, officials said. "
            "Gunmen attacked the village of Kelsu late on Monday, leaving 11 dead. "
            "In a similar attack in March 2019, 30 villagers were killed in the neighbouring district of Ulvo.")
    total, kelsu, recalled = incidents(nlp, text)
    assert (total.role, kelsu.role, recalled.role) == ("total", "reported", "recalled")
    assert (recalled.date.iso, recalled.place) == ("2019-03-01", "Ulvo")


def test_restatements_join_the_incident_and_a_separate_attack_does_not(nlp):
    text = ("Rebels ambushed an army convoy near the town of Ferra on Thursday, killing 12 soldiers, the army said. "
            "The rebels fired rockets at the convoy in Ferra district. "
            "The army said 12 soldiers were killed and 10 wounded. \"Ten terrorists were killed,\" it added. "
            "In a separate attack, three policemen were killed in the town of Ovo.")
    main, separate = incidents(nlp, text)
    assert counts([main]) == [("killed", 12), ("killed", 12), ("injured", 10), ("killed", 10)]
    assert [c.side for c in main.counts] == ["victims", "victims", "victims", "attackers"]
    assert counts([separate]) == [("killed", 3)] and separate.place == "Ovo"


# ---------------------------------------------------------------- how many

def test_parts_of_one_claim_share_it_and_a_stated_total_is_not_split(nlp):
    [inc] = incidents(nlp, "Two engineers and their driver were kidnapped near the town of Oroma on Monday.")
    assert counts([inc]) == [("abducted", 2), ("abducted", 1)]
    assert inc.counts[0].claim == inc.counts[1].claim
    [inc] = incidents(nlp, "Two people, a farmer and a teacher, were killed in the town of Oroma on Monday.")
    assert counts([inc]) == [("killed", 2)]


def test_a_risen_toll_supersedes_and_sources_keep_their_own_figures(nlp):
    text = "Between 10 and 13 people died in the blast at a market in Hollin on Friday. The death toll later rose to 17."
    [inc] = incidents(nlp, text)
    assert [(c.count, c.low, c.high, c.superseded) for c in inc.counts] == [(10, 10, 13, True), (17, None, None, False)]
    text = ("Gunmen attacked a checkpoint in the town of Ferra on Friday, killing at least 10 policemen, the governor said. "
            "However, a provincial councilman gave a higher toll, saying 15 policemen were killed in the attack.")
    [inc] = incidents(nlp, text)
    assert [(c.count, c.claimed_by) for c in inc.counts] == [(10, "governor"), (15, "provincial councilman")]


def test_attackers_killed_and_captured_and_hostages_freed(nlp):
    text = ("Troops killed six militants and captured two others during a raid in the village of Tiva on Monday. "
            "Police rescued 12 hostages held in a house in the village.")
    incs = incidents(nlp, text)
    assert [(c.kind, c.count, c.side) for i in incs for c in i.counts] == [
        ("killed", 6, "attackers"), ("arrested", 2, "attackers"), ("released", 12, "victims")]


# ---------------------------------------------------------------- the database (issue 13, item 10)

def test_tolls_add_parts_take_one_claim_and_leave_out_statistics_recalled_and_attackers(tmp_path):
    from load import pipeline

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "attack.txt").write_text(
        "Gunmen kill nine in an attack on a bus\n\n"
        "KORA (AP) - Gunmen attacked a bus in the village of Tiva on Monday, killing eight passengers and their "
        "driver, police said. The Sabre Front claimed responsibility for the attack. Police said eight passengers "
        "and the driver were killed. Four other people were injured in the attack. Troops later killed three of "
        "the gunmen. More than 400 people have been killed in attacks in the region since 2019. In a similar "
        "attack in March 2018, 30 passengers were killed by the group in the town of Ovo.\n")
    (tmp_path / "a" / "attack.json").write_text(json.dumps({"published": "2021-03-10"}))
    db_path = tmp_path / "facts.db"
    pipeline.run([tmp_path / "a"], db_path)
    db = sqlite3.connect(db_path)
    tolls = db.execute("select kind, side, role, people from incident_tolls order by role, kind, side").fetchall()
    assert ("killed", "victims", "reported", 9) in tolls            # 8 + 1 once, not 8 + 1 + 8 + 1
    assert ("killed", "attackers", "reported", 3) in tolls
    assert ("injured", "victims", "reported", 4) in tolls
    assert ("killed", "victims", "recalled", 30) in tolls
    assert not db.execute("select 1 from casualty_facts where count = 400").fetchall()
    facts = db.execute("select kind, count, perpetrator from casualty_facts where role = 'reported' order by count_id").fetchall()
    assert ("killed", 3, None) in facts and ("killed", 8, "Sabre Front") in facts

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text())
    query = metadata["databases"]["facts"]["queries"]["incidents_by_perpetrator"]["sql"]
    rows = [dict(zip([d[0] for d in cursor.description], r)) for cursor in [db.execute(query)] for r in cursor]
    assert rows == [{"perpetrator": "Sabre Front", "incidents": 1, "articles": 1, "killed": 9, "injured": 4,
                     "abducted": 0, "released": 0, "missing": 0}]
    chart = metadata["plugins"]["datasette-dashboards"]["facts"]["charts"]["casualties-by-perpetrator"]["query"]
    assert sorted(db.execute(chart).fetchall()) == [("Sabre Front", "injured", 4), ("Sabre Front", "killed", 9)]


def test_the_date_of_the_event_a_toll_is_of(nlp):
    [inc] = incidents(nlp, "The death toll from Saturday's bombing in the city of Marat has risen to 60, "
                           "the health ministry said on Monday.")
    assert (inc.date.iso, inc.place) == ("2021-03-06", "Marat")


def test_a_toll_put_at_a_number_and_another_sources_figure(nlp):
    [inc] = incidents(nlp, "The health ministry put the toll at 45, while the rebels said more than 100 people "
                           "had died in the shelling of Ubar on Thursday.")
    assert [(c.count, c.claimed_by) for c in inc.counts] == [(45, None), (100, "rebels")]


def test_the_same_number_of_other_people_elsewhere_is_another_incident(nlp):
    text = ("Two soldiers were killed in the town of Ravi on Monday, the army said. "
            "Two farmers were killed by a landmine in the village of Sem.")
    assert [i.place for i in incidents(nlp, text)] == ["Ravi", "Sem"]


def test_the_other_side_and_a_base_are_no_place_but_a_place_inside_them_is(nlp):
    [inc] = incidents(nlp, "Three jawans were killed and two injured in an encounter with Naxals in Sorba district on Tuesday.")
    assert (inc.place, inc.perpetrator) == ("Sorba", "Naxals")
    [inc] = incidents(nlp, "Kel Tamar fighters killed nine soldiers in an attack on an army base in Gao region on Sunday.")
    assert (inc.place, inc.perpetrator) == ("Gao", "Kel Tamar")


def test_a_group_named_only_for_other_attacks_is_not_the_articles_group(nlp):
    text = ("A suicide bomber blew himself up at a mosque in the town of Ferin on Friday, killing 25 worshippers "
            "and wounding 40 others, officials said. No group immediately claimed responsibility, but the Dawn "
            "Legion has carried out similar attacks in the past.")
    [inc] = incidents(nlp, text)
    assert "Dawn" not in (inc.perpetrator or "") and inc.attribution in (None, "stated")


def test_a_subject_the_parse_hangs_on_the_dateline(nlp):
    text = "KORA, Norland - Tamar militants in the north have freed three aid workers, the army said on Monday."
    [inc] = incidents(nlp, text, dateline="Kora")
    assert counts([inc]) == [("released", 3)] and inc.perpetrator == "Tamar"


def test_killing_needs_people_or_a_kind_of_person(nlp):
    assert incidents(nlp, "Floods killed 300 cattle and destroyed 40 houses in the district of Ramu.") == []
    [inc] = incidents(nlp, "A truck ploughed into a crowd, killing nine pedestrians and injuring 14 bystanders.")
    assert counts([inc]) == [("killed", 9), ("injured", 14)] and inc.perpetrator is None


def test_an_article_with_background_a_statistic_a_recalled_attack_and_arrests(nlp):
    title = "Gunmen kill 14 in attack on village in central Merra"
    text = (title + "\n\nZANDO, Merra (AP) - Gunmen on motorcycles attacked a village in central Merra on Monday, "
            "killing at least 14 people and burning dozens of homes, local officials said Tuesday.\n\n"
            "The attack happened in the village of Koro in Bandi district, said district chief Amadou Sane. "
            "Seven people were wounded and taken to hospital, he said.\n\n"
            "No group has claimed responsibility, but jihadists linked to the Sahel Brotherhood have carried out "
            "similar attacks in the region.\n\n"
            "Violence in central Merra has killed more than 2,000 people since 2019, according to the United Nations. "
            "In January, 35 people were killed in an attack on a market in the town of Tessi.\n\n"
            "Police arrested three suspects on Monday night, the regional governor said.")
    main, statistic, recalled = incidents(nlp, text, published="2021-03-09", title=title, dateline="Zando")
    assert counts([main]) == [("killed", 14), ("injured", 7), ("arrested", 3)]
    assert (main.role, main.place, main.perpetrator, main.date.iso) == ("reported", "Koro, Bandi", "Gunmen", "2021-03-08")
    assert main.counts[2].side == "attackers"
    assert (statistic.role, counts([statistic])) == ("statistic", [("killed", 2000)])
    assert (recalled.role, recalled.place, recalled.date.iso) == ("recalled", "Tessi", "2021-01-01")


def test_lives_claimed_compound_people_and_each_arrest_its_own_date(nlp):
    [inc] = incidents(nlp, "A landslide claimed the lives of 20 people in the village of Moro on Monday.")
    assert (counts([inc]), inc.date.iso, inc.place) == ([("killed", 20)], "2021-03-08", "Moro")
    [inc] = incidents(nlp, "Kelo Front fighters abducted 30 schoolgirls from a school in Dara district on Monday. "
                           "The army said it had rescued 13 of the girls.")
    assert counts([inc]) == [("abducted", 30), ("released", 13)] and inc.perpetrator == "Kelo Front"
    [inc] = incidents(nlp, "A 32-year-old man was arrested in connection with the attack, police said. "
                           "The gunman's wife was detained on Monday.")
    assert [(c.victims, c.date and c.date.iso) for c in inc.counts] == [("32-year-old man", None), ("wife", "2021-03-08")]


def test_elsewhere_opens_another_incident(nlp):
    text = "Gunmen killed five people in the village of Tiva on Monday. Elsewhere, two people died when their boat capsized."
    assert [counts([i]) for i in incidents(nlp, text)] == [[("killed", 5)], [("killed", 2)]]


def test_a_claim_is_no_source_of_the_number_and_suspicion_however_tagged(nlp):
    [inc] = incidents(nlp, "The Westland Liberation Front (WLF) claimed responsibility for an attack that killed "
                           "20 soldiers in Borna state on Sunday.")
    assert (inc.perpetrator, inc.attribution, inc.counts[0].claimed_by) == ("Westland Liberation Front", "claimed", None)
    [inc] = incidents(nlp, "Suspected Fulani herdsmen killed 12 villagers in an attack on the village of Dogo, officials said.")
    assert (inc.perpetrator, inc.attribution) == ("Fulani", "suspected")
    [inc] = incidents(nlp, "Twenty-two people were killed when gunmen opened fire on a bus in the Jurel district "
                           "on Saturday. The attack was blamed on the New People's Army.")
    assert (inc.perpetrator, inc.attribution) == ("New People's Army", "blamed")


def test_a_relative_clause_about_a_person_does_not_date_the_attack(nlp):
    incs = incidents(nlp, "Gunmen killed six farmers in an attack on a village in the north. "
                          "The governor, who met community leaders in the state capital on Sunday, condemned the attack.")
    assert counts(incs) == [("killed", 6)]
    assert incs[0].date is None


def test_a_blame_whose_relative_clause_mentions_attacks_is_about_the_reported_one(nlp):
    incs = incidents(nlp, "Gunmen stormed a border post on Tuesday, killing nine guards, an official said. "
                          "No group claimed responsibility, but the official blamed the Lashkar Front, "
                          "which has stepped up attacks on guards this year.")
    assert counts(incs) == [("killed", 9)]
    assert (incs[0].perpetrator, incs[0].attribution) == ("Lashkar Front", "blamed")


def test_a_place_where_a_person_did_something_else_is_not_the_incident_place(nlp):
    incs = incidents(nlp, "Drones struck a fuel depot overnight, killing three workers. The attack came a day "
                          "after President Ilya Marchenko met with Prime Minister Tom Vanders in Lviv.")
    assert counts(incs) == [("killed", 3)]
    assert incs[0].place is None
    incs = incidents(nlp, "Four people died when their bus plunged into a ravine in Kullu district.")
    assert incs[0].place == "Kullu"


def test_where_the_wounded_were_taken_is_not_the_incident_place(nlp):
    incs = incidents(nlp, "Armed men killed nine farmers on Tuesday. Four people were wounded "
                          "and rushed to a hospital in Kaduna.")
    assert counts(incs) == [("killed", 9), ("injured", 4)]
    assert len(incs) == 1 and incs[0].place is None
    incs = incidents(nlp, "Six pilgrims were injured when their bus overturned. They were treated at a clinic in Thies.")
    assert incs[0].place is None


def test_what_an_attack_came_after_is_an_earlier_incident(nlp):
    incs = incidents(nlp, "A suicide car bomber killed nine soldiers at a base on Sunday, a military official said. "
                          "The attack came two weeks after the group killed 21 people in a hotel siege in the capital.")
    assert [(i.role, counts([i])) for i in incs] == [("reported", [("killed", 9)]), ("recalled", [("killed", 21)])]
    incs = incidents(nlp, "Police arrested five men on Monday after gunmen killed three farmers in the village.")
    assert [i.role for i in incs] == ["reported"]


def test_a_claim_by_a_group_the_model_takes_for_a_person(nlp):
    incs = incidents(nlp, "A suicide car bomber killed nine soldiers at a base on Sunday, a military official said. "
                          "Al-Shabaab claimed responsibility for the attack in a statement.", published="2022-09-05")
    assert [(i.perpetrator, i.attribution) for i in incs] == [("Al-Shabaab", "claimed")]


@pytest.mark.parametrize("second, expected", [
    ("A local official put the number of abducted pupils at 87.", ("abducted", 87)),
    ("Officials later put the death toll at 15.", ("killed", 15)),
    ("The number of dead rose to 19.", ("killed", 19)),
    ("Officials put the number of casualties at 40.", None),     # killed and injured: no kind said
])
def test_a_toll_counts_what_its_words_say(nlp, second, expected):
    incs = incidents(nlp, "Gunmen abducted at least 20 pupils and killed 12 villagers on Thursday. " + second)
    later = [(c.kind, c.count) for i in incs for c in i.counts][2:]
    assert later == ([expected] if expected else [])


def test_the_next_sentence_about_the_same_mishap_gives_its_place(nlp):
    incs = incidents(nlp, "A bus carrying pilgrims plunged into a gorge on Friday, killing at least 23 people. "
                          "The bus was travelling to the capital when it crashed in Orvo district, police said.")
    assert [(i.place, counts([i])) for i in incs] == [("Orvo", [("killed", 23)])]
    apart = incidents(nlp, "A bus plunged into a gorge on Friday, killing at least 23 people. Separately, a truck "
                           "crashed in Orvo district.")
    assert [i.place for i in apart] == [None]


def test_a_months_old_toll_in_a_relative_clause_is_recalled_even_first(nlp):
    incs = incidents(nlp, "The talks came as fighting displaced thousands. The rebels, who killed 40 civilians "
                          "in November, deny the charge.")
    assert [(i.role, counts([i])) for i in incs] == [("recalled", [("killed", 40)])]


@pytest.mark.parametrize("text, expected", [
    ("A cloudburst in the hills claimed seven lives on Tuesday.", [("killed", 7)]),
    ("The fire at the warehouse took 14 lives.", [("killed", 14)]),
    ("The quake cost more than 300 lives, officials said.", [("killed", 300)]),
    ("The merger will cost 300 jobs.", []),
])
def test_lives_claimed_taken_or_cost_are_people_killed(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


def test_a_bare_second_count_after_and_takes_the_main_verb_not_the_first_counts(nlp):
    # parsed as "[migrants drowned] and 23" subject of "were missing"
    incs = incidents(nlp, "At least nine migrants drowned and 31 were missing after their boat capsized "
                          "off the coast on Saturday.")
    assert counts(incs) == [("killed", 9), ("missing", 31)]


def test_the_place_of_an_event_that_claimed_lives_is_no_speakers_place(nlp):
    incs = incidents(nlp, "Last week, a cloudburst in the Tarvi district claimed seven lives.")
    assert [(i.place, counts([i])) for i in incs] == [("Tarvi", [("killed", 7)])]
    said = incidents(nlp, "Officials in Tarvi said seven people were killed.")
    assert [i.place for i in said] == [None]


@pytest.mark.parametrize("title, body", [
    ("Tornado kills 7 in small river town", "A tornado tore through a small river town late on Sunday, killing at least seven people."),
    ("Airstrikes kill 14 in northern market town", "Airstrikes on a market in the town of Varsa killed 14 civilians on Tuesday."),
    ("Speeding Bus Kills 3 Pedestrians", "Three pedestrians were killed when a speeding bus hit them on Monday."),
])
def test_a_headlines_capitalised_event_weapon_or_vehicle_is_no_perpetrator(nlp, title, body):
    incs = incidents(nlp, title + "\n\n" + body, title=title)
    assert [i.perpetrator for i in incs] == [None] * len(incs) and incs


@pytest.mark.parametrize("blame, expected", [
    ("The attack was blamed on a Tarbo militia, Dan Na Koromba, which denied any involvement.", "Dan Na Koromba"),
    ("The attack was blamed on the San Pedro del Monte cartel, which is fighting for control of the area.",
     "San Pedro del Monte cartel"),
])
def test_a_militia_or_cartel_is_named_whatever_the_tagger_calls_its_name(nlp, blame, expected):
    text = "Dozens of people were killed in an attack on the village of Mereko on Tuesday. " + blame
    assert [(i.perpetrator, i.attribution) for i in incidents(nlp, text)] == [(expected, "blamed")]


def test_a_blame_before_a_separate_incident_stays_with_the_incident_it_refers_to(nlp):
    text = ("At least 30 people were killed in an attack on the village of Mereko on Tuesday. "
            "The attack was blamed on the Red Hand Brigade. "
            "In a separate incident, four soldiers were wounded when their vehicle hit a landmine on Wednesday.")
    incs = incidents(nlp, text)
    assert [(counts([i]), i.attribution) for i in incs][0] == ([("killed", 30)], "blamed")
    assert incs[1].attribution != "blamed"


def test_shelling_by_forces_names_them(nlp):
    incs = incidents(nlp, "Shelling by government forces on the village of Tell Harun left six dead and 11 injured.")
    assert [(i.perpetrator, counts([i])) for i in incs] == [("government forces", [("killed", 6), ("injured", 11)])]


def test_a_country_by_another_of_its_names_is_coarser_than_a_province_told_next(nlp):
    incs = incidents(nlp, "A landslide at a gold mine in eastern Democratic Republic of Congo killed at least 27 people "
                          "on Sunday. The collapse happened at a mine in Tanu Kivu province, officials said.")
    assert [(i.place, counts([i])) for i in incs] == [("Tanu Kivu", [("killed", 27)])]


def test_a_nationality_before_a_place_noun_is_no_place(nlp):
    incs = incidents(nlp, "A Russian missile strike on the Ukrainian city of Marovka killed eight people on Sunday.")
    assert [i.place for i in incs] == ["Marovka"]


def test_a_count_told_with_the_country_keeps_the_incidents_finer_place(nlp):
    incs = incidents(nlp, "At least 16 soldiers were killed and 20 others injured when a suicide bomber drove an "
                          "explosives-laden vehicle into a military base in central Somalia early on Saturday, officials "
                          "said. The attack on the base in the town of Garsale was claimed by the militant group, which said "
                          "in a statement that its fighters had killed 30 soldiers.")
    assert [(i.place, [c.place for c in i.counts]) for i in incs] == [("Garsale", [None, None, None])]


@pytest.mark.parametrize("second", [
    "The strike came hours after a drone attack on the Orlov region that left one person dead.",
    "The clash came a day after the militants ambushed an army patrol, killing a soldier.",
])
def test_what_an_event_came_after_is_an_incident_of_its_own(nlp, second):
    incs = incidents(nlp, "A missile strike on the town of Marovka killed eight people on Sunday. " + second)
    assert [(i.role, counts([i])) for i in incs] == [("reported", [("killed", 8)]), ("recalled", [("killed", 1)])]


@pytest.mark.parametrize("text, expected", [
    ("A resident said the gunmen took away more than 40 women and children on Sunday.", [("abducted", 40)]),
    ("The bandits carried off 12 villagers after the raid.", [("abducted", 12)]),
    ("Police took away 12 protesters from the square.", [("arrested", 12)]),
    ("The robbers took away 40 cattle.", []),
])
def test_people_taken_or_carried_away_are_abducted_or_by_the_police_arrested(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("In mid-August, 61 migrants were feared dead after a shipwreck.", [("killed", 61)]),
    ("Three fishermen were reported missing and two were found dead on Monday.", [("missing", 3), ("killed", 2)]),
    ("Two climbers were declared dead after the avalanche.", [("killed", 2)]),
])
def test_a_passive_verb_of_finding_or_fearing_gives_the_state_of_its_complement(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


def test_a_blame_for_similar_or_earlier_attacks_is_not_the_incidents(nlp):
    text = ("Gunmen killed at least 23 people and abducted dozens more in a raid on a village on Saturday. No group "
            "has claimed responsibility for the attack, but authorities have blamed similar raids on armed gangs, "
            "who kidnap for ransom.")
    assert [(i.perpetrator, i.attribution) for i in incidents(nlp, text)] == [("Gunmen", "stated")]


def test_the_ensuing_exchange_of_fire_is_the_same_incident(nlp):
    text = ("Seven soldiers were killed in an attack by militants on a check post in the Tarvi district on Thursday. "
            "In the ensuing exchange of fire, four militants were killed.")
    incs = incidents(nlp, text)
    assert [(counts([i]), i.date.iso) for i in incs] == [([("killed", 7), ("killed", 4)], "2021-03-04")]


def test_the_vehicle_of_the_next_sentence_is_the_bus_of_the_count(nlp):
    text = ("A bus carrying passengers plunged into a ravine early on Sunday, killing at least 18 people. "
            "The vehicle fell about 200 meters off a winding highway in the Orvo region, officials said.")
    assert [i.place for i in incidents(nlp, text)] == ["Orvo"]


def test_in_the_y_district_of_x_the_district_is_y(nlp):
    incs = incidents(nlp, "Seven soldiers were killed in the Tarvi district of Ostra Vale on Thursday.")
    assert [i.place for i in incs] == ["Tarvi, Ostra Vale"]


@pytest.mark.parametrize("text, expected", [
    ("Authorities found the bodies of 11 people in an abandoned vehicle on Thursday.", [("killed", 11)]),
    ("Twenty-three bodies have been recovered from the rubble.", [("killed", 23)]),
    ("At least 25 people are feared drowned after a boat capsized on the river.", [("killed", 25)]),
    ("Police found 40 kilograms of explosives in the house.", []),
])
def test_bodies_found_and_people_feared_drowned_are_killed(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


def test_a_toll_since_a_war_began_is_a_statistic_not_dated_by_the_wars_start(nlp):
    incs = incidents(nlp, "An air strike on a house killed at least 15 people on Monday. The health ministry says "
                          "more than 40,000 people have been killed since the war began on Oct. 7, 2023.")
    assert [(i.role, counts([i])) for i in incs] == [("reported", [("killed", 15)]), ("statistic", [("killed", 40000)])]


def test_militants_gunned_down_days_before_are_attackers_of_another_incident(nlp):
    incs = incidents(nlp, "Maoists killed two villagers on Sunday night. The killings took place days after security "
                          "forces gunned down 31 Maoists in an encounter in the same district.")
    assert [(i.role, [(c.kind, c.count, c.side) for c in i.counts]) for i in incs] == [
        ("reported", [("killed", 2, "victims")]), ("recalled", [("killed", 31, "attackers")])]


def test_a_numeric_dateline_is_no_date_of_the_first_sentences_event(nlp):
    incs = incidents(nlp, "Bhopal, 17/03/2025: Maoists killed two villagers in the Tarvi district on Sunday night, "
                          "suspecting them to be police informers, police said.", published="2025-03-17")
    assert [i.date.iso for i in incs] == ["2025-03-16"]


@pytest.mark.parametrize("text, expected", [
    ("Four persons sustained serious injuries in the accident.", [("injured", 4)]),
    ("Two men were hacked to death near the market.", [("killed", 2)]),
    ("Five people were burnt alive when their bus caught fire.", [("killed", 5)]),
    ("Among the dead were two children.", []),                 # part of a toll told elsewhere
    # a rescue is a release of people held; from rubble, nobody was (see test_a_rescue_is_a_release_only_of_people_held)
    ("A total of 14 people were rescued from the rubble.", []),
    ("A total of 14 hostages were rescued from the kidnappers' hideout.", [("released", 14)]),
    ("Nine people were confirmed dead and five others unaccounted for.", [("killed", 9), ("missing", 5)]),
    ("Three men were sentenced to death for the attack.", []),
    ("The company suffered 3 losses this year.", []),
])
def test_injuries_sustained_deaths_by_a_manner_and_people_among_the_dead(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed 5 people on Sunday. Police said the Ansar Brigade was behind the attack.", ("Ansar Brigade", "blamed")),
    ("Gunmen killed 5 people on Sunday. It is not clear who was behind the attack.", ("Gunmen", "stated")),
    ("Fighters from the Ansar Brigade killed 8 villagers on Sunday.", ("Ansar Brigade", "stated")),
])
def test_a_group_behind_the_attack_and_fighters_from_a_group(nlp, text, expected):
    assert [(i.perpetrator, i.attribution) for i in incidents(nlp, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Troops neutralised 12 terrorists in the operation on Sunday.", [("killed", 12)]),
    ("Security forces eliminated 5 militants.", [("killed", 5)]),
    ("The commission eliminated 3 candidates from the race.", []),
    ("Gunmen took 12 people hostage on Monday.", [("abducted", 12)]),
    ("Twelve passengers were taken hostage.", [("abducted", 12)]),
    ("Five hostages were set free on Sunday.", [("released", 5)]),
    ("The 20 kidnapped farmers regained their freedom on Friday.", [("released", 20), ("abducted", 20)]),
    ("Police took 7 suspects into custody.", [("arrested", 7)]),
    ("Police rounded up 30 suspects.", [("arrested", 30)]),
    ("Two workers went missing after the blast.", [("missing", 2)]),
    ("Bandits whisked away 15 travellers on the highway.", [("abducted", 15)]),
    ("The court set 4 dates for the hearing.", []),
])
def test_more_ways_news_tells_what_happened_to_people(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


def test_a_toll_of_this_years_floods_is_a_statistic_beside_the_days_deaths(nlp):
    incs = incidents(nlp, "The flood situation deteriorated on Wednesday with eight more people losing their lives, "
                          "taking the toll in this year's floods, landslides and storms to 56, officials said.")
    assert sorted((i.role, counts([i])) for i in incs) == [("reported", [("killed", 8)]), ("statistic", [("killed", 56)])]


def test_left_n_dead_and_m_missing_gives_each_its_own_state(nlp):
    incs = incidents(nlp, "The typhoon left at least 14 people dead and nine others missing after it lashed the north.")
    assert counts(incs) == [("killed", 14), ("missing", 9)]


def test_who_acted_a_day_before_is_not_the_perpetrator(nlp):
    incs = incidents(nlp, "Shelling on a border village killed three people early Thursday, a day after the Ansar "
                          "Brigade fired dozens of rockets.")
    assert [i.perpetrator for i in incs] == [None]


def test_most_of_the_deaths_were_in_x_gives_the_place_not_the_date(nlp):
    incs = incidents(nlp, "The typhoon left at least 14 people dead and nine others missing after it lashed the north "
                          "over the weekend, officials said Monday. Most of the deaths were in Tarvi province, where a "
                          "landslide buried six members of a family in the town of Orvo late Saturday.")
    assert [(i.place, i.date) for i in incs] == [("Orvo, Tarvi", None)]


def test_the_number_of_people_killed_in_sundays_blast_is_dated_by_the_blast(nlp):
    incs = incidents(nlp, "The number of people killed in Sunday's blast has risen to 31.")
    assert [(counts([i]), i.date.iso) for i in incs] == [([("killed", 31)], "2021-03-07")]


def test_people_of_an_earlier_count_who_died_are_a_part_of_its_killed_claim(nlp):
    incs = incidents(nlp, "Gunmen attacked a bus on Monday, killing five passengers and injuring eight. "
                          "Three of the injured died in hospital, police said.")
    assert len(incs) == 1
    assert counts(incs) == [("killed", 5), ("injured", 8), ("killed", 3)]
    killed = [c for c in incs[0].counts if c.kind == "killed"]
    assert killed[0].claim == killed[1].claim        # the toll is 5 + 3, not the larger of the two


def test_freed_hostages_of_an_abduction_are_no_part_of_another_claim(nlp):
    incs = incidents(nlp, "Gunmen kidnapped 12 students on Friday. Four of the hostages were freed on Sunday.")
    assert counts(incs) == [("abducted", 12), ("released", 4)]
    assert incs[0].counts[1].date.iso == "2021-03-07"


@pytest.mark.parametrize("text, perpetrator", [
    ("Israeli strikes killed nine people in the town on Tuesday, officials said.", "Israel"),
    ("Russian shelling killed four civilians in the village overnight.", "Russia"),
    ("At least 12 people were killed in Turkish air strikes on the city.", "Turkey"),
    ("At least 12 people were killed in Saudi-led coalition air strikes on the city.", "Saudi-led coalition"),
    ("The Kenyan police shot dead two protesters.", "Kenyan police"),
    ("Two Pakistani soldiers were killed in an Indian attack.", "India"),
])
def test_a_nationality_modifying_a_military_attack_or_force_is_the_state_perpetrator(nlp, text, perpetrator):
    assert incidents(nlp, text)[0].perpetrator == perpetrator


@pytest.mark.parametrize("text", [
    "Five people died when a Pakistani bus crashed.",
    "Nine people were killed in Gaza strikes.",
])
def test_a_place_or_a_nationality_of_a_mishap_is_no_state_perpetrator(nlp, text):
    assert incidents(nlp, text)[0].perpetrator is None


def test_an_event_that_continued_into_another_day_is_dated_when_it_began(nlp):
    incs = incidents(nlp, "The violence erupted on Tuesday night and continued into Wednesday, leaving 12 people dead.")
    assert incs[0].date.iso == "2021-03-09"
    incs = incidents(nlp, "Clashes that began on Friday and lasted until Sunday killed 30 people.")
    assert incs[0].date.iso == "2021-03-05"


def test_a_date_until_which_fighting_lasted_does_not_date_its_deaths(nlp):
    incs = incidents(nlp, "Militants stormed a military base on Sunday, killing 17 soldiers. The army said 30 militants "
                          "were killed in the fighting, which lasted until Monday morning.")
    assert [(c.kind, c.count, c.date.iso) for c in incs[0].counts] == [("killed", 17, "2021-03-07"), ("killed", 30, "2021-03-07")]


def test_a_word_number_tagged_a_proper_noun_after_a_dateline_is_a_count(nlp):
    text = "Prison riot leaves 18 inmates dead\n\nPORTVILLE, Norland - Eighteen inmates were killed in a riot on Tuesday."
    assert counts(incidents(nlp, text, title="Prison riot leaves 18 inmates dead")) == [("killed", 18)]


def test_money_released_is_no_count_of_people(nlp):
    incs = incidents(nlp, "Floods killed 45 people. The Treasury has released Sh2.4 billion for emergency relief.")
    assert counts(incs) == [("killed", 45)]
    assert incs[0].perpetrator is None


def test_a_plural_attacker_noun_tagged_a_proper_noun_is_of_the_attackers_side(nlp):
    c = incidents(nlp, "Three Naxals were killed in an encounter with security forces on Monday.")[0].counts[0]
    assert (c.count, c.side) == (3, "attackers")


def test_the_people_counted_are_no_perpetrator_and_a_grenade_thrower_is(nlp):
    text = ("Terrorists hurl grenade at market; 12 civilians injured\n\nTwelve civilians were injured on Sunday "
            "when terrorists hurled a grenade at a security bunker in a crowded market, police said.")
    incs = incidents(nlp, text, title="Terrorists hurl grenade at market; 12 civilians injured")
    assert counts(incs) == [("injured", 12)]
    assert incs[0].perpetrator == "terrorists"


@pytest.mark.parametrize("text, date, place", [
    ("Suspected jihadists killed 12 civilians in an attack on a village, local sources said on Wednesday. "
     "The gunmen raided the village of Karvo in the Dalen province on Saturday, a resident said.", "2021-03-06", "Karvo"),
    ("Gunmen have killed 23 villagers in an attack on a farming community, residents said. "
     "A resident said the gunmen arrived on motorcycles on Monday evening and shot for three hours.", "2021-03-08", None),
])
def test_the_attackers_going_on_in_the_next_sentence_give_the_date_and_place(nlp, text, date, place):
    inc = incidents(nlp, text)[0]
    assert inc.date.iso == date
    if place:
        assert inc.place.startswith(place)


def test_a_second_count_hung_on_the_first_verb_shares_its_date(nlp):
    incs = incidents(nlp, "Two persons were killed and three others injured in a head-on collision between a bus "
                          "and a truck on Sunday.")
    assert [(c.kind, c.count, c.date.iso) for c in incs[0].counts] == [("killed", 2, "2021-03-07"), ("injured", 3, "2021-03-07")]
    assert incs[0].date.iso == "2021-03-07"


@pytest.mark.parametrize("text, perpetrator", [
    ("Fighters loyal to the Norland People's Liberation Front killed 20 civilians.", "Norland People's Liberation Front"),
    ("Militants affiliated with the Eastern Valley Forces killed 20 civilians on Monday.", "Eastern Valley Forces"),
    ("Insurgents linked to the Islamic State group beheaded 11 villagers on Friday.", "Islamic State"),
    # "X militiamen armed with machetes and guns killed 42", parsed as "guns (that) killed"
    ("KODEKA militiamen armed with machetes and guns killed at least 42 people at a displacement camp on Thursday "
     "night, a local official said.", "KODEKA"),
])
def test_attackers_tied_to_a_named_group_or_misparsed_take_the_group(nlp, text, perpetrator):
    assert incidents(nlp, text)[0].perpetrator == perpetrator


def test_a_fire_is_nobody_whatever_modifies_it(nlp):
    text = "Karachi building fire kills 46\n\nAt least 46 people were killed in a fire in a six-storey building."
    assert incidents(nlp, text, title="Karachi building fire kills 46")[0].perpetrator is None


def test_a_deadline_by_which_bodies_were_recovered_does_not_date_the_deaths(nlp):
    incs = incidents(nlp, "At least 30 people drowned after a ferry capsized in the river on Tuesday, officials said. "
                          "Divers recovered 30 bodies by Wednesday morning.")
    assert [(c.kind, c.count, c.date.iso) for i in incs for c in i.counts] == [("killed", 30, "2021-03-09"),
                                                                              ("killed", 30, "2021-03-09")]


def test_where_most_of_the_dead_were_is_the_incidents_place(nlp):
    incs = incidents(nlp, "An earthquake struck the west of the country late on Friday, killing at least 128 people. "
                          "Most of the dead were in Karvali district, where mud-brick houses collapsed.")
    assert incs[0].place.startswith("Karvali")


def test_an_abduction_told_by_an_adjective_is_not_dated_by_the_rescue(nlp):
    incs = incidents(nlp, "The police rescued 12 kidnapped victims and arrested four suspects on Thursday.")
    dates = {(c.kind, c.count): c.date.iso if c.date else None for i in incs for c in i.counts}
    assert dates == {("released", 12): "2021-03-04", ("abducted", 12): None, ("arrested", 4): "2021-03-04"}


def test_official_idioms_for_killing(nlp):
    incs = incidents(nlp, "Two soldiers were martyred and three terrorists were sent to hell in an exchange of fire.")
    assert [(c.kind, c.count, c.side) for c in incs[0].counts] == [("killed", 2, "victims"), ("killed", 3, "attackers")]
    assert counts(incidents(nlp, "Four soldiers embraced martyrdom in the attack on Monday.")) == [("killed", 4)]
    assert incidents(nlp, "The minister sent 12 letters to the capital.") == []


def test_forces_that_fought_the_attackers_did_not_wound_their_own_soldier(nlp):
    inc = incidents(nlp, "Two terrorists were killed and a soldier was injured in an encounter with security forces "
                         "in the district on Thursday, police said.")[0]
    assert [(c.kind, c.count, c.side) for c in inc.counts] == [("killed", 2, "attackers"), ("injured", 1, "victims")]
    assert inc.perpetrator is None
    assert incidents(nlp, "Police killed five protesters in clashes in the capital.")[0].perpetrator == "Police"


def test_the_named_group_of_the_attackers_who_fell_is_the_perpetrator_of_the_victims(nlp):
    inc = incidents(nlp, "Five Norland People's Army rebels were killed in a clash with government troops on Sunday, "
                         "the military said. One soldier was wounded.")[0]
    assert inc.perpetrator == "Norland People's Army"


def test_a_figure_told_as_earlier_after_a_risen_toll_is_superseded(nlp):
    incs = incidents(nlp, "The death toll from the hurricane rose to 48 on Sunday, authorities said. "
                          "Earlier, officials had reported 27 dead.")
    assert [(c.kind, c.count, c.superseded) for i in incs for c in i.counts] == [("killed", 48, False), ("killed", 27, True)]


def test_a_release_told_first_leaves_the_incident_date_to_the_harm(nlp):
    incs = incidents(nlp, "More than 130 schoolchildren who were abducted by gunmen from a school on March 2 have been "
                          "released, the governor said on Sunday. Gunmen on motorcycles stormed the school and took "
                          "away 137 pupils. One teacher was killed during the attack, residents said.")
    dates = [(c.kind, c.count, c.date.iso if c.date else None) for i in incs for c in i.counts]
    assert ("released", 130, None) in dates and ("killed", 1, "2021-03-02") in dates


def test_the_incidents_of_a_dated_total_are_apart_and_take_its_date(nlp):
    incs = incidents(nlp, "At least eight people were killed in two separate attacks in the province on Monday, officials "
                          "said. In the first attack, gunmen opened fire on a passenger bus near Karvo, killing five "
                          "passengers. In a separate incident, three labourers were shot dead at a construction site "
                          "in Dalen district.")
    assert [(i.role, [(c.kind, c.count) for c in i.counts], i.date.iso if i.date else None) for i in incs] == [
        ("total", [("killed", 8)], "2021-03-08"), ("reported", [("killed", 5)], "2021-03-08"),
        ("reported", [("killed", 3)], "2021-03-08")]


@pytest.mark.parametrize("text, found", [
    ("Four people were electrocuted when a power line fell on Monday.", [("killed", 4)]),
    ("Gunmen slaughtered 20 villagers in the night.", [("killed", 20)]),
    ("Butchers slaughtered 300 cattle for the festival.", []),
])
def test_more_verbs_of_killing(nlp, text, found):
    assert counts(incidents(nlp, text)) == found


def test_local_units_rank_places_and_armed_is_no_nationality(nlp):
    assert incidents(nlp, "Floods killed 12 people in Karvali's Derak upazila.")[0].place == "Derak, Karvali"
    assert incidents(nlp, "Armed men killed seven people in the commune of Tolo.")[0].perpetrator == "Armed men"


@pytest.mark.parametrize("text, found", [
    ("A landslide buried a village in the province on Friday, with more than 300 people feared dead.", [("killed", 300)]),
    ("The ferry sank on Monday with 40 people still missing.", [("missing", 40)]),
    ("The minister arrived with three aides on Monday.", []),
])
def test_counts_in_a_clause_after_with(nlp, text, found):
    assert counts(incidents(nlp, text)) == found


@pytest.mark.parametrize("text", [
    "Gunmen killed five people on New Year's Eve.",
    "Gunmen killed five people in mid-February.",
])
def test_a_holiday_or_part_of_a_month_is_no_place(nlp, text):
    assert incidents(nlp, text)[0].place is None


def test_the_outskirts_of_the_capital_named_by_nationality_is_the_datelines_capital(nlp):
    text = "A car bomb exploded at a checkpoint on the outskirts of the Somali capital on Monday, killing 12 people."
    assert incidents(nlp, text, dateline="Mogadishu")[0].place == "Mogadishu"
    assert incidents(nlp, text, dateline="Nairobi")[0].place is None


def test_a_hyphenated_place_name_with_a_particle_stays_whole(nlp):
    text = "Gang members killed 15 people in an attack on the Vala-Sud neighbourhood of Port-au-Prince on Sunday."
    assert incidents(nlp, text)[0].place == "Vala-Sud, Port-au-Prince"


def test_quotes_around_a_generic_perpetrator_are_dropped(nlp):
    text = 'Twenty-three soldiers were killed in an ambush by "terrorists" near the border on Wednesday, the ministry said.'
    assert incidents(nlp, text)[0].perpetrator == "terrorists"


def test_a_rescue_is_a_release_only_of_people_held(nlp):
    assert incidents(nlp, "Floods killed 8 people. Rescue teams have rescued 45 people so far, officials said.") \
        and counts(incidents(nlp, "Floods killed 8 people. Rescue teams rescued 45 people on Monday.")) == [("killed", 8)]
    assert ("released", 12) in counts(incidents(nlp, "Police rescued 12 kidnapped students on Friday."))


def test_a_youth_is_one_person(nlp):
    assert counts(incidents(nlp, "A youth was shot dead by unidentified persons in the city on Wednesday night.")) == [
        ("killed", 1)]
    assert incidents(nlp, "Police said the youth of the village were detained.") == []   # collective: no count of one
