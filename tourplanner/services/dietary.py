"""A person's dietary tags: stored as comma-separated `enums.DietaryTag` values, read as a tuple.

The caterer counts tags; the free text (`dietary_needs`) and medical notes stay in the app.
"""

from __future__ import annotations

from tourplanner.enums import ALLERGY_TAGS, DietaryTag
from tourplanner.errors import ValidationError
from tourplanner.i18n import _

_ORDER = {tag.value: n for n, tag in enumerate(DietaryTag)}


def parse_tags(value: object, field: str = "dietary tags") -> str:
    """The stored text of the tags given as text ('vegan, nut allergy') or a sequence of values.

    Labels ('Nut allergy') and values ('nut_allergy') are both accepted; the result is in the
    vocabulary's order, each tag once. An unknown tag is refused in words.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        parts = [p.strip() for p in value.split(",")]
    elif isinstance(value, list | tuple | set | frozenset):
        parts = [str(p).strip() for p in value]
    else:
        raise ValidationError(
            field, _("must be text, not {kind}").format(kind=type(value).__name__)
        )
    found: set[str] = set()
    for part in parts:
        if not part:
            continue
        tag = part.casefold().replace("-", "_").replace(" ", "_")
        if tag not in _ORDER:
            allowed = ", ".join(_ORDER)
            raise ValidationError(
                field, _("{part!r} is not one of: {allowed}").format(part=part, allowed=allowed)
            )
        found.add(tag)
    return ",".join(sorted(found, key=_ORDER.__getitem__))


def tags_of(stored: str) -> tuple[str, ...]:
    """The tags of a stored value, in the vocabulary's order."""
    return tuple(t for t in stored.split(",") if t)


def allergies_of(stored: str) -> tuple[str, ...]:
    """The tags of a stored value a caterer must be warned about."""
    return tuple(t for t in tags_of(stored) if t in ALLERGY_TAGS)
