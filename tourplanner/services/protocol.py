"""Precedence and sides, and the seating plan of an item: laid out, stored, read as views."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Item, OrganizationProtocol, Person, Precedence, Seat, SeatingPlan
from tourplanner.protocol.attendees import SIDES, Attendee, Candidate, rank
from tourplanner.protocol.engine import lay_out
from tourplanner.protocol.seats import CONVENTIONS, LAYOUTS, Layout
from tourplanner.services import participations
from tourplanner.services.common import fetch

WHOLE_PROGRAMME = ("banquet", "photo")
DIETARY_TAGS = ("vegetarian", "vegan", "halal", "kosher", "nut")
# The layout an item gets when none is chosen, by its kind.
DEFAULT_LAYOUT = {"meal": "banquet", "ceremony": "signing", "reception": "meeting"}


def _side(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in SIDES:
        raise ValidationError("side", _("must be host or guest, not {value!r}").format(value=value))
    return value


def _rank(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise ValidationError("rank", _("must be 1 (the most senior) or more"))
    return value


def set_precedence(
    session: Session,
    person_id: int,
    *,
    rank: int | None = None,
    side: str | None = None,
    interprets_for_id: int | None = None,
) -> None:
    """A person's explicit rank, side and whom they interpret for (None: derived / none)."""
    fetch(session, Person, person_id, "person")
    if interprets_for_id is not None:
        fetch(session, Person, interprets_for_id, "person")
        if interprets_for_id == person_id:
            raise ValidationError("interprets_for", _("a person cannot interpret for themselves"))
    row = session.get(Precedence, person_id) or Precedence(person_id=person_id)
    row.rank, row.side, row.interprets_for_id = _rank(rank), _side(side), interprets_for_id
    session.add(row)
    session.flush()


def set_organization_protocol(
    session: Session, organization_id: int, *, rank: int | None = None, side: str | None = None
) -> None:
    """An organisation's default side for its people and its rank among organisations."""
    row = session.get(OrganizationProtocol, organization_id) or OrganizationProtocol(
        organization_id=organization_id
    )
    row.rank, row.side = _rank(rank), _side(side)
    session.add(row)
    session.flush()


def _languages(text: str) -> frozenset[str]:
    return frozenset(p.strip().split(" ")[0].casefold() for p in text.split(",") if p.strip())


def _dietary(text: str) -> frozenset[str]:
    lowered = text.casefold()
    return frozenset(tag for tag in DIETARY_TAGS if re.search(rf"\b{tag}", lowered))


def booked_people(session: Session, item_id: int, layout: str = "") -> list[tuple[Person, str]]:
    """Who is to be seated, with their role: those booked on the item itself (not cancelled);
    for a banquet or a photo, and for an item nobody is booked on, also everyone confirmed on
    its programme."""
    item = fetch(session, Item, item_id, "item")
    rows = list(participations.participants(session, item_id=item_id))
    if not rows or layout in WHOLE_PROGRAMME:
        rows += [
            p
            for p in participations.participants(session, programme_id=item.programme_id)
            if p.status == "confirmed"
        ]
    seen: dict[int, tuple[Person, str]] = {}
    for p in rows:
        if p.status != "cancelled" and p.person_id not in seen:
            seen[p.person_id] = (p.person, p.role)
    return list(seen.values())


def candidates(session: Session, item_id: int, layout: str | None = None) -> list[Candidate]:
    """The people booked on an item as the engine takes them (for `layout`, else the plan's)."""
    if layout is None:
        plan = plan_of(session, item_id)
        layout = plan.layout if plan else ""
    return [
        candidate(session, person, role) for person, role in booked_people(session, item_id, layout)
    ]


def candidate(session: Session, person: Person, role: str = "") -> Candidate:
    """One person as the engine takes them: explicit rank and side, else their organisation's."""
    own = session.get(Precedence, person.id)
    org = session.get(OrganizationProtocol, person.organization_id or -1)
    return Candidate(
        person.id,
        person.name_latin,
        person.name_local,
        person.role,
        person.honorific,
        (own.side if own else None) or (org.side if org else None),
        own.rank if own else None,
        org.rank if org else None,
        _languages(person.preferred_language),
        _dietary(person.dietary_needs),
        own.interprets_for_id if own else None,
        "signer" if role == "speaking" else "",
    )


def ranked(session: Session, item_id: int, layout: str | None = None) -> list[Attendee]:
    return rank(candidates(session, item_id, layout))


def plan_of(session: Session, item_id: int) -> SeatingPlan | None:
    return session.scalars(select(SeatingPlan).where(SeatingPlan.item_id == item_id)).first()


def _table_tags(text: str) -> dict[int, frozenset[str]]:
    """'1: vegetarian halal' lines -> {1: {'vegetarian', 'halal'}}."""
    tags = {}
    for line in text.splitlines():
        number, _sep, words = line.partition(":")
        if number.strip().isdigit():
            tags[int(number)] = frozenset(w.casefold() for w in words.split())
    return tags


