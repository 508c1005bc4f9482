"""Holding off Python's cycle collector while a bulk job builds many containers it keeps."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Hold off Python's cycle collector for the length of the block; it runs again after.

    An import or a full conflict check allocates a few containers per row (hundreds of
    thousands) and keeps them to the end, none of them in cycles; with the collector on, each
    batch of allocations makes it walk the whole young heap again and again, and every so
    often the whole heap (the ORM's too): a third of a 5,000-row people import went there.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def count_as_old() -> None:
    """Hand every young object to the collector's oldest generation, unscanned.

    A full conflict check builds 300,000 lists and tuples that live as long as its index and
    hold no cycles; left young, the first collection after the check walked them all (a sixth
    of a 100k check's time) only to pass them on. Freezing then unfreezing moves them without
    a walk. Skipped while something is set aside (`set_aside_long_lived`): unfreezing would
    hand that back too.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def set_aside_long_lived() -> None:
    """Take every object alive now out of the cycle collector's walks (`gc.freeze`).

    Once a big plan's conflict index is built, the heap holds hundreds of thousands of
    objects that live as long as the plan is open. Every so often the collector walks all of
    them (a quarter of a second on a 20,000-item plan), and the window stops for that long in
    the middle of whatever the coordinator does. Set aside, they are skipped by those walks.
    They are still freed as usual when nothing refers to them any more. Only garbage in
    reference cycles waits, until `take_back_long_lived` (the index is rebuilt or the plan
    closed).
    """
    gc.freeze()


def take_back_long_lived() -> None:
    """Give what `set_aside_long_lived` set aside back to the cycle collector (`gc.unfreeze`)."""
    gc.unfreeze()
