"""argparse's own words (usage:, options, 'the following arguments are required') in our catalog.

argparse translates through gettext's default domain, which TourPlanner does not install: `install`
points argparse at tourplanner.i18n instead, so `tourplanner --lang zh_CN check --help` is Chinese
throughout. The strings below are argparse's msgids (Python 3.11-3.13), marked for extraction.
"""

from __future__ import annotations

import argparse

from tourplanner.i18n import N_, N_plural, _, ngettext

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("%(prog)s: error: %(message)s\n"),
)
PLURALS = (N_plural("expected %s argument", "expected %s arguments"),)


def install() -> None:
    """argparse's messages in the current language from now on (read each time it speaks)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
