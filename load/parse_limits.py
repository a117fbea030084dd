"""A parse too deep to extract from: refused before the extractors walk it.

spaCy's ``Token.subtree`` (which the extractors use) is a chain of nested generators,
one per level of the dependency tree, on the C stack. A text of tens of thousands of
words without a sentence end ("Rail talks Rail talks ..." as a 330 KB head line)
parses as one tree some 60,000 levels deep, and walking it overflows the C stack: a
segmentation fault that ends the whole load, on every re-run. Such an article is
skipped instead, with the depth in the reason (and remembered in ``skipped_files``).

``MAX_PARSE_DEPTH`` is far above running text (news sentences parse under 50 levels
deep; a list of hundreds of names joined by commas stays under it) and far below the
depth that crashed (about 50,000, on an 8 MB stack).
"""
from __future__ import annotations

import numpy
from spacy.attrs import HEAD
from spacy.tokens import Doc

MAX_PARSE_DEPTH = 1_000


def parse_depth(doc: Doc) -> int:
    """The depth of the deepest token of the dependency parse (0 for a root), without recursion:
    pointer jumping over the heads array, log2(depth) numpy steps."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return 0
    index = numpy.arange(len(doc))
    pointer = index + doc.to_array([HEAD]).astype(numpy.int64).ravel()   # HEAD is relative
    distance = (pointer != index).astype(numpy.int64)                      # edges from a token to its pointer
    for _ in range(64):
        jumped = pointer[pointer]
        if (jumped == pointer).all():
            break
        distance, pointer = distance + distance[pointer], jumped
    return int(distance.max())


def too_deep(doc: Doc) -> str | None:
    """The skip reason when the parse is deeper than ``MAX_PARSE_DEPTH``, else None."""
    depth = parse_depth(doc)
    if depth <= MAX_PARSE_DEPTH:
        return None
    return (f"a sentence parses {depth:,} levels deep (limit {MAX_PARSE_DEPTH:,}): "
            f"not running text (words without sentence ends?)")
