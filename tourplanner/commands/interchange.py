"""`tourplanner import people|ics|schedule|travel` and `tourplanner export people|ics|schedule`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from tourplanner import wording
from tourplanner.db import PlanFile, backups
from tourplanner.enums import ProgrammeKind
from tourplanner.i18n import _
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.plan_location import plan_location


def register(groups: object) -> None:
    """Add the import and export subcommands of this feature area."""
    imp = groups.import_  # type: ignore[attr-defined]
    exp = groups.export  # type: ignore[attr-defined]

    people = imp.add_parser(
        "people",
        help=_("add or update people from a CSV or .xlsx file"),
        description=_(
            "Read people from a spreadsheet (headers in English or Chinese are recognised). All or nothing unless --skip-invalid; re-importing updates people."
        ),
    )
    people.add_argument("plan", type=plan_location)
    people.add_argument("file", type=Path, help=_("a .csv (any delimiter/encoding) or .xlsx file"))
    people.add_argument("--group", help=_("also put everyone imported into this group"))
    people.add_argument("--skip-invalid", action="store_true", help=_("import the good rows only"))
    order = people.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        help=_("read 02/03/2015 as 2 March"),
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help=_("read 02/03/2015 as February 3"),
    )
    _dry_run(people)
    people.set_defaults(func=_import_people, day_first=None)

    ics = imp.add_parser(
        "ics",
        help=_("import calendar events (.ics) into a programme"),
        description=_(
            "Read the events of an .ics calendar into a programme (made for the calendar's dates with --create or --new-programme). All or nothing unless --skip-invalid; re-importing updates events by UID."
        ),
    )
    ics.add_argument("plan", type=plan_location)
    ics.add_argument("file", type=Path)
    target = ics.add_mutually_exclusive_group(required=True)
    target.add_argument("--programme", help=_("programme name or id"))
    target.add_argument(
        "--new-programme",
        metavar="TITLE",
        help=_("make a programme with this title for the calendar"),
    )
    ics.add_argument(
        "--create", action="store_true", help=_("make the --programme NAME when none matches")
    )
    ics.add_argument(
        "--kind",
        choices=[k.value for k in ProgrammeKind],
        default=ProgrammeKind.VISIT.value,
        help=_("kind of a programme made for the calendar (default: visit)"),
    )
    ics.add_argument(
        "--zone",
        help=_("IANA time zone of a programme made for the calendar (default: the calendar's)"),
    )
    _skip_invalid(ics)
    _dry_run(ics)
    ics.set_defaults(func=_import_ics)

    schedule = imp.add_parser(
        "schedule", help=_("import a conference schedule (pretalx/frab schedule.xml or .json)")
    )
    schedule.add_argument("plan", type=plan_location)
    schedule.add_argument("file", type=Path)
    schedule.add_argument(
        "--programme",
        help=_("programme name or id (default: the conference's title, created if new)"),
    )
    _skip_invalid(schedule)
    _dry_run(schedule)
    schedule.set_defaults(func=_import_schedule)

    travel = imp.add_parser(
        "travel",
        help=_("read a person's flights, trains and hotel stays from booking calendars (.ics)"),
        description=_(
            "Read flights (flight number and airports), trains and hotel stays from an airline's, hotel's or TripIt calendar into the person's travel, each end in its own zone. Events that are not travel are named and left out; re-importing updates by UID."
        ),
    )
    travel.add_argument("plan", type=plan_location)
    travel.add_argument("file", type=Path)
    travel.add_argument("--person", required=True, help=_("whose bookings (name, email or id)"))
    _skip_invalid(travel)
    _dry_run(travel)
    travel.set_defaults(func=_import_travel)

    out_people = exp.add_parser("people", help=_("write people (or a group's roster) to CSV/XLSX"))
    out_people.add_argument("plan", type=plan_location)
    out_people.add_argument(
        "-o", "--output", type=Path, required=True, help=_("OUT.csv or OUT.xlsx")
    )
    roster = out_people.add_mutually_exclusive_group()
    roster.add_argument("--group", help=_("only this group's members"))
    roster.add_argument(
        "--programme", help=_("a programme's roster (who is on the tour), with booking and status")
    )
    out_people.add_argument(
        "--include-sensitive", action="store_true", help=_("add passport/visa and medical notes")
    )
    out_people.set_defaults(func=_export_people)

    out_ics = exp.add_parser(
        "ics", help=_("write an iCalendar file (a person, a programme, or all)")
    )
    out_ics.add_argument("plan", type=plan_location)
    which = out_ics.add_mutually_exclusive_group()
    which.add_argument("--person", help=_("a person's itinerary (name, email or id)"))
    which.add_argument("--programme", help=_("a programme or tour (name or id)"))
    out_ics.add_argument("-o", "--output", type=Path, required=True, help=_("OUT.ics"))
    out_ics.set_defaults(func=_export_ics)

    out_schedule = exp.add_parser("schedule", help=_("write a programme as schedule.xml or .json"))
    out_schedule.add_argument("plan", type=plan_location)
    out_schedule.add_argument("--programme", required=True, help=_("programme name or id"))
    out_schedule.add_argument(
        "-o", "--output", type=Path, required=True, help=_("OUT.xml or OUT.json")
    )
    out_schedule.set_defaults(func=_export_schedule)


def _skip_invalid(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the readable events; name each skipped one in the report"),
    )


def _dry_run(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help=_("check and report, write nothing"))


def _run_import(plan_path: Path, run: Callable[[Session], ImportReport], *, dry_run: bool) -> int:
    """Run an import in one transaction of the plan; print its summary and problems.

    A refused import prints its report on stderr and goes on to the CLI's one error line.
    """
    with PlanFile.open(plan_path) as plan:
        backups.before_import(plan, dry_run=dry_run)
        try:
            with plan.transaction() as session:
                report = run(session)
        except ImportRefused as exc:
            print(exc.report.text(), file=sys.stderr)
            raise
    print(report.summary())
    for problem in report.problems:
        print(f"  {problem}", file=sys.stderr)
    return 0


def _import_people(args: argparse.Namespace) -> int:
    from tourplanner.interchange.people_import import import_people

    return _run_import(
        args.plan,
        lambda session: import_people(
            session,
            args.file,
            group=args.group,
            skip_invalid=args.skip_invalid,
            day_first=args.day_first,
            dry_run=args.dry_run,
        ),
        dry_run=args.dry_run,
    )


def _import_ics(args: argparse.Namespace) -> int:
    from tourplanner.interchange.ics_import import import_ics
    from tourplanner.interchange.ics_programme import NewProgramme

    data = _read(args.file)

    def run(session: Session) -> ImportReport:
        programme_id, new = _ics_target(session, args)
        return import_ics(
            session,
            data,
            programme_id=programme_id,
            new_programme=NewProgramme(new, args.kind, args.zone or "") if new else None,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
        )

    return _run_import(args.plan, run, dry_run=args.dry_run)


def _ics_target(session: Session, args: argparse.Namespace) -> tuple[int | None, str]:
    """The programme the calendar goes into, or the title of one to make for it."""
    from tourplanner.errors import NotFoundError
    from tourplanner.services.programmes import find_programme

    if args.new_programme:
        return None, args.new_programme
    try:
        return find_programme(session, args.programme).id, ""
    except NotFoundError as exc:
        if not args.create:
            raise NotFoundError(
                _("{exc} (add --create to make it for the calendar)").format(exc=exc)
            ) from exc
        return None, args.programme


def _import_travel(args: argparse.Namespace) -> int:
    from tourplanner.interchange.travel_import import import_travel
    from tourplanner.services.people import find_person

    data = _read(args.file)

    def run(session: Session) -> ImportReport:
        return import_travel(
            session,
            data,
            person_id=find_person(session, args.person).id,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
        )

    return _run_import(args.plan, run, dry_run=args.dry_run)


def _import_schedule(args: argparse.Namespace) -> int:
    from tourplanner.interchange.schedule_import import import_schedule

    data = _read(args.file)
    return _run_import(
        args.plan,
        lambda session: import_schedule(
            session,
            data,
            programme=args.programme,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
        ),
        dry_run=args.dry_run,
    )


def _read(path: Path) -> bytes:
    from tourplanner.interchange.report import FileFormatError

    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileFormatError(
            _("cannot read {path}: {value}").format(path=path, value=exc.strerror or exc)
        ) from exc


def _export_people(args: argparse.Namespace) -> int:
    from tourplanner.interchange.people_export import export_people

    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        count = export_people(
            session,
            args.output,
            group=args.group,
            programme=args.programme,
            include_sensitive=args.include_sensitive,
        )
    print(
        _("wrote {count} to {output}").format(
            count=wording.count(count, "person", "people"), output=args.output
        )
    )
    return 0


def _export_ics(args: argparse.Namespace) -> int:
    from tourplanner.interchange.ics_export import export_ics
    from tourplanner.services.people import find_person
    from tourplanner.services.programmes import find_programme

    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        person_id = find_person(session, args.person).id if args.person else None
        programme_id = find_programme(session, args.programme).id if args.programme else None
        count = export_ics(session, args.output, person_id=person_id, programme_id=programme_id)
    print(
        _("wrote {count} to {output}").format(
            count=wording.count(count, "event", "events"), output=args.output
        )
    )
    return 0


def _export_schedule(args: argparse.Namespace) -> int:
    from tourplanner.interchange.schedule_export import export_schedule
    from tourplanner.services.programmes import find_programme

    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        programme_id = find_programme(session, args.programme).id
        count = export_schedule(session, args.output, programme_id=programme_id)
    print(
        _("wrote {count} to {output}").format(
            count=wording.count(count, "event", "events"), output=args.output
        )
    )
    return 0
