"""Import people from a table (CSV/XLSX): map columns, validate each row, add or update people.

The import runs in the caller's transaction. By default it is all-or-nothing: if any row has a
problem, `ImportRefused` is raised with the report and the caller's transaction rolls back. With
`skip_invalid` the good rows are imported and the others reported as skipped. Re-importing the
same file updates the people it finds (by email, else by name and organization) instead of
adding them twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import PersonRole
from tourplanner.errors import TourPlannerError
from tourplanner.interchange.dates import parse_datetime
from tourplanner.interchange.importing import import_savepoint
from tourplanner.interchange.people_mapping import FIELDS, recognise_all
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.interchange.tables import CJK_RE, Table, read_table
from tourplanner.models import Group, Organization, Person, group_members
from tourplanner.services import organizations, people
from tourplanner.services.validation import EMAIL_RE

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


@dataclass
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
    return _NEUTRALISED.sub("", cell.strip())


def prepare_row(
    row_number: int, cells: list[str], mapping: dict[int, str], *, day_first: bool | None = None
) -> PreparedRow:
    """The person fields of one row, or its problems, without touching the database."""
    prepared = PreparedRow(row_number)
    raw: dict[str, str] = {}
    for col, target in mapping.items():
        if target and col < len(cells):
            value = _value(cells[col])
            if value:
                raw[target] = f"{raw[target]} {value}" if target in raw else value
    full = raw.get("full_name", "")
    latin = raw.get("name_latin", "")
    local = raw.get("name_local", "")
    if full:
        if CJK_RE.search(full):
            local = local or full
        else:
            latin = latin or full
    given, family = raw.get("given_name", ""), raw.get("family_name", "")
    if given or family:
        if CJK_RE.search(given + family):
            local = local or f"{family}{given}"
        else:
            latin = latin or " ".join(p for p in (given, family) if p)
    if not latin and local:
        latin = local
        prepared.notes.append(f"no Latin-script name, {local!r} is used as the name")
    fields: dict[str, str] = {"name_latin": latin, "name_local": local}
    if not latin:
        prepared.problems.append("no name (the name columns are empty)")
    for key in PLAIN_FIELDS:
        if raw.get(key):
            fields[key] = raw[key]
    email = fields.get("email", "")
    if email and not EMAIL_RE.match(email):
        prepared.problems.append(f"{email!r} is not a valid email address")
    if raw.get("role"):
        role = ROLE_WORDS.get(re.sub(r"[\s_\-]+", "", raw["role"].casefold()))
        if role is None:
            prepared.problems.append(
                f"role {raw['role']!r} is not one of: {', '.join(r.value for r in PersonRole)}"
            )
        else:
            fields["role"] = role
    notes = [raw["notes"]] if raw.get("notes") else []
    for key, label in (("arrival", "Arrival"), ("departure", "Departure")):
        if raw.get(key):
            try:
                when = parse_datetime(raw[key], day_first=day_first, field=label.lower())
            except TourPlannerError as exc:
                prepared.problems.append(str(exc))
            else:
                text = f"{when:%Y-%m-%d %H:%M}".removesuffix(" 00:00")
                notes.append(f"{label}: {text}")
    if notes:
        fields["notes"] = "\n".join(notes)
    prepared.fields = fields
    prepared.organization = raw.get("organization", "")
    prepared.organization_local = raw.get("organization_local", "")
    prepared.country = raw.get("country", "")
    prepared.groups = [g.strip() for g in _GROUP_SPLIT.split(raw.get("group", "")) if g.strip()]
    return prepared


def prepare_rows(
    table: Table, mapping: dict[int, str], *, day_first: bool | None = None
) -> list[PreparedRow]:
    """Every data row prepared (blank rows are already gone from the table)."""
    return [
        prepare_row(number, cells, mapping, day_first=day_first)
        for number, cells in zip(table.row_numbers, table.rows, strict=True)
    ]


class PeopleImport:
    """A planned import of people from a table, with its column mapping and options."""

    def __init__(
        self,
        table: Table,
        mapping: dict[int, str] | None = None,
        *,
        group: str | None = None,
        skip_invalid: bool = False,
        day_first: bool | None = None,
    ) -> None:
        self.table = table
        self.mapping = dict(recognise_all(table.headers) if mapping is None else mapping)
        unknown = sorted(set(self.mapping.values()) - set(FIELDS))
        if unknown:
            raise TourPlannerError(f"unknown person field(s) in the mapping: {', '.join(unknown)}")
        self.group = (group or "").strip() or None
        self.skip_invalid = skip_invalid
        self.day_first = day_first

    @classmethod
    def from_file(cls, path: Path | str, **options: Any) -> PeopleImport:
        """Read the file and recognise its headers."""
        return cls(read_table(path), **options)  # the options of PeopleImport

    def rows(self) -> list[PreparedRow]:
        return prepare_rows(self.table, self.mapping, day_first=self.day_first)

    def run(self, session: Session, *, dry_run: bool = False) -> ImportReport:
        """Import into the caller's transaction; with `dry_run` nothing stays written.

        Raises ImportRefused (with the report) when a row is invalid and `skip_invalid` is off;
        the caller's transaction must then roll back (the `plan.transaction()` block does).
        """
        report = ImportReport("people", dry_run=dry_run)
        if not any(self.mapping.values()):
            report.error("", "no column is mapped to a person field")
            raise ImportRefused(report, "people import refused: no column holds names")
        if not any(
            f in self.mapping.values()
            for f in ("full_name", "name_latin", "name_local", "given_name", "family_name")
        ):
            report.error("", "no column holds names (map a column to a name field)")
            raise ImportRefused(report, "people import refused: no column holds names")
        with import_savepoint(session, report, dry_run=dry_run, skip_invalid=self.skip_invalid):
            _Importer(session, self, report).run()
        return report


@dataclass(frozen=True)
class _Known:
    """A person already in the plan (or added by this import), as the matching needs them."""

    id: int
    email: str


class _Importer:
    """The database side of one people import: lookups, organizations, groups, rows."""

    def __init__(self, session: Session, plan: PeopleImport, report: ImportReport) -> None:
        self.session = session
        self.plan = plan
        self.report = report
        self.by_email: dict[str, list[_Known]] = defaultdict(list)
        self.by_name_org: dict[tuple[str, int | None], list[_Known]] = defaultdict(list)
        # Held so that updates find them in the identity map instead of querying each one.
        self._held = list(session.scalars(select(Person)))
        for person in self._held:
            self._index(person.id, person.email, person.name_latin, person.organization_id)
        self.orgs: dict[str, Organization] = {}
        for org in session.scalars(select(Organization)):
            for name in (org.name_en, org.name_local):
                if name:
                    self.orgs.setdefault(name.casefold(), org)
        self.groups: dict[str, Group] = {
            g.name.casefold(): g for g in session.scalars(select(Group))
        }
        self.members: set[tuple[int, int]] = {
            (g, p)
            for g, p in session.execute(select(group_members.c.group_id, group_members.c.person_id))
        }
        # Memberships are added per group at the end: one call per group, not one per row.
        self.joining: dict[int, list[int]] = defaultdict(list)
        self.seen_email: dict[str, int] = {}
        self.seen_name: dict[tuple[str, str], int] = {}

    def _index(self, person_id: int, email: str, name: str, org_id: int | None) -> None:
        known = _Known(person_id, email)
        if email:
            self.by_email[email.casefold()].append(known)
        self.by_name_org[(name.casefold(), org_id)].append(known)

    def run(self) -> None:
        rows = self.plan.rows()
        if not rows:
            self.report.note("", "the table has a header but no data rows")
        for row in rows:
            where = f"row {row.row}"
            for note in row.notes:
                self.report.note(where, note)
            problems = list(row.problems) + self._duplicates_in_file(row)
            if problems:
                for problem in problems:
                    self.report.error(where, problem)
                self.report.record(where, "skipped", title=row.name)
                continue
            try:
                with self.session.begin_nested():
                    outcome, person_id, group_ids = self._apply(row)
            except TourPlannerError as exc:
                self.report.error(where, str(exc))
                self.report.record(where, "skipped", title=row.name)
                continue
            new_groups = [g for g in group_ids if (g, person_id) not in self.members]
            for group_id in new_groups:
                self.joining[group_id].append(person_id)
                self.members.add((group_id, person_id))
            if new_groups and outcome == "unchanged":
                outcome = "updated"
            self.report.record(where, outcome, title=row.name)
        for group_id, person_ids in self.joining.items():
            # Loaded in bulk and held, so the service finds them without a query per person.
            held = [
                p
                for start in range(0, len(person_ids), 500)
                for p in self.session.scalars(
                    select(Person).where(Person.id.in_(person_ids[start : start + 500]))
                )
            ]
            organizations.add_group_members(self.session, group_id, person_ids)
            del held

    def _duplicates_in_file(self, row: PreparedRow) -> list[str]:
        problems = []
        email = row.fields.get("email", "").casefold()
        if email:
            if email in self.seen_email:
                problems.append(f"same email as row {self.seen_email[email]}")
            else:
                self.seen_email[email] = row.row
        key = (row.name.casefold(), (row.organization or row.organization_local).casefold())
        if row.name and not email:
            if key in self.seen_name:
                problems.append(
                    f"same name and organization as row {self.seen_name[key]} (add an email to "
                    "tell them apart)"
                )
            else:
                self.seen_name[key] = row.row
        return problems

    def _organization(self, row: PreparedRow) -> int | None:
        names = [n for n in (row.organization, row.organization_local) if n]
        if not names:
            return None
        for name in names:
            if name.casefold() in self.orgs:
                return self.orgs[name.casefold()].id
        english = row.organization or row.organization_local
        org_id = organizations.create_organization(
            self.session,
            name_en=english,
            name_local=row.organization_local if row.organization else "",
            country=row.country,
        )
        org = self.session.get(Organization, org_id)
        assert org is not None
        for name in names:
            self.orgs[name.casefold()] = org
        return org_id

    def _existing(self, fields: dict[str, str], org_id: int | None) -> int | None:
        email = fields.get("email", "").casefold()
        candidates = self.by_email.get(email, []) if email else []
        if not candidates:
            candidates = [
                k
                for k in self.by_name_org.get((fields["name_latin"].casefold(), org_id), [])
                if not email or not k.email
            ]
        if len(candidates) > 1:
            ids = ", ".join(f"#{k.id}" for k in candidates)
            raise TourPlannerError(f"matches several people already in the plan ({ids})")
        return candidates[0].id if candidates else None

    def _group_ids(self, row: PreparedRow) -> list[int]:
        names = list(row.groups)
        if self.plan.group:
            names.append(self.plan.group)
        ids = []
        for name in dict.fromkeys(names):
            group = self.groups.get(name.casefold())
            if group is None:
                group = organizations.get_group(
                    self.session, organizations.create_group(self.session, name=name)
                )
                self.groups[name.casefold()] = group
            ids.append(group.id)
        return ids

    def _apply(self, row: PreparedRow) -> tuple[str, int, list[int]]:
        """Add or update the row's person: ('added'|'updated'|'unchanged', id, group ids)."""
        org_id = self._organization(row)
        fields: dict[str, object] = {k: v for k, v in row.fields.items() if v}
        if org_id is not None:
            fields["organization_id"] = org_id
        group_ids = self._group_ids(row)
        person_id = self._existing(row.fields, org_id)
        if person_id is None:
            person_id = people.create_person(self.session, **fields)
            self._index(person_id, row.fields.get("email", ""), row.name, org_id)
            return "added", person_id, group_ids
        person = people.get_person(self.session, person_id)
        changes = {k: v for k, v in fields.items() if getattr(person, k) != v}
        if changes:
            people.update_person(self.session, person_id, **changes)
        return ("updated" if changes else "unchanged"), person_id, group_ids


def import_people(
    session: Session,
    path: Path | str,
    *,
    mapping: dict[int, str] | None = None,
    group: str | None = None,
    skip_invalid: bool = False,
    day_first: bool | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Read a CSV/XLSX file and import its people into the caller's transaction."""
    plan = PeopleImport(
        read_table(path), mapping, group=group, skip_invalid=skip_invalid, day_first=day_first
    )
    return plan.run(session, dry_run=dry_run)
