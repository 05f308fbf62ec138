"""Share independent work between this process and forked copies of it, one per free core.

Forked workers inherit everything already in memory (the site model, the compiled templates),
so only results travel back, pickled through a pipe. Work is shared only where it pays and
is safe: with enough items, on a machine with more than one core, on Linux (where forking is
the norm; macOS system libraries may not survive it), and in a process with no other threads
(the preview server has some; forking beside them is not safe). A worker that
fails for any reason leaves its share to this process, so errors surface exactly as they
would without workers.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this many items, forking costs more than it saves.
MIN_ITEMS = 200


def cores() -> int:
    """How many cores this process may use."""
    with suppress(AttributeError, OSError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def shared_map(function: Callable[[Item], Result], items: Sequence[Item],
               min_items: int | None = None) -> list[Result]:
    """``[function(item) for item in items]``, shared between this process and forked workers.

    Worker ``k`` of ``n`` takes items ``k, k + n, k + 2n...``, which spreads costly and cheap
    items evenly when they come in runs.
    """
    min_items = MIN_ITEMS if min_items is None else min_items
    count = min(cores(), len(items) // max(1, min_items // 2))
    if (count < 2 or len(items) < min_items or not sys.platform.startswith("linux")
            or threading.active_count() > 1):
        return [function(item) for item in items]
    # What exists now is set aside from the garbage collector while the workers run (as
    # Python's documentation advises before a fork): neither they nor this process walk it
    # again, and the workers' collections do not copy the pages that hold it.
    gc.freeze()
    try:
        workers = [_start(function, items[k::count]) for k in range(1, count)]
        results: list[list[Result] | None] = [None] * count
        try:
            results[0] = [function(item) for item in items[0::count]]
        finally:
            for k, (pid, pipe) in enumerate(workers, start=1):
                results[k] = _collect(pid, pipe)
    finally:
        gc.unfreeze()
    for k in range(1, count):
        if results[k] is None:  # the worker failed: do its share here, to raise its error
            results[k] = [function(item) for item in items[k::count]]
    merged: list[Result] = []
    for index in range(len(items)):
        share = results[index % count]
        assert share is not None
        merged.append(share[index // count])
    return merged


def _start(function: Callable[[Item], Result], share: Sequence[Item]) -> tuple[int, int]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into the caller's stack
        status = 1
        try:
            os.close(read)
            data = pickle.dumps([function(item) for item in share], pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            status = 0
        except BaseException:  # reported by the exit status; the parent redoes the share
            pass
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _collect(pid: int, pipe: int) -> list | None:  # type: ignore[type-arg]
    """A worker's results, or None if it failed."""
    with os.fdopen(pipe, "rb") as source:
        data = source.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return None
    return pickle.loads(data)  # written by our own forked worker, never read from disk
