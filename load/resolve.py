"""Resolution across articles: one row per real person and per real meeting, kept up to date
incrementally.

Runs inside each of the load's transactions, after its articles are written
(``update``): a new article is compared only with the people and meetings it can
join, and only the clusters it touches are rewritten; an article that is changed
or removed leaves the clusters it was in (the deletions are recorded by ``track``).
The result is the same as resolving the whole database at once (``resolve``):
every rule below depends only on the set of articles, never on the order they
came in, and ids are the smallest per-article id of each cluster, so they stay
stable while the introducing article is not reloaded.

People merge only on evidence (``names.same_person``): the same surname with
compatible given names or transliterations, a compatible country and posts.
Two people of one article are never merged with each other directly. A bare
one-word name joins a cluster only when exactly one cluster of full names fits.
Incrementally, people are looked up by their keys in ``person_keys`` (a surname's
block of distinct name signatures, the full names a bare name can join); the
rules compare signatures, (name key, country) for full names, so a block's cost
is its number of distinct names, not of articles. This relies on ``same_person``
of two full names depending on their keys and countries only, and of a bare name
on keys, countries and posts.

Meetings (the criterion: ``_cluster_meetings``) merge when they have the same
participants and
- the same date (across articles), or
- within one article, no conflicting dates (an article describes one meeting
  several times: "met X ... during the meeting, X said ...");
- a report dated only by a weekday ("on Wednesday") that the article could not
  pin down joins a dated meeting of the same participants on that weekday in
  another article, when exactly one fits; the article's other reports of the
  same weekday are then dated from it too. ``meetings.date_inferred`` records
  this (the report itself keeps what its article says).
Reports can merge only within a block of the same participants (``_meeting_key``):
a change to the criterion that merges reports of different participants must
change the key too. A report with fewer than two people is no meeting.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from . import names, places

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
INFERRED = "across-articles: the same meeting dated by another article"


class UnionFind:
    def __init__(self, items):
        self.parent = {item: item for item in items}

    def find(self, item):
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self):
        out = defaultdict(list)
        for item in self.parent:
            out[self.find(item)].append(item)
        return out


@lru_cache(maxsize=1)
def resolver_version() -> str:
    """Keys and clusters are made by this code: when it changes, the next load re-resolves all."""
    digest = hashlib.sha256()
    for module in (names, places):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def _chunks(items: list, size: int = 500):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _in(column: str, values: list) -> str:
    return f"{column} IN ({','.join('?' * len(values))})"


# --- bookkeeping ---------------------------------------------------------------------------

def track(db: sqlite_utils.Database) -> None:
    """Record, in this connection's temporary tables, what each deletion takes away (whatever
    deletes it: a changed article, --prune, remove), for the next ``update``."""
    conn = db.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_people (id INTEGER, person_id INTEGER, "
                 "document_id INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_keys (id INTEGER, document_id INTEGER, name_key TEXT, "
                 "words INTEGER, first TEXT, last TEXT, country TEXT, posts TEXT, cluster INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_reports (id INTEGER, meeting_id INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_places (place TEXT)")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_people BEFORE DELETE ON main.article_people BEGIN "
                 "INSERT INTO removed_people VALUES (old.id, old.person_id, old.document_id); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_keys BEFORE DELETE ON main.person_keys BEGIN "
                 "INSERT INTO removed_keys VALUES (old.article_person_id, old.document_id, old.name_key, old.words, "
                 "old.first, old.last, old.country, old.posts, old.cluster); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_reports BEFORE DELETE ON main.meeting_reports BEGIN "
                 "INSERT INTO removed_reports VALUES (old.id, old.meeting_id); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_incidents BEFORE DELETE ON main.incidents "
                 "WHEN old.place IS NOT NULL BEGIN INSERT INTO removed_places VALUES (old.place); END")


def _take_removed(conn):
    people = conn.execute("SELECT id, person_id, document_id FROM temp.removed_people").fetchall()
    keys = {row[0]: row for row in conn.execute("SELECT * FROM temp.removed_keys")}
    reports = conn.execute("SELECT id, meeting_id FROM temp.removed_reports").fetchall()
    place_names = {place for (place,) in conn.execute("SELECT place FROM temp.removed_places")}
    for table in ("removed_people", "removed_keys", "removed_reports", "removed_places"):
        conn.execute(f"DELETE FROM temp.{table}")
    removed = []
    for ap_id, person_id, document_id in people:
        key = keys.get(ap_id)
        removed.append(Key(ap_id, document_id, *(key[2:8] if key else ("", 0, None, None, None, "[]")),
                           cluster=key[8] if key else None, person_id=person_id))
    return removed, reports, place_names


# --- entry points --------------------------------------------------------------------------

def resolve(db: sqlite_utils.Database) -> None:
    """Resolve the whole database from scratch (what ``update`` keeps it equal to)."""
    conn = db.conn
    track(db)
    conn.execute("PRAGMA defer_foreign_keys = ON")
    conn.execute("DELETE FROM person_keys")
    conn.execute("UPDATE article_people SET person_id = NULL")
    conn.execute("DELETE FROM person_aliases")
    conn.execute("DELETE FROM people")
    conn.execute("UPDATE meeting_reports SET meeting_id = NULL")
    # Databases of older versions wrote inferred dates into the reports: give them back what the article says.
    conn.execute("UPDATE meeting_reports SET date = NULL, date_precision = NULL, date_reference = NULL "
                 "WHERE date_reference LIKE 'across-articles%'")
    conn.execute("DELETE FROM meetings")
    conn.execute("DELETE FROM places")
    _take_removed(conn)
    documents = [row[0] for row in conn.execute("SELECT id FROM documents ORDER BY id")]
    _update(db, documents, everything=True)


def update(db: sqlite_utils.Database, new_documents: Iterable[int]) -> None:
    """Bring people, meetings and places up to date after ``new_documents`` were written and
    whatever ``track`` recorded was deleted, in the current transaction."""
    conn = db.conn
    track(db)
    state = conn.execute("SELECT value FROM newsfacts_state WHERE key = 'resolver'").fetchone()
    if state is None or state[0] != resolver_version():
        has_old = conn.execute("SELECT 1 FROM people LIMIT 1").fetchone() or conn.execute(
            "SELECT 1 FROM person_keys LIMIT 1").fetchone()
        if has_old or conn.execute("SELECT 1 FROM article_people WHERE person_id IS NOT NULL LIMIT 1").fetchone():
            resolve(db)
            return
    conn.execute("PRAGMA defer_foreign_keys = ON")
    _update(db, sorted(set(new_documents)), everything=False)


def _update(db: sqlite_utils.Database, new_documents: list[int], everything: bool) -> None:
    conn = db.conn
    removed, removed_reports, removed_places = _take_removed(conn)
    people = _update_people(db, new_documents, removed)
    meeting_places = _update_meetings(db, new_documents, removed_reports, people, everything)
    _update_places(db, new_documents, removed_places | meeting_places, everything)
    conn.execute("INSERT INTO newsfacts_state (key, value) VALUES ('resolver', ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [resolver_version()])


# --- people --------------------------------------------------------------------------------

@dataclass
class Key:
    """A person_keys row (and, for a removed person, the person it belonged to)."""

    id: int
    document: int
    name_key: str
    words: int
    first: str | None
    last: str | None
    country: str | None
    posts: str
    cluster: int | None = None
    person_id: int | None = None
    name: str = ""

    @property
    def signature(self):
        return (self.last, self.name_key, self.country)


@dataclass
class PeopleChanges:
    moved: set = field(default_factory=set)      # article_people ids (of earlier loads) whose person changed
    renamed: set = field(default_factory=set)    # person ids whose canonical name changed


def _same(a: dict, b: dict) -> bool:
    return names.same_person(a["name"], a["country"], a["posts"], b["name"], b["country"], b["posts"])


def _new_keys(conn, new_documents: list[int]) -> list[Key]:
    rows, posts = [], defaultdict(set)
    for chunk in _chunks(new_documents):
        rows += conn.execute(f"SELECT id, document_id, name, country FROM article_people "
                             f"WHERE {_in('document_id', chunk)}", chunk).fetchall()
        for person, post in conn.execute(f"SELECT article_person_id, post FROM titles WHERE is_description = 0 "
                                         f"AND {_in('document_id', chunk)}", chunk):
            posts[person].add(post)
    keys = []
    for ap_id, document, name, country in sorted(rows):
        words = names.name_key(name).split()
        keys.append(Key(ap_id, document, " ".join(words), len(words), words[0] if words else None,
                        words[-1] if words else None, country, json.dumps(sorted(posts[ap_id])), name=name))
    conn.executemany("INSERT INTO person_keys (article_person_id, document_id, name_key, words, first, last, "
                     "country, posts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [(k.id, k.document, k.name_key, k.words, k.first, k.last, k.country, k.posts) for k in keys])
    return keys


def _names_of(conn, ids: Iterable[int]) -> dict[int, str]:
    out = {}
    for chunk in _chunks(sorted(set(ids))):
        out.update(conn.execute(f"SELECT id, name FROM article_people WHERE {_in('id', chunk)}", chunk))
    return out


def _set_cluster(conn, ids: list[int], cluster: int | None) -> None:
    for chunk in _chunks(ids):
        conn.execute(f"UPDATE person_keys SET cluster = ? WHERE {_in('article_person_id', chunk)}", [cluster, *chunk])


def _recluster_block(conn, last: str) -> tuple[set, set, list]:
    """Recompute the full-name clusters of one surname on its distinct signatures.

    A signature found in two or more articles is one node: all its members are one person,
    and it reaches every member of a compatible signature (one of its articles differs).
    A signature found in one article only is taken member by member, since two people of
    one article are never merged directly. Returns (old cluster ids whose membership
    changed, new cluster ids, the block's (first, last) words)."""
    sigs = conn.execute("SELECT name_key, country, count(DISTINCT document_id), min(article_person_id) "
                        "FROM person_keys WHERE words > 1 AND last = ? GROUP BY name_key, country", [last]).fetchall()
    rep = _names_of(conn, [s[3] for s in sigs])
    members = {}   # signature index -> [(id, document, cluster)] for one-article signatures
    for i, (key, country, docs, _) in enumerate(sigs):
        if docs == 1:
            members[i] = conn.execute(
                "SELECT article_person_id, document_id, cluster FROM person_keys WHERE words > 1 AND last = ? "
                "AND name_key = ? AND country IS ?", [last, key, country]).fetchall()
    adjacent = {}
    for i, (key_a, country_a, _, id_a) in enumerate(sigs):
        for j in range(i + 1, len(sigs)):
            key_b, country_b, _, id_b = sigs[j]
            if names.same_person(rep[id_a], country_a, (), rep[sigs[j][3]], country_b, ()):
                adjacent[(i, j)] = adjacent[(j, i)] = True
    nodes = [("s", i) for i in range(len(sigs)) if i not in members]
    nodes += [("m", m[0], i, m[1]) for i, rows in members.items() for m in rows]
    groups = UnionFind(range(len(nodes)))
    for x, a in enumerate(nodes):
        for y in range(x + 1, len(nodes)):
            b = nodes[y]
            i, j = a[1] if a[0] == "s" else a[2], b[1] if b[0] == "s" else b[2]
            if a[0] == "m" and b[0] == "m":
                if a[3] != b[3] and (i == j or (i, j) in adjacent):
                    groups.union(x, y)
            elif (i, j) in adjacent:
                groups.union(x, y)
    old_changed, new_clusters = set(), set()
    for component in groups.groups().values():
        f = min(sigs[nodes[x][1]][3] if nodes[x][0] == "s" else nodes[x][1] for x in component)
        for x in component:
            node = nodes[x]
            if node[0] == "s":
                key, country = sigs[node[1]][:2]
                where = "WHERE words > 1 AND last = ? AND name_key = ? AND country IS ?"
                params = [last, key, country]
                # min, max and a NULL each read one index entry; only a change reads the members
                same = (conn.execute(f"SELECT min(cluster) FROM person_keys {where}", params).fetchone()[0] == f
                        and conn.execute(f"SELECT max(cluster) FROM person_keys {where}", params).fetchone()[0] == f
                        and not conn.execute(f"SELECT 1 FROM person_keys {where} AND cluster IS NULL LIMIT 1",
                                             params).fetchone())
                olds = {f} if same else {c for (c,) in conn.execute(
                    f"SELECT DISTINCT cluster FROM person_keys {where}", params)}
                if olds != {f}:
                    conn.execute("UPDATE person_keys SET cluster = ? WHERE words > 1 AND last = ? AND name_key = ? "
                                 "AND country IS ? AND cluster IS NOT ?", [f, last, key, country, f])
                    old_changed |= olds
                    new_clusters.add(f)
            else:
                old = next(m[2] for m in members[node[2]] if m[0] == node[1])
                if old != f:
                    _set_cluster(conn, [node[1]], f)
                    old_changed.add(old)
                    new_clusters.add(f)
    return old_changed - {None}, new_clusters, [(s[0].split()[0], last) for s in sigs]


def _fitting_singles(conn, word: str) -> list[tuple[int, int | None, int | None]]:
    """(single id, its cluster now, the cluster it should join or None) for every bare name ``word``:
    it joins the one full-name cluster that fits it, none when several or none do."""
    singles = conn.execute("SELECT article_person_id, country, posts, cluster FROM person_keys "
                           "WHERE words = 1 AND name_key = ?", [word]).fetchall()
    if not singles:
        return []
    found = {}
    for column in ("first", "last"):   # two lookups: an OR would not use the indexes
        for key, country, posts, cluster, first_id in conn.execute(
                "SELECT name_key, country, posts, cluster, min(article_person_id) FROM person_keys "
                f"WHERE words > 1 AND {column} = ? GROUP BY name_key, country, posts, cluster", [word]):
            signature = (key, country, posts, cluster)
            found[signature] = min(first_id, found.get(signature, first_id))
    candidates = [(*signature, first_id) for signature, first_id in found.items()]
    rep = _names_of(conn, [c[4] for c in candidates] + [s[0] for s in singles])
    full = [{"name": rep[c[4]], "country": c[1], "posts": json.loads(c[2]), "cluster": c[3]} for c in candidates]
    decided = {}
    out = []
    for single_id, country, posts, cluster in singles:
        signature = (country, posts)
        if signature not in decided:
            single = {"name": rep[single_id], "country": country, "posts": json.loads(posts)}
            fitting = {f["cluster"] for f in full if _same(single, f)}
            decided[signature] = next(iter(fitting)) if len(fitting) == 1 else None
        out.append((single_id, cluster, decided[signature]))
    return out


def _update_people(db: sqlite_utils.Database, new_documents: list[int], removed: list[Key]) -> PeopleChanges:
    conn = db.conn
    new = _new_keys(conn, new_documents)
    first_new = min((k.id for k in new), default=float("inf"))
    changes = PeopleChanges()
    restructured: set[int] = set()      # full clusters whose old members changed: recomputed whole
    appended: dict[int, list[int]] = defaultdict(list)   # cluster -> new members joining it as it was
    lone: set[int] = set()              # bare names standing alone (their own person)
    refresh: set[int] = {k.person_id for k in removed if k.person_id is not None}   # people to recompute
    words: set[str] = set()             # bare names whose fit must be decided again
    dirty_blocks: set[str] = set()

    # 1. Full names: a signature in two or more articles before and after keeps its cluster.
    removed_full = [k for k in removed if k.words > 1]
    by_signature = defaultdict(list)
    for k in removed_full:
        by_signature[k.signature].append(k)
    restructured |= {k.cluster for k in removed if k.cluster is not None}   # their root may have gone
    for k in new:
        if k.words > 1:
            by_signature.setdefault(k.signature, [])
    for signature, gone in by_signature.items():
        last, key, country = signature
        docs_after, docs_old, cluster = conn.execute(
            "SELECT count(DISTINCT document_id), count(DISTINCT CASE WHEN article_person_id < ? THEN document_id END), "
            "max(CASE WHEN article_person_id < ? THEN cluster END) FROM person_keys "
            "WHERE words > 1 AND last = ? AND name_key = ? AND country IS ?",
            [first_new, first_new, last, key, country]).fetchone()
        docs_before = docs_old + len({k.document for k in gone})
        if docs_before >= 2 and docs_after >= 2 and cluster is not None and not any(k.id == k.cluster for k in gone):
            for k in new:
                if k.words > 1 and k.signature == signature:
                    k.cluster = cluster
                    appended[cluster].append(k.id)
        else:
            dirty_blocks.add(last)
    for k in new:
        if k.words > 1 and k.cluster is not None:
            _set_cluster(conn, [k.id], k.cluster)
    for last in sorted(dirty_blocks):
        old_changed, new_clusters, block_words = _recluster_block(conn, last)
        restructured |= old_changed | new_clusters
        for first, last_word in block_words:
            words.update((first, last_word))
    # A full name with posts (or a country) new to its cluster can change which clusters fit a bare name.
    for k in new:
        if k.words > 1 and k.last not in dirty_blocks and not conn.execute(
                "SELECT 1 FROM person_keys WHERE words > 1 AND last = ? AND name_key = ? AND country IS ? "
                "AND posts = ? AND article_person_id < ? LIMIT 1",
                [k.last, k.name_key, k.country, k.posts, first_new]).fetchone():
            words.update((k.first, k.last))
    for k in removed_full:
        if k.last not in dirty_blocks and not conn.execute(
                "SELECT 1 FROM person_keys WHERE words > 1 AND last = ? AND name_key = ? AND country IS ? "
                "AND posts = ? LIMIT 1", [k.last, k.name_key, k.country, k.posts]).fetchone():
            words.update((k.first, k.last))

    # 2. Bare names: one like an earlier one (same name, country, posts) fits the same clusters.
    for k in new:
        if k.words != 1 or k.name_key in words:
            continue
        twin = conn.execute("SELECT cluster FROM person_keys WHERE words = 1 AND name_key = ? AND country IS ? "
                            "AND posts = ? AND article_person_id < ? LIMIT 1",
                            [k.name_key, k.country, k.posts, first_new]).fetchone()
        if twin is None:
            words.add(k.name_key)
        elif twin[0] is None:
            lone.add(k.id)
        else:
            _set_cluster(conn, [k.id], twin[0])
            appended[twin[0]].append(k.id)
    new_ids = {k.id for k in new}
    for word in sorted(w for w in words if w):
        for single_id, now, target in _fitting_singles(conn, word):
            if single_id in new_ids:
                if now != target or target is None:
                    _set_cluster(conn, [single_id], target)
                    if target is None:
                        lone.add(single_id)
                    else:
                        appended[target].append(single_id)
                continue
            if now != target:
                _set_cluster(conn, [single_id], target)
                restructured |= {now, target}
                if target is None:
                    lone.add(single_id)
    for k in new:
        if k.words == 0:
            lone.add(k.id)
    restructured.discard(None)

    # 3. Person ids (the smallest member id) and the people rows.
    person_of = {}
    for cluster in sorted(restructured | {c for c in appended if c >= first_new}):
        root = conn.execute("SELECT min(article_person_id) FROM person_keys WHERE cluster = ?", [cluster]).fetchone()[0]
        if root is None:
            continue
        moved = conn.execute(
            "SELECT ap.id, ap.person_id FROM article_people ap JOIN person_keys k ON k.article_person_id = ap.id "
            "WHERE k.cluster = ? AND ap.person_id IS NOT ?", [cluster, root]).fetchall()
        conn.executemany("UPDATE article_people SET person_id = ? WHERE id = ?", [(root, m[0]) for m in moved])
        changes.moved |= {m[0] for m in moved if m[1] is not None}
        refresh |= {m[1] for m in moved if m[1] is not None} | {root}
        person_of[cluster] = root
    for single_id in sorted(lone):
        old = conn.execute("SELECT person_id FROM article_people WHERE id = ?", [single_id]).fetchone()[0]
        if old != single_id:
            conn.execute("UPDATE article_people SET person_id = ? WHERE id = ?", [single_id, single_id])
            if old is not None:
                changes.moved.add(single_id)
                refresh.add(old)
        refresh.add(single_id)
    incremental: dict[int, list[int]] = defaultdict(list)
    for cluster, ids in appended.items():
        if cluster in person_of or cluster in restructured:
            continue   # its members, new ones included, were given their person above
        root = conn.execute("SELECT person_id FROM article_people WHERE id = ?", [cluster]).fetchone()[0]
        conn.executemany("UPDATE article_people SET person_id = ? WHERE id = ?", [(root, i) for i in ids])
        incremental[root].extend(ids)
    for person_id in sorted(refresh):
        incremental.pop(person_id, None)
    changes.renamed |= _refresh_people(db, sorted(refresh))
    changes.renamed |= _append_people(db, incremental)
    return changes


def _refresh_people(db: sqlite_utils.Database, person_ids: list[int]) -> set[int]:
    """Recompute these people rows from their members (delete those left without any)."""
    conn = db.conn
    renamed = set()
    for chunk in _chunks(person_ids, 400):
        where = _in("ap.person_id", chunk)
        old_names = dict(conn.execute(f"SELECT id, name FROM people WHERE {_in('id', chunk)}", chunk))
        member_names = defaultdict(set)
        for person, name in conn.execute(f"SELECT ap.person_id, ap.name FROM article_people ap WHERE {where} "
                                         "GROUP BY 1, 2", chunk):
            member_names[person].add(name)
        gone = [p for p in chunk if p not in member_names]
        if gone:
            conn.execute(f"DELETE FROM person_aliases WHERE {_in('person_id', gone)}", gone)
            conn.execute(f"DELETE FROM people WHERE {_in('id', gone)}", gone)
        present = [p for p in chunk if p in member_names]
        if not present:
            continue
        where = _in("ap.person_id", present)
        countries, ranks = _most_common(conn, where, present, "country"), _most_common(conn, where, present, "rank")
        titles = defaultdict(set)
        for person, posts in conn.execute(
                f"SELECT ap.person_id, k.posts FROM article_people ap JOIN person_keys k ON k.article_person_id = ap.id "
                f"WHERE {where} GROUP BY 1, 2", present):
            titles[person].update(json.loads(posts))
        documents = dict(conn.execute(f"SELECT ap.person_id, count(DISTINCT ap.document_id) FROM article_people ap "
                                      f"WHERE {where} GROUP BY 1", present))
        mentions = dict(conn.execute(
            f"SELECT ap.person_id, count(*) FROM person_mentions m JOIN article_people ap ON ap.id = m.article_person_id "
            f"WHERE {where} GROUP BY 1", present))
        aliases = defaultdict(set, {p: set(member_names[p]) for p in present})
        for person, text in conn.execute(
                f"SELECT DISTINCT ap.person_id, m.text FROM person_mentions m JOIN article_people ap "
                f"ON ap.id = m.article_person_id WHERE {where} AND +m.kind = 'name'", present):
            aliases[person].add(text)
        rows = []
        for person in present:
            name = _canonical(member_names[person])
            if old_names.get(person) not in (None, name):
                renamed.add(person)
            rows.append({"id": person, "name": name, "country": countries.get(person), "rank": ranks.get(person),
                         "titles": json.dumps(sorted(titles[person])) if titles[person] else None,
                         "documents": documents.get(person, 0), "mentions": mentions.get(person, 0)})
        db["people"].upsert_all(rows, pk="id")
        conn.execute(f"DELETE FROM person_aliases WHERE {_in('person_id', present)}", present)
        db["person_aliases"].insert_all([{"person_id": p, "alias": a} for p in present for a in sorted(aliases[p])])
    return renamed


def _append_people(db: sqlite_utils.Database, appended: dict[int, list[int]]) -> set[int]:
    """Add new members (each from an article new to the database, with ids above every
    member's) to people rows without recomputing the rest of their cluster."""
    conn = db.conn
    renamed = set()
    for person, ids in sorted(appended.items()):
        old = conn.execute("SELECT name, titles, documents, mentions FROM people WHERE id = ?", [person]).fetchone()
        if old is None:
            _refresh_people(db, [person])
            continue
        name, titles, documents, mentions = old
        marks = _in("ap.id", ids)
        new_names = {n for (n,) in conn.execute(f"SELECT name FROM article_people ap WHERE {marks}", ids)}
        canonical = _canonical(new_names | {name})
        if canonical != name:
            renamed.add(person)
        posts = set(json.loads(titles)) if titles else set()
        for (value,) in conn.execute(f"SELECT k.posts FROM person_keys k JOIN article_people ap "
                                     f"ON ap.id = k.article_person_id WHERE {marks}", ids):
            posts.update(json.loads(value))
        new_documents = conn.execute(f"SELECT count(DISTINCT ap.document_id) FROM article_people ap WHERE {marks}",
                                     ids).fetchone()[0]
        new_mentions = conn.execute(f"SELECT count(*) FROM person_mentions m JOIN article_people ap "
                                    f"ON ap.id = m.article_person_id WHERE {marks}", ids).fetchone()[0]
        where = "ap.person_id = ?"
        country = _most_common(conn, where, [person], "country").get(person)
        rank = _most_common(conn, where, [person], "rank").get(person)
        conn.execute("UPDATE people SET name = ?, country = ?, rank = ?, titles = ?, documents = ?, mentions = ? "
                     "WHERE id = ?", [canonical, country, rank, json.dumps(sorted(posts)) if posts else None,
                                      documents + new_documents, mentions + new_mentions, person])
        aliases = new_names | {t for (t,) in conn.execute(
            f"SELECT DISTINCT m.text FROM person_mentions m JOIN article_people ap ON ap.id = m.article_person_id "
            f"WHERE {marks} AND +m.kind = 'name'", ids)}
        conn.executemany("INSERT OR IGNORE INTO person_aliases (person_id, alias) VALUES (?, ?)",
                         [(person, alias) for alias in sorted(aliases)])
    return renamed


def _canonical(spellings: Iterable[str]) -> str:
    """The fullest spelling (``names.fuller`` picks one of two by a fixed order, so any order gives it)."""
    ordered = sorted(spellings)
    name = ordered[0]
    for other in ordered[1:]:
        name = names.fuller(name, other)
    return name


def _most_common(conn, where: str, params: list, column: str) -> dict[int, str]:
    """Each person's most frequent value of ``column``; a tie goes to the longer value, then the
    alphabetically first (by the value, never by the order articles came in)."""
    best = {}
    for person, value, count in conn.execute(
            f"SELECT ap.person_id, ap.{column}, count(*) FROM article_people ap "
            f"WHERE {where} AND ap.{column} IS NOT NULL GROUP BY 1, 2", params):
        rank = (-count, -len(value), value)
        if person not in best or rank < best[person]:
            best[person] = rank
    return {person: rank[2] for person, rank in best.items()}


def _most_common_value(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], -len(v), v)) if counts else None


