"""TourPlanner: plan international conferences and study tours."""

__version__ = "0.1.0"
