"""The array version of the model's attribute ruler must set exactly what the ruler sets."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from load.attribute_arrays import ArrayAttributeRuler, replace_attribute_ruler
from load.nlp import model_name

from .conftest import SEEDS

# Sentences of our own with the words the ruler corrects: contractions, "there is", pronouns,
# auxiliaries, "that" as relative and as conjunction, blank lines and runs of spaces.
SENTENCES = """\
I'd say there is nothing they can't do, and y'all know it: we're gonna win, ain't we?

Let's see whether she has been told that the deal, which he had signed, is off.
Somebody said   it was hers, not theirs; c'mon, gotta go.  "Well, here it is," he said.
The minister, who has served since 2019, did not attend; his deputy does.
"""


def token_attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def both_rulers(texts):
    """Each text through the model with its own ruler and with the array version (then the
    lemmatizer, which reads the parts of speech)."""
    nlp = spacy.load(model_name())
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    arrays = ArrayAttributeRuler.from_ruler(ruler)
    assert arrays is not None
    parsed = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    return ([token_attributes(lemmatizer(ruler(doc.copy()))) for doc in parsed],
            [token_attributes(lemmatizer(arrays(doc.copy()))) for doc in parsed])


def test_same_attributes_as_the_model_ruler_on_articles_and_contractions():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [SENTENCES]
    by_ruler, by_arrays = both_rulers(texts)
    assert sum(map(len, by_ruler)) > 2000
    for expected, got in zip(by_ruler, by_arrays):
        assert got == expected
    # The sentences reach the ruler's word-level corrections, not only its tag map.
    own = {(text, pos, lemma) for text, _, pos, _, lemma, _ in by_arrays[-1]}
    assert {("'d", "AUX", "would"), ("na", "PART", "to"), ("is", "VERB", "be"), ("ai", "VERB", "be"),
            ("y'", "PRON", "you")} <= own


def test_the_loaded_pipeline_runs_the_array_version_under_the_ruler_name(nlp):
    assert "attribute_ruler" in nlp.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    doc = nlp("They have been waiting there for hours.")
    assert [(t.pos_, t.lemma_) for t in doc][:3] == [("PRON", "they"), ("AUX", "have"), ("AUX", "be")]


def rule_pipeline(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def tagged(nlp, words, tags, deps):
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def test_later_patterns_win_and_tests_read_the_doc_before_any_change():
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"LOWER": {"IN": ["talks", "deal"]}}]], "attrs": {"POS": "PROPN"}},
        # Sets TAG; the next pattern must still see the old tag, as with spaCy's Matcher.
        {"patterns": [[{"TAG": "NN", "LOWER": "deal"}]], "attrs": {"TAG": "NNP", "LEMMA": "Deal"}},
        {"patterns": [[{"TAG": "NN", "DEP": {"NOT_IN": ["nsubj", ""]}}]], "attrs": {"MORPH": "Case=Acc"}},
        {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "that"}, "index": -2},
        {"patterns": [[{"LOWER": {"REGEX": "^ta(lk|x)"}}], [{"LOWER": "deal"}]], "attrs": {"POS": "X"}},
    ]
    words = ["The", "deal", "ended", "the", "talks", "and", "the", "deal"]
    tags = ["DT", "NN", "VBD", "DT", "NNS", "CC", "DT", "NN"]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "cc", "det", "conj"]
    nlp, ruler = rule_pipeline(patterns)
    arrays = ArrayAttributeRuler.from_ruler(ruler)
    expected = token_attributes(ruler(tagged(nlp, words, tags, deps)))
    assert token_attributes(arrays(tagged(nlp, words, tags, deps))) == expected
    assert expected[7][1:5] == ("NNP", "X", "Case=Acc", "Deal")   # a MORPH replaces the whole analysis


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "gon"}, {"LOWER": "na", "OP": "?"}],
    [{"_": {"flag": True}}],
    [{"LENGTH": {">=": 3}}],
])
def test_a_ruler_with_a_pattern_it_cannot_read_is_kept(pattern):
    nlp, ruler = rule_pipeline([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    assert ArrayAttributeRuler.from_ruler(ruler) is None
    assert replace_attribute_ruler(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler
