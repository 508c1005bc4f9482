"""Kept so `tourplanner.models.enums` still names the vocabularies (they live in `tourplanner.enums`)."""

from tourplanner.enums import *  # noqa: F403
