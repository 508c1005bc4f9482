"""Synthetic plans of a given size, built through the services, for the benchmarks.

    python -m benchmarks.synthetic OUT.tourplan --people 500 --items 2000 --programmes 5

The same arguments and seed always give the same plan (ids, names, times, bookings).

Shape of a plan:
- Programmes follow each other through 2015: conferences and training programmes hold most items,
  packed back to back in the rooms of venues in their city (rooms are never double-booked);
  tours (post-conference tours, study tours, visits) hold about six stops a day at their own
  landmarks, with a recurring hotel breakfast, a seat capacity and a roster.
- Each person gets exactly `participations_per_person` item bookings, mostly without overlaps
  (about 3% overlap on purpose, so conflict checkers have something to find); tours add
  programme-level bookings for their rosters (capacity confirmed plus two waitlisted).
- About one person in twenty flies in from Washington, stays in a hotel and flies back.
"""

from __future__ import annotations

import argparse
import bisect
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tourplanner.db import PlanFile
from tourplanner.errors import TourPlannerError, ValidationError
from tourplanner.services import items as items_service
from tourplanner.services import organizations, participations, plans, programmes, travel, venues
from tourplanner.services import people as people_service
from tourplanner.services.itinerary import plan_summary
from tourplanner.timezones import to_utc

CHUNK = 2000  # rows per transaction: big enough to be fast, small enough to show progress

# (city, local name, zone, latitude, longitude)
CITIES = [
    ("Beijing", "北京", "Asia/Shanghai", 39.90, 116.40),
    ("Shanghai", "上海", "Asia/Shanghai", 31.23, 121.47),
    ("Shenzhen", "深圳", "Asia/Shanghai", 22.54, 114.06),
    ("Yangzhou", "扬州", "Asia/Shanghai", 32.39, 119.41),
    ("Hangzhou", "杭州", "Asia/Shanghai", 30.27, 120.15),
    ("Washington", "华盛顿", "America/New_York", 38.90, -77.04),
]
TOUR_KINDS = ("post_tour", "study_tour", "visit")
# Programme kinds in order of creation; a post-conference tour follows its conference.
KIND_CYCLE = ("conference", "post_tour", "training", "study_tour", "visit")
SLOT_KINDS = (
    ("session", 40),
    ("panel", 10),
    ("workshop", 10),
    ("plenary", 6),
    ("keynote", 2),
    ("ceremony", 2),
    ("meal", 10),
    ("reception", 3),
    ("site_visit", 6),
    ("transfer", 4),
    ("free_time", 2),
    ("other", 5),
)
TOUR_DAY = (  # (start, minutes, kind, title) — a day on a tour; stops 30 min apart
    ("08:00", 60, "meal", "Breakfast at the hotel"),
    ("09:30", 120, "site_visit", "Morning visit"),
    ("12:00", 60, "meal", "Lunch"),
    ("13:30", 120, "site_visit", "Afternoon visit"),
    ("16:00", 90, "site_visit", "Briefing"),
    ("18:30", 90, "meal", "Dinner"),
)
SURNAMES = [
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
    ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Xu", "徐"), ("Sun", "孙"),
    ("Hu", "胡"), ("Zhu", "朱"), ("Gao", "高"), ("Lin", "林"), ("He", "何"), ("Guo", "郭"),
]  # fmt: skip
GIVEN = [
    ("Wei", "伟"), ("Fang", "芳"), ("Na", "娜"), ("Min", "敏"), ("Jing", "静"), ("Lei", "磊"),
    ("Qiang", "强"), ("Jun", "军"), ("Yang", "洋"), ("Yan", "艳"), ("Jie", "杰"), ("Tao", "涛"),
    ("Ming", "明"), ("Chao", "超"), ("Xiuying", "秀英"), ("Haiyang", "海洋"), ("Hao", "浩"),
]  # fmt: skip
FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
         "Sarah", "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Ahmed", "Sofia"]  # fmt: skip
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson",
        "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "O'Neill", "Gómez"]  # fmt: skip
ORG_PATTERNS = [
    ("{city} Municipal Government", "{local}市人民政府", "China"),
    ("{city} Foreign Experts Bureau", "{local}市外国专家局", "China"),
    ("{city} Urban Planning Institute", "{local}城市规划设计研究院", "China"),
    ("City of {us}", "", "United States"),
    ("{us} County", "", "United States"),
]
US_PLACES = ["Arlington", "Fort Collins", "San Antonio", "Dublin", "Boulder", "Fairfax",
             "Austin", "Durham", "Tacoma", "Ann Arbor", "Olathe", "Sandy Springs"]  # fmt: skip
