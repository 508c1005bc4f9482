"""Check a plan file and repair what can be repaired without guessing (Anki's Check Database).

Reads through plain SQLite, not the ORM, so rows the app cannot load (a garbage time, an
unknown zone) are named instead of failing. Each finding is one sentence naming the row.
Repair first takes a backup, then rebuilds the indexes (or copies the plan into a fresh file
when that is not enough) and follows each broken link's own rule: a link that would have been
cleared is cleared, a row that would have been deleted with what it points to is deleted.
Everything else (an end before its start, an unknown zone) is left for the user to edit.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tourplanner import enums
from tourplanner.db import backups, lock, sqlite
from tourplanner.errors import PlanFileError
from tourplanner.i18n import _
from tourplanner.printable import FIRST_YEAR, LAST_YEAR

DAMAGE = "the database check failed"
SINGULAR = {
    "items": "item",
    "programmes": "programme",
    "venues": "venue",
    "travel_segments": "travel segment",
    "travellers": "traveller",
    "participations": "booking",
    "people": "person",
    "plans": "plan record",
    "rooms": "room",
    "group_members": "group membership",
}
VOCABULARIES = {
    ("items", "kind"): enums.ItemKind,
    ("items", "status"): enums.ItemStatus,
    ("programmes", "kind"): enums.ProgrammeKind,
    ("people", "role"): enums.PersonRole,
    ("participations", "role"): enums.ParticipationRole,
    ("participations", "status"): enums.ParticipationStatus,
    ("travel_segments", "kind"): enums.TravelKind,
    ("travellers", "status"): enums.TravellerStatus,
}
ZONES = {
    "items": ("timezone",),
    "programmes": ("timezone",),
    "venues": ("timezone",),
    "travel_segments": ("start_timezone", "end_timezone"),
    "plans": ("home_timezone",),
}
SPANS = {
    "items": ("start_utc", "end_utc", datetime),
    "travel_segments": ("start_utc", "end_utc", datetime),
    "programmes": ("start_date", "end_date", date),
}


@dataclass
class DoctorReport:
    """What doctor found, what it repaired, and the backup taken before repairing."""

    findings: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    backup: Path | None = None


def examine(path: Path | str) -> DoctorReport:
    """Every problem of the plan at `path`, each named in a sentence; changes nothing."""
    path = Path(path)
    refuse_other_files(path)
    report = DoctorReport()
    stale = _stale_wal(path)
    if stale:
        report.findings.append(stale)
    from tourplanner.db.planfile import reader_mode

    pending = sqlite.has_pending_wal(path) and not stale
    conn = sqlite.connect(path, reader_mode(path) if pending else "immutable")
    try:
        storage = _storage_findings(conn)
        report.findings += storage
        if not any(f.startswith(DAMAGE) for f in storage):
            report.findings += _row_findings(conn)
    finally:
        conn.close()
    return report


def refuse_other_files(path: Path) -> None:
    """Doctor looks after TourPlanner plans of this version or older, damaged or not: anything
    else (another database, a plan from a newer version) is refused and left alone."""
    from tourplanner.db import migrate
    from tourplanner.db.planfile import REQUIRED_TABLES, check_is_a_file

    check_is_a_file(path)
    try:
        conn = sqlite.connect(path, "immutable")
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            row = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # too damaged to tell: examining it says what is wrong
    if not tables >= REQUIRED_TABLES or row is None:
        raise PlanFileError(_("{path} is a database, but not a TourPlanner plan").format(path=path))
    if row[0] not in migrate.known_revisions():
        raise PlanFileError(
            _(
                "{path} was saved by a newer version of TourPlanner (schema {row}); update TourPlanner to check it"
            ).format(path=path, row=row[0])
        )


def unusable_rows(path: Path) -> list[str]:
    """The rows of a plan the app cannot use, each as a sentence (for commands that failed)."""
    from tourplanner.db.planfile import reader_mode

    conn = sqlite.connect(
        path, "immutable" if not sqlite.has_pending_wal(path) else reader_mode(path)
    )
    try:
        return _row_findings(conn)
    finally:
        conn.close()


def repair(path: Path | str) -> DoctorReport:
    """Back up, then repair what can be repaired without guessing; returns what is left too."""
    path = Path(path)
    refuse_other_files(path)
    lock.acquire(path)
    try:
        return _repair_locked(path)
    finally:
        lock.release(path)


def _repair_locked(path: Path) -> DoctorReport:
    report = DoctorReport()
    report.backup = backups.raw_copy(path, reason="repair")
    if _stale_wal(path):
        for sidecar in (sqlite.wal_path(path), sqlite.shm_path(path)):
            if sidecar.exists():
                shutil.move(
                    sidecar,
                    report.backup.with_name(f"{report.backup.name}-stale{sidecar.name[-4:]}"),
                )
        report.repaired.append(
            f"set aside the leftover {sqlite.wal_path(path).name} that did not belong to "
            f"the plan (kept beside {report.backup})"
        )
    conn = sqlite.connect(path, "write")
    conn.isolation_level = None
    try:
        if _storage_findings(conn):
            conn.execute("REINDEX")
            if _storage_findings(conn):
                conn.close()
                _rebuild(path)
                report.repaired.append("copied every readable row into a fresh file")
                conn = sqlite.connect(path, "write")
                conn.isolation_level = None
            else:
                report.repaired.append("rebuilt the indexes")
        report.repaired += _fix_links(conn)
        report.findings = _storage_findings(conn) + _row_findings(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return report


def _stale_wal(path: Path) -> str | None:
    from tourplanner.db.planfile import check_plan_file, stale_wal_sentence

    if not sqlite.has_pending_wal(path) or lock.read_holder(path) is not None:
        return None
    try:
        check_plan_file(path)
    except PlanFileError as exc:
        if "does not belong" in str(exc):
            return stale_wal_sentence(path)
    return None


def _storage_findings(conn: sqlite3.Connection) -> list[str]:
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [f"the database cannot be read through ({exc})"]
    if problems == ["ok"]:
        problems = []
    found = [f"{DAMAGE}: {p}" for p in problems]
    try:
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError:
        return found
    for table, rowid, parent, fkid in broken:
        column, _target = _link(conn, table, fkid)
        value = _cell(conn, table, rowid, column)
        found.append(
            f"{_row(table, rowid)} points to {SINGULAR.get(parent, parent)} #{value} "
            f"({column}), which does not exist"
        )
    return found


def _row_findings(conn: sqlite3.Connection) -> list[str]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    found: list[str] = []
    for (table, column), vocabulary in VOCABULARIES.items():
        if table not in tables:
            continue
        allowed = {v.value for v in vocabulary}
        for rowid, value in conn.execute(f'SELECT rowid, "{column}" FROM "{table}"'):
            if value not in allowed:
                found.append(f"{_row(table, rowid)} has an unknown {column} {value!r}")
    for table, columns in ZONES.items():
        if table not in tables:
            continue
        for column in columns:
            for rowid, value in conn.execute(f'SELECT rowid, "{column}" FROM "{table}"'):
                if not _zone_ok(value):
                    found.append(f"{_row(table, rowid)} has an unknown time zone {value!r}")
    for table, (start_col, end_col, kind) in SPANS.items():
        if table in tables:
            found += _span_findings(conn, table, start_col, end_col, kind)
    if "items" in tables:
        found += _recurrence_findings(conn)
    return found


def _span_findings(
    conn: sqlite3.Connection, table: str, start_col: str, end_col: str, kind: type
) -> list[str]:
    found = []
    query = f'SELECT rowid, "{start_col}", "{end_col}" FROM "{table}"'
    for rowid, start_text, end_text in conn.execute(query):
        start = _moment(start_text, kind)
        end = _moment(end_text, kind)
        for column, text, value in ((start_col, start_text, start), (end_col, end_text, end)):
            if value is None:
                found.append(f"{_row(table, rowid)} has an unreadable {column} {text!r}")
            elif not FIRST_YEAR <= value.year <= LAST_YEAR:
                found.append(
                    f"{_row(table, rowid)} has {column} {text!r}, outside the years "
                    f"{FIRST_YEAR}-{LAST_YEAR} the app can print"
                )
        if start is not None and end is not None and end < start:
            found.append(f"{_row(table, rowid)} ends ({end_text}) before it starts ({start_text})")
    return found


def _recurrence_findings(conn: sqlite3.Connection) -> list[str]:
    from tourplanner.errors import ValidationError
    from tourplanner.scheduling.recurrence import parse_exdates, parse_rule

    found = []
    query = "SELECT rowid, recurrence, exdates, start_utc FROM items"
    query += " WHERE recurrence != '' OR exdates != ''"
    for rowid, rule, exdates, start_text in conn.execute(query):
        moment = _moment(start_text, datetime)
        start = moment if isinstance(moment, datetime) else datetime(2000, 1, 1)
        try:
            if (rule or "").strip():
                parse_rule(rule, start)
        except ValidationError:
            found.append(f"{_row('items', rowid)} has an unreadable repeat rule {rule!r}")
        except Exception:  # noqa: BLE001 - dateutil raises what it likes on garbage
            found.append(f"{_row('items', rowid)} has an unreadable repeat rule {rule!r}")
        try:
            parse_exdates(exdates or "")
        except ValidationError:
            found.append(f"{_row('items', rowid)} has unreadable exception dates {exdates!r}")
    return found


def _fix_links(conn: sqlite3.Connection) -> list[str]:
    """Follow each broken link's own rule: clear it (SET NULL) or delete the row (CASCADE)."""
    done = []
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, rowid, parent, fkid in conn.execute("PRAGMA foreign_key_check").fetchall():
            column, on_delete = _link(conn, table, fkid)
            value = _cell(conn, table, rowid, column)
            missing = f"{SINGULAR.get(parent, parent)} #{value}"
            if on_delete == "SET NULL":
                conn.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
                done.append(f"cleared the link of {_row(table, rowid)} to the missing {missing}")
            elif on_delete == "CASCADE":
                conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                done.append(
                    f"removed {_row(table, rowid)}, which belonged to the missing {missing}"
                )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return done


