"""`tourplanner export gifts` and `tourplanner export invitations`."""

from __future__ import annotations

import argparse
from pathlib import Path

from tourplanner.db import PlanFile
from tourplanner.files import check_output_folder
from tourplanner.i18n import _
from tourplanner.plan_location import plan_location
from tourplanner.services import plans, protocol_gifts


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add the gift register and the invitation letters under `export`."""
    gifts = groups.export.add_parser("gifts", help=_("the gift register (.xlsx or .pdf)"))
    gifts.add_argument("plan", type=plan_location)
    gifts.add_argument("-o", "--output", required=True, type=Path)
    gifts.set_defaults(func=_gifts)

    letters = groups.export.add_parser(
        "invitations", help=_("invitation letters for visas (.docx or .pdf), bilingual")
    )
    letters.add_argument("plan", type=plan_location)
    who = letters.add_mutually_exclusive_group()
    who.add_argument("--person", help=_("one person (name, email or id)"))
    who.add_argument("--group", help=_("one letter for a whole group (delegation)"))
    letters.add_argument(
        "--programme", help=_("the programme they are invited to (default: the first)")
    )
    letters.add_argument("--template", type=Path, help=_("your own Word template (docxtpl fields)"))
    letters.add_argument(
        "--include-sensitive", action="store_true", help=_("print the passport line")
    )
    letters.add_argument("-o", "--output", required=True, type=Path)
    letters.set_defaults(func=_invitations)


def _gifts(args: argparse.Namespace) -> int:
    from tourplanner.export.gifts import export_gifts

    check_output_folder(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        gifts = protocol_gifts.gift_views(session)
        title = plans.get_plan(session).title
    count = export_gifts(gifts, args.output, title=title)
    print(_("wrote {count} gift(s) to {output}").format(count=count, output=args.output))
    return 0


def _invitations(args: argparse.Namespace) -> int:
    from tourplanner.export.invitations import export_invitations, letters_for

    check_output_folder(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        letters = letters_for(
            session,
            person=args.person,
            group=args.group,
            programme=args.programme,
            include_sensitive=args.include_sensitive,
        )
    export_invitations(letters, args.output, template=args.template)
    print(
        _("wrote {n_letters} letter(s) to {output}").format(
            n_letters=len(letters), output=args.output
        )
    )
    return 0
