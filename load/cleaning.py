"""Tell the article apart from the page around it, by the shape and position of lines.

Scraped news carries site furniture: menus and breadcrumbs above the headline
("HomeIranIran Vows ...", "Asia-PacificIranMiddle EastPakistan"), header dates,
logos, "Back to top button", "RELATED ARTICLES", "- Advertisement -", lists of
other stories after a "Published in ..." line. The rules here are general:

- the *body* runs from the first to the last prose line (long, or ending like
  a sentence); short lines after the body are furniture;
- a line that marks the end of an article ("Published in X, <date>") ends it;
- above the body, the *head* holds the title, byline, dates and furniture;
  menu lines are recognized by their shape (words run together without spaces,
  single words, web vocabulary), not by exact strings;
- inside the body, short lines made only of web vocabulary are dropped,
  headings and captions are kept;
- a text cut off in mid-paragraph (a scraper's length limit, a truncated
  feed item) ends in a long sentence-case line without its full stop, right
  after the body: that line is the body's last paragraph, kept without its
  last, probably cut, word.

The result keeps the lines that remain, joined by blank lines, plus the head
lines for ``article_meta`` to read metadata from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice

# Words that make up site furniture in any outlet's template.
WEB_WORDS = {
    "advertisement", "advertisment", "advertisements", "sponsored", "related", "articles", "article",
    "stories", "story", "most", "popular", "read", "recent", "comments", "comment", "translate",
    "back", "to", "top", "button", "share", "this", "on", "follow", "us", "subscribe", "newsletter",
    "login", "log", "in", "sign", "up", "register", "menu", "home", "search", "skip", "content",
    "more", "also", "latest", "news", "trending", "print", "email", "tweet", "facebook", "twitter",
    "whatsapp", "linkedin", "telegram", "copy", "link", "next", "previous", "prev", "post", "posts",
    "you", "may", "like", "tags", "tag", "categories", "category", "opinion", "editorial", "editorials",
    "video", "videos", "photos", "gallery", "click", "here", "continue", "reading", "none", "logo",
    "cookie", "cookies", "accept", "privacy", "policy", "terms", "use", "contact", "about", "all",
    "rights", "reserved", "copyright", "loading", "open", "close", "toggle", "navigation", "and",
}
END_MARKERS = re.compile(
    r"^(?:(?:first |originally )?published (?:in|on|by)\b|©|copyright\b|all rights reserved\b)", re.I
)
PROSE_END = re.compile(r"""[.!?]["')\]]*$|[.!?]\s*\(.*\)\s*$""")
LETTERS = re.compile(r"[A-Za-z]+")
RUN_TOGETHER = re.compile(r"[a-z][A-Z][a-z]")  # "IranPakistan", "HomeIran"
# A photo credit ends a caption: "(AP Photo/Name)", "(Photo by X)", "[Name/Agency]", ". /Reuters",
# "File | Photo Credit: PTI", "(Shutterstock)" after a short line.
PHOTO_CREDIT = re.compile(
    r"(?:\((?:[^()]*\b(?:photos?|photograph|file|image|pic|credit)\b[^()]*|[^()/]+/[^()]+)\)"
    r"|\[[^\[\]]*/[^\[\]]*\]|(?:^|[.\s])/\s?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?|\bphoto\s*(?:credit)?\s*:.*)\s*$",
    re.I,
)
# A labelled date stamp at the very top of a saved page, on the line of the text that follows it:
# " date 2022-11-02 This Tuesday, ..." -> "date 2022-11-02" and the text.
LEADING_STAMP = re.compile(
    r"^\s*(?P<stamp>(?:date|dated|published|posted)\s*:?\s*(?:on\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s+(?P<rest>\S.*)$",
    re.I,
)


@dataclass
class Line:
    text: str
    index: int

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def is_prose(self) -> bool:
        """A paragraph of the article: a sentence of some length, or very long.

        Headlines run to twenty words but do not end like a sentence."""
        words = self.words
        return len(words) >= 30 or (len(words) >= 6 and bool(PROSE_END.search(self.text.strip())))

    def is_web_furniture(self) -> bool:
        """Made only of web words and punctuation ("- Advertisment -", "Translate »")."""
        words = [m.group() for m in islice(LETTERS.finditer(self.text), 7)]   # 7 words are too many
        if not words:
            return True  # punctuation or symbols only
        return len(words) <= 6 and all(w.lower() in WEB_WORDS for w in words)

    def is_menu(self) -> bool:
        """Breadcrumbs and category bars: words run together, or a single word."""
        words = self.words
        if self.is_web_furniture():
            return True
        if any(RUN_TOGETHER.search(w) and not w.startswith(("Mc", "Mac")) for w in words[:3]):
            return True
        return len(words) == 1 and not self.text.rstrip().endswith(":")

    def is_caption(self) -> bool:
        """A photo caption: it ends in a photo credit, or (a short line) in a bracketed source."""
        text = self.text.strip()
        return bool(PHOTO_CREDIT.search(text)) or (len(self.words) <= 8 and bool(re.search(r"\([A-Z][\w.]*\)$", text)))

    def is_end_marker(self) -> bool:
        return bool(END_MARKERS.match(self.text.strip()))

    def is_cut_paragraph(self) -> bool:
        """A paragraph that breaks off: long, in sentence case (two words in five lower-case, where
        a title-case headline has only its short function words), not ending like a sentence."""
        words = self.words
        if len(words) < CUT_PARAGRAPH_WORDS or PROSE_END.search(self.text.strip()) or self.is_caption():
            return False
        lower = sum(1 for w in words if w[:1].islower())
        return lower >= 0.4 * len(words)


