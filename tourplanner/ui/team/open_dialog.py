"""File > Open Team Plan…: where the team database is, who you are, and your password.

The password goes to the system keyring (or a 0600 ~/.pgpass line where there is none) when
"Remember" is ticked, never into the app's settings; the URL the app keeps has none.
"""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from tourplanner.planfile import remember_password


class OpenTeamPlanDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Team Plan"))
        form = QFormLayout(self)
        self.host = QLineEdit("localhost")
        self.port = QSpinBox(minimum=1, maximum=65535, value=5432)
        self.database = QLineEdit()
        self.database.setPlaceholderText(self.tr("e.g. shenzhen2015"))
        self.user = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("from the keyring or ~/.pgpass when left empty"))
        # Wide enough for its hint in either language (the width from the text, never fixed).
        hint = self.password.fontMetrics().horizontalAdvance(self.password.placeholderText())
        self.password.setMinimumWidth(hint + 24)
        self.keep = QCheckBox(self.tr("Remember the password (system keyring)"))
        self.keep.setChecked(True)
        for label, field in (
            (self.tr("Server"), self.host),
            (self.tr("Port"), self.port),
            (self.tr("Database"), self.database),
            (self.tr("User"), self.user),
            (self.tr("Password"), self.password),
        ):
            form.addRow(label, field)
        form.addRow(self.keep)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def url(self) -> str:
        """postgresql://user@host:port/database (never with the password in it)."""
        user = f"{quote(self.user.text().strip())}@" if self.user.text().strip() else ""
        host = self.host.text().strip() or "localhost"
        return f"postgresql://{user}{host}:{self.port.value()}/{quote(self.database.text())}"

    def keep_password(self) -> None:
        if self.password.text() and self.keep.isChecked():
            remember_password(self.url(), self.password.text())


def ask_team_plan(parent: QWidget | None) -> tuple[str, str | None] | None:
    """The team plan's URL and the password typed (None: from the keyring), or None."""
    dialog = OpenTeamPlanDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.database.text().strip():
        return None
    dialog.keep_password()
    return dialog.url(), dialog.password.text() or None
