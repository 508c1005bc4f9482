"""Everything PostgreSQL-specific lives here (SQLite's sibling is db/sqlite.py).

A team plan is a PostgreSQL database that every coordinator's app opens directly. Passwords
are never part of the location the app keeps: libpq reads them from `~/.pgpass` (or the file
`PGPASSFILE` names), and `team/credentials.py` hands one from the system keyring when asked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Connection, Engine, String, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles

from tourplanner.errors import PlanFileError
from tourplanner.i18n import _

# The key of the advisory lock that keeps two apps from migrating one database at once
# ("TPLN", the plan file's application id).
MIGRATION_LOCK_KEY = 0x54504C4E
CONNECT_TIMEOUT_S = 5


@compiles(String, "postgresql")
def _text_without_length(type_: String, compiler: Any, **kw: Any) -> str:
    """Text columns without a length limit, as in a plan file: SQLite never enforced the
    models' lengths, so a file holds longer values that publishing must keep (the services'
    validation still limits what is typed)."""
    if type(type_) is String:
        return "VARCHAR"
    return str(getattr(compiler, f"visit_{type_.__visit_name__}")(type_, **kw))


class TeamLocation(str):
    """A team plan's URL (without a password) that answers `.name` as a file's path does, so
    what shows a plan's name (window title, messages) shows "shenzhen on db.example.org"."""

    @property
    def name(self) -> str:
        parts = urlsplit(self)
        return f"{parts.path.lstrip('/') or 'team plan'} on {parts.hostname or 'this computer'}"


def shown(url: str) -> str:
    """The location as the user may see it: the password, if one was written, left out."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, parts.query, ""))


def driver_url(url: str) -> str:
    """The SQLAlchemy URL for psycopg 3, whichever of the usual schemes the user wrote."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def make_engine(url: str, *, password: str | None = None, read_only: bool = False) -> Engine:
    """An engine on a team database; connections checked before use (a server may restart)."""
    connect_args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if password is not None:
        connect_args["password"] = password
    engine = create_engine(driver_url(url), pool_pre_ping=True, connect_args=connect_args)
    if read_only:

        @event.listens_for(engine, "connect")
        def _read_only(dbapi_connection: Any, _record: Any) -> None:
            # The server itself refuses writes on this connection, whatever the client does.
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET default_transaction_read_only = on")
            dbapi_connection.commit()

    return engine


@contextmanager
def migration_lock(connection: Connection) -> Iterator[None]:
    """Hold the team database's migration lock: a second app waits here, then finds it done."""
    if connection.dialect.name != "postgresql":
        yield
        return
    connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
    connection.commit()
    try:
        yield
    finally:
        connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
        connection.commit()


def inspect(engine: Engine, url: str) -> tuple[set[str], str | None]:
    """The table names and stored schema revision of a team database."""
    try:
        with engine.connect() as conn:
            tables = set(
                conn.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                ).scalars()
            )
            revision = None
            if "alembic_version" in tables:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            return tables, revision
    except Exception as exc:
        sentence = error_sentence(exc, url)
        if sentence is None:
            raise
        raise PlanFileError(
            _("cannot open the team plan {shown}: {sentence}").format(
                shown=shown(url), sentence=sentence
            )
        ) from exc


def error_sentence(exc: BaseException, url: str) -> str | None:
    """What a driver error means for the team plan at `url` (the end of a sentence), or None."""
    import psycopg

    raw = getattr(exc, "orig", None) or exc
    if not isinstance(raw, psycopg.Error):
        return None
    text = str(raw).strip().splitlines()[0] if str(raw).strip() else type(raw).__name__
    text = text.split("failed: FATAL:", 1)[-1].strip()  # libpq's "connection to ... failed:"
    state = getattr(raw, "sqlstate", None) or ""
    where = shown(url)
    if isinstance(raw, psycopg.errors.InsufficientPrivilege):
        return _("your role on {where} may not do that ({text})").format(where=where, text=text)
    if isinstance(raw, psycopg.errors.ReadOnlySqlTransaction):
        return _("{where} is open read-only").format(where=where)
    if (
        state.startswith("28")
        or "password authentication failed" in text
        or ("no password supplied" in text)
    ):
        return _("the server refused the login ({text}); check the user name and password").format(
            text=text
        )
    if state == "3D000":
        return _("the database does not exist on the server ({text})").format(text=text)
    if isinstance(raw, psycopg.OperationalError):
        return _("the server cannot be reached ({text})").format(text=text)
    return text


def reset_sequences(connection: Connection, tables: list[str]) -> None:
    """Move each table's id sequence past its highest id (after rows were copied in with
    their own ids), so a new row never takes an id that was given before."""
    for table in tables:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f'GREATEST((SELECT max(id) FROM "{table}"), 1), '
            f'(SELECT max(id) IS NOT NULL FROM "{table}"))'
        )
