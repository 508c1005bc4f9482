"""Import benchmark: each import beside its floor, measured in the same run, interleaved.

- people: a 5,000-row CSV through `import_people`, against `csv` + one sqlite3 `executemany`
  into the same `people` table of the same kind of plan file;
- calendar: a 10,000-event .ics through `import_ics`, against `icalendar.Calendar.from_ical`
  (reading each event's start, end and summary) + one `executemany` into `items`;
- schedule: a 5,000-event c3voc schedule.json through `import_schedule`, against its parse
  (`read_schedule`, the reader the import uses) + one `executemany` into `items`.

Times are CPU seconds of this process (the machine is shared: wall time mostly measures the
neighbours), the median of --repeat runs, the floor and TourPlanner taking turns, each on a
fresh copy of an empty plan file.

    .venv/bin/python -m benchmarks.bench_imports [--repeat N] [--people N] [--events N]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

BASE = datetime(2015, 4, 20, 1, 0, tzinfo=UTC)
ROLES = ("delegate", "speaker", "official", "interpreter", "staff")


def people_csv(rows: int) -> str:
    """A delegate list: name, email, organization, group, role, phone, dietary needs."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Email", "Organization", "Group", "Role", "Phone", "Dietary"])
    for n in range(rows):
        writer.writerow(
            [
                f"Person {n:05d}",
                f"person{n}@example.org",
                f"Organization {n % 50}",
                f"Delegation {n % 20}",
                ROLES[n % len(ROLES)],
                f"+86 755 {n:07d}",
                "vegetarian" if n % 7 == 0 else "",
            ]
        )
    return out.getvalue()


def calendar_ics(events: int) -> bytes:
    """A calendar of one-hour sessions, ten a day, in Shanghai time."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for n in range(events):
        start = BASE + timedelta(days=n // 10, hours=n % 10)
        end = start + timedelta(hours=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{n}@bench.example.org",
            f"DTSTAMP:{BASE:%Y%m%dT%H%M%SZ}",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{end:%Y%m%dT%H%M%SZ}",
            f"SUMMARY:Session {n}",
            f"DESCRIPTION:About session {n}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def schedule_json(events: int) -> bytes:
    """A c3voc schedule.json: ten rooms, ten sessions a room a day, no speakers."""
    days_count = max(1, events // 100)
    days = []
    n = 0
    for d in range(days_count):
        day = (BASE + timedelta(days=d)).astimezone(UTC).date()
        rooms: dict[str, list[dict[str, object]]] = {}
        for r in range(10):
            talks = []
            for h in range(10):
                if n >= events:
                    break
                talks.append(
                    {
                        "guid": f"00000000-0000-4000-8000-{n:012d}",
                        "id": n,
                        "date": f"{day}T{8 + h:02d}:00:00+08:00",
                        "start": f"{8 + h:02d}:00",
                        "duration": "00:45",
                        "room": f"Room {r}",
                        "title": f"Talk {n}",
                        "type": "Talk",
                        "track": "",
                        "language": "en",
                        "abstract": f"About talk {n}",
                        "persons": [],
                    }
                )
                n += 1
            rooms[f"Room {r}"] = talks
        days.append({"index": d + 1, "date": str(day), "rooms": rooms})
    conference = {
        "acronym": "bench",
        "title": "Benchmark conference",
        "start": days[0]["date"],
        "end": days[-1]["date"],
        "daysCount": days_count,
        "time_zone_name": "Asia/Shanghai",
        "rooms": [{"name": f"Room {r}"} for r in range(10)],
        "days": days,
    }
    return json.dumps({"schedule": {"version": "1", "conference": conference}}).encode()


def empty_plan(folder: Path) -> tuple[Path, int]:
    """A new plan file with one programme (the calendar's); returns it and the programme id."""
    from tourplanner.db import PlanFile
    from tourplanner.services import plans, programmes

    path = folder / "template.tourplan"
    with PlanFile.create(path) as plan, plan.transaction() as s:
        plans.create_plan(s, title="Bench", home_timezone="Asia/Shanghai", organization="ICMA")
        programme = programmes.create_programme(
            s,
            title_en="Calendar",
            kind="conference",
            start_date=BASE.date(),
            end_date=(BASE + timedelta(days=1200)).date(),
            timezone="Asia/Shanghai",
        )
    return path, programme


def fresh_copy(template: Path, folder: Path, name: str) -> Path:
    target = folder / f"{name}.tourplan"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


# --- the floors: parse, then one executemany into the same table ---------------------------


def floor_people(path: Path, text: str) -> int:
    reader = csv.reader(io.StringIO(text))
    next(reader)
    rows = [(name, email, role, phone, diet) for name, email, _o, _g, role, phone, diet in reader]
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO people (name_latin, name_local, honorific, role, email, phone,"
            " preferred_language, dietary_needs, accessibility_needs, emergency_contact,"
            " passport_visa_notes, medical_notes, notes)"
            " VALUES (?, '', '', ?, ?, ?, '', ?, '', '', '', '', '')",
            rows,
        )
    return len(rows)


def _insert_items(path: Path, programme: int, rows: list[tuple[object, ...]]) -> int:
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO items (uid, programme_id, title_en, title_local, kind, start_utc,"
            " end_utc, timezone, description, status, track, language, recurrence, exdates,"
            f" sequence) VALUES (?, {programme}, ?, '', 'session', ?, ?, 'UTC', ?, 'confirmed',"
            " '', '', '', '', 0)",
            rows,
        )
    return len(rows)


def floor_calendar(path: Path, data: bytes, programme: int) -> int:
    from icalendar import Calendar

    rows = []
    for event in Calendar.from_ical(data).walk("VEVENT"):
        start = _naive_utc(event.decoded("DTSTART"))
        end = _naive_utc(event.decoded("DTEND"))
        rows.append(
            (str(event["UID"]), str(event["SUMMARY"]), start, end, str(event["DESCRIPTION"]))
        )
    return _insert_items(path, programme, rows)


def floor_schedule(path: Path, data: bytes, programme: int) -> int:
    # The parse floor is the schedule reader itself (c3voc times, zones and durations are the
    # reading's work, which the write path does not change), then one executemany.
    from tourplanner.interchange.schedule_read import read_schedule

    rows = [
        (ev.guid, ev.title, _naive_utc(ev.start), _naive_utc(ev.end), ev.abstract)
        for ev in read_schedule(data, home_zone="Asia/Shanghai").events
    ]
    return _insert_items(path, programme, rows)


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None)