def seat_item(
    session: Session,
    item_id: int,
    *,
    layout: str | None = None,
    convention: str | None = None,
    tables: int | None = None,
    seats_per_table: int | None = None,
    table_tags: str | None = None,
    time_limit: float = 10.0,
) -> SeatingView:
    """Lay out (or re-seat) an item's plan by its rules; locked seats keep their people."""
    item = fetch(session, Item, item_id, "item")
    plan = plan_of(session, item_id) or SeatingPlan(
        item_id=item_id, layout=DEFAULT_LAYOUT.get(item.kind, "meeting"), convention="international"
    )
    plan.layout = layout or plan.layout
    plan.convention = convention or plan.convention or "international"
    plan.tables = tables or plan.tables or 1
    plan.seats_per_table = seats_per_table or plan.seats_per_table or 10
    if table_tags is not None:
        plan.table_tags = table_tags
    if plan.layout not in LAYOUTS:
        raise ValidationError("layout", _("must be one of {join}").format(join=", ".join(LAYOUTS)))
    if plan.convention not in CONVENTIONS:
        raise ValidationError(
            "convention", _("must be one of {join}").format(join=", ".join(CONVENTIONS))
        )
    locks = {s.label: s.person_id for s in plan.seats if s.locked and s.person_id is not None}
    result = lay_out(
        plan.layout,
        ranked(session, item_id, plan.layout),
        plan.convention,
        tables=plan.tables,
        seats=plan.seats_per_table,
        locks=locks,
        table_tags=_table_tags(plan.table_tags or ""),
        time_limit=time_limit,
    )
    _store(session, plan, result)
    return seating_view(session, item_id, unseated=result.unseated)


def _store(session: Session, plan: SeatingPlan, result: Layout) -> None:
    plan.seats.clear()
    session.add(plan)
    session.flush()
    for p in result.placements:
        s = p.spot
        plan.seats.append(
            Seat(
                label=s.label,
                table_no=s.table,
                row_no=s.row,
                position=s.position,
                x=s.x,
                y=s.y,
                person_id=p.person_id,
                locked=p.locked,
            )
        )
    session.flush()


def place_person(session: Session, item_id: int, person_id: int, label: str) -> SeatingView:
    """Put a person on a seat by hand (it becomes locked); everyone else re-flows by the rules."""
    plan = plan_of(session, item_id)
    if plan is None:
        raise ValidationError("seat", _("this item has no seating plan yet: lay one out first"))
    target = next((s for s in plan.seats if s.label == label), None)
    if target is None:
        raise ValidationError(
            "seat", _("there is no seat {label!r} in this plan").format(label=label)
        )
    if person_id not in {a.person_id for a in ranked(session, item_id)}:
        raise ValidationError("person", _("is not booked on this item"))
    for s in plan.seats:
        if s.person_id == person_id or s is target:
            s.person_id, s.locked = None, False
    target.person_id, target.locked = person_id, True
    session.flush()
    return seat_item(session, item_id)


def set_locked(session: Session, item_id: int, label: str, locked: bool) -> None:
    plan = plan_of(session, item_id)
    seat = next((s for s in (plan.seats if plan else []) if s.label == label), None)
    if seat is None:
        raise ValidationError(
            "seat", _("there is no seat {label!r} in this plan").format(label=label)
        )
    seat.locked = locked and seat.person_id is not None
    session.flush()


@dataclass(frozen=True)
class SeatView:
    label: str
    table: int | None
    row: int | None
    position: int
    x: float
    y: float
    person_id: int | None
    name: str | None
    name_local: str | None
    side: str | None
    rank: int | None
    locked: bool

    def as_json(self) -> dict[str, object]:
        """The seat as `tourplanner seating --json` writes it."""
        return {
            "seat": self.label,
            "table": self.table,
            "row": self.row,
            "position": self.position,
            "x": self.x,
            "y": self.y,
            "person_id": self.person_id,
            "name": self.name,
            "side": self.side,
            "rank": self.rank,
        }

    def outward(self, centre: tuple[float, float] | None) -> tuple[float, float] | None:
        """The unit direction from a round table's centre to the seat (names go outside)."""
        if centre is None:
            return None
        dx, dy = self.x - centre[0], self.y - centre[1]
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        return dx / length, dy / length


@dataclass(frozen=True)
class SeatingView:
    item_id: int
    item: str
    item_local: str
    layout: str
    convention: str
    seats: list[SeatView]
    unseated: list[tuple[int, str, str]] = field(default_factory=list)  # (id, name, why)

    def as_json(self) -> dict[str, object]:
        return {
            "item": self.item,
            "layout": self.layout,
            "convention": self.convention,
            "seats": [s.as_json() for s in self.seats],
        }

    def seat_of(self, person_id: int) -> SeatView | None:
        return next((s for s in self.seats if s.person_id == person_id), None)

    def table_centres(self) -> dict[int, tuple[float, float]]:
        """The middle of each round banquet table (what the diagram and the editor draw
        names outward from); other layouts have none."""
        if self.layout != "banquet":
            return {}
        tables: dict[int, list[SeatView]] = {}
        for seat in self.seats:
            if seat.table is not None:
                tables.setdefault(seat.table, []).append(seat)
        return {
            n: (sum(s.x for s in seats) / len(seats), sum(s.y for s in seats) / len(seats))
            for n, seats in tables.items()
        }


