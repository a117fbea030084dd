"""One name per post (load.posts) and the countries that news names (load.countries)."""
import pytest

from load.countries import country_of
from load.posts import normalize_post, post_head


@pytest.mark.parametrize("name, spellings", [
    ("Minister of Defence", ["Defence Minister", "defense minister", "Minister of Defense",
                             "Minister of National Defence", "Minister for Defence"]),
    ("Chief of Army Staff", ["Army Chief", "army chief", "Chief of the Army Staff", "COAS",
                             "Army Chief of Staff", "military chief"]),
    ("Minister of Foreign Affairs", ["Foreign Minister", "FM", "Minister of Foreign Affairs"]),
    ("Prime Minister", ["Prime Minister", "PM", "premier"]),
    ("Vice Prime Minister", ["Vice-Premier", "vice premier", "Vice Prime Minister"]),
    ("Deputy Minister of Foreign Affairs", ["Deputy Foreign Minister", "deputy foreign minister"]),
    ("Secretary of Defence", ["Defense Secretary", "Secretary of Defense"]),
    ("Chief of Staff of Armed Forces", ["Armed Forces Chief of Staff", "Chief of Staff of the Armed Forces"]),
    ("National Security Adviser", ["National Security Advisor", "national security adviser", "NSA"]),
    ("Army Spokesperson", ["Army Spokesman", "army spokeswoman", "Army Spokesperson"]),
])
def test_spellings_of_one_post_have_one_name(name, spellings):
    assert {normalize_post(s) for s in spellings} == {name}


@pytest.mark.parametrize("post", [
    "Press Secretary", "Secretary General", "Secretary of State", "Chief Minister", "Union Minister",
    "Deputy Prime Minister", "Chief of Staff", "ISI Chief", "Minister of Electricity and Renewable Energy",
])
def test_distinct_posts_keep_their_own_name(post):
    assert normalize_post(post) == post


def test_posts_that_differ_stay_apart():
    assert normalize_post("Deputy Prime Minister") != normalize_post("Prime Minister")
    assert normalize_post("Chief of Naval Staff") != normalize_post("Chief of Army Staff")
    assert normalize_post("Director General Military Intelligence") == "Director General Military Intelligence"


def test_post_heads_singular_and_plural():
    assert post_head("Ministers") == "minister" and post_head("Secretaries") == "secretary"
    assert post_head("PMs") == "pm" and post_head("Chief") == "chief"
    assert post_head("Affairs") is None and post_head("Forces") is None


@pytest.mark.parametrize("text, country", [
    ("Iranian", "Iran"), ("Pakistan's", "Pakistan"), ("U.S.", "United States"), ("South Korean", "South Korea"),
    ("Saudi Arabia", "Saudi Arabia"), ("Burkinabe", "Burkina Faso"), ("Bulgarian", "Bulgaria"),
    ("People's Republic of China", "China"), ("DR Congo", "Democratic Republic of the Congo"),
])
def test_country_names_and_nationalities(text, country):
    assert country_of(text) == country


def test_country_matcher_reads_phrases_and_leaves_other_places(nlp):
    doc = nlp("Saudi Arabia's energy minister met South Korean officials and the senator from New Jersey, "
              "one of them told us.")
    found = {doc[i].text: hit[2] for i, hit in doc._.countries.items()}
    assert found["Saudi"] == found["Arabia"] == "Saudi Arabia"
    assert found["South"] == found["Korean"] == "South Korea"
    assert "Jersey" not in found and "us" not in found


def test_a_jurisdiction_before_a_qualified_post_is_not_a_portfolio():
    assert normalize_post("Assam Chief Minister") == "Chief Minister of Assam"
    assert normalize_post("Kerala Deputy Chief Minister") == "Deputy Chief Minister of Kerala"
    assert normalize_post("Chief Minister") == "Chief Minister"
    assert normalize_post("Water Resources Minister") == "Minister of Water Resources"
