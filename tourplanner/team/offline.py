"""A team plan copied into a plan file: for Save a Copy, backups, and taking it offline.

A copy taken offline remembers where it came from and every row as it was then (the tables
`team_origin` and `team_base` in the copy, beside the plan's own): bring-back compares the
three (then, the copy now, the team plan now). Ids for rows made offline come from a block the
team database sets aside when the copy is taken, so they never meet a row made meanwhile.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from tourplanner.db.planfile import PlanFile
from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import PlanFileError
from tourplanner.i18n import _
from tourplanner.team.copy import copy_rows, plan_tables, serial_tables

# Ids set aside per table for rows made while offline.
RESERVED_IDS = 100_000


def copy_into_file(team: TeamPlan, target: Path) -> dict[str, int]:
    """Write the team plan as it is now into a new plan file at `target` (never over one)."""
    if target.exists():
        raise PlanFileError(_("{target} already exists; choose another name").format(target=target))
    copy = PlanFile.create(target)
    try:
        # One repeatable-read snapshot: every table as of the same moment.
        with (
            team.engine.connect().execution_options(isolation_level="REPEATABLE READ") as read,
            copy.engine.connect() as write,
            read.begin(),
            write.begin(),
        ):
            counts = copy_rows(read, write)
    except BaseException:
        copy.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    copy.close()
    return counts


def backup_team_plan(team: TeamPlan, *, reason: str, folder: Path | None = None) -> Path:
    """The team plan as it is now, in a plan file in the backups folder (db/backups.py's)."""
    from tourplanner.db.backups import data_root

    target_dir = folder or data_root() / "backups" / "team"
    target_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    name = team.url.rsplit("/", 1)[-1] or "team"
    target = target_dir / f"{name}.backup-{reason}-{stamp}.tourplan"
    copy_into_file(team, target)
    return target


def take_offline(url: str, target: Path) -> dict[str, int]:
    """A plan file at `target` holding the team plan now, that remembers where it came from and
    every row's version; ids for what is made offline set aside on the team database."""
    with TeamPlan.open(url) as team:
        starts = _reserve_ids(team.engine)
        counts = copy_into_file(team, target)
    with PlanFile.open(target) as copy, copy.engine.begin() as conn:
        _write_origin(conn, url, starts)
    return counts


def row_key(table: Any, row: Any) -> str:
    """A row's primary key as text (the same on both engines)."""
    return json.dumps([row[c.name] for c in table.primary_key.columns], default=str)


def frozen(row: Any) -> str | None:
    """A row's values as text, for telling whether it changed (None: no such row)."""
    if row is None:
        return None
    return json.dumps(dict(row), default=str, sort_keys=True)


def origin(conn: Connection) -> tuple[str, str, bool]:
    """(team URL, taken at, already brought back) of a copy taken offline."""
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    if "team_origin" not in tables:
        raise PlanFileError(_("this plan was not taken offline from a team plan"))
    url, taken, back = conn.exec_driver_sql(
        "SELECT url, taken_at, brought_back FROM team_origin"
    ).one()
    return url, taken, bool(back)


def base_rows(conn: Connection, table: str) -> dict[str, str]:
    """The rows of one table as they were when the copy was taken: key -> frozen values."""
    query = text("SELECT key, frozen FROM team_base WHERE tbl = :t")
    return {key: value for key, value in conn.execute(query, {"t": table})}


def mark_brought_back(conn: Connection) -> None:
    conn.exec_driver_sql("UPDATE team_origin SET brought_back = 1")


def _reserve_ids(engine: Engine) -> dict[str, int]:
    """Move each id sequence of the team database on by a block; the block's first id."""
    starts = {}
    with engine.begin() as conn:
        for table in serial_tables():
            seq = f"pg_get_serial_sequence('{table}', 'id')"
            start = int(conn.exec_driver_sql(f"SELECT nextval({seq})").scalar_one())
            conn.exec_driver_sql(f"SELECT setval({seq}, {start + RESERVED_IDS})")
            starts[table] = start
    return starts


def _write_origin(conn: Connection, url: str, starts: dict[str, int]) -> None:
    conn.exec_driver_sql(
        "CREATE TABLE team_origin (url TEXT NOT NULL, taken_at TEXT NOT NULL, "
        "brought_back INTEGER NOT NULL DEFAULT 0)"
    )
    conn.execute(
        text("INSERT INTO team_origin (url, taken_at) VALUES (:u, :t)"),
        {"u": url, "t": datetime.now(UTC).isoformat(timespec="seconds")},
    )
    conn.exec_driver_sql(
        "CREATE TABLE team_base (tbl TEXT NOT NULL, key TEXT NOT NULL, frozen TEXT NOT NULL, "
        "PRIMARY KEY (tbl, key))"
    )
    for table in plan_tables():
        rows = [
            {"t": table.name, "k": row_key(table, r), "f": frozen(r)}
            for r in conn.execute(table.select()).mappings()
        ]
        if rows:
            conn.execute(text("INSERT INTO team_base VALUES (:t, :k, :f)"), rows)
    for name, start in starts.items():
        # New rows made offline take ids from the block set aside for this copy.
        conn.execute(text("DELETE FROM sqlite_sequence WHERE name = :n"), {"n": name})
        conn.execute(
            text("INSERT INTO sqlite_sequence (name, seq) VALUES (:n, :s)"),
            {"n": name, "s": start - 1},
        )
