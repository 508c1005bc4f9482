"""'Export all itineraries…' off the GUI thread, with progress and cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from tourplanner.db import PlanFile
from tourplanner.errors import Cancelled, TourPlannerError


class BatchExportWorker(QObject):
    """Runs export_itineraries in a QThread; the dialog's cancel sets `stop`."""

    progressed = Signal(int, int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self, plan: PlanFile, out: Path, *, duplex: bool = False, workers: int | None = None
    ) -> None:
        super().__init__()
        self.plan, self.out, self.duplex, self.workers = plan, out, duplex, workers
        self.stop = threading.Event()

    def run(self) -> None:
        from tourplanner.export.pdf import export_itineraries  # reportlab: loaded when needed

        try:
            written = export_itineraries(
                self.plan,
                self.out,
                duplex=self.duplex,
                workers=self.workers,
                progress=self.progressed.emit,
                cancelled=self.stop.is_set,
            )
        except Cancelled:
            self.cancelled.emit()
        except TourPlannerError as exc:
            self.failed.emit(str(exc))
        except OSError as exc:
            self.failed.emit(f"could not write {self.out}: {exc.strerror or exc}")
        else:
            self.finished.emit([str(p) for p in written])


def start_worker(worker: BatchExportWorker) -> QThread:
    """Run the worker on its own thread; the thread ends with it."""
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    for signal in (worker.finished, worker.failed, worker.cancelled):
        signal.connect(thread.quit)
    thread.start()
    return thread
