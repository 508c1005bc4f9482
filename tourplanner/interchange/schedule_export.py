"""Export a programme as a c3voc conference schedule (schedule.xml / schedule.json).

The format of frab, pretalx and osem, read by Giggity, EventFahrplan and pyfahrplan. Every
occurrence of a non-cancelled item is an event on the local day it starts (in the programme's
zone), in its room (or its venue, when it has no room), with its speakers as persons. The output
validates against the c3voc XML Schema and JSON Schema (see tests/fixtures/c3voc/).
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner import __version__
from tourplanner.enums import ItemStatus, ParticipationRole, ParticipationStatus
from tourplanner.errors import ValidationError
from tourplanner.files import write_bytes
from tourplanner.i18n import _
from tourplanner.models import Participation, Person, Programme
from tourplanner.services.common import fetch
from tourplanner.services.itinerary import programme_items
from tourplanner.services.views import ItemView
from tourplanner.timezones import local_day_bounds, to_local

NO_ROOM = "General"
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
_UUID_RE = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")


def slugify(text: str, *, fallback: str = "item") -> str:
    """Lower-case ASCII letters, digits and hyphens ('Opening Ceremony' -> 'opening-ceremony')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")[:50].strip("-")
    return slug if len(slug) >= 4 else fallback


def acronym_of(programme: Programme) -> str:
    """A c3voc acronym ([a-z0-9_]{4,}) from the programme's title and year."""
    year = str(programme.start_date.year)
    words = [w for w in slugify(programme.title_en, fallback="programme").split("-") if w != year]
    base = "_".join(words)
    if len(base) > 24:  # 'safea-foreign-expert-affairs-conference' -> 'safea_feac'
        base = f"{words[0][:12]}_{''.join(w[0] for w in words[1:])}"
    if year not in base:
        base = f"{base}_{year}"
    return base if len(base) >= 4 else f"programme_{year}"


def event_guid(view: ItemView, first: bool) -> str:
    """The item's uid where it is a UUID (first occurrence); else a UUID derived from it."""
    if first and _UUID_RE.match(view.uid):
        return view.uid.lower()
    return str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"tourplanner:item:{view.uid}:{view.start_utc.isoformat()}")
    )


def person_guid(person: Person) -> str:
    """As c3voc suggests: uuid5 of 'acct:email' when there is an email."""
    key = (
        f"acct:{person.email.casefold()}"
        if person.email
        else f"tourplanner:person:{person.name_latin}"
    )
    return str(uuid.uuid5(uuid.NAMESPACE_URL, key))


def _hhmm(delta: timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, mins = divmod(minutes, 60)
    return f"{min(hours, 99):02d}:{mins:02d}"


def _speakers(session: Session, item_ids: list[int]) -> dict[int, list[Person]]:
    result: dict[int, list[Person]] = defaultdict(list)
    if not item_ids:
        return result
    rows = session.execute(
        select(Participation.item_id, Person)
        .join(Person)
        .where(
            Participation.item_id.in_(item_ids),
            Participation.role == ParticipationRole.SPEAKING,
            Participation.status != ParticipationStatus.CANCELLED,
        )
        .order_by(Person.name_latin, Person.id)
    )
    for item_id, person in rows:
        assert item_id is not None  # the query asks for these items' speakers only
        result[item_id].append(person)
    return result


def schedule_data(session: Session, programme_id: int) -> dict[str, Any]:
    """The schedule as the c3voc JSON structure (also the source of the XML form)."""
    programme = fetch(session, Programme, programme_id, "programme")
    zone_name = programme.timezone
    views = [v for v in programme_items(session, programme_id) if v.status != ItemStatus.CANCELLED]
    speakers = _speakers(session, sorted({v.id for v in views}))
    acronym = acronym_of(programme)
    first_dates = [
        programme.start_date + timedelta(days=n)
        for n in range((programme.end_date - programme.start_date).days + 1)
    ]
    dates = sorted(set(first_dates) | {to_local(v.start_utc, zone_name).date() for v in views})
    by_day: dict[date, dict[str, list[dict[str, Any]]]] = {d: defaultdict(list) for d in dates}
    rooms: dict[str, str] = {}
    tracks: dict[str, None] = {}
    seen: set[int] = set()
    for number, view in enumerate(views, start=1):
        room = view.room or (view.venue.name_en if view.venue else NO_ROOM)
        rooms.setdefault(room, str(uuid.uuid5(uuid.NAMESPACE_URL, f"tourplanner:room:{room}")))
        if view.track:
            tracks.setdefault(view.track)
        local = to_local(view.start_utc, view.timezone)
        guid = event_guid(view, view.id not in seen)
        seen.add(view.id)
        event = {
            "guid": guid,
            "id": number,
            "date": local.isoformat(),
            "start": f"{local:%H:%M}",
            "end": to_local(view.end_utc, view.timezone).isoformat(),
            "duration": _hhmm(view.end_utc - view.start_utc),
            "room": room,
            "slug": f"{acronym}-{number}-{slugify(view.title_en)}",
            "url": f"urn:uuid:{guid}",
            "title": view.title_en,
            "subtitle": view.title_local,
            "track": view.track,
            "type": view.kind,
            "language": view.language,
            "abstract": view.description,
            "description": "",
            "persons": [
                {"name": p.name_latin, "guid": person_guid(p)} for p in speakers.get(view.id, [])
            ],
            "links": [],
        }
        by_day[to_local(view.start_utc, zone_name).date()][room].append(event)
    days = []
    for index, day in enumerate(dates, start=1):
        start, end = local_day_bounds(day, zone_name)
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": to_local(start, zone_name).isoformat(),
                "day_end": to_local(end - timedelta(seconds=1), zone_name).isoformat(),
                "rooms": dict(by_day[day]),
            }
        )
    revision = sum(1 + v.sequence for v in views)
    conference = {
        "acronym": acronym,
        "title": programme.title_en,
        "start": dates[0].isoformat() if dates else programme.start_date.isoformat(),
        "end": dates[-1].isoformat() if dates else programme.end_date.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": "00:15",
        "time_zone_name": zone_name,
        "rooms": [{"name": name, "guid": guid} for name, guid in rooms.items()],
        "tracks": [{"name": name} for name in tracks],
        "days": days,
    }
    if programme.description:
        conference["description"] = programme.description
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "TourPlanner", "version": __version__},
        "schedule": {"version": f"{date.today():%Y-%m-%d} r{revision}", "conference": conference},
    }


