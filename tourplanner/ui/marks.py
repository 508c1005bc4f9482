"""Marks a string for Qt's translation where it is defined, far from where it is shown.

PySide6's own QT_TRANSLATE_NOOP is typed as returning `object`; this one returns the `str` it
was given. pyside6-lupdate finds the strings by the call's name, so both are extracted alike;
they are shown through `QCoreApplication.translate(context, text)`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
