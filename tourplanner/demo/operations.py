"""The demo's operations: rooms for the hotel stays (twins shared by delegates), the post-tour
minibus with its driver and guide, interpreters at the keynotes, dietary tags and the menu of
every meal, meeting points. (The arrivals are met by the chartered cars of `travel.py`.)

Built after the people, programmes and journeys, through the services.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.enums import TravelKind
from tourplanner.models import Traveller, TravelSegment
from tourplanner.services import (
    assignments,
    item_logistics,
    people,
    room_bookings,
    vehicles,
    venues,
)

# fmt: off
HOTEL_PHONES = {
    "shangrila_bj": "+86 10 6841 2211",
    "shangrila_sz": "+86 755 8828 4088",
    "yz_guesthouse": "+86 514 8780 9888",
    "peace_hotel": "+86 21 6138 6888",
}
# Delegates sharing a twin room in Shenzhen (and on the post-conference tour).
TWINS = (("walsh", "brooks"), ("reyes", "thompson"), ("park", "gomez"))
DOUBLES = ("oneill", "nie")  # the VIPs: a suite
REQUESTS = {
    "wright": ("", True, "Ground floor or near the lift (knee)."),
    "hassan": ("", False, "Prayer mat and qibla direction, please."),
}
DIETARY_TAGS = {
    "walsh": ("vegetarian",),
    "thompson": ("nut_allergy",),
    "hassan": ("halal", "no_pork", "no_alcohol"),
    "park": ("shellfish_allergy",),
    "gomez": ("gluten_free",),
    "brooks": ("other",),
}
DIETARY_OTHER = {"brooks": "no spicy food"}
MINIBUS = {
    "name": "Post-tour minibus", "kind": "minibus", "seats": 12, "plate": "苏K·A2015",
    "company": "Yangzhou Tourism Coach Co.", "driver_name": "Qian Jun (钱军)",
    "driver_phone": "+86 139 5275 0142", "fixed_seats": True,
}
BEIJING_COACH = {
    "name": "Beijing coach", "kind": "coach", "seats": 33, "plate": "京B·H8821",
    "company": "Beijing CITS Coach Service", "driver_name": "Ma Qiang (马强)",
    "driver_phone": "+86 138 1066 2207",
}
INTERPRETERS = {  # item key: (interpreter, from, to, mode, booth)
    "opening": ("chen_xy", "zh", "en", "simultaneous", "Booth 1 (Hall A)"),
    "keynote": ("chen_xy", "en", "zh", "simultaneous", "Booth 1 (Hall A)"),
    "plenary_21": ("chen_xy", "zh", "en", "simultaneous", "Booth 1 (Hall A)"),
    "pre_caiep": ("li_na", "zh", "en", "consecutive", ""),
    "post_welcome": ("wu", "zh", "en", "consecutive", ""),
}
MEETING_POINTS = {  # item key: (meeting point, local time)
    "post_coach_szx": ("Hotel lobby, Shangri-La Futian; the minibus waits at the main door",
                       "2015-04-24 08:00"),
    "post_coach_yz": ("Arrivals hall, Yangzhou Taizhou Airport, exit B", "2015-04-24 13:15"),
    "post_lake": ("Guest House main gate", "2015-04-26 09:00"),
    "post_coach_sh": ("Guest House lobby, luggage out by 08:00", "2015-04-27 08:15"),
}
# Every meal with guests who have dietary tags says what the kitchen serves them (else the
# check warns: meal-diet-without-menu).
MENUS = {
    "pre_welcome": "Beijing home cooking, shared dishes; vegetarian, halal and nut-free plates "
                   "served apart.",
    "pre_breakfast": "Buffet; gluten-free bread and halal sausages on request at the egg station.",
    "pre_duck": "Roast duck set menu; vegetarian mushroom duck, halal beef, no peanut sauce.",
    "pre_wall_lunch": "Set lunch of local trout and vegetables; gluten-free and nut-free.",
    "pre_cupl_lunch": "Campus canteen buffet; the halal counter and a vegetarian table.",
    "pre_sz_dinner": "Cantonese set dinner; no shellfish for Ms. Park, vegetarian and halal plates.",
    "lunch_21": "Buffet; allergen cards on every dish, halal and vegetarian counters.",
    "lunch_22": "Buffet; allergen cards on every dish, halal and vegetarian counters.",
    "banquet": "Cantonese banquet, eight courses; vegetarian, halal and nut-free plates "
               "prepared apart.",
    "lunch_23": "Buffet; allergen cards on every dish, halal and vegetarian counters.",
    "farewell_conf": "Western set dinner; vegetarian risotto, halal lamb, gluten-free dessert.",
    "post_welcome_dinner": "Huaiyang cuisine; lion's head meatballs (pork): halal option beef.",
    "post_breakfast": "Buffet; congee, eggs, fruit; gluten-free bread kept apart.",
    "post_lunch_25": "Set lunch; no shellfish, a vegetarian and a halal plate.",
    "post_dimsum": "Dim sum; vegetable and beef baskets steamed apart, no shrimp for Ms. Park.",
    "post_lunch_26": "Set lunch; vegetarian and halal plates, no nuts.",
    "post_dinner_26": "Yangzhou fried rice in three versions: egg, vegetable, beef (halal).",
    "post_lunch_27": "Shanghai set lunch; no shellfish, vegetarian and halal plates.",
    "post_farewell": "Shanghainese banquet; halal, vegetarian and gluten-free plates, no nuts.",
}
# fmt: on


def _stays(session: Session) -> dict[int, list[tuple[int, int | None]]]:
    """Each person's hotel stays as (stay id, hotel id), in order."""
    rows = session.execute(
        select(Traveller.person_id, TravelSegment.id, TravelSegment.venue_id)
        .join(TravelSegment, Traveller.segment_id == TravelSegment.id)
        .where(TravelSegment.kind == TravelKind.HOTEL)
        .order_by(TravelSegment.start_utc)
    ).all()
    found: dict[int, list[tuple[int, int | None]]] = {}
    for person_id, stay_id, venue_id in rows:
        found.setdefault(person_id, []).append((stay_id, venue_id))
    return found