def _rebuild(path: Path) -> None:
    """Copy the plan into a fresh file (VACUUM INTO) and put it in the plan's place."""
    fresh = path.with_name(f".{path.name}.rebuilt")
    fresh.unlink(missing_ok=True)
    conn = sqlite.connect(path, "write")
    try:
        conn.execute("VACUUM INTO ?", (str(fresh),))
    except sqlite3.DatabaseError as exc:
        fresh.unlink(missing_ok=True)
        raise PlanFileError(
            _(
                "{path} is too damaged to repair here ({exc}); restore a backup instead (`tourplanner backups {path}`)"
            ).format(path=path, exc=exc)
        ) from exc
    finally:
        conn.close()
    for sidecar in (sqlite.wal_path(path), sqlite.shm_path(path)):
        sidecar.unlink(missing_ok=True)
    os.replace(fresh, path)


def _link(conn: sqlite3.Connection, table: str, fkid: int) -> tuple[str, str]:
    for row in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
        if row[0] == fkid:
            return row[3], row[6]
    return "?", ""


def _cell(conn: sqlite3.Connection, table: str, rowid: int, column: str) -> object:
    try:
        row = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
    except sqlite3.DatabaseError:
        return "?"
    return row[0] if row else "?"


def _row(table: str, rowid: int) -> str:
    return f"{SINGULAR.get(table, table)} #{rowid}"


