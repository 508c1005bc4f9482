"""The plan's revision: a short code that changes with every committed change.

Printed on every document beside the print time, so "is this copy the latest?" has an answer.
Versioned tables count every update in their rows' versions, so their row count, highest id
and sum of versions move with each insert, update and delete (ids are never reused); the few
tables without versions (bookings, travel times) are read whole, which is cheap for them.
"""

from __future__ import annotations

import hashlib
from typing import cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from tourplanner.models import Base
from tourplanner.models.versioned import Versioned


def plan_revision(session: Session) -> str:
    """Eight hex digits that differ after any committed change to the plan."""
    digest = hashlib.blake2b(digest_size=4)
    for mapper in sorted(Base.registry.mappers, key=lambda m: m.class_.__name__):
        model = mapper.class_
        table = cast(Table, mapper.local_table)
        if issubclass(model, Versioned):
            keys = [func.max(c) for c in table.primary_key.columns]
            row = session.execute(
                select(func.count(), *keys, func.sum(table.c.version)).select_from(table)
            ).one()
            digest.update(repr((table.name, tuple(row))).encode())
        else:
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            digest.update(repr((table.name, [tuple(r) for r in rows])).encode())
    return digest.hexdigest()
