"""What each person's row is made of, kept as counts, so that a change costs what it moves.

A ``people`` row and its ``person_aliases`` are functions of the person's members (article
people): the fullest spelling of their names, their most common country and rank, the posts
they held, the articles and mentions they come from, every name and name mention they carry.
``person_values`` keeps, per person, each value its members carry and how many members carry
it (kinds ``name``, ``country``, ``rank``, ``post``, ``alias``, ``document``; ``mentions``, with
the value '', counts the mentions). A member that joins or leaves a person adds or takes away
its own contribution, read from its own rows (a member's name, country, rank, posts and
mentions never change once written), or, for one deleted, from what ``track`` recorded as it
went. Rewriting a person then reads its values, not its members: removing ten articles about
a person of 40,000 mentions does not read those mentions again.

A resolution of everything (``resolve.resolve``) clears them (``reset``) and adds every
member's contribution with the same function, so the counts of incremental loads and of one
load of everything are the same.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable

import sqlite_utils

from . import names
from .resolve_base import chunks, in_list, most_common

KINDS = ("name", "country", "rank", "post", "alias", "document", "mentions")


def track(conn) -> None:
    """Record, in this connection's temporary tables, each member whose person changes and what
    each deleted member carried (whatever deletes it), for ``apply_changes``."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS person_moves (seq INTEGER PRIMARY KEY, article_person_id INTEGER, "
                 "old_person INTEGER, new_person INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_members (id INTEGER, person_id INTEGER, document_id INTEGER, "
                 "name TEXT, country TEXT, rank TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_member_posts (id INTEGER, posts TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS removed_member_mentions (id INTEGER, kind TEXT, text TEXT)")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_person_moves AFTER UPDATE OF person_id ON main.article_people "
                 "WHEN old.person_id IS NOT new.person_id BEGIN INSERT INTO person_moves "
                 "(article_person_id, old_person, new_person) VALUES (old.id, old.person_id, new.person_id); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_removed_members BEFORE DELETE ON main.article_people "
                 "WHEN old.person_id IS NOT NULL BEGIN INSERT INTO removed_members VALUES (old.id, old.person_id, "
                 "old.document_id, old.name, old.country, old.rank); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_removed_member_posts BEFORE DELETE ON main.person_keys "
                 "BEGIN INSERT INTO removed_member_posts VALUES (old.article_person_id, old.posts); END")
    conn.execute("CREATE TEMP TRIGGER IF NOT EXISTS track_removed_member_mentions BEFORE DELETE ON main.person_mentions "
                 "BEGIN INSERT INTO removed_member_mentions VALUES (old.article_person_id, old.kind, old.text); END")


def _forget(conn) -> None:
    for table in ("person_moves", "removed_members", "removed_member_posts", "removed_member_mentions"):
        conn.execute(f"DELETE FROM temp.{table}")


def _contribution(member: tuple, posts: str | None, mentions: list[tuple[str, str]]) -> Counter:
    """What one member adds to its person: (kind, value) -> count."""
    _, document, name, country, rank = member
    found = Counter({("name", name): 1, ("document", str(document)): 1})
    if country is not None:
        found["country", country] += 1
    if rank is not None:
        found["rank", rank] += 1
    for post in sorted(set(json.loads(posts))) if posts else ():
        found["post", post] += 1
    for alias in {name} | {text for kind, text in mentions if kind == "name"}:
        found["alias", alias] += 1
    if mentions:
        found["mentions", ""] += len(mentions)
    return found


def _live_contributions(conn, ids: Iterable[int]) -> dict[int, Counter]:
    """Each member's contribution, read from its rows."""
    found = {}
    for chunk in chunks(sorted(set(ids))):
        members = conn.execute(f"SELECT id, document_id, name, country, rank FROM article_people "
                               f"WHERE {in_list('id', chunk)}", chunk).fetchall()
        posts = dict(conn.execute(f"SELECT article_person_id, posts FROM person_keys "
                                  f"WHERE {in_list('article_person_id', chunk)}", chunk))
        mentions = defaultdict(list)
        for member, kind, text in conn.execute(f"SELECT article_person_id, kind, text FROM person_mentions "
                                               f"WHERE {in_list('article_person_id', chunk)}", chunk):
            mentions[member].append((kind, text))
        for member in members:
            found[member[0]] = _contribution(member, posts.get(member[0]), mentions[member[0]])
    return found


def reset(conn) -> None:
    """Forget every person's values (``resolve.resolve``, once every member's person is cleared:
    the members then join their people anew, and ``apply_changes`` adds them all)."""
    conn.execute("DELETE FROM person_values")
    _forget(conn)


