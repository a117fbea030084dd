"""load/background.py: a generator run ahead in a thread keeps its order, raises its errors
where they happened, and stops when its consumer stops."""
from __future__ import annotations

import threading
import time

import pytest

from load.background import in_background


def test_items_come_in_order_and_the_thread_runs_ahead():
    produced = []

    def numbers():
        for n in range(50):
            produced.append(n)
            yield n

    items = in_background(numbers(), ahead=5)
    assert next(items) == 0
    time.sleep(0.2)
    assert 5 <= len(produced) <= 7            # ahead, but no further than the queue allows
    assert list(items) == list(range(1, 50))


def test_an_error_in_the_thread_is_raised_after_the_items_before_it():
    def failing():
        yield 1
        yield 2
        raise ValueError("bad record")

    seen = []
    with pytest.raises(ValueError, match="bad record"):
        for item in in_background(failing(), ahead=4):
            seen.append(item)
    assert seen == [1, 2]


def test_closing_the_consumer_stops_the_thread():
    produced = []

    def endless():
        n = 0
        while True:
            produced.append(n)
            yield n
            n += 1

    items = in_background(endless(), ahead=3, name="test-background")
    assert next(items) == 0
    items.close()
    count = len(produced)
    time.sleep(0.3)
    assert len(produced) == count
    assert not any(t.name == "test-background" for t in threading.enumerate())
