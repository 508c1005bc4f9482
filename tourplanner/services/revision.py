"""The plan's revision: a short code that changes with every committed change.

Printed on every document beside the print time, so "is this copy the latest?" has an answer.
Versioned tables count every update in their rows' versions, so their row count, highest id
and sum of versions move with each insert, update and delete (ids are never reused). The few
tables without versions (bookings, travel times) are summed in the database, grouped by their
text columns (a booking's role and status): per group the count and, for each number column,
its sum weighted by the row's key, so moving a booking to another person, item, role or
status moves the sums (reading 20,000 bookings into Python cost more than the rest of a page).
"""

from __future__ import annotations

import hashlib
from typing import cast as typed

from sqlalchemy import BigInteger, Integer, Table, cast, func, select
from sqlalchemy.orm import Session

from tourplanner.models import Base
from tourplanner.models.versioned import Versioned


def _summary(session: Session, table: Table) -> list[tuple]:
    """A table without versions, summed by the database (see the module's note)."""
    keys = [cast(key, BigInteger) for key in table.primary_key.columns]  # no int4 overflow
    weight = sum((key * (n * 2 + 3) for n, key in enumerate(keys)), 1)  # distinct odd factors
    numbers = [c for c in table.columns if isinstance(c.type, Integer)]
    texts = [c for c in table.columns if not isinstance(c.type, Integer)]
    sums = [func.sum(func.coalesce(c, -1) * weight) for c in numbers]
    query = select(*texts, func.count(), *sums).select_from(table)
    if texts:
        query = query.group_by(*texts).order_by(*texts)
    return [tuple(r) for r in session.execute(query).all()]


def plan_revision(session: Session) -> str:
    """Eight hex digits that differ after any committed change to the plan."""
    digest = hashlib.blake2b(digest_size=4)
    for mapper in sorted(Base.registry.mappers, key=lambda m: m.class_.__name__):
        model = mapper.class_
        table = typed(Table, mapper.local_table)
        if issubclass(model, Versioned):
            keys = [func.max(c) for c in table.primary_key.columns]
            row = session.execute(
                select(func.count(), *keys, func.sum(table.c.version)).select_from(table)
            ).one()
            digest.update(repr((table.name, tuple(row))).encode())
        else:
            digest.update(repr((table.name, _summary(session, table))).encode())
    return digest.hexdigest()