def apply_changes(conn) -> set[int]:
    """Take away what the deleted members and the members that moved carried from their old
    person, and add what the moved ones carry to their new one; return the people whose values
    changed."""
    delta = Counter()
    posts = dict(conn.execute("SELECT id, posts FROM temp.removed_member_posts"))
    mentions = defaultdict(list)
    for member, kind, text in conn.execute("SELECT id, kind, text FROM temp.removed_member_mentions"):
        mentions[member].append((kind, text))
    removed = set()
    for member_id, person, document, name, country, rank in conn.execute("SELECT * FROM temp.removed_members"):
        removed.add(member_id)
        for (kind, value), count in _contribution((member_id, document, name, country, rank), posts.get(member_id),
                                                  mentions[member_id]).items():
            delta[person, kind, value] -= count
    moves: dict[int, list] = {}
    for member, old, new in conn.execute("SELECT article_person_id, old_person, new_person FROM temp.person_moves "
                                         "ORDER BY seq"):
        moves.setdefault(member, [old, new])[1] = new      # the first old person, the last new one
    moves = {m: (old, new) for m, (old, new) in moves.items() if old != new and m not in removed}
    for member, contribution in _live_contributions(conn, moves).items():
        old, new = moves[member]
        for (kind, value), count in contribution.items():
            if old is not None:
                delta[old, kind, value] -= count
            if new is not None:
                delta[new, kind, value] += count
    _forget(conn)
    _add(conn, delta)
    return {person for (person, _, _), count in delta.items() if count}


def _add(conn, delta: Counter) -> None:
    changes = [(person, kind, value, count) for (person, kind, value), count in sorted(delta.items()) if count]
    conn.executemany("INSERT INTO person_values (person_id, kind, value, n) VALUES (?, ?, ?, ?) "
                     "ON CONFLICT (person_id, kind, value) DO UPDATE SET n = n + excluded.n", changes)
    conn.executemany("DELETE FROM person_values WHERE person_id = ? AND kind = ? AND value = ? AND n <= 0",
                     [change[:3] for change in changes if change[3] < 0])


def write_people(db: sqlite_utils.Database, person_ids: Iterable[int]) -> set[int]:
    """Rewrite these people rows and aliases from their values (delete those left without any
    member); return the people whose canonical name changed."""
    conn = db.conn
    renamed = set()
    for chunk in chunks(sorted(set(person_ids)), 400):
        old_names = dict(conn.execute(f"SELECT id, name FROM people WHERE {in_list('id', chunk)}", chunk))
        values = defaultdict(lambda: defaultdict(dict))
        for person, kind, value, count in conn.execute(
                f"SELECT person_id, kind, value, n FROM person_values WHERE {in_list('person_id', chunk)} "
                "AND kind != 'document'", chunk):
            values[person][kind][value] = count
        documents = dict(conn.execute(f"SELECT person_id, count(*) FROM person_values WHERE "
                                      f"{in_list('person_id', chunk)} AND kind = 'document' GROUP BY 1", chunk))
        gone = [p for p in chunk if not values[p]["name"]]
        if gone:
            conn.execute(f"DELETE FROM person_aliases WHERE {in_list('person_id', gone)}", gone)
            conn.execute(f"DELETE FROM people WHERE {in_list('id', gone)}", gone)
        present = [p for p in chunk if values[p]["name"]]
        rows = []
        for person in present:
            own = values[person]
            name = canonical(own["name"])
            if old_names.get(person) not in (None, name):
                renamed.add(person)
            rows.append({"id": person, "name": name, "country": most_common(own["country"]),
                         "rank": most_common(own["rank"]),
                         "titles": json.dumps(sorted(own["post"])) if own["post"] else None,
                         "documents": documents.get(person, 0), "mentions": own["mentions"].get("", 0)})
        if rows:
            db["people"].upsert_all(rows, pk="id")
            conn.execute(f"DELETE FROM person_aliases WHERE {in_list('person_id', present)}", present)
            db["person_aliases"].insert_all([{"person_id": p, "alias": a} for p in present
                                             for a in sorted(values[p]["alias"])])
    return renamed


def canonical(spellings: Iterable[str]) -> str:
    """The fullest spelling (``names.fuller`` picks one of two by a fixed order, so any order gives it)."""
    ordered = sorted(spellings)
    name = ordered[0]
    for other in ordered[1:]:
        name = names.fuller(name, other)
    return name
