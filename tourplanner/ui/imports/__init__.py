"""The import dialogs: people from a spreadsheet, events from a calendar or a schedule.

`common` holds what both share (file row, preview table, report, progress, the dry run and the
real import on the task runner); `people` and `events` hold one dialog each. Construct either
as `Dialog(plan, tasks, operations, parent, path=None)` or `Dialog.from_context(context)`.
"""

from tourplanner.ui.imports.events import ImportEventsDialog
from tourplanner.ui.imports.people import ImportPeopleDialog

__all__ = ["ImportEventsDialog", "ImportPeopleDialog"]
