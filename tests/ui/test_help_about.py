"""Help > About: the version, the licences of what the app bundles, the log file."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def test_about_names_the_version_the_licences_and_the_log(window, monkeypatch) -> None:
    from tourplanner import about

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.acts["about"].trigger()
    assert about.made_with() in shown[0] and "Apache-2.0" in shown[0]
    assert str(about.log_file()) in shown[0]
