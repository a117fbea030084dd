"""The article page: a document's row page (``/<db>/documents/<id>``) shows the article.

The headline, outlet, date and source; the cleaned text as paragraphs with every extracted fact
marked in place (``<mark data-fact="titles:12" id="titles-12">``, one mark per fact, split into
pieces only where facts overlap or a paragraph ends); beside it the facts by kind (people and
their titles, meetings, figures, casualty claims), each linking to its row and to its mark.
Anchors ``#sentence-<id>`` and ``#meeting-<id>`` let a view or query link to the fact's place.

Every fact table row has character offsets into ``documents.text`` (the text shown here), so a
mark is exactly the stored span. Everything from the database is escaped.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

# fact table -> the kind its marks are coloured by (newsfacts.css)
KINDS = {
    "person_mentions": "person",
    "titles": "title",
    "meeting_reports": "meeting",
    "figures": "figure",
    "casualty_counts": "casualty",
}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# documents columns the page shows in its header or never shows in the "about this file" list
HEADER_COLUMNS = {"id", "title", "outlet", "published", "published_precision", "author", "url", "text",
                  "label", "characters", "sha256", "path"}


@dataclass(frozen=True)
class Mark:
    table: str
    id: int
    start: int
    end: int
    title: str = ""

    @property
    def key(self) -> str:
        return f"{self.table}:{self.id}"

    @property
    def anchor(self) -> str:
        return f"{self.table}-{self.id}"


@dataclass
class Fact:
    """One line of the list beside the text."""
    label: str
    href: str
    anchor: str = ""
    detail: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)   # (text, href) of related rows


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines, without its surrounding space."""
    out, position = [], 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            start = position + (len(chunk) - len(chunk.lstrip()))
            out.append((start, start + len(stripped)))
        if match:
            position = match.end()
    return out


def mark_up(text: str, marks: list[Mark], anchors: dict[int, list[str]] | None = None) -> list[Markup]:
    """The text's paragraphs as HTML, each mark's span wrapped in <mark> (nested where facts
    nest, split where they cross), and an empty anchor element at each offset of ``anchors``
    (offset -> element ids; an offset between paragraphs goes to the next paragraph)."""
    spans = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    blocks = paragraphs(text)
    placed: dict[int, list[str]] = {}
    for offset, ids in sorted((anchors or {}).items()):
        target = next((max(offset, start) for start, end in blocks if offset < end), None)
        if target is not None:
            placed.setdefault(target, []).extend(ids)
    first_piece = set()
    out = []
    for block_start, block_end in blocks:
        points = {block_start, block_end}
        for mark in spans:
            if mark.start < block_end and mark.end > block_start:
                points.update({max(mark.start, block_start), min(mark.end, block_end)})
        points.update(p for p in placed if block_start <= p < block_end)
        points = sorted(points)
        html = []
        for a, b in zip(points, points[1:]):
            for element_id in placed.get(a, []):
                html.append(f'<span class="anchor" id="{escape(element_id)}"></span>')
            active = sorted((m for m in spans if m.start <= a and m.end >= b),
                            key=lambda m: (m.start, -m.end, m.table, m.id))
            for mark in active:
                element_id = ""
                if mark.key not in first_piece:
                    first_piece.add(mark.key)
                    element_id = f' id="{escape(mark.anchor)}"'
                html.append(f'<mark class="fact fact-{KINDS.get(mark.table, "other")}" data-fact="{escape(mark.key)}"'
                            f'{element_id} title="{escape(mark.title)}">')
            html.append(str(escape(text[a:b])))
            html.append("</mark>" * len(active))
        out.append(Markup("".join(html)))
    return out


def _cut(date: str | None, precision: str | None) -> str | None:
    if not date:
        return None
    return {"month": date[:7], "year": date[:4]}.get(precision or "day", date)


def _names(value: str | None) -> str:
    try:
        items = json.loads(value) if value else []
    except ValueError:
        return value or ""
    return ", ".join(map(str, items)) if isinstance(items, list) else str(value)


