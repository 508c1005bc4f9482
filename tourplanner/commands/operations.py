"""`tourplanner export rooming-list`, `export manifest` and `export catering`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from tourplanner.db import PlanFile
from tourplanner.errors import ValidationError
from tourplanner.files import check_output_folder
from tourplanner.i18n import _
from tourplanner.plan_location import plan_location
from tourplanner.services import plans


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date like 2015-04-22").format(text=text)
        ) from None


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add the three operations sheets under `export`."""
    rooming = groups.export.add_parser(
        "rooming-list", help="rooms per hotel and night, pre- and post-tour apart (.xlsx or .pdf)"
    )
    rooming.add_argument("plan", type=plan_location)
    rooming.add_argument("--hotel", help="one hotel (name or id)")
    rooming.add_argument("--programme", help="one programme (name or id)")
    rooming.add_argument("-o", "--output", required=True, type=Path)
    rooming.set_defaults(func=_rooming)

    manifest = groups.export.add_parser(
        "manifest", help="the bus manifest of a programme, per leg (.pdf or .xlsx)"
    )
    manifest.add_argument("plan", type=plan_location)
    manifest.add_argument("--programme", required=True, help="the programme (name or id)")
    manifest.add_argument("--date", type=_day, help="one day (YYYY-MM-DD)")
    manifest.add_argument("-o", "--output", required=True, type=Path)
    manifest.set_defaults(func=_manifest)

    catering = groups.export.add_parser(
        "catering", help="dietary counts per meal for the caterer (.pdf or .xlsx)"
    )
    catering.add_argument("plan", type=plan_location)
    which = catering.add_mutually_exclusive_group()
    which.add_argument("--item", help="one meal (name or id)")
    which.add_argument("--date", type=_day, help="the meals of one day (YYYY-MM-DD)")
    catering.add_argument("--names", action="store_true", help="add the table of names")
    catering.add_argument("-o", "--output", required=True, type=Path)
    catering.set_defaults(func=_catering)


def _checked_output(out: Path) -> None:
    from tourplanner.export.operations.document import suffix_of

    suffix_of(out)
    check_output_folder(out)


def _rooming(args: argparse.Namespace) -> int:
    from tourplanner.export.operations.rooming import export_rooming_list

    _checked_output(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        rooms = export_rooming_list(
            session,
            args.output,
            plan_title=plans.get_plan(session).title,
            hotel=args.hotel,
            programme=args.programme,
        )
    print(_("wrote {rooms} room(s) to {output}").format(rooms=rooms, output=args.output))
    return 0


def _manifest(args: argparse.Namespace) -> int:
    from tourplanner.export.operations.manifest import export_manifest

    _checked_output(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        legs = export_manifest(
            session,
            args.output,
            plan_title=plans.get_plan(session).title,
            programme=args.programme,
            day=args.date,
        )
    print(_("wrote {legs} leg(s) to {output}").format(legs=legs, output=args.output))
    return 0


def _catering(args: argparse.Namespace) -> int:
    from tourplanner.export.operations.catering import export_catering

    _checked_output(args.output)
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        meals = export_catering(
            session,
            args.output,
            plan_title=plans.get_plan(session).title,
            item=args.item,
            day=args.date,
            names=args.names,
        )
    if not meals:
        raise ValidationError("meal", _("the plan has no meal to cater for"))
    print(_("wrote {meals} meal(s) to {output}").format(meals=meals, output=args.output))
    return 0