def add_operations(
    session: Session,
    person_ids: dict[str, int],
    programme_ids: dict[str, int],
    item_ids: dict[str, int],
    venue_ids: dict[str, int],
) -> None:
    for key, phone in HOTEL_PHONES.items():
        venues.update_venue(session, venue_ids[key], phone=phone)
    for key, tags in DIETARY_TAGS.items():
        people.update_person(
            session, person_ids[key], dietary_tags=tags, dietary_other=DIETARY_OTHER.get(key, "")
        )
    _add_rooms(session, person_ids)
    _add_vehicles(session, person_ids, programme_ids, item_ids)
    for item_key, (who, src, dst, mode, booth) in INTERPRETERS.items():
        assignments.create_assignment(
            session, person_id=person_ids[who], role="interpreter", item_id=item_ids[item_key],
            language_from=src, language_to=dst, mode=mode, booth=booth,
        )  # fmt: skip
    for item_key, (point, when) in MEETING_POINTS.items():
        item_logistics.set_item_logistics(
            session, item_ids[item_key], meeting_point=point,
            meeting_time=datetime.strptime(when, "%Y-%m-%d %H:%M"),
        )  # fmt: skip
    for item_key, menu in MENUS.items():
        item_logistics.set_item_logistics(session, item_ids[item_key], menu_note=menu)


def _add_rooms(session: Session, person_ids: dict[str, int]) -> None:
    stays = _stays(session)
    paired: dict[int, int] = {}  # a person's stay id -> the stay it shares with
    for a, b in TWINS:
        for (stay_a, hotel_a), (stay_b, hotel_b) in zip(
            stays[person_ids[a]], stays[person_ids[b]], strict=True
        ):
            assert hotel_a == hotel_b
            paired[stay_b] = stay_a
            paired[stay_a] = stay_a  # the first of the pair holds the room
    vip = {person_ids[k] for k in DOUBLES}
    key_of = {pid: key for key, pid in person_ids.items()}
    number = 1801
    for person_id, found in sorted(stays.items()):
        smoking_req = REQUESTS.get(key_of[person_id])
        for stay_id, _hotel in found:
            shares = paired.get(stay_id)
            room_type = "twin" if shares else ("suite" if person_id in vip else "single")
            _, accessible, text = smoking_req or ("", False, "")
            room_bookings.create_room_booking(
                session,
                stay_id=stay_id,
                room_type=room_type,
                shares_with_id=shares if shares not in (None, stay_id) else None,
                room_number="" if shares and shares != stay_id else str(number),
                accessible=accessible,
                requests=text,
                confirmation_number=f"SL{stay_id:05d}",
            )
            number += 1


def _add_vehicles(
    session: Session,
    person_ids: dict[str, int],
    programme_ids: dict[str, int],
    item_ids: dict[str, int],
) -> None:
    from tourplanner.demo.people import POST_TOUR_DELEGATES

    minibus = vehicles.create_vehicle(session, programme_id=programme_ids["post"], **MINIBUS)
    riders = ["mitchell", "echen", *POST_TOUR_DELEGATES]
    for n, key in enumerate(riders, start=1):
        vehicles.create_seat(session, vehicle_id=minibus, person_id=person_ids[key], seat=str(n))
    coach = vehicles.create_vehicle(session, programme_id=programme_ids["pre"], **BEIJING_COACH)
    first, last = date(2015, 4, 24), date(2015, 4, 27)
    for offset in range((last - first).days + 1):
        day = date.fromordinal(first.toordinal() + offset)
        assignments.create_assignment(
            session, person_id=person_ids["sun_li" if offset < 3 else "gu"], role="guide",
            programme_id=programme_ids["post"], day=day, vehicle_id=minibus,
        )  # fmt: skip
    for day in (date(2015, 4, 16), date(2015, 4, 17), date(2015, 4, 18)):
        assignments.create_assignment(
            session, person_id=person_ids["zhao"], role="guide",
            programme_id=programme_ids["pre"], day=day, vehicle_id=coach,
        )  # fmt: skip
