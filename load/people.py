"""People an article reports on: their name mentions, role mentions and titles.

``extract(doc, article)`` reads the PERSON spans left by ``load.entities`` and
returns one ``records.Person`` per person, with

* name mentions (kind="name"), grouped by name compatibility within the article
  ("Qamar Javed Bajwa", "Qamar Bajwa", "Bajwa");
* titles read by ``load.titles`` and ``load.title_reading`` from the patterns of English news (a title chain
  before the name, appositions, brackets and dashes, plural posts, royal titles), and
  "his Pakistani counterpart, X", who takes the other person's post;
* names that credit the piece's makers (``load.people_credits``: "Photo: X", "By X") left out;
* a plural post before a list of names, each name's own ("the defence ministers of A and B,
  X and Y": X's country is A, in the order listed);
* the person's country, from the nationality their titles and descriptions state;
* role mentions (kind="role"): definite descriptions such as "the army chief" or
  "Pakistan's top diplomat", linked only to the one person in the article whose
  titles (and country) fit.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from . import doc_cache
from .countries import countries_in
from .entities import name_prefix
from .names import fuller, name_key, plain, rank_words, same_person
from .listed_names import without_nickname
from .people_credits import byline_names, credited
from .post_names import bracket_after_post
from .posts import POST_HEADS, normalize_post
from .records import Article, Mention, Person, Title
from .title_appointments import appointment_chain, copular_chain, headed_title
from .title_reading import read_chain, royal_title, title_from_chain
from .title_words import CONNECTORS
from .titles import (
    Sentences, holder_post, left_apposition, left_chain, right_apposition, scope_after_name, shared_plural_post, split_on_and,
    stacked_post,
)

# Spelling variants of post words, so "the Chief of the Army" fits "military chief".
_POST_SYNONYMS = {"premier": "prime minister", "eam": "external affairs minister", "military": "army", "defense": "defence", "spokeswoman": "spokesman",
                  "spokesperson": "spokesman", "advisor": "adviser", "pm": "prime minister",
                  "fm": "foreign minister", "dg": "director general", "coas": "chief army staff",
                  "director-general": "director general", "gen": "general",
                  # short police and state posts ("the IGP called on the CM")
                  "igp": "police inspector general", "ig": "inspector general", "dig": "deputy inspector general",
                  "dgp": "police director general", "cm": "chief minister"}
_SECOND_IN_COMMAND = {"deputy", "vice", "assistant", "additional", "junior"}
# Posts of a country's leader ("the Venezuelan leader"); a unique holder in the article is meant.
_LEADER_POSTS = [{"president"}, {"prime", "minister"}, {"chancellor"}, {"premier"}, {"king"}, {"emir"},
                 {"sultan"}, {"supreme", "leader"}]
# Descriptions that stand for a post: "top diplomat" and "diplomatic chief" mean foreign minister.
_DESCRIBED_POSTS = [({"diplomat"}, ("minister", {"foreign"})),
                    ({"diplomatic", "chief"}, ("minister", {"foreign"})),
                    ({"head", "state"}, ("president", set()))]   # "the Head of State": the one president


def _post_words(text: str) -> set[str]:
    words: set[str] = set()
    for w in plain(text.replace("-", " ")).split():
        words.update(_POST_SYNONYMS.get(w, w).split())
    return words - CONNECTORS


# --- name mentions and clustering -------------------------------------------------------


@dataclass
class _Cluster:
    names: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    counterparts: list[tuple[Span, int]] = field(default_factory=list)   # (chain, name token start)
    anchored: bool = False       # a rank, honorific or title vouches that this is a person
    title_tokens: set[int] = field(default_factory=set)   # tokens read as this person's titles
    # name, key words and country, asked for every other cluster each time a name is placed, kept
    # with the number of names (countries) they were read from: the lists are only appended to
    _named: tuple = field(default=(0, None, None), repr=False, compare=False)
    _country: tuple = field(default=(0, None), repr=False, compare=False)

    @property
    def name(self) -> str:
        return self._name_and_key()[0]

    @property
    def key_words(self) -> list[str]:
        return self._name_and_key()[1]

    def _name_and_key(self) -> tuple[str, list[str]]:
        if self._named[0] != len(self.names):
            best = self.names[0]
            for n in self.names[1:]:
                best = fuller(best, n)
            self._named = (len(self.names), best, name_key(best).split())
        return self._named[1], self._named[2]

    def country(self) -> str | None:
        if self._country[0] != len(self.countries):
            counts = Counter(self.countries)
            self._country = (len(self.countries), counts.most_common(1)[0][0] if counts else None)
        return self._country[1]


def _name_text(span: Span) -> str:
    text = span.text.strip()
    return without_nickname(text) if '"' in text or "“" in text else text


def _find_cluster(clusters: list[_Cluster], text: str) -> _Cluster | None | bool:
    """The cluster a name belongs to; None if new; False if ambiguous (a bare name two people share)."""
    words = name_key(text).split()
    if len(words) > 1:
        fits = [c for c in clusters if len(c.key_words) > 1 and same_person(text, None, None, c.name, None, None)]
        return max(fits, key=lambda c: len(set(words) & set(c.key_words)), default=None)
    word = words[0] if words else ""
    # "King Abdullah" is not "Crown Prince Hussein bin Abdullah": a name after "bin" is the father's
    clusters = [c for c in clusters if word not in _patronymic_words(c.name)]
    by_surname = [c for c in clusters if len(c.key_words) > 1 and c.key_words[-1] == word]
    if len(by_surname) == 1:
        return by_surname[0]
    anywhere = [c for c in clusters if word in c.key_words]
    if len(by_surname) > 1 or len(anywhere) > 1:
        return False
    return anywhere[0] if anywhere else None


def _one_holder(doc: Doc, span: Span, clusters: list[_Cluster]) -> _Cluster | None:
    """Of the people who share a bare surname, the one whose post the title before it names; none
    when no title stands there or it fits more than one (no link rather than a wrong one)."""
    chain = left_chain(doc, name_prefix(span).start, span.sent.start, span.end)
    head, word = _head_word(chain.text) if chain else None, name_key(_name_text(span)).split()[-1]
    fits = [c for c in clusters if head and word in c.key_words and any(
        _head_word(t.post) == head and _post_words(t.post) <= _post_words(chain.text) | {head} for t in c.titles)]
    return fits[0] if len(fits) == 1 else None


@lru_cache(maxsize=4096)
def _patronymic_words(name: str) -> set[str]:
    """The name keys of the father's name in "X bin Y", "X bint Y", "X ibn Y"."""
    words = name.split()
    cut = next((k for k, w in enumerate(words) if w.lower() in ("bin", "bint", "ibn") and 0 < k < len(words) - 1), None)
    return set(name_key(" ".join(words[cut + 1:])).split()) if cut is not None else set()


