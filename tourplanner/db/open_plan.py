"""What an open plan file and an open team plan share: one transaction per user operation,
read-only looks, the author stamped on each change, and the counters backups compare.

Each kind says only what differs: what writes go through, which database errors are a
refusal said in words (`_not_saved`), and what follows a commit (`_committed`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from tourplanner.db import authorship
from tourplanner.db.authorship import CONFLICT_SENTENCE
from tourplanner.errors import EditConflictError, PlanFileError
from tourplanner.i18n import _


class OpenPlan:
    """An open plan. Use `transaction()` for each user operation, `reading()` to look."""

    is_team = False
    path: Any  # the file's Path, or a team plan's location shown without its password

    def __init__(self, engine: Engine, *, writes_through: Any, read_only: bool) -> None:
        self.engine = engine
        self.read_only = read_only
        self._writer = sessionmaker(bind=writes_through, expire_on_commit=False)
        # Who is written beside each change (db/authorship.py); a team plan's app sets its own.
        self.author = authorship.default_author()
        event.listen(self._writer, "before_flush", authorship.stamp)
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self.backup_path: Path | None = None
        # Commits made through this object: backups.maybe_backup compares it with the last one.
        self.generation = 0
        self.backed_up_generation = 0
        self._closed = False

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user operation: all of it is committed on exit, or none of it on error."""
        if self.read_only:
            raise PlanFileError(
                _("{path} is open read-only; nothing was changed").format(path=self.path)
            )
        try:
            with self._writer.begin() as session:
                session.info["author"] = self.author
                yield session
                session.flush()  # what is left to write is counted before the commit announces
        except StaleDataError as exc:
            raise EditConflictError(CONFLICT_SENTENCE) from exc
        except Exception as exc:
            refusal = self._not_saved(exc)
            if refusal is None:
                raise
            raise refusal from exc
        self.generation += 1
        self._committed()

    def _not_saved(self, exc: Exception) -> PlanFileError | None:
        """The sentence for a database error that refused the change, or None to pass it on."""
        return None

    def _committed(self) -> None:
        """What follows each commit."""

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look at a consistent snapshot; anything written is rolled back."""
        session = self._reader()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