# Words of a cut-off last paragraph: a headline or link list rarely runs this long in sentence case.
CUT_PARAGRAPH_WORDS = 12


@dataclass
class CleanedText:
    text: str
    head: list[str] = field(default_factory=list)       # lines above the body (title, byline, dates, furniture)
    end_lines: list[str] = field(default_factory=list)  # the "Published in ..." line(s) that ended the article
    dropped: list[str] = field(default_factory=list)    # everything removed, for tests and debugging
    tail: list[str] = field(default_factory=list)       # lines after the last paragraph (a date line may end an article)
    stamps: list[str] = field(default_factory=list)     # a bare "Published: <date>" line below the lead, taken out of the body


def split_leading_stamp(raw: str) -> str:
    """Put a labelled date stamp that opens the page on a line of its own, so
    that it is read as metadata and the text after it as text."""
    first_break = raw.find("\n")
    first = raw if first_break < 0 else raw[:first_break]
    match = LEADING_STAMP.match(first)
    if not match:
        return raw
    return match["stamp"] + "\n" + match["rest"] + ("" if first_break < 0 else raw[first_break:])


def clean_lines(raw: str) -> CleanedText:
    raw = split_leading_stamp(raw.lstrip("\n"))
    lines = [Line(text.strip(), i) for i, text in enumerate(raw.split("\n")) if text.strip()]
    if not lines:
        return CleanedText(text="")

    end_lines: list[str] = []
    dropped: list[str] = []
    stamps = _stamps_below_the_lead(lines)
    if stamps:
        dropped += [l.text for l in stamps]
        lines = [l for l in lines if l not in stamps]
    seen_prose = False
    for position, line in enumerate(lines):
        # "Published On 9 Feb 2024" under a headline is a stamp; the marker ends an article only
        # after some of its prose ("... Published in Dawn, November 20th, 2019").
        if position > 0 and seen_prose and line.is_end_marker():
            end_lines.append(line.text)
            dropped.extend(l.text for l in lines[position:])
            lines = lines[:position]
            break
        seen_prose = seen_prose or line.is_prose()

    prose = [position for position, line in enumerate(lines) if line.is_prose()]
    if not prose:
        # No paragraph of prose: keep what is not furniture (a short note is still text).
        kept = [l for l in lines if not l.is_menu()]
        return CleanedText(text="\n\n".join(l.text for l in kept), head=[], end_lines=end_lines,
                           dropped=dropped + [l.text for l in lines if l not in kept], stamps=[l.text for l in stamps])
    first, last = prose[0], prose[-1]
    if last == len(lines) - 2 and not end_lines and lines[-1].is_cut_paragraph():
        cut = lines[-1]
        dropped.append(cut.words[-1])
        lines[-1] = Line(" ".join(cut.words[:-1]), cut.index)
        last += 1
    head = lines[:first]
    furniture = [l.is_web_furniture() for l in lines[first:last + 1]]
    body = [l for l, web in zip(lines[first:last + 1], furniture) if not web]
    dropped += [l.text for l, web in zip(lines[first:last + 1], furniture) if web]
    dropped += [l.text for l in lines[last + 1:]]

    from .article_meta import pick_title  # the title line stays in the stored text

    title = pick_title([l.text for l in head])
    kept_head = [title] if title else []
    dropped += [l.text for l in head if l.text != title]
    text = "\n\n".join(kept_head + [l.text for l in body])
    return CleanedText(text=text, head=[l.text for l in head], end_lines=end_lines, dropped=dropped,
                       tail=[l.text for l in lines[last + 1:]], stamps=[l.text for l in stamps])


# How many paragraphs of prose may stand above a publication stamp that is not the article's end:
# a scraped page may put the stamp below the lead ("LEAD ... / Published: June 12, 2024 / more text").
LEAD_PARAGRAPHS = 2


def _stamps_below_the_lead(lines: list[Line]) -> list[Line]:
    """A line that is a labelled publication stamp and nothing else ("Published on: Friday, 23
    August 2024"), below at most two paragraphs of prose and with prose after it: metadata, not
    text, and not the marker that ends an article ("Published in Dawn, ..." after the last paragraph)."""
    from .article_meta import is_bare_stamp

    prose_before = 0
    for position, line in enumerate(lines):
        if line.is_prose():
            prose_before += 1
            if prose_before > LEAD_PARAGRAPHS:
                return []
        elif prose_before and is_bare_stamp(line.text) and any(l.is_prose() for l in lines[position + 1:]):
            return [line]
    return []
