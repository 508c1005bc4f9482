"""Zoom as the preview counts it: 100 % is the page at its printed size on a 96 dpi screen."""

from __future__ import annotations

POINTS_PER_INCH = 72.0
SCREEN_DPI = 96.0
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
MAX_FIT_ZOOM = 2.0  # on a very wide window "fit width" stops at 200 %, not poster size
A4_WIDTH = 595.0  # points: what "fit width" assumes before any page is shown


def pixels_per_point(zoom: float) -> float:
    """Logical pixels per PDF point at `zoom`."""
    return zoom * SCREEN_DPI / POINTS_PER_INCH


def zoom_of(pixels: float) -> float:
    """The zoom at which a point is `pixels` logical pixels."""
    return pixels * POINTS_PER_INCH / SCREEN_DPI


def fit_width(room: float, widest: float) -> float:
    """Pixels per point that fit a page `widest` points wide into `room` pixels (at least 120),
    never above MAX_FIT_ZOOM."""
    return min(max(room, 120) / widest, pixels_per_point(MAX_FIT_ZOOM))


def bounded(zoom: float) -> float:
    """`zoom` within the smallest and largest steps."""
    return min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])


def step_in(now: float) -> float:
    """The next step larger than `now` (or the largest)."""
    return next((z for z in ZOOM_STEPS if z > now + 0.005), ZOOM_STEPS[-1])


def step_out(now: float) -> float:
    """The next step smaller than `now` (or the smallest)."""
    return next((z for z in reversed(ZOOM_STEPS) if z < now - 0.005), ZOOM_STEPS[0])


def zoom_text(zoom: float) -> str:
    """`zoom` as the label shows it: "125 %"."""
    return f"{zoom:.0%}".replace("%", " %")
