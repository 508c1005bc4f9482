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
