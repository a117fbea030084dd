"""People kept up to date with each transaction of a load (``resolve.update``).

People merge only on evidence (``names.same_person``): the same surname with
compatible given names or transliterations, a compatible country and posts.
Two people of one article are never merged with each other directly. A bare
one-word name joins a cluster only when exactly one cluster of full names fits.
Incrementally, people are looked up by their keys in ``person_keys`` (a surname's
block of distinct name signatures, the full names a bare name can join); the
rules compare signatures, (name key, country) for full names, so a block's cost
is its number of distinct names, not of articles. This relies on ``same_person``
of two full names depending on their keys and countries only, and of a bare name
on keys, countries and posts. A person's id is the smallest article-person id of
its cluster; ties of its country and rank go by value, never by load order.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlite_utils

from . import names, people_values
from .resolve_base import UnionFind
from .resolve_base import chunks as _chunks
from .resolve_base import in_list as _in


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
    old_person: dict = field(default_factory=dict)   # moved article_people id -> its person before
    renamed: set = field(default_factory=set)    # person ids whose canonical name changed
    indexed: set = field(default_factory=set)    # person ids whose row was rewritten, added or deleted


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


def update_people(db: sqlite_utils.Database, new_documents: list[int], removed: list[Key]) -> PeopleChanges:
    conn = db.conn
    new = _new_keys(conn, new_documents)
    first_new = min((k.id for k in new), default=float("inf"))
    changes = PeopleChanges()
    restructured: set[int] = set()      # full clusters whose old members changed: recomputed whole
    appended: dict[int, list[int]] = defaultdict(list)   # cluster -> new members joining it as it was
    lone: set[int] = set()              # bare names standing alone (their own person)
    refresh: set[int] = {k.person_id for k in removed if k.person_id is not None}   # people rows to rewrite
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
        changes.old_person.update({m[0]: m[1] for m in moved if m[1] is not None})
        refresh |= {m[1] for m in moved if m[1] is not None} | {root}
        person_of[cluster] = root
    for single_id in sorted(lone):
        old = conn.execute("SELECT person_id FROM article_people WHERE id = ?", [single_id]).fetchone()[0]
        if old != single_id:
            conn.execute("UPDATE article_people SET person_id = ? WHERE id = ?", [single_id, single_id])
            if old is not None:
                changes.moved.add(single_id)
                changes.old_person[single_id] = old
                refresh.add(old)
        refresh.add(single_id)
    for cluster, ids in appended.items():
        if cluster in person_of or cluster in restructured:
            continue   # its members, new ones included, were given their person above
        root = conn.execute("SELECT person_id FROM article_people WHERE id = ?", [cluster]).fetchone()[0]
        conn.executemany("UPDATE article_people SET person_id = ? WHERE id = ?", [(root, i) for i in ids])
        refresh.add(root)
    # each member that joined or left a person changed its counts (people_values): rewrite those rows
    touched = people_values.apply_changes(conn) | refresh
    changes.renamed |= people_values.write_people(db, touched)
    changes.indexed = touched
    return changes


def index_people(conn, person_ids: Iterable[int] | None = None) -> None:
    """Rebuild people_fts (schema.sql): each person's name and every alias, so that a surname or
    another spelling finds the person; only for ``person_ids`` when given (the people a load
    rewrote, added or deleted). One bulk insert after the people are written (per-row triggers
    cost 10-30x more: each alias rewrote its person's index row)."""
    row = ("SELECT p.id, p.name, (SELECT group_concat(alias, ' ') FROM (SELECT alias FROM person_aliases "
           "WHERE person_id = p.id ORDER BY alias)) FROM people p")
    if person_ids is None:
        conn.execute("DELETE FROM people_fts")
        conn.execute(f"INSERT INTO people_fts(rowid, name, aliases) {row}")
        return
    for chunk in _chunks(sorted(person_ids)):
        conn.execute(f"DELETE FROM people_fts WHERE {_in('rowid', chunk)}", chunk)
        conn.execute(f"INSERT INTO people_fts(rowid, name, aliases) {row} WHERE {_in('p.id', chunk)}", chunk)
