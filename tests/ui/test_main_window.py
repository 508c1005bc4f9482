"""The main window shows the plan's programmes and items in local time."""

from __future__ import annotations

from pathlib import Path

from tourplanner.db import PlanFile
from tourplanner.ui.app import choose_plan, create_application
from tourplanner.ui.window.main_window import MainWindow


def test_demo_plan_tree_shows_programmes_and_local_times(qtbot, demo_path: Path) -> None:
    create_application()
    with PlanFile.open(demo_path) as plan:
        window = MainWindow(plan)
        qtbot.addWidget(window)
        window.show_page("agenda")  # pages are read when shown
        model = window.agenda.model()
        assert model.rowCount() == 4
        titles = [model.index(i, 0).data() for i in range(model.rowCount())]
        assert any("SAFEA Foreign Expert Affairs Conference" in t for t in titles)
        conference = model.index(next(i for i, t in enumerate(titles) if "SAFEA Foreign" in t), 0)
        rows = [model.index(i, 0, conference) for i in range(model.rowCount(conference))]
        keynote = next(r for r in rows if "Keynote" in r.data())
        assert keynote.siblingAtColumn(1).data().endswith("CST")
        assert window.windowTitle().endswith("demo.tourplan — TourPlanner")


def test_choose_plan_prefers_the_given_file_then_the_demo(tmp_path: Path, monkeypatch) -> None:
    create_application()
    given = tmp_path / "mine.tourplan"
    assert choose_plan(given, demo=False) == given
    monkeypatch.setattr("tourplanner.ui.app.demo_plan_path", lambda: tmp_path / "demo.tourplan")
    chosen = choose_plan(None, demo=True)
    assert chosen == tmp_path / "demo.tourplan" and chosen.exists()