async def _rows(db, sql: str, params) -> list[dict]:
    results = await db.execute(sql, params)
    return [dict(row) for row in results.rows]


async def load_article(datasette, database: str, document_id: int) -> dict | None:
    """Everything the article page shows, or None when there is no such document."""
    db = datasette.get_database(database)
    documents = await _rows(db, "select * from documents where id = ?", [document_id])
    if not documents:
        return None
    document = documents[0]
    text = document["text"] or ""
    row = lambda table, key: datasette.urls.row(database, table, str(key))  # noqa: E731
    table = lambda name, **args: datasette.urls.table(database, name) + (  # noqa: E731
        "?" + "&".join(f"{k}={v}" for k, v in args.items()) if args else "")

    marks: list[Mark] = []
    anchors: dict[int, list[str]] = {}
    for sentence in await _rows(db, "select id, start from sentences where document_id = ? order by position",
                                [document_id]):
        anchors.setdefault(sentence["start"], []).append(f"sentence-{sentence['id']}")

    # people and their titles, by the article's own people
    people: dict[int, dict] = {}
    for person in await _rows(db, """
            select ap.id, ap.name, ap.rank, ap.honorific, ap.country, ap.person_id, p.name as canonical
            from article_people ap left join people p on p.id = ap.person_id
            where ap.document_id = ? order by ap.local_key""", [document_id]):
        people[person["id"]] = {**person, "titles": [], "mentions": []}
    for mention in await _rows(db, """
            select id, article_person_id, start, "end", text, kind from person_mentions
            where document_id = ? order by start""", [document_id]):
        person = people.get(mention["article_person_id"])
        name = (person["canonical"] or person["name"]) if person else mention["text"]
        marks.append(Mark("person_mentions", mention["id"], mention["start"], mention["end"],
                          f"person: {name}" + (" (role mention)" if mention["kind"] == "role" else "")))
        if person:
            person["mentions"].append(mention)
    for title in await _rows(db, """
            select id, article_person_id, start, "end", text, post, country, organisation, rank, status,
                   is_description, as_of, as_of_precision
            from titles where document_id = ? order by start""", [document_id]):
        post = " ".join(filter(None, [title["status"], title["post"]]))
        where = ", ".join(filter(None, [title["organisation"], title["country"]]))
        words = post + (f" ({where})" if where else "") + (" (a description)" if title["is_description"] else "")
        person = people.get(title["article_person_id"])
        holder = (person["canonical"] or person["name"]) if person else ""
        marks.append(Mark("titles", title["id"], title["start"], title["end"],
                          f"title: {words}" + (f" held by {holder}" if holder else "")))
        if person:
            person["titles"].append(Fact(words, row("titles", title["id"]), f"titles-{title['id']}"))
    people_facts = []
    for person in people.values():
        name = person["canonical"] or person["name"]
        detail = ", ".join(filter(None, [person["rank"], person["country"]]))
        href = row("people", person["person_id"]) if person["person_id"] else row("article_people", person["id"])
        mentions = person["mentions"]
        fact = Fact(name, href, f"person_mentions-{mentions[0]['id']}" if mentions else "", detail)
        if mentions:
            fact.links.append((f"{len(mentions)} mention{'' if len(mentions) == 1 else 's'}",
                               table("person_mentions", article_person_id=person["id"])))
        people_facts.append((fact, person["titles"]))

    # meetings: each report, with who took part
    participants: dict[int, list[str]] = {}
    for pair in await _rows(db, """
            select rp.meeting_report_id, coalesce(p.name, ap.name) as name
            from meeting_report_participants rp
            join meeting_reports r on r.id = rp.meeting_report_id
            join article_people ap on ap.id = rp.article_person_id
            left join people p on p.id = ap.person_id
            where r.document_id = ? order by ap.local_key""", [document_id]):
        participants.setdefault(pair["meeting_report_id"], []).append(pair["name"])
    meetings, anchored_meetings = [], set()
    for report in await _rows(db, """
            select id, start, "end", text, date, date_precision, date_raw, place, topics, meeting_id
            from meeting_reports where document_id = ? order by start""", [document_id]):
        who = ", ".join(participants.get(report["id"], [])) or "(participants unknown)"
        when = _cut(report["date"], report["date_precision"]) or (
            f"undated ({report['date_raw']})" if report["date_raw"] else "undated")
        detail = "; ".join(filter(None, [when, report["place"], _names(report["topics"])]))
        marks.append(Mark("meeting_reports", report["id"], report["start"], report["end"],
                          f"meeting: {who}; {detail}"))
        if report["meeting_id"] is not None and report["meeting_id"] not in anchored_meetings:
            anchored_meetings.add(report["meeting_id"])   # the article's first report of the meeting
            anchors.setdefault(report["start"], []).append(f"meeting-{report['meeting_id']}")
        fact = Fact(who, row("meeting_reports", report["id"]), f"meeting_reports-{report['id']}", detail)
        if report["meeting_id"] is not None:
            fact.links.append(("the meeting across articles", row("meetings", report["meeting_id"])))
        meetings.append(fact)

    figures = []
    for figure in await _rows(db, """
            select id, start, "end", text, value, unit, subject, approximate, qualifier
            from figures where document_id = ? order by start""", [document_id]):
        detail = f"{figure['value']:g} {figure['unit']}" + (f": {figure['subject']}" if figure["subject"] else "")
        marks.append(Mark("figures", figure["id"], figure["start"], figure["end"], f"figure: {detail}"))
        figures.append(Fact(figure["text"], row("figures", figure["id"]), f"figures-{figure['id']}", detail))

    casualties = []
    for count in await _rows(db, """
            select c.id, c.start, c."end", c.text, c.kind, c.count, c.low, c.high, c.qualifier, c.victims,
                   c.claimed_by, c.incident_id, coalesce(c.place, i.place) as place, c.date, c.date_precision,
                   case when c.side = 'victims' and c.kind <> 'arrested' then i.perpetrator end as perpetrator,
                   nullif(i.role, 'reported') as role
            from casualty_counts c join incidents i on i.id = c.incident_id
            where c.document_id = ? order by c.start""", [document_id]):
        number = (str(count["count"]) if count["count"] is not None else
                  f"{count['low']}-{count['high']}" if count["low"] is not None else count["qualifier"] or "?")
        if count["qualifier"] and count["count"] is not None:
            number = f"{count['qualifier']} {number}"
        label = f"{count['kind']}: {number}" + (f" {count['victims']}" if count["victims"] else "")
        detail = "; ".join(filter(None, [
            f"by {count['perpetrator']}" if count["perpetrator"] else None, count["place"],
            _cut(count["date"], count["date_precision"]),
            f"according to {count['claimed_by']}" if count["claimed_by"] else None, count["role"]]))
        marks.append(Mark("casualty_counts", count["id"], count["start"], count["end"],
                          f"casualties: {label}; {detail}"))
        fact = Fact(label, row("casualty_counts", count["id"]), f"casualty_counts-{count['id']}", detail)
        fact.links.append(("the incident", row("incidents", count["incident_id"])))
        casualties.append(fact)

    url = document.get("url")
    about = {key: value for key, value in document.items()
             if key not in HEADER_COLUMNS and value not in (None, "")}
    return {
        "id": document_id,
        "headline": document.get("title") or document.get("path"),
        "has_title": bool(document.get("title")),
        "outlet": document.get("outlet"),
        "published": _cut(document.get("published"), document.get("published_precision")),
        "author": document.get("author"),
        "url": url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
        "path": document.get("path"),
        "about": about,
        "paragraphs": mark_up(text, marks, anchors),
        "marks": len(marks),
        "people": people_facts,
        "meetings": meetings,
        "figures": figures,
        "casualties": casualties,
        "json": datasette.urls.row(database, "documents", str(document_id), format="json"),
    }
