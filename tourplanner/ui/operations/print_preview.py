"""File ▸ Print preview: an operations document (or a person's itinerary) as it prints.

The document is written by its own exporter into a temporary PDF and rasterised by pdfium page
by page, both on the task runner (`preview_job`, a plain function of a TaskState, tested by
calling it); the dialog shows the pages it gets back, or the sentence saying why there are none.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import TourPlannerError
from tourplanner.ui.pdf_pages import PDFIUM, open_pdf, page_image
from tourplanner.ui.tasks import TaskRunner, TaskState
from tourplanner.ui.wording import counted

Make = Callable[[TaskState], bytes]  # a document's PDF, made off the GUI thread
PAGE_WIDTH = 760  # logical pixels of a page on screen (landscape sheets and A4 alike)


@dataclass(frozen=True)
class PreviewChoice:
    key: str  # "transfers", "rooming", "manifest-3", "itinerary"…
    title: str  # what the list of documents says
    make: Make


def written_pdf(write: Callable[[Path], object]) -> bytes:
    """The PDF an exporter writes (atomically, to a path), read back from a temporary file."""
    try:
        with tempfile.TemporaryDirectory(prefix="tourplanner-preview-") as folder:
            out = Path(folder) / "preview.pdf"
            write(out)
            return out.read_bytes()
    except OSError as exc:  # no room for the temporary file, a font that cannot be read
        raise TourPlannerError(str(exc.strerror or exc)) from exc


def from_writer(write: Callable[[Path], object]) -> Make:
    """An exporter's writer as a document for the preview."""
    return lambda _state: written_pdf(write)


def page_images(data: bytes, width_px: int, state: TaskState) -> list[QImage]:
    """Every page `width_px` device pixels wide (a QImage may be made off the GUI thread)."""
    images = []
    with PDFIUM:
        pdf = open_pdf(data)
    try:
        for index in range(len(pdf)):
            state.check()
            # The lock a page at a time: the itinerary preview paints between them.
            with PDFIUM:
                page = pdf[index]
                try:
                    images.append(page_image(page, width_px / page.get_width()))
                finally:
                    page.close()
    finally:
        with PDFIUM:
            pdf.close()
    return images


def preview_job(make: Make, width_px: int) -> Callable[[TaskState], list[QImage]]:
    def job(state: TaskState) -> list[QImage]:
        data = make(state)
        state.check()
        return page_images(data, width_px, state)

    return job


class PrintPreviewDialog(QDialog):
    """The documents to choose from above the pages of the one chosen."""

    def __init__(
        self,
        tasks: TaskRunner,
        choices: list[PreviewChoice],
        chosen: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.choices = tasks, choices
        self.images: list[QImage] = []
        self.setWindowTitle(self.tr("Print preview"))
        self.document = QComboBox()
        self.document.setAccessibleName(self.tr("Document"))
        self.document.setToolTip(self.tr("The document to preview as it prints"))
        for choice in choices:
            self.document.addItem(choice.title, choice.key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #6B7280")
        self.column = QVBoxLayout(self.pages)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Pages"))
        scroll.setToolTip(self.tr("The pages as they print"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document")))
        top.addWidget(self.document, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(PAGE_WIDTH + 80, 900)
        index = self.document.findData(chosen) if chosen else 0
        self.document.setCurrentIndex(max(index, 0))
        self.document.currentIndexChanged.connect(self.make_chosen)
        self.make_chosen()

    @property
    def page_count(self) -> int:
        return len(self.images)

    def make_chosen(self) -> None:
        """Make the chosen document's pages on the task runner (a newer choice supersedes)."""
        choice = self.choices[self.document.currentIndex()]
        self._show([])
        self.status.setText(self.tr("Preparing “{title}”…").format(title=choice.title))
        ratio = self.devicePixelRatioF()
        self.tasks.run(
            preview_job(choice.make, round(PAGE_WIDTH * ratio)),
            key="print-preview",
            on_done=lambda images: self._done(choice, images, ratio),
            on_error=self._failed,
        )

    def _done(self, choice: PreviewChoice, images: list[QImage], ratio: float) -> None:
        self._show(images, ratio)
        self.status.setText(
            self.tr("“{title}”: {counted}, as they print").format(
                title=choice.title, counted=counted(len(images), "page", "pages")
            )
        )

    def _failed(self, problem: TourPlannerError) -> None:
        self._show([])
        self.status.setText(self.tr("Nothing to preview: {problem}").format(problem=problem))

    def _show(self, images: list[QImage], ratio: float = 1.0) -> None:
        while self.column.count():
            found = self.column.takeAt(0)
            if found is not None and (widget := found.widget()) is not None:
                widget.deleteLater()
        self.images = images
        for n, image in enumerate(images, 1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            page = QLabel()
            page.setPixmap(pixmap)
            page.setFixedSize(pixmap.deviceIndependentSize().toSize())  # never squeezed
            page.setAccessibleName(self.tr("Page {n}").format(n=n))
            page.setStyleSheet("background: white")
            self.column.addWidget(page)
        self.column.activate()  # laid out now: the pages never overlap while the size settles
