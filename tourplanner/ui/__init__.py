"""Everything Qt lives here; the rest of TourPlanner never imports PySide6."""
