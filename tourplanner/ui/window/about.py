"""Help > About: what the app is, its version, the licences of what it bundles, its log file."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl

from tourplanner import about


def about_text() -> str:
    """The About box's rich text (every path escaped: user folders may hold any character)."""
    licences = "".join(
        f"<li>{escape(item.component)}: {escape(item.licence)}"
        + (
            f' (<a href="{QUrl.fromLocalFile(str(item.text)).toString()}">text</a>)'
            if item.text is not None
            else ""
        )
        + "</li>"
        for item in about.licences()
    )
    log = about.log_file()
    return (
        f"<b>{escape(about.made_with())}</b>"
        "<p>Plan international conferences, study tours and delegation visits; print each "
        "delegate's itinerary.</p>"
        "<p>Works offline: every change is saved in the plan file at once.</p>"
        f"<p>Licences:</p><ul>{licences}</ul>"
        f'<p>Log file: <a href="{QUrl.fromLocalFile(str(log.parent)).toString()}">'
        f"{escape(str(log))}</a></p>"
    )
