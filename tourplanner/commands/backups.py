"""`tourplanner backups PLAN` and `tourplanner restore PLAN BACKUP`: the automatic backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from tourplanner.db import backups
from tourplanner.i18n import _


def register(groups) -> None:  # noqa: ANN001 - argparse's private subparser type
    """Add `backups` and `restore` to the top-level commands."""
    listing = groups.top.add_parser(
        "backups",
        help=_("list a plan's automatic backups, newest first"),
        description="One line per backup: its path, time (UTC), size, items and people. "
        f"Backups live in {backups.data_root() / 'backups'} (or ${backups.DATA_DIR_VARIABLE}).",
    )
    listing.add_argument("plan", type=Path)
    listing.set_defaults(func=_backups)

    restore = groups.top.add_parser(
        "restore",
        help=_("put a backup in a plan's place (the plan as it is now is backed up first)"),
    )
    restore.add_argument("plan", type=Path)
    restore.add_argument("backup", type=Path, help=_("a path printed by `tourplanner backups`"))
    restore.set_defaults(func=_restore)


def _backups(args: argparse.Namespace) -> int:
    found = backups.list_backups(args.plan)
    if not found:
        print(
            _("no backups of {plan} yet (they are kept in {backup_folder})").format(
                plan=args.plan, backup_folder=backups.backup_folder(args.plan)
            )
        )
    for backup in found:
        print(backup.line())
    return 0


def _restore(args: argparse.Namespace) -> int:
    before = backups.restore(args.plan, args.backup)
    print(_("restored {plan} from {backup}").format(plan=args.plan, backup=args.backup))
    if before is not None:
        print(_("the plan as it was is kept in {before}").format(before=before))
    return 0
