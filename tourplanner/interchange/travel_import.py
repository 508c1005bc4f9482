"""Read a person's travel from booking calendars (.ics from airlines, hotels, TripIt, e-tickets).

A flight is an event naming a flight number ('UA 897', 'LH400') and two airports by IATA code
('Washington Dulles (IAD) to Beijing Capital (PEK)', 'IAD → PEK') in its SUMMARY, LOCATION or
DESCRIPTION; each end is in its airport's zone, so the arrival is shown where it happens. A train
is an event that says so ('Train', 'ICE 1003', 'Eurostar'); its ends are in the zones of the
event's own start and end. A hotel stay is an event that says 'Hotel', 'Stay' or 'Check-in'; all-day
dates are its nights (check-in 15:00, check-out 12:00 where the file gives no times), in the zone of
the last arrival before it (else the plan's home zone, noted). Events whose UID is already this
person's travel update it, so a booking sent again does not duplicate. Any other event is named
in the report as not travel and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner import places
from tourplanner.enums import TravelKind
from tourplanner.errors import TourPlannerError
from tourplanner.i18n import _
from tourplanner.interchange.ics_import import event_uid
from tourplanner.interchange.ics_read import read_calendars
from tourplanner.interchange.ics_zones import zone_for
from tourplanner.interchange.importing import import_savepoint
from tourplanner.interchange.report import ImportReport, span_text
from tourplanner.models import Person, Plan, Traveller
from tourplanner.services import travel as travel_service
from tourplanner.services.common import fetch
from tourplanner.timezones import format_datetime, to_local, to_utc

CHECK_IN, CHECK_OUT = time(15, 0), time(12, 0)
# A flight number: the airline's two-character designator (one letter at least) and 1-4 digits.
_FLIGHT = re.compile(r"\b(?=[A-Z0-9]{2}\s?\d)([A-Z][A-Z0-9]|[0-9][A-Z])\s?(\d{1,4})\b")
_CODE = re.compile(r"(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])")
_CODE_IN_BRACKETS = re.compile(r"\(([A-Z]{3})\)")
_TRAIN = re.compile(
    r"\b(train|rail|railway|zug|bahn|ICE|TGV|IC|EC|Eurostar|Thalys|Amtrak|Shinkansen|AVE)\b",
    re.IGNORECASE,
)
_TRAIN_NUMBER = re.compile(r"\b(ICE|TGV|IC|EC|AVE|G|D|C)\s?(\d{1,5})\b")
_HOTEL = re.compile(
    r"\b(hotel|stay|check-?in|lodging|accommodation|guest ?house|hostel|inn|resort|airbnb)\b",
    re.IGNORECASE,
)
_HOTEL_PREFIX = re.compile(
    r"^\s*(hotel( stay| reservation| booking)?|stay( at)?|check-?in( at)?|lodging|"
    r"accommodation)\s*[:\-–]?\s*(at\s+)?",
    re.IGNORECASE,
)
_CONFIRMATION = re.compile(
    r"(?:confirmation|booking reference|booking ref|record locator|reservation|PNR|conf\.)"
    r"(?:\s*(?:number|no\.?|code|#))?\s*[:#]?\s*([A-Z0-9]{5,12})\b",
    re.IGNORECASE,
)
_ROUTE = re.compile(r"(.+?)\s*(?:→|->|–|—| - | to )\s*(.+)", re.IGNORECASE)


@dataclass
class _Booking:
    """One event read as travel: the create_travel fields and where it came from."""

    line: int
    uid: str
    kind: str
    start: datetime  # naive, local at start_timezone
    end: datetime  # naive, local at end_timezone
    fields: dict[str, Any] = field(default_factory=dict)


def import_travel(
    session: Session,
    source: Path | str | bytes,
    *,
    person_id: int,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> ImportReport:
    """Import a booking calendar as the person's travel, in the caller's transaction.

    All-or-nothing unless `skip_invalid`; events that are not travel are named and left out.
    """
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    calendars, outline = read_calendars(data)
    fetch(session, Person, person_id, "person")
    report = ImportReport("travel bookings", dry_run=dry_run)
    plan = session.scalar(select(Plan).limit(1))
    reader = _BookingReader(report, plan.home_timezone if plan else "UTC")
    lines = iter(outline.event_lines)
    events = [(next(lines, 0), e) for cal in calendars for e in cal.walk("VEVENT")]
    events.sort(key=lambda pair: _sort_key(pair[1]))  # a stay follows the flight that arrives
    bookings = [b for line, event in events if (b := reader.read(event, line)) is not None]
    with import_savepoint(session, report, dry_run=dry_run, skip_invalid=skip_invalid):
        for booking in bookings:
            _write(session, person_id, booking, report)
        report.skipped = sum(1 for o in report.outcomes.values() if o == "skipped")
    return report


def _sort_key(event: Any) -> datetime:
    try:
        value = event["DTSTART"].dt
    except Exception:  # an unreadable start sorts first; the reader names it
        return datetime.min
    if isinstance(value, datetime):
        return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)
    return datetime.combine(value, CHECK_IN)


class _BookingReader:
    """Turns VEVENTs into bookings, naming by line what cannot be read as travel."""

    def __init__(self, report: ImportReport, home_zone: str) -> None:
        self.report = report
        self.home_zone = home_zone
        self.last_arrival_zone = ""

    def read(self, event: Any, line: int) -> _Booking | None:
        where = f"line {line}"
        title = _text(event, "SUMMARY")
        try:
            for prop, message in getattr(event, "errors", []) or []:
                if prop in ("DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION"):
                    raise TourPlannerError(f"{prop}: {message}")
            booking = self._booking(event, line, where)
        except TourPlannerError as exc:
            self.report.refuse(where, str(exc), title=title)
            return None
        if booking is None:
            self.report.note(
                where,
                (
                    _(
                        "{value!r} is not read as travel (no flight number with two airports, no train, no hotel stay); left out"
                    ).format(value=title or "the event")
                ),
            )
            self.report.record(where, "skipped", title=title)
        return booking

    def _booking(self, event: Any, line: int, where: str) -> _Booking | None:
        text = "\n".join(_text(event, n) for n in ("SUMMARY", "LOCATION", "DESCRIPTION"))
        summary = _text(event, "SUMMARY")
        flight = _FLIGHT.search(summary) or _FLIGHT.search(text)
        codes = _airport_codes(summary) or _airport_codes(text)
        if flight and len(codes) >= 2:
            return self._flight(event, line, flight, codes)
        if _TRAIN.search(summary):
            return self._train(event, line)
        if _HOTEL.search(summary) or _HOTEL.search(_text(event, "CATEGORIES")):
            return self._hotel(event, line, where)
        return None

    def _flight(
        self, event: Any, line: int, flight: re.Match[str], codes: list[tuple[str, str, str]]
    ) -> _Booking:
        (from_code, from_name, from_zone), (to_code, to_name, to_zone) = codes[0], codes[-1]
        start = _instant(event, "DTSTART", from_zone)
        end = _end(event, start, to_zone)
        self.last_arrival_zone = to_zone
        return _Booking(
            line,
            event_uid(event, start),
            TravelKind.FLIGHT,
            to_local(start, from_zone).replace(tzinfo=None),
            to_local(end, to_zone).replace(tzinfo=None),
            {
                "carrier": flight[1],
                "number": flight[2],
                "from_place": f"{from_name} ({from_code})",
                "to_place": f"{to_name} ({to_code})",
                "start_timezone": from_zone,
                "end_timezone": to_zone,
                "confirmation_code": _confirmation(event),
            },
        )

    def _train(self, event: Any, line: int) -> _Booking:
        summary = _text(event, "SUMMARY")
        start_zone = self._event_zone(event, "DTSTART")
        end_zone = self._event_zone(event, "DTEND") or start_zone
        start = _instant(event, "DTSTART", start_zone)
        end = _end(event, start, end_zone)
        self.last_arrival_zone = end_zone
        number = _TRAIN_NUMBER.search(summary)
        route = _ROUTE.search(_TRAIN.sub("", summary.split(":", 1)[-1]).strip(" :"))
        return _Booking(
            line,
            event_uid(event, start),
            TravelKind.TRAIN,
            to_local(start, start_zone).replace(tzinfo=None),
            to_local(end, end_zone).replace(tzinfo=None),
            {
                "carrier": number[1] if number else "",
                "number": number[2] if number else "",
                "from_place": _place(route[1]) if route else _text(event, "LOCATION")[:200],
                "to_place": _place(route[2]) if route else "",
                "start_timezone": start_zone,
                "end_timezone": end_zone,
                "confirmation_code": _confirmation(event),
            },
        )

    def _hotel(self, event: Any, line: int, where: str) -> _Booking:
        zone_name = self._event_zone(event, "DTSTART") or self.last_arrival_zone
        if not zone_name:
            zone_name = self.home_zone
            self.report.note(
                where,
                _("the hotel's time zone is not said; {zone_name} is used").format(
                    zone_name=zone_name
                ),
            )
        first = _value(event, "DTSTART")
        if isinstance(first, datetime):
            start = _instant(event, "DTSTART", zone_name)
            end = _end(event, start, zone_name)
        else:
            last = _value(event, "DTEND") if event.get("DTEND") is not None else None
            nights = (last - first).days if isinstance(last, date) else 1
            if nights < 1:
                raise TourPlannerError(_("the stay's check-out is not after its check-in"))
            start = to_utc(datetime.combine(first, CHECK_IN), zone_name)
            end = to_utc(datetime.combine(first + timedelta(days=nights), CHECK_OUT), zone_name)
            self.report.note(
                where,
                (
                    _(
                        "{nights} night(s); check-in {check_in:%H:%M} and check-out {check_out:%H:%M} assumed (the booking gives dates only)"
                    ).format(nights=nights, check_in=CHECK_IN, check_out=CHECK_OUT)
                ),
            )
        name = _hotel_name(event)
        return _Booking(
            line,
            event_uid(event, start),
            TravelKind.HOTEL,
            to_local(start, zone_name).replace(tzinfo=None),
            to_local(end, zone_name).replace(tzinfo=None),
            {
                "to_place": name[:200],
                "start_timezone": zone_name,
                "end_timezone": zone_name,
                "confirmation_code": _confirmation(event),
                "notes": _text(event, "LOCATION"),
            },
        )

    def _event_zone(self, event: Any, name: str) -> str:
        """The IANA zone of a time of the event, or '' for a date, floating or UTC time."""
        prop = event.get(name)
        value = getattr(prop, "dt", None)
        if not isinstance(value, datetime) or value.tzinfo is None:
            return ""
        tzid = prop.params.get("TZID")
        if not tzid:
            return ""
        zone_name, _guessed = zone_for(value, tzid, "UTC")
        return zone_name


def _airport_codes(text: str) -> list[tuple[str, str, str]]:
    """The airports named by IATA code in the text, in order, each once: (code, name, zone).

    Codes in brackets ('Beijing Capital (PEK)') come first, so that a capitalised word that
    happens to be a code elsewhere is not taken for an airport when the booking brackets them.
    """
    for pattern in (_CODE_IN_BRACKETS, _CODE):
        found: dict[str, tuple[str, str, str]] = {}
        for code in pattern.findall(text):
            if code not in found and (place := places.airport(code)) is not None and place.zone:
                found[code] = (code, place.name, place.zone)
        if len(found) >= 2:
            return list(found.values())
    return []


def _value(event: Any, name: str) -> Any:
    prop = event.get(name)
    if prop is None:
        raise TourPlannerError(_("the event has no {name}").format(name=name))
    if isinstance(prop, list):
        raise TourPlannerError(
            _("the event has {n_prop} {name}s; it must have one").format(
                n_prop=len(prop), name=name
            )
        )
    return prop.dt


def _instant(event: Any, name: str, zone_name: str) -> datetime:
    """An aware instant; a floating time or a date is read at `zone_name`."""
    value = _value(event, name)
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    return value if value.tzinfo is not None else to_utc(value, zone_name)


def _end(event: Any, start: datetime, zone_name: str) -> datetime:
    if event.get("DTEND") is not None:
        end = _instant(event, "DTEND", zone_name)
    elif event.get("DURATION") is not None:
        end = start + event["DURATION"].dt
    else:
        raise TourPlannerError(_("the booking has no end (DTEND or DURATION)"))
    if end < start:
        raise TourPlannerError(
            _("it arrives ({format_datetime}) before it departs ({format_datetime2})").format(
                format_datetime=format_datetime(end, zone_name),
                format_datetime2=format_datetime(start, "UTC"),
            )
        )
    return end


def _hotel_name(event: Any) -> str:
    summary = _text(event, "SUMMARY")
    name = _HOTEL_PREFIX.sub("", summary).strip()
    name = re.sub(r"\s*\((conf|confirmation|booking)[^)]*\)\s*$", "", name, flags=re.IGNORECASE)
    return name or _text(event, "LOCATION").split(",")[0].strip() or "Hotel"


def _place(text: str) -> str:
    return text.strip(" ,.;")[:200]


def _confirmation(event: Any) -> str:
    for name in ("DESCRIPTION", "SUMMARY"):
        match = _CONFIRMATION.search(_text(event, name))
        if match:
            return match[1].upper()
    return ""


def _text(event: Any, name: str) -> str:
    value = event.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    if hasattr(value, "cats"):
        return ",".join(str(c) for c in value.cats)
    return str(value).strip()


def _write(session: Session, person_id: int, booking: _Booking, report: ImportReport) -> None:
    """Put the person on the booking's journey, or move them when the booking changed; a
    booking's UID is the person's place on a journey (their traveller row)."""
    where = f"line {booking.line}"
    fields = {"kind": booking.kind, **booking.fields}
    shown = _shown(booking)
    existing = session.scalar(select(Traveller).where(Traveller.uid == booking.uid))
    try:
        with session.begin_nested():
            if existing is None:
                _board(session, person_id, booking, fields)
                report.record(where, "added", **shown)
            elif existing.person_id != person_id:
                raise TourPlannerError(
                    _("booking {uid!r} is already travel of {display_name}").format(
                        uid=booking.uid, display_name=existing.person.display_name
                    )
                )
            elif _same(existing, booking, fields):
                report.record(where, "unchanged", **shown)
            else:
                # The booking changed for this person only: they leave the journey they were on
                # (which goes when nobody is left on it) and join the one it now describes.
                journey = existing.journey
                session.delete(existing)
                session.flush()
                session.refresh(journey)
                if not journey.travellers:
                    session.delete(journey)
                    session.flush()
                _board(session, person_id, booking, fields)
                report.record(where, "updated", **shown)
    except TourPlannerError as exc:
        report.refuse(where, str(exc), **shown)


def _board(session: Session, person_id: int, booking: _Booking, fields: dict[str, Any]) -> None:
    """The person on the identical journey (or a new one), their place keeping the booking's UID."""
    journey_id = travel_service.create_travel(
        session, person_id=person_id, start=booking.start, end=booking.end, **fields
    )
    place = session.scalar(
        select(Traveller).where(
            Traveller.segment_id == journey_id, Traveller.person_id == person_id
        )
    )
    assert place is not None  # create_travel has just put them on it
    place.uid = booking.uid
    session.flush()


