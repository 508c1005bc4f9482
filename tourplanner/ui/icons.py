"""The app's icons: one set (Material Design Icons, as SVG in the package's resources/icons/mdi)
drawn in the palette's text colour when painted, so they follow a light or dark palette and any
screen scale.

The SVGs are read from files rather than through an icon-font library: the one we had
(QtAwesome, through QtPy) imported every class of QtCore, QtGui and QtWidgets and cost a
quarter of a second of the app's start.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from tourplanner.paths import resource

ICON_DIR = resource("icons", "mdi")

# What each action shows, by the action's role in the app (file names in ICON_DIR).
NAMES = {
    "new-plan": "file-plus-outline",
    "open": "folder-open-outline",
    "save-copy": "content-save-all-outline",
    "import": "tray-arrow-down",
    "export": "file-pdf-box",
    "export-all": "file-multiple-outline",
    "print": "printer-outline",
    "undo": "undo",
    "redo": "redo",
    "new": "plus",
    "new-item": "calendar-plus",
    "edit": "pencil-outline",
    "delete": "delete-outline",
    "find": "magnify",
    "check": "alert-circle-check-outline",
    "book": "calendar-account-outline",
    "tour": "bus",
    "group": "account-multiple-plus-outline",
    "status": "check-circle-outline",
    "timeline": "view-column-outline",
    "agenda": "format-list-bulleted",
    "items": "calendar-text-outline",
    "people": "account-outline",
    "travel": "airplane",
    "groups": "account-group-outline",
    "organizations": "domain",
    "venues": "map-marker-outline",
    "rooms": "door-open",
    "programmes": "calendar-range",
    "gifts": "format-list-bulleted",
    "about": "information-outline",
    "earlier": "arrow-up",
    "later": "arrow-down",
    "zoom-in": "magnify-plus-outline",
    "zoom-out": "magnify-minus-outline",
}


_CLONES: list[QIconEngine] = []


@cache
def _svg(name: str) -> bytes:
    return (ICON_DIR / f"{name}.svg").read_bytes()


def colour_for(mode: QIcon.Mode) -> QColor:
    """The palette's text colour, greyed for a disabled control."""
    group = (
        QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled else QPalette.ColorGroup.Active
    )
    return QApplication.palette().color(group, QPalette.ColorRole.WindowText)


class TintedSvgEngine(QIconEngine):
    """A one-colour SVG painted in `colour_for(mode)` at whatever size and scale is asked."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self.svg = svg
        self._renderers: dict[str, QSvgRenderer] = {}

    def _renderer(self, colour: QColor) -> QSvgRenderer:
        key = colour.name(QColor.NameFormat.HexArgb)
        if key not in self._renderers:
            fill = f'<svg fill="{colour.name()}" fill-opacity="{colour.alphaF():.3f}" '
            self._renderers[key] = QSvgRenderer(
                QByteArray(self.svg.replace(b"<svg ", fill.encode(), 1))
            )
        return self._renderers[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(colour_for(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(  # noqa: N802 - Qt's name
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        # PySide leaves the engine returned here owned by Python, and Qt goes on using it: kept
        # alive, it is deleted by Qt with the icon that holds it (Qt clones only when an icon
        # copy is changed, which the app does not do, so these are few).
        twin = TintedSvgEngine(self.svg)
        _CLONES.append(twin)
        return twin


def icon(role: str) -> QIcon:
    """The icon for an action role, drawn in the palette's text colour (light or dark)."""
    return QIcon(TintedSvgEngine(_svg(NAMES[role])))