# --- meetings ------------------------------------------------------------------------------

def _meeting_key(report: dict) -> frozenset:
    """Reports that the criterion may merge share this key (the same participants)."""
    return frozenset(report["people"])


def _load_reports(conn, where: str, params: list) -> dict[int, dict]:
    reports = {}
    for rid, document, day, precision, raw, reference, place, topics, meeting in conn.execute(
            "SELECT id, document_id, date, date_precision, date_raw, date_reference, place, topics, meeting_id "
            f"FROM meeting_reports WHERE {where}", params):
        reports[rid] = {"id": rid, "document": document, "date": day, "precision": precision, "raw": raw,
                        "place": place, "topics": json.loads(topics) if topics else [], "people": set(),
                        "inferred": None, "meeting": meeting}
    for chunk in _chunks(sorted(reports)):
        for rid, person in conn.execute(
                "SELECT rp.meeting_report_id, ap.person_id FROM meeting_report_participants rp "
                f"JOIN article_people ap ON ap.id = rp.article_person_id WHERE {_in('rp.meeting_report_id', chunk)}",
                chunk):
            reports[rid]["people"].add(person)
    return reports


def _by_ids(conn, ids: Iterable[int]) -> dict[int, dict]:
    reports = {}
    for chunk in _chunks(sorted(set(ids))):
        reports.update(_load_reports(conn, _in("id", chunk), chunk))
    return reports