# --- TourPlanner ---------------------------------------------------------------------------


def ours_people(path: Path, csv_path: Path) -> int:
    from tourplanner.db import PlanFile
    from tourplanner.interchange.people_import import import_people

    with PlanFile.open(path) as plan, plan.transaction() as s:
        return import_people(s, csv_path).added


def ours_calendar(path: Path, data: bytes, programme: int) -> int:
    from tourplanner.db import PlanFile
    from tourplanner.interchange.ics_import import import_ics

    with PlanFile.open(path) as plan, plan.transaction() as s:
        return import_ics(s, data, programme_id=programme).added


def ours_schedule(path: Path, data: bytes, _programme: int) -> int:
    from tourplanner.db import PlanFile
    from tourplanner.interchange.schedule_import import import_schedule

    with PlanFile.open(path) as plan, plan.transaction() as s:
        return import_schedule(s, data, programme="Schedule").added


def cpu(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def compare(
    label: str,
    template: Path,
    folder: Path,
    floor: Callable[[Path], int],
    ours: Callable[[Path], int],
    repeat: int,
) -> float:
    """Run floor and ours in turns on fresh plan copies; print the medians and the ratio."""
    floors, theirs = [], []
    for _ in range(repeat):
        took, n_floor = cpu(lambda: floor(fresh_copy(template, folder, "floor")))
        floors.append(took)
        took, n_ours = cpu(lambda: ours(fresh_copy(template, folder, "ours")))
        theirs.append(took)
        assert n_floor == n_ours, f"{label}: floor wrote {n_floor} rows, TourPlanner {n_ours}"
    floor_t, ours_t = statistics.median(floors), statistics.median(theirs)
    ratio = ours_t / floor_t
    # Each turn's own ratio too: on a shared machine a neighbour's burst slows both sides.
    turns = sorted(o / f for o, f in zip(theirs, floors, strict=True))
    print(
        f"{label:<34} {ratio:6.2f}x   TourPlanner {ours_t:7.3f} s   floor {floor_t:7.3f} s"
        f"   ({n_ours:,} rows, CPU, median of {repeat}; turns {turns[0]:.2f}-{turns[-1]:.2f}x,"
        f" TourPlanner {min(theirs):.3f}-{max(theirs):.3f} s,"
        f" floor {min(floors):.3f}-{max(floors):.3f} s)"
    )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--talks", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("people", "calendar", "schedule"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template, programme = empty_plan(folder)
        # Imported once first, so every module is loaded before anything is timed.
        warm = folder / "warm.csv"
        warm.write_text(people_csv(3), encoding="utf-8")
        ours_people(fresh_copy(template, folder, "warm"), warm)
        if args.only in (None, "people"):
            text = people_csv(args.people)
            csv_path = folder / "people.csv"
            csv_path.write_text(text, encoding="utf-8")
            compare(
                f"people CSV, {args.people:,} rows",
                template,
                folder,
                lambda p: floor_people(p, text),
                lambda p: ours_people(p, csv_path),
                args.repeat,
            )
        if args.only in (None, "calendar"):
            ics = calendar_ics(args.events)
            compare(
                f".ics, {args.events:,} events",
                template,
                folder,
                lambda p: floor_calendar(p, ics, programme),
                lambda p: ours_calendar(p, ics, programme),
                args.repeat,
            )
        if args.only in (None, "schedule"):
            schedule = schedule_json(args.talks)
            compare(
                f"schedule.json, {args.talks:,} talks",
                template,
                folder,
                lambda p: floor_schedule(p, schedule, programme),
                lambda p: ours_schedule(p, schedule, programme),
                args.repeat,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
