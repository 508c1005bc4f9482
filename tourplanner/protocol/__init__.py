"""The protocol engine: precedence, and the seating layouts laid out by rule or solved.

Pure functions over plain values (no database, no Qt); `services.protocol` feeds them the
people booked on an item and stores what they return. The rules are in docs/protocol.md.
"""
