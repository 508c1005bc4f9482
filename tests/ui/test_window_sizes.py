"""Layout at every size: from 1024×700 to 2560×1440 and back nothing that has room is cut, and
the docks, splitter and columns come back sensibly (a saved state of another version or a
broken one is ignored)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from tourplanner.db import PlanFile
from tourplanner.ui.window.main_window import LAYOUT_VERSION, MainWindow


def settle(qtbot, window, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.wait(150)  # the docks are checked once the resize settles
    QApplication.processEvents()


def assert_nothing_cut(window) -> None:
    nav = window.navigator
    metrics = nav.fontMetrics()
    for key, node in nav.nodes.items():
        rect = nav.visualItemRect(node)
        text = metrics.horizontalAdvance(node.text(0))
        assert rect.width() >= text + nav.iconSize().width() + 6, key
        assert rect.right() <= nav.viewport().width()
    for key in ("person", "item", "venue"):
        window.show_page(key)
        QApplication.processEvents()
        page = window.records[key]
        search = page.search
        needed = search.fontMetrics().horizontalAdvance(search.placeholderText())
        assert search.width() >= needed + 24, (key, search.width())
        header = page.table.horizontalHeader()
        first = page.model.columns[0]
        assert header.sectionSize(0) >= header.fontMetrics().horizontalAdvance(first) + 8
    names = window.records["person"]
    widest = max(
        names.table.fontMetrics().horizontalAdvance(names.model.index(r, 0).data())
        for r in range(names.model.rowCount())
    )
    assert names.table.columnWidth(0) >= widest  # no name cut to "Fi…"


def test_1024_to_2560_and_back_keeps_everything_readable(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window, (1024, 700))
    assert (window.width(), window.height()) == (1024, 700)
    assert_nothing_cut(window)
    nav_before = window.navigator_dock.width()
    settle(qtbot, window, (2560, 1440))
    assert_nothing_cut(window)
    window.show_page("timeline")
    settle(qtbot, window, (1024, 700))
    assert (window.width(), window.height()) == (1024, 700)
    assert_nothing_cut(window)
    assert window.navigator_dock.width() >= nav_before  # not left narrow
    assert window.conflicts_dock.height() <= 0.4 * 700 + 2
    # A long programme title elides in the navigator and says itself in full when pointed at.
    node = window.navigator.programme_nodes()[0]
    assert node.toolTip(0).startswith(node.text(0))


def test_the_layout_comes_back_and_a_broken_one_is_ignored(qtbot, demo_path: Path) -> None:
    plan = PlanFile.open(demo_path)
    first = MainWindow(plan)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("person")
    QApplication.processEvents()
    first.records["person"].table.setColumnWidth(1, 211)
    first.close()
    settings = QSettings()
    assert int(settings.value("window/version")) == LAYOUT_VERSION
    again = MainWindow(plan)
    qtbot.addWidget(again)
    again.show_page("person")
    QApplication.processEvents()
    assert again.records["person"].table.columnWidth(1) == 211
    again.close()
    # Garbage under this version's keys: the defaults, and the columns measured afresh.
    settings.setValue("window/state", QByteArray(b"not a state"))
    settings.setValue("tables/person", QByteArray(b"not a header"))
    settings.setValue("window/people-split", QByteArray(b"nor a splitter"))
    broken = MainWindow(plan)
    qtbot.addWidget(broken)
    broken.show()
    qtbot.waitExposed(broken)
    broken.show_page("person")
    QApplication.processEvents()
    assert broken.navigator_dock.isVisible() and broken.conflicts_dock.isVisible()
    assert broken.navigator_dock.width() >= broken.navigator.pages_width()
    assert broken.records["person"].table.columnWidth(1) != 211
    broken.close()
    # A layout saved by another version is not restored at all.
    settings.setValue("window/version", LAYOUT_VERSION + 1)
    settings.setValue("window/geometry", first.saveGeometry())
    other = MainWindow(plan)
    qtbot.addWidget(other)
    assert (other.width(), other.height()) == (1440, 900)
    other.close()
    plan.close()