def _meeting_blocks(conn, touched: dict[int, dict]) -> dict[int, dict]:
    """Every report that shares a key with a touched one, and (weekday dates cross keys within an
    article) every undated report of an article where an undated report of such a key is."""
    reports_of_person: dict[int, set] = {}

    def reports_of(person):
        if person not in reports_of_person:
            reports_of_person[person] = {r for (r,) in conn.execute(
                "SELECT rp.meeting_report_id FROM meeting_report_participants rp JOIN article_people ap "
                "ON ap.id = rp.article_person_id WHERE ap.person_id = ?", [person])}
        return reports_of_person[person]

    loaded = dict(touched)
    done_keys, done_documents = set(), set()
    pending = {_meeting_key(r) for r in touched.values() if len(r["people"]) >= 2}
    while pending:
        key = pending.pop()
        done_keys.add(key)
        candidates = set.intersection(*(reports_of(p) for p in key)) - set(loaded)
        for rid, report in _by_ids(conn, candidates).items():
            if _meeting_key(report) == key:
                loaded[rid] = report
        undated = {r["document"] for r in loaded.values() if _meeting_key(r) == key and not r["date"]
                   and _weekday_of(r["raw"]) is not None} - done_documents
        for chunk in _chunks(sorted(undated)):
            done_documents.update(chunk)
            more = _load_reports(conn, f"{_in('document_id', chunk)} AND date IS NULL", chunk)
            for rid, report in more.items():
                if len(report["people"]) >= 2 and _weekday_of(report["raw"]) is not None:
                    loaded.setdefault(rid, report)
                    if _meeting_key(report) not in done_keys:
                        pending.add(_meeting_key(report))
    return loaded