def seating_view(
    session: Session, item_id: int, *, unseated: list[tuple[int, str]] | None = None
) -> SeatingView:
    """The stored plan of an item as plain values (and who is booked but has no seat)."""
    item = fetch(session, Item, item_id, "item")
    plan = plan_of(session, item_id)
    if plan is None:
        raise ValidationError(
            "seating", _("'{title_en}' has no seating plan yet").format(title_en=item.title_en)
        )
    people = {a.person_id: a for a in ranked(session, item_id)}
    seats = [_seat_view(s, people.get(s.person_id or -1)) for s in plan.seats]
    seated = {s.person_id for s in seats}
    why = dict(unseated or [])
    missing = [
        (pid, a.name, why.get(pid) or _why_unseated(a, plan.layout))
        for pid, a in people.items()
        if pid not in seated
    ]
    return SeatingView(
        item_id, item.title_en, item.title_local, plan.layout, plan.convention, seats, missing
    )


def _why_unseated(who: Attendee, layout: str) -> str:
    if who.is_interpreter and layout in ("rostrum", "photo"):
        return "interprets from the booth, not on the rostrum"
    if who.side is None and layout in ("meeting", "signing"):
        return "has no side (host or guest) set"
    return "no seat is left in this layout"


def _seat_view(seat: Seat, who: Attendee | None) -> SeatView:
    return SeatView(
        seat.label,
        seat.table_no,
        seat.row_no,
        seat.position,
        seat.x,
        seat.y,
        seat.person_id if who else None,
        who.name if who else None,
        who.name_local if who else None,
        who.side if who else None,
        who.rank if who else None,
        seat.locked,
    )


def seat_text(seat: SeatView) -> str:
    """Where a seat is, as a delegate reads it: 'Table 3, seat 5', 'Car 2, rear right'."""
    if seat.label.startswith("Car "):
        return seat.label.replace("/", ", ")
    if seat.table is not None:
        return f"Table {seat.table}, seat {seat.position}"
    if seat.label[1:2] == "-":  # signing: G-signer, H-second, G-W2
        role = seat.label[2:]
        return "Witness " + role[1:] if role.startswith("W") else role.capitalize()
    return f"Row {seat.row or 1}, seat {seat.position}"


def seats_of_person(session: Session, person_id: int) -> dict[int, str]:
    """Item id -> where the person sits, for every item whose seating plan seats them."""
    rows = session.execute(
        select(SeatingPlan.item_id, Seat).join(Seat).where(Seat.person_id == person_id)
    ).all()
    return {item_id: seat_text(_seat_view(seat, None)) for item_id, seat in rows}


def seating_state(session: Session, item_id: int) -> tuple[object, ...] | None:
    """Everything a seating plan holds, as plain values (what undo compares and restores)."""
    plan = plan_of(session, item_id)
    if plan is None:
        return None
    shape = (plan.layout, plan.convention, plan.tables, plan.seats_per_table, plan.table_tags)
    seats = tuple(
        (s.label, s.table_no, s.row_no, s.position, s.x, s.y, s.person_id, s.locked)
        for s in plan.seats
    )
    return (shape, seats)


def restore_seating(session: Session, item_id: int, state: tuple[object, ...] | None) -> None:
    """Write a state read by `seating_state` back (None: the item has no plan)."""
    plan = plan_of(session, item_id)
    if plan is not None:
        session.delete(plan)
        session.flush()
    if state is None:
        return
    shape, seats = cast(tuple[tuple[str, str, int, int, str], tuple[tuple, ...]], state)
    layout, convention, tables, per_table, tags = shape
    plan = SeatingPlan(
        item_id=item_id,
        layout=layout,
        convention=convention,
        tables=tables,
        seats_per_table=per_table,
        table_tags=tags,
    )
    for label, table, row, position, x, y, person_id, locked in seats:
        plan.seats.append(
            Seat(
                label=label,
                table_no=table,
                row_no=row,
                position=position,
                x=x,
                y=y,
                person_id=person_id,
                locked=locked,
            )
        )
    session.add(plan)
    session.flush()


def find_item(session: Session, query: str | int) -> Item:
    """An item by id ('12', '#12') or by title (English or local; exact, then unique part)."""
    from tourplanner.services.common import find_one

    return find_one(
        session,
        Item,
        query,
        what="item",
        names=lambda i: (i.title_en, i.title_local),
        label=lambda i: f"{i.title_en} ({i.start_utc:%Y-%m-%d})",
    )


def rank_everyone(session: Session) -> list[Attendee]:
    """Everyone in the plan in order of precedence, numbered within their side."""
    everyone = session.scalars(select(Person).order_by(Person.id)).all()
    return rank([candidate(session, p) for p in everyone])
