"""Names, titles and meetings as ministries, state agencies and regional bodies write them: long
scopes before a name, styles of address, delegations (each form on a sentence of our own)."""
import pytest


def names(doc):
    return [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    # the last word of a long scope is no part of the name, whether the model starts the name there or we do
    ("The minister met the Deputy Prime Minister and Minister of Foreign and European Affairs of the Slovak "
     "Republic Miroslav Kovacik.", "Miroslav Kovacik"),
    ("She met Moldova's Deputy Prime Minister for European Integration Ana Rusu on Friday.", "Ana Rusu"),
    ("Federal Minister for Planning, Development and Special Initiatives Tariq Mehmood attended.", "Tariq Mehmood"),
    ("The delegation met the Deputy Speaker of the Sejm Anna Kowalczyk in Warsaw.", "Anna Kowalczyk"),
    ("The Minister of Foreign Affairs and International Cooperation Sok Vanna signed the accord.", "Sok Vanna"),
    # a country ending the scope ("... of the Republic of X Name"), a Burmese style, a monarch's style
    ("The President received the Minister of Foreign Affairs of the Republic of Kazakhstan Arman Seitkali.",
     "Arman Seitkali"),
    ("State Counsellor Daw Khin Mya Thein received the envoy.", "Khin Mya Thein"),
    ("The Prime Minister had an audience with His Majesty King Tupou Vaea at the palace.", "Tupou Vaea"),
])
def test_a_post_scope_ends_before_the_name(nlp, text, name):
    assert name in names(nlp(text))


def test_a_name_like_clement_is_still_a_name(nlp):
    assert "Clement Davies" in names(nlp("Opposition leader Clement Davies met the envoy on Monday."))


def test_a_compound_rank_with_full_stops_ends_no_sentence(nlp):
    doc = nlp("The talks were led by Maj.-Gen. Idris Kamara and Lt.-Gen. Omar Jallow of the army.")
    found = [(e.text, e._.rank) for e in doc.ents if e.label_ == "PERSON"]
    assert ("Idris Kamara", "Maj.-Gen.") in found and ("Omar Jallow", "Lt.-Gen.") in found
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text, pair", [
    ("President Ali Hassan received a delegation led by Trade Minister Paul Mensah on Monday. "
     "The delegation also met Finance Minister Grace Ochieng.", {"Mensah", "Ochieng"}),
    ("The Kenyan delegation was led by Interior Secretary John Kamau. The Ugandan delegation was led by "
     "Minister Ruth Nankya. The Kenyan delegation also called on President Samuel Otieno.", {"Kamau", "Otieno"}),
])
def test_the_delegation_is_its_leader_named_before(nlp, text, pair):
    from tests.test_meetings import pairs, read

    assert frozenset(pair) in pairs(read(nlp, text))
