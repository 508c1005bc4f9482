"""Documents made from a plan: PDF itineraries, booklets and tour sheets."""
