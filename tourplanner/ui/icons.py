"""The app's icons: one set (Material Design Icons via QtAwesome) drawn in the palette's colours."""

from __future__ import annotations

import os

# QtAwesome talks to Qt through QtPy, which must use the binding the app uses.
os.environ.setdefault("QT_API", "pyside6")

import qtawesome  # noqa: E402
from PySide6.QtGui import QIcon, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

# What each action shows, by the action's role in the app.
NAMES = {
    "new-plan": "mdi6.file-plus-outline",
    "open": "mdi6.folder-open-outline",
    "save-copy": "mdi6.content-save-all-outline",
    "import": "mdi6.tray-arrow-down",
    "export": "mdi6.file-pdf-box",
    "export-all": "mdi6.file-multiple-outline",
    "print": "mdi6.printer-outline",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "new": "mdi6.plus",
    "new-item": "mdi6.calendar-plus",
    "edit": "mdi6.pencil-outline",
    "delete": "mdi6.delete-outline",
    "find": "mdi6.magnify",
    "check": "mdi6.alert-circle-check-outline",
    "book": "mdi6.calendar-account-outline",
    "tour": "mdi6.bus",
    "group": "mdi6.account-multiple-plus-outline",
    "status": "mdi6.check-circle-outline",
    "timeline": "mdi6.view-column-outline",
    "agenda": "mdi6.format-list-bulleted",
    "items": "mdi6.calendar-text-outline",
    "people": "mdi6.account-outline",
    "travel": "mdi6.airplane",
    "groups": "mdi6.account-group-outline",
    "organizations": "mdi6.domain",
    "venues": "mdi6.map-marker-outline",
    "rooms": "mdi6.door-open",
    "programmes": "mdi6.calendar-range",
    "about": "mdi6.information-outline",
    "earlier": "mdi6.arrow-up",
    "later": "mdi6.arrow-down",
    "zoom-in": "mdi6.magnify-plus-outline",
    "zoom-out": "mdi6.magnify-minus-outline",
}


def icon(role: str) -> QIcon:
    """The icon for an action role, in the current palette's text colour (light or dark)."""
    palette = QApplication.palette()
    return qtawesome.icon(
        NAMES[role],
        color=palette.color(QPalette.ColorRole.WindowText),
        color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
    )
