"""The gift register: official gifts given and received, checked and listed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tourplanner.errors import ValidationError
from tourplanner.i18n import _
from tourplanner.models import Gift
from tourplanner.services import validation as v
from tourplanner.services.common import create_record, delete_record, fetch, update_record
from tourplanner.services.listings import Listing

GIFT_FIELDS = (
    "direction",
    "giver",
    "recipient",
    "name",
    "description",
    "value",
    "currency",
    "given_on",
    "occasion",
    "item_id",
    "kept_at",
)
DIRECTIONS = ("given", "received")
# What the register's form edits (the link to an item is set by the seating and demo code).
GIFT_FORM_FIELDS = tuple(f for f in GIFT_FIELDS if f != "item_id")


def _validate(gift: Gift) -> None:
    if gift.direction not in DIRECTIONS:
        raise ValidationError("direction", _("must be 'given' or 'received'"))
    gift.giver = v.required_text(gift.giver, "giver", max_length=300)
    gift.recipient = v.required_text(gift.recipient, "recipient", max_length=300)
    gift.name = v.required_text(gift.name, "gift", max_length=300)
    gift.description = v.optional_text(gift.description, "description")
    gift.occasion = v.optional_text(gift.occasion, "occasion", max_length=300)
    gift.kept_at = v.optional_text(gift.kept_at, "where it is kept", max_length=300)
    currency = v.optional_text(gift.currency, "currency", max_length=3).upper()
    if currency and not (len(currency) == 3 and currency.isalpha()):
        raise ValidationError("currency", _("must be a three-letter code such as CNY or USD"))
    gift.currency = currency
    if gift.value is not None:
        if isinstance(gift.value, bool) or not isinstance(gift.value, int | float):
            raise ValidationError("value", _("must be a number"))
        if gift.value < 0:
            raise ValidationError("value", _("cannot be negative"))
        if not currency:
            raise ValidationError("currency", _("is needed with a value"))
    if gift.given_on is not None and not isinstance(gift.given_on, date):
        raise ValidationError("date", _("must be a date"))


def create_gift(session: Session, **fields: object) -> int:
    """Record a gift; returns its id."""
    fields.setdefault("direction", "given")
    return create_record(session, Gift(), fields, GIFT_FIELDS, _validate)


def update_gift(session: Session, gift_id: int, **changes: object) -> None:
    update_record(session, Gift, gift_id, changes, GIFT_FIELDS, _validate, "gift")


def delete_gift(session: Session, gift_id: int) -> None:
    delete_record(session, Gift, gift_id, "gift")


def get_gift(session: Session, gift_id: int) -> Gift:
    return fetch(session, Gift, gift_id, "gift")


def list_gifts(session: Session) -> list[Gift]:
    """Every gift by date (undated last), then by id."""
    gifts = list(session.scalars(select(Gift).order_by(Gift.id)))
    return sorted(gifts, key=lambda g: (g.given_on is None, g.given_on or date.min, g.id))


def gift_views(session: Session) -> list[dict[str, object]]:
    """Every gift as plain values (the register's table, exports, the GUI)."""
    return [
        {"id": g.id, **{name: getattr(g, name) for name in GIFT_FIELDS}}
        for g in list_gifts(session)
    ]


def gifts_listing(session: Session) -> Listing:
    """The register's table: date, direction, by, to, gift, value, occasion, kept at."""
    rows = []
    for g in list_gifts(session):
        value = f"{g.value:,.2f} {g.currency}" if g.value is not None else ""
        rows.append(
            (
                g.id,
                str(g.given_on or ""),
                g.direction,
                g.giver,
                g.recipient,
                g.name,
                value,
                g.occasion,
                g.kept_at,
            )
        )
    columns = ("Date", "Given / received", "By", "To", "Gift", "Value", "Occasion", "Kept at")
    return Listing(columns, rows)
