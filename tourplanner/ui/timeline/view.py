"""The timeline widget: a day selector over a scrolling view of the chosen programme day.

It lays the day out (`DayLayout`), hands it to one `DayCanvas` to paint, keeps the selection,
answers the keyboard and turns drags, menu choices and keys into requests (signals) that the
window makes into undoable commands. Days are read through a `DayCache`, the days around the one
shown read ahead while the user pauses on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tourplanner.collector import cycle_collection_paused
from tourplanner.errors import NotFoundError
from tourplanner.planfile import PlanFile
from tourplanner.services import itinerary
from tourplanner.services.views import DayItem
from tourplanner.ui.tasks import TaskRunner
from tourplanner.ui.timeline.block import Block
from tourplanner.ui.timeline.canvas import DayCanvas
from tourplanner.ui.timeline.clock import local_day
from tourplanner.ui.timeline.day_cache import DayCache, Key
from tourplanner.ui.timeline.day_picker import DayPicker
from tourplanner.ui.timeline.drag import moved_start, resized_end
from tourplanner.ui.timeline.frame import HourAxis, RoomHeader
from tourplanner.ui.timeline.geometry import (
    COLUMN,
    GUTTER,
    HEADER,
    MIN_COLUMN,
    PX_PER_MIN,
    SNAP_MIN,
)
from tourplanner.ui.timeline.layout import DayLayout, column_key, lay_out_day
from tourplanner.ui.timeline.layout import on_bottom_edge as _on_bottom_edge
from tourplanner.ui.timeline.menu import block_menu
from tourplanner.ui.timeline.pointer import Pointer
from tourplanner.ui.timeline.style import Style

READ_AHEAD_MS = 150  # a pause on a day this long starts reading the days around it
READ_AROUND = 3  # days read ahead either side: a conference's week, a few MB a busy day
MENU_STEP = timedelta(minutes=15)
KEY_STEP = timedelta(minutes=SNAP_MIN)
ZOOMS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)  # of the hour's height and a room's least width
FIT_MS = 40  # a resize settles this long before the day is laid out again for the new width


class TimelineCanvas(QGraphicsView):
    """The view: passes the timeline's keys (Enter, Delete, Alt+arrows) to it first."""

    def __init__(self, scene: QGraphicsScene, timeline: TimelineView) -> None:
        super().__init__(scene)
        self.timeline = timeline

    def event(self, event: QEvent) -> bool:
        # A window shortcut on the same key must not take it while a block is selected here.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.timeline.handles_key(event)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt
        if not self.timeline.key_pressed(event):
            super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        # The viewport changes size with the view, and when a scroll bar comes or goes.
        if event.type() == QEvent.Type.Resize:
            self.timeline.place_frame()
            self.timeline.fit_soon()
        return super().viewportEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # zoom, as in every viewer
            steps = event.angleDelta().y()
            if steps:
                self.timeline.zoom_by(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.timeline.show_menu_for_current()
            return
        super().contextMenuEvent(event)


class TimelineView(QWidget):
    """A day selector over a QGraphicsView of the chosen day."""

    move_requested = Signal(int, datetime)  # item id, new start (UTC)
    resize_requested = Signal(int, datetime)  # item id, new end (UTC)
    edit_requested = Signal(int)
    status_requested = Signal(int, str)  # item id, an ItemStatus value
    delete_requested = Signal(int)
    # programme id, naive local start, venue id (or None), room name ("" for none)
    new_item_requested = Signal(int, datetime, object, str)
    day_shown = Signal(int)  # the programme whose day is now shown

    def __init__(self, plan: PlanFile, tasks: TaskRunner) -> None:
        super().__init__()
        self.plan = plan
        self.day = DayPicker()
        self.day.currentIndexChanged.connect(lambda *_: self.show_day())
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # a few items
        self.view = TimelineCanvas(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Timeline"))
        self.view.setAccessibleDescription(
            self.tr(
                "One column per room, time running down. Up and Down select the previous or next "
                "item, Enter edits it, Delete deletes it, Alt+Up and Alt+Down move it 5 minutes, "
                "Shift+Alt+Up and Shift+Alt+Down shorten or lengthen it, the menu key shows "
                "more actions."
            )
        )
        self.view.setToolTip(
            self.tr(
                "Drag a block to move it, drag its bottom edge to change its length; "
                "right-click for more"
            )
        )
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.days = DayCache(plan, tasks)
        self._read_ahead_timer = QTimer(self, singleShot=True, interval=READ_AHEAD_MS)
        self._read_ahead_timer.timeout.connect(self._read_neighbours)
        self._canvas: DayCanvas | None = None  # the day drawn, with its layout
        self._selected: list[int] = []
        self._speakers: dict[int, tuple[str, ...]] = {}  # read for tooltips, per day drawn
        self._style = Style.from_font(self.font())
        self._zoom = ZOOMS.index(1.0)
        self.header = RoomHeader(self.view, self._style)
        self.axis = HourAxis(self.view, self._style)
        self.view.horizontalScrollBar().valueChanged.connect(lambda *_: self.header.update())
        self.view.verticalScrollBar().valueChanged.connect(lambda *_: self.axis.update())
        self._fit_timer = QTimer(self, singleShot=True, interval=FIT_MS)
        self._fit_timer.timeout.connect(self.fit_to_width)
        self.zoom_actions = self._zoom_actions()
        top = QHBoxLayout()
        label = QLabel(self.tr("&Day:"))
        label.setBuddy(self.day)
        top.addWidget(label)
        top.addWidget(self.day, 1)
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Timeline zoom"))
        self.zoom_label.setToolTip(self.tr("The timeline's zoom (Ctrl+wheel, Ctrl++ and Ctrl+−)"))
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("300 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for action in self.zoom_actions[:2]:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.text())
            button.setAutoRaise(True)
            top.addWidget(button)
            if action is self.zoom_actions[0]:
                top.addWidget(self.zoom_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._show_zoom()

    # -- what is drawn ---------------------------------------------------------------------

    @property
    def day_layout(self) -> DayLayout | None:
        """The geometry of the day drawn (None when no day with items is shown)."""
        return self._canvas.layout if self._canvas is not None else None

    @property
    def canvas(self) -> DayCanvas | None:
        """The graphics item painting the day drawn (it carries the cursor and tooltip)."""
        return self._canvas

    @property
    def pointer(self) -> Pointer | None:
        """What the mouse is doing on the day drawn (a drag under way, the block pointed at)."""
        return self._canvas.pointer if self._canvas is not None else None

    @property
    def blocks(self) -> Mapping[int, Block]:
        """The first occurrence of each item on the day drawn, in time order, by item id."""
        return self._canvas.layout.by_id if self._canvas is not None else {}

    # -- days ------------------------------------------------------------------------------

    def reload_days(self) -> None:
        """Fill the day selector with every day of every programme (the plan changed)."""
        self.days.clear(self.plan)
        self.day.refill(self.plan)
        self.show_day()

    def key_at(self, n: int) -> Key | None:
        """The programme and day of entry `n` of the day selector."""
        return self.day.key_at(n)

    def shown_key(self) -> Key | None:
        """The programme and day shown, if any."""
        return self.day.key_at(self.day.currentIndex())

    def select_day(self, programme_id: int, day: date) -> None:
        self.day.choose(programme_id, day)

    def show_day(self) -> None:
        """Draw the chosen day: a column per room (or venue), blocks at their local times."""
        self._canvas = None
        self._speakers.clear()
        self.scene.clear()
        shown = self.shown_key()
        if shown is None:
            self._say(self.tr("This plan has no programme yet."))
            return
        self.day_shown.emit(shown[0])
        # A busy day is 3,400 rows and as many blocks, none in a reference cycle: the cycle
        # collector would walk them thirty times over while they are made (3-8 ms of a jump
        # to a day not read ahead), so it waits until they are (see `tourplanner.collector`).
        with cycle_collection_paused():
            views = self.days.get(shown)
            # Read ahead once this day is painted and the user pauses on it, not while drawing.
            self.schedule_read_ahead()
            layout = self._lay_out(shown[1], views)
        if layout is None:
            self._say(self.tr("Nothing is scheduled on this day."))
            return
        self._draw(layout)

    def _lay_out(self, day: date, views: Sequence[DayItem]) -> DayLayout | None:
        """The day at the zoom chosen, its rooms sharing the view's width."""
        if not views:
            return None
        rooms = len({column_key(v) for v in views})
        return lay_out_day(
            day, views, px_per_min=PX_PER_MIN * self.zoom, column_width=self.column_width(rooms)
        )

    def column_width(self, rooms: int) -> float:
        """A room's width: an equal share of the view, never under the least one (zoomed)."""
        if not self.view.isVisible():
            return COLUMN * self.zoom  # no width to share yet
        room = self.view.viewport().width() - GUTTER - 12  # the layout keeps 10 px spare
        return max(MIN_COLUMN * self.zoom, room / max(rooms, 1))

    def _draw(self, layout: DayLayout) -> None:
        pointer = Pointer(self)
        self._canvas = DayCanvas(layout, style=self._style, palette_of=self, pointer=pointer)
        self._canvas.selected = frozenset(self._selected)
        pointer.canvas = self._canvas
        self.scene.addItem(self._canvas)
        self.scene.setSceneRect(0, 0, layout.width, layout.height)
        self.header.set_day(layout)
        self.axis.set_day(layout)
        self.place_frame()

    def _say(self, text: str) -> None:
        self.header.set_day(None)
        self.axis.set_day(None)
        self.scene.addText(text)
        self.scene.setSceneRect(self.scene.itemsBoundingRect())

    # -- the frame, the width and the zoom -------------------------------------------------

    def place_frame(self) -> None:
        """Lay the room titles and the hours over the view's top and left edges."""
        area = self.view.viewport().geometry()
        self.header.setGeometry(area.x(), area.y(), area.width(), int(HEADER))
        self.axis.setGeometry(
            area.x(), area.y() + int(HEADER), int(GUTTER), max(0, area.height() - int(HEADER))
        )
        self.header.raise_()
        self.axis.raise_()

    def fit_soon(self) -> None:
        """The view changed size: lay the day out for its width once the resizing settles."""
        self._fit_timer.start()

    def fit_to_width(self) -> None:
        """Lay the day shown out again if its rooms' width no longer fits the view's."""
        layout, pointer = self.day_layout, self.pointer
        if layout is None:
            return
        if pointer is not None and pointer.drag is not None:
            self.fit_soon()  # not under the mouse's feet: once the drag is over
            return
        wanted = self.column_width(len(layout.columns))
        if abs(wanted - layout.column_width) >= 0.5 or layout.px_per_min != PX_PER_MIN * self.zoom:
            self._relay_out()

    def _relay_out(self) -> None:
        """The day shown laid out again (new width or zoom), its selection and place kept."""
        layout = self.day_layout
        if layout is None:
            return
        bars = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        fractions = [b.value() / b.maximum() if b.maximum() else 0.0 for b in bars]
        selected = list(self._selected)
        self._canvas = None
        self.scene.clear()
        # The occurrences as drawn now (an edit may have moved one since the day was read).
        new = self._lay_out(layout.day, [b.view for b in layout.blocks])
        if new is None:
            return
        self._draw(new)
        self.set_selection(selected)
        for bar, fraction in zip(bars, fractions, strict=True):
            bar.setValue(round(fraction * bar.maximum()))

    @property
    def zoom(self) -> float:
        """The zoom: 1.0 is the normal hour height and least room width."""
        return ZOOMS[self._zoom]

    def set_zoom(self, zoom: float) -> None:
        """Zoom to the nearest of the offered levels (an hour taller, rooms wider)."""
        n = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - zoom))
        if n != self._zoom:
            self._zoom = n
            self._show_zoom()
            self._relay_out()

    def zoom_by(self, steps: int) -> None:
        """Zoom in (positive) or out (negative) by that many levels."""
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, self._zoom + steps))])

    def _show_zoom(self) -> None:
        self.zoom_label.setText(self.tr("{round} %").format(round=round(self.zoom * 100)))
        self.zoom_actions[0].setEnabled(self._zoom > 0)
        self.zoom_actions[1].setEnabled(self._zoom < len(ZOOMS) - 1)

    def _zoom_actions(self) -> list[QAction]:
        """Zoom out, in and back to normal; their keys work wherever the timeline has focus."""
        found = []
        for text, tip, keys, slot in (
            (
                self.tr("Zoom timeline out"),
                self.tr("Shorter hours, narrower rooms (Ctrl+−)"),
                QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut),
                lambda: self.zoom_by(-1),
            ),
            (
                self.tr("Zoom timeline in"),
                self.tr("Taller hours, wider rooms (Ctrl++)"),
                [
                    *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn),
                    QKeySequence("Ctrl+="),
                ],
                lambda: self.zoom_by(1),
            ),
            (
                self.tr("Timeline at normal zoom"),
                self.tr("Back to 100 % (Ctrl+0)"),
                [QKeySequence("Ctrl+0")],
                lambda: self.set_zoom(1.0),
            ),
        ):
            action = QAction(text, self)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda *_, slot=slot: slot())
            self.addAction(action)
            found.append(action)
        found[0].setIconText("−")
        found[1].setIconText("+")
        return found

    def request_new_item_at(self, pos: QPointF) -> bool:
        """Double-click on empty space: ask for a new item there (room and time, 15-min grid)."""
        layout = self.day_layout
        slot = layout.slot_at(pos) if layout is not None else None
        shown = self.shown_key()
        if slot is None or shown is None:
            return False
        column, start = slot
        venue_id, room = column.key
        self.new_item_requested.emit(shown[0], start, venue_id, room)
        return True

    def block_at(self, pos: QPointF) -> Block | None:
        """The topmost block at a scene position."""
        layout = self.day_layout
        return layout.block_at(pos) if layout is not None else None

    @staticmethod
    def on_bottom_edge(block: Block, pos: QPointF) -> bool:
        return _on_bottom_edge(block, pos)

    # -- reading ahead and after edits -----------------------------------------------------

    def schedule_read_ahead(self) -> None:
        """Read the days around the one shown once the user has paused on it a moment."""
        self._read_ahead_timer.start()

    def shut_down(self) -> None:
        """Before the window closes (or the file does): no more reading ahead."""
        self._read_ahead_timer.stop()
        self.days.stop()

    def _read_neighbours(self) -> None:
        """Read the days around the one shown, nearest first, on a thread, while it is looked at."""
        current = self.day.currentIndex()
        around = [current + sign * n for n in range(1, READ_AROUND + 1) for sign in (1, -1)]
        keys = [self.key_at(n) for n in around]
        self.days.read_ahead([key for key in keys if key is not None])

    def refresh_items(self, item_ids: list[int]) -> None:
        """After items changed: forget the days read that held them or now do, and redraw the
        day shown only if it is one of those (a single item staying on it just moves)."""
        with self.plan.reading() as session:
            views = itinerary.items_occurrences(session, item_ids)  # none for a deleted one
        now_on = {(v.programme_id, local_day(v)) for v in views}
        self.days.forget(set(item_ids), now_on)
        self.schedule_read_ahead()  # the days around again, if they were dropped
        if self.shown_key() not in now_on and not any(i in self.blocks for i in item_ids):
            return  # neither on the day shown before nor now
        if len(item_ids) == 1 and self._move_block(views):
            return
        self._redraw_keeping_selection()

    def _move_block(self, views: Sequence[DayItem]) -> bool:
        """Move one one-off item's block within the drawn day; False if it does not fit there."""
        canvas = self._canvas
        if canvas is None or len(views) != 1:
            return False
        view = views[0]
        if self.shown_key() != (view.programme_id, canvas.layout.day):
            return False
        moved = canvas.layout.moved(view)
        if moved is None:
            return False
        canvas.layout = moved
        canvas.update()
        return True

    def _redraw_keeping_selection(self) -> None:
        selected = list(self._selected)
        self.show_day()
        self.set_selection(selected)

    def speakers_of(self, view: DayItem) -> tuple[str, ...]:
        """An item's speakers: a day is read without them, so they are read when asked for."""
        if view.speakers:
            return view.speakers
        if view.id not in self._speakers:
            try:
                with self.plan.reading() as session:
                    self._speakers[view.id] = itinerary.item_speakers(session, view.id)
            except NotFoundError:
                return ()
        return self._speakers[view.id]

    # -- selection -------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """The selected items, the most recently selected last."""
        return list(self._selected)

    def is_selected(self, item_id: int) -> bool:
        return item_id in self._selected

    def current_block(self) -> Block | None:
        """The block the keyboard acts on: the last one selected."""
        return self.blocks.get(self._selected[-1]) if self._selected else None

    def set_selection(self, item_ids: list[int]) -> None:
        """Select exactly these items (those drawn), the last one the keyboard's; no scrolling."""
        blocks = self.blocks
        wanted = [i for i in dict.fromkeys(item_ids) if i in blocks]
        if wanted != self._selected:
            self._selected = wanted
            if self._canvas is not None:
                self._canvas.selected = frozenset(wanted)
                self._canvas.update()

    def select_items(self, item_ids: list[int]) -> None:
        """Select these items' blocks and scroll the first into view.

        When none of them is on the day shown, the day of the first one is shown first.
        """
        item_ids = list(item_ids)
        if item_ids and not any(i in self.blocks for i in item_ids):
            try:
                with self.plan.reading() as session:
                    views = itinerary.item_occurrences(session, item_ids[0])
            except NotFoundError:
                views = []
            if views:
                v = views[0]
                self.select_day(v.programme_id, local_day(v))
        self.set_selection(item_ids)
        if self._selected:
            self.view.ensureVisible(self.blocks[self._selected[0]].rect(), 40, 40)

    # -- actions ---------------------------------------------------------------------------

    def finish_drag(self, item_id: int, dy: float) -> None:
        """Turn a vertical drag of the item's block by `dy` pixels into a move (5-min grid)."""
        block, layout = self.blocks.get(item_id), self.day_layout
        start = moved_start(block, dy, layout.px_per_min) if block and layout else None
        if start is not None:
            self.move_requested.emit(item_id, start)

    def finish_resize(self, item_id: int, dy: float) -> None:
        """Turn a drag of the block's bottom edge by `dy` pixels into a new end (5-min grid)."""
        block, layout = self.blocks.get(item_id), self.day_layout
        end = resized_end(block, dy, layout.px_per_min) if block and layout else None
        if end is not None:
            self.resize_requested.emit(item_id, end)

    def _move(self, item_id: int, delta: timedelta) -> None:
        block = self.blocks.get(item_id)
        if block is not None and block.movable:
            self.move_requested.emit(item_id, block.view.start_utc + delta)

    def _resize(self, item_id: int, delta: timedelta) -> None:
        block = self.blocks.get(item_id)
        if block is None or not block.movable:
            return
        end = max(block.view.end_utc + delta, block.view.start_utc + KEY_STEP)
        if end != block.view.end_utc:
            self.resize_requested.emit(item_id, end)

    def context_menu_for(self, item_id: int) -> QMenu:
        """The block's right-click menu (shown by the caller with exec or popup)."""
        return block_menu(
            self,
            self.blocks[item_id],
            edit=lambda: self.edit_requested.emit(item_id),
            move=lambda sign: self._move(item_id, sign * MENU_STEP),
            mark=lambda status: self.status_requested.emit(item_id, status.value),
            delete=lambda: self.delete_requested.emit(item_id),
        )

    def show_menu(self, item_id: int, screen_pos: QPoint) -> None:
        menu = self.context_menu_for(item_id)
        menu.exec(screen_pos)
        menu.deleteLater()

    def show_menu_for_current(self) -> None:
        block = self.current_block()
        if block is not None:
            corner = self.view.mapFromScene(block.rect().topLeft()) + QPoint(12, 12)
            self.show_menu(block.view.id, self.view.viewport().mapToGlobal(corner))

    # -- the keyboard ----------------------------------------------------------------------

    def handles_key(self, event: QKeyEvent) -> bool:
        """Whether a key is the timeline's own while a block is selected."""
        if self.current_block() is None:
            return False
        key, mods = event.key(), event.modifiers()
        alt = Qt.KeyboardModifier.AltModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete):
            return not (mods & ~Qt.KeyboardModifier.KeypadModifier)
        return key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and bool(mods & alt)

    def key_pressed(self, event: QKeyEvent) -> bool:
        """Act on a key pressed in the view; False when it is not the timeline's."""
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and mods == Qt.KeyboardModifier.NoModifier:
            return self._step_selection(-1 if key == Qt.Key.Key_Up else 1)
        if key == Qt.Key.Key_Escape and self._selected:
            self.set_selection([])
            return True
        block = self.current_block()
        if block is None or not self.handles_key(event):
            return False
        item_id = block.view.id
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(item_id)
        elif key == Qt.Key.Key_Delete:
            self.delete_requested.emit(item_id)
        else:
            step = -KEY_STEP if key == Qt.Key.Key_Up else KEY_STEP
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self._resize(item_id, step)
            else:
                self._move(item_id, step)
        return True

    def _step_selection(self, direction: int) -> bool:
        """Select the previous or next block in time order (the first one if none is)."""
        order = list(self.blocks.values())
        if not order:
            return False
        current = self.current_block()
        n = order.index(current) + direction if current is not None else 0
        if not 0 <= n < len(order):
            return True
        self.select_items([order[n].view.id])
        return True
