"""Casualty counts and incidents (load.casualties)."""
from __future__ import annotations

from pathlib import Path

import pytest

from load.casualties import extract, to_int
from load.records import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def incidents(nlp, text, published="2021-03-10"):
    doc = nlp(text)
    return extract(doc, Article(path="t.txt", sha256="", text=text, published=published,
                                published_precision="day" if published else None))


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
