"""An editor's Reload button, shown when its save was refused as stale.

An editor keeps the row versions it read on opening and its save checks them
(operations/versions.py): when another coordinator changed the row meanwhile, the save is
refused with the sentence naming who changed what, and this button offers to read the row
again (the form then shows their change, and the next save starts from it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox

from tourplanner.errors import TourPlannerError
from tourplanner.operations import StaleError


class StaleReload:
    """A hidden Reload button in `buttons`; `offer(problem)` shows it for a stale save."""

    def __init__(self, buttons: QDialogButtonBox, reload: Callable[[], None]) -> None:
        self._reload = reload
        self.button = buttons.addButton(
            QCoreApplication.translate("StaleReload", "Reload"),
            QDialogButtonBox.ButtonRole.ResetRole,
        )
        self.button.setObjectName("reload")
        self.button.setAccessibleName(QCoreApplication.translate("StaleReload", "Reload"))
        self.button.setToolTip(
            QCoreApplication.translate(
                "StaleReload", "Read what is stored now, dropping this form's changes"
            )
        )
        self.button.hide()
        self.button.clicked.connect(self._reload_now)

    def offer(self, problem: TourPlannerError | None) -> None:
        self.button.setVisible(isinstance(problem, StaleError))

    def _reload_now(self) -> None:
        self._reload()
        self.button.hide()
