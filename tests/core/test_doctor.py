"""`tourplanner doctor`: each finding named; --repair mends links after a backup; `check` and
exports meet an unusable row with one `error:` sentence naming it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tourplanner.db import backups, doctor


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tourplanner", *args], capture_output=True, text=True, timeout=120
    )


def spoil(path: Path, *statements: str) -> None:
    """Change rows behind the app's back, as another tool or an old bug might have."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def item_ids(path: Path, count: int) -> list[int]:
    """Items of the conference (what the booklet and schedule print), without repeat rules."""
    conn = sqlite3.connect(path)
    try:
        query = (
            "SELECT items.id FROM items JOIN programmes ON programmes.id = items.programme_id "
            "WHERE programmes.kind = 'conference' AND recurrence = '' ORDER BY items.id LIMIT ?"
        )
        return [r[0] for r in conn.execute(query, (count,))]
    finally:
        conn.close()


def conference_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id FROM programmes WHERE kind = 'conference'").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.tourplan"
    path.write_bytes(demo_template.read_bytes())
    return path


def test_a_healthy_plan(demo: Path) -> None:
    assert doctor.examine(demo).findings == []
    result = cli("doctor", str(demo))
    assert result.returncode == 0 and "no problems found" in result.stdout


def test_each_unusable_row_is_named(demo: Path) -> None:
    a, b, c, d, e, f, g, h = item_ids(demo, 8)
    spoil(
        demo,
        f"UPDATE items SET end_utc = '2015-04-01 00:00:00.000000' WHERE id = {a}",
        f"UPDATE items SET timezone = 'Mars/Olympus' WHERE id = {b}",
        f"UPDATE items SET start_utc = 'soon' WHERE id = {c}",
        f"UPDATE items SET recurrence = 'FREQ=SOMETIMES' WHERE id = {d}",
        f"UPDATE items SET kind = 'party' WHERE id = {e}",
        f"UPDATE items SET status = 'maybe' WHERE id = {f}",
        f"UPDATE items SET room_id = 9999 WHERE id = {g}",
        f"UPDATE items SET venue_id = 9998 WHERE id = {h}",
        "UPDATE participations SET person_id = 9997 WHERE id = 1",
        "UPDATE programmes SET end_date = '9999-12-31' WHERE id = 1",
    )
    findings = doctor.examine(demo).findings
    text = "\n".join(findings)
    assert f"item #{a} ends (2015-04-01 00:00:00.000000) before it starts" in text
    assert f"item #{b} has an unknown time zone 'Mars/Olympus'" in text
    assert f"item #{c} has an unreadable start_utc 'soon'" in text
    assert f"item #{d} has an unreadable repeat rule 'FREQ=SOMETIMES'" in text
    assert f"item #{e} has an unknown kind 'party'" in text
    assert f"item #{f} has an unknown status 'maybe'" in text
    assert f"item #{g} points to room #9999 (room_id), which does not exist" in text
    assert f"item #{h} points to venue #9998 (venue_id), which does not exist" in text
    assert "booking #1 points to person #9997 (person_id), which does not exist" in text
    assert "programme #1 has end_date '9999-12-31', outside the years 1900-2999" in text
    result = cli("doctor", str(demo))
    assert result.returncode == 1
    assert result.stdout.count("problem: ") == len(findings) >= 10


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE items SET start_utc = 'soon' WHERE id = {id}",
        "UPDATE items SET timezone = 'Mars/Olympus' WHERE id = {id}",
        "UPDATE items SET recurrence = 'FREQ=SOMETIMES' WHERE id = {id}",
    ],
    ids=["garbage-time", "unknown-zone", "garbage-rrule"],
)
def test_check_and_exports_meet_an_unusable_row_with_a_sentence(
    demo: Path, tmp_path: Path, statement: str
) -> None:
    [target] = item_ids(demo, 1)
    spoil(demo, statement.format(id=target))
    for args in (
        ["check", str(demo)],
        ["export", "ics", str(demo), "-o", str(tmp_path / "all.ics")],
        ["export", "programme", str(demo), "-o", str(tmp_path / "booklet.pdf")],
        [
            "export",
            "schedule",
            str(demo),
            "--programme",
            str(conference_id(demo)),
            "-o",
            str(tmp_path / "s.json"),
        ],
    ):
        result = cli(*args)
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, result.stderr)
        assert f"item #{target}" in lines[0] and "tourplanner doctor" in lines[0], lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.tourplan"]


def test_repair_backs_up_then_mends_links_and_leaves_judgement_to_the_user(demo: Path) -> None:
    a, g, h = item_ids(demo, 3)
    spoil(
        demo,
        f"UPDATE items SET timezone = 'Mars/Olympus' WHERE id = {a}",
        f"UPDATE items SET room_id = 9999 WHERE id = {g}",
        f"UPDATE items SET venue_id = 9998 WHERE id = {h}",
        "UPDATE participations SET person_id = 9997 WHERE id = 1",
    )
    before = demo.read_bytes()
    result = cli("doctor", str(demo), "--repair")
    assert result.returncode == 1, result.stderr
    assert f"cleared the link of item #{g} to the missing room #9999" in result.stdout
    assert "removed booking #1, which belonged to the missing person #9997" in result.stdout
    [backup] = backups.list_backups(demo)
    assert backup.reason == "repair" and backup.path.read_bytes() == before
    left = doctor.examine(demo).findings
    assert left == [
        f"item #{h} points to venue #9998 (venue_id), which does not exist",
        f"item #{a} has an unknown time zone 'Mars/Olympus'",
    ]
    assert sorted(p.name for p in demo.parent.iterdir()) == ["demo.tourplan"]


def test_repair_rebuilds_a_broken_index(demo: Path) -> None:
    # An index that disagrees with its table: its entries rewritten behind SQLite's back.
    conn = sqlite3.connect(demo, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'ix_people_name_latin'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(demo.read_bytes())
    page = 4096
    start = (root - 1) * page
    body = data[start + 100 : start + page]
    data[start + 100 : start + page] = body.replace(b"a", b"q")
    demo.write_bytes(bytes(data))
    found = doctor.examine(demo).findings
    assert found and found[0].startswith("the database check failed")
    # (The open-time quick_check reads the structure only; index contents are doctor's.)
    result = cli("doctor", str(demo), "--repair")
    assert "repaired: rebuilt the indexes" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0
    assert cli("info", str(demo)).returncode == 0
