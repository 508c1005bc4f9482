"""One page of the preview: white paper with a thin border and a soft shadow."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

SHADOW = 4  # logical pixels of drop shadow to the right and below each page


class PageSource(Protocol):
    """Where a page gets its pixels: the preview that holds the open document."""

    @property
    def resizing(self) -> bool:
        """The window is being resized: stretch the old pixels rather than render again."""
        ...

    def page_image(self, index: int, width_px: int | None = None) -> QImage | None: ...


class PageWidget(QWidget):
    """One page, drawn from a cached pixmap.

    A page is rasterised only when it is first painted, so a 15-page itinerary costs only the
    pages on screen; while the window is being resized, the old pixmap is stretched and the
    page is rendered again once the size has settled.
    """

    def __init__(self, source: PageSource, index: int) -> None:
        super().__init__()
        self.source, self.index = source, index
        self.pixmap: QPixmap | None = None
        self.paper = QSize(1, 1)  # logical pixels
        self.setAccessibleName(self.tr("Page {value}").format(value=index + 1))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_paper_size(self, size: QSize) -> None:
        self.paper = size
        self.setFixedSize(size.width() + SHADOW, size.height() + SHADOW)
        self.update()

    def wanted_pixels(self) -> tuple[QSize, float]:
        """The device pixels the page needs at its size, and the screen's pixel ratio."""
        ratio = self.devicePixelRatioF()
        return QSize(round(self.paper.width() * ratio), round(self.paper.height() * ratio)), ratio

    def ensure_pixmap(self) -> QPixmap | None:
        """The page at its current size and the screen's pixel ratio, rendered if needed."""
        wanted, ratio = self.wanted_pixels()
        stale = self.pixmap is None or self.pixmap.size() != wanted
        if stale and (self.pixmap is None or not self.source.resizing):
            image = self.source.page_image(self.index, wanted.width())
            if image is not None:
                self.pixmap = QPixmap.fromImage(image)
                self.pixmap.setDevicePixelRatio(ratio)
        return self.pixmap

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        paper = QRect(0, 0, self.paper.width(), self.paper.height())
        for step in range(SHADOW, 0, -1):  # a soft shadow: darker nearer the page
            painter.fillRect(
                paper.translated(step, step), QColor(0, 0, 0, 14 + 8 * (SHADOW - step))
            )
        painter.fillRect(paper, Qt.GlobalColor.white)
        pixmap = self.ensure_pixmap()
        if pixmap is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(paper, pixmap)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.drawRect(paper.adjusted(0, 0, -1, -1))
        painter.end()
