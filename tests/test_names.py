"""Cross-article name matching: transliterations meet, different people sharing a name stay apart."""
import pytest

from load.names import fuller, name_key, same_person, strip_titles


@pytest.mark.parametrize("a, b", [
    ("Mohammad", "Muhammad"),
    ("Mohammed", "Muhammad"),
    ("Mehmood", "Mahmoud"),
    ("Mahmood", "Mehmood"),
    ("Hossein", "Hussain"),
    ("Baqeri", "Bagheri"),
    ("Javad", "Jawad"),
    ("Zareef", "Zarif"),
    ("Abdolrahim", "Abdulrahim"),
    ("Abdullah", "Abdulla"),
])
def test_transliteration_variants_fold_together(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Hassan", "Hussein"), ("Mohammad", "Mahmoud"), ("Khan", "Kan")])
def test_different_names_stay_different(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_drops_ranks_and_honorifics():
    assert name_key("Maj Gen Mohammad Hossein Bagheri") == name_key("Muhammad Hussain Baqeri")
    assert name_key("Dr. Ali Akbar Velayati") == name_key("Ali Akbar Velayati")


def test_fuller_given_names_merge():
    assert same_person("Mohammad Baqeri", "Iran", ["Chief of Staff"],
                       "Mohammad Hossein Bagheri", None, ["Chief of Staff of the Armed Forces"])
    assert same_person("Shah Mahmoud Qureshi", None, [], "Shah Mehmood Qureshi", "Pakistan", ["Foreign Minister"])


def test_two_khans_stay_apart():
    assert not same_person("Imran Khan", "Pakistan", ["Prime Minister"], "Ayub Khan", "Pakistan", ["President"])
    assert not same_person("Sarfraz Ali", None, [], "Asif Ali", None, [])


def test_bare_surname_is_compatible_but_posts_and_countries_must_agree():
    assert same_person("Baqeri", None, [], "Mohammad Hossein Baqeri", "Iran", ["Chief of Staff"])
    assert not same_person("Baqeri", None, ["Ambassador"], "Mohammad Hossein Baqeri", None, ["Chief of Staff"])
    assert not same_person("Mohammad Javad Zarif", "Iran", [], "Mohammad Javad Zarif", "Pakistan", [])


def test_given_name_alone_matches_only_its_own_person():
    assert same_person("Imran", None, [], "Imran Khan", None, [])
    assert not same_person("Ayub", None, [], "Imran Khan", None, [])


def test_fuller_picks_the_fullest_spelling():
    assert fuller("Mohammad Baqeri", "Mohammad Hossein Baqeri") == "Mohammad Hossein Baqeri"
    assert fuller("Javad Zarif", "Mohammad Javad Zarif") == "Mohammad Javad Zarif"
    assert fuller("A B", "C D") == fuller("C D", "A B")


def test_strip_titles():
    assert strip_titles("Lt Gen Asim Munir") == "Asim Munir"
    assert strip_titles("Major General Seyed Abdolrahim Mousavi") == "Abdolrahim Mousavi"


def test_a_son_named_after_his_father_is_another_person():
    assert not same_person("Khalid bin Saeed Al Nuaimi", None, None, "Saeed bin Khalid bin Saeed Al Nuaimi", None, None)
    assert same_person("Khalid bin Saeed Al Nuaimi", None, None, "Khalid bin Saeed bin Hamad Al Nuaimi", None, None)
