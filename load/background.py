"""Run a generator a few items ahead in a thread of its own.

The loader parses in one thread while the main thread extracts and writes: spaCy's
matrix products and its parser's loops release the GIL, so on two cores most of the
extraction hides behind the parse (a single-process load; worker processes do not use it).

Written here rather than taken from ``prefetch-generator`` (BackgroundGenerator), which
neither passes the thread's exceptions on nor stops the thread when the consumer stops.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


def in_background(items: Iterator[T], ahead: int, name: str = "newsfacts-background") -> Iterator[T]:
    """The items of ``items``, in order, produced by a daemon thread at most ``ahead`` items in
    advance. An exception in the thread is raised here, at its place in the sequence; closing
    this generator (or abandoning it) stops the thread at its next item."""
    handoff: queue.Queue = queue.Queue(maxsize=max(1, ahead))
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as error:   # raised again in the consumer, where it belongs
            put(_Failed(error))
            return
        put(_DONE)

    thread = threading.Thread(target=produce, name=name, daemon=True)
    thread.start()
    try:
        while True:
            item = handoff.get()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)
