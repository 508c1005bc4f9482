"""The demo's protocol: sides and ranks, the signing, the opening rostrum, the banquet, gifts.

From the seed story: the ICMA–CAIEP agreement signed by Bob O'Neill and Mr. Nie Biao, witnessed
by Mr. Sun Zhaohua, Mr. Zheng Jie and Mr. Wang Haiyang, with ICMA staff behind their director.
"""

from __future__ import annotations

# fmt: off
# Organisation key -> (side, rank among organisations).
ORGANIZATION_SIDES: dict[str, tuple[str, int]] = {
    "safea": ("host", 1), "caiep": ("host", 2), "szfeb": ("host", 3),
    "icma": ("guest", 1), "arlington": ("guest", 2), "fortcollins": ("guest", 3),
    "sanantonio": ("guest", 4),
}
# Person key -> explicit rank within their side (the others are derived from role).
RANKS: dict[str, int] = {
    "sun": 1, "nie": 2, "zheng": 3, "wang": 4, "liu": 5,
    "oneill": 1, "mitchell": 2, "kim": 3, "echen": 4,
}
# Interpreter key -> the principal they interpret for.
INTERPRETS_FOR: dict[str, str] = {"chen_xy": "sun"}
# Who else is at the protocol items (the signing's second, witnesses; the rostrum).
PROTOCOL_BOOKINGS: dict[str, tuple[str, ...]] = {
    "signing": ("zheng", "wang", "liu", "mitchell", "kim", "echen"),
    "opening": ("nie", "wang", "oneill"),
    "banquet": ("chen_xy",),
}
# Item key -> (layout, convention, tables, seats per table, table tags).
SEATING: dict[str, tuple[str, str, int, int, str]] = {
    "signing": ("signing", "international", 1, 10, ""),
    "opening": ("rostrum", "chinese", 1, 10, ""),
    "banquet": ("banquet", "international", 3, 8, "2: vegetarian halal\n3: nut"),
}
# (direction, giver, recipient, gift, description, value, currency, date, occasion item, kept at)
GIFTS: list[tuple[str, str, str, str, str, float, str, str, str, str]] = [
    ("given", "ICMA (Bob O'Neill)", "SAFEA (Mr. Sun Zhaohua)", "Crystal globe with the ICMA seal",
     "Engraved: 'ICMA–SAFEA, partners in local government, 2015'.", 180.0, "USD",
     "2015-04-22", "signing", "SAFEA, Beijing: reception hall"),
    ("received", "SAFEA (Mr. Sun Zhaohua)", "ICMA (Bob O'Neill)", "Cloisonné vase",
     "Jingtai blue, 30 cm, in a silk box.", 1200.0, "CNY", "2015-04-22", "signing",
     "ICMA headquarters, Washington DC: display case (registered under 5 U.S.C. 7342)"),
    ("received", "Yangzhou Municipal People's Government", "ICMA delegation",
     "Yangzhou lacquerware box", "Inlaid mother-of-pearl, with the training-base emblem.",
     600.0, "CNY", "2015-04-25", "post_welcome", "ICMA China Center, CUPL Beijing"),
]
# fmt: on
