"""Protocol in the GUI: the seating editor per item (the gift register is a record page)."""
