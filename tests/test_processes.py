"""A build's task in a forked process hands back its result whole, a long list in parts, and its failures."""

from __future__ import annotations

import pytest

from flashgen.build import processes
from flashgen.build.processes import Background, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="tasks run in a forked process only where fork is safe")


def _numbers(count: int) -> list[dict]:
    return [{"n": n, "text": "가" * (n % 7)} for n in range(count)]


def _with_a_function(count: int, at: int) -> list:
    return [n if n != at else (lambda: n) for n in range(count)]  # a function does not pickle


def _fails() -> None:
    raise ValueError("the task failed")


def test_a_long_list_comes_back_in_parts_whole_and_in_order() -> None:
    count = processes.PART * 5 + 3
    assert Background(_numbers, count).result() == _numbers(count)
    assert Background(_numbers, 0).result() == []
    assert Background(tuple, [1, 2]).result() == (1, 2)  # not a list: sent whole


def test_a_list_that_cannot_be_sent_past_its_first_parts_is_a_failure_not_a_short_list() -> None:
    with pytest.raises(RuntimeError, match="pickle"):
        Background(_with_a_function, processes.PART * 3, processes.PART * 2 + 1).result()


def test_an_exception_of_the_task_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError, match="the task failed"):
        Background(_fails).result()


def _taken(turns: processes.Turns, items: list, pause: float) -> list:
    import time

    out = []
    for item in turns.each(items):
        out.append(item)
        time.sleep(pause)
    return out


def test_turns_hand_each_item_to_exactly_one_process_and_a_slower_process_takes_fewer() -> None:
    items = list(range(103))
    turns = processes.Turns(len(items), 4)
    slow = Background(_taken, turns, items, 0.02)  # the forked process works five times slower
    fast = _taken(turns, items, 0.004)
    theirs = slow.result()
    assert sorted(fast + theirs) == items  # every item once, none twice
    assert len(theirs) < len(fast) and theirs  # both took some, the slower one fewer
    assert list(turns.each(items)) == []  # nothing is left to take
