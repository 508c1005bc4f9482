"""Edit > Preferences…: the language of the app (English / 简体中文, or the system's).

The choice is kept in QSettings and takes effect at the next start, as the dialog says: the
windows are built in one language, and the plan's open views keep their state meanwhile.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tourplanner import i18n
from tourplanner.ui.language import NAMES, store_language, stored_language


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system ({name})").format(name=self._system()), None)
        for lang in i18n.LANGUAGES:
            self.language.addItem(NAMES[lang], lang)
        self.language.setCurrentIndex(max(0, self.language.findData(stored_language())))
        self.language.setAccessibleName(self.tr("Language"))
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("The new language is used when TourPlanner is started again."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @staticmethod
    def _system() -> str:
        from PySide6.QtCore import QLocale

        return NAMES[i18n.normalize(QLocale.system().name())]

    def chosen(self) -> str | None:
        """The language picked, or None for the system's."""
        data = self.language.currentData()
        return str(data) if data else None

    def accept(self) -> None:
        store_language(self.chosen())
        super().accept()