def _cluster_meetings(reports: dict[int, dict]) -> list[list[int]]:
    """The criterion: which reports (of whole blocks) are one meeting. Within a block of the same
    participants, reports of the same date (and precision) merge across articles, and within one
    article a report without a date merges with every other report of it. Linear in the block
    (grouped by date and by article, not compared pair by pair)."""
    _infer_weekday_dates(reports)
    groups = UnionFind(reports)
    by_people = defaultdict(list)
    for report in reports.values():
        by_people[_meeting_key(report)].append(report)
    for same_people in by_people.values():
        by_date, by_document = defaultdict(list), defaultdict(list)
        for report in same_people:
            if report["date"]:
                by_date[(report["date"], report["precision"])].append(report["id"])
            by_document[report["document"]].append(report)
        for ids in by_date.values():
            for other in ids[1:]:
                groups.union(ids[0], other)
        for in_article in by_document.values():
            undated = [r["id"] for r in in_article if not r["date"]]
            for other in (undated[1:] + [r["id"] for r in in_article if r["date"]]) if undated else ():
                groups.union(undated[0], other)
    # a within-article union may have joined two differently dated reports through an
    # undated one; keep clusters whose dates conflict apart by splitting on date.
    return _split_conflicting(groups.groups(), reports)


def _update_meetings(db: sqlite_utils.Database, new_documents: list[int], removed_reports: list,
                     people: PeopleChanges, everything: bool) -> set[str]:
    """Recluster the meetings the changes touch; return the place names of meetings written or dropped."""
    conn = db.conn
    if everything:
        loaded = _load_reports(conn, "1", [])
    else:
        touched: dict[int, dict] = {}
        for chunk in _chunks(new_documents):
            touched.update(_load_reports(conn, _in("document_id", chunk), chunk))
        moved = set()
        for chunk in _chunks(sorted(people.moved)):
            moved |= {r for (r,) in conn.execute(
                f"SELECT meeting_report_id FROM meeting_report_participants WHERE {_in('article_person_id', chunk)}",
                chunk)}
        touched.update(_by_ids(conn, moved - set(touched)))
        old_meetings = {m for _, m in removed_reports if m is not None} | {
            r["meeting"] for r in touched.values() if r["meeting"] is not None}
        for chunk in _chunks(sorted(old_meetings)):
            touched.update(_load_reports(conn, _in("meeting_id", chunk), chunk))
        loaded = _meeting_blocks(conn, touched)
    meetings_before = {r["meeting"] for r in loaded.values() if r["meeting"] is not None} | {
        m for _, m in removed_reports if m is not None}
    reports = {rid: r for rid, r in loaded.items() if len(r["people"]) >= 2}
    clusters = _cluster_meetings(reports)
    person_names = {}
    for chunk in _chunks(sorted({p for r in reports.values() for p in r["people"]})):
        person_names.update(conn.execute(f"SELECT id, name FROM people WHERE {_in('id', chunk)}", chunk))
    rows, memberships = [], {}
    for members in clusters:
        cluster = [reports[m] for m in sorted(members)]
        row = _meeting_row(cluster, person_names)
        rows.append(row)
        memberships.update({r["id"]: row["id"] for r in cluster})
    place_names = set()
    for chunk in _chunks(sorted(meetings_before - {row["id"] for row in rows})):
        place_names |= {p for (p,) in conn.execute(f"SELECT place FROM meetings WHERE {_in('id', chunk)} "
                                                   "AND place IS NOT NULL", chunk)}
        conn.execute(f"DELETE FROM meetings WHERE {_in('id', chunk)}", chunk)
    existing = {}
    columns = list(rows[0]) if rows else []
    for chunk in _chunks([row["id"] for row in rows]):
        for values in conn.execute(f"SELECT {', '.join(columns)} FROM meetings WHERE {_in('id', chunk)}", chunk):
            existing[values[0]] = dict(zip(columns, values))
    changed = [row for row in rows if existing.get(row["id"]) != row]   # write only what changes
    for row in changed:
        place_names.add(row["place"])
        if row["id"] in existing:
            place_names.add(existing[row["id"]]["place"])
    if changed:
        db["meetings"].upsert_all(changed, pk="id")
    conn.executemany("UPDATE meeting_reports SET meeting_id = ? WHERE id = ? AND meeting_id IS NOT ?",
                     [(memberships.get(rid), rid, memberships.get(rid)) for rid in sorted(loaded)])
    if not everything:
        _rename_participants(conn, people.renamed, {row["id"] for row in rows})
    return place_names - {None}


