"""The `tourplanner` command: the GUI by default, subcommands for headless work."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from tourplanner.about import version
from tourplanner.enums import label
from tourplanner.errors import PlanFileError, TourPlannerError
from tourplanner.i18n import (
    LANGUAGES,
    N_plural,
    _,
    argparse_words,
    from_environment,
    pgettext,
    supported,
    use_language,
)
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
    "tourplanner.commands.operations_docs",
    "tourplanner.commands.operations",
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
        self.exit(EXIT_USAGE_OR_ERROR, _("error: {message}").format(message=message) + "\n")


def _add_lang(parser: argparse.ArgumentParser) -> None:
    # Read (and removed) by `main` before parsing, so that argparse's own messages are in it.
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_("the language of messages and documents: en or zh_CN (default: from LANG)"),
    )


def take_language(argv: list[str], environ: Mapping[str, str]) -> str:
    """The language from a leading ``--lang X`` (removed from argv) or from the environment.

    `--lang` wins over LANGUAGE/LC_ALL/LC_MESSAGES/LANG; an unknown one is refused in a sentence.
    """
    tag: str | None = None
    if argv and argv[0] == "--lang":
        if len(argv) < 2:
            raise TourPlannerError(_("--lang needs a language: en or zh_CN"))
        tag = argv[1]
        del argv[:2]
    elif argv and argv[0].startswith("--lang="):
        tag = argv.pop(0).removeprefix("--lang=")
    if tag is None:
        return from_environment(environ)
    lang = supported(tag)
    if lang is None:
        raise TourPlannerError(
            _("TourPlanner does not speak {tag!r}; choose one of: {choices}").format(
                tag=tag, choices=", ".join(LANGUAGES)
            )
        )
    return lang


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()
    parser = _Parser(
        prog="tourplanner",
        usage="tourplanner [--demo] [PLAN]  |  tourplanner COMMAND ...",
        description=_(
            "Plan conferences and study tours. With no command, opens the app on PLAN, else on the last plan, else on the demo plan."
        ),
    )
    parser.add_argument("--version", action="version", version=f"tourplanner {version()}")
    _add_lang(parser)
    parser.add_argument(
        "--install-desktop",
        action="store_const",
        dest="func",
        const=_cmd_install_desktop,
        help=_(
            "add TourPlanner to this user's desktop menu and open .tourplan files with it (Linux)"
        ),
    )
    parser.add_argument(
        "--uninstall-desktop",
        action="store_const",
        dest="func",
        const=_cmd_uninstall_desktop,
        help=_("remove what --install-desktop added"),
    )
    top = parser.add_subparsers(
        title="commands", metavar="COMMAND", dest="command", parser_class=_Parser
    )

    demo = top.add_parser("demo", help=_("write the demo plan to a new file"))
    demo.add_argument("plan", type=Path)
    demo.set_defaults(func=_cmd_demo)

    info = top.add_parser("info", help=_("summarise a plan"))
    info.add_argument("plan", type=plan_location)
    info.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    info.set_defaults(func=_cmd_info)

    export = top.add_parser("export", help=_("write PDFs, calendars, lists")).add_subparsers(
        title="what", metavar="WHAT", required=True, parser_class=_Parser
    )
    import_ = top.add_parser("import", help=_("read people, calendars, schedules")).add_subparsers(
        title="what", metavar="WHAT", required=True, parser_class=_Parser
    )
    groups = CommandGroups(top, export, import_)
    for name in COMMAND_MODULES:
        _register(name, groups)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    argparse_words.install()
    parser = _Parser(prog="tourplanner", description=_("Open the TourPlanner app."))
    parser.add_argument(
        "plan", nargs="?", type=plan_location, help=_("plan file (or postgresql:// team plan)")
    )
    parser.add_argument("--demo", action="store_true", help=_("open the demo plan"))
    _add_lang(parser)
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help=_("open the window, paint it once into PNG and quit (checks an installed app)"),
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
        raise PlanFileError(
            _("{path} is neither a plan file nor a command ({commands})").format(
                path=args.plan, commands=commands
            )
        )
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
        print(_("removed {path}").format(path=path))
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from tourplanner.demo import write_demo_plan

    write_demo_plan(args.plan)
    print(_("wrote the demo plan to {path}").format(path=args.plan))
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


# The counts `info` prints, by their key in plan_summary: the noun's two forms for ngettext.
_COUNTED = {
    "programmes": N_plural("{n} programme", "{n} programmes"),
    "items": N_plural("{n} item", "{n} items"),
    "people": N_plural("{n} person", "{n} people"),
    "organizations": N_plural("{n} organization", "{n} organizations"),
    "groups": N_plural("{n} group", "{n} groups"),
    "venues": N_plural("{n} venue", "{n} venues"),
    "participations": N_plural("{n} participation", "{n} participations"),
    "travel_segments": N_plural("{n} travel segment", "{n} travel segments"),
}


def _counted(key: str, n: int) -> str:
    """A summary count by its plural key: 'people' -> '1 person', 'travel_segments' -> ..."""
    if key in _COUNTED:
        return count(n, *_COUNTED[key])
    many = key.replace("_", " ")  # a count added to plan_summary before it is added here
    return f"{n} {many}"


def format_summary(summary: dict, *, team: bool = False) -> str:
    """The human-readable `info` text."""
    # The stamp lives in a plan file's SQLite header; a team database has none to read, which
    # must not read as "made before stamps".
    unstamped = (
        _("not recorded (a team plan)")
        if team
        else _("TourPlanner 0.1 (before files were stamped)")
    )
    made = summary.get("made_by") or unstamped
    lines = [
        f"{summary['title']}",
        _("  organization: {organization}   home zone: {zone}").format(
            organization=summary["organization"] or "-", zone=summary["home_timezone"]
        ),
        _("  made by: {made}").format(made=made),
        "",
        _("Programmes:"),
    ]
    for p in summary["programmes"]:
        local = f" / {p['title_local']}" if p["title_local"] else ""
        items = count(p["items"], *_COUNTED["items"])
        lines.append(
            f"  #{p['id']:<3} {p['start']} .. {p['end']}  {label(p['kind']):<11} "
            f"{p['title']}{local}  ({items})"
        )
    counts = summary["counts"]
    # Translators: between the counts of `tourplanner info` ("4 programmes, 77 items").
    listed = pgettext("list separator", ", ").join(_counted(k, v) for k, v in counts.items())
    lines += ["", _("Counts: {counts}").format(counts=listed)]
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
    try:
        lang = take_language(argv, os.environ)
    except TourPlannerError as exc:
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE_OR_ERROR
    # The language holds for this command only (a test or a script calling main() twice).
    with use_language(lang):
        return _run(argv)


def _run(argv: list[str]) -> int:
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
        print(_("error: {message}").format(message=exc), file=sys.stderr)
        return EXIT_USAGE_OR_ERROR
    except Exception as exc:
        # The one place where a failure of the disk, of SQLite or of a row the app cannot use
        # becomes a sentence; anything else is a bug and keeps its traceback.
        from tourplanner.failures import describe

        sentence = describe(exc, plan=getattr(args, "plan", None))
        if sentence is None:
            raise
        print(_("error: {message}").format(message=sentence), file=sys.stderr)
        return EXIT_USAGE_OR_ERROR
    except KeyboardInterrupt:
        print(_("error: interrupted"), file=sys.stderr)
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
