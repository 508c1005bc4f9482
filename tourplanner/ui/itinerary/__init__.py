"""A person's itinerary on screen exactly as its PDF prints: making it (render), the open PDF
(document), its pages, zoom, printing, and the preview widget that puts them together."""

from tourplanner.ui.itinerary.preview import EMPTY_TEXT, ItineraryPreview
from tourplanner.ui.itinerary.render import Itinerary, render_itinerary, safe_file_stem

__all__ = ["EMPTY_TEXT", "Itinerary", "ItineraryPreview", "render_itinerary", "safe_file_stem"]
