"""The app never loses an exception: a bug is logged and said in a dialog with a short apology,
what was not done, and a report the user can copy; the plan stays as it was (every operation
runs in one transaction, rolled back when anything goes wrong in it)."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from tourplanner import about

log = logging.getLogger("tourplanner.ui")
_shown: list[QMessageBox] = []
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def report_text(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """What the user copies into a report: the version and where it went wrong."""
    lines = traceback.format_exception(kind, error, tb)
    return f"{about.made_with()} on Python {sys.version.split()[0]}\n\n" + "".join(lines)


def crash_dialog(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> QMessageBox:
    """The dialog for a bug (shown, not run: the event loop goes on)."""
    box = QMessageBox(QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("crash", "TourPlanner: something went wrong"))
    box.setText(
        QCoreApplication.translate("crash", "Sorry, TourPlanner ran into a problem of its own.")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "crash",
            "What you were doing was not done, and the plan is as it was before. You can go on working; if it happens again, please send the report below (Show Details…) to your support contact.\n\nDetails are in {log_file}",
        ).format(log_file=about.log_file())
    )
    box.setDetailedText(report_text(kind, error, tb))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook of the running app: log the bug, then say it."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.error("unexpected error", exc_info=(kind, error, tb))
    box = crash_dialog(kind, error, tb)
    _shown.append(box)  # kept alive while it is open (it may have no parent window)
    box.finished.connect(lambda _result: _shown.remove(box))
    box.open()


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    log.log(_QT_LEVELS.get(kind, logging.WARNING), "Qt: %s", message)


def install() -> None:
    """For the running app only (tests keep pytest-qt's own hook, which fails the test)."""
    sys.excepthook = excepthook
    qInstallMessageHandler(_qt_message)
