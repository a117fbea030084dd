"""The people layer: corrects en_core_web_sm's PERSON entities after "ner".

The small model makes the same mistakes in every news article: it glues ranks
onto names ("Maj Gen Mohammad Baqeri"), cuts names short ("Shah Mehmood" +
"Qureshi"), tags a surname it has seen as a full name as GPE or ORG the next
time ("Qureshi", "Zarif"), misses names that follow a rank ("Maj Gen Asif
Ghafoor"), and calls groups, platforms and boilerplate people ("Jaish al-Adl",
"Twitter", "RELATED ARTICLES"). It also cuts hyphenated given names short
("Kim Yeon" for a "Kim Yeon-chul"), labels a full name ORG while it labels the
surname a person, and takes countries ("Burkina Faso"), companies and institutions
for people. This component rewrites ``doc.ents`` so that PERSON spans cover exactly
the name, records the rank, honorific and royal or religious title that stood before
each name (``span._.rank``, ``span._.honorific``, ``span._.royal``,
``span._.prefix_start``), and the countries the text names (``doc._.countries``,
from ``load.countries``). It knows ranks, honorifics, post words and nationalities,
never particular people. The words around a name it reads are in ``load.name_words``; the
names a post or a description tells, in ``load.post_names``; names found by their place beside
other names, and products, in ``load.listed_names``.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import doc_cache
from .countries import CountryMatcher, countries_table
from .names import HONORIFICS, NAME_PARTICLES, RANKS, ROYAL_TITLES, plain
from .name_words import (
    COMPANY_WORDS, DASHES, FACILITY_NOUNS, INSTITUTION_ENDS, NAME_SUFFIXES, ORG_HEAD_NOUNS, ORG_WORDS,
    PLATFORMS, POSSESSIVE, POST_PAIRS, PRODUCT_ENDS, ROYAL_WORDS, affiliation, dotted_initials, end_of_name,
    function_word_surname, hyphen_part, initials_word, is_post_word, joins_name, name_adjective, name_like,
    single_initial,
    name_word, pronoun_surname, REGNAL_NUMBER, surname_in_capitals)
from .listed_names import (
    listed_full_names, names_after_countries, nicknamed_names, not_jurisdictions, not_products)
from .post_names import (
    COMPASS, PORTFOLIO_PLURALS, after_portfolios, before_name_candidates, described_names, is_city,
    is_country, longest_run, post_phrase_ends_at, scope_city, stands_before_name, venue_of_event)

# --- Span extensions ---------------------------------------------------------------------


@dataclass(frozen=True)
class NamePrefix:
    """What stood before a name: "Maj Gen" (rank), "Seyed" (honorific), where it began."""

    start: int                 # token index where the rank/honorific begins (= name start if none)
    rank: str | None = None
    honorific: str | None = None
    royal: str | None = None   # a royal or religious title that stands before the name ("King", "Pope")


def name_prefix(span: Span) -> NamePrefix:
    """What stood before a PERSON span (``span._.rank``, ``.honorific``, ``.royal`` and
    ``.prefix_start`` in one look-up: a reader of all four saves three)."""
    table = doc_cache.memo(span.doc, _name_prefixes)   # a Doc extension costs an object per look-up
    found = table.get((span.start, span.end)) if table else None
    return found if found is not None else NamePrefix(span.start)


def _name_prefixes(doc: Doc) -> dict | None:
    return doc._.name_prefixes


if not Doc.has_extension("name_prefixes"):
    Doc.set_extension("name_prefixes", default=None)   # {(start, end): NamePrefix}
if not Span.has_extension("rank"):
    Span.set_extension("rank", getter=lambda span: name_prefix(span).rank)
    Span.set_extension("honorific", getter=lambda span: name_prefix(span).honorific)
    Span.set_extension("prefix_start", getter=lambda span: name_prefix(span).start)
    Span.set_extension("royal", getter=lambda span: name_prefix(span).royal)


# --- the component ------------------------------------------------------------------------


def _phrase_variants(phrase: str) -> list[str]:
    """ "maj gen" -> "maj gen", "maj. gen.", "Maj Gen", "Maj.-Gen.", ... as the tokenizer sees them."""
    words = phrase.split()
    variants = [""]
    for w in words:
        variants = [f"{v} {form}".strip() for v in variants for form in (w, w + ".")]
    hyphenated = [v.replace(" ", "-") for v in variants if " " in v]
    return variants + [v.title() for v in variants] + hyphenated + [v.title() for v in hyphenated]


# Styles of a monarch: the royal word after them is the title ("His Majesty King X").
_ROYAL_STYLES = {"his majesty", "her majesty"}


class PeopleLayer:
    """Rewrites PERSON entities; see the module docstring."""

    def __init__(self, nlp: Language):
        self.countries = CountryMatcher(nlp.vocab, nlp.make_doc)
        self.prefixes = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in (("RANK", RANKS), ("HONORIFIC", HONORIFICS), ("ROYAL", ROYAL_TITLES)):
            docs = [nlp.make_doc(v) for p in phrases for v in _phrase_variants(p)]
            self.prefixes.add(label, docs)

    def __call__(self, doc: Doc) -> Doc:
        doc._.countries = countries = self.countries(doc)
        doc_cache.forget(doc, countries_table)
        prefixes = self._prefix_spans(doc)
        people: list[Span] = []
        orgs: list[Span] = []
        ents = doc.ents    # the model's; spaCy makes them anew on each access
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            span = self._clean_person(doc, ent, prefixes)
            if span is None:
                continue
            if is_country(span, countries):
                continue          # "Burkina Faso", "Congo": a place the model took for a name
            if is_city(doc, span):
                orgs.append(Span(doc, span.start, span.end, label="GPE"))   # "of Sioux Falls"
            elif self._is_organisation(doc, span):
                orgs.append(Span(doc, span.start, span.end, label="ORG"))
            else:
                people.append(span)
        people.extend(p for p in self._after_prefixes(doc, prefixes) if not self._is_organisation(doc, p))
        people.extend(described_names(doc))
        # the model's own ORG spans that are organisations by their shape ("Walter Reed hospital")
        org_texts = {plain(o.text) for o in orgs} | {plain(e.text) for e in ents
                                                      if e.label_ in ("ORG", "FAC") and self._is_organisation(doc, e)}
        people = [p for p in filter_spans(people) if plain(p.text) not in org_texts]
        people.extend(self._mislabelled_full_names(doc, ents, people))
        people.extend(listed_full_names(doc, people, prefixes, countries, self._is_organisation))
        people.extend(names_after_countries(doc, ents, countries, self._is_organisation))
        people.extend(nicknamed_names(doc))
        people = filter_spans(people)
        people.extend(self._known_name_words(doc, people, orgs))
        people = not_jurisdictions(doc, not_products(doc, filter_spans(people)))
        doc._.name_prefixes = {(p.start, p.end): self._prefix_before(doc, p.start, prefixes) for p in people}
        doc_cache.forget(doc, _name_prefixes)
        doc.ents = self._merge(doc, ents, people, orgs)
        return doc

    # Ranks and honorifics: token index where each prefix phrase ends -> (start, label, text).
    def _prefix_spans(self, doc: Doc) -> dict[int, tuple[int, str, str]]:
        found: dict[int, tuple[int, str, str]] = {}
        matches = [Span(doc, s, e, label=m) for m, s, e in self.prefixes(doc)]
        for span in filter_spans(matches):           # longest reading: "Maj Gen", not "Gen"
            first = span[0]
            if not (first.is_title or first.is_upper):   # "the general said" is not a rank
                continue
            before = span.start - 2 if span.start > 1 and doc[span.start - 1].text == "-" else span.start - 1
            if before >= 0 and doc[before].lower_ in POST_PAIRS.get(plain(span.text), ()):
                continue          # "Director-General Analysis": no rank, no name
            found[span.end] = (span.start, span.label_, span.text)
            end = span.end
            if (span.label_ in ("RANK", "HONORIFIC") and end + 2 < len(doc) and doc[end].text == "("
                    and doc[end + 1].lower_.rstrip(".") in ("retd", "retired", "r") and doc[end + 2].text == ")"):
                found[end + 3] = (span.start, span.label_, span.text)   # "Gen. (retd) X", "Justice (retd) Y"
        # "Dr. Sultan Ahmed X", "Sheikh Sultan bin X": a royal word after an honorific is a given name.
        for end, (start, label, _) in list(found.items()):
            if label == "ROYAL" and start in found and found[start][1] in ("HONORIFIC", "RANK", "ROYAL") \
                    and plain(found[start][2]) not in _ROYAL_STYLES:
                del found[end]     # (also after a rank or a royal title: "General Amir X", "Prince Sultan bin X")
        return found

    def _prefix_before(self, doc: Doc, start: int, prefixes) -> NamePrefix:
        """Walk back over the ranks and honorifics chained before a name ("Major General Seyed")."""
        found = {"RANK": None, "HONORIFIC": None, "ROYAL": None}
        i = start
        while i in prefixes:
            begin, label, text = prefixes[i]
            if found[label] is not None and label != "HONORIFIC":
                break
            # honorifics stack ("Tengku Datuk Seri X", "Datuk Seri Dr Y", "H.E. Mr Z"): the one nearest the name is kept
            found[label] = found[label] or text
            i = begin
            if label == "HONORIFIC" and i > 0 and doc[i - 1].lower_ == "the" and i - 1 in prefixes \
                    and prefixes[i - 1][1] == "HONORIFIC":
                i -= 1     # "His Excellency the Most Hon. Sir X": styles joined by "the"
        return NamePrefix(i, found["RANK"], found["HONORIFIC"], found["ROYAL"])

    def _clean_person(self, doc: Doc, ent: Span, prefixes) -> Span | None:
        """The name inside a model PERSON span: prefixes and possessives off, cut names completed."""
        if "\n" in ent.text or name_adjective(doc, ent.start, ent.end):
            return None                                  # "Anwar Ibrahim-style reforms"
        start, end = ent.start, ent.end
        for k in range(start + 1, end):
            if doc[k].text in DASHES and (doc[k].whitespace_ or doc[k - 1].whitespace_):
                end = k                                  # "X - project manager ...", "X - and I ..."
                break
        while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct
                               or doc[end - 1].lower_ in NAME_SUFFIXES):
            end -= 1                                     # "X's", "Lloyd J. Austin III", "X Jr."
        # token index inside a rank or honorific -> where that prefix ends
        prefix_end_at = {i: e for e, (s, _, _) in prefixes.items() for i in range(s, e)}
        while start < end:
            if start in prefix_end_at and prefix_end_at[start] <= end:
                start = prefix_end_at[start]
            elif ((is_post_word(doc[start]) and not (start in prefixes and doc[start].lower_ in ROYAL_WORDS))
                  or (doc[start].is_stop and not pronoun_surname(doc, start)) or doc[start].is_punct
                  or doc[start].lower_ in ORG_WORDS   # "Spokesman for the [Presidency X]"
                  or affiliation(doc[start])         # "[Republican] X", "[North Korea] X"
                  or scope_city(doc, start, end)):   # "IGP [Islamabad] X Y"
                start += 1
            else:
                break
        if start >= end or all(i in prefix_end_at for i in range(start, end)):
            return None                                  # a rank alone: "Gen" of "Gen (retd) X"
        if start > 0 and doc[start - 1].text == "#":     # a hashtag
            return None
        while (start > 0 and start not in prefixes and not doc[start].is_sent_start
               and (name_like(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and not affiliation(doc[start - 1])
                    and not scope_city(doc, start - 1, end)
                    or function_word_surname(doc, start - 1) or pronoun_surname(doc, start - 1)
                    or (start - 1 in prefixes and doc[start - 1].lower_ in ROYAL_WORDS and doc[start - 1].is_title
                        and plain(prefixes[start - 1][2]) not in _ROYAL_STYLES))):
            start -= 1                                   # "Muhammad" + model's "Javad Zarif"; "Secretary Do" + "Quang Vinh"
        if start - 1 in prefixes and prefixes[start - 1][1] == "HONORIFIC" and doc[start - 1].lower_ in ROYAL_WORDS \
                and plain(prefixes[start - 1][2]) not in _ROYAL_STYLES:
            start -= 1                                   # "Dr." + "Sultan" + "Ahmed X": a given name
        start = after_portfolios(doc, start, end)      # "Minister of Petroleum and [Mineral Resources] X Y"
        prefix_starts = {s for s, _, _ in prefixes.values()}
        if end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end - 1].lower_ in NAME_PARTICLES \
                and joins_name(doc, end - 1):
            end += 1                                     # the model's "Ursula von" + "der Leyen"
        if (end < len(doc) and (name_like(doc[end]) or hyphen_part(doc, end)) and not doc[end].is_sent_start
                and end not in prefix_starts):     # "[Diwan] Sheikh Ahmad X": the honorific opens another name
            end = max(end, end_of_name(doc, end - 1, stops=prefix_starts) if hyphen_part(doc, end)
                      else end_of_name(doc, end, stops=prefix_starts))
        if end < len(doc) and pronoun_surname(doc, end) and not doc[end].is_sent_start:
            end += 1                                     # "Liu" + "He"
        if end < len(doc) and doc[end].text and REGNAL_NUMBER.match(doc[end].text) and start in prefixes \
                and prefixes[start][1] == "ROYAL":
            end += 1                                     # "King Abdullah II": not "Abdullah" of another name
        # A mention stays inside its sentence (records point to one sentence).
        sent_start = doc[end - 1].sent.start
        start = max(start, sent_start)
        span = Span(doc, start, end, label="PERSON")
        for k, t in enumerate(span):
            if name_word(t) or t.lower_ in NAME_PARTICLES or (t.text == "-" and not t.whitespace_):
                continue
            if k > 0 and span[k - 1].text == "-" and t.is_alpha:
                continue                                 # "Young-moo"
            if k < len(span) - 1 and (initials_word(t) and k == 0 or single_initial(t)) \
                    and all(single_initial(u) or initials_word(u) and u.i == span.start for u in span[:k]):
                continue                                 # "RK Singh", "A K Abdul Momen"
            if k < len(span) - 1 and dotted_initials(t):
                continue                                 # "Jonathan P. Blair", "M.K. Stalin"
            if k == 0 and (function_word_surname(doc, t.i) or pronoun_surname(doc, t.i)):
                continue                                 # "Do Quang Vinh"
            if surname_in_capitals(span, k):
                continue                                 # "KAMIKAWA Yoko"
            if k > 0 and REGNAL_NUMBER.match(t.text) and start in prefixes and (
                    k == len(span) - 1 or name_word(span[k + 1])):
                continue                                 # "Abdullah II", "Carl XVI Gustaf"
            return None                                  # boilerplate ("RELATED ARTICLES"), odd tokens
        return span

    @staticmethod
    def _is_organisation(doc: Doc, span: Span) -> bool:
        """Platforms, names followed by a group noun ("Jaish al-Adl terrorist group"), and
        capitalised words inside a company's name ("Major Bridge Engineering Company"); the agency
        in brackets after a dateline's date ("Havana, Sep 20 (Prensa Latina)")."""
        if (len(span) == 1 and span[0].lower_ in PLATFORMS) or span[-1].lower_ in INSTITUTION_ENDS:
            return True
        if len(span) > 1 and span[-1].lower_ in PRODUCT_ENDS:
            return True     # products on review and shopping pages ("Nintendo Switch Lite", "Premiere Edition")
        if (span.start >= 2 and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"
                and (doc[span.start - 2].ent_type_ == "DATE" or doc[span.start - 2].like_num)):
            return True
        if (span.start > 0 and doc[span.start - 1].lower_ == "at" and span.end + 1 < len(doc)
                and doc[span.end].lower_ == "in" and doc[span.end + 1].ent_type_ in ("GPE", "LOC")):
            return True     # a venue: "received X at Qasr Al Watan in Abu Dhabi"
        if venue_of_event(doc, span):
            return True     # "the meeting, held at Qasr Al Watan, ..."
        if span.end < len(doc) and doc[span.end].is_title and doc[span.end].lower_ in COMPANY_WORDS:
            return True
        j = span.end
        while j < len(doc) and j - span.end < 3:
            tok = doc[j]
            if tok.lower_ in ORG_HEAD_NOUNS or tok.lower_ in FACILITY_NOUNS:
                return True
            if not (tok.is_lower and tok.pos_ in ("ADJ", "NOUN")):
                return False
            j += 1
        return False

    def _after_prefixes(self, doc: Doc, prefixes) -> list[Span]:
        """Names the model missed after a rank or honorific ("Maj Gen Asif Ghafoor"), or a
        full name after a post (``stands_before_name``)."""
        spans = []
        starts = {s for s, _, _ in prefixes.values()}
        in_prefix = {i for e, (s, _, _) in prefixes.items() for i in range(s, e)}
        for end in prefixes:
            if end < len(doc) and end not in starts:   # "Major General Seyed ...": the name comes later
                name_end = end_of_name(doc, end)
                if name_end > end and name_end < len(doc) and prefixes[end][1] == "ROYAL" \
                        and REGNAL_NUMBER.match(doc[name_end].text):
                    name_end += 1        # "King Abdullah II"
                    if name_end < len(doc) and name_like(doc[name_end]) and name_end not in starts:
                        name_end = end_of_name(doc, name_end)     # "King Carl XVI Gustaf"
                if name_end > end:
                    spans.append(Span(doc, end, name_end, label="PERSON"))
        for i in before_name_candidates(doc):
            tok = doc[i]
            if stands_before_name(doc, tok) and tok.i not in in_prefix and tok.i + 1 not in in_prefix \
                    and doc[tok.i + 1].lower_ not in COMPASS:
                # (a name does not start with a region's second word: "Minister for the Middle [East] X")
                # "Minister for Water [Resources] Syed Ali Shah": the run stops where an honorific begins
                name_end = end_of_name(doc, tok.i + 1, stops=starts)
                first = tok.i + 1
                while first < name_end and scope_city(doc, first, name_end):   # "DIG Operations Quetta X Y"
                    first += 1
                    if first in starts:
                        break        # "IGP Sindh Dr X": the honorific's own reading finds the name
                    name_end = max(name_end, end_of_name(doc, first, stops=starts))
                while first < name_end - 2 and (doc[first].lower_ in PORTFOLIO_PLURALS
                                                or doc[first].tag_ == "NNPS" and doc[first].lower_.endswith("s")):
                    first += 1       # "Minister of Petroleum and Mineral [Resources] X Y": the portfolio's end
                if name_end == first and function_word_surname(doc, first, after_post=True):
                    name_end = end_of_name(doc, first + 1, stops=starts)   # "General Secretary To Lam"
                if name_end - first >= 2 and first not in starts:
                    spans.append(Span(doc, first, name_end, label="PERSON"))
            elif tok.text == "," and tok.i > 0 and tok.i + 1 not in in_prefix and post_phrase_ends_at(doc, tok.i - 1):
                # "the Ambassador of Brazil to Malaysia, Ricardo Alves Pereira, ..."
                name_end = end_of_name(doc, tok.i + 1, stops=starts)
                if name_end - (tok.i + 1) >= 2 and (name_end >= len(doc) or doc[name_end].text in (",", ")", ".")):
                    spans.append(Span(doc, tok.i + 1, name_end, label="PERSON"))
        return spans

    @staticmethod
    def _mislabelled_full_names(doc: Doc, ents: tuple[Span, ...], people: list[Span]) -> list[Span]:
        """A full name the model labelled ORG where it labelled the surname alone a person
        ("Marta Okafor" ORG, "Okafor" PERSON): a run of name words ending in that surname.
        Places are left alone: the model also calls a city a person, and "New <city>" is none."""
        surnames = {p[-1].lower_ for p in people}
        return [Span(doc, ent.start, ent.end, label="PERSON") for ent in ents
                if ent.label_ == "ORG" and 2 <= len(ent) <= 4 and not PeopleLayer._is_organisation(doc, ent)
                and ent[-1].lower_ in surnames and name_like(ent[0])
                and all(name_like(t) or t.lower_ in NAME_PARTICLES for t in ent)]

    @staticmethod
    def _known_name_words(doc: Doc, people: list[Span], orgs: list[Span]) -> list[Span]:
        """Words of full names seen in this article are that person elsewhere, whatever the
        model called them ("Qureshi" as GPE, "Imran" as ORG)."""
        known = {t.lower_ for p in people if len(p) > 1 for t in p if name_word(t) and t.lower_ not in NAME_PARTICLES}
        taken = {i for s in people + orgs for i in range(s.start, s.end)}
        spans = []
        resume = 0
        known_ids = {get_string_id(word) for word in known}   # as the Doc's LOWER array holds them
        for i, lower in enumerate(doc.to_array(LOWER).tolist() if known else ()):
            if lower not in known_ids or i < resume or i in taken or not doc[i].is_title:
                continue
            if doc[i].is_stop and (doc[i].is_sent_start or doc[i].pos_ == "PRON"):
                continue          # "He said ...": the pronoun, not the surname of a "Liu He"
            j = i
            while j < len(doc) and j not in taken and doc[j].is_title and doc[j].lower_ in known:
                j += 1
            # Standalone only: part of a longer proper noun ("Khan Research Laboratories") is not a name.
            before_ok = i == 0 or not name_like(doc[i - 1])
            after_ok = j >= len(doc) or not (name_like(doc[j]) or doc[j].lower_ in ORG_WORDS)
            if before_ok and after_ok:
                spans.append(Span(doc, i, j, label="PERSON"))
            resume = j
        return spans

    @staticmethod
    def _merge(doc: Doc, ents: tuple[Span, ...], people: list[Span], orgs: list[Span]) -> list[Span]:
        """People and organisations replace the model's PERSON spans; other entities stay,
        trimmed where a name now covers part of them ("National Security Council Mr Shamkhani")."""
        covered = {i for s in people + orgs for i in range(s.start, s.end)}
        kept: list[Span] = []
        for ent in ents:
            if ent.label_ == "PERSON":
                continue
            free = [i for i in range(ent.start, ent.end) if i not in covered]
            if len(free) == len(ent):
                kept.append(ent)
            elif free:
                run = longest_run(free)
                while run and (doc[run[-1]].lower_.rstrip(".") in HONORIFICS + RANKS or doc[run[-1]].is_punct):
                    run.pop()
                if run:
                    kept.append(Span(doc, run[0], run[-1] + 1, label=ent.label_))
        return filter_spans(people + orgs + kept)


@Language.factory("newsfacts_people")
def make_people_layer(nlp: Language, name: str) -> PeopleLayer:
    return PeopleLayer(nlp)


def add_to(nlp: Language) -> None:
    """Add newsfacts' entity corrections after the model's NER."""
    if "newsfacts_people" not in nlp.pipe_names:
        nlp.add_pipe("newsfacts_people", after="ner")

