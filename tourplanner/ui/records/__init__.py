"""Every kind of record as a page (a searchable table) and an editor, built from `entities`."""
