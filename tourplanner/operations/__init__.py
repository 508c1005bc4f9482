"""Every change to a plan is one operation: `do(session) -> Changes`, `undo(session) -> Changes`.

The caller (the GUI's runner, a CLI command, a test) runs each call in one transaction; an
operation never opens one itself. `Changes` says what it touched, so views refresh from it alone.
Modelled on Anki's `CollectionOp` and `OpChanges` (qt/aqt/operations/).
"""

from tourplanner.operations.changes import Changes
from tourplanner.operations.operation import Operation, StaleError

__all__ = ["Changes", "Operation", "StaleError"]
