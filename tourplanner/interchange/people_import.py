"""Import people from a table (CSV/XLSX): map columns, validate each row, add or update people.

The import runs in the caller's transaction. By default it is all-or-nothing: if any row has a
problem, `ImportRefused` is raised with the report and the caller's transaction rolls back. With
`skip_invalid` the good rows are imported and the others reported as skipped. Re-importing the
same file updates the people it finds (by email, else by name and organization) instead of
adding them twice.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from tourplanner.collector import cycle_collection_paused
from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.interchange.importing import (
    import_savepoint,
    insert_columns,
    insert_link_columns,
    insert_links,
    insert_rows,
    stamp_values,
)
from tourplanner.interchange.people_mapping import FIELDS, recognise_all
from tourplanner.interchange.people_rows import (
    PreparedColumns,
    PreparedRow,
    prepare_columns,
    prepare_rows,
)
from tourplanner.interchange.report import ImportRefused, ImportReport
from tourplanner.interchange.tables import Table, read_table
from tourplanner.models import Base, Group, Organization, Person, group_members
from tourplanner.models.versioned import with_versions
from tourplanner.services import organizations, people
from tourplanner.services import validation as v


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
            raise TourPlannerError(
                _("unknown person field(s) in the mapping: {join}").format(join=", ".join(unknown))
            )
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
            report.error("", _("no column is mapped to a person field"))
            raise ImportRefused(report, "people import refused: no column holds names")
        if not any(
            f in self.mapping.values()
            for f in ("full_name", "name_latin", "name_local", "given_name", "family_name")
        ):
            report.error("", _("no column holds names (map a column to a name field)"))
            raise ImportRefused(report, "people import refused: no column holds names")
        with import_savepoint(session, report, dry_run=dry_run, skip_invalid=self.skip_invalid):
            _Importer(session, self, report, dry_run=dry_run).run()
        return report


@dataclass(frozen=True)
class _Known:
    """A person already in the plan (or added by this import), as the matching needs them."""

    id: int
    email: str


@dataclass
class _RowPlan:
    """What one valid row does, decided before anything is written."""

    outcome: str  # added | updated | unchanged
    person_id: int  # negative: a person this import adds
    org: tuple[int, dict[str, str]] | None  # a new organization: (its placeholder id, values)
    new_groups: dict[str, str]  # casefolded name -> name, for groups this import adds
    group_ids: list[int]  # 0: the next of `new_groups`
    values: dict[str, Any]  # added: every stored value; else the changes


class _Importer:
    """The database side of one people import.

    Every row is validated and matched in plain Python first (the existing people, organizations,
    groups and memberships are read once into dictionaries); then everything is written in a few
    bulk INSERTs and UPDATEs. Records this import adds carry negative placeholder ids until
    then. Nothing is written on a dry run or when the import is refused.
    """

    def __init__(
        self, session: Session, plan: PeopleImport, report: ImportReport, *, dry_run: bool
    ) -> None:
        self.session = session
        self.plan = plan
        self.report = report
        self.dry_run = dry_run
        self.by_email: dict[str, list[_Known]] = defaultdict(list)
        self.by_name_org: dict[tuple[str, int | None], list[_Known]] = defaultdict(list)
        people_table = Person.__table__
        columns = [people_table.c[name] for name in ("id", *people.FIELDS)]
        # Each person's stored values, and the values of those this import adds (negative ids).
        self.values: dict[int, dict[str, Any]] = {
            row["id"]: dict(row) for row in session.execute(select(*columns)).mappings()
        }
        for pid, row in self.values.items():
            self._index(pid, row["email"], row["name_latin"], row["organization_id"])
        self.orgs: dict[str, int] = {}
        for org_id, name_en, name_local in session.execute(
            select(Organization.id, Organization.name_en, Organization.name_local)
        ):
            for name in (name_en, name_local):
                if name:
                    self.orgs.setdefault(name.casefold(), org_id)
        self.groups: dict[str, int] = {
            name.casefold(): gid for gid, name in session.execute(select(Group.id, Group.name))
        }
        self.members: set[tuple[int, int]] = set(
            (g, p)
            for g, p in session.execute(select(group_members.c.group_id, group_members.c.person_id))
        )
        self.new_orgs: dict[int, dict[str, str]] = {}
        self.new_groups: dict[int, str] = {}
        self.added: list[int] = []  # placeholder ids of the people to insert, in row order
        self.changed: dict[int, dict[str, Any]] = defaultdict(dict)  # existing id -> changes
        self.joining: list[tuple[int, int]] = []  # (group id, person id)
        self.seen_email: dict[str, int] = {}
        self.seen_name: dict[tuple[str, str], int] = {}
        self._next = 0

    def _placeholder(self) -> int:
        self._next -= 1
        return self._next

    def _index(self, person_id: int, email: str, name: str, org_id: int | None) -> None:
        known = _Known(person_id, email)
        if email:
            self.by_email[email.casefold()].append(known)
        self.by_name_org[(name.casefold(), org_id)].append(known)

    def run(self) -> None:
        plan = self.plan
        table = prepare_columns(plan.table, plan.mapping, day_first=plan.day_first)
        if table.numbers and self._all_new(table):
            return
        rows = table.rows()
        if not rows:
            self.report.note("", _("the table has a header but no data rows"))
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
                planned = self._plan(row)
            except TourPlannerError as exc:
                self.report.error(where, str(exc))
                self.report.record(where, "skipped", title=row.name)
                continue
            self.report.record(where, self._keep(row, planned), title=row.name)
        refused = bool(self.report.errors) and not self.plan.skip_invalid
        if not (self.dry_run or refused):
            self._write()

    # --- a table of new people, column by column -------------------------------------------

    def _all_new(self, table: PreparedColumns) -> bool:
        """Import a table whose every row adds a new person, column by column; False, having
        changed nothing, when some row may not (a problem, a match, a check to word): then
        the rows are taken one by one, as `_plan` and `_keep` do, with the same outcome.

        A row adds a new person when it has no problem, its email is in no other row and no
        person's, and its name and organization are in no other row and no person's: then
        matching cannot find anyone. Organizations and groups are then looked up once per
        distinct name, in the rows' order, as the rows would add them.
        """
        if table.problems:
            return False
        count = len(table.numbers)
        emails = list(map(str.casefold, filter(None, table.fields.get("email", ()))))
        if len(set(emails)) != len(emails) or not self.by_email.keys().isdisjoint(emails):
            return False
        orgs = self._new_organizations(table)
        if orgs is None:
            return False
        org_ids, new_orgs = orgs
        keys = set(zip(map(str.casefold, table.fields["name_latin"]), org_ids, strict=True))
        if len(keys) != count or not self.by_name_org.keys().isdisjoint(keys):
            return False
        checked = people.checked_columns(table.fields, count)
        links = self._new_memberships(table)
        if checked is None or links is None:
            return False
        new_groups, joining = links
        for i, notes in table.notes.items():
            for note in notes:
                self.report.note(f"row {table.numbers[i]}", note)
        wheres = [f"row {n}" for n in table.numbers]
        self.report.record_all(wheres, "added", checked["name_latin"])
        if self.dry_run:
            return True
        real: dict[int | None, int | None] = {None: None}
        real |= self._insert(Organization, new_orgs)
        real |= self._insert(Group, {k: {"name": n} for k, n in new_groups.items()})
        # `_real` over a column, in C: a stored id is not among the placeholders, kept as is.
        values: dict[str, list[Any]] = {
            **checked,
            "organization_id": list(map(real.get, org_ids, org_ids)),
        }
        ids = insert_columns(self.session, Person, values, count)
        if joining:
            group_ids, rows = zip(*joining, strict=True)
            members: dict[str, list[Any]] = {
                "group_id": list(map(real.get, group_ids, group_ids)),
                "person_id": list(map(ids.__getitem__, rows)),
            }
            insert_link_columns(self.session, group_members, members)
        self._expire(set(), {g for g, _ in joining if g > 0})
        return True

    def _new_organizations(
        self, table: PreparedColumns
    ) -> tuple[list[int | None], dict[int, dict[str, str]]] | None:
        """Each row's organization id, and the organizations the rows add (placeholder ids),
        as `_organization` and `_keep` find and add them; None if one cannot be added."""
        known = dict(self.orgs)
        new: dict[int, dict[str, str]] = {}
        found: dict[tuple[str, str], int | None] = {}
        pairs = list(zip(table.organization, table.organization_local, strict=True))
        for i, pair in enumerate(pairs):
            if pair in found:
                continue
            names = [n for n in pair if n]
            org_id = next((known[n.casefold()] for n in names if n.casefold() in known), None)
            if names and org_id is None:
                english, local = pair
                try:
                    values = organizations.organization_values(
                        {
                            "name_en": english or local,
                            "name_local": local if english else "",
                            "country": table.country[i],
                        }
                    )
                except TourPlannerError:
                    return None
                org_id = self._next - 1 - len(new)
                new[org_id] = values
                for name in names:
                    known[name.casefold()] = org_id
            found[pair] = org_id
        self._next -= len(new)
        return [found[pair] for pair in pairs], new

    def _new_memberships(
        self, table: PreparedColumns
    ) -> tuple[dict[int, str], list[tuple[int, int]]] | None:
        """The groups the rows add (placeholder ids) and each (group id, row index) to link,
        as `_group_ids` and `_keep` find them; None if a group name is refused."""
        known = dict(self.groups)
        new: dict[int, str] = {}
        joining: list[tuple[int, int]] = []
        extra = (self.plan.group,) if self.plan.group else ()
        # Once a row's groups are known, a row with the same groups joins the same ones.
        found: dict[tuple[str, ...], list[int]] = {}
        for i, groups in enumerate(table.groups):
            names = (*groups, *extra)
            ids = found.get(names)
            if ids is None:
                ids = []
                for name in dict.fromkeys(names):
                    folded = name.casefold()
                    if folded not in known:
                        if len(name) > 200:  # what v.required_text refuses of a group's name
                            return None
                        known[folded] = self._next - 1 - len(new)
                        new[known[folded]] = name
                    ids.append(known[folded])
                ids = found[names] = list(dict.fromkeys(ids))
            for group_id in ids:
                joining.append((group_id, i))
        self._next -= len(new)
        return new, joining

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

    # --- deciding, without writing ---------------------------------------------------------

    def _organization(self, row: PreparedRow) -> tuple[int | None, dict[str, str] | None]:
        """The row's organization id, and its checked values when this import adds it."""
        names = [n for n in (row.organization, row.organization_local) if n]
        if not names:
            return None, None
        for name in names:
            if name.casefold() in self.orgs:
                return self.orgs[name.casefold()], None
        values = organizations.organization_values(
            {
                "name_en": row.organization or row.organization_local,
                "name_local": row.organization_local if row.organization else "",
                "country": row.country,
            }
        )
        return self._placeholder(), values

    def _group_ids(self, row: PreparedRow) -> tuple[list[int], dict[str, str]]:
        """The row's group ids, and the groups this import adds for it (by folded name)."""
        names = list(row.groups)
        if self.plan.group:
            names.append(self.plan.group)
        ids, new = [], {}
        for name in dict.fromkeys(names):
            folded = name.casefold()
            if folded in self.groups:
                ids.append(self.groups[folded])
            elif folded not in new:
                new[folded] = v.required_text(name, "name")  # what create_group checks first
                ids.append(0)  # numbered when the row is kept
        return ids, new

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
            ids = ", ".join(f"#{k.id}" for k in candidates if k.id > 0) or "added by this import"
            raise TourPlannerError(
                _("matches several people already in the plan ({ids})").format(ids=ids)
            )
        return candidates[0].id if candidates else None

    def _plan(self, row: PreparedRow) -> _RowPlan:
        """Check the row and decide what it does; raises TourPlannerError for a bad row."""
        org_id, org_values = self._organization(row)
        fields: dict[str, Any] = {k: val for k, val in row.fields.items() if val}
        if org_id is not None:
            fields["organization_id"] = org_id
        group_ids, new_groups = self._group_ids(row)
        person_id = self._existing(row.fields, org_id)
        checked = {**people.checked_values(fields), "organization_id": org_id}
        org = None if org_values is None or org_id is None else (org_id, org_values)
        if person_id is None:
            return _RowPlan("added", self._placeholder(), org, new_groups, group_ids, checked)
        current = self.values[person_id]
        changes = {k: checked[k] for k in fields if current[k] != checked[k]}
        outcome = "updated" if changes else "unchanged"
        return _RowPlan(outcome, person_id, org, new_groups, group_ids, changes)

    def _keep(self, row: PreparedRow, planned: _RowPlan) -> str:
        """Take a checked row into the import; returns its outcome."""
        if planned.org is not None:
            org_id, values = planned.org
            self.new_orgs[org_id] = values
            for name in (row.organization, row.organization_local):
                if name:
                    self.orgs[name.casefold()] = org_id
        fresh = []
        for folded, name in planned.new_groups.items():
            fresh.append(self._placeholder())
            self.new_groups[fresh[-1]] = name
            self.groups[folded] = fresh[-1]
        numbered = iter(fresh)
        group_ids = [gid or next(numbered) for gid in planned.group_ids]
        person_id, outcome = planned.person_id, planned.outcome
        if outcome == "added":
            self.values[person_id] = planned.values
            self.added.append(person_id)
            email = row.fields.get("email", "")
            self._index(person_id, email, row.name, planned.values["organization_id"])
        elif planned.values:
            self.values[person_id].update(planned.values)
            if person_id > 0:
                self.changed[person_id].update(planned.values)
        for group_id in dict.fromkeys(group_ids):
            if (group_id, person_id) not in self.members:
                self.members.add((group_id, person_id))
                self.joining.append((group_id, person_id))
                if outcome == "unchanged":
                    outcome = "updated"
        return outcome

    # --- writing, in bulk ------------------------------------------------------------------

    def _write(self) -> None:
        """Insert the new organizations, groups, people and memberships; update the rest."""
        real: dict[int | None, int | None] = {None: None}
        real |= self._insert(Organization, self.new_orgs)
        real |= self._insert(Group, {k: {"name": n} for k, n in self.new_groups.items()})
        added = {p: self.values[p] for p in self.added}
        for values in added.values():
            values["organization_id"] = _real(real, values["organization_id"])
        real |= self._insert(Person, added)
        stamp = stamp_values(self.session)
        updates = [
            {**ch, "id": pid, **_org_of(ch, real), **stamp}
            for pid, ch in self.changed.items()
            if ch
        ]
        if updates:
            self.session.execute(update(Person), with_versions(self.session, Person, updates))
        links = [{"group_id": _real(real, g), "person_id": _real(real, p)} for g, p in self.joining]
        insert_links(self.session, group_members, links)
        self._expire({*self.changed, *(p for _, p in self.joining)}, {g for g, _ in self.joining})

    def _insert(
        self, model: type[Base], rows: dict[int, dict[str, Any]]
    ) -> dict[int | None, int | None]:
        """Insert rows kept under placeholder ids; returns placeholder -> new id."""
        ids = insert_rows(self.session, model, list(rows.values()))
        return dict(zip(rows, ids, strict=True))

    def _expire(self, person_ids: set[int], group_ids: set[int]) -> None:
        """Objects the caller's session holds for rows written past it are read afresh."""
        for obj in list(self.session.identity_map.values()):
            if (isinstance(obj, Person) and obj.id in person_ids) or (
                isinstance(obj, Group) and obj.id in group_ids
            ):
                self.session.expire(obj)


def _real(real: dict[int | None, int | None], some_id: int | None) -> int | None:
    """An id as stored: a placeholder (negative) becomes the id its row was given."""
    return real[some_id] if some_id is None or some_id < 0 else some_id


def _org_of(changes: dict[str, Any], real: dict[int | None, int | None]) -> dict[str, Any]:
    if "organization_id" not in changes:
        return {}
    return {"organization_id": _real(real, changes["organization_id"])}


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
    # A row's cells are kept to the end (see the collector): paused from reading to writing,
    # not resumed in between to walk the table just read.
    with cycle_collection_paused():
        table = read_table(path)
        plan = PeopleImport(
            table, mapping, group=group, skip_invalid=skip_invalid, day_first=day_first
        )
        return plan.run(session, dry_run=dry_run)
