"""Write the demo's protocol tables (demo/protocol.py) through the services."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from tourplanner.demo import protocol as tables
from tourplanner.demo.people import ORGANIZATIONS
from tourplanner.services import items, organizations, participations, protocol, protocol_gifts


def add_protocol(session: Session, person_ids: dict[str, int], item_ids: dict[str, int]) -> None:
    """Sides, ranks, the protocol items' extra bookings, their seating plans and the gifts."""
    by_name = {o.name_en: o.id for o in organizations.list_organizations(session)}
    for key, (side, rank) in tables.ORGANIZATION_SIDES.items():
        org_id = by_name[ORGANIZATIONS[key][0]]
        protocol.set_organization_protocol(session, org_id, side=side, rank=rank)
    for key in tables.RANKS.keys() | tables.INTERPRETS_FOR.keys():
        principal = tables.INTERPRETS_FOR.get(key)
        protocol.set_precedence(
            session,
            person_ids[key],
            rank=tables.RANKS.get(key),
            interprets_for_id=person_ids[principal] if principal else None,
        )
    for item_key, keys in tables.PROTOCOL_BOOKINGS.items():
        for key in keys:
            participations.add_participation(
                session, person_ids[key], item_id=item_ids[item_key], role="attending"
            )
    for item_key, (layout, convention, count, seats, tags) in tables.SEATING.items():
        protocol.seat_item(
            session,
            item_ids[item_key],
            layout=layout,
            convention=convention,
            tables=count,
            seats_per_table=seats,
            table_tags=tags,
        )
    for row in tables.GIFTS:
        direction, giver, recipient, name, description, value, currency, day, item, kept = row
        protocol_gifts.create_gift(
            session,
            direction=direction,
            giver=giver,
            recipient=recipient,
            name=name,
            description=description,
            value=value,
            currency=currency,
            given_on=date.fromisoformat(day),
            occasion=items.get_item(session, item_ids[item]).title_en,
            item_id=item_ids[item],
            kept_at=kept,
        )
