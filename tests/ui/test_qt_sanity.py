"""Guards against a broken Qt binding: PySide6 6.12.0 on Python 3.11 decrements None on every
call, which crashes a long session ('deallocating None'). pyproject.toml excludes it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QGraphicsRectItem


def test_qt_calls_keep_none_alive(qapp: QApplication) -> None:
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for _ in range(2000):
        item.setToolTip("x")
        item.setPos(1, 2)
    assert sys.getrefcount(None) >= before - 50
