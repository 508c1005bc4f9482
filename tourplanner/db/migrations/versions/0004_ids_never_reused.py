"""Ids are never reused: AUTOINCREMENT on every table whose rows can be deleted and restored.

Without it SQLite hands a deleted row's id (the highest) to the next new row, and undoing the
delete would restore the old row's links onto the newcomer. Each table is copied into one
declared `INTEGER PRIMARY KEY AUTOINCREMENT`; the copy sets sqlite_sequence to the highest id
present, so from here on no id is given twice.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Parents before children, as batch mode copies each table in turn.
TABLES = (
    "organizations",
    "groups",
    "venues",
    "rooms",
    "programmes",
    "people",
    "items",
    "travel_segments",
    "participations",
)


def _sqlite() -> bool:
    # PostgreSQL's sequences never give an id twice already: nothing to do on a team database.
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": True}
        ):
            pass


def downgrade() -> None:
    if not _sqlite():
        return
    for table in reversed(TABLES):
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": False}
        ):
            pass
