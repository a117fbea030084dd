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


@pytest.mark.parametrize("text, name", [
    # a surname in capitals, first (Japanese and Korean ministries) or last (French style)
    ("On May 3, Ms. TANAKA Hiroko, Minister for Foreign Affairs, held a meeting with the envoy.", "TANAKA Hiroko"),
    ("Mr. PARK Min-soo, Minister of Unification, visited the border.", "PARK Min-soo"),
    # a short function-word surname after a post the model does not tag ("To Lam", "Do Van")
    ("General Secretary of the Communist Party of Vietnam To Hung on Monday received the envoy.", "To Hung"),
    ("President To Hung met Prime Minister Luong Van in Hanoi.", "To Hung"),
    # a regnal number stays with the name
    ("The envoy conveyed a message from King Faisal II to Foreign Minister Faisal Al-Hamad.", "Faisal II"),
])
def test_official_name_styles(nlp, text, name):
    assert name in names(nlp(text))


def test_a_headline_in_title_case_makes_no_function_word_surname(nlp):
    assert names(nlp("Prime Minister To Visit India Next Week")) == []


def test_a_name_in_page_capitals_is_canonical_in_its_plain_spelling():
    from load.names import fuller

    assert fuller("TANAKA Hiroko", "Tanaka Hiroko") == fuller("Tanaka Hiroko", "TANAKA Hiroko") == "Tanaka Hiroko"


def posts_of(nlp, text):
    from load.people import extract
    from load.records import Article

    return {p.name: [t.post for t in p.titles] for p in extract(nlp(text), Article(path="x.txt", sha256="", text=text))}


@pytest.mark.parametrize("text, name, expected", [
    # a second post after a dash, or after a comma following a deputy prime minister's post
    ("Deputy Prime Minister - Minister of Foreign Affairs Arman Seitkali held talks in Astana.", "Arman Seitkali",
     ["Deputy Prime Minister", "Minister of Foreign Affairs"]),
    ("The bank's team met Deputy Prime Minister, Minister of Economy and Finance Bakhtiyor Rakhimov.",
     "Bakhtiyor Rakhimov", ["Deputy Prime Minister", "Minister of Economy and Finance"]),
    # a whole second post after an "and" inside the first post's scope
    ("The talks were attended by Sheikh Rashid Al Mansoori, Deputy Ruler of Sharjah and National Security "
     "Advisor.", "Rashid Al Mansoori", ["Deputy Ruler of Sharjah", "National Security Advisor"]),
    # the state's form after a nationality belongs to the country ("President of the Kyrgyz Republic")
    ("The President of the Kyrgyz Republic Almaz Osmonov arrived in Tashkent.", "Almaz Osmonov", ["President"]),
])
def test_stacked_and_state_form_posts(nlp, text, name, expected):
    assert posts_of(nlp, text)[name] == expected


def test_a_comma_after_another_post_is_a_list_of_people(nlp):
    assert posts_of(nlp, "The delegation met the President, Prime Minister Ali Khan and others.")["Ali Khan"] == [
        "Prime Minister"]


def test_a_styled_name_after_a_post_and_a_comma_is_met(nlp):
    from tests.test_meetings import pairs, read

    found = read(nlp, "The President of the Commission, Dr. Amadou Diallo, on Monday paid a courtesy visit to the "
                      "President of the Republic of Mali, H.E. Ibrahim Keita, at the palace in Bamako.")
    assert frozenset({"Diallo", "Keita"}) in pairs(found)


def test_a_word_in_capitals_after_a_name_and_a_lower_case_post_before_a_country(nlp):
    assert names(nlp("The Prophet Muhammad SAW was born in Mecca.")) != ["Muhammad SAW"]
    assert "Laura Benton" in names(nlp("Former U.S. ambassador to Ukraine Laura Benton has a net worth of $2 million."))


