"""`tourplanner seating PLAN --item ...`: an item's seating plan, laid out by the rules."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tourplanner.db import PlanFile
from tourplanner.files import check_output_folder
from tourplanner.i18n import _
from tourplanner.plan_location import plan_location
from tourplanner.protocol.seats import CONVENTIONS, LAYOUTS
from tourplanner.services import protocol
from tourplanner.services.protocol import SeatingView


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add `seating` at the top level."""
    cmd = groups.top.add_parser("seating", help=_("lay out and print an item's seating plan"))
    cmd.add_argument("plan", type=plan_location)
    cmd.add_argument("--item", required=True, help=_("title or id of the item"))
    cmd.add_argument("--layout", choices=LAYOUTS)
    cmd.add_argument("--convention", choices=CONVENTIONS)
    cmd.add_argument("--tables", type=int, help=_("banquet tables (or cars)"))
    cmd.add_argument("--seats", type=int, help=_("seats per table, per row or per car"))
    cmd.add_argument("--reseat", action="store_true", help=_("lay the plan out again (locks kept)"))
    cmd.add_argument("--json", action="store_true", help=_("print the seats as JSON"))
    cmd.add_argument("-o", "--output", type=Path, help=_("write the diagram, seat list and cards"))
    cmd.set_defaults(func=_seating)


def _changes_asked(args: argparse.Namespace) -> bool:
    return any((args.layout, args.convention, args.tables, args.seats, args.reseat))


def _seating(args: argparse.Namespace) -> int:
    if args.output is not None:
        check_output_folder(args.output)  # before any work, and before the plan is changed
    with PlanFile.open(args.plan) as plan:
        with plan.reading() as session:
            item_id = protocol.find_item(session, args.item).id
            existing = protocol.plan_of(session, item_id) is not None
        if existing and not _changes_asked(args):
            with plan.reading() as session:
                view = protocol.seating_view(session, item_id)
        else:
            with plan.transaction() as session:
                view = protocol.seat_item(
                    session,
                    item_id,
                    layout=args.layout,
                    convention=args.convention,
                    tables=args.tables,
                    seats_per_table=args.seats,
                )
        if args.output is not None:
            from tourplanner.export.pdf.seating import export_seating

            export_seating(view, args.output)
    if args.json:
        print(json.dumps(view.as_json(), ensure_ascii=False, indent=2))
    else:
        print(format_seating(view))
    if args.output is not None:
        print(
            _("wrote the seating of '{item}' to {output}").format(
                item=view.item, output=args.output
            )
        )
    return 0


def format_seating(view: SeatingView) -> str:
    """The seats as text: one line per seat, then who is unseated and why."""
    lines = [f"{view.item} — {view.layout}, {view.convention} convention"]
    for s in view.seats:
        who = f"{s.name} ({s.side or '-'} {s.rank})" if s.name else "(empty)"
        lock = " [locked]" if s.locked else ""
        lines.append(f"  {s.label:<18} {who}{lock}")
    for _pid, name, why in view.unseated:
        lines.append(f"  unseated: {name}: {why}")
    return "\n".join(lines)
