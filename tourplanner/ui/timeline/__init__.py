"""The timeline: one day of a programme, one column per room, time running down.

Blocks are coloured by kind, tentative ones hatched, cancelled ones greyed. Dragging a block
moves its item, dragging its bottom edge changes its length (both snapped to 5 minutes); the
window turns that into an undoable command. A right click offers edit, move, status and delete;
the keyboard does the same on the selected block.

One idea per module:

- `geometry`: the scale (pixels per minute, column width) and the 5-minute grid;
- `clock`: where an instant falls on its local day;
- `block`: one occurrence as drawn (`Block`);
- `lanes`: overlapping blocks of one room side by side, and which of them clash (pure);
- `layout`: the day's geometry as one value (`DayLayout`), from a pure `lay_out_day`;
- `drag`: a drag under way (`Drag`) and the move or new end it asks for;
- `style`: colours by kind, fonts;
- `canvas`: the one graphics item that paints a `DayLayout` (`DayCanvas`);
- `frame`: the room titles and hours frozen over the view's edges while it scrolls;
- `pointer`: the mouse on the day (`Pointer`);
- `menu`: a block's right-click menu;
- `day_picker`: the day selector;
- `view`: the widget (`TimelineView`): signals, selection, keyboard, zoom, the rooms sharing
  the view's width, reading days.
"""

from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.geometry import COLUMN, GUTTER, HEADER, PX_PER_MIN, SNAP_MIN, snap
from tourplanner.ui.timeline.layout import Column, DayLayout, lay_out_day
from tourplanner.ui.timeline.view import READ_AHEAD_MS, READ_AROUND, TimelineView

__all__ = [
    "COLUMN",
    "GUTTER",
    "HEADER",
    "PX_PER_MIN",
    "READ_AHEAD_MS",
    "READ_AROUND",
    "SNAP_MIN",
    "Block",
    "Column",
    "DayLayout",
    "TimelineView",
    "lay_out_day",
    "snap",
]
