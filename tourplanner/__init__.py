"""TourPlanner: plan international conferences and study tours."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is written once, in the package metadata (pyproject.toml); read on first use.
    if name == "__version__":
        from tourplanner.about import version

        return version()
    raise AttributeError(f"module 'tourplanner' has no attribute {name!r}")
