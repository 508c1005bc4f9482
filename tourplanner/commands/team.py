"""`tourplanner publish | take-offline | bring-back`: team plans from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tourplanner.i18n import _
from tourplanner.plan_location import plan_location


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add the team-plan commands to the top-level commands."""
    publish = groups.top.add_parser(
        "publish", help=_("copy a plan file into an empty team database (ids kept)")
    )
    publish.add_argument("plan", type=Path, help=_("the plan file"))
    publish.add_argument("url", type=_team_url, help=_("postgresql://user@host/database"))
    publish.set_defaults(func=_publish)

    take = groups.top.add_parser(
        "take-offline", help=_("write a local copy of a team plan to work on without the network")
    )
    take.add_argument("url", type=_team_url)
    take.add_argument("copy", type=Path, help=_("the new plan file"))
    take.set_defaults(func=_take_offline)

    back = groups.top.add_parser(
        "bring-back",
        help=_("replay the changes made in a copy taken offline onto its team plan"),
        description=_(
            "Rows changed only offline are written; rows changed on both sides are listed and nothing is written until each is decided. Exit status 2 lists them."
        ),
    )
    back.add_argument("copy", type=Path)
    back.add_argument("--keep", choices=("mine", "theirs"), help=_("decide every conflict so"))
    back.add_argument("--mine", action="append", default=[], metavar="NAME")
    back.add_argument("--theirs", action="append", default=[], metavar="NAME")
    back.set_defaults(func=_bring_back)
    _register_role(groups)


def _register_role(groups) -> None:  # noqa: ANN001
    role = groups.top.add_parser(
        "team-role",
        help=_("give a PostgreSQL login a role on a team plan (owner, editor, viewer)"),
        description=_(
            "Run as the team plan's owner. Viewers read all but the private fields (passport/visa and medical notes); editors also write and read those; owners also give roles. The server enforces them."
        ),
    )
    role.add_argument("url", type=_team_url)
    role.add_argument("user", help=_("the PostgreSQL login"))
    role.add_argument("role", choices=("owner", "editor", "viewer"))
    role.set_defaults(func=_team_role)


def _team_role(args: argparse.Namespace) -> int:
    from tourplanner.db.teamplan import TeamPlan
    from tourplanner.team import roles

    with TeamPlan.open(args.url) as team, team.engine.begin() as conn:
        roles.set_up(conn)
        roles.grant(conn, args.user, args.role)
    print(
        _("{user} is now {role} of {path}").format(user=args.user, role=args.role, path=team.path)
    )
    return 0


def _team_url(text: str) -> str:
    location = plan_location(text)
    if not isinstance(location, str):
        raise argparse.ArgumentTypeError(
            _("{text} is not a postgresql:// location").format(text=text)
        )
    return location


def _publish(args: argparse.Namespace) -> int:
    from tourplanner.db.postgresql import shown
    from tourplanner.team.publish import publish

    counts = publish(args.plan, args.url)
    print(
        _("published {plan} to {shown}: {counted}").format(
            plan=args.plan, shown=shown(args.url), counted=_counted(counts)
        )
    )
    return 0


def _take_offline(args: argparse.Namespace) -> int:
    from tourplanner.team.offline import take_offline

    counts = take_offline(args.url, args.copy)
    print(
        _("wrote {copy} ({counted}); `tourplanner bring-back {copy}` later").format(
            copy=args.copy, counted=_counted(counts)
        )
    )
    return 0


def _bring_back(args: argparse.Namespace) -> int:
    from tourplanner.team.bringback import MINE, THEIRS, bring_back

    decisions = {name: MINE for name in args.mine} | {name: THEIRS for name in args.theirs}
    report = bring_back(args.copy, decisions=decisions, keep=args.keep)
    for conflict in report.conflicts:
        print(f"  {conflict.sentence()}", file=sys.stderr)
    print(report.summary())
    return 0


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in counts.items() if n)