def extract(doc: Doc, article: Article | None = None) -> list[Person]:
    """One Person per person the article reports on; see the module docstring."""
    sentences = Sentences(doc)
    spans = [e for e in doc_cache.entities(doc) if e.label_ == "PERSON"]
    # where each name begins, counting the rank or honorific before it
    person_starts = {s.start for s in spans} | {name_prefix(s).start for s in spans}
    # where each name ends and begins (with its rank): lists of names share a plural post
    bounds = ({s.end: s for s in spans}, {name_prefix(s).start: s for s in spans})
    clusters: list[_Cluster] = []
    items: list[tuple[int, int, _Cluster]] = []    # each name with its titles: (first token, end, person)
    # Full names first, so that bare surnames and given names find their person.
    for span in sorted(spans, key=lambda s: (-len(name_key(_name_text(s)).split()), s.start)):
        if credited(doc, span):
            continue          # a photographer or a reporter, not someone the article reports on
        found = _find_cluster(clusters, _name_text(span))
        if found is False:
            found = _one_holder(doc, span, clusters)   # "President Karis": the one Karis who is president
            if found is None:
                continue
        cluster = found or _Cluster()
        if found is None:
            clusters.append(cluster)
        start, end = _add_name_mention(doc, span, cluster, sentences, person_starts, bounds)
        items.append((start, end, cluster))
    byline = byline_names(doc, article)
    clusters = [c for c in clusters if _reported_on(c, sentences, byline)]
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
    _resolve_counterparts(doc, clusters, sentences)
    _link_role_mentions(doc, clusters, sentences)
    # "The Iranian foreign minister ... held talks with his Saudi counterpart, X": a role mention before
    _resolve_counterparts(doc, clusters, sentences, roles=True)
    _share_listed_countries(doc, items, clusters)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return [_person(k, c) for k, c in enumerate(clusters)]


