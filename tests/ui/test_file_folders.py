"""Issue 13: every file dialog starts in the folder last used for its kind of file (kept in
QSettings), and the first time in the user's documents folder, never the working directory."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from tourplanner.ui.file_dialogs import EXPORTS, documents_folder, last_folder


def test_dialogs_start_in_documents_then_in_the_folder_used_last(
    window, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the working directory must never be where a dialog starts
    starts: list[str] = []
    answers = [tmp_path / "out" / "people.xlsx", tmp_path / "out" / "people-2.xlsx"]
    (tmp_path / "out").mkdir()

    def fake_save(_parent, _title, start, _filters):  # noqa: ANN001, ANN202
        starts.append(start)
        return str(answers.pop(0)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    window.exports.export_people_list()
    assert Path(starts[0]).parent == documents_folder() != tmp_path
    window.exports.export_people_list()
    assert Path(starts[1]).parent == tmp_path / "out"  # remembered
    assert last_folder(EXPORTS) == tmp_path / "out"
    opened: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda _p, _t, start, _f: (opened.append(start), ("", ""))[1]),
    )
    window.files.open_dialog()  # cancelled: nothing opens
    assert opened == [str(documents_folder())]  # plans have their own folder
