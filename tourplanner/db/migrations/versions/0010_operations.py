"""Operations: rooms on hotel stays, vehicles and their seats, guide/driver/interpreter
assignments; a meeting point and a menu on items, a phone on venues, dietary tags on people.

New tables start empty; the new columns of existing rows start empty.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    """The row-version columns of every editable table (0009)."""
    return [
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("changed_by", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.Column("changed_what", sa.String(length=300), nullable=False, server_default=""),
    ]


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def _indexes(table: str, *columns: str, unique: tuple[str, ...] = ()) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(
                batch_op.f(f"ix_{table}_{column}"), [column], unique=column in unique
            )


def upgrade() -> None:
    op.create_table(
        "room_bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stay_id", sa.Integer(), nullable=False),
        sa.Column("room_type", sa.String(length=10), nullable=False),
        sa.Column("room_number", sa.String(length=20), nullable=False),
        sa.Column("shares_with_id", sa.Integer(), nullable=True),
        sa.Column("smoking", sa.Boolean(), nullable=False),
        sa.Column("accessible", sa.Boolean(), nullable=False),
        sa.Column("requests", sa.Text(), nullable=False),
        sa.Column("confirmation_number", sa.String(length=50), nullable=False),
        *_stamps(),
        sa.CheckConstraint(
            "room_type IN ('single', 'twin', 'double', 'suite')",
            name=op.f("ck_room_bookings_room_type"),
        ),
        sa.CheckConstraint(
            "shares_with_id IS NULL OR shares_with_id <> stay_id",
            name=op.f("ck_room_bookings_not_self"),
        ),
        _fk("room_bookings", "stay_id", "travel_segments", "CASCADE"),
        _fk("room_bookings", "shares_with_id", "travel_segments", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room_bookings")),
        sqlite_autoincrement=True,
    )
    _indexes("room_bookings", "stay_id", "shares_with_id", unique=("stay_id",))

    op.create_table(
        "vehicles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("plate", sa.String(length=30), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("driver_id", sa.Integer(), nullable=True),
        sa.Column("driver_name", sa.String(length=200), nullable=False),
        sa.Column("driver_phone", sa.String(length=50), nullable=False),
        sa.Column("fixed_seats", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_stamps(),
        sa.CheckConstraint("seats >= 1", name=op.f("ck_vehicles_seats")),
        sa.CheckConstraint(
            "programme_id IS NOT NULL OR item_id IS NOT NULL", name=op.f("ck_vehicles_serves")
        ),
        _fk("vehicles", "programme_id", "programmes", "CASCADE"),
        _fk("vehicles", "item_id", "items", "CASCADE"),
        _fk("vehicles", "driver_id", "people", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicles")),
        sqlite_autoincrement=True,
    )
    _indexes("vehicles", "programme_id", "item_id", "driver_id")

    op.create_table(
        "vehicle_seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("seat", sa.String(length=20), nullable=False),
        *_stamps(),
        _fk("vehicle_seats", "vehicle_id", "vehicles", "CASCADE"),
        _fk("vehicle_seats", "person_id", "people", "CASCADE"),
        _fk("vehicle_seats", "item_id", "items", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_seats")),
        sqlite_autoincrement=True,
    )
    _indexes("vehicle_seats", "vehicle_id", "person_id", "item_id")

    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("vehicle_id", sa.Integer(), nullable=True),
        sa.Column("language_from", sa.String(length=35), nullable=False),
        sa.Column("language_to", sa.String(length=35), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("booth", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_stamps(),
        sa.CheckConstraint(
            "role IN ('guide', 'driver', 'interpreter')", name=op.f("ck_assignments_role")
        ),
        sa.CheckConstraint(
            "mode IN ('', 'consecutive', 'simultaneous')", name=op.f("ck_assignments_mode")
        ),
        sa.CheckConstraint(
            "item_id IS NOT NULL OR (programme_id IS NOT NULL AND day IS NOT NULL)",
            name=op.f("ck_assignments_serves"),
        ),
        _fk("assignments", "person_id", "people", "CASCADE"),
        _fk("assignments", "item_id", "items", "CASCADE"),
        _fk("assignments", "programme_id", "programmes", "CASCADE"),
        _fk("assignments", "vehicle_id", "vehicles", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sqlite_autoincrement=True,
    )
    _indexes("assignments", "person_id", "item_id", "programme_id", "vehicle_id")

    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("meeting_point", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("meeting_utc", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("menu_note", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("venues") as batch:
        batch.add_column(
            sa.Column("phone", sa.String(length=50), nullable=False, server_default="")
        )
    with op.batch_alter_table("people") as batch:
        batch.add_column(
            sa.Column("dietary_tags", sa.String(length=300), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("dietary_other", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.drop_column("dietary_other")
        batch.drop_column("dietary_tags")
    with op.batch_alter_table("venues") as batch:
        batch.drop_column("phone")
    with op.batch_alter_table("items") as batch:
        for column in ("menu_note", "meeting_utc", "meeting_point"):
            batch.drop_column(column)
    for table in ("assignments", "vehicle_seats", "vehicles", "room_bookings"):
        op.drop_table(table)
