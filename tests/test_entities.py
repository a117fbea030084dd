"""The people layer's corrections of en_core_web_sm's PERSON entities, on news-style text."""


def people(doc):
    return [(e.text, e._.rank, e._.honorific) for e in doc.ents if e.label_ == "PERSON"]


def test_ranks_are_split_off_and_kept(nlp):
    doc = nlp("Army Chief Gen Nadeem Akhtar met Maj Gen Tariq Mahmood and Air Chief Marshal Kamal Saeed in Rawalpindi.")
    assert ("Nadeem Akhtar", "Gen", None) in people(doc)
    assert ("Tariq Mahmood", "Maj Gen", None) in people(doc)
    assert ("Kamal Saeed", "Air Chief Marshal", None) in people(doc)


def test_rank_and_honorific_chain(nlp):
    doc = nlp("Commander Major General Seyed Hamid Rezaei inspected the border posts on Sunday.")
    assert ("Hamid Rezaei", "Major General", "Seyed") in people(doc)


def test_name_after_rank_that_the_model_missed(nlp):
    doc = nlp("Navy Spokesman Rear Admiral Javed Iqbal tweeted that the exercise had ended.")
    assert ("Javed Iqbal", "Rear Admiral", None) in people(doc)


def test_surname_introduced_with_full_name_is_a_person_everywhere(nlp):
    doc = nlp("Foreign Minister Farhad Qaderi arrived in Kabul on Monday. "
              "Qaderi said the talks were useful. Later, Qaderi met traders.")
    names = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert names.count("Qaderi") == 2


def test_honorific_inside_an_organisation_entity(nlp):
    doc = nlp("In his talks with Secretary National Security Council Mr Karimi, the minister spoke of trade.")
    assert ("Karimi", None, "Mr") in people(doc)


def test_groups_and_platforms_are_not_people(nlp):
    doc = nlp("The attack was claimed by the so-called Lashkar al-Sharq militant group. "
              "The minister wrote on Twitter that he condemned it.")
    assert not people(doc)
    assert "Lashkar al-Sharq" in [e.text for e in doc.ents if e.label_ == "ORG"]


def test_boilerplate_is_not_a_person(nlp):
    doc = nlp("The minister left.\n\nRELATED ARTICLES\n- Advertisment -\n\nMost Popular")
    assert not people(doc)


def test_secretary_general_is_a_post_not_a_rank(nlp):
    doc = nlp("UN Secretary General Antonio Guterres called for restraint.")
    assert ("Antonio Guterres", None, None) in people(doc)
