"""Journeys with many travellers: one record per flight, its people in `travellers`.

Until 0004 each traveller had their own copy of a flight. The per-person rows that share kind,
carrier, number, both places, both instants and zones (and hotel) fold into the journey with the
lowest id; each row becomes a traveller keeping its id, uid and confirmation code (so calendar
event ids and record numbers stay what they were). A hotel stay is one person's and never folds.
Notes all of a group share stay the journey's; otherwise each keeps its own, as the traveller's.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import Literal

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SAME_JOURNEY = (
    "kind",
    "carrier",
    "number",
    "from_place",
    "to_place",
    "start_utc",
    "start_timezone",
    "end_utc",
    "end_timezone",
    "venue_id",
)


def _create_travellers() -> None:
    op.create_table(
        "travellers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("seat", sa.String(length=20), nullable=False),
        sa.Column("confirmation_code", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_travellers_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["travel_segments.id"],
            name=op.f("fk_travellers_segment_id_travel_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_travellers")),
        sa.UniqueConstraint("segment_id", "person_id", name=op.f("uq_travellers_segment_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_travellers_uid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("travellers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_travellers_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_travellers_segment_id"), ["segment_id"], unique=False)


def _fold(conn: sa.Connection) -> None:
    """One journey per group of identical rows; every row becomes one of its travellers."""
    rows = conn.execute(
        sa.text(
            "SELECT id, uid, person_id, confirmation_code, notes, "
            + ", ".join(SAME_JOURNEY)
            + " FROM travel_segments ORDER BY id"
        )
    ).mappings()
    groups: dict[tuple, list[sa.RowMapping]] = {}
    for row in rows:
        key = ("stay", row["id"]) if row["kind"] == "hotel" else tuple(row[n] for n in SAME_JOURNEY)
        groups.setdefault(key, []).append(row)
    for group in groups.values():
        journey = group[0]["id"]
        # Notes everyone shares stay the journey's; otherwise each row's are its person's own
        # (a meal request must not reach the whole flight's itineraries).
        shared = len({r["notes"] for r in group}) == 1
        if not shared:
            conn.execute(
                sa.text("UPDATE travel_segments SET notes = '' WHERE id = :id"), {"id": journey}
            )
        seated: set[int] = set()
        for row in group:
            if row["id"] != journey:
                conn.execute(
                    sa.text("DELETE FROM travel_segments WHERE id = :id"), {"id": row["id"]}
                )
            if row["person_id"] in seated:  # the same person twice on one flight: one place
                continue
            seated.add(row["person_id"])
            conn.execute(
                sa.text(
                    "INSERT INTO travellers (id, uid, segment_id, person_id, seat,"
                    " confirmation_code, status, notes) VALUES (:id, :uid, :journey, :person, '',"
                    " :code, 'confirmed', :notes)"
                ),
                {
                    "id": row["id"],
                    "uid": row["uid"],
                    "journey": journey,
                    "person": row["person_id"],
                    "code": row["confirmation_code"],
                    "notes": "" if shared else row["notes"],
                },
            )


def _recreate() -> Literal["always", "auto"]:
    """SQLite copies the table to drop columns (keeping AUTOINCREMENT); PostgreSQL alters it in
    place (a copy would have to drop the key the travellers' foreign key depends on)."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    _create_travellers()
    _fold(op.get_bind())
    with op.batch_alter_table(
        "travel_segments", recreate=_recreate(), table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.drop_index("ix_travel_segments_person_id")
        batch_op.drop_constraint("fk_travel_segments_person_id_people", type_="foreignkey")
        batch_op.drop_column("person_id")
        batch_op.drop_column("confirmation_code")


def downgrade() -> None:
    """Back to one row per traveller: the first keeps the journey's id, the others get copies."""
    conn = op.get_bind()
    with op.batch_alter_table(
        "travel_segments", recreate=_recreate(), table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("confirmation_code", sa.String(length=50), nullable=False, server_default="")
        )
    columns = "uid, kind, carrier, number, from_place, to_place, start_utc, start_timezone, "
    columns += "end_utc, end_timezone, venue_id, notes"
    seen: set[int] = set()
    for t in conn.execute(sa.text("SELECT * FROM travellers ORDER BY id")).mappings():
        if t["segment_id"] not in seen:
            seen.add(t["segment_id"])
            conn.execute(
                sa.text(
                    "UPDATE travel_segments SET person_id = :p, confirmation_code = :c WHERE id = :s"
                ),
                {"p": t["person_id"], "c": t["confirmation_code"], "s": t["segment_id"]},
            )
            continue
        conn.execute(
            sa.text(
                f"INSERT INTO travel_segments (person_id, confirmation_code, {columns}) "
                f"SELECT :p, :c, {columns.replace('uid', ':uid', 1)} FROM travel_segments "
                "WHERE id = :s"
            ),
            {"p": t["person_id"], "c": t["confirmation_code"], "s": t["segment_id"]}
            | {"uid": t["uid"]},
        )
    conn.execute(sa.text("DELETE FROM travel_segments WHERE person_id IS NULL"))
    op.drop_table("travellers")
    with op.batch_alter_table(
        "travel_segments", recreate=_recreate(), table_kwargs={"sqlite_autoincrement": True}
    ) as batch_op:
        batch_op.alter_column("person_id", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("confirmation_code", server_default=None)
        batch_op.create_foreign_key(
            "fk_travel_segments_person_id_people",
            "people",
            ["person_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index("ix_travel_segments_person_id", ["person_id"], unique=False)
