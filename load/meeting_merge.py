"""Which meeting reports are one real meeting: the merging criterion of ``resolve``.

A meeting's date is a day: a report dated only by a month or a year ("last month", "in
2016") keeps that on the report and is otherwise treated as undated, but never joins a
meeting of another month or year. Reports join when they have the same participants and
- the same day (across articles);
- in one article, dates that do not conflict: an article tells one meeting several times
  ("met X on Friday ... during the meeting, X said ..."), but "met X on Saturday" and "also
  visited X on November 1" are two meetings, as are two days;
- an undated report (after ``infer_partial_dates``) joins the one dated meeting of the same
  participants in another article that fits it and that evidence ties to it: its article was
  published within ``SAME_EVENT_DAYS`` after the meeting, or it names the place that a report
  of those participants (all or some) in that meeting names. It never takes a meeting of
  another weekday or day than its text says, one of another place, or one after its article
  was published; with two such meetings it stays alone. It does not take the date either: the
  article did not say it (``meeting_participants.date`` shows a date only for the articles
  that state one). Evidence is what the reports of these participants say, never what other
  meetings of the two articles did: one article's change would then ripple through every
  article linked to it (and it changed no fact of dev, the seeds or a 200-article corpus).
A report of some of the people of a meeting of three or more joins it when it is told in the
same article before it with a fitting date, or on the same day ("A meets B" in a headline and "A
conferred with B in the presence of C" below); told after it in the same article, it is another
meeting ("Earlier, B held a bilateral meeting with C"). The meeting's participants are everyone
its reports name.

Reports are dicts (id, document, published, date, precision, raw, place, topics, people,
inferred) as ``meeting_resolve`` reads them from ``meeting_reports`` (an inferred date read back
as none: each clustering infers afresh; ``published`` is the article's day of publication).

``reaches`` says which reports these rules ever compare, or let decide about each other: an
incremental load reclusters the reports its changes touch together with everything they reach,
transitively (``meeting_resolve``), and gets what clustering the whole database gives. A new
rule that compares reports ``reaches`` does not relate must widen ``reaches`` too
(tests/test_incremental.py loads the same articles in pieces and at once and compares).
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

SAME_EVENT_DAYS = 14
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


def meeting_clusters(reports: dict, published: dict, groups) -> list[list[int]]:
    """Groups of report ids that are one real meeting each; ``groups`` is a union-find over the ids."""
    by_people = defaultdict(list)
    for report in reports.values():
        if len(report["people"]) >= 2:
            by_people[frozenset(report["people"])].append(report)
    for same_people in by_people.values():
        by_day = defaultdict(list)
        for report in same_people:
            if is_day(report):
                by_day[report["date"]].append(report)
        for same_day in by_day.values():
            for other in same_day[1:]:
                groups.union(same_day[0]["id"], other["id"])
        _merge_within_articles(same_people, groups)
    _merge_into_larger(by_people, groups)
    for _ in range(2):    # a second pass uses the article links the first one made
        _attach_undated(by_people, groups, published)
    return [sorted(members) for members in groups.groups().values()]


def _merge_within_articles(same_people: list[dict], groups) -> None:
    """One article's reports of these people: each joins the first of its earlier meetings
    whose every report fits its date and place ("met B in X" and "last met in Y in 2022" are two
    meetings), else starts one (no chain of joins across a conflict)."""
    by_document = defaultdict(list)
    for report in same_people:
        by_document[report["document"]].append(report)
    for reports in by_document.values():
        meetings: list[list[dict]] = []
        for report in sorted(reports, key=lambda r: r["id"]):
            home = next((m for m in meetings if all(_compatible(report, other) and not (
                report["place"] and other["place"] and report["place"] != other["place"]) for other in m)), None)
            if home is None:
                meetings.append([report])
            else:
                home.append(report)
                groups.union(home[0]["id"], report["id"])


def _merge_into_larger(by_people: dict, groups) -> None:
    """A report of some of a larger meeting's people joins it when it is told in the same
    article before it, with a date that fits ("A meets B" in the headline, "A conferred with B in
    the presence of C" in the body), or on the same day, and only one such meeting fits. Told
    after it in the same article, a part of its people is another meeting ("A received B and C
    ... Earlier, B held a bilateral meeting with C", "After the summit, B and C met one-on-one")."""
    larger = [people for people in by_people if len(people) >= 3]
    # the largest first, so that the parts of one meeting are one before a smaller part looks for it
    for people, reports in sorted(by_people.items(), key=lambda item: -len(item[0])):
        for report in reports:
            fitting = {groups.find(other["id"]) for big in larger if people < big for other in by_people[big]
                       if (other["document"] == report["document"] and _compatible(report, other)
                           and report["id"] < other["id"])
                       or (is_day(report) and is_day(other) and report["date"] == other["date"])}
            if len(fitting) == 1:
                groups.union(fitting.pop(), report["id"])


def _attach_undated(by_people: dict, groups, published: dict) -> None:
    clusters = defaultdict(list)
    for same_people in by_people.values():
        for report in same_people:
            clusters[groups.find(report["id"])].append(report)
    documents_of = {root: {r["document"] for r in members} for root, members in clusters.items()}
    for same_people in by_people.values():
        roots = list(dict.fromkeys(groups.find(r["id"]) for r in same_people))
        people = same_people[0]["people"]
        dated = {}      # a meeting's day, as told by a report of these people, all of them or some
        for root in roots:
            day = next((r["date"] for r in clusters[root] if is_day(r) and _nested(r["people"], people)), None)
            if day:
                dated[root] = day
        for root in roots:
            if any(is_day(r) for r in clusters[root]):
                continue
            members = clusters[root]
            fitting = [other for other, day in dated.items()
                       if _fits_undated(members, day, clusters[other], documents_of[other], published, people)]
            if len(fitting) == 1:
                groups.union(fitting[0], root)


def _fits_undated(members: list[dict], day: str, meeting: list[dict], meeting_documents: set,
                  published: dict, people: frozenset) -> bool:
    documents = {r["document"] for r in members}
    if documents & meeting_documents:
        return False          # the article's own dated report of these people is another meeting
    if not all(_fits(r, day) for r in members):
        return False
    places = {r["place"] for r in meeting if r["place"]}
    own_places = {r["place"] for r in members if r["place"]}
    if places and own_places and not places & own_places:
        return False
    # the same place, named by a report of these people (all of them or some) in that meeting
    evidence = bool(own_places & {r["place"] for r in meeting if r["place"] and _nested(r["people"], people)})
    for document in documents:
        issued = published.get(document)
        if issued is not None:
            if not _within_window(issued, day):
                return False
            evidence = True
    return evidence


def _within_window(issued: str, day: str) -> bool:
    """Whether an article published on ``issued`` may tell, undated, a meeting held on ``day``."""
    return 0 <= (date.fromisoformat(issued) - date.fromisoformat(day)).days <= SAME_EVENT_DAYS


def reaches(a: dict, b: dict) -> bool:
    """Whether the rules may compare reports ``a`` and ``b`` or let one change what happens to the
    other (symmetric; reports are compared in id order, so a set closed under this clusters the
    same alone as in the whole database). Within one article:
    - the same participants (``_merge_within_articles``);
    - undated reports naming the same partial date (they share its inference);
    - the participants of one within those of the other, of three or more (``_merge_into_larger``).
    Across articles, with the same participants or those of one within the other's (three or more):
    - two reports dated to the same day (same-day merges, ``_merge_into_larger``);
    - a report dated to a day and one that is not, when the undated one fits that day, and either
      names a weekday or a day that the other may date (``infer_partial_dates``: the same
      participants only) or could take a meeting of that day (``_attach_undated``: its article
      published within the window after it, or, with no publication date, naming the place
      the other names: ``_places_tie``). A meeting
      takes its day, for an undated report, only from a report of the same participants or of
      a part or a whole of them, so that one is always among those it reaches.
    Two reports of other days, or two undated ones, in different articles never meet directly:
    whatever they decide about each other goes through a dated report both reach. That keeps an
    incremental load's closure to the days and articles it touches."""
    same = bool(a["people"]) and a["people"] == b["people"]
    small, big = (a, b) if len(a["people"]) < len(b["people"]) else (b, a)
    nested = len(small["people"]) >= 2 and len(big["people"]) >= 3 and small["people"] < big["people"]
    if a["document"] == b["document"]:
        if same or nested:
            return True
        return not a["date"] and not b["date"] and _partial(a["raw"]) == _partial(b["raw"]) != (None, None)
    if not (same or nested):
        return False
    if _places_tie(a, b) or _places_tie(b, a):
        return True
    if is_day(a) and is_day(b):
        return a["date"] == b["date"]
    if is_day(a) == is_day(b):
        return False
    dated, other = (a, b) if is_day(a) else (b, a)
    if not _fits(other, dated["date"]):
        return False
    if same and not other["date"] and _partial(other["raw"]) != (None, None):
        return True                        # infer_partial_dates
    return len(other["people"]) >= 2 and bool(other.get("published")) and _within_window(other["published"], dated["date"])


def _places_tie(undated: dict, other: dict) -> bool:
    """An undated report of an article with no publication date takes a meeting only by the
    place it names (``_fits_undated``): it reaches the reports naming that place."""
    return (_by_place(undated) and undated["place"] == other["place"]
            and (not is_day(other) or _fits(undated, other["date"])))


def _by_place(report: dict) -> bool:
    return not is_day(report) and not report.get("published") and bool(report["place"]) and _several(report)


def _several(report: dict) -> bool:
    """Two or more participants (or, people unknown, possibly: ``index_keys`` of a light row)."""
    return report["people"] is None or len(report["people"]) >= 2


def index_keys(report: dict) -> set:
    """Keys under which a report can be found by a report of other articles that ``reaches`` it
    (with the same participants, or a part or a whole of them): ``reaches(a, b)`` across articles
    implies ``probe_keys(a) & index_keys(b)``, so a closure looks up candidates, not every report
    of the same people."""
    keys = set()
    if report["place"] and _several(report):
        keys.add(("place", report["place"]))
    if _by_place(report):
        keys.add(("undated-place", report["place"]))
    if is_day(report):
        when = date.fromisoformat(report["date"])
        return keys | {("day", report["date"]), ("weekday", when.weekday()), ("month-day", (when.month, when.day))}
    if report.get("published") and _several(report):
        keys.add(("published", report["published"]))
    if not report["date"]:
        weekday, month_day = _partial(report["raw"])
        keys |= {("partial-weekday", weekday), ("partial-month-day", month_day)} - {
            ("partial-weekday", None), ("partial-month-day", None)}
    return keys


def probe_keys(report: dict) -> set:
    """The keys (``index_keys``) of the reports of other articles that ``report`` may reach."""
    keys = set()
    if report["place"] and _several(report):
        keys.add(("undated-place", report["place"]))
    if _by_place(report):
        keys.add(("place", report["place"]))
    if is_day(report):
        when = date.fromisoformat(report["date"])
        keys |= {("day", report["date"]), ("partial-weekday", when.weekday()),
                 ("partial-month-day", (when.month, when.day))}
        return keys | {("published", (when + timedelta(days=k)).isoformat()) for k in range(SAME_EVENT_DAYS + 1)}
    if report.get("published") and _several(report):
        issued = date.fromisoformat(report["published"])
        keys |= {("day", (issued - timedelta(days=k)).isoformat()) for k in range(SAME_EVENT_DAYS + 1)}
    if not report["date"]:
        weekday, month_day = _partial(report["raw"])
        if weekday is not None:
            keys.add(("weekday", weekday))
        if month_day is not None:
            keys.add(("month-day", month_day))
    return keys


def _nested(one: frozenset, other: frozenset) -> bool:
    return one <= other or other <= one


def is_day(report: dict) -> bool:
    return bool(report["date"]) and report["precision"] in (None, "day")


def _compatible(a: dict, b: dict) -> bool:
    """Whether two reports' dates can be of one meeting."""
    if is_day(a) and is_day(b):
        return a["date"] == b["date"]
    if is_day(a) or is_day(b):
        dated, other = (a, b) if is_day(a) else (b, a)
        return _fits(other, dated["date"])
    if a["date"] and b["date"]:           # a month or a year each
        length = 4 if "year" in (a["precision"], b["precision"]) else 7
        return a["date"][:length] == b["date"][:length]
    weekday_a, day_a = _partial(a["raw"])
    weekday_b, day_b = _partial(b["raw"])
    if (weekday_a is None and not day_a) or (weekday_b is None and not day_b):
        return True                       # one of them names no day
    if day_a and day_b:
        return day_a == day_b and (weekday_a is None or weekday_b is None or weekday_a == weekday_b)
    if weekday_a is not None and weekday_b is not None:
        return weekday_a == weekday_b
    return False                          # "on Saturday" and "on November 1": two meetings


def _fits(report: dict, day: str) -> bool:
    """Whether an undated (or month/year-dated) report can be of a meeting on ``day``."""
    if report["date"] and report["precision"] in ("month", "year"):
        if not day.startswith(report["date"][:7 if report["precision"] == "month" else 4]):
            return False
    weekday, month_day = _partial(report["raw"])
    when = date.fromisoformat(day)
    if weekday is not None and when.weekday() != weekday:
        return False
    return not (month_day and (when.month, when.day) != month_day)


@lru_cache(maxsize=4096)
def _partial(raw: str | None) -> tuple[int | None, tuple[int, int] | None]:
    """(weekday, (month, day)) a date expression names without a year: "Saturday" -> (5, None),
    "November 1" -> (None, (11, 1)); (None, None) when it names neither."""
    words = (raw or "").lower().replace(",", " ").replace(".", " ").split()
    weekdays = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    weekday = weekdays[0] if len(set(weekdays)) == 1 else None
    month_day = None
    for i, word in enumerate(words):
        if word in MONTHS:
            numbers = [w.rstrip("stndrh") for w in words[max(0, i - 1): i + 2] if w != word]
            days = [int(n) for n in numbers if n.isdigit() and 1 <= int(n) <= 31]
            if len(days) == 1:
                month_day = (MONTHS[word], days[0])
    return weekday, month_day


def infer_partial_dates(reports: dict) -> None:
    """Date an article's reports that name a weekday or a day without a year ("on Tuesday",
    "on November 1") from another article's dated report of the same people on a day that
    fits, when exactly one does; the article's other reports naming the same day follow."""
    dated = defaultdict(set)
    for r in reports.values():
        if is_day(r):
            dated[frozenset(r["people"])].add((r["date"], r["document"]))
    anchors = defaultdict(set)   # (document, partial) -> dates that other articles pin down
    for r in reports.values():
        partial = _partial(r["raw"])
        if r["date"] or partial == (None, None):
            continue
        fitting = {d for d, doc in dated[frozenset(r["people"])] if doc != r["document"] and _fits(r, d)}
        if len(fitting) == 1:
            anchors[(r["document"], partial)].add(fitting.pop())
    for r in reports.values():
        partial = _partial(r["raw"])
        if r["date"] or partial == (None, None):
            continue
        candidates = anchors.get((r["document"], partial), set())
        if len(candidates) == 1:
            r["date"], r["precision"] = next(iter(candidates)), "day"
            r["inferred"] = "across-articles: the same meeting dated by another article"
