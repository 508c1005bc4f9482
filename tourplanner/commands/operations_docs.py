"""`tourplanner export transfers`, `export badges` and `export name-cards`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from tourplanner.db import PlanFile
from tourplanner.errors import ValidationError
from tourplanner.files import check_output_folder
from tourplanner.i18n import _
from tourplanner.operations_planning.transfer_groups import ARRIVAL, DEPARTURE, DIRECTIONS, Rules
from tourplanner.plan_location import plan_location


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add the transfer sheet, the badges and the table tents under `export`."""
    transfers = groups.export.add_parser(
        "transfers", help="arrival and departure transfers from the flights (.xlsx or .pdf)"
    )
    transfers.add_argument("plan", type=plan_location)
    which = transfers.add_mutually_exclusive_group()
    which.add_argument("--arrivals", action="store_true", help="only arrivals")
    which.add_argument("--departures", action="store_true", help="only departures")
    transfers.add_argument("--date", help="only this local day at the airport (YYYY-MM-DD)")
    transfers.add_argument(
        "--window", type=int, default=60, metavar="MIN", help="minutes that share a vehicle"
    )
    transfers.add_argument("-o", "--output", required=True, type=Path)
    transfers.set_defaults(func=_transfers)

    badges = groups.export.add_parser("badges", help="name badges on label sheets (.pdf)")
    badges.add_argument("plan", type=plan_location)
    badges.add_argument("--group", help="only this group's members")
    badges.add_argument("--sheet", default="a4", help="label sheet: a4 (10 badges) or letter (6)")
    badges.add_argument("-o", "--output", required=True, type=Path)
    badges.set_defaults(func=_badges)

    cards = groups.export.add_parser("name-cards", help="folded table tents for an item (.pdf)")
    cards.add_argument("plan", type=plan_location)
    cards.add_argument("--item", required=True, help="the item (title or id)")
    cards.add_argument("-o", "--output", required=True, type=Path)
    cards.set_defaults(func=_name_cards)


def parse_day(text: str | None) -> date | None:
    """The --date value, or a sentence saying what is wrong with it."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            "date", _("{text!r} is not a date: write it as 2015-04-15").format(text=text)
        ) from None


def _transfers(args: argparse.Namespace) -> int:
    from tourplanner.export.operations.transfers import export_transfers
    from tourplanner.services.transfers import transfer_sheet

    directions = (ARRIVAL,) if args.arrivals else (DEPARTURE,) if args.departures else DIRECTIONS
    day, rules = parse_day(args.date), Rules(window_minutes=args.window)
    check_output_folder(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        sheet = transfer_sheet(session, directions=directions, on=day, rules=rules)
    count = export_transfers(sheet, args.output)
    print(
        _("wrote {count} transfer(s) for {people} person(s) to {output}").format(
            count=count, people=sheet.people, output=args.output
        )
    )
    return 0


def _badges(args: argparse.Namespace) -> int:
    from tourplanner.export.operations.badges import export_badges
    from tourplanner.services.badges import badge_views

    check_output_folder(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        badges = badge_views(session, group=args.group)
    pages = export_badges(badges, args.output, sheet=args.sheet)
    print(
        _("wrote {count} badge(s) on {pages} sheet(s) to {output}").format(
            count=len(badges), pages=pages, output=args.output
        )
    )
    return 0


def _name_cards(args: argparse.Namespace) -> int:
    from tourplanner.export.operations.name_cards import export_name_cards
    from tourplanner.services.badges import name_card_views

    check_output_folder(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        cards = name_card_views(session, item=args.item)
    export_name_cards(cards, args.output)
    print(_("wrote {count} name card(s) to {output}").format(count=len(cards), output=args.output))
    return 0