def _add_name_mention(doc: Doc, span: Span, cluster: _Cluster, sentences: Sentences, person_starts: set[int],
                      bounds: tuple[dict[int, Span], dict[int, Span]]) -> tuple[int, int]:
    """Add one name mention and the titles around it; return where the name and its titles
    begin and end (a list of such items shares a country)."""
    cluster.names.append(_name_text(span))
    sentence = sentences.of(span.start)
    cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, sentence, "name"))
    prefix = name_prefix(span)     # span._.rank, .honorific, .royal, .prefix_start
    if prefix.rank:
        cluster.ranks.append(prefix.rank)
    if prefix.honorific or prefix.royal:
        cluster.honorifics.append(prefix.honorific or prefix.royal)
    cluster.anchored |= bool(prefix.rank or prefix.honorific or prefix.royal)
    sent = sentences.span(span.start)
    left_start = sent.start
    if prefix.start == sent.start and sent.start > 0 and doc[sent.start - 1].text == ")":
        # the parser ends a sentence at a post's bracket: "Inspector General of Police (X range) | Y Z said"
        before = sentences.span(sent.start - 1)
        if bracket_after_post(doc, sent.start - 1, before.start) is not None:
            left_start = before.start
    style_start = prefix.start
    if style_start < span.start and style_start - 1 > left_start and doc[style_start - 1].lower_ == "the":
        style_start -= 1     # "Prime Minister the Most Hon. X": the article of the name's style
    left = left_chain(doc, style_start, left_start, span.end)
    chains = [holder_post(left) if left is not None else None,
              right_apposition(doc, span.end, sent.end, person_starts),
              left_apposition(doc, span, sent)]
    chains = [c for c in chains if c is not None]
    if len(chains) > 1 and chains[0].start == prefix.start - 1 and len(chains[0]) == 1 and \
            any(c.end == prefix.start - 2 for c in chains[1:]):
        chains = chains[1:]    # "the Minister of Foreign Affairs, Ambassador X": the style is no post of its own
    shared = shared_plural_post(span, sent, *bounds, person_starts)   # "Prime Ministers X and Y"
    if shared is not None:
        chains = [c for c in chains if c.end <= shared.start or c.start >= shared.chain.end] + [shared.chain]
    stacked = stacked_post(doc, chains[0], left_start) if chains and chains[0].end <= span.start else None
    if stacked is not None:                                        # "Deputy Prime Minister – Minister of X Y"
        chains.append(stacked)
    copular = copular_chain(span)                                  # "X, who is also Deputy Prime Minister,"
    if copular is not None:
        chains.append(copular)
    appointed, leaving = appointment_chain(span)                   # "appointed X as finance minister"
    if appointed is not None and not any(c.start <= appointed.start < c.end for c in chains):
        chains.append(appointed)
    departed = {appointed.start} if appointed is not None and leaving else set()
    cluster.title_tokens.update(i for c in chains for i in range(c.start, c.end))
    posts = 0
    parts = [part for c in chains for part in (split_on_and(c) if shared is None or c is not shared.chain else [c])]
    for chain in parts:
        if any(t.lower_ == "counterpart" for t in chain):
            cluster.counterparts.append((chain, span.start))
            cluster.anchored = True
            continue
        title, country = title_from_chain(chain, sentences.of(chain.start), prefix.rank)
        scope = scope_after_name(doc, span, sent.end) if title is not None and chain.end <= span.start else None
        if scope is not None:     # "Governor X of Borno State", "Prime Minister X of India"
            title.country = country = country or scope[1]
            if scope[1] is None and " of " not in title.post:
                title.post = f"{title.post} of {scope[0]}"
                title.normalized_post = normalize_post(title.post)
        if shared is not None and chain is shared.chain and title is not None:
            title.country = country = shared.country    # "the ministers of A and B, X and Y": X's is A
        if title is not None and chain.start in departed:
            title.status = "former"     # "X resigned as finance minister"
        if country:
            cluster.countries.append(country)
        if title is not None:
            cluster.titles.append(title)
            cluster.anchored = True
            posts += 1
    headed = headed_title(span, sentence)                          # "X, who chairs the Y Committee,"
    if headed is not None:
        cluster.titles.append(headed)
        cluster.countries.extend([headed.country] if headed.country else [])
        posts += 1
    royal = royal_title(span, sentence) if not posts else None   # "King X"; "Minister of Energy Prince X" is a minister
    if royal is not None:
        cluster.titles.append(royal)
    return (min([prefix.start] + [c.start for c in chains if c.start < span.start]),
            max([span.end] + [c.end for c in chains if c.start >= span.end]))


