"""'Export all itineraries…' as a plain job for the task runner: progress and cancel come
through its TaskState, so it runs (and is tested) without an event loop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from tourplanner.errors import TourPlannerError
from tourplanner.planfile import PlanFile
from tourplanner.ui.tasks import Job, TaskState


def export_all_job(
    plan: PlanFile, out: Path, *, duplex: bool = False, workers: int | None = None
) -> Job:
    """A job writing everyone's itineraries to `out` (one PDF, or a folder of them); it returns
    the files written. Cancelled, it stops with Cancelled and leaves no file behind."""

    def job(state: TaskState) -> list[Path]:
        from tourplanner.export.pdf import export_itineraries  # reportlab: loaded when needed

        state.check()
        try:
            return export_itineraries(
                plan,
                out,
                duplex=duplex,
                workers=workers,
                progress=state.progress,
                cancelled=lambda: state.cancelled,
            )
        except OSError as exc:
            raise TourPlannerError(
                QCoreApplication.translate("batch_export", "could not write {out}: {value}").format(
                    out=out, value=exc.strerror or exc
                )
            ) from exc

    return job
