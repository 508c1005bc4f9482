"""The conflicts dock: the plan's findings kept up to date (checker) and listed (panel)."""
