"""What a plan file holds, read with plain sqlite3 beside the app: the tests' own view of disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(path: Path, sql: str) -> list[tuple]:
    """The rows a query gives on the file as it is on disk now (its own connection, closed)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