@pytest.mark.parametrize("text, name, expected", [
    # a style of address with its article between the post and the name (Caribbean and Commonwealth usage)
    ("The Prime Minister of Grenada, the Hon. Marcus Joseph, met the envoy.", "Marcus Joseph", ["Prime Minister"]),
    ("Prime Minister the Most Hon. Devon Clarke welcomed the delegation.", "Devon Clarke", ["Prime Minister"]),
    ("She called on the Governor-General, His Excellency the Most Hon. Sir Paul Reid, at the residence.",
     "Paul Reid", ["Governor-General"]),
    # "led by <post>, X": the post is X's
    ("The minister met a delegation led by Deputy Foreign Minister for the Caribbean, Ramon Salas.", "Ramon Salas",
     ["Deputy Foreign Minister for the Caribbean"]),
    # a post "for"/"to" another post, no article between: the name holds the second
    ("The readout was issued by the Spokesperson for UN Secretary-General Paolo Ferreira.", "Paolo Ferreira",
     ["UN Secretary-General"]),
    ("The Special Assistant to the President on Media, Kola Bello, spoke.", "Kola Bello",
     ["Special Assistant to the President on Media"]),
    # a form of address of Southern Africa: no part of the name
    ("Vice President Cde Tendai Moyo met the Zambian delegation.", "Tendai Moyo", ["Vice President"]),
])
def test_styles_of_address_and_posts_of_another_post(nlp, text, name, expected):
    assert posts_of(nlp, text)[name] == expected


def test_a_portfolio_ending_in_expatriates_is_no_part_of_the_name(nlp):
    text = "The King received Deputy Prime Minister and Minister of Foreign Affairs and Expatriates Omar Nasser."
    assert "Omar Nasser" in posts_of(nlp, text)


def test_a_post_with_its_country_after_the_portfolio_is_a_role_of_that_country(nlp):
    """ "the Minister of Foreign Affairs of Ukraine met ...": the one Ukrainian holder of the post, though
    another foreign minister is named."""
    from load.people import extract
    from load.records import Article

    text = ("Minister of Foreign Affairs of Ukraine Ivan Hordienko held a meeting with Minister of Foreign and "
            "European Affairs of the Slovak Republic Peter Kovac. The Ministers discussed demining. The same day, "
            "the Minister of Foreign Affairs of Ukraine met with the Secretary General of the Council of Europe "
            "Anna Berg.")
    found = {p.name: p for p in extract(nlp(text), Article(path="x.txt", sha256="", text=text))}
    assert [m.text for m in found["Ivan Hordienko"].mentions if m.kind == "role"] == [
        "the Minister of Foreign Affairs of Ukraine"]


@pytest.mark.parametrize("text, name", [
    # initials without full stops, "A" among them, after an honorific or a post
    ("Foreign Minister Dr A K Rahman Chowdhury met the envoy at the ministry.", "A K Rahman Chowdhury"),
    ("Planning Minister M A Karim held talks with the World Bank team.", "M A Karim"),
    # a regnal number inside a royal name
    ("King Olav XII Harald and Queen Sonja welcomed the president.", "Olav XII Harald"),
    # a quoted nickname after the name is neither the name nor a product title that unmakes it
    ("Prime Minister Ram Bahadur Thapa 'Badal' met party chair Upendra Yadav at Baluwatar.", "Ram Bahadur Thapa"),
])
def test_initials_regnal_numbers_and_nicknames(nlp, text, name):
    assert name in names(nlp(text))


def test_a_lone_capital_a_is_still_an_article(nlp):
    assert "A Kenyan" not in " ".join(names(nlp("A Kenyan delegation met President Ruth Wanjiku in Nairobi.")))


@pytest.mark.parametrize("text, name, expected", [
    # a dateline glued to the post by a dash ("ABUJA—President X") is no part of the post
    ("ABUJA—President Musa Garba, on Monday, received the envoy at the State House.", "Musa Garba", ["President"]),
    ("ABUJA-President Musa Garba, on Monday, received the envoy at the State House.", "Musa Garba", ["President"]),
    # "Leader of the Opposition in the House of Assembly X": the scope after the post's own "of the" phrase
    ("Leader of the Opposition in the House of Assembly Allan Charles met the envoy on Tuesday.", "Allan Charles",
     ["Leader of the Opposition in the House of Assembly"]),
])
def test_datelines_and_scopes_before_the_name(nlp, text, name, expected):
    assert posts_of(nlp, text)[name] == expected


def test_a_nationality_before_a_listed_portfolio_and_a_comma(nlp):
    text = ("The minister held talks in Rabat with Mauritanian Minister of Foreign Affairs, Cooperation and "
            "Mauritanians Abroad, Ahmed Ould Salem.")
    assert posts_of(nlp, text)["Ahmed Ould Salem"] == ["Minister of Foreign Affairs"]
