"""Who is booked on what in the demo: whole programmes, item roles, breakouts."""

from __future__ import annotations

from tourplanner.demo.people import POST_TOUR_DELEGATES, POST_TOUR_WAITLIST

# fmt: off
# Whole-programme bookings: (programme, person or "group:NAME", role, status).
PROGRAMME_BOOKINGS: list[tuple[str, str, str, str]] = [
    ("pre", "group:US delegation", "attending", "confirmed"),
    ("pre", "oneill", "attending", "confirmed"),
    ("pre", "kim", "attending", "confirmed"),
    ("pre", "echen", "attending", "confirmed"),
    ("pre", "mitchell", "leading", "confirmed"),
    ("conf", "group:US delegation", "attending", "confirmed"),
    ("conf", "group:ICMA staff", "attending", "confirmed"),
    ("conf", "nie", "attending", "confirmed"),
    ("conf", "sun", "attending", "confirmed"),
    ("conf", "zheng", "attending", "confirmed"),
    ("conf", "wang", "attending", "confirmed"),
    ("post", "mitchell", "leading", "confirmed"),
    ("post", "echen", "attending", "confirmed"),
    *(("post", key, "attending", "confirmed") for key in POST_TOUR_DELEGATES),
    *(("post", key, "attending", "waitlisted") for key in POST_TOUR_WAITLIST),
]

# Item roles: item key -> {role: people}.
ITEM_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "opening": {"speaking": ("sun",), "chairing": ("zheng",), "interpreting": ("chen_xy",)},
    "keynote": {"speaking": ("oneill",), "chairing": ("nie",), "interpreting": ("chen_xy",)},
    "plenary_21": {"speaking": ("nie",), "chairing": ("wang",), "interpreting": ("chen_xy",)},
    "s1a": {"speaking": ("park",), "chairing": ("kim",)},
    "s1b": {"speaking": ("walsh", "brooks"), "chairing": ("zheng",), "interpreting": ("chen_xy",)},
    "s1c": {"speaking": ("wang",)},
    "s2a": {"speaking": ("hartman",), "chairing": ("mitchell",)},
    "s2b": {"speaking": ("hassan", "jensen"), "chairing": ("rchen",)},
    "s2c": {"speaking": ("echen",), "chairing": ("kim",)},
    "plenary_22": {
        "speaking": ("reyes", "walsh"),
        "chairing": ("mitchell",),
        "interpreting": ("chen_xy",),
    },
    "signing": {"speaking": ("oneill", "nie"), "chairing": ("sun",), "interpreting": ("chen_xy",)},
    "s3a": {"speaking": ("thompson",)},
    "s3b": {"speaking": ("reyes",), "chairing": ("walsh",)},
    "s3c": {"speaking": ("oconnor", "jensen")},
    "s4a": {"speaking": ("zheng",), "chairing": ("nie",)},
    "s4b": {
        "speaking": ("oneill", "wang", "rchen"),
        "chairing": ("mitchell",),
        "interpreting": ("chen_xy",),
    },
    "plenary_23": {"speaking": ("kim", "zheng"), "interpreting": ("chen_xy",)},
    "s5a": {"speaking": ("wright",), "chairing": ("kim",)},
    "s5b": {"speaking": ("gomez",)},
    "closing_plenary": {"chairing": ("kim",), "interpreting": ("chen_xy",)},
    "closing": {"speaking": ("nie", "oneill"), "interpreting": ("chen_xy",)},
    "pre_forbidden_city": {"leading": ("zhao",)},
    "pre_great_wall": {"leading": ("zhao",)},
    "pre_caiep": {"speaking": ("liu",), "interpreting": ("li_na",)},
    "pre_cupl": {"speaking": ("zhang",), "interpreting": ("li_na",)},
    "pre_cupl_lunch": {"attending": ("zhang",), "interpreting": ("li_na",)},
    "pre_namc": {"speaking": ("chen_g",), "interpreting": ("li_na",)},
    "post_welcome": {"speaking": ("huang",), "chairing": ("zhou",), "interpreting": ("wu",)},
    "post_welcome_dinner": {"attending": ("huang", "zhou"), "interpreting": ("wu",)},
    "post_training": {"chairing": ("zhou",), "interpreting": ("wu",)},
    "post_dongguan": {"leading": ("sun_li",)},
    "post_lake": {"leading": ("sun_li",)},
    "post_ge_garden": {"leading": ("sun_li",)},
    "post_supec": {"leading": ("gu",)},
    "post_bund": {"leading": ("gu",)},
    # Deliberate: a booking left on a cancelled item (see DELIBERATE_FINDINGS).
    "cruise": {"attending": ("hassan",)},
}

# Breakouts each person attends (where they do not speak or chair): one per time slot.
BREAKOUTS: dict[str, tuple[str, ...]] = {
    "walsh": ("s2a", "s4b", "s5b"),
    "brooks": ("s2b", "s3b", "s4b", "s5a"),
    "oconnor": ("s1a", "s2b", "s4a", "s5a"),
    "reyes": ("s1b", "s2a", "s4b", "s5b"),
    "thompson": ("s1a", "s2c", "s4b", "s5a"),
    "hartman": ("s1b", "s3b", "s4a", "s5b"),
    "hassan": ("s1c", "s3c", "s4b", "s5b"),
    "gomez": ("s1b", "s2a", "s3a", "s4b"),
    "jensen": ("s1a", "s4a", "s5a"),
    "rchen": ("s1c", "s3a", "s5a"),
    "wright": ("s1a", "s2c", "s3a", "s4b"),
    "park": ("s2c", "s3c", "s4a", "s5a"),
    "oneill": ("s1c",),
    "echen": ("s3a", "s5b"),
    "mitchell": ("s3b",),
    "kim": ("s3c", "s4a"),
}
# Everyone on the post-conference tour is booked into the training exchange (a workshop).
BREAKOUTS_POST = ("post_training",)
# fmt: on
