"""`tourplanner export itinerary|itineraries|programme|tour`: the PDF documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.orm import Session

from tourplanner.db import PlanFile
from tourplanner.enums import ProgrammeKind
from tourplanner.errors import NotFoundError
from tourplanner.export import pdf
from tourplanner.i18n import _
from tourplanner.plan_location import plan_location
from tourplanner.services import organizations, people, programmes
from tourplanner.services.itinerary_checks import errors_by_person, itinerary_errors, problems_text


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add the PDF exports under `export`."""
    one = groups.export.add_parser("itinerary", help=_("one person's itinerary as PDF"))
    one.add_argument("plan", type=plan_location)
    one.add_argument("--person", required=True, help=_("name, email or id"))
    one.add_argument("-o", "--output", required=True, type=Path)
    one.add_argument("--include-cancelled", action="store_true")
    one.add_argument(
        "--include-sensitive", action="store_true", help=_("print passport and medical notes")
    )
    _paper(one)
    one.set_defaults(func=_itinerary)

    many = groups.export.add_parser(
        "itineraries",
        help=_("everyone's itineraries: one PDF (OUT.pdf) or one file each (OUTDIR/)"),
    )
    many.add_argument("plan", type=plan_location)
    many.add_argument("--group", help=_("only this group's members"))
    many.add_argument("--duplex", action="store_true", help=_("start each person on an odd page"))
    many.add_argument("-o", "--output", required=True, type=Path)
    _paper(many)
    many.set_defaults(func=_itineraries)

    booklet = groups.export.add_parser(
        "programme", help=_("a programme booklet (default: the conference)")
    )
    booklet.add_argument("plan", type=plan_location)
    booklet.add_argument("--programme", help=_("name or id"))
    booklet.add_argument("-o", "--output", required=True, type=Path)
    _paper(booklet)
    booklet.set_defaults(func=_booklet)

    tour = groups.export.add_parser("tour", help=_("a study tour: roster, hotels, day by day"))
    tour.add_argument("plan", type=plan_location)
    tour.add_argument("--programme", required=True, help=_("name or id"))
    tour.add_argument("-o", "--output", required=True, type=Path)
    _paper(tour)
    tour.set_defaults(func=_tour)


def _paper(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")


def _itinerary(args: argparse.Namespace) -> int:
    with PlanFile.open(args.plan, read_only=True) as plan:
        with plan.reading() as session:
            person = people.find_person(session, args.person)
            person_id, name = person.id, person.display_name
            _warn(problems_text(name, itinerary_errors(session, person_id)))
        pdf.export_itinerary(
            plan,
            person_id,
            args.output,
            paper=args.paper,
            include_cancelled=args.include_cancelled,
            include_sensitive=args.include_sensitive,
        )
    print(_("wrote the itinerary of {name} to {output}").format(name=name, output=args.output))
    return 0


def _itineraries(args: argparse.Namespace) -> int:
    with PlanFile.open(args.plan, read_only=True) as plan:
        group_id = None
        if args.group:
            with plan.reading() as session:
                group_id = organizations.find_group(session, args.group).id
        with plan.reading() as session:
            _warn_everyone(session, group_id)

        def progress(done: int, total: int) -> None:
            print(
                _("\r{done}/{total} people").format(done=done, total=total),
                end="",
                file=sys.stderr,
                flush=True,
            )

        written = pdf.export_itineraries(
            plan,
            args.output,
            group_id=group_id,
            duplex=args.duplex,
            paper=args.paper,
            progress=progress,
        )
    print(file=sys.stderr)
    print(
        _("wrote {n_written} file(s) to {output}").format(
            n_written=len(written), output=args.output
        )
    )
    return 0


def _warn(text: str) -> None:
    """Say, before writing, that an itinerary has errors (the export still goes ahead)."""
    if text:
        print(_("warning: {text}").format(text=text), file=sys.stderr)


def _warn_everyone(session: Session, group_id: int | None) -> None:
    members = None
    if group_id is not None:
        members = {p.id for p in organizations.get_group(session, group_id).members}
    for person_id, errors in errors_by_person(session).items():
        if members is None or person_id in members:
            name = people.get_person(session, person_id).display_name
            _warn(problems_text(name, errors))


def _booklet(args: argparse.Namespace) -> int:
    with PlanFile.open(args.plan, read_only=True) as plan:
        with plan.reading() as session:
            if args.programme:
                prog_id = programmes.find_programme(session, args.programme).id
            else:
                conferences = [
                    p
                    for p in programmes.list_programmes(session)
                    if p.kind == ProgrammeKind.CONFERENCE
                ]
                if not conferences:
                    raise NotFoundError(
                        _("the plan has no conference; name a programme with --programme")
                    )
                prog_id = conferences[0].id
        pdf.export_programme_booklet(plan, prog_id, args.output, paper=args.paper)
    print(_("wrote the programme booklet to {output}").format(output=args.output))
    return 0


def _tour(args: argparse.Namespace) -> int:
    with PlanFile.open(args.plan, read_only=True) as plan:
        with plan.reading() as session:
            prog_id = programmes.find_programme(session, args.programme).id
        pdf.export_tour(plan, prog_id, args.output, paper=args.paper)
    print(_("wrote the tour sheet to {output}").format(output=args.output))
    return 0
