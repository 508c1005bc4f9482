"""A people table's rows read as person fields, with each row's problems: no database.

The rows are read column by column: a column is cleaned in one comprehension, and a value
that repeats down a column (a role, an organization, a delegation) is read once. A 5,000-row
list has a handful of roles and groups, and one Python step per cell was most of its import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar, cast

from tourplanner.enums import PersonRole
from tourplanner.errors import TourPlannerError
from tourplanner.interchange.dates import parse_datetime
from tourplanner.interchange.tables import CJK_RE, Table
from tourplanner.services.validation import EMAIL_RE, valid_emails

# Person attributes copied as they are from a column of the same name.
PLAIN_FIELDS = (
    "honorific",
    "email",
    "phone",
    "preferred_language",
    "dietary_needs",
    "accessibility_needs",
    "emergency_contact",
    "passport_visa_notes",
    "medical_notes",
)

ROLE_WORDS: dict[str, str] = {
    **{r.value: r.value for r in PersonRole},
    "participant": "delegate",
    "attendee": "delegate",
    "member": "delegate",
    "speakers": "speaker",
    "presenter": "speaker",
    "panelist": "speaker",
    "panellist": "speaker",
    "keynote": "speaker",
    "moderator": "speaker",
    "chair": "speaker",
    "organizer": "staff",
    "organiser": "staff",
    "coordinator": "staff",
    "translator": "interpreter",
    "tourguide": "guide",
    "government": "official",
    "代表": "delegate",
    "学员": "delegate",
    "团员": "delegate",
    "参会代表": "delegate",
    "嘉宾": "vip",
    "贵宾": "vip",
    "发言人": "speaker",
    "演讲嘉宾": "speaker",
    "讲者": "speaker",
    "主持人": "speaker",
    "工作人员": "staff",
    "会务": "staff",
    "翻译": "interpreter",
    "口译": "interpreter",
    "导游": "guide",
    "领队": "guide",
    "官员": "official",
    "领导": "official",
}
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r])")
_GROUP_SPLIT = re.compile(r"[;；、,，\n]+")
_ROLE_SEPARATORS = re.compile(r"[\s_\-]+")  # 'Tour guide', 'tour_guide': 'tourguide'
_ROLE_LIST = ", ".join(r.value for r in PersonRole)
T = TypeVar("T")
_NAME_FIELDS = ("full_name", "name_latin", "name_local", "given_name", "family_name")


@dataclass(slots=True)
class PreparedRow:
    """One source row turned into person fields, with the problems found in it."""

    row: int
    fields: dict[str, str] = field(default_factory=dict)
    organization: str = ""
    organization_local: str = ""
    country: str = ""
    groups: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.fields.get("name_latin", "")


def _value(cell: str) -> str:
    """A cell with a formula-injection guard (added by our export) taken off again."""
    cell = cell.strip()
    return _NEUTRALISED.sub("", cell) if cell[:1] == "'" else cell  # the regex only if it may


@dataclass
class PreparedColumns:
    """A whole table read as person fields, column by column: what `PreparedRow`s hold, by
    field. Problems and notes are kept by row index, for the few rows that have them."""

    numbers: list[int]
    fields: dict[str, list[str]]  # name_latin, name_local, then the mapped fields
    organization: list[str]
    organization_local: list[str]
    country: list[str]
    groups: list[list[str]]  # shared between rows with the same group cell: read, not changed
    problems: dict[int, list[str]]
    notes: dict[int, list[str]]

    def rows(self) -> list[PreparedRow]:
        """The table row by row (fields left out where empty, as a row gives them)."""
        fields = list(self.fields.items())
        return [
            PreparedRow(
                number,
                {k: values[i] for k, values in fields if values[i] or k in _ALWAYS},
                self.organization[i],
                self.organization_local[i],
                self.country[i],
                list(self.groups[i]),
                list(self.problems.get(i, ())),
                list(self.notes.get(i, ())),
            )
            for i, number in enumerate(self.numbers)
        ]


_ALWAYS = ("name_latin", "name_local")  # a row's fields have its names even when empty


def prepare_row(
    row_number: int, cells: list[str], mapping: dict[int, str], *, day_first: bool | None = None
) -> PreparedRow:
    """The person fields of one row, or its problems, without touching the database."""
    return prepare_rows(Table([], [cells], [row_number]), mapping, day_first=day_first)[0]


def prepare_rows(
    table: Table, mapping: dict[int, str], *, day_first: bool | None = None
) -> list[PreparedRow]:
    """Every data row prepared (blank rows are already gone from the table)."""
    return prepare_columns(table, mapping, day_first=day_first).rows()


def _columns(table: Table, mapping: dict[int, str]) -> dict[str, list[str]]:
    """Each mapped field's cleaned values down the table; two columns mapped to one field
    are joined by a space, in the mapping's order (blank cells left out)."""
    rows = table.rows
    width = max(mapping, default=-1) + 1
    # The table turned once into its columns (in C) when every row is that wide or wider.
    full = list(zip(*rows, strict=False)) if min(map(len, rows), default=0) >= width else None
    out: dict[str, list[str]] = {}
    for col, target in mapping.items():
        if not target:
            continue
        cells = full[col] if full else [r[col] if col < len(r) else "" for r in rows]
        cells = list(map(str.strip, cells))
        if _some_quoted(cells):
            cells = [_value(c) for c in cells]
        if target in out:
            joined = zip(out[target], cells, strict=True)
            out[target] = [f"{a} {b}" if a and b else a or b for a, b in joined]
        else:
            out[target] = cells
    return out


