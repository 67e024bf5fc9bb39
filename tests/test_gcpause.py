"""The scoped pause of the cyclic garbage collector nests across threads and always restores."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from edgekit.gcpause import gc_paused


def test_pause_is_scoped_and_restored_on_error() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_blocks_in_threads_re_enable_only_at_the_last_exit() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first block ended, this one still runs

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_leaving_the_pause_starts_no_collection_inside_it() -> None:
    """The pass over what the block built (pending in generation 0) starts at the caller's next
    allocation, not inside the exit: a generator-based exit allocated its StopIteration right
    after re-enabling and started it there, inside ``model.parse`` (benchmarks/RESULTS.md)."""
    started_in: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started_in.append(sys._getframe(1).f_code.co_filename)

    gc.collect()
    gc.callbacks.append(seen)
    try:
        with gc_paused():
            built: list[list[int]] = [[] for _ in range(5000)]  # above generation 0's threshold
        after = [built]  # the caller's next allocation: the pending pass starts here
    finally:
        gc.callbacks.remove(seen)
    assert after and started_in, "the probe saw no collection at all"
    assert started_in[0] == __file__, started_in
