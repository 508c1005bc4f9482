"""A record form's rows and a record kind's page: what `entities` and the operations pages build
their editors and tables from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from tourplanner.services import listings, records

# A listing reads a table's rows in a session the caller opens.
ListingReader = Callable[[Any], listings.Listing]


@dataclass(frozen=True)
class Field:
    """One form row. `kind`: text, long, enum, ref, zone, date, datetime, int, number, place
    (a journey end: airport or venue), travellers (a journey's people) or bool (a tick box)."""

    key: str
    label: str
    kind: str = "text"
    reported_as: tuple[str, ...] = ()  # the names the service uses for it in its errors
    vocabulary: type[StrEnum] | None = None
    choices: str = ""  # for a ref: the kind of record it refers to ("venue", "person"...)
    hint: str = ""

    @property
    def shown_label(self) -> str:
        """The label in the UI's language (`label` stays English: errors are matched by it)."""
        return QCoreApplication.translate("entities", self.label)

    @property
    def shown_hint(self) -> str:
        return QCoreApplication.translate("entities", self.hint) if self.hint else ""


@dataclass(frozen=True)
class Entity:
    key: str
    title: str
    plural: str
    fields: tuple[Field, ...]
    listing: ListingReader | None  # None: no table (the plan itself)

    @property
    def shown_title(self) -> str:
        return QCoreApplication.translate("entities", self.title)

    @property
    def shown_plural(self) -> str:
        return QCoreApplication.translate("entities", self.plural)

    @property
    def kind(self) -> records.RecordKind:
        return records.RECORDS[self.key]


def text_field(key: str, label: str, reported: str = "", hint: str = "") -> Field:
    return Field(key, label, "text", (reported or label.lower(),), hint=hint)


def long_field(key: str, label: str, reported: str = "") -> Field:
    return Field(key, label, "long", (reported or label.lower(),))
