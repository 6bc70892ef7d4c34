""""Log an interaction": an e-mail, a call, a message or meeting in person, with one line of text.

Opened from Today (pick the contact) and from a contact (the contact is given). Logging one
restarts that contact's keep-in-touch clock. `log_interaction(parent, store, contact_id)`
shows the dialog and returns the logged record, or None when cancelled.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import InteractionKind
from desktop.errors import UserError
from desktop.services import contacts as contacts_service
from desktop.services import interactions
from desktop.ui import dialogs, theme

KIND_TEXT = {
    InteractionKind.EMAIL: QT_TRANSLATE_NOOP("InteractionDialog", "E-mail"),
    InteractionKind.CALL: QT_TRANSLATE_NOOP("InteractionDialog", "Call"),
    InteractionKind.MESSAGE: QT_TRANSLATE_NOOP("InteractionDialog", "Message"),
    InteractionKind.MET: QT_TRANSLATE_NOOP("InteractionDialog", "Met in person"),
}


class InteractionDialog(QDialog):
    def __init__(self, store, contact_id: int | None = None, parent: QWidget | None = None,
                 now: datetime | None = None):
        super().__init__(parent)
        self.setObjectName("interactionDialog")
        self.setWindowTitle(self.tr("Log an interaction"))
        self.store = store
        self.contact_id = contact_id
        self.logged: r.Interaction | None = None
        self._ids: dict[str, int] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        intro = QLabel(self.tr("Any contact restarts the keep-in-touch clock."))
        theme.set_role(intro, "quiet")
        layout.addWidget(intro)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(10)
        layout.addLayout(form)

        if contact_id is None:
            self.contact_edit = QLineEdit()
            self.contact_edit.setObjectName("interactionContact")
            self.contact_edit.setAccessibleName(self.tr("Contact"))
            self.contact_edit.setPlaceholderText(self.tr("Type a name…"))
            self.contact_edit.setClearButtonEnabled(True)
            names = []
            for row in contacts_service.list_rows(store):
                label = f"{row.name} — {row.company}" if row.company else row.name
                if label in self._ids:
                    label = f"{label} (#{row.id})"
                self._ids[label] = row.id
                names.append(label)
            completer = QCompleter(names, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.contact_edit.setCompleter(completer)
            form.addRow(self.tr("Who"), self.contact_edit)
        else:
            self.contact_edit = None
            who = QLabel(contacts_service.get(store, contact_id).display_name)
            who.setObjectName("interactionContactName")
            theme.set_role(who, "name")
            form.addRow(self.tr("Who"), who)

        kinds = QHBoxLayout()
        kinds.setSpacing(6)
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        for n, kind in enumerate(InteractionKind):
            button = QPushButton(self.tr(KIND_TEXT[kind]))
            button.setObjectName(f"interactionKind_{kind.value}")
            button.setCheckable(True)
            button.setChecked(n == 0)
            self.kind_group.addButton(button, n)
            kinds.addWidget(button)
        kinds.addStretch(1)
        form.addRow(self.tr("How"), kinds)

        self.when_edit = QDateTimeEdit()
        self.when_edit.setObjectName("interactionWhen")
        self.when_edit.setAccessibleName(self.tr("When"))
        self.when_edit.setCalendarPopup(True)
        stamp = (now or datetime.now()).replace(second=0, microsecond=0)
        self.when_edit.setDateTime(QDateTime(stamp.date(), QTime(stamp.hour, stamp.minute)))
        self.when_edit.setMaximumDateTime(QDateTime(stamp.date(), QTime(23, 59)))
        form.addRow(self.tr("When"), self.when_edit)

        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("interactionText")
        self.text_edit.setAccessibleName(self.tr("What about"))
        self.text_edit.setPlaceholderText(self.tr("One line: what you talked about"))
        self.text_edit.setMaxLength(500)
        self.text_edit.setMinimumWidth(340)
        form.addRow(self.tr("What"), self.text_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_button = buttons.addButton(self.tr("Log it"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_button.setObjectName("logInteractionOk")
        self.log_button.setDefault(True)
        theme.set_role(self.log_button, "primary")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName(
            "logInteractionCancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.contact_edit or self.text_edit).setFocus()

    def kind(self) -> InteractionKind:
        return list(InteractionKind)[max(self.kind_group.checkedId(), 0)]

    def set_kind(self, kind: InteractionKind) -> None:
        self.kind_group.button(list(InteractionKind).index(kind)).setChecked(True)

    def chosen_contact(self) -> int | None:
        if self.contact_edit is None:
            return self.contact_id
        text = self.contact_edit.text().strip()
        if text in self._ids:
            return self._ids[text]
        # A typed name that matches exactly one contact is good enough.
        matches = {cid for label, cid in self._ids.items()
                   if label.split(" — ")[0].casefold() == text.casefold()}
        return matches.pop() if len(matches) == 1 else None

    def accept(self) -> None:
        contact_id = self.chosen_contact()
        if contact_id is None:
            dialogs.warn(self, self.tr("Choose one of your contacts from the list."),
                         self.tr("Who was it?"))
            return
        qdt = self.when_edit.dateTime()
        at = datetime(qdt.date().year(), qdt.date().month(), qdt.date().day(),
                      qdt.time().hour(), qdt.time().minute())
        try:
            self.logged = interactions.log(self.store, contact_id, self.kind(),
                                           self.text_edit.text(), at=at)
        except UserError as exc:
            dialogs.error(self, str(exc), self.tr("Not logged"))
            return
        super().accept()


def log_interaction(parent: QWidget | None, store, contact_id: int | None = None
                    ) -> r.Interaction | None:
    """Shows the dialog; the logged interaction, or None when cancelled."""
    dialog = InteractionDialog(store, contact_id, parent)
    try:
        dialog.exec()
        return dialog.logged
    finally:
        dialog.deleteLater()
