"""Import and export: people (CSV/XLSX), iCalendar, and c3voc/frab/pretalx conference schedules.

Qt-free. Importers take an open session and work inside the caller's transaction; on refusal they
raise an `ImportRefused` carrying the report, so the caller's transaction rolls back.
"""