def _share_listed_countries(doc: Doc, items: list[tuple[int, int, _Cluster]], clusters: list[_Cluster]) -> None:
    """ "met Iranian Foreign Minister A, Iran's Chief of Staff B, Army Commander C, and D,
    secretary of ...": names listed together share the country that at least two of them
    state when none states another. One stated country is not enough: "Iranian Foreign
    Minister A and General B" lists a guest and a host."""
    live = {id(c) for c in clusters}
    group: list[_Cluster] = []
    last_end = -1
    for start, end, cluster in sorted(i for i in items if id(i[2]) in live) + [(len(doc) + 1, 0, None)]:
        between = doc[last_end:start] if 0 <= last_end < start else None
        if between is not None and len(between) and all(t.text in (",", "and") for t in between):
            group.append(cluster)
        else:
            _share_country(group)
            group = [cluster]
        last_end = end


def _share_country(group: list[_Cluster]) -> None:
    known = [c.country() for c in group if c.country()]
    if len(known) >= 2 and len(set(known)) == 1:
        for cluster in group:
            if not cluster.countries:
                cluster.countries.append(known[0])


def _reported_on(cluster: _Cluster, sentences: Sentences, byline: list[str]) -> bool:
    if any(same_person(cluster.name, None, None, b, None, None) and len(name_key(b).split()) > 1 for b in byline):
        return False
    # "X-Y" (a route, a pair of places) is one word; a name in another script has no key at all
    if (len(cluster.name.split()) < 2 or len(cluster.key_words) < 2) and not cluster.anchored:
        return False      # a lone capitalised word the model guessed ("Sistan") is not enough
    return any(sentences.is_prose(sentences.sents[m.sentence].start) for m in cluster.mentions)


# --- counterparts -----------------------------------------------------------------------


