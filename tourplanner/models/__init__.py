"""SQLAlchemy mapped classes of a plan file; nothing else lives here."""

from tourplanner.models.base import Base, UTCDateTime
from tourplanner.models.operations import Assignment, RoomBooking, Vehicle, VehicleSeat
from tourplanner.models.organization import Group, Organization, group_members
from tourplanner.models.participation import Participation
from tourplanner.models.person import SENSITIVE_PERSON_FIELDS, Person
from tourplanner.models.plan import Plan
from tourplanner.models.programme import Item, Programme
from tourplanner.models.protocol import OrganizationProtocol, Precedence, Seat, SeatingPlan
from tourplanner.models.protocol_gifts import Gift
from tourplanner.models.travel import Traveller, TravelSegment
from tourplanner.models.venue import Room, TravelTime, Venue

__all__ = [
    "Assignment",
    "RoomBooking",
    "Vehicle",
    "VehicleSeat",
    "Base",
    "Gift",
    "Group",
    "Item",
    "Organization",
    "OrganizationProtocol",
    "Participation",
    "Person",
    "Plan",
    "Precedence",
    "Programme",
    "Room",
    "Seat",
    "SeatingPlan",
    "SENSITIVE_PERSON_FIELDS",
    "TravelSegment",
    "Traveller",
    "TravelTime",
    "UTCDateTime",
    "Venue",
    "group_members",
]