DIETS = ["", "", "", "", "", "", "Vegetarian", "Halal", "No pork", "Nut allergy", "Gluten-free"]
ROLES = [("delegate", 70), ("speaker", 10), ("official", 8), ("staff", 5), ("interpreter", 3),
         ("guide", 2), ("vip", 2)]  # fmt: skip


@dataclass
class _Programme:
    id: int
    kind: str
    city: int
    start: date
    days: int
    zone: str
    capacity: int
    item_spans: list[tuple[datetime, datetime, int]] = field(default_factory=list)


class _Batches:
    """Writes in transactions of about CHUNK rows, reporting progress on stderr."""

    def __init__(self, plan: PlanFile, *, quiet: bool) -> None:
        self.plan = plan
        self.quiet = quiet
        self.started = time.perf_counter()
        self._context: Any = None
        self._session: Session | None = None
        self._rows = 0
        self._last_report = self.started

    @property
    def session(self) -> Session:
        if self._session is None:
            self._context = self.plan.transaction()
            self._session = self._context.__enter__()
        return self._session

    def done(self, rows: int = 1) -> None:
        self._rows += rows
        if self._rows >= CHUNK:
            self.commit()

    def commit(self) -> None:
        if self._context is not None:
            context, self._context, self._session = self._context, None, None
            context.__exit__(None, None, None)
        self._rows = 0

    def abort(self, exc: BaseException) -> None:
        if self._context is not None:
            context, self._context, self._session = self._context, None, None
            context.__exit__(type(exc), exc, exc.__traceback__)

    def progress(self, what: str, done: int, total: int) -> None:
        """A progress line on stderr, at most every few seconds and at the end of each stage."""
        now = time.perf_counter()
        if self.quiet or (done < total and now - self._last_report < 3.0):
            return
        self._last_report = now
        elapsed = now - self.started
        print(f"  {what:<15} {done:>9,} / {total:<9,} {elapsed:8.1f} s", file=sys.stderr)


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> Callable[[], str]:
    names = [n for n, _ in table]
    weights = [w for _, w in table]
    return lambda: rng.choices(names, weights)[0]


def _hm(text: str) -> tuple[int, int]:
    hours, minutes = text.split(":")
    return int(hours), int(minutes)


