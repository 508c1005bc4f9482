"""`bring-back`: what was changed in a copy taken offline, replayed onto its team plan.

Each row is compared three ways: as it was when the copy was taken (the copy's `team_base`),
as the copy holds it now, and as the team plan holds it now. A row changed only offline is
written; a row changed on both sides (differently) is a conflict, decided by the user: keep
mine (the copy's) or keep theirs (the team plan's). With a conflict undecided nothing is
written; once all are decided everything goes in one transaction, after a backup of the team
plan (a plan file in the backups folder), so nothing is lost either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, and_, select

from tourplanner.db.planfile import PlanFile
from tourplanner.db.teamplan import TeamPlan
from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.team import offline
from tourplanner.team.copy import plan_tables

MINE, THEIRS = "mine", "theirs"


@dataclass(frozen=True)
class Conflict:
    """A row changed both offline and on the team plan since the copy was taken."""

    table: str
    key: str
    mine: str  # what the copy did: "changed", "added", "deleted"
    theirs: str

    @property
    def name(self) -> str:
        """How the user names it when deciding: "items:12"."""
        return f"{self.table}:{':'.join(str(k) for k in _key_values(self.key))}"

    def sentence(self) -> str:
        return _("{name}: {mine} offline, {theirs} on the team plan meanwhile").format(
            name=self.name, mine=self.mine, theirs=self.theirs
        )


@dataclass
class BringBackReport:
    applied: int = 0
    kept_theirs: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    backup: Path | None = None

    def summary(self) -> str:
        text = _("brought back {applied} offline changes").format(applied=self.applied)
        if self.kept_theirs:
            text = _("{text}, {kept} kept as the team plan has them").format(
                text=text, kept=self.kept_theirs
            )
        if self.backup:
            text = _("{text}; the team plan before it: {backup}").format(
                text=text, backup=self.backup
            )
        return text


class UndecidedConflicts(TourPlannerError):
    """Rows changed on both sides, not yet decided: nothing was written."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        super().__init__(
            f"{len(conflicts)} records were changed both offline and on the team plan; "
            "nothing was written: decide each with --mine NAME or --theirs NAME "
            "(or all with --keep mine|theirs): " + "; ".join(c.sentence() for c in conflicts)
        )


@dataclass
class _Step:
    table: Table
    key: str
    mine: Any  # the copy's row (a mapping) or None: deleted offline
    theirs: Any  # the team plan's row or None


def bring_back(
    copy_path: Path,
    *,
    decisions: dict[str, str] | None = None,
    keep: str | None = None,
    backup_to: Path | None = None,
) -> BringBackReport:
    """Replay the copy's offline changes onto its team plan in one transaction; a conflict
    without a decision (by name in `decisions`, or `keep` for all) refuses and writes nothing."""
    decisions = decisions or {}
    with PlanFile.open(copy_path) as copy, copy.engine.connect() as local:
        url, _taken, done = offline.origin(local)
        if done:
            raise TourPlannerError(
                _("{copy_path} was brought back already; take the team plan offline again").format(
                    copy_path=copy_path
                )
            )
        report = BringBackReport()
        with TeamPlan.open(url) as team, team.engine.connect() as remote, remote.begin():
            steps, conflicts = _compare(local, remote)
            undecided = [c for c in conflicts if (decisions.get(c.name) or keep) is None]
            if undecided:
                raise UndecidedConflicts(undecided)
            report.conflicts = conflicts
            chosen = {c.key + c.table: decisions.get(c.name) or keep for c in conflicts}
            wanted = [s for s in steps if chosen.get(s.key + s.table.name, MINE) == MINE]
            report.kept_theirs = len(steps) - len(wanted)
            report.backup = _backup(team, backup_to)
            _apply(remote, wanted)
            report.applied = len(wanted)
        local.rollback()  # the reads' transaction; the mark is a write of its own
        with local.begin():
            offline.mark_brought_back(local)
    return report


def _compare(local: Connection, remote: Connection) -> tuple[list[_Step], list[Conflict]]:
    steps: list[_Step] = []
    conflicts: list[Conflict] = []
    for table in plan_tables():
        base = offline.base_rows(local, table.name)
        mine = _rows(local, table)
        keys = set(base) | set(mine)
        theirs = _rows(remote, table, lock=True)
        for key in sorted(keys):
            before, now = base.get(key), offline.frozen(mine.get(key))
            if before == now:
                continue  # not changed offline
            team_now = offline.frozen(theirs.get(key))
            step = _Step(table, key, mine.get(key), theirs.get(key))
            if team_now == now:
                continue  # the same change made on both sides
            if team_now != before:
                conflicts.append(
                    Conflict(table.name, key, _what(before, now), _what(before, team_now))
                )
            steps.append(step)
    return steps, conflicts


def _rows(conn: Connection, table: Table, *, lock: bool = False) -> dict[str, Any]:
    query = select(table)
    if lock:
        query = query.with_for_update()  # nobody writes these rows until the replay commits
    return {offline.row_key(table, r): r for r in conn.execute(query).mappings()}


def _what(before: str | None, after: str | None) -> str:
    if before is None:
        return "added"
    return "deleted" if after is None else "changed"


def _apply(remote: Connection, steps: list[_Step]) -> None:
    """Deletions children first, then additions and changes parents first."""
    for step in reversed(steps):
        if step.mine is None and step.theirs is not None:
            remote.execute(step.table.delete().where(_where(step.table, step.theirs)))
    for step in steps:
        if step.mine is None:
            continue
        values = dict(step.mine)
        if step.theirs is None:
            remote.execute(step.table.insert(), [values])
            continue
        if "version" in values:  # the team row's version moves on past both sides
            values["version"] = max(int(step.theirs["version"]), int(values["version"])) + 1
        remote.execute(step.table.update().where(_where(step.table, step.theirs)).values(values))


def _where(table: Table, row: Any) -> Any:
    return and_(*(c == row[c.name] for c in table.primary_key.columns))


def _key_values(key: str) -> list[Any]:
    import json

    return list(json.loads(key))


def _backup(team: TeamPlan, folder: Path | None) -> Path:
    return offline.backup_team_plan(team, reason="bring-back", folder=folder)
