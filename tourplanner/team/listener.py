"""The other side of live changes: one LISTEN connection per open team plan.

`fileno()` is the connection's socket, for the UI's QSocketNotifier; `poll()` never blocks and
returns what other apps committed since. A dropped connection raises `ConnectionLost`, and
`reconnect()` tries again (the caller says so and keeps the plan read-only meanwhile).
"""

from __future__ import annotations

from typing import Any

from tourplanner.db.postgresql import make_engine
from tourplanner.errors import TourPlannerError
from tourplanner.team.live import CHANNEL, RemoteChange, decode


class ConnectionLost(TourPlannerError):
    """The team plan's server cannot be reached just now."""


class ChangeListener:
    def __init__(self, url: str, *, sender: str) -> None:
        self.url = url
        self.sender = sender
        self._conn: Any = None
        self.reconnect()

    def reconnect(self) -> None:
        """(Re)open the LISTEN connection; ConnectionLost when the server is not there."""
        import psycopg

        self.close()
        engine = make_engine(self.url)
        try:
            raw = engine.raw_connection()
        except Exception as exc:
            engine.dispose()
            raise ConnectionLost(f"the team plan's server cannot be reached ({exc})") from exc
        self._engine = engine
        self._raw = raw
        conn = raw.driver_connection
        assert isinstance(conn, psycopg.Connection)
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def fileno(self) -> int:
        return int(self._conn.fileno())

    def poll(self) -> list[RemoteChange]:
        """What others committed since the last poll (this app's own notifications left out)."""
        import psycopg

        try:
            self._conn.execute("SELECT 1")  # reads what the socket holds; fails when it is gone
            found = [decode(n.payload) for n in self._conn.notifies(timeout=0)]
        except psycopg.Error as exc:
            raise ConnectionLost(f"the connection to the team plan was lost ({exc})") from exc
        return [c for c in found if c.sender != self.sender]

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._raw.close()
            finally:
                self._engine.dispose()
                self._conn = None
