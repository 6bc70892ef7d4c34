"""Edit → My profile…: the user's name, e-mail, signature, default pitch and career goals.

The request for a chat, each new chat's pitch and the thank-you draft start from these.
Save writes them into the database (the `setting` table), so they travel with a backup.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.records import Profile
from desktop.services import profile as profile_service
from desktop.ui import theme


class ProfileDialog(QDialog):
    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("My profile"))
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        intro = theme.set_role(QLabel(self.tr(
            "Requests, pitches and thank-yous start from what you write here.")), "quiet")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setSpacing(10)
        self.name_edit = self._line("profileNameEdit", self.tr("Ana Pérez"))
        self.email_edit = self._line("profileEmailEdit", self.tr("you@example.com"))
        self.signature_edit = self._text("profileSignatureEdit", 70,
                                         self.tr("Best,\nAna\n+1 555 0100"))
        self.pitch_edit = self._text("profilePitchEdit", 110, self.tr(
            "Thirty seconds: who you are, what you are exploring, what you hope to learn."))
        self.goals_edit = self._text("profileGoalsEdit", 90, self.tr(
            "The careers you are exploring, one per line"))
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&E-mail"), self.email_edit)
        form.addRow(self.tr("&Signature"), self.signature_edit)
        form.addRow(self.tr("Default &pitch"), self.pitch_edit)
        form.addRow(self.tr("Career &goals"), self.goals_edit)
        layout.addLayout(form)
        self.tips_button = QPushButton(self.tr("Show dismissed tips again"))
        self.tips_button.setObjectName("showTipsButton")
        self.tips_button.clicked.connect(self._show_tips)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("profileButtons")
        buttons.addButton(self.tips_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 560)
        self.load(profile_service.get(store))

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _text(self, name: str, height: int, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(height)
        edit.setTabChangesFocus(True)
        return edit

    def load(self, profile: Profile) -> None:
        self.name_edit.setText(profile.name)
        self.email_edit.setText(profile.email)
        self.signature_edit.setPlainText(profile.signature)
        self.pitch_edit.setPlainText(profile.pitch)
        self.goals_edit.setPlainText(profile.goals)

    def profile(self) -> Profile:
        return Profile(name=self.name_edit.text().strip(), email=self.email_edit.text().strip(),
                       signature=self.signature_edit.toPlainText(),
                       pitch=self.pitch_edit.toPlainText(), goals=self.goals_edit.toPlainText())

    def accept(self) -> None:
        profile_service.save(self.store, self.profile())
        super().accept()

    def _show_tips(self) -> None:
        from desktop.ui.wizard.common import show_all_tips

        show_all_tips()
        self.tips_button.setEnabled(False)
        self.tips_button.setText(self.tr("Tips will show again"))
