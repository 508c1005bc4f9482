"""The operations pages: hotel rooms, vehicles and their seats, guides, drivers, interpreters."""