def _meeting_row(cluster: list[dict], person_names: dict[int, str]) -> dict:
    dated = [r for r in cluster if r["date"]]
    topics = sorted({t for r in cluster for t in r["topics"]})   # sorted: the same whatever order reports came in
    place = _most_common_value(r["place"] for r in cluster if r["place"])
    found = places.locate(place) if place else None
    return {
        "id": cluster[0]["id"],
        "date": dated[0]["date"] if dated else None,
        "date_precision": dated[0]["precision"] if dated else None,
        "date_inferred": next((r["inferred"] for r in dated if r["inferred"]), None),
        "place": place,
        "participants": json.dumps(sorted(person_names[p] for p in cluster[0]["people"])),
        "topics": json.dumps(topics) if topics else None,
        "sources": len({r["document"] for r in cluster}),
        "latitude": found and found["latitude"], "longitude": found and found["longitude"],
        "geonames_id": found and found["geonames_id"],
    }


def _rename_participants(conn, renamed: set[int], written: set[int]) -> None:
    """A person's canonical name changed: rewrite the participant lists that show it."""
    for person in sorted(renamed):
        meetings = {m for (m,) in conn.execute(
            "SELECT DISTINCT r.meeting_id FROM meeting_reports r JOIN meeting_report_participants rp "
            "ON rp.meeting_report_id = r.id JOIN article_people ap ON ap.id = rp.article_person_id "
            "WHERE ap.person_id = ? AND r.meeting_id IS NOT NULL", [person])} - written
        for meeting in sorted(meetings):
            ids = [p for (p,) in conn.execute(
                "SELECT DISTINCT ap.person_id FROM meeting_report_participants rp JOIN article_people ap "
                "ON ap.id = rp.article_person_id WHERE rp.meeting_report_id = ?", [meeting])]
            listed = sorted(n for (n,) in conn.execute(
                f"SELECT name FROM people WHERE {_in('id', ids)}", ids))
            conn.execute("UPDATE meetings SET participants = ? WHERE id = ? AND participants IS NOT ?",
                         [json.dumps(listed), meeting, json.dumps(listed)])


