"""`tourplanner precedence`: ranks and sides set from the command line feed the seating."""

from __future__ import annotations

import json
from datetime import datetime

from tourplanner.cli import main
from tourplanner.services import items, participations, people, programmes, protocol


def _tiny_plan(plan_file) -> None:
    with plan_file.transaction() as s:
        prog = programmes.create_programme(
            s,
            title_en="Visit",
            kind="visit",
            start_date=datetime(2015, 4, 20).date(),
            end_date=datetime(2015, 4, 20).date(),
            timezone="Asia/Shanghai",
        )
        item = items.create_item(
            s,
            programme_id=prog,
            title_en="Photo",
            kind="ceremony",
            start=datetime(2015, 4, 20, 10),
            end=datetime(2015, 4, 20, 11),
        )
        for name in ("Ann Host", "Ben Guest", "Cy Host"):
            pid = people.create_person(s, name_latin=name)
            participations.add_participation(s, pid, item_id=item)


def test_precedence_sets_rank_and_side_and_the_photo_follows(plan_file, capsys) -> None:
    _tiny_plan(plan_file)
    path = str(plan_file.path)
    plan_file.close()
    for args in (
        ["--person", "Cy Host", "--side", "host", "--rank", "1"],
        ["--person", "Ann Host", "--side", "host", "--rank", "2"],
        ["--person", "Ben Guest", "--side", "guest"],
    ):
        assert main(["precedence", path, *args]) == 0
    assert main(["seating", path, "--item", "Photo", "--layout", "photo"]) == 0
    capsys.readouterr()
    assert main(["seating", path, "--item", "Photo", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_name = {s["name"]: s for s in data["seats"]}
    assert by_name["Cy Host"]["x"] == 0 and by_name["Cy Host"]["rank"] == 1
    assert by_name["Ben Guest"]["side"] == "guest"
    assert main(["precedence", path]) == 0
    listing = capsys.readouterr().out
    assert listing.index("Cy Host") < listing.index("Ann Host")


def test_a_bad_rank_is_one_sentence_and_changes_nothing(plan_file, capsys) -> None:
    _tiny_plan(plan_file)
    path = str(plan_file.path)
    plan_file.close()
    assert main(["precedence", path, "--person", "Ann Host", "--rank", "0"]) == 2
    assert capsys.readouterr().err == "error: rank: must be 1 (the most senior) or more\n"
    from tourplanner.db import PlanFile

    with PlanFile.open(path, read_only=True) as plan, plan.reading() as s:
        assert all(a.side is None for a in protocol.rank_everyone(s))
