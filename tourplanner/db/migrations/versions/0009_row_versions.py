"""Row versions: every editable row counts its updates and remembers who changed it last.

A write over a row changed since it was read is refused (SQLAlchemy's version_id_col); the
refusal names who changed what and when (team plans: several apps write one plan).

Revision ID: 0009
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None

# The tables whose rows have an editor (models/versioned.py `Versioned`).
TABLES = (
    "plans",
    "organizations",
    "groups",
    "venues",
    "rooms",
    "programmes",
    "people",
    "items",
    "travel_segments",
    "travellers",
    "precedence",
    "organization_protocol",
    "seating_plans",
    "seats",
    "gifts",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
            batch_op.add_column(
                sa.Column("changed_by", sa.String(length=200), nullable=False, server_default="")
            )
            batch_op.add_column(sa.Column("changed_at", sa.DateTime(), nullable=True))
            batch_op.add_column(
                sa.Column("changed_what", sa.String(length=300), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch_op:
            for column in ("changed_what", "changed_at", "changed_by", "version"):
                batch_op.drop_column(column)