def _weekday_of(raw: str | None) -> int | None:
    words = (raw or "").lower().replace(",", " ").split()
    found = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    return found[0] if len(found) == 1 else None


def _infer_weekday_dates(reports: dict) -> None:
    """Date an article's weekday-only reports from another article's dated report of the same meeting."""
    dated = defaultdict(set)
    for r in reports.values():
        if r["date"] and r["precision"] == "day":
            dated[frozenset(r["people"])].add((r["date"], r["document"]))
    anchors = defaultdict(set)   # (document, weekday) -> dates that other articles pin down
    for r in reports.values():
        weekday = _weekday_of(r["raw"])
        if r["date"] or weekday is None:
            continue
        fitting = {d for d, doc in dated[frozenset(r["people"])]
                   if doc != r["document"] and date.fromisoformat(d).weekday() == weekday}
        if len(fitting) == 1:
            anchors[(r["document"], weekday)].add(fitting.pop())
    for r in reports.values():
        weekday = _weekday_of(r["raw"])
        if r["date"] or weekday is None:
            continue
        candidates = anchors.get((r["document"], weekday), set())
        if len(candidates) == 1:
            r["date"], r["precision"] = next(iter(candidates)), "day"
            r["inferred"] = INFERRED


def _split_conflicting(groups: dict, reports: dict) -> list[list[int]]:
    clusters = []
    for members in groups.values():
        days = sorted({reports[m]["date"] for m in members if reports[m]["date"]})
        if len(days) <= 1:
            clusters.append(members)
            continue
        by_day = defaultdict(list)
        for m in members:
            by_day[reports[m]["date"] or days[0]].append(m)
        clusters.extend(by_day.values())
    return clusters


