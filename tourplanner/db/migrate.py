"""Schema migrations of plan files, run in-process with Alembic.

Alembic is imported only to upgrade a file: opening a current plan (every start of the app)
needs just the list of revisions, kept here and checked against the migration scripts by
tests/core/test_planfile.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from tourplanner.db import postgresql, sqlite

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Every schema revision this version knows, oldest first: add a new migration's id here.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0009", "0010")


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> tuple[str, ...]:
    """All schema revisions this version knows, oldest first."""
    return REVISIONS


def head_revision() -> str:
    return REVISIONS[-1]


def script_revisions() -> tuple[str, ...]:
    """The revisions of the migration scripts themselves, oldest first (what Alembic sees)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the file (or team database) to `revision` (the newest by default)."""
    from alembic import command

    config = _config()
    # The pragma is set before the transaction begins: SQLite ignores it inside one. On a team
    # database the advisory lock is taken first: a second app waits, then finds nothing to do.
    with (
        engine.connect() as connection,
        postgresql.migration_lock(connection),
        sqlite.foreign_keys_off(connection),
        connection.begin(),
    ):
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        sqlite.verify_foreign_keys(connection)
