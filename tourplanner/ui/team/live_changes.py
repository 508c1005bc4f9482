"""Other coordinators' changes, applied to this window's views as they commit.

A QSocketNotifier on the LISTEN connection's socket wakes the GUI thread when a notification
arrives (no polling timer, no thread); each is applied through the window's own
`apply(changes)`, as if this app had made the change, and the status bar says who made it.
When the connection drops the window says so, the plan turns read-only (what is shown stays),
and a timer reconnects; once back, every view is read again (what happened meanwhile).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from tourplanner.errors import TourPlannerError
from tourplanner.operations import Changes
from tourplanner.planfile import ChangeListener, ConnectionLost

RECONNECT_MS = 2000


class LiveWindow(Protocol):
    @property
    def plan(self): ...  # noqa: ANN201 - a PlanFile or a TeamPlan

    def apply(self, changes: Changes) -> None: ...

    def say(self, message: str) -> None: ...


class LiveChanges(QObject):
    """Listens for one team plan's commits while its window shows it."""

    def __init__(self, window: LiveWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.plan = window.plan
        self.connected = False
        self._notifier: QSocketNotifier | None = None
        self._retry = QTimer(self, interval=RECONNECT_MS)
        self._retry.timeout.connect(self._reconnect)
        self.listener = ChangeListener(self.plan.url, sender=self.plan.sender)
        self._watch()

    def _watch(self) -> None:
        self._notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.check)
        self.connected = True

    def check(self) -> None:
        """Apply what others committed since (called when the socket has something)."""
        try:
            found = self.listener.poll()
        except ConnectionLost:
            self._lost()
            return
        for change in found:
            self.window.apply(change.changes)
            self.window.say(
                self.tr("{sentence} on the team plan").format(sentence=change.sentence())
            )

    def _lost(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self.connected = False
        self.plan.read_only = True  # nothing written while the server cannot be reached
        self.window.say(
            self.tr(
                "The connection to the team plan was lost: what is shown is read-only until it is "
                "back (reconnecting…)"
            )
        )
        self._retry.start()

    def _reconnect(self) -> None:
        try:
            self.listener.reconnect()
        except TourPlannerError:
            return  # still gone: the timer tries again
        self._retry.stop()
        self.plan.read_only = False
        self._watch()
        self.window.apply(Changes(everything=True))  # what others did meanwhile
        self.window.say(self.tr("Reconnected to the team plan; every view is up to date"))

    def shut_down(self) -> None:
        self._retry.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.listener.close()


def attach(window: LiveWindow, parent: QObject) -> LiveChanges | None:
    """Live changes for the window's plan when it is a team plan (None for a plan file)."""
    if not window.plan.is_team:
        return None
    return LiveChanges(window, parent)
