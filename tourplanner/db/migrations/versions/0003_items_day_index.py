"""An index for reading one programme day: items by programme, zone and start.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_items_programme_zone_start", "items", ["programme_id", "timezone", "start_utc"]
    )


def downgrade() -> None:
    op.drop_index("ix_items_programme_zone_start", table_name="items")
