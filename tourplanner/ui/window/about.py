"""Help > About: what the app is, its version, the licences of what it bundles, its log file."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QUrl

from tourplanner import about


def about_text() -> str:
    """The About box's rich text (every path escaped: user folders may hold any character)."""
    licences = "".join(
        f"<li>{escape(item.component)}: {escape(item.licence)}"
        + (
            f' (<a href="{QUrl.fromLocalFile(str(item.text)).toString()}">'
            + QCoreApplication.translate("about", "text")
            + "</a>)"
            if item.text is not None
            else ""
        )
        + "</li>"
        for item in about.licences()
    )
    log = about.log_file()
    return (
        f"<b>{escape(about.made_with())}</b>"
        "<p>"
        + QCoreApplication.translate(
            "about",
            "Plan international conferences, study tours and delegation visits; print each "
            "delegate's itinerary.",
        )
        + "</p><p>"
        + QCoreApplication.translate(
            "about", "Works offline: every change is saved in the plan file at once."
        )
        + "</p><p>"
        + QCoreApplication.translate("about", "Licences:")
        + f"</p><ul>{licences}</ul><p>"
        + QCoreApplication.translate("about", "Log file: {link}").format(
            link=f'<a href="{QUrl.fromLocalFile(str(log.parent)).toString()}">'
            f"{escape(str(log))}</a>"
        )
        + "</p>"
    )
