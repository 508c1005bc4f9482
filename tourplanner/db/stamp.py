"""The plan file's stamp: which program made it ("made by TourPlanner 0.2.0").

Kept in SQLite's header rather than a table, so it needs no schema change: `application_id`
marks the file as a TourPlanner plan, `user_version` holds the version of TourPlanner that
created it (major * 1,000,000 + minor * 1,000 + patch). Neither is used by SQLite itself, by
Alembic or by SQLAlchemy; SQLite's backup API and VACUUM keep both.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine

from tourplanner.about import version

# "TPLN" in ASCII: what `file` and other tools see in the header's application id field.
APPLICATION_ID = 0x54504C4E


def encode(text: str) -> int:
    """A version such as "0.2.0" as one header integer; suffixes (".dev1", "rc1") dropped."""
    parts = [int(p) for p in re.findall(r"\d+", text.split("+")[0])[:3]]
    major, minor, patch = (parts + [0, 0, 0])[:3]
    if not (minor < 1000 and patch < 1000 and major < 2000):
        raise ValueError(f"version {text} does not fit the plan file's stamp")
    return major * 1_000_000 + minor * 1_000 + patch


def decode(number: int) -> str:
    """The version a stamp holds, e.g. 2000 -> "0.2.0"."""
    return f"{number // 1_000_000}.{number // 1_000 % 1_000}.{number % 1_000}"


def stamp_new_file(engine: Engine) -> None:
    """Mark a plan file just created as made by this TourPlanner."""
    made_by = encode(version())
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")
        conn.exec_driver_sql(f"PRAGMA user_version = {made_by:d}")


def made_by(engine: Engine) -> str | None:
    """ "TourPlanner 0.2.0" for a file that version made; None for a file made before stamps."""
    with engine.connect() as conn:
        app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
        made = conn.exec_driver_sql("PRAGMA user_version").scalar()
    if app_id != APPLICATION_ID or not made:
        return None
    return f"TourPlanner {decode(int(made))}"
