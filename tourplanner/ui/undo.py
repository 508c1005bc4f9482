"""The one way the GUI changes a plan: `OperationRunner.run(operation)`.

Each call of an operation's `do` or `undo` runs in one transaction of the open plan; what it
returns (`Changes`) is announced by `applied`, which the window fans out to every view. A
domain error comes back as a value, for the caller to show beside a field or in a sentence;
nothing was written. An undo or redo that is refused (the record changed since) takes its step
off the stack and says why through `refused`: the stack never disagrees with the file.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from tourplanner.errors import Cancelled, TourPlannerError
from tourplanner.operations import Changes, Operation
from tourplanner.planfile import PlanFile
from tourplanner.ui.tasks import TaskRunner, TaskState

Run = Callable[[Operation], TourPlannerError | None]  # what an editor is given to save with


class _Step(QUndoCommand):
    """An operation on the undo stack. It is already done when pushed: the runner did it."""

    def __init__(self, runner: OperationRunner, operation: Operation) -> None:
        super().__init__(operation.text)
        self.runner, self.operation = runner, operation
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo: the runner has just done it
            self._pushed = True
            return
        self._again(QCoreApplication.translate("_Step", "Redo"), self.operation.do)

    def undo(self) -> None:
        self._again(QCoreApplication.translate("_Step", "Undo"), self.operation.undo)

    def _again(self, verb: str, call: Callable[..., Changes]) -> None:
        problem = self.runner._apply(call)
        if problem is not None:
            self.setObsolete(True)  # the stack drops this step instead of moving past it
            self.runner.refused.emit(
                QCoreApplication.translate("_Step", "{verb} {text}").format(
                    verb=verb, text=self.text()
                ),
                QCoreApplication.translate(
                    "_Step", "{problem} This step was taken off the undo list."
                ).format(problem=problem),
            )


class OperationRunner(QObject):
    """Runs operations on the open plan, keeps the undo stack, announces every change."""

    applied = Signal(object)  # Changes, after every do, undo and redo
    refused = Signal(str, str)  # title, sentence: an undo or redo that was not done

    def __init__(self, plan: Callable[[], PlanFile], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self.stack = QUndoStack(self)

    def run(self, operation: Operation) -> TourPlannerError | None:
        """Do it now in one transaction and put it on the undo stack; a refusal is returned."""
        problem = self._apply(operation.do)
        if problem is None:
            self.stack.push(_Step(self, operation))
        return problem

    def run_in_background(
        self,
        operation: Operation,
        tasks: TaskRunner,
        *,
        on_done: Callable[[TourPlannerError | None], None],
        on_progress: Callable[[int, int], None] | None = None,
        state: TaskState | None = None,
        prepare: Callable[[PlanFile], object] | None = None,
    ) -> None:
        """Do a long operation (an import) off the GUI thread; then it is one undo step.
        `prepare` runs first on the same thread (a backup before an import)."""
        plan = self._plan()

        def job(job_state: TaskState) -> Changes:
            if prepare is not None:
                prepare(plan)
            with plan.transaction() as session:
                changes = operation.do(session)
                # A stop asked for at any point before the commit rolls the whole step back.
                job_state.check()
                return changes

        def done(changes: Changes) -> None:
            self.stack.push(_Step(self, operation))
            self.applied.emit(changes)
            on_done(None)

        tasks.run(
            job,
            on_done=done,
            on_error=on_done,
            on_cancelled=lambda: on_done(Cancelled("cancelled: nothing was changed")),
            on_progress=on_progress,
            state=state,
        )

    def _apply(self, call: Callable[..., Changes]) -> TourPlannerError | None:
        try:
            with self._plan().transaction() as session:
                changes = call(session)
        except TourPlannerError as exc:
            return exc
        self.applied.emit(changes)
        return None

    def clear(self) -> None:
        """Another plan is open: the steps belong to the old file."""
        self.stack.clear()
