"""Travel times between venues, and the plan's default travel times.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "travel_times",
        sa.Column("from_venue_id", sa.Integer(), nullable=False),
        sa.Column("to_venue_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "from_venue_id < to_venue_id", name=op.f("ck_travel_times_ordered_pair")
        ),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_travel_times_minutes")),
        sa.ForeignKeyConstraint(
            ["from_venue_id"],
            ["venues.id"],
            name=op.f("fk_travel_times_from_venue_id_venues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_venue_id"],
            ["venues.id"],
            name=op.f("fk_travel_times_to_venue_id_venues"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("from_venue_id", "to_venue_id", name=op.f("pk_travel_times")),
    )
    with op.batch_alter_table("plans") as batch_op:
        batch_op.add_column(
            sa.Column("travel_minutes_same_city", sa.Integer(), nullable=False, server_default="30")
        )
        batch_op.add_column(
            sa.Column(
                "travel_minutes_other_city", sa.Integer(), nullable=False, server_default="180"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("plans") as batch_op:
        batch_op.drop_column("travel_minutes_other_city")
        batch_op.drop_column("travel_minutes_same_city")
    op.drop_table("travel_times")
