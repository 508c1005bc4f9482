"""Protocol: precedence and sides, seating plans with their seats and locks, the gift register.

New tables only; existing plans gain them empty.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organization_protocol",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=10), nullable=True),
        sa.CheckConstraint(
            "side IS NULL OR side IN ('host', 'guest')", name=op.f("ck_organization_protocol_side")
        ),
        sa.CheckConstraint("rank IS NULL OR rank >= 1", name=op.f("ck_organization_protocol_rank")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_organization_protocol_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organization_id", name=op.f("pk_organization_protocol")),
    )
    op.create_table(
        "precedence",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("side", sa.String(length=10), nullable=True),
        sa.Column("interprets_for_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "side IS NULL OR side IN ('host', 'guest')", name=op.f("ck_precedence_side")
        ),
        sa.CheckConstraint("rank IS NULL OR rank >= 1", name=op.f("ck_precedence_rank")),
        sa.ForeignKeyConstraint(
            ["interprets_for_id"],
            ["people.id"],
            name=op.f("fk_precedence_interprets_for_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_precedence_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_precedence")),
    )
    op.create_table(
        "gifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("giver", sa.String(length=300), nullable=False),
        sa.Column("recipient", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("value", sa.Numeric(precision=12, scale=2, asdecimal=False), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("occasion", sa.String(length=300), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("kept_at", sa.String(length=300), nullable=False),
        sa.CheckConstraint("direction IN ('given', 'received')", name=op.f("ck_gifts_direction")),
        sa.CheckConstraint("value IS NULL OR value >= 0", name=op.f("ck_gifts_value")),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_gifts_item_id_items"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gifts")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "seating_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("layout", sa.String(length=20), nullable=False),
        sa.Column("convention", sa.String(length=20), nullable=False),
        sa.Column("tables", sa.Integer(), nullable=False),
        sa.Column("seats_per_table", sa.Integer(), nullable=False),
        sa.Column("table_tags", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "tables >= 1 AND seats_per_table >= 1", name=op.f("ck_seating_plans_shape")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["items.id"],
            name=op.f("fk_seating_plans_item_id_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seating_plans")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("seating_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seating_plans_item_id"), ["item_id"], unique=True)

    op.create_table(
        "seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("table_no", sa.Integer(), nullable=True),
        sa.Column("row_no", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_seats_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["seating_plans.id"],
            name=op.f("fk_seats_plan_id_seating_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seats")),
        sa.UniqueConstraint("plan_id", "label", name=op.f("uq_seats_plan_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_seats_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_seats_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seats_plan_id"))
        batch_op.drop_index(batch_op.f("ix_seats_person_id"))

    op.drop_table("seats")
    with op.batch_alter_table("seating_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_seating_plans_item_id"))

    op.drop_table("seating_plans")
    op.drop_table("gifts")
    op.drop_table("precedence")
    op.drop_table("organization_protocol")
