"""Schema migrations of plan files, run in-process with Alembic."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from tourplanner.db import sqlite

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@lru_cache(maxsize=1)
def known_revisions() -> tuple[str, ...]:
    """All schema revisions this version knows, oldest first."""
    script = ScriptDirectory.from_config(_config())
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def head_revision() -> str:
    return known_revisions()[-1]


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the file to `revision` (the newest by default)."""
    config = _config()
    # The pragma is set before the transaction begins: SQLite ignores it inside one.
    with engine.connect() as connection, sqlite.foreign_keys_off(connection), connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        sqlite.verify_foreign_keys(connection)