# --- places --------------------------------------------------------------------------------

def _update_places(db: sqlite_utils.Database, new_documents: list[int], names_touched: set[str],
                   everything: bool) -> None:
    """Geocode the new incidents (meetings are geocoded as they are written) with the offline
    gazetteer (``places.locate``) and keep ``places`` to one row per place name in use."""
    conn = db.conn
    for chunk in _chunks(new_documents):
        rows = conn.execute(f"SELECT id, place FROM incidents WHERE {_in('document_id', chunk)} "
                            "AND place IS NOT NULL", chunk).fetchall()
        updates = []
        for row_id, place in rows:
            found = places.locate(place)
            names_touched.add(place)
            updates.append((found and found["latitude"], found and found["longitude"],
                            found and found["geonames_id"], row_id))
        conn.executemany("UPDATE incidents SET latitude = ?, longitude = ?, geonames_id = ? WHERE id = ?", updates)
    if everything:
        names_touched |= {p for (p,) in conn.execute("SELECT place FROM meetings WHERE place IS NOT NULL")}
    for name in sorted(names_touched):
        used = conn.execute("SELECT 1 FROM meetings WHERE place = ? UNION ALL SELECT 1 FROM incidents WHERE place = ? "
                            "LIMIT 1", [name, name]).fetchone()
        if not used:
            conn.execute("DELETE FROM places WHERE name = ?", [name])
        elif not conn.execute("SELECT 1 FROM places WHERE name = ?", [name]).fetchone():
            found = places.locate(name) or {}
            db["places"].insert({"name": name, "latitude": found.get("latitude"),
                                 "longitude": found.get("longitude"), "geonames_id": found.get("geonames_id"),
                                 "kind": found.get("kind")})
