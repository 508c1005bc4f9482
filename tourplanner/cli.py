"""The `tourplanner` command: the GUI by default, subcommands for headless work."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from tourplanner.about import version
from tourplanner.errors import PlanFileError, TourPlannerError
from tourplanner.plan_location import plan_location
from tourplanner.wording import count

EXIT_USAGE_OR_ERROR = 2

log = logging.getLogger("tourplanner")
log.addHandler(logging.NullHandler())  # called as a library, main() prints its errors only once

# Feature areas add their subcommands through a `register(groups: CommandGroups)` function.
COMMAND_MODULES = (
    "tourplanner.commands.check",
    "tourplanner.commands.export_pdf",
    "tourplanner.commands.interchange",
    "tourplanner.commands.backups",
    "tourplanner.commands.doctor",
    "tourplanner.commands.seating",
    "tourplanner.commands.precedence",
    "tourplanner.commands.gifts",
    "tourplanner.commands.team",
)


@dataclass
class CommandGroups:
    """The subparser collections a feature area adds its commands to."""

    top: argparse._SubParsersAction
    export: argparse._SubParsersAction
    import_: argparse._SubParsersAction


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one `error:` line and exit 2, as for every failure
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE_OR_ERROR, f"error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tourplanner",
        usage="tourplanner [--demo] [PLAN]  |  tourplanner COMMAND ...",
        description="Plan conferences and study tours. With no command, opens the app on PLAN, "
        "else on the last plan, else on the demo plan.",
    )
    parser.add_argument("--version", action="version", version=f"tourplanner {version()}")
    parser.add_argument(
        "--install-desktop",
        action="store_const",
        dest="func",
        const=_cmd_install_desktop,
        help="add TourPlanner to this user's desktop menu and open .tourplan files with it (Linux)",
    )
    parser.add_argument(
        "--uninstall-desktop",
        action="store_const",
        dest="func",
        const=_cmd_uninstall_desktop,
        help="remove what --install-desktop added",
    )
    top = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=_Parser
    )

    demo = top.add_parser("demo", help="write the demo plan to a new file")
    demo.add_argument("plan", type=Path)
    demo.set_defaults(func=_cmd_demo)

    info = top.add_parser("info", help="summarise a plan")
    info.add_argument("plan", type=plan_location)
    info.add_argument("--json", action="store_true", help="print JSON for scripts")
    info.set_defaults(func=_cmd_info)

    export = top.add_parser("export", help="write PDFs, calendars, lists").add_subparsers(
        title="what", metavar="WHAT", required=True, parser_class=_Parser
    )
    import_ = top.add_parser("import", help="read people, calendars, schedules").add_subparsers(
        title="what", metavar="WHAT", required=True, parser_class=_Parser
    )
    groups = CommandGroups(top, export, import_)
    for name in COMMAND_MODULES:
        _register(name, groups)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tourplanner", description="Open the TourPlanner app.")
    parser.add_argument(
        "plan", nargs="?", type=plan_location, help="plan file (or postgresql:// team plan)"
    )
    parser.add_argument("--demo", action="store_true", help="open the demo plan")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="open the window, paint it once into PNG and quit (checks an installed app)",
    )
    parser.set_defaults(func=_cmd_gui)
    return parser


def _register(module_name: str, groups: CommandGroups) -> None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return  # that feature area is not built yet
    module.register(groups)


def _cmd_gui(args: argparse.Namespace) -> int:
    if isinstance(args.plan, Path) and not args.plan.is_file():
        commands = ", ".join(sorted(args.commands))
        raise PlanFileError(f"{args.plan} is neither a plan file nor a command ({commands})")
    if args.screenshot is not None:
        from tourplanner.ui.screenshot import save_screenshot

        return save_screenshot(args.plan, args.screenshot, demo=args.demo)
    from tourplanner.ui.app import run  # Qt is imported only when the GUI is asked for

    return run(args.plan, demo=args.demo)


def _cmd_install_desktop(args: argparse.Namespace) -> int:
    from tourplanner import desktop

    for path in desktop.install():
        print(path)
    return 0


def _cmd_uninstall_desktop(args: argparse.Namespace) -> int:
    from tourplanner import desktop

    for path in desktop.uninstall():
        print(f"removed {path}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from tourplanner.demo import write_demo_plan

    write_demo_plan(args.plan)
    print(f"wrote the demo plan to {args.plan}")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from tourplanner.db import PlanFile
    from tourplanner.db.stamp import made_by
    from tourplanner.services.itinerary import plan_summary

    with PlanFile.open(args.plan, read_only=True) as plan, plan.reading() as session:
        team = plan.is_team
        made = None if team else made_by(plan.engine)
        summary = {**plan_summary(session).as_dict(), "made_by": made}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary, team=team))
    return 0


def _counted(key: str, n: int) -> str:
    """A summary count by its plural key: 'people' -> '1 person', 'travel_segments' -> ..."""
    many = key.replace("_", " ")
    return count(n, "person" if many == "people" else many.removesuffix("s"), many)


def format_summary(summary: dict, *, team: bool = False) -> str:
    """The human-readable `info` text."""
    # The stamp lives in a plan file's SQLite header; a team database has none to read, which
    # must not read as "made before stamps".
    unstamped = (
        "not recorded (a team plan)" if team else "TourPlanner 0.1 (before files were stamped)"
    )
    lines = [
        f"{summary['title']}",
        f"  organization: {summary['organization'] or '-'}   home zone: {summary['home_timezone']}",
        f"  made by: {summary.get('made_by') or unstamped}",
        "",
        "Programmes:",
    ]
    for p in summary["programmes"]:
        local = f" / {p['title_local']}" if p["title_local"] else ""
        lines.append(
            f"  #{p['id']:<3} {p['start']} .. {p['end']}  {p['kind']:<11} "
            f"{p['title']}{local}  ({count(p['items'], 'item', 'items')})"
        )
    counts = summary["counts"]
    lines += ["", "Counts: " + ", ".join(_counted(k, v) for k, v in counts.items())]
    return "\n".join(lines)


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommands' names (argparse keeps them only on its subparsers action)."""
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {name for action in actions for name in action.choices}


