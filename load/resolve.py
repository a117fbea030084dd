"""Resolution across articles: one row per real person and per real meeting.

Runs inside the load's transaction file after the articles are written, over
everything the database holds (so an incremental load resolves new articles
against old ones). It rebuilds ``people``, ``person_aliases`` and ``meetings``
from the per-article tables; ids are the smallest per-article id of each
cluster, so they stay stable while the introducing article is not reloaded.

People merge only on evidence (``names.same_person``): the same surname with
compatible given names or transliterations, a compatible country and posts.
A bare one-word name joins a cluster only when exactly one cluster fits.

Meetings merge when they have the same participants and
- the same date (across articles), or
- within one article, no conflicting dates (an article describes one meeting
  several times: "met X ... during the meeting, X said ..."), while "on Saturday"
  and "on November 1" are two meetings;
- a report dated only by a weekday or a day without its year ("on Wednesday",
  "on November 1") that the article could not pin down joins a dated meeting of
  the same participants on that day in another article, when exactly one fits;
  the article's other reports of the same day are then dated from it too.
  ``date_inferred`` records this;
- an undated report joins the one dated meeting of its participants that evidence
  ties it to, without taking its date (``meeting_merge`` holds these criteria).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

import sqlite_utils

from . import meeting_merge, names, places, stored_views


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


def resolve(db: sqlite_utils.Database) -> None:
    resolve_people(db)
    resolve_meetings(db)
    resolve_places(db)
    stored_views.store(db.conn)   # last: the stored views copy the resolved people and meetings


# People ---------------------------------------------------------------------------------

def resolve_people(db: sqlite_utils.Database) -> None:
    conn = db.conn
    rows = conn.execute("SELECT id, document_id, name, country, rank FROM article_people ORDER BY id").fetchall()
    posts = defaultdict(list)
    for person_id, post in conn.execute("SELECT article_person_id, post FROM titles WHERE is_description = 0"):
        posts[person_id].append(post)
    people = {r[0]: {"id": r[0], "document": r[1], "name": r[2], "country": r[3], "rank": r[4], "posts": posts[r[0]]}
              for r in rows}

    groups = UnionFind(people)
    _merge_full_names(people, groups)
    _attach_single_names(people, groups)

    conn.execute("UPDATE article_people SET person_id = NULL")
    conn.execute("DELETE FROM person_aliases")
    conn.execute("DELETE FROM people")
    mention_counts = dict(conn.execute("SELECT article_person_id, count(*) FROM person_mentions GROUP BY 1"))
    surface = defaultdict(set)
    for person_id, text in conn.execute("SELECT article_person_id, text FROM person_mentions WHERE kind = 'name'"):
        surface[person_id].add(text)
    people_rows, alias_rows, memberships = [], [], []
    for root, members in sorted(groups.groups().items()):
        cluster = [people[m] for m in sorted(members)]
        name = cluster[0]["name"]
        for other in cluster[1:]:
            name = names.fuller(name, other["name"])
        countries = Counter(p["country"] for p in cluster if p["country"])
        ranks = Counter(p["rank"] for p in cluster if p["rank"])
        titles = sorted({post for p in cluster for post in p["posts"]})
        people_rows.append({
            "id": root, "name": name,
            "country": countries.most_common(1)[0][0] if countries else None,
            "rank": ranks.most_common(1)[0][0] if ranks else None,
            "titles": json.dumps(titles) if titles else None,
            "documents": len({p["document"] for p in cluster}),
            "mentions": sum(mention_counts.get(p["id"], 0) for p in cluster),
        })
        aliases = {p["name"] for p in cluster} | {t for p in cluster for t in surface[p["id"]]}
        alias_rows.extend({"person_id": root, "alias": alias} for alias in sorted(aliases))
        memberships.extend((root, m) for m in members)
    # One statement per table, not per cluster: resolution reruns over the whole database on every load.
    db["people"].insert_all(people_rows)
    db["person_aliases"].insert_all(alias_rows)
    conn.executemany("UPDATE article_people SET person_id = ? WHERE id = ?", memberships)
    index_people(conn)


def index_people(conn) -> None:
    """Rebuild people_fts (schema.sql): each person's name and every alias, so that a surname or
    another spelling finds the person. One bulk insert after the people are written (per-row
    triggers cost 10-30x more: each alias rewrote its person's index row)."""
    conn.execute("DELETE FROM people_fts")
    conn.execute("INSERT INTO people_fts(rowid, name, aliases) SELECT p.id, p.name, "
                 "(SELECT group_concat(alias, ' ') FROM person_aliases WHERE person_id = p.id) FROM people p")


def _same(a: dict, b: dict) -> bool:
    return names.same_person(a["name"], a["country"], a["posts"], b["name"], b["country"], b["posts"])


def _by_signature(persons, signature) -> dict[tuple, list[dict]]:
    out = defaultdict(list)
    for person in persons:
        out[signature(person)].append(person)
    return out


def _merge_full_names(people: dict, groups: UnionFind) -> None:
    """Join people with two or more name words across articles when ``names.same_person`` says so.

    ``same_person`` of two full names depends only on their name keys and countries, so it is
    asked once per pair of distinct (key, country) signatures sharing a surname, not per pair of
    people: a common surname in a large corpus makes blocks of thousands of people."""
    full = [p for p in people.values() if len(names.name_key(p["name"]).split()) > 1]
    signatures = _by_signature(full, lambda p: (names.name_key(p["name"]), p["country"]))
    by_surname = defaultdict(list)
    for signature, members in signatures.items():
        if len({m["document"] for m in members}) == len(members):
            # One per article: each pair is from two articles, and a name is the same as itself.
            for other in members[1:]:
                groups.union(members[0]["id"], other["id"])
        else:   # two people of one article share the signature: keep the per-pair rule
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if a["document"] != b["document"]:
                        groups.union(a["id"], b["id"])
        by_surname[signature[0].split()[-1]].append(members)
    for block in by_surname.values():
        for i, a_members in enumerate(block):
            for b_members in block[i + 1:]:
                if _same(a_members[0], b_members[0]):
                    for a in a_members:
                        for b in b_members:
                            if a["document"] != b["document"]:
                                groups.union(a["id"], b["id"])


def _attach_single_names(people: dict, groups: UnionFind) -> None:
    """A one-word name joins the one cluster of full names that fits it (none when several do)."""
    by_word = defaultdict(list)   # folded name word -> full-name people holding it
    singles = []
    for person in people.values():
        words = names.name_key(person["name"]).split()
        if len(words) == 1:
            singles.append(person)
        else:
            for word in set(words):
                by_word[word].append(person)
    full_signature = {}   # per word: (key, country, posts) -> its people, asked once each
    fitting_for = {}      # a single's (key, country, posts) -> the clusters that fit it
    for single in singles:
        word = names.name_key(single["name"])
        signature = (word, single["country"], tuple(sorted(single["posts"])))
        if signature not in fitting_for:
            if word not in full_signature:
                full_signature[word] = _by_signature(
                    by_word[word], lambda p: (names.name_key(p["name"]), p["country"], tuple(sorted(p["posts"]))))
            # Full-name clusters do not change here: a single joins one, never two together.
            fitting_for[signature] = {groups.find(p["id"]) for members in full_signature[word].values()
                                      if _same(single, members[0]) for p in members}
        fitting = fitting_for[signature]
        if len(fitting) == 1:
            groups.union(single["id"], next(iter(fitting)))


# Meetings -------------------------------------------------------------------------------

def resolve_meetings(db: sqlite_utils.Database) -> None:
    conn = db.conn
    reports = {}
    for rid, document, day, precision, raw, place, topics in conn.execute(
            "SELECT id, document_id, date, date_precision, date_raw, place, topics FROM meeting_reports ORDER BY id"):
        reports[rid] = {"id": rid, "document": document, "date": day, "precision": precision, "raw": raw,
                        "place": place, "topics": json.loads(topics) if topics else [], "people": set(),
                        "inferred": None}
    for rid, person in conn.execute(
            "SELECT rp.meeting_report_id, ap.person_id FROM meeting_report_participants rp "
            "JOIN article_people ap ON ap.id = rp.article_person_id"):
        reports[rid]["people"].add(person)
    published = {doc: day for doc, day in conn.execute(
        "SELECT id, published FROM documents WHERE published IS NOT NULL AND published_precision = 'day'")}

    meeting_merge.infer_partial_dates(reports)
    clusters = meeting_merge.meeting_clusters(reports, published, UnionFind(reports))

    conn.execute("UPDATE meeting_reports SET meeting_id = NULL")
    conn.execute("DELETE FROM meetings")
    person_names = dict(conn.execute("SELECT id, name FROM people"))
    meeting_rows, memberships = [], []
    for members in clusters:
        cluster = [reports[m] for m in sorted(members)]
        if len(cluster[0]["people"]) < 2:
            continue
        dated = [r for r in cluster if meeting_merge.is_day(r)]
        places = Counter(r["place"] for r in cluster if r["place"])
        topics = list(dict.fromkeys(t for r in cluster for t in r["topics"]))
        meeting_id = cluster[0]["id"]
        meeting_rows.append({
            "id": meeting_id,
            "date": dated[0]["date"] if dated else None,
            "date_precision": "day" if dated else None,
            "date_inferred": next((r["inferred"] for r in dated if r["inferred"]), None),
            "place": places.most_common(1)[0][0] if places else None,
            "participants": json.dumps(sorted(person_names[p] for p in set().union(*(r["people"] for r in cluster)))),
            "topics": json.dumps(topics) if topics else None,
            "sources": len({r["document"] for r in cluster}),
        })
        memberships.extend((meeting_id, r["id"]) for r in cluster)
    db["meetings"].insert_all(meeting_rows)
    conn.executemany("UPDATE meeting_reports SET meeting_id = ? WHERE id = ?", memberships)
    for report in reports.values():
        if report["inferred"]:
            conn.execute("UPDATE meeting_reports SET date = ?, date_precision = 'day', date_reference = ? "
                         "WHERE id = ? AND date IS NULL", [report["date"], report["inferred"], report["id"]])


# Places ---------------------------------------------------------------------------------

def resolve_places(db: sqlite_utils.Database) -> None:
    """Geocode meeting and incident places with the offline gazetteer (``places.locate``).

    Fills latitude, longitude and geonames_id of meetings and incidents (NULL when the
    gazetteer knows no part of the place) and rebuilds the ``places`` table: one row per
    place name as the articles give it.
    """
    conn = db.conn
    names_used = set()
    for table in ("meetings", "incidents"):
        rows = conn.execute(f"SELECT id, place FROM [{table}]").fetchall()
        updates = []
        for row_id, place in rows:
            found = places.locate(place) if place else None
            if place:
                names_used.add(place)
            updates.append((found and found["latitude"], found and found["longitude"],
                            found and found["geonames_id"], row_id))
        conn.executemany(f"UPDATE [{table}] SET latitude = ?, longitude = ?, geonames_id = ? WHERE id = ?", updates)
    conn.execute("DELETE FROM places")
    rows = []
    for name in sorted(names_used):
        found = places.locate(name) or {}
        rows.append({"name": name, "latitude": found.get("latitude"), "longitude": found.get("longitude"),
                     "geonames_id": found.get("geonames_id"), "kind": found.get("kind")})
    if rows:
        db["places"].insert_all(rows)
