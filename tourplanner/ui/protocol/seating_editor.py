"""The seating editor of one item: the layout drawn, people dragged onto seats (the rest
re-flow by the rules unless locked), the convention switched, the plan solved again, and who
is unseated and why. Every change is an undoable operation run through the window's runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QDrag, QFont, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tourplanner.errors import TourPlannerError
from tourplanner.operations import seating as ops
from tourplanner.planfile import PlanFile
from tourplanner.protocol.seats import CONVENTIONS, LAYOUTS
from tourplanner.services import items, protocol
from tourplanner.services.protocol import SeatingView, SeatView
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.undo import Run

MIME = "application/x-tourplanner-person"
SCALE = 46.0  # pixels per metre
HOST, GUEST = QColor("#FDECEC"), QColor("#E8EEF5")


# The layouts and conventions (tourplanner.protocol.seats) as the combo boxes show them.
VALUE_NAMES = (
    QT_TRANSLATE_NOOP("seating_editor", "meeting"),
    QT_TRANSLATE_NOOP("seating_editor", "signing"),
    QT_TRANSLATE_NOOP("seating_editor", "rostrum"),
    QT_TRANSLATE_NOOP("seating_editor", "photo"),
    QT_TRANSLATE_NOOP("seating_editor", "motorcade"),
    QT_TRANSLATE_NOOP("seating_editor", "banquet"),
    QT_TRANSLATE_NOOP("seating_editor", "chinese"),
    QT_TRANSLATE_NOOP("seating_editor", "international"),
)
# The sides of a seating plan, as the people list shows them.
SIDES = {
    "host": QT_TRANSLATE_NOOP("seating_editor", "host"),
    "guest": QT_TRANSLATE_NOOP("seating_editor", "guest"),
}


class SeatItem(QGraphicsEllipseItem):
    """One seat: takes a person dropped on it; its own person can be dragged to another."""

    def __init__(
        self, seat: SeatView, editor: SeatingEditor, outward: tuple[float, float] | None = None
    ) -> None:
        r = 13.0
        super().__init__(-r, -r, 2 * r, 2 * r)
        self.seat, self.editor = seat, editor
        self.setPos(seat.x * SCALE, -seat.y * SCALE)  # y grows away from the entrance: up
        fill = HOST if seat.side == "host" else GUEST if seat.side == "guest" else QColor("white")
        self.setBrush(QBrush(fill))
        self.setPen(
            QPen(QColor("#1F4E79") if seat.locked else QColor("#9AA4AF"), 3 if seat.locked else 1)
        )
        self.setAcceptDrops(True)
        self.setToolTip(
            (
                QCoreApplication.translate("seating_editor", "{seat}: {name} (locked)")
                if seat.locked
                else QCoreApplication.translate("seating_editor", "{seat}: {name}")
            ).format(
                seat=seat.label,
                name=seat.name or QCoreApplication.translate("seating_editor", "empty"),
            )
        )
        number = QGraphicsSimpleTextItem(str(seat.position), self)
        number.setPos(-number.boundingRect().width() / 2, -number.boundingRect().height() / 2)
        name = QGraphicsSimpleTextItem(_short(seat), self)
        name.setFont(QFont(name.font().family(), 7))
        box = name.boundingRect()
        dx, dy = outward or (0.0, -1.0)  # round a table the name goes outside; else below
        if dx > 0.35:
            name.setPos(r + 2, -box.height() / 2)
        elif dx < -0.35:
            name.setPos(-r - 2 - box.width(), -box.height() / 2)
        elif dy > 0:
            name.setPos(-box.width() / 2, -r - 1 - box.height())
        else:
            name.setPos(-box.width() / 2, r + 1)

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        event.setAccepted(event.mimeData().hasFormat(MIME))

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:  # noqa: N802
        self.drop(event.mimeData())

    def drop(self, data: QMimeData) -> bool:
        """A person dragged here (from the list or another seat) is fixed on this seat."""
        if not data.hasFormat(MIME):
            return False
        person_id = int(bytes(data.data(MIME).data()).decode())
        return self.editor.place(person_id, self.seat.label)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self.editor.select_seat(self.seat.label)
        if self.seat.person_id is None:
            return
        drag = QDrag(event.widget())
        data = QMimeData()
        data.setData(MIME, str(self.seat.person_id).encode())
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.MoveAction)


def _short(seat: SeatView) -> str:
    name = seat.name or QCoreApplication.translate("seating_editor", "(empty)")
    name = name if len(name) <= 16 else name[:15] + "…"
    return f"{name}\n{seat.name_local}" if seat.name_local else name


class PeopleList(QListWidget):
    """Everyone booked on the item, to drag onto a seat."""

    def mimeData(self, chosen: Sequence[QListWidgetItem]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        if chosen:
            data.setData(MIME, str(chosen[0].data(Qt.ItemDataRole.UserRole)).encode())
        return data


class SeatingEditor(QDialog):
    def __init__(
        self,
        plan: Callable[[], PlanFile],
        run: Run,
        item_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan, self.run, self.item_id = plan, run, item_id
        self.view_: SeatingView | None = None
        self.selected: str | None = None
        with plan().reading() as session:
            self.title = items.get_item(session, item_id).title_en
        self.setWindowTitle(self.tr("Seating: {title}").format(title=self.title))
        self.resize(980, 640)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.layout_box = _combo(
            LAYOUTS,
            self.tr("Layout"),
            self.tr("How the seats are laid out (the rules of docs/protocol.md)"),
        )
        self.convention_box = _combo(
            CONVENTIONS,
            self.tr("Convention"),
            self.tr("Which side of No. 1 is senior: left (Chinese) or right"),
        )
        self.solve_button = _button(
            self.tr("Lay out again"),
            self.tr("Lay the plan out again by the rules; locked seats stay"),
            self.resolve,
        )
        self.lock_button = _button(
            self.tr("Unlock seat"),
            self.tr("Let the selected seat re-flow by the rules again"),
            self.toggle_lock,
        )
        self.layout_box.activated.connect(lambda _i: self.resolve())
        self.convention_box.activated.connect(
            lambda _i: self.set_convention(self.convention_box.currentData())
        )
        top = QHBoxLayout()
        for w in (
            QLabel(self.tr("Layout")),
            self.layout_box,
            QLabel(self.tr("Convention")),
            self.convention_box,
        ):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.lock_button)
        top.addWidget(self.solve_button)
        self.scene = QGraphicsScene(self)
        self.canvas = QGraphicsView(self.scene)
        self.canvas.setAccessibleName(self.tr("Seating diagram"))
        self.canvas.setToolTip(
            self.tr("Drag a person from the list (or from a seat) onto a seat to fix them there")
        )
        self.canvas.setAcceptDrops(True)
        self.people = PeopleList()
        self.people.setDragEnabled(True)
        self.people.setAccessibleName(self.tr("People booked on this item"))
        self.people.setToolTip(self.tr("Drag a person onto a seat"))
        self.unseated = QListWidget()
        self.unseated.setAccessibleName(self.tr("Unseated people and why"))
        self.unseated.setToolTip(self.tr("Booked on the item but without a seat, and why"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        side = QVBoxLayout()
        for part in (
            QLabel(self.tr("People")),
            self.people,
            QLabel(self.tr("Unseated")),
            self.unseated,
        ):
            side.addWidget(part)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 3)
        body.addLayout(side, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body)
        outer.addWidget(self.message)

    # -- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plan again and draw it."""
        with self.plan().reading() as session:
            exists = protocol.plan_of(session, self.item_id) is not None
            self.view_ = protocol.seating_view(session, self.item_id) if exists else None
            booked = [(a.person_id, a.name, a.side) for a in protocol.ranked(session, self.item_id)]
        self.scene.clear()
        self.seat_items: dict[str, SeatItem] = {}
        view = self.view_
        if view is not None:
            self.layout_box.setCurrentIndex(self.layout_box.findData(view.layout))
            self.convention_box.setCurrentIndex(self.convention_box.findData(view.convention))
            centres = view.table_centres()
            for number, (cx, cy) in centres.items():
                r = 0.62 * SCALE
                self.scene.addEllipse(
                    cx * SCALE - r, -cy * SCALE - r, 2 * r, 2 * r, QPen(QColor("#CBD2DA"))
                )
                text = self.scene.addSimpleText(
                    self.tr("Host table")
                    if number == 1
                    else self.tr("Table {number}").format(number=number)
                )
                text.setPos(cx * SCALE - text.boundingRect().width() / 2, -cy * SCALE - 7)
            for seat in view.seats:
                item = SeatItem(seat, self, seat.outward(centres.get(seat.table or 0)))
                self.scene.addItem(item)
                self.seat_items[seat.label] = item
            entrance = self.scene.addText("Entrance · 入口")
            bottom = self.scene.itemsBoundingRect().bottom()
            entrance.setPos(QPointF(-entrance.boundingRect().width() / 2, bottom + 16))
        self.people.clear()
        for pid, name, side in booked:
            entry = QListWidgetItem(
                self.tr("{name} ({value})").format(
                    name=name,
                    value=QCoreApplication.translate("seating_editor", SIDES.get(side, side))
                    if side
                    else self.tr("no side"),
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, pid)
            self.people.addItem(entry)
        self.unseated.clear()
        for _pid, name, why in view.unseated if view else []:
            self.unseated.addItem(self.tr("{name}: {why}").format(name=name, why=why))
        self._update_lock_button()

    def seat(self, label: str) -> SeatView | None:
        return next((s for s in self.view_.seats if s.label == label), None) if self.view_ else None

    # -- changes, each one operation ---------------------------------------------------------

    def _run(self, operation: ops.SeatingChange) -> bool:
        problem: TourPlannerError | None = self.run(operation)
        self.message.setText(str(problem) if problem else "")
        self.refresh()
        return problem is None

    def place(self, person_id: int, label: str) -> bool:
        """Fix a person on a seat (it is locked); the others re-flow by the rules."""
        name = (
            next((s.name for s in self.view_.seats if s.person_id == person_id), None)
            if self.view_
            else None
        )
        return self._run(ops.place_person(self.item_id, person_id, label, name or f"#{person_id}"))

    def set_convention(self, convention: str) -> bool:
        return self._run(ops.seat_item(self.item_id, self.title, convention=convention))

    def resolve(self) -> bool:
        """Lay the plan out again (with the layout chosen), keeping the locked seats."""
        return self._run(
            ops.seat_item(self.item_id, self.title, layout=self.layout_box.currentData())
        )

    def select_seat(self, label: str) -> None:
        self.selected = label
        self._update_lock_button()

    def toggle_lock(self) -> bool:
        seat = self.seat(self.selected or "")
        if seat is None:
            return False
        return self._run(ops.set_locked(self.item_id, seat.label, not seat.locked))

    def _update_lock_button(self) -> None:
        seat = self.seat(self.selected or "")
        self.lock_button.setEnabled(seat is not None and seat.person_id is not None)
        self.lock_button.setText(
            self.tr("Unlock seat") if seat is None or seat.locked else self.tr("Lock seat")
        )


def _combo(values: tuple[str, ...], name: str, tip: str) -> QComboBox:
    box = QComboBox()
    for value in values:  # shown translated (VALUE_NAMES), kept as the value itself
        box.addItem(QCoreApplication.translate("seating_editor", value), value)
    box.setAccessibleName(name)
    box.setToolTip(tip)
    return box


def _button(text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.setToolTip(tip)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def show_seating(window) -> SeatingEditor | None:  # noqa: ANN001 - the WindowContext
    """Open the editor on the selected item (laying out a first plan when it has none)."""
    item_id = window.selected_item_id()
    if item_id is None:
        window.say(
            QCoreApplication.translate(
                "seating_editor", "Select an item first (in the timeline, agenda or items table)"
            )
        )
        return None
    with window.plan.reading() as session:
        has_plan = protocol.plan_of(session, item_id) is not None
        title = items.get_item(session, item_id).title_en
    if not has_plan and not window.run(ops.seat_item(item_id, title)):
        return None
    editor = SeatingEditor(lambda: window.plan, window.operations.run, item_id, window.widget)
    editor.show()
    return editor
