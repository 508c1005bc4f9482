"""Rows several people may edit: a version counted up by every update, and who changed it last.

SQLAlchemy's `version_id_col` adds `WHERE version = <the one read>` to every UPDATE and
DELETE of a mapped row, so a write over a row changed since it was read fails instead of
silently winning; `changed_by`/`changed_at`/`changed_what` let the refusal say who did what.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from tourplanner.models.base import UTCDateTime

# The columns that stamp a row's version and last change, not what the row holds.
STAMP_COLUMNS = frozenset({"version", "changed_by", "changed_at", "changed_what"})


class Versioned:
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    changed_what: Mapped[str] = mapped_column(String(300), default="", server_default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declarative's own signature
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def row_stamp(session: Any) -> dict[str, Any]:
    """Who changed a row, when and doing what, for a row written now in this session
    (`db/authorship.stamp` puts it on every row a plan's transaction flushes)."""
    return {
        "changed_by": session.info.get("author", ""),
        "changed_at": datetime.now(UTC),
        "changed_what": session.info.get("doing", "")[:300],
    }


def with_versions(session: Any, model: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for an ORM bulk UPDATE by primary key (`session.execute(update(Model), rows)`),
    each with the version it has now: with `version_id_col` the update checks and moves it."""
    from sqlalchemy import select

    ids = [row["id"] for row in rows]
    found = dict(session.execute(select(model.id, model.version).where(model.id.in_(ids))).all())
    return [{**row, "version": found[row["id"]]} for row in rows]
