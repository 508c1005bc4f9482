"""Python dates and times to and from Qt's, typed (PySide's stubs know no datetime overloads)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_qdatetime(value: datetime) -> QDateTime:
    """A naive wall-clock time as Qt shows it (to the second)."""
    return QDateTime(to_qdate(value), QTime(value.hour, value.minute, value.second))


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def from_qdatetime(value: QDateTime) -> datetime:
    """The naive wall-clock time a date-time editor holds, to the minute."""
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
