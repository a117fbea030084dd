"""What people and meeting resolution share: a union-find, the most common of counted values,
and SQL over lists of ids in chunks."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator


class UnionFind:
    """Groups of items; a group's root is its smallest item, whatever order the unions came in."""

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


def chunks(items: Iterable, size: int = 500) -> Iterator[list]:
    """``items`` in lists of at most ``size`` (SQLite limits the parameters of one statement)."""
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def in_list(column: str, values: list) -> str:
    """``column IN (?, ?, ...)`` for ``values``."""
    return f"{column} IN ({','.join('?' * len(values))})"


def most_common(counts: dict[str, int]) -> str | None:
    """The value counted most; a tie goes to the longer value, then the alphabetically first (by
    the value, never by the order articles came in)."""
    return min(counts, key=lambda v: (-counts[v], -len(v), v)) if counts else None
