"""A block's right-click menu: edit, move a quarter hour, mark its status, delete."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from tourplanner.enums import ItemStatus
from tourplanner.ui.marks import QT_TRANSLATE_NOOP
from tourplanner.ui.timeline.block import Block

STATUS_TIPS = {
    ItemStatus.TENTATIVE: QT_TRANSLATE_NOOP("menu", "Not fixed yet: shown hatched"),
    ItemStatus.CONFIRMED: QT_TRANSLATE_NOOP("menu", "Fixed: shown plain"),
    ItemStatus.CANCELLED: QT_TRANSLATE_NOOP(
        "menu", "Called off: kept in the plan, shown greyed and struck through"
    ),
}


def block_menu(
    parent: QWidget,
    block: Block,
    *,
    edit: Callable[[], object],
    move: Callable[[int], object],
    mark: Callable[[ItemStatus], object],
    delete: Callable[[], object],
) -> QMenu:
    """The menu of `block`; `move` gets -1 or +1 (a quarter hour earlier or later)."""
    v = block.view
    menu = QMenu(parent)
    menu.setToolTipsVisible(True)
    menu.setAccessibleName(
        QCoreApplication.translate("menu", "Actions for {title_en}").format(title_en=v.title_en)
    )

    def add(text: str, tip: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setEnabled(enabled)
        action.triggered.connect(lambda *_: slot())
        return action

    add(
        QCoreApplication.translate("menu", "Edit…"),
        QCoreApplication.translate("menu", "Open this item in the editor (Enter)"),
        edit,
    )
    menu.addSeparator()
    fixed = (
        ""
        if block.movable
        else QCoreApplication.translate(
            "menu", " (a repeating item: change its times in the editor)"
        )
    )
    add(
        QCoreApplication.translate("menu", "Move 15 min earlier"),
        QCoreApplication.translate("menu", "Start and end 15 minutes earlier") + fixed,
        lambda: move(-1),
        block.movable,
    )
    add(
        QCoreApplication.translate("menu", "Move 15 min later"),
        QCoreApplication.translate("menu", "Start and end 15 minutes later") + fixed,
        lambda: move(1),
        block.movable,
    )
    menu.addSeparator()
    for status in (ItemStatus.TENTATIVE, ItemStatus.CONFIRMED, ItemStatus.CANCELLED):
        action = add(
            QCoreApplication.translate("menu", "Mark as {value}").format(value=status.value),
            QCoreApplication.translate("menu", STATUS_TIPS[status]),
            partial(mark, status),
            v.status != status,
        )
        action.setCheckable(True)
        action.setChecked(v.status == status)
    menu.addSeparator()
    series = (
        QCoreApplication.translate("menu", " (every occurrence of this repeating item)")
        if not block.movable
        else ""
    )
    add(
        QCoreApplication.translate("menu", "Delete"),
        QCoreApplication.translate("menu", "Delete this item (Delete key)") + series,
        delete,
    )
    return menu