def _resolve_counterparts(doc: Doc, clusters: list[_Cluster], sentences: Sentences, roles: bool = False) -> None:
    """ "Zarif met his Pakistani counterpart, Qureshi": Qureshi holds Zarif's post, in Pakistan. A
    counterpart resolved is done; with ``roles``, the nearest person may be named by a role mention."""
    for cluster in clusters:
        unresolved = []
        for chain, start in cluster.counterparts:
            other = _nearest_person_before(doc, chain.start, clusters, sentences, exclude=cluster, roles=roles)
            post = next((t for t in other.titles if not t.is_description), None) if other else None
            country = read_chain(chain).country
            if country and not roles:
                cluster.countries.append(country)
            if post is None:
                unresolved.append((chain, start))
                continue
            cluster.titles.append(Title(
                post=post.post, start=chain.start_char, end=chain.end_char, text=chain.text,
                sentence=sentences.of(chain.start), country=country,
                organisation=post.organisation, rank=None, status=None, normalized_post=post.normalized_post,
            ))
        cluster.counterparts = unresolved


def _nearest_person_before(doc: Doc, token_i: int, clusters: list[_Cluster], sentences: Sentences,
                           exclude: _Cluster, roles: bool = False) -> _Cluster | None:
    sent = sentences.span(token_i)
    limit = doc[token_i].idx
    best, best_start = None, -1
    for c in clusters:
        if c is exclude:
            continue
        for m in c.mentions:
            if (m.kind == "name" or roles) and sent.start_char <= m.start < limit and m.start > best_start:
                best, best_start = c, m.start
    return best


# --- role mentions ----------------------------------------------------------------------


@dataclass
class _Role:
    span: Span
    head: str
    modifiers: set[str]
    country: str | None


def _role_head(lower: str) -> bool:
    return lower in POST_HEADS or lower in ("general", "diplomat")


def _chunks_with_role_heads(doc: Doc) -> list[Span]:
    """``doc.noun_chunks`` of the sentences that hold a word a role mention is headed by: spaCy's
    iterator makes a Token for every word it is given, and the other sentences have no role.
    A noun chunk never leaves its sentence, so each sentence is read alone."""
    sentences = doc_cache.sentences(doc)
    index = doc_cache.sentence_index(doc)
    return [Span(doc, start, end, label=label)
            for n in sorted({index[i] for i in doc_cache.tokens_where(doc, _role_head, LOWER)})
            for start, end, label in doc.noun_chunks_iterator(sentences[n])]


def _role_mentions(doc: Doc) -> list[_Role]:
    """Definite descriptions of a post holder: "the army chief", "the Foreign Minister of
    Pakistan", "Pakistan's top diplomat", "the Pakistani general"."""
    roles = []
    countries = countries_in(doc)
    for chunk in _chunks_with_role_heads(doc):
        root = chunk.root
        head = root.lower_
        if head not in POST_HEADS and head not in ("general", "diplomat"):
            continue      # most chunks: tested first, before their tokens are walked
        if root.tag_ in ("NNS", "NNPS") or any(t.ent_type_ == "PERSON" for t in chunk):
            continue
        end = chunk.end
        if end < len(doc) and doc[end].ent_type_ == "PERSON":
            continue     # a title before a name, not a description
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            j = end + 1
            while j < len(doc) and (doc[j].lower_ == "the" or doc[j].is_title or doc[j].is_upper or (
                    doc[j].lower_ == "of" and j + 1 < len(doc) and doc[j + 1].is_title)) and not doc[j].is_space:
                j += 1       # "the Minister of Foreign Affairs of Ukraine"
            if j > end + 1:
                end = j
        span = doc[chunk.start:end]
        first = span[0].lower_
        words = [t for t in span if t.i <= root.i or t.i >= chunk.end]
        country = next((countries[t.i][2] for t in span if t.i in countries), None)
        definite = first == "the" or country is not None
        if not definite or first in ("a", "an", "his", "her", "their", "its"):
            continue
        if any(t.like_num or t.lower_ in ("two", "both") for t in span):
            continue
        modifiers = {w for t in words if t.i != root.i and t.i not in countries
                     for w in _post_words(t.text)} - {"top", "senior", "visiting"}
        roles.append(_Role(span, head, modifiers, country))
    return roles


