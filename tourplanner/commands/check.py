"""`tourplanner check PLAN`: the scheduling checks from the command line."""

from __future__ import annotations

import argparse
import json

from tourplanner.db import PlanFile
from tourplanner.i18n import _
from tourplanner.plan_location import plan_location
from tourplanner.scheduling.findings import ERROR
from tourplanner.scheduling.rules import RULES
from tourplanner.services.conflicts import check_plan
from tourplanner.wording import count

EXIT_CLEAN, EXIT_ERRORS = 0, 1


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add `check` to the top-level commands."""
    parser = groups.top.add_parser(
        "check",
        help=_("check a plan for conflicts"),
        description=_(
            "Exit status: 0 no errors, 1 errors found, 2 could not run. Rules: {rules}"
        ).format(rules="; ".join(f"{name}: {_(text)}" for name, text in RULES.items())),
    )
    parser.add_argument("plan", type=plan_location)
    parser.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    parser.add_argument(
        "--rule", action="append", metavar="RULE", help=_("check only this rule (repeatable)")
    )
    parser.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Print the findings; the exit status says whether any is an error."""
    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        findings = check_plan(session, rules=args.rule)
    errors = sum(f.severity == ERROR for f in findings)
    if args.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        print(format_findings(findings))
    return EXIT_ERRORS if errors else EXIT_CLEAN


def format_findings(findings: list) -> str:
    """Findings grouped by severity, one line each, with a closing count."""
    if not findings:
        return _("No conflicts found.")
    lines = []
    titles = ((ERROR, _("Errors ({n}):")), ("warning", _("Warnings ({n}):")))
    for severity, title in titles:
        group = [f for f in findings if f.severity == severity]
        if group:
            lines.append(title.format(n=len(group)))
            lines += [f"  [{f.rule}] {f.message}" for f in group]
    errors = sum(f.severity == ERROR for f in findings)
    lines.append(
        _("{errors}, {warnings}").format(
            errors=count(errors, "error", "errors"),
            warnings=count(len(findings) - errors, "warning", "warnings"),
        )
    )
    return "\n".join(lines)