def _zone_ok(name: object) -> bool:
    if not isinstance(name, str) or not name or name != name.strip():
        return False
    try:
        ZoneInfo(name)
    except Exception:  # noqa: BLE001 - ZoneInfo raises several kinds on bad names
        return False
    return True


def _moment(text: object, kind: type) -> date | None:
    if isinstance(text, str):
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            return None
        return value.date() if kind is date else value
    return None


def refuse_unusable_rows(path: Path | str) -> None:
    """Raise a PlanFileError naming the first row the app cannot use (for `check` and exports,
    which would otherwise fail half-way or leave the row out without a word)."""
    from tourplanner.db.planfile import check_plan_file

    path = Path(path)
    try:
        check_plan_file(path)
        found = unusable_rows(path)
    except PlanFileError:
        return  # not a plan, or damaged: opening it says so
    except sqlite3.DatabaseError:
        return  # not a plan or damaged: opening it says so
    if found:
        raise PlanFileError(unusable_sentence(found, path))


def unusable_sentence(found: list[str], path: Path) -> str:
    if len(found) > 1:
        text = _("{first} (and {more} more); `tourplanner doctor {path}` lists what to fix")
    else:
        text = _("{first}; `tourplanner doctor {path}` lists what to fix")
    return text.format(first=found[0], more=len(found) - 1, path=path)