def schedule_json(data: dict[str, Any]) -> bytes:
    """The schedule.json text (UTF-8, Chinese kept readable)."""
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def schedule_xml(data: dict[str, Any]) -> bytes:
    """The schedule.xml document, element order as in the c3voc XML Schema."""
    conf = data["schedule"]["conference"]
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="TourPlanner", version=__version__)
    ET.SubElement(root, "version").text = data["schedule"]["version"]
    conference = ET.SubElement(root, "conference")
    for key in ("title", "acronym", "start", "end"):
        ET.SubElement(conference, key).text = conf[key]
    ET.SubElement(conference, "days").text = str(conf["daysCount"])
    ET.SubElement(conference, "timeslot_duration").text = conf["timeslot_duration"]
    ET.SubElement(conference, "time_zone_name").text = conf["time_zone_name"]
    for track in conf["tracks"]:
        ET.SubElement(conference, "track", name=track["name"]).text = track["name"]
    guids = {r["name"]: r["guid"] for r in conf["rooms"]}
    for day in conf["days"]:
        day_el = ET.SubElement(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for room, events in day["rooms"].items():
            room_el = ET.SubElement(day_el, "room", name=room, guid=guids[room])
            for event in events:
                ev = ET.SubElement(room_el, "event", id=str(event["id"]), guid=event["guid"])
                for key in (
                    "room",
                    "title",
                    "subtitle",
                    "type",
                    "date",
                    "start",
                    "duration",
                    "abstract",
                    "slug",
                    "track",
                ):
                    ET.SubElement(ev, key).text = event[key]
                persons = ET.SubElement(ev, "persons")
                for person in event["persons"]:
                    ET.SubElement(persons, "person", guid=person["guid"]).text = person["name"]
                ET.SubElement(ev, "language").text = event["language"]
                ET.SubElement(ev, "description").text = event["description"]
                ET.SubElement(ev, "links")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def export_schedule(session: Session, path: Path | str, *, programme_id: int) -> int:
    """Write schedule.xml or schedule.json (by the file's suffix); returns the number of events."""
    path = Path(path)
    data = schedule_data(session, programme_id)
    suffix = path.suffix.lower()
    if suffix == ".json":
        payload = schedule_json(data)
    elif suffix == ".xml":
        payload = schedule_xml(data)
    else:
        raise ValidationError(
            "output", _("{name}: choose a .xml or .json file name").format(name=path.name)
        )
    write_bytes(path, payload)  # atomic: a failed write leaves the old file as it was
    return sum(
        len(evs) for day in data["schedule"]["conference"]["days"] for evs in day["rooms"].values()
    )
