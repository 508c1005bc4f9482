"""`tourplanner doctor PLAN [--repair] [--break-lock]`: check a plan file, repair what can be."""

from __future__ import annotations

import argparse
from pathlib import Path

from tourplanner.db import doctor, lock
from tourplanner.i18n import _

EXIT_HEALTHY, EXIT_FINDINGS = 0, 1


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add `doctor` to the top-level commands."""
    parser = groups.top.add_parser(
        "doctor",
        help=_("check a plan file for damage and rows the app cannot use; --repair fixes"),
        description=_(
            "Exit status: 0 healthy, 1 problems remain, 2 could not run. --repair backs the plan up first, rebuilds its indexes and mends broken links by their own rule; what needs a person's judgement (an end before its start, an unknown zone) is listed."
        ),
    )
    parser.add_argument("plan", type=Path)
    parser.add_argument("--repair", action="store_true", help=_("repair after a backup"))
    parser.add_argument(
        "--break-lock",
        action="store_true",
        help=_("remove a lock left by another computer that no longer uses the plan"),
    )
    parser.set_defaults(func=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    """Print the findings (and repairs); the exit status says whether problems remain."""
    from tourplanner.db.planfile import check_is_a_file

    check_is_a_file(args.plan)
    if args.break_lock:
        holder = lock.break_lock(args.plan)
        print(f"removed the lock of {holder.sentence()}" if holder else "the plan was not locked")
    report = doctor.repair(args.plan) if args.repair else doctor.examine(args.plan)
    if report.backup is not None:
        print(_("backed up the plan as it was to {backup}").format(backup=report.backup))
    for done in report.repaired:
        print(_("repaired: {done}").format(done=done))
    for finding in report.findings:
        print(_("problem: {finding}").format(finding=finding))
    if not report.findings:
        print(_("{plan}: no problems found").format(plan=args.plan))
        return EXIT_HEALTHY
    hint = "" if args.repair else "; --repair fixes what can be fixed without guessing"
    print(_("{n_findings} problem(s){hint}").format(n_findings=len(report.findings), hint=hint))
    return EXIT_FINDINGS