def generate_plan(
    path: Path | str,
    *,
    people: int,
    items: int,
    programmes: int,
    seed: int = 0,
    participations_per_person: int | None = None,
    quiet: bool = False,
) -> None:
    """Write a deterministic random plan of the given size to a new file, through the services.

    `participations_per_person` item bookings per person (default: about three bookings per
    item overall, at most the number of items). On any failure the file is removed.
    """
    for name, value in (("people", people), ("items", items), ("programmes", programmes)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(name, f"must be a whole number >= 0 (got {value!r})")
    if programmes < 1:
        raise ValidationError("programmes", "a plan needs at least one programme")
    per_person = (
        min(items, max(1, round(3 * items / people)) if people else 0)
        if participations_per_person is None
        else participations_per_person
    )
    if per_person < 0 or (people and per_person > items):
        raise ValidationError(
            "participations per person", f"must be between 0 and the number of items ({items})"
        )
    path = Path(path)
    plan = PlanFile.create(path)
    batches = _Batches(plan, quiet=quiet)
    try:
        _Generator(batches, random.Random(seed), seed).run(
            people=people, items=items, programmes=programmes, per_person=per_person
        )
        batches.commit()
    except BaseException as exc:
        batches.abort(exc)
        plan.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    plan.close()


class _Generator:
    def __init__(self, batches: _Batches, rng: random.Random, seed: int) -> None:
        self.b = batches
        self.rng = rng
        self.seed = seed
        self.org_ids: list[int] = []
        self.group_ids: list[int] = []
        self.person_ids: list[int] = []
        self.progs: list[_Programme] = []
        self.rooms_by_city: dict[int, list[int]] = {}
        self.hotel_by_city: dict[int, int] = {}
        self.venue_count: dict[int, int] = {}
        self._held_session: Session | None = None
        self._held: dict[tuple[object, int], object] = {}

    def run(self, *, people: int, items: int, programmes: int, per_person: int) -> None:
        s = self.b.session
        plans.create_plan(
            s,
            title=f"Synthetic plan: {people:,} people, {items:,} items, seed {self.seed}",
            home_timezone="Asia/Shanghai",
            organization="Benchmarks",
        )
        self._organizations(people)
        self._people(people)
        self._programmes(programmes, items)
        self._participations(per_person)
        self._rosters()
        self._travel()

    # -- organizations, groups, people -------------------------------------------------------

    def _organizations(self, people: int) -> None:
        count = min(500, max(2, people // 40))
        for n in range(count):
            name_en, name_local, country = ORG_PATTERNS[n % len(ORG_PATTERNS)]
            city, local = CITIES[(n // len(ORG_PATTERNS)) % 5][:2]
            us = US_PLACES[n % len(US_PLACES)]
            suffix = f" ({n + 1})" if n >= len(ORG_PATTERNS) * 5 else ""
            self.org_ids.append(
                organizations.create_organization(
                    self.b.session,
                    name_en=name_en.format(city=city, us=us) + suffix,
                    name_local=name_local.format(local=local),
                    country=country,
                )
            )
        for n in range(max(2, people // 100)):
            self.group_ids.append(
                organizations.create_group(self.b.session, name=f"Delegation {n + 1:03d}")
            )
        self.b.done(len(self.org_ids) + len(self.group_ids))

    def _people(self, people: int) -> None:
        rng = self.rng
        role = _weighted(rng, ROLES)
        members: dict[int, list[int]] = {g: [] for g in self.group_ids}
        for n in range(people):
            if rng.random() < 0.6:
                (family, family_local), (given, given_local) = (
                    rng.choice(SURNAMES),
                    rng.choice(GIVEN),
                )
                latin, local, language = f"{family} {given}", family_local + given_local, "zh"
                email = f"{given}.{family}.{n + 1}@example.cn".lower()
            else:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                latin, local, language = f"{first} {last}", "", "en"
                email = f"{first}.{last}.{n + 1}@example.org".lower().replace("'", "")
            person_id = people_service.create_person(
                self.b.session,
                name_latin=latin,
                name_local=local,
                honorific=rng.choice(["Mr.", "Ms.", "Dr.", "Prof.", ""]),
                organization_id=rng.choice(self.org_ids),
                role=role(),
                email=email.replace("ó", "o"),
                phone=f"+86 1{rng.randint(30, 89)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                preferred_language=language,
                dietary_needs=rng.choice(DIETS),
            )
            self.person_ids.append(person_id)
            if rng.random() < 0.5:
                members[rng.choice(self.group_ids)].append(person_id)
            self.b.done()
            if (n + 1) % 500 == 0 and n + 1 < people:
                self.b.progress("people", n + 1, people)
        for group_id, ids in members.items():
            if ids:
                organizations.add_group_members(self.b.session, group_id, ids)
                self.b.done(len(ids))
        self.b.progress("people", people, people)

    # -- venues, programmes, items -----------------------------------------------------------

    def _venue(self, city: int, kind: str, rooms: int) -> tuple[int, list[int]]:
        name, local, zone, lat, lon = CITIES[city]
        self.venue_count[city] = number = self.venue_count.get(city, 0) + 1
        labels = {
            "centre": (f"{name} Convention Centre, Hall {number}", f"{local}会议中心{number}号馆"),
            "hotel": (f"{name} Grand Hotel", f"{local}大酒店"),
            "landmark": (f"{name} Landmark {number}", f"{local}景点{number}"),
        }
        name_en, name_local = labels[kind]
        venue_id = venues.create_venue(
            self.b.session,
            name_en=name_en,
            name_local=name_local,
            address_en=f"{number} Example Road, {name}",
            address_local=f"{local}示例路{number}号",
            city=name,
            country="United States" if zone.startswith("America/") else "China",
            timezone=zone,
            latitude=round(lat + self.rng.uniform(-0.1, 0.1), 5),
            longitude=round(lon + self.rng.uniform(-0.1, 0.1), 5),
        )
        room_ids = [
            venues.add_room(
                self.b.session,
                venue_id,
                name=f"Room {r + 1}",
                name_local=f"{r + 1}号会议室",
                capacity=self.rng.choice([20, 40, 60, 120, 300]),
            )
            for r in range(rooms)
        ]
        self.b.done(1 + rooms)
        return venue_id, room_ids

    def _programmes(self, count: int, total_items: int) -> None:
        kinds = [KIND_CYCLE[n % len(KIND_CYCLE)] for n in range(count)]
        tour_days = [self.rng.randint(3, 6) for _ in kinds]
        shares = [0] * count
        left = total_items
        # Tours are small (six stops a day, breakfast recurring); conferences and training take
        # the rest.
        big = [n for n, k in enumerate(kinds) if k not in TOUR_KINDS]
        for n, kind in enumerate(kinds):
            if kind in TOUR_KINDS:
                fair = total_items // count
                shares[n] = min(fair, 5 * tour_days[n] + 1)
                left -= shares[n]
        for rank, n in enumerate(big):
            shares[n] = left // len(big) + (1 if rank < left % len(big) else 0)
        day = date(2015, 3, 2)
        conference_id: int | None = None
        made = 0
        for n, kind in enumerate(kinds):
            tour = kind in TOUR_KINDS
            city = (n * 2 + (1 if tour else 0)) % len(CITIES)
            zone = CITIES[city][2]
            days = max(1, math.ceil((shares[n] - 1) / 5)) if tour else self.rng.randint(3, 5)
            if tour:
                days = min(days, tour_days[n]) if shares[n] else tour_days[n]
            parent = conference_id if kind == "post_tour" else None
            capacity = self.rng.choice([20, 30, 45]) if tour else None
            prog_id = programmes.create_programme(
                self.b.session,
                title_en=f"{kind.replace('_', ' ').capitalize()} {n + 1}: {CITIES[city][0]}",
                title_local=f"{CITIES[city][1]}项目{n + 1}",
                kind=kind,
                start_date=day,
                end_date=day + timedelta(days=days - 1),
                timezone=zone,
                capacity=capacity,
                parent_id=parent,
            )
            prog = _Programme(prog_id, kind, city, day, days, zone, capacity or 0)
            self.progs.append(prog)
            if kind == "conference":
                conference_id = prog_id
            day += timedelta(days=days + self.rng.randint(1, 4))
            if tour:
                made = self._tour_items(prog, shares[n], made, total_items)
            else:
                made = self._packed_items(prog, shares[n], made, total_items)
        self.b.progress("items", made, total_items)

    def _hold(self, getter: Callable[[Session, int], object], entity_id: int | None) -> None:
        """Keep a row loaded for the rest of the transaction.

        The session's identity map holds rows weakly; holding them here spares each service
        call a SELECT for the same programme, venue or room.
        """
        session = self.b.session
        if session is not self._held_session:
            self._held_session, self._held = session, {}
        if entity_id is not None and (getter, entity_id) not in self._held:
            self._held[getter, entity_id] = getter(session, entity_id)

    def _add_item(self, prog: _Programme, start: datetime, end: datetime, **fields: Any) -> int:
        self._hold(programmes.get_programme, prog.id)
        self._hold(venues.get_venue, fields.get("venue_id"))
        self._hold(venues.get_room, fields.get("room_id"))
        item_id = items_service.create_item(
            self.b.session, programme_id=prog.id, start=start, end=end, **fields
        )
        occurrences = 1
        if fields.get("recurrence"):
            occurrences = prog.days
        for k in range(occurrences):
            shift = timedelta(days=k)
            prog.item_spans.append(
                (to_utc(start + shift, prog.zone), to_utc(end + shift, prog.zone), item_id)
            )
        self.b.done()
        return item_id

    def _tour_items(self, prog: _Programme, count: int, made: int, total: int) -> int:
        hotel = self.hotel_by_city.get(prog.city)
        if hotel is None:
            hotel = self.hotel_by_city[prog.city] = self._venue(prog.city, "hotel", 0)[0]
        landmarks = [self._venue(prog.city, "landmark", 0)[0] for _ in range(4)]
        rng = self.rng
        placed = 0
        for d in range(prog.days):
            for slot, (hm, minutes, kind, title) in enumerate(TOUR_DAY):
                if placed == count:
                    return made
                if slot == 0 and d > 0:
                    continue  # the first day's breakfast repeats daily
                start = datetime.combine(prog.start + timedelta(days=d), datetime.min.time())
                start = start.replace(hour=_hm(hm)[0], minute=_hm(hm)[1])
                venue = hotel if kind == "meal" and slot != 2 else rng.choice(landmarks)
                self._add_item(
                    prog,
                    start,
                    start + timedelta(minutes=minutes),
                    title_en=f"{title} (day {d + 1})" if slot else title,
                    kind=kind,
                    venue_id=venue,
                    recurrence=f"FREQ=DAILY;COUNT={prog.days}" if slot == 0 else "",
                )
                placed += 1
                made += 1
        if placed == count:
            return made
        raise AssertionError(f"tour {prog.id}: {count} items do not fit in {prog.days} days")

    def _packed_items(self, prog: _Programme, count: int, made: int, total: int) -> int:
        """Items back to back in the rooms of the programme's venues, spread over its days."""
        rng = self.rng
        kind = _weighted(rng, SLOT_KINDS)
        per_room_day = 8
        rooms_needed = max(1, math.ceil(count / (prog.days * per_room_day)))
        rooms: list[tuple[int, int]] = []
        while len(rooms) < rooms_needed:
            size = min(10, rooms_needed - len(rooms))
            venue_id, room_ids = self._venue(prog.city, "centre", size)
            rooms += [(venue_id, r) for r in room_ids]
        day_start = [
            datetime.combine(prog.start + timedelta(days=d), datetime.min.time())
            for d in range(prog.days)
        ]
        cursor = {(d, r): day_start[d] + timedelta(hours=8, minutes=rng.choice([0, 15, 30]))
                  for d in range(prog.days) for r in range(len(rooms))}  # fmt: skip
        placed = 0
        latest = timedelta(hours=21)
        while placed < count:
            progress = placed
            for d in range(prog.days):
                for r, (venue_id, room_id) in enumerate(rooms):
                    if placed == count:
                        break
                    start = cursor[d, r]
                    minutes = rng.choice([30, 45, 60, 60, 90, 120])
                    end = start + timedelta(minutes=minutes)
                    if end - day_start[d] > latest:
                        continue
                    status = rng.choices(["confirmed", "tentative", "cancelled"], [96, 3, 1])[0]
                    self._add_item(
                        prog,
                        start,
                        end,
                        title_en=f"{prog.kind.capitalize()} {prog.id} item {placed + 1}",
                        title_local=f"议程{placed + 1}",
                        kind=kind(),
                        venue_id=venue_id,
                        room_id=room_id,
                        status=status,
                        track=f"Track {r % 6 + 1}",
                    )
                    cursor[d, r] = end + timedelta(minutes=rng.choice([0, 15, 15, 30]))
                    placed += 1
                    made += 1
                    if made % 500 == 0 and made < total:
                        self.b.progress("items", made, total)
            if placed == progress:
                latest += timedelta(hours=1)  # every room-day is full: run later into the night
        return made

    # -- participations, rosters, travel -----------------------------------------------------

    def _participations(self, per_person: int) -> None:
        if not per_person or not self.person_ids:
            return
        rng = self.rng
        pools = [p for p in self.progs if p.kind not in TOUR_KINDS and p.item_spans] or [
            p for p in self.progs if p.item_spans
        ]
        # A recurring item appears once per occurrence in item_spans; book it once.
        spans_by_prog = {}
        for prog in pools:
            seen: set[int] = set()
            spans = []
            for span in sorted(prog.item_spans):
                if span[2] not in seen:
                    seen.add(span[2])
                    spans.append(span)
            spans_by_prog[prog.id] = spans
        everything = sorted({s[2] for p in self.progs for s in p.item_spans})
        weights = [len(spans_by_prog[p.id]) for p in pools]
        role = _weighted(
            rng, [("attending", 90), ("speaking", 5), ("chairing", 3), ("interpreting", 2)]
        )
        status = _weighted(rng, [("confirmed", 95), ("waitlisted", 4), ("cancelled", 1)])
        total = len(self.person_ids) * per_person
        done = 0
        batch: list[participations.Booking] = []
        for person_id in self.person_ids:
            home = rng.choices(pools, weights)[0]
            for item_id in self._pick(spans_by_prog[home.id], everything, per_person):
                batch.append(
                    participations.Booking(person_id, item_id=item_id, role=role(), status=status())
                )
            if len(batch) >= CHUNK:
                done += self._book(batch)
                self.b.progress("participations", done, total)
        done += self._book(batch)
        self.b.progress("participations", done, total)

    def _book(self, batch: list[participations.Booking]) -> int:
        """Write a batch of bookings through the bulk service; empties the batch."""
        count = len(batch)
        if count:
            participations.add_participations(self.b.session, batch)
            self.b.done(count)
            batch.clear()
        return count

    def _pick(
        self, pool: list[tuple[datetime, datetime, int]], everything: list[int], n: int
    ) -> list[int]:
        """n distinct items, mostly not overlapping each other (about 3% do, on purpose)."""
        rng = self.rng
        starts: list[datetime] = []
        ends: list[datetime] = []
        chosen: list[int] = []
        taken: set[int] = set()
        attempts = 0
        while len(chosen) < n and attempts < 20 * n:
            attempts += 1
            start, end, item_id = rng.choice(pool)
            if item_id in taken:
                continue
            i = bisect.bisect_left(starts, start)
            clash = (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end)
            if clash and rng.random() > 0.03:
                continue
            starts.insert(i, start)
            ends.insert(i, end)
            chosen.append(item_id)
            taken.add(item_id)
        if len(chosen) < n:  # the home programme is full: take any other items
            rest = [item_id for item_id in everything if item_id not in taken]
            chosen += rng.sample(rest, n - len(chosen))
        return chosen

    def _rosters(self) -> None:
        for prog in self.progs:
            if prog.kind not in TOUR_KINDS or not self.person_ids:
                continue
            capacity = prog.capacity
            sample = self.rng.sample(self.person_ids, min(len(self.person_ids), capacity + 2))
            for k, person_id in enumerate(sample):
                participations.add_participation(
                    self.b.session,
                    person_id,
                    programme_id=prog.id,
                    role="leading" if k == 0 else "attending",
                    status="confirmed" if k < capacity else "waitlisted",
                )
                self.b.done()

    def _travel(self) -> None:
        """One person in twenty flies in the day before a programme, stays, and flies home."""
        rng = self.rng
        for person_id in self.person_ids[::20]:
            prog = rng.choice(self.progs)
            city = CITIES[prog.city][0]
            hotel = self.hotel_by_city.get(prog.city)
            if hotel is None:
                hotel = self.hotel_by_city[prog.city] = self._venue(prog.city, "hotel", 0)[0]
            first = datetime.combine(prog.start, datetime.min.time())
            arrive = first - timedelta(days=1) + timedelta(hours=14, minutes=35)  # the day before
            leave = first + timedelta(days=prog.days, hours=10)  # 10:00 the day after
            if prog.zone == "America/New_York":  # a domestic hop from Boston
                origin, depart = "Boston Logan (BOS)", arrive - timedelta(hours=2)
                home_arrival = leave + timedelta(hours=2)
            else:  # across the Pacific: 12:40 EDT/EST the day before, home the same day
                origin = "Washington Dulles (IAD)"
                depart = (arrive - timedelta(days=1)).replace(hour=12, minute=40)
                home_arrival = leave + timedelta(hours=1)  # wall clock in Washington
            code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6))
            common = {"person_id": person_id, "kind": "flight", "carrier": "United Airlines"}
            travel.create_travel(
                self.b.session,
                **common,
                number="UA 897",
                confirmation_code=code,
                from_place=origin,
                to_place=f"{city} airport",
                start=depart,
                start_timezone="America/New_York",
                end=arrive,
                end_timezone=prog.zone,
            )
            travel.create_travel(
                self.b.session,
                person_id=person_id,
                kind="hotel",
                venue_id=hotel,
                confirmation_code=str(rng.randint(10_000_000, 99_999_999)),
                start=arrive + timedelta(hours=2),
                end=leave - timedelta(hours=3),
            )
            travel.create_travel(
                self.b.session,
                **common,
                number="UA 898",
                confirmation_code=code,
                from_place=f"{city} airport",
                to_place=origin,
                start=leave,
                start_timezone=prog.zone,
                end=home_arrival,
                end_timezone="America/New_York",
            )
            self.b.done(3)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m benchmarks.synthetic OUT --people N --items N --programmes N`."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic", description="Write a synthetic plan of a given size."
    )
    parser.add_argument("out", type=Path, help="the new plan file (never overwritten)")
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--items", type=int, required=True)
    parser.add_argument("--programmes", type=int, required=True)
    parser.add_argument("--participations-per-person", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        generate_plan(
            args.out,
            people=args.people,
            items=args.items,
            programmes=args.programmes,
            seed=args.seed,
            participations_per_person=args.participations_per_person,
            quiet=args.quiet,
        )
    except TourPlannerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    with PlanFile.open(args.out) as plan, plan.reading() as session:
        counts = plan_summary(session).counts
    listed = ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in counts.items())
    print(f"wrote {args.out} in {elapsed:.1f} s: {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
