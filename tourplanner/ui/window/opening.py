"""Opening a plan file in the app, and what to do when another program writes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tourplanner.errors import TourPlannerError
from tourplanner.planfile import PlanFile, PlanLockedError, break_lock


def open_or_ask(parent: QWidget | None, path: Path) -> PlanFile | None:
    """The plan opened for writing; if another program has it, the user chooses to open it
    read-only, to break a lock left by another computer, or not to open it. None: not opened
    (the reason was said)."""
    try:
        return PlanFile.open(path)
    except PlanLockedError as locked:
        return _ask(parent, path, locked)
    except TourPlannerError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("opening", "Open plan"),
            QCoreApplication.translate("opening", "The plan could not be opened.\n\n{exc}").format(
                exc=exc
            ),
        )
        return None


def _ask(parent: QWidget | None, path: Path, locked: PlanLockedError) -> PlanFile | None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("opening", "Plan in use"))
    box.setText(
        QCoreApplication.translate("opening", "{name} is open in another program.").format(
            name=path.name
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "opening",
            "{locked}\n\nOpened read-only, the plan can be looked at, checked, printed and exported, but not changed.",
        ).format(locked=locked)
    )
    read_only = box.addButton(
        QCoreApplication.translate("opening", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    breaking = (
        box.addButton(
            QCoreApplication.translate("opening", "Break the lock and open"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        if locked.breakable  # one from this computer whose program is gone is taken over anyway
        else None
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    try:
        if box.clickedButton() is read_only:
            return PlanFile.open(path, read_only=True)
        if breaking is not None and box.clickedButton() is breaking:
            break_lock(path)
            return PlanFile.open(path)
    except TourPlannerError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("opening", "Open plan"),
            QCoreApplication.translate("opening", "The plan could not be opened.\n\n{exc}").format(
                exc=exc
            ),
        )
    return None
