"""The fixed vocabularies stored in the plan file (stored as their string values).

They live outside `models` so the UI can name them without importing the ORM.
"""

from __future__ import annotations

from enum import StrEnum

from tourplanner.i18n import N_, _


class ProgrammeKind(StrEnum):
    CONFERENCE = "conference"
    PRE_TOUR = "pre_tour"
    POST_TOUR = "post_tour"
    STUDY_TOUR = "study_tour"
    TRAINING = "training"
    VISIT = "visit"


class ItemKind(StrEnum):
    KEYNOTE = "keynote"
    PLENARY = "plenary"
    SESSION = "session"
    PANEL = "panel"
    WORKSHOP = "workshop"
    CEREMONY = "ceremony"
    MEAL = "meal"
    RECEPTION = "reception"
    SITE_VISIT = "site_visit"
    TRANSFER = "transfer"
    FREE_TIME = "free_time"
    OTHER = "other"


class ItemStatus(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"


class PersonRole(StrEnum):
    DELEGATE = "delegate"
    SPEAKER = "speaker"
    STAFF = "staff"
    INTERPRETER = "interpreter"
    GUIDE = "guide"
    OFFICIAL = "official"
    VIP = "vip"


class ParticipationRole(StrEnum):
    ATTENDING = "attending"
    SPEAKING = "speaking"
    CHAIRING = "chairing"
    LEADING = "leading"
    INTERPRETING = "interpreting"


class ParticipationStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class GiftDirection(StrEnum):
    GIVEN = "given"
    RECEIVED = "received"


class TravelKind(StrEnum):
    FLIGHT = "flight"
    TRAIN = "train"
    ROAD = "road"
    HOTEL = "hotel"


class TravellerStatus(StrEnum):
    """A traveller's place on a journey; a cancelled one is kept for the record, not travelling."""

    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"


class RoomType(StrEnum):
    """A hotel room's type on a rooming list."""

    SINGLE = "single"
    TWIN = "twin"
    DOUBLE = "double"
    SUITE = "suite"


class VehicleKind(StrEnum):
    COACH = "coach"
    MINIBUS = "minibus"
    CAR = "car"
    VAN = "van"


class AssignmentRole(StrEnum):
    """What a person is assigned to do for an item or a programme day."""

    GUIDE = "guide"
    DRIVER = "driver"
    INTERPRETER = "interpreter"


class InterpretingMode(StrEnum):
    NONE = ""
    CONSECUTIVE = "consecutive"
    SIMULTANEOUS = "simultaneous"


class DietaryTag(StrEnum):
    """A person's dietary needs as a caterer counts them (the free text stays beside them)."""

    VEGETARIAN = "vegetarian"
    VEGAN = "vegan"
    HALAL = "halal"
    KOSHER = "kosher"
    NO_PORK = "no_pork"
    NO_ALCOHOL = "no_alcohol"
    NUT_ALLERGY = "nut_allergy"
    SHELLFISH_ALLERGY = "shellfish_allergy"
    GLUTEN_FREE = "gluten_free"
    OTHER = "other"


# The tags a caterer must be warned about, not merely count.
ALLERGY_TAGS = frozenset({DietaryTag.NUT_ALLERGY, DietaryTag.SHELLFISH_ALLERGY})


ACRONYMS = {"vip": "VIP"}


# Every label `label` makes, marked for the catalog (a test keeps this list complete).
LABELS = (
    N_("Conference"),
    N_("Pre tour"),
    N_("Post tour"),
    N_("Study tour"),
    N_("Training"),
    N_("Visit"),
    N_("Keynote"),
    N_("Plenary"),
    N_("Session"),
    N_("Panel"),
    N_("Workshop"),
    N_("Ceremony"),
    N_("Meal"),
    N_("Reception"),
    N_("Site visit"),
    N_("Transfer"),
    N_("Free time"),
    N_("Other"),
    N_("Confirmed"),
    N_("Tentative"),
    N_("Cancelled"),
    N_("Waitlisted"),
    N_("Delegate"),
    N_("Speaker"),
    N_("Staff"),
    N_("Interpreter"),
    N_("Guide"),
    N_("Official"),
    N_("VIP"),
    N_("Attending"),
    N_("Speaking"),
    N_("Chairing"),
    N_("Leading"),
    N_("Interpreting"),
    N_("Given"),
    N_("Received"),
    N_("Flight"),
    N_("Train"),
    N_("Road"),
    N_("Hotel"),
    N_("Single"),
    N_("Twin"),
    N_("Double"),
    N_("Suite"),
    N_("Car"),
    N_("Van"),
    N_("Minibus"),
    N_("Coach"),
    N_("Driver"),
    N_("Consecutive"),
    N_("Simultaneous"),
    N_("Vegetarian"),
    N_("Vegan"),
    N_("Halal"),
    N_("Kosher"),
    N_("No pork"),
    N_("No alcohol"),
    N_("Nut allergy"),
    N_("Shellfish allergy"),
    N_("Gluten free"),
)


def label(value: str) -> str:
    """A display label for a vocabulary value, in the current language: 'site_visit' ->
    'Site visit' (参观考察), 'vip' -> 'VIP' (贵宾)."""
    if not value:
        return ""  # "no mode": and gettext's "" would be the catalog's header
    return _(ACRONYMS.get(value) or value.replace("_", " ").capitalize())
