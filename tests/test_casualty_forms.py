"""Casualty counts in forms the rules met late (own sentences)."""
from __future__ import annotations

import pytest

from load.casualties import extract
from load.records import Article


def incidents(nlp, text, published="2024-06-05"):
    doc = nlp(text)
    return extract(doc, Article(path="t.txt", sha256="", text=text, published=published,
                                published_precision="day" if published else None))


def counts(incs):
    return sorted((c.kind, c.count) for i in incs for c in i.counts)


@pytest.mark.parametrize("text, expected", [
    ("The mayor of the river town was shot dead on Monday as she left her office, prosecutors said.", [("killed", 1)]),
    ("A constable was killed when a truck rammed a police barricade. The driver was arrested on Tuesday.",
     [("arrested", 1), ("killed", 1)]),
])
def test_a_definite_singular_person_named_for_the_first_time_counts_one(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("A soldier was killed in the blast near the camp. The soldier was buried in his village.", [("killed", 1)]),
    ("Gunmen stormed the farm at night. The victim was killed in his bed, police said.", []),
])
def test_the_person_told_before_is_not_counted_again(nlp, text, expected):
    assert counts(incidents(nlp, text)) == expected


def test_the_date_of_a_dateline_is_not_the_date_of_the_event(nlp):
    [incident] = incidents(nlp, "HILLTOWN, Sept 18 (Agency) - A reporter was shot dead in the market on Tuesday, police said.",
                           "2024-09-18")
    assert incident.date.iso == "2024-09-17"
    [undated] = incidents(nlp, "Hilltown, Aug 23: Twenty-seven pilgrims were killed when their bus fell into a gorge.",
                          "2024-08-23")
    assert undated.date is None or undated.date.iso is None


@pytest.mark.parametrize("text, expected", [
    ("A court sentenced the man who kidnapped the girl to 20 years in prison.", [("abducted", 1, "girl")]),
    ("The gunmen who killed five villagers fled into the forest.", [("killed", 5, "villagers")]),
    # suffered, not done: the noun is the victim
    ("Rescuers found the two hikers who died in the storm.", [("killed", 2, "hikers")]),
    ("The man who was kidnapped last week was released on Friday.", [("abducted", 1, "man"), ("released", 1, "man")]),
])
def test_the_subject_of_a_relative_clause_with_an_object_did_it(nlp, text, expected):
    assert sorted((c.kind, c.count, c.victims) for i in incidents(nlp, text) for c in i.counts) == expected
