"""The bus manifest of a programme as plain views: per leg and vehicle, the driver, guide,
meeting point and time, and the seats with their people, phones and dietary/access flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from tourplanner.enums import AssignmentRole, ItemKind, ItemStatus
from tourplanner.errors import NotFoundError
from tourplanner.i18n import _
from tourplanner.models import Assignment, Item, Vehicle, VehicleSeat
from tourplanner.services.dietary import tags_of
from tourplanner.services.programmes import find_programme
from tourplanner.timezones import to_local

# The items a vehicle drives to: transfers and visits, and anything with a meeting point.
LEG_KINDS = frozenset({ItemKind.TRANSFER, ItemKind.SITE_VISIT})


@dataclass(frozen=True)
class Passenger:
    seat: str
    name_latin: str
    name_local: str
    phone: str
    dietary: tuple[str, ...]
    access: str  # the accessibility need, in the person's words


@dataclass(frozen=True)
class ManifestLeg:
    title: str
    title_local: str
    start: datetime  # local
    zone: str
    meeting_point: str
    meeting: datetime | None  # local
    vehicle: str
    vehicle_kind: str
    plate: str
    company: str
    seats: int
    driver: str
    driver_phone: str
    guides: tuple[str, ...]  # 'Sun Li (孙丽) +86 …'
    passengers: tuple[Passenger, ...]

    @property
    def free_seats(self) -> int:
        return self.seats - len(self.passengers)


def _person_line(person) -> str:  # noqa: ANN001 - a Person row
    name = person.name_latin + (f" ({person.name_local})" if person.name_local else "")
    return f"{name} {person.phone}".strip()


def _serves(programme_id: int):  # noqa: ANN202  (a SQL condition)
    """A vehicle serves a programme: every leg of it, or one of its items."""
    return or_(
        Vehicle.programme_id == programme_id, Vehicle.item.has(Item.programme_id == programme_id)
    )


def programmes_with_vehicles(session: Session, programme_ids: list[int]) -> set[int]:
    """Which of the programmes have a vehicle serving them (a manifest to print)."""
    return {
        pid
        for pid in programme_ids
        if session.scalar(select(Vehicle.id).where(_serves(pid)).limit(1)) is not None
    }


def manifest_legs(
    session: Session, programme: str, *, day: date | None = None
) -> list[ManifestLeg]:
    """Every leg of the programme (or of one day) with each vehicle serving it."""
    prog = find_programme(session, programme)
    vehicles = list(
        session.scalars(
            select(Vehicle)
            .where(_serves(prog.id))
            .options(selectinload(Vehicle.driver))
            .order_by(Vehicle.name, Vehicle.id)
        )
    )
    if not vehicles:
        raise NotFoundError(_("{title_en!r} has no vehicle yet").format(title_en=prog.title_en))
    items = [
        i
        for i in session.scalars(
            select(Item)
            .where(Item.programme_id == prog.id, Item.status != ItemStatus.CANCELLED)
            .order_by(Item.start_utc, Item.id)
        )
        if i.kind in LEG_KINDS or i.meeting_point or any(v.item_id == i.id for v in vehicles)
    ]
    if day is not None:
        items = [i for i in items if to_local(i.start_utc, i.timezone).date() == day]
        if not items:
            raise NotFoundError(
                _("{title_en!r} has no leg on {day}").format(
                    title_en=prog.title_en, day=day.isoformat()
                )
            )
    seats = list(
        session.scalars(
            select(VehicleSeat)
            .where(VehicleSeat.vehicle_id.in_([v.id for v in vehicles]))
            .options(selectinload(VehicleSeat.person))
        )
    )
    guides = list(
        session.scalars(
            select(Assignment)
            .where(Assignment.role.in_([AssignmentRole.GUIDE, AssignmentRole.DRIVER]))
            .where(
                or_(
                    Assignment.programme_id == prog.id,
                    Assignment.item_id.in_([i.id for i in items]),
                )
            )
            .options(selectinload(Assignment.person))
        )
    )
    legs = []
    for item in items:
        local_day = to_local(item.start_utc, item.timezone).date()
        for vehicle in vehicles:
            if vehicle.item_id is not None and vehicle.item_id != item.id:
                continue
            on = [s for s in seats if s.vehicle_id == vehicle.id and s.item_id in (None, item.id)]
            # A seat for this leg replaces the person's seat for every leg.
            own = {s.person_id for s in on if s.item_id == item.id}
            on = [s for s in on if s.item_id == item.id or s.person_id not in own]
            on.sort(key=lambda s: (_seat_key(s.seat), s.person.name_latin))
            staff = [
                a
                for a in guides
                if (a.item_id == item.id or (a.item_id is None and a.day == local_day))
                and a.vehicle_id in (None, vehicle.id)
            ]
            driver, phone = vehicle.driver_name, vehicle.driver_phone
            if vehicle.driver is not None:
                driver = vehicle.driver.name_latin + (
                    f" ({vehicle.driver.name_local})" if vehicle.driver.name_local else ""
                )
                phone = phone or vehicle.driver.phone
            for a in staff:
                if a.role == AssignmentRole.DRIVER and not driver:
                    driver, phone = a.person.name_latin, a.person.phone
            legs.append(
                ManifestLeg(
                    item.title_en,
                    item.title_local,
                    to_local(item.start_utc, item.timezone),
                    item.timezone,
                    item.meeting_point,
                    to_local(item.meeting_utc, item.timezone) if item.meeting_utc else None,
                    vehicle.name,
                    vehicle.kind,
                    vehicle.plate,
                    vehicle.company,
                    vehicle.seats,
                    driver,
                    phone,
                    tuple(_person_line(a.person) for a in staff if a.role == AssignmentRole.GUIDE),
                    tuple(
                        Passenger(
                            s.seat,
                            s.person.name_latin,
                            s.person.name_local,
                            s.person.phone,
                            tags_of(s.person.dietary_tags),
                            s.person.accessibility_needs,
                        )
                        for s in on
                    ),
                )
            )
    return legs


def _seat_key(seat: str) -> tuple[int, str]:
    return (int(seat), "") if seat.isdigit() else (10_000, seat)
