"""The conflicts dock: a model of the findings grouped by severity, read row by row as shown;
clicking a finding shows its items."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tourplanner.scheduling.findings import ERROR, WARNING, Finding
from tourplanner.ui.conflicts.panel import SHOWN, ConflictsPanel, FindingsModel


def texts(model: FindingsModel) -> list[str]:
    """Every line of the panel: each group's title, then its findings' rules."""
    lines = []
    for row in range(model.rowCount()):
        top = model.index(row, 0)
        lines.append(top.data())
        lines += [model.index(n, 0, top).data() for n in range(model.rowCount(top))]
    return lines


def test_the_demo_plan_shows_its_four_warnings(qtmodeltester, window) -> None:
    model = window.conflicts.model()
    qtmodeltester.check(model)
    assert texts(model) == [
        "Errors (0)",
        "Warnings (4)",
        "cancelled-booking",
        "tentative",
        "tentative",
        "tentative",
    ]
    warnings = model.index(1, 0)
    cruise = model.index(0, 1, warnings)
    assert "Shenzhen Bay evening cruise" in cruise.data()
    assert cruise.data(Qt.ItemDataRole.ToolTipRole) == cruise.data()  # the whole sentence
    assert window.conflicts.isExpanded(warnings)


def test_the_panel_follows_checking_and_a_new_check(qtmodeltester, window) -> None:
    model = window.conflicts.model()
    qtmodeltester.check(model)  # keeps watching through the resets below
    window.conflicts.set_checking()
    assert texts(model) == ["Checking the plan…"]
    window.check_plan()  # F5
    assert texts(model)[:2] == ["Errors (0)", "Warnings (4)"]
    assert window.statusBar().currentMessage() == "Checked: 0 errors, 4 warnings"


def test_clicking_a_finding_shows_its_item_on_the_timeline(qtbot, window) -> None:
    window.show_page("timeline")
    window.timeline.select_day(1, date(2015, 4, 20))  # the cruise is on the 21st
    window.conflicts_dock.show()
    window.show()
    qtbot.waitExposed(window)
    panel = window.conflicts
    cruise = panel.model().index(0, 0, panel.model().index(1, 0))
    finding = panel.findings_model.finding(cruise)
    assert finding is not None and finding.rule == "cancelled-booking"
    qtbot.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualRect(cruise).center()
    )
    assert window.timeline.day.currentData().endswith("2015-04-21")
    assert window.timeline.selected_ids() == list(finding.item_ids)
    # A group's title has no items to show: clicking it changes nothing.
    qtbot.mouseClick(
        panel.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.visualRect(panel.model().index(0, 0)).center(),
    )
    assert window.timeline.selected_ids() == list(finding.item_ids)


def test_thousands_of_findings_are_counted_and_the_first_ones_listed(qtbot, qtmodeltester) -> None:
    panel = ConflictsPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 300)
    panel.show()
    qtbot.waitExposed(panel)
    findings = [
        Finding(
            "person-double-booked" if n % 3 else "tentative",
            ERROR if n % 3 else WARNING,
            f"Finding {n}",
            item_ids=(n,),
        )
        for n in range(9000)
    ]
    panel.set_findings(findings)
    model = panel.model()
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Errors (6000)"
    assert model.index(1, 0).data() == "Warnings (3000)"
    assert "`tourplanner check` lists all" in model.index(1, 1).data()
    assert model.rowCount(model.index(1, 0)) == SHOWN
    last = model.index(SHOWN - 1, 1, model.index(1, 0))
    assert last.data() == f"Finding {3 * (SHOWN - 1)}"
    with qtbot.waitSignal(panel.show_items) as shown:
        panel.activated.emit(last)
    assert shown.args == [[3 * (SHOWN - 1)]]
    # The same findings again (an edit that changed none) leave the panel as it was.
    panel.verticalScrollBar().setValue(200)
    panel.set_findings(list(findings))
    assert panel.verticalScrollBar().value() == 200
    # One finding fewer: the list is read again, and stays where the coordinator was.
    panel.set_findings(findings[1:])
    assert model.index(0, 0).data() == "Errors (6000)"
    assert model.index(1, 0).data() == "Warnings (2999)"
    assert panel.verticalScrollBar().value() == 200


def test_a_big_plan_is_checked_after_the_window_paints(qtbot, demo_path, monkeypatch) -> None:
    from tourplanner.db import PlanFile
    from tourplanner.services import items
    from tourplanner.ui.app import create_application
    from tourplanner.ui.conflicts import checker as conflict_checker
    from tourplanner.ui.window.main_window import MainWindow

    monkeypatch.setattr(conflict_checker, "BACKGROUND_FROM", 10)  # the demo's 77 items: big
    create_application()
    plan = PlanFile.open(demo_path)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    assert texts(window.conflicts.model()) == ["Checking the plan…"]
    check = window.tasks.running(conflict_checker.TASK)
    assert not window.checker.ready and check is not None and not check.started
    # An edit made before the check has even started is rechecked once it is done.
    with plan.reading() as s:
        keynote = next(i for i in items.list_items(s) if i.title_en.startswith("Keynote"))
        keynote_id, start = keynote.id, keynote.start_utc
    window.edits.move_item_to(keynote_id, start + timedelta(minutes=15))
    qtbot.waitUntil(lambda: window.checker.ready, timeout=10_000)
    errors = [f for f in window.conflicts.findings if f.severity == ERROR]
    assert errors and all(keynote_id in f.item_ids for f in errors)
    assert texts(window.conflicts.model())[0] == f"Errors ({len(errors)})"
    window.close()
    plan.close()


def test_closing_before_the_check_starts_starts_none(qtbot, demo_path, monkeypatch) -> None:
    from tourplanner.db import PlanFile
    from tourplanner.ui.app import create_application
    from tourplanner.ui.conflicts import checker as conflict_checker
    from tourplanner.ui.window.main_window import MainWindow

    monkeypatch.setattr(conflict_checker, "BACKGROUND_FROM", 10)
    create_application()
    plan = PlanFile.open(demo_path)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    check = window.tasks.running(conflict_checker.TASK)
    window.close()
    plan.close()
    qtbot.wait(50)  # the queued start comes and goes
    assert check is not None and not check.started and check.finished
    assert not window.tasks.busy and not window.checker.ready


def test_the_built_index_is_set_aside_from_the_cycle_collector_until_closed(
    qtbot, demo_path, monkeypatch
) -> None:
    """After a check, the index (and whatever else lives as long as the plan) is skipped by the
    collector's full walks, which would otherwise stall the window on a big plan; closing the
    plan gives it back, so nothing of a closed plan waits for collection forever."""
    import gc

    from tourplanner.db import PlanFile
    from tourplanner.ui.app import create_application
    from tourplanner.ui.conflicts import checker as conflict_checker
    from tourplanner.ui.window.main_window import MainWindow

    monkeypatch.setattr(conflict_checker, "BACKGROUND_FROM", 10)
    create_application()
    gc.unfreeze()
    plan = PlanFile.open(demo_path)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    assert gc.get_freeze_count() == 0  # the check has not run yet
    qtbot.waitUntil(lambda: window.checker.ready, timeout=10_000)
    set_aside = gc.get_freeze_count()
    assert set_aside > len(window.checker.index.snap.items)
    window.check_plan()  # F5: a new index, the old one given back first
    assert gc.get_freeze_count() > 0
    window.close()
    plan.close()
    assert gc.get_freeze_count() == 0