def _same(place: Traveller, booking: _Booking, fields: dict[str, Any]) -> bool:
    times = (
        to_utc(booking.start, booking.fields["start_timezone"]),
        to_utc(booking.end, booking.fields["end_timezone"]),
    )
    return times == (place.start_utc, place.end_utc) and all(
        _held(place, k) == v for k, v in fields.items()
    )


def _held(place: Traveller, field: str) -> object:
    """What the plan holds for a booking's field: the person's own (code, seat, their notes on a
    shared journey) or the journey's."""
    if field in ("confirmation_code", "seat"):
        return getattr(place, field)
    if field == "notes":
        return place.notes or place.journey.notes
    return getattr(place.journey, field)


def _shown(booking: _Booking) -> dict[str, str]:
    start_zone, end_zone = booking.fields["start_timezone"], booking.fields["end_timezone"]
    start, end = to_utc(booking.start, start_zone), to_utc(booking.end, end_zone)
    when = span_text(start, end, start_zone)
    if end_zone != start_zone:
        when = f"{format_datetime(start, start_zone)} – {format_datetime(end, end_zone)}"
    code = " ".join(p for p in (booking.fields.get("carrier"), booking.fields.get("number")) if p)
    route = " → ".join(
        p for p in (booking.fields.get("from_place"), booking.fields.get("to_place")) if p
    )
    return {"title": f"{booking.kind} {code}".strip(), "when": when, "place": route}