def _some_quoted(cells: list[str]) -> bool:
    """Whether a cell may start with a quote: one look at the joined column, not one per cell
    (a quote after a line break inside a cell only makes the cells be read one by one)."""
    joined = "\n".join(cells)
    return joined[:1] == "'" or "\n'" in joined


def _once(values: list[str], read: Callable[[str], T]) -> list[T]:
    """`read` of each value, each distinct value read once."""
    done = {v: read(v) for v in set(values)}
    return [done[v] for v in values]


def _role(text: str) -> str | None:
    return ROLE_WORDS.get(_ROLE_SEPARATORS.sub("", text.casefold())) if text else ""


def _groups(text: str) -> list[str]:
    return [g.strip() for g in _GROUP_SPLIT.split(text) if g.strip()] if text else []


def prepare_columns(
    table: Table, mapping: dict[int, str], *, day_first: bool | None = None
) -> PreparedColumns:
    """Every data row prepared, column by column."""
    count = len(table.rows)
    raw = _columns(table, mapping)
    blank = [""] * count
    problems: dict[int, list[str]] = {}
    notes: dict[int, list[str]] = {}

    def problem(i: int, text: str) -> None:
        problems.setdefault(i, []).append(text)

    latin, local = _names(*(raw.get(key, blank) for key in _NAME_FIELDS), notes=notes)
    # Each column is looked over at once (in C) and row by row only when a row has a problem.
    if not all(latin):
        for i, name in enumerate(latin):
            if not name:
                problem(i, "no name (the name columns are empty)")
    fields = {"name_latin": latin, "name_local": local}
    fields |= {key: raw[key] for key in PLAIN_FIELDS if key in raw}
    emails = fields.get("email", [])
    if not valid_emails([e for e in emails if e]):
        for i, email in enumerate(emails):
            if email and not EMAIL_RE.match(email):
                problem(i, f"{email!r} is not a valid email address")
    if "role" in raw:
        roles = _once(raw["role"], _role)
        if None in roles:
            for i, role in enumerate(roles):
                if role is None:
                    problem(i, f"role {raw['role'][i]!r} is not one of: {_ROLE_LIST}")
            roles = [r or "" for r in roles]
        fields["role"] = cast(list[str], roles)
    texts = [[n] if n else [] for n in raw["notes"]] if "notes" in raw else None
    for key, label in (("arrival", "Arrival"), ("departure", "Departure")):
        if key in raw:
            read = partial(_when, day_first=day_first, field=label.lower())
            texts = texts or [[] for _ in range(count)]
            for i, when in enumerate(_once(raw[key], read)):
                if isinstance(when, TourPlannerError):
                    problem(i, str(when))
                elif when:
                    texts[i].append(f"{label}: {when}")
    if texts is not None:
        fields["notes"] = ["\n".join(t) for t in texts]
    groups = _once(raw["group"], _groups) if "group" in raw else [[]] * count
    return PreparedColumns(
        list(table.row_numbers),
        fields,
        raw.get("organization", blank),
        raw.get("organization_local", blank),
        raw.get("country", blank),
        groups,
        # Each row's problems in the order a row is read: name, email, role, then times.
        {i: problems[i] for i in sorted(problems)},
        notes,
    )


def _names(
    full: list[str],
    latin: list[str],
    local: list[str],
    given: list[str],
    family: list[str],
    *,
    notes: dict[int, list[str]],
) -> tuple[list[str], list[str]]:
    """The Latin and local name of each row from its name columns; a row named in local
    script alone gets a note."""
    if not any(given) and not any(family) and not CJK_RE.search("\n".join(full)):
        # The usual table: one name column in Latin script (one look for CJK, not per row).
        latins = [la or f for la, f in zip(latin, full, strict=True)]
        for i in [i for i, la in enumerate(latins) if not la]:
            if local[i]:
                latins[i] = local[i]
                notes[i] = [f"no Latin-script name, {local[i]!r} is used as the name"]
        return latins, list(local)
    latins, locals_ = [], []
    for i, (f, la, lo, g, fa) in enumerate(zip(full, latin, local, given, family, strict=True)):
        if f:
            if CJK_RE.search(f):
                lo = lo or f
            else:
                la = la or f
        if g or fa:
            if CJK_RE.search(g + fa):
                lo = lo or f"{fa}{g}"
            else:
                la = la or " ".join(p for p in (g, fa) if p)
        if not la and lo:
            la = lo
            notes[i] = [f"no Latin-script name, {lo!r} is used as the name"]
        latins.append(la)
        locals_.append(lo)
    return latins, locals_


def _when(text: str, *, day_first: bool | None, field: str) -> str | TourPlannerError:
    """An arrival or departure as the notes give it; the error when it cannot be read."""
    if not text:
        return ""
    try:
        when = parse_datetime(text, day_first=day_first, field=field)
    except TourPlannerError as exc:
        return exc
    return f"{when:%Y-%m-%d %H:%M}".removesuffix(" 00:00")