def _role_signature(role: _Role) -> tuple[str, set[str]]:
    words = role.modifiers | {role.head}
    for described, (head, mods) in _DESCRIBED_POSTS:
        if described <= words:
            return head, mods
    *extra, head = _POST_SYNONYMS.get(role.head, role.head).split()
    return head, role.modifiers | set(extra)


def _fits(role: _Role, cluster: _Cluster) -> bool:
    head, modifiers = _role_signature(role)
    country = cluster.country()
    if role.country and country and role.country != country:
        return False
    if head == "leader" and not modifiers and role.country and country == role.country:
        # "the Argentine leader": the country's president, prime minister, chancellor, king ...
        return any(_post_words(t.post) in _LEADER_POSTS and t.status is None for t in cluster.titles)
    for title in cluster.titles:
        if title.is_description:
            continue
        words = _post_words(title.post) | _post_words(title.organisation or "")
        if words & _SECOND_IN_COMMAND - modifiers:
            continue      # "the Iraqi premier" is not the deputy prime minister
        if head in words and modifiers <= words and _head_word(title.post) in modifiers | {head, None}:
            return True
    return head == "general" and not modifiers and any("general" in rank_words(r) for r in cluster.ranks)


def _head_word(post: str) -> str | None:
    """The word a post is a kind of: "minister" in "Minister of Foreign Affairs" and "Prime
    Minister", "secretary" in "PM's Press Secretary" (so "the premier" is not the PM's secretary)."""
    words = [w for w in plain(post.replace("-", " ")).split()]
    if any(w in ("of", "for") for w in words):
        words = words[: next(k for k, w in enumerate(words) if w in ("of", "for"))]
    heads = [w for w in words if w in POST_HEADS]
    if not heads:
        return None
    return _POST_SYNONYMS.get(heads[-1], heads[-1]).split()[-1]


def _link_role_mentions(doc: Doc, clusters: list[_Cluster], sentences: Sentences) -> None:
    """A role mention belongs to the unique person whose titles fit it; ambiguous ones stay unlinked."""
    in_titles = {i for c in clusters for i in c.title_tokens}
    for role in _role_mentions(doc):
        if any(t.i in in_titles for t in role.span):
            continue      # the title of a named person ("Iranian Ambassador Reza ..."), not a reference
        sentence = sentences.of(role.span.start)
        # "investigate X over his conversation with the president of Ukraine": a description in a
        # sentence that names the person is someone else (appositions are titles, handled above).
        fits = [c for c in clusters if _fits(role, c)
                and not any(m.kind == "name" and m.sentence == sentence for m in c.mentions)]
        if len(fits) > 1 and role.country:
            # "the Pakistani general": someone known to be Pakistani beats someone of unknown country
            known = [c for c in fits if c.country() == role.country]
            fits = known or fits
        if len(fits) != 1:
            continue
        cluster = fits[0]
        span = role.span
        cluster.mentions.append(Mention(span.start_char, span.end_char, span.text, sentences.of(span.start), "role"))
        if role.country and not cluster.country():
            cluster.countries.append(role.country)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)


# --- records ----------------------------------------------------------------------------


def _person(key: int, cluster: _Cluster) -> Person:
    return Person(
        key=key,
        name=cluster.name,
        mentions=cluster.mentions,
        titles=_distinct_titles(cluster.titles),
        rank=max(cluster.ranks, key=lambda r: (len(rank_words(r)), len(r)), default=None),
        honorific=cluster.honorifics[0] if cluster.honorifics else None,
        country=cluster.country(),
    )


def _distinct_titles(titles: list[Title]) -> list[Title]:
    """One Title per post held (the first place it is stated); a description only when no
    post says the same."""
    seen: set[tuple] = set()
    out = []
    for title in sorted(titles, key=lambda t: t.start):
        key = (frozenset(_post_words(title.post)), title.status)
        if key in seen:
            continue
        seen.add(key)
        out.append(title)
    return out
