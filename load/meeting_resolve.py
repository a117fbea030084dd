"""Meetings kept up to date with each transaction of a load: which reports to recluster with
``meeting_merge`` (the one place of the criterion), and which rows that changes.

The criterion compares a report only with the reports it reaches (``meeting_merge.reaches``:
within an article, the same participants or a part of them; across articles, the same day,
or an undated report and a day it may take). Clustering a set of reports closed under that
relation gives each of them what clustering the whole database gives: every comparison stays
inside the set, and the set is taken in the same order (by report id). So an update
reclusters the closure of the reports its changes touch:
- the reports of the articles it wrote;
- the reports whose participants' person changed (people merged or split), and, as the
  report with the participants it had, what it reached before;
- what each removed report reached (with the people, dates, place and article it had when it
  was last clustered);
- the other reports of the meetings these were in.
Candidates are looked up by article and in ``meeting_report_keys``: each report is stored
under each of its participants and ``meeting_merge.index_keys``, and a report looks up its
people (or a part or a whole of them) under its ``probe_keys``, an index read however many
reports a frequent participant has. The rows of the reports an update writes, or whose people
change, are rewritten before the closure is grown; a removed report's go with it. When the
closure grows past half of all reports, all are read at once (the same result, in fewer
queries). ``resolve`` (everything) clusters all reports and rewrites every key.

A date inferred across articles (``infer_partial_dates``) is written into its report
(``date_reference`` says so, so ``meeting_participants`` can show it for that article) and
read back as no date: each clustering infers afresh. Only the meetings, memberships and
inferred dates that change are written.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from . import meeting_merge, places
from .resolve_base import UnionFind, chunks, in_list, most_common

INFERRED_PREFIX = "across-articles"


@dataclass
class Gone:
    """A report as it was when last clustered: removed, or with participants that changed. With
    the people it had, and its dates, place and article as they were (``report``), it reaches
    what it reached then."""

    id: int
    meeting: int | None
    people: set
    report: dict

    def as_report(self) -> dict:
        return {**self.report, "id": None, "people": frozenset(self.people)}


def _as_clustered(day: str | None, precision: str | None, reference: str | None) -> tuple:
    """A report's stored date as clustering reads it: one inferred by an earlier clustering is
    read back as none (each clustering infers afresh)."""
    if reference and reference.startswith(INFERRED_PREFIX):
        return None, None
    return day, precision


def removed_report(row: tuple, published: dict) -> dict:
    """A removed report (a ``removed_reports`` row of ``resolve.track``) as a report dict;
    ``published``: the day of publication of each removed article."""
    _, _, document, day, precision, raw, reference, place = row
    day, precision = _as_clustered(day, precision, reference)
    return {"id": None, "document": document, "published": published.get(document), "date": day,
            "precision": precision, "raw": raw, "place": place, "people": frozenset()}


def _load(conn, where: str, params: list) -> dict[int, dict]:
    reports = {}
    for rid, document, day, precision, raw, reference, place, topics, meeting, published in conn.execute(
            "SELECT r.id, r.document_id, r.date, r.date_precision, r.date_raw, r.date_reference, r.place, r.topics, "
            "r.meeting_id, CASE WHEN d.published_precision = 'day' THEN d.published END "
            f"FROM meeting_reports r JOIN documents d ON d.id = r.document_id WHERE {where}", params):
        stored = (day, precision, reference)
        day, precision = _as_clustered(day, precision, reference)
        reports[rid] = {"id": rid, "document": document, "published": published, "date": day, "precision": precision, "raw": raw,
                        "place": place, "topics": json.loads(topics) if topics else [], "people": set(),
                        "inferred": None, "meeting": meeting, "stored": stored, "members": []}
    for chunk in chunks(sorted(reports)):
        for rid, article_person, person in conn.execute(
                "SELECT rp.meeting_report_id, rp.article_person_id, ap.person_id FROM meeting_report_participants rp "
                f"JOIN article_people ap ON ap.id = rp.article_person_id WHERE {in_list('rp.meeting_report_id', chunk)}",
                chunk):
            reports[rid]["members"].append((article_person, person))
            if person is not None:
                reports[rid]["people"].add(person)
    for report in reports.values():
        report["people"] = frozenset(report["people"])
    return reports


def _by_ids(conn, ids: Iterable[int]) -> dict[int, dict]:
    reports = {}
    for chunk in chunks(sorted(set(ids))):
        reports.update(_load(conn, in_list("r.id", chunk), chunk))
    return reports


def _by_column(conn, column: str, values: Iterable[int]) -> dict[int, dict]:
    reports = {}
    for chunk in chunks(sorted(set(values))):
        reports.update(_load(conn, in_list(f"r.{column}", chunk), chunk))
    return reports


def _encoded(key: tuple) -> str:
    """A ``meeting_merge`` key as stored in ``meeting_report_keys``: 'day:2024-03-05', 'month-day:3-5'."""
    kind, value = key
    return f"{kind}:{'-'.join(map(str, value)) if isinstance(value, tuple) else value}"


def _stored_keys(report: dict) -> set[str]:
    """The keys a report is stored under: ``index_keys`` as if it had several participants (a
    superset: a key too many only adds a candidate that ``reaches`` then turns down)."""
    return {_encoded(k) for k in meeting_merge.index_keys({**report, "people": None})}


def write_keys(conn, reports: Iterable[dict], replace: bool = True) -> None:
    """Write the ``meeting_report_keys`` rows of these reports, one per participant and key;
    ``replace``: delete their rows first (not needed when the table was just emptied)."""
    reports = list(reports)
    if replace:
        for chunk in chunks(sorted(r["id"] for r in reports)):
            conn.execute(f"DELETE FROM meeting_report_keys WHERE {in_list('meeting_report_id', chunk)}", chunk)
    conn.executemany("INSERT INTO meeting_report_keys (person_id, key, meeting_report_id) VALUES (?, ?, ?)",
                     [(person, key, r["id"]) for r in reports for person in sorted(r["people"])
                      for key in sorted(_stored_keys(r))])


class _Closure:
    """The reports reachable from some starting ones, read from the database as needed."""

    def __init__(self, conn):
        self.conn = conn
        self.read: dict[int, dict] = {}          # every report read so far
        self.inside: dict[int, dict] = {}        # those in the closure
        self.of_document: dict[int, set] = {}
        self.stored: dict[tuple, set] = {}       # (person, key) -> ids of the reports stored under it
        self.total = conn.execute("SELECT count(*) FROM meeting_reports").fetchone()[0]
        self.limit = max(200, self.total // 2)       # past it, all reports are read at once
        self.everything = False

    def _keyed(self, people: frozenset, keys: set) -> set:
        """The ids of the reports of these people (or of a part or a whole of them: all of them,
        and more; or two or more of three or more) stored under one of ``keys``."""
        if not people or not keys:
            return set()
        encoded = sorted(_encoded(k) for k in keys)
        self._read_keys(people, encoded)
        sets = [set().union(*(self.stored[person, key] for key in encoded)) for person in sorted(people)]
        found = set.intersection(*sets)
        if len(people) >= 3:
            counts = Counter(r for s in sets for r in s)
            found |= {r for r, n in counts.items() if n >= 2}
        return found

    def _read_keys(self, people: frozenset, keys: list[str]) -> None:
        """Read into ``stored`` the report ids of each (person, key) not read yet: the reports of
        one closure share their people and days, so each pair is read once."""
        missing = [(p, k) for p in sorted(people) for k in keys if (p, k) not in self.stored]
        if not missing:
            return
        persons = sorted({p for p, _ in missing})
        wanted = sorted({k for _, k in missing})
        for pair in missing:
            self.stored[pair] = set()
        for chunk in chunks(persons, 400):
            for person, key, rid in self.conn.execute(
                    "SELECT person_id, key, meeting_report_id FROM meeting_report_keys "
                    f"WHERE {in_list('person_id', chunk)} AND {in_list('key', wanted)}", [*chunk, *wanted]):
                if (person, key) in self.stored:
                    self.stored[person, key].add(rid)

    def _reports_in(self, document: int) -> set:
        if document not in self.of_document:
            self._read_documents([document])
        return self.of_document[document]

    def _read_documents(self, documents: Iterable[int]) -> None:
        """The report ids of these articles, in one query per chunk."""
        wanted = sorted({d for d in documents if d is not None and d not in self.of_document})
        for chunk in chunks(wanted):
            for document in chunk:
                self.of_document[document] = set()
            for rid, document in self.conn.execute(
                    f"SELECT id, document_id FROM meeting_reports WHERE {in_list('document_id', chunk)}", chunk):
                self.of_document[document].add(rid)

    def _candidates(self, report: dict) -> set:
        """Ids of the reports outside the closure that may be reached from ``report`` (``reaches``
        decides): those of its article, and those of the same people (or a part or a whole of
        them) stored under its ``probe_keys``."""
        found = self._keyed(frozenset(report["people"]), meeting_merge.probe_keys(report))
        if report["document"] is not None:
            found |= self._reports_in(report["document"])
        return {r for r in found if r not in self.inside}

    def grow(self, start: Iterable[dict]) -> dict[int, dict]:
        """The closure of ``start`` (reports, and gone reports as ``Gone.as_report``) under ``reaches``."""
        pending = []
        for report in start:
            if report["id"] is None or report["id"] not in self.inside:
                pending.append(report)
                if report["id"] is not None:
                    self.inside[report["id"]] = self.read[report["id"]] = report
        while pending:
            if pending[-1]["document"] not in self.of_document:   # the articles of what is pending, at once
                self._read_documents(r["document"] for r in pending)
            report = pending.pop()
            ids = self._candidates(report) if len(self.read) <= self.limit else None
            unread = None if ids is None else {r for r in ids if r not in self.read}
            if ids is None or len(self.read) + len(unread) > self.limit:
                self.everything = True
                return _load(self.conn, "1", [])
            self.read.update(_by_ids(self.conn, unread))
            for rid in sorted(ids):
                other = self.read.get(rid)
                if other is None:                # a key row of a report deleted with foreign keys off
                    continue
                if meeting_merge.reaches(report, other):
                    self.inside[rid] = other
                    pending.append(other)
        return self.inside


def update_meetings(db: sqlite_utils.Database, new_documents: list[int], gone: list[Gone], moved: set[int],
                    old_person: dict[int, int], renamed: set[int], everything: bool) -> set[str]:
    """Recluster the meetings the changes touch; return the place names of meetings written or dropped.

    ``new_documents``: the articles written; ``gone``: the reports removed; ``moved``: the article
    people (of earlier loads) whose person changed (``old_person``: from which); ``renamed``: the
    people whose canonical name changed (a meeting not reclustered lists it anew)."""
    conn = db.conn
    if everything:
        loaded = _load(conn, "1", [])
        conn.execute("DELETE FROM meeting_report_keys")
        write_keys(conn, loaded.values(), replace=False)
    else:
        loaded = _touched(conn, new_documents, gone, moved, old_person)
    reports = {rid: loaded[rid] for rid in sorted(loaded)}
    rows, memberships = _cluster(conn, reports)
    meetings_before = {r["meeting"] for r in reports.values() if r["meeting"] is not None} | {
        g.meeting for g in gone if g.meeting is not None}
    place_names = _write(db, reports, rows, memberships, meetings_before)
    if not everything:
        _rename_participants(conn, renamed, {row["id"] for row in rows})
    return place_names


def _touched(conn, new_documents: list[int], gone: list[Gone], moved: set[int],
             old_person: dict[int, int]) -> dict[int, dict]:
    start = _by_column(conn, "document_id", new_documents)
    changed = set()
    for chunk in chunks(sorted(moved)):
        changed |= {r for (r,) in conn.execute(
            f"SELECT meeting_report_id FROM meeting_report_participants WHERE {in_list('article_person_id', chunk)}",
            chunk)}
    start.update(_by_ids(conn, changed - start.keys()))
    write_keys(conn, start.values())      # the new reports, and those whose people changed
    ghosts = list(gone)
    for rid in sorted(changed):
        report = start[rid]
        before = {old_person.get(article_person, person) for article_person, person in report["members"]}
        ghosts.append(Gone(rid, report["meeting"], {p for p in before if p is not None}, report))
    meetings = {g.meeting for g in ghosts if g.meeting is not None} | {
        r["meeting"] for r in start.values() if r["meeting"] is not None}
    for rid, report in _by_column(conn, "meeting_id", meetings).items():
        start.setdefault(rid, report)
    closure = _Closure(conn)
    return closure.grow([*start.values(), *(g.as_report() for g in ghosts)])


def _cluster(conn, reports: dict[int, dict]) -> tuple[list[dict], dict[int, int]]:
    """The meeting rows of these reports (``meeting_merge``), and report id -> meeting id."""
    published = {r["document"]: r["published"] for r in reports.values() if r["published"]}
    meeting_merge.infer_partial_dates(reports)
    clusters = meeting_merge.meeting_clusters(reports, published, UnionFind(reports))
    person_names = {}
    for chunk in chunks(sorted({p for r in reports.values() for p in r["people"]})):
        person_names.update(conn.execute(f"SELECT id, name FROM people WHERE {in_list('id', chunk)}", chunk))
    rows, memberships = [], {}
    for members in clusters:
        cluster = [reports[m] for m in sorted(members)]
        if len(cluster[0]["people"]) < 2:
            continue
        row = _meeting_row(cluster, person_names)
        rows.append(row)
        memberships.update({r["id"]: row["id"] for r in cluster})
    return rows, memberships


def _meeting_row(cluster: list[dict], person_names: dict[int, str]) -> dict:
    dated = [r for r in cluster if meeting_merge.is_day(r)]
    topics = sorted({t for r in cluster for t in r["topics"]})   # sorted: the same whatever order reports came in
    place = most_common(Counter(r["place"] for r in cluster if r["place"]))
    found = places.locate(place) if place else None
    return {
        "id": cluster[0]["id"],
        "date": dated[0]["date"] if dated else None,
        "date_precision": "day" if dated else None,
        "date_inferred": next((r["inferred"] for r in dated if r["inferred"]), None),
        "place": place,
        "participants": json.dumps(sorted(person_names[p] for p in set().union(*(r["people"] for r in cluster)))),
        "topics": json.dumps(topics) if topics else None,
        "sources": len({r["document"] for r in cluster}),
        "latitude": found and found["latitude"], "longitude": found and found["longitude"],
        "geonames_id": found and found["geonames_id"],
    }


def _write(db: sqlite_utils.Database, reports: dict[int, dict], rows: list[dict], memberships: dict[int, int],
           meetings_before: set[int]) -> set[str]:
    conn = db.conn
    place_names = set()
    for chunk in chunks(sorted(meetings_before - {row["id"] for row in rows})):
        place_names |= {p for (p,) in conn.execute(f"SELECT place FROM meetings WHERE {in_list('id', chunk)} "
                                                   "AND place IS NOT NULL", chunk)}
        conn.execute(f"DELETE FROM meetings WHERE {in_list('id', chunk)}", chunk)
    existing = {}
    columns = list(rows[0]) if rows else []
    for chunk in chunks([row["id"] for row in rows]):
        for values in conn.execute(f"SELECT {', '.join(columns)} FROM meetings WHERE {in_list('id', chunk)}", chunk):
            existing[values[0]] = dict(zip(columns, values))
    changed = [row for row in rows if existing.get(row["id"]) != row]   # write only what changes
    for row in changed:
        place_names.add(row["place"])
        if row["id"] in existing:
            place_names.add(existing[row["id"]]["place"])
    if changed:
        db["meetings"].upsert_all(changed, pk="id")
    conn.executemany("UPDATE meeting_reports SET meeting_id = ? WHERE id = ? AND meeting_id IS NOT ?",
                     [(memberships.get(rid), rid, memberships.get(rid)) for rid, r in reports.items()
                      if r["meeting"] != memberships.get(rid)])
    dates = []
    for rid, report in reports.items():
        wanted = (report["date"], "day", report["inferred"]) if report["inferred"] else (
            (None, None, None) if (report["stored"][2] or "").startswith(INFERRED_PREFIX) else report["stored"])
        if wanted != report["stored"]:
            dates.append((*wanted, rid))
    conn.executemany("UPDATE meeting_reports SET date = ?, date_precision = ?, date_reference = ? WHERE id = ?", dates)
    return place_names - {None}


def _rename_participants(conn, renamed: set[int], written: set[int]) -> None:
    """A person's canonical name changed: rewrite the participant lists that show it."""
    for person in sorted(renamed):
        meetings = {m for (m,) in conn.execute(
            "SELECT DISTINCT r.meeting_id FROM meeting_reports r JOIN meeting_report_participants rp "
            "ON rp.meeting_report_id = r.id JOIN article_people ap ON ap.id = rp.article_person_id "
            "WHERE ap.person_id = ? AND r.meeting_id IS NOT NULL", [person])} - written
        for meeting in sorted(meetings):
            listed = sorted(name for (name,) in conn.execute(
                "SELECT name FROM people WHERE id IN (SELECT ap.person_id FROM meeting_reports r "
                "JOIN meeting_report_participants rp ON rp.meeting_report_id = r.id JOIN article_people ap "
                "ON ap.id = rp.article_person_id WHERE r.meeting_id = ?)", [meeting]))
            conn.execute("UPDATE meetings SET participants = ? WHERE id = ? AND participants IS NOT ?",
                         [json.dumps(listed), meeting, json.dumps(listed)])