def _opens_the_app(argv: list[str]) -> bool:
    """Whether these arguments surely open the app: none, or an existing plan file, or --demo
    (a command name never ends in .tourplan; anything else goes through the full parser)."""
    if not argv:
        return True
    first = argv[0]
    if first == "--demo":
        return len(argv) == 1 or (len(argv) == 2 and _a_plan_file(argv[1]))
    return len(argv) == 1 and _a_plan_file(first)


def _a_plan_file(arg: str) -> bool:
    return arg.endswith(".tourplan") and Path(arg).is_file()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 1 findings where a command says so, 2 error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if _opens_the_app(argv):
        # Building the full parser imports every command and the database layer: the window
        # paints first, without them (the app loads them once it is shown).
        args = build_gui_parser().parse_args(argv)
        args.commands = ()
    else:
        parser = build_parser()
        commands = _command_names(parser)
        top_options = ("-h", "--help", "--version", "--install-desktop", "--uninstall-desktop")
        if argv and (argv[0] in commands or argv[0] in top_options):
            args = parser.parse_args(argv)
        else:
            args = build_gui_parser().parse_args(argv)
            args.commands = commands
    handler: Callable[[argparse.Namespace], int] = args.func
    try:
        if (
            argv
            and argv[0] in ("check", "export")
            and isinstance(getattr(args, "plan", None), Path)
        ):
            # A row the app cannot use is named before any work, not met half-way.
            from tourplanner.db.doctor import refuse_unusable_rows

            refuse_unusable_rows(args.plan)
        return handler(args)
    except TourPlannerError as exc:
        log.warning("tourplanner %s: %s", " ".join(argv), exc)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE_OR_ERROR
    except Exception as exc:
        # The one place where a failure of the disk, of SQLite or of a row the app cannot use
        # becomes a sentence; anything else is a bug and keeps its traceback.
        from tourplanner.failures import describe

        sentence = describe(exc, plan=getattr(args, "plan", None))
        if sentence is None:
            raise
        print(f"error: {sentence}", file=sys.stderr)
        return EXIT_USAGE_OR_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_USAGE_OR_ERROR


def entry() -> int:
    """The installed `tourplanner` command: `main` with the app's log file (tourplanner.logs)."""
    from tourplanner import logs

    logs.setup()
    try:
        return main()
    except Exception:
        log.exception("unexpected failure in: tourplanner %s", " ".join(sys.argv[1:]))
        raise


if __name__ == "__main__":
    sys.exit(entry())
