"""The contact field of the prep page: search as you type, or create the person inline.

`contactPicker` is a plain line edit with a completer over every contact ("name — company",
matching anywhere in the text). Picking a suggestion, or typing a name that matches one
contact and pressing Enter, chooses that contact; a name that matches nobody offers
"Create …" (`createContactButton`), which adds the contact on the spot.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain import records as r
from desktop.domain.rules import fold
from desktop.errors import UserError
from desktop.services import contacts as contacts_service
from desktop.ui import dialogs
from desktop.ui.wizard.common import quiet, row

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


def split_name(text: str) -> tuple[str, str]:
    """"Maria de la Cruz" -> ("Maria", "de la Cruz"); one word is a first name."""
    words = text.split()
    if not words:
        return "", ""
    return words[0], " ".join(words[1:])


class ContactPicker(QWidget):
    contactChosen = Signal(int)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.contact_id: int | None = None
        self._chosen_name = ""
        self._names: dict[str, list[int]] = {}
        self.rows: list = []  # the ContactRows last loaded
        self.loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = QLineEdit()
        self.edit.setObjectName("contactPicker")
        self.edit.setAccessibleName(self.tr("Contact"))
        self.edit.setPlaceholderText(self.tr("Type a name or company…"))
        self.edit.setClearButtonEnabled(True)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createContactButton")
        self.create_button.hide()
        self.create_button.clicked.connect(self.create_from_text)
        layout.addLayout(row(self.edit, self.create_button))
        self.summary = quiet()
        self.summary.setObjectName("contactSummary")
        layout.addWidget(self.summary)

        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[QModelIndex].connect(self._picked)
        self.edit.setCompleter(self.completer)
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self.resolve)
        self.edit.editingFinished.connect(self.resolve)

    def load(self) -> None:
        """Reads every contact into the completer (cheap rows, fine for thousands)."""
        self.model.clear()
        self._names.clear()
        self.rows = contacts_service.list_rows(self.store, include_archived=True)
        self.loaded = True
        for contact in self.rows:
            if contact.archived:
                continue
            label = f"{contact.name} — {contact.company}" if contact.company and \
                contact.company != contact.name else contact.name
            item = QStandardItem(label)
            item.setData(contact.id, ID_ROLE)
            item.setData(contact.name, NAME_ROLE)
            self.model.appendRow(item)
            for key in {fold(contact.name), fold(label)}:
                self._names.setdefault(key, []).append(contact.id)

    def set_contact(self, contact: r.Contact | None) -> None:
        """Shows `contact` as the chosen one (no signal)."""
        self.contact_id = contact.id if contact else None
        self._chosen_name = contact.display_name if contact else ""
        self.edit.setText(self._chosen_name)
        self.create_button.hide()
        self._summarise(contact)

    def _summarise(self, contact: r.Contact | None) -> None:
        if contact is None:
            self.summary.setText(self.tr("Pick someone you know, or type a new name."))
            return
        parts = [p for p in (contact.role, contact.company, contact.location,
                             contact.primary_email) if p]
        self.summary.setText(" · ".join(parts) or self.tr("No role or company yet."))

    def _typed(self, text: str) -> None:
        if fold(text) == fold(self._chosen_name):
            self.create_button.hide()
            return
        name = " ".join(text.split())
        known = fold(name) in self._names
        self.create_button.setVisible(bool(name) and not known)
        self.create_button.setText(self.tr("Create “%1”").replace("%1", name[:40]))

    def _picked(self, index: QModelIndex) -> None:
        contact_id = index.data(ID_ROLE)
        if contact_id is not None:
            # The completer writes its own text after this signal: ours goes in next.
            QTimer.singleShot(0, lambda: self.choose(int(contact_id)))

    def resolve(self) -> None:
        """Enter or leaving the field: a name that matches exactly one contact is chosen."""
        text = " ".join(self.edit.text().split())
        if not text or fold(text) == fold(self._chosen_name):
            return
        ids = self._names.get(fold(text), [])
        if len(set(ids)) == 1:
            self.choose(ids[0])

    def choose(self, contact_id: int) -> None:
        contact = contacts_service.get(self.store, contact_id)
        self.set_contact(contact)
        self.contactChosen.emit(contact_id)

    def create_from_text(self) -> None:
        first, last = split_name(self.edit.text())
        try:
            contact = contacts_service.save(self.store, r.Contact(first_name=first,
                                                                  last_name=last))
        except UserError as exc:
            dialogs.warn(self, str(exc))
            return
        self.load()
        self.choose(contact.id)
