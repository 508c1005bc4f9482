"""File ▸ Print preview: an operations document (or a person's itinerary) as it prints.

The document is written by its own exporter into a temporary PDF on the task runner
(`preview_job`, a plain function of a TaskState, tested by calling it), and its page sizes read.
The dialog lays out a page for each, as the itinerary preview does (`PageWidget`), and pdfium
rasterises a page only when it is first painted: a 200-page badge sheet costs the pages
scrolled to, not 200 pictures held twice. Or the dialog says in a sentence why there are none.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
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
from tourplanner.ui.itinerary.pages import PageWidget
from tourplanner.ui.pdf_pages import OpenPdf, page_sizes
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


@dataclass(frozen=True)
class MadeDocument:
    data: bytes
    page_sizes: tuple[tuple[float, float], ...]  # in PDF points


def preview_job(make: Make) -> Callable[[TaskState], MadeDocument]:
    def job(state: TaskState) -> MadeDocument:
        data = make(state)
        state.check()
        return MadeDocument(data, page_sizes(data))

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
        self.pages: list[PageWidget] = []
        self._pdf: OpenPdf | None = None
        self.setWindowTitle(self.tr("Print preview"))
        self.document = QComboBox()
        self.document.setAccessibleName(self.tr("Document"))
        self.document.setToolTip(self.tr("The document to preview as it prints"))
        for choice in choices:
            self.document.addItem(choice.title, choice.key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pages_area = QWidget()
        self.pages_area.setStyleSheet("background: #6B7280")
        self.column = QVBoxLayout(self.pages_area)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        scroll = QScrollArea()
        scroll.setWidget(self.pages_area)
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
        return len(self.pages)

    @property
    def resizing(self) -> bool:  # a PageSource: the pages here keep their size
        return False

    def page_image(self, index: int, width_px: int | None = None) -> QImage | None:
        """Page `index` rasterised `width_px` device pixels wide (default: as shown)."""
        if self._pdf is None:
            return None
        if width_px is None:
            width_px = self.pages[index].wanted_pixels()[0].width()
        return self._pdf.page_image_width(index, width_px)

    def make_chosen(self) -> None:
        """Make the chosen document on the task runner (a newer choice supersedes)."""
        choice = self.choices[self.document.currentIndex()]
        self._show(None)
        self.status.setText(self.tr("Preparing “{title}”…").format(title=choice.title))
        self.tasks.run(
            preview_job(choice.make),
            key="print-preview",
            on_done=lambda made: self._done(choice, made),
            on_error=self._failed,
        )

    def _done(self, choice: PreviewChoice, made: MadeDocument) -> None:
        self._show(made)
        self.status.setText(
            self.tr("“{title}”: {counted}, as they print").format(
                title=choice.title, counted=counted(len(made.page_sizes), "page", "pages")
            )
        )

    def _failed(self, problem: TourPlannerError) -> None:
        self._show(None)
        self.status.setText(self.tr("Nothing to preview: {problem}").format(problem=problem))

    def _show(self, made: MadeDocument | None) -> None:
        """Pages for this document (none for None), each as wide as PAGE_WIDTH."""
        for page in self.pages:
            self.column.removeWidget(page)
            page.deleteLater()
        self.pages = []
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        if made is None:
            return
        self._pdf = OpenPdf(made.data, made.page_sizes)
        for index, (width, height) in enumerate(made.page_sizes):
            page = PageWidget(self, index)
            page.set_paper_size(QSize(PAGE_WIDTH, round(height * PAGE_WIDTH / width)))
            self.column.addWidget(page)
            self.pages.append(page)
        self.column.activate()  # laid out now: the pages never overlap while the size settles

    def done(self, result: int) -> None:  # noqa: D102 - Qt's: closed, however it is closed
        self.tasks.cancel("print-preview")
        self._show(None)  # pdfium's memory is freed here, not by the collector
        super().done(result)
