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
