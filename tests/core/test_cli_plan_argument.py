"""Every command that reads or changes a plan takes a team plan's URL as well as a file.

A command that declared its PLAN as a ``Path`` folded ``postgresql://`` into ``postgresql:/``
and failed on every team plan (seating, precedence, gifts, and then the operations exports).
"""

from __future__ import annotations

import argparse

from tourplanner.cli import build_parser
from tourplanner.plan_location import plan_location

# Commands whose PLAN is a file by nature: its backups, the file doctor, the demo written to a
# new file, and the plan file publish copies from.
FILE_ONLY = {"backups", "restore", "doctor", "demo", "publish"}


def _commands(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[f"{prefix}{name}"] = sub
                found.update(_commands(sub, f"{prefix}{name} "))
    return found


def test_every_plan_argument_takes_a_team_plan_too() -> None:
    commands = _commands(build_parser())
    with_plan = {
        name: next(a for a in sub._actions if a.dest == "plan")
        for name, sub in commands.items()
        if any(a.dest == "plan" for a in sub._actions)
    }
    assert {"check", "export rooming-list", "export transfers", "seating"} <= set(with_plan)
    wrong = sorted(
        name
        for name, action in with_plan.items()
        if name.split()[-1] not in FILE_ONLY and action.type is not plan_location
    )
    assert wrong == []
