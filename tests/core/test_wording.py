"""Issue 13: counts through one helper ("1 programme", never "1 programmes"), in the CLI too."""

from __future__ import annotations

from pathlib import Path

from tourplanner import cli
from tourplanner.db import PlanFile
from tourplanner.services import items, programmes
from tourplanner.wording import count


def test_one_and_many() -> None:
    assert count(1, "programme", "programmes") == "1 programme"
    assert count(2, "item", "items") == "2 items"
    assert count(0, "person", "people") == "0 people"


def test_the_cli_says_one_item_and_one_error(tmp_path: Path, capsys) -> None:
    from datetime import date, datetime

    path = tmp_path / "one.tourplan"
    with PlanFile.create(path) as plan, plan.transaction() as s:
        from tourplanner.services import plans

        plans.create_plan(s, title="One", home_timezone="Asia/Shanghai")
        prog = programmes.create_programme(
            s,
            title_en="Workshop",
            kind="conference",
            timezone="Asia/Shanghai",
            start_date=date(2015, 4, 20),
            end_date=date(2015, 4, 20),
        )
        items.create_item(
            s,
            programme_id=prog,
            title_en="Talk",
            start=datetime(2015, 4, 22, 9),
            end=datetime(2015, 4, 22, 10),
        )
    assert cli.main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(1 item)" in out and "1 items" not in out
    cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert "1 error," in out or "0 errors," in out
    assert "error(s)" not in out and "warning(s)" not in out
