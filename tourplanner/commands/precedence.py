"""`tourplanner precedence PLAN`: set or show people's rank and side (docs/protocol.md)."""

from __future__ import annotations

import argparse

from tourplanner.db import PlanFile
from tourplanner.i18n import _
from tourplanner.plan_location import plan_location
from tourplanner.services import organizations, people, protocol


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add `precedence` at the top level."""
    cmd = groups.top.add_parser("precedence", help=_("set or show ranks and sides for protocol"))
    cmd.add_argument("plan", type=plan_location)
    who = cmd.add_mutually_exclusive_group()
    who.add_argument("--person", help=_("name, email or id"))
    who.add_argument("--organization", help=_("name or id: the default for its people"))
    cmd.add_argument("--rank", type=int, help=_("1 is the most senior of the side"))
    cmd.add_argument("--side", choices=("host", "guest"))
    cmd.add_argument("--interprets-for", help=_("the principal this interpreter sits beside"))
    cmd.set_defaults(func=_precedence)


def _precedence(args: argparse.Namespace) -> int:
    if args.person is None and args.organization is None:
        with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
            ranked = protocol.rank_everyone(session)
        for a in ranked:
            print(f"  {a.side or '-':<6} {a.rank:>3}  {a.name}")
        return 0
    with PlanFile.open(args.plan) as plan, plan.transaction() as session:
        if args.organization is not None:
            org = organizations.find_organization(session, args.organization)
            protocol.set_organization_protocol(session, org.id, rank=args.rank, side=args.side)
            print(
                _("{name_en}: side {value}, rank {value2}").format(
                    name_en=org.name_en, value=args.side or "-", value2=args.rank or "-"
                )
            )
            return 0
        person = people.find_person(session, args.person)
        principal = (
            people.find_person(session, args.interprets_for).id if args.interprets_for else None
        )
        protocol.set_precedence(
            session, person.id, rank=args.rank, side=args.side, interprets_for_id=principal
        )
        print(
            _("{display_name}: side {value}, rank {value2}").format(
                display_name=person.display_name,
                value=args.side or "(organisation)",
                value2=args.rank or "(derived)",
            )
        )
    return 0
