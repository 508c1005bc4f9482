"""A team plan: a plan kept in a PostgreSQL database that several apps open at once.

It answers to what a `PlanFile` does (`transaction()`, `reading()`, `close()`...), so every
service, check, export and import runs on it unchanged. What only a file has (its lock, the
-wal and its checkpoints, the backups beside it) stays with `PlanFile`: the server keeps one
writer per row itself, and its own backups (`pg_dump`) protect the database.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from tourplanner.db import migrate, postgresql
from tourplanner.db.open_plan import OpenPlan
from tourplanner.errors import PlanFileError
from tourplanner.i18n import _

REQUIRED_TABLES = {"alembic_version", "plans"}


class TeamPlan(OpenPlan):
    """An open team plan. Use `transaction()` for each user operation."""

    is_team = True

    def __init__(self, url: str, engine: Engine, *, read_only: bool = False) -> None:
        super().__init__(engine, writes_through=engine, read_only=read_only)
        self.url = url
        # Where the plan is, as shown and as passed to worker processes (no password in it).
        self.path = postgresql.TeamLocation(postgresql.shown(url))
        from tourplanner.team import live

        # Every commit tells the other apps what it changed (LISTEN/NOTIFY, team/live.py).
        self.sender = live.new_sender()
        live.install(self._writer, self.sender)
        from tourplanner.team import roles

        # A viewer's login may not read passports or medical notes: they are never asked for.
        self.private_visible = roles.may_read_private(engine)
        if not self.private_visible:
            roles.hide_private(self._writer, self._reader)

    @classmethod
    def create(cls, url: str, *, password: str | None = None) -> TeamPlan:
        """Lay out the newest schema in an empty database (publish fills it); refuses one that
        already holds tables."""
        engine = postgresql.make_engine(url, password=password)
        tables, _revision = postgresql.inspect(engine, url)
        if tables:
            engine.dispose()
            raise PlanFileError(
                _(
                    "{shown} is not empty ({n_tables} tables); a team plan is published into an empty database"
                ).format(shown=postgresql.shown(url), n_tables=len(tables))
            )
        try:
            migrate.upgrade(engine)
        except Exception as exc:
            engine.dispose()
            raise PlanFileError(
                _("could not create the team plan: {reason}").format(reason=_reason(exc, url))
            ) from exc
        return cls(url, engine)

    @classmethod
    def open(cls, url: str, *, read_only: bool = False, password: str | None = None) -> TeamPlan:
        """Open a team plan, upgrading an older schema (one app at a time, under the
        database's advisory lock); a newer schema is refused. The password, unless given, comes
        from the system keyring, else libpq's ~/.pgpass (team/credentials.py)."""
        if password is None:
            from tourplanner.team.credentials import password_for

            password = password_for(url)
        engine = postgresql.make_engine(url, password=password, read_only=read_only)
        try:
            revision = check_team_database(engine, url)
            if revision != migrate.head_revision():
                if read_only:
                    raise PlanFileError(
                        _(
                            "{shown} has an older schema ({revision}); open it once for writing to upgrade it"
                        ).format(shown=postgresql.shown(url), revision=revision)
                    )
                try:
                    migrate.upgrade(engine)
                except PlanFileError:
                    raise
                except Exception as exc:
                    raise PlanFileError(
                        _(
                            "could not upgrade {shown} ({reason}); nothing was changed (the upgrade is one transaction)"
                        ).format(shown=postgresql.shown(url), reason=_reason(exc, url))
                    ) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(url, engine, read_only=read_only)

    def _not_saved(self, exc: Exception) -> PlanFileError | None:
        if not isinstance(exc, DBAPIError):
            return None
        sentence = postgresql.error_sentence(exc, self.url)
        if sentence is None or exc.connection_invalidated or _is_refusal(exc):
            return PlanFileError(
                _("the change was not saved: {value}").format(value=sentence or exc)
            )
        return None

    def save_copy(self, target: Path | str) -> None:
        """A copy of the team plan as it is now, in a new plan file."""
        from tourplanner.team.offline import copy_into_file

        copy_into_file(self, Path(target))

    def integrity_ok(self) -> bool:
        return True  # the server checks its own pages; there is no file to verify

    def checkpoint(self) -> bool:
        return True  # no -wal to move: the server owns its write-ahead log

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.engine.dispose()


def check_team_database(engine: Engine, url: str) -> str:
    """The stored revision of a team plan, or a PlanFileError saying what the database is."""
    tables, revision = postgresql.inspect(engine, url)
    where = postgresql.shown(url)
    if not tables:
        raise PlanFileError(
            _(
                "{where} is an empty database; `tourplanner publish PLAN.tourplan {where}` makes it a team plan"
            ).format(where=where)
        )
    if not tables >= REQUIRED_TABLES or revision is None:
        raise PlanFileError(
            _("{where} is a database, but not a TourPlanner team plan").format(where=where)
        )
    if revision not in migrate.known_revisions():
        raise PlanFileError(
            _(
                "{where} was saved by a newer version of TourPlanner (schema {revision}); update TourPlanner to open it"
            ).format(where=where, revision=revision)
        )
    return revision


def _is_refusal(exc: DBAPIError) -> bool:
    import psycopg

    return isinstance(
        exc.orig, (psycopg.errors.InsufficientPrivilege, psycopg.errors.ReadOnlySqlTransaction)
    )


def _reason(exc: BaseException, url: str) -> str:
    return postgresql.error_sentence(exc, url) or str(exc)
