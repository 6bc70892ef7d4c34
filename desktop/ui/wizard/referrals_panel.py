"""Referrals and promises on the wrap-up page.

Referrals: each person they offered to introduce becomes a Contact referred by them, with
source "referral" and a follow-up to reach out. Referral notes from the chat are listed;
choosing one fills the form (a name guessed from its capitalised words, the note as why).
Promises: each promise note becomes a follow-up, as mine ("I promised …") or theirs
("They promised …"), in one click.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import NoteKind
from desktop.services import chat_flow
from desktop.ui.wizard.common import field_label, quiet, row, wrapping

TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
_NAME = re.compile(r"\b([A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'’-]+(?:\s+(?:de|da|van|von|del|la|le)?\s*"
                   r"[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃ][\w'’-]+)+)")
_NOT_NAMES = {"Talk", "Ask", "Meet", "Contact", "Reach", "Email", "Call", "The", "She", "He"}


def guess_name(text: str) -> str:
    """The first run of two or more capitalised words, skipping a leading verb."""
    for match in _NAME.finditer(text):
        words = match.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if len(words) >= 2:
            return " ".join(words[:4])
    return ""


class ReferralsPanel(QWidget):
    referralAdded = Signal(object, str)  # r.Contact draft, why

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.notes_list = QListWidget()
        self.notes_list.setObjectName("referralNotesList")
        self.notes_list.setAccessibleName(self.tr("Referral notes from the chat"))
        wrapping(self.notes_list)
        self.notes_list.setMaximumHeight(90)
        self.notes_list.currentItemChanged.connect(self._fill_from_note)
        self.notes_label = quiet(self.tr("From your notes — pick one to fill the form:"))
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes_list)
        self.name_edit = self._edit("referralNameEdit", self.tr("Name"))
        self.company_edit = self._edit("referralCompanyEdit", self.tr("Company"))
        self.email_edit = self._edit("referralEmailEdit", self.tr("E-mail (optional)"))
        self.why_edit = self._edit("referralWhyEdit", self.tr("Why talk to them?"))
        layout.addLayout(row(self.name_edit, self.company_edit))
        layout.addLayout(row(self.email_edit, self.why_edit))
        self.add_button = QPushButton(self.tr("Add referral"))
        self.add_button.setObjectName("addReferralButton")
        self.add_button.clicked.connect(self.submit)
        self.name_edit.returnPressed.connect(self.submit)
        self.hint = quiet()
        layout.addLayout(row(self.hint, None, self.add_button))
        self.made_label = field_label(self.tr("Referred by them"))
        self.made_list = QListWidget()
        self.made_list.setObjectName("referralsList")
        self.made_list.setMaximumHeight(90)
        layout.addWidget(self.made_label)
        layout.addWidget(self.made_list)

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(placeholder)
        return edit

    def refresh(self, notes: tuple[r.Note, ...], made: list[r.Contact]) -> None:
        done = {c.full_name.casefold() for c in made}
        referral_notes = [n for n in notes if n.kind is NoteKind.REFERRAL
                          and guess_name(n.text).casefold() not in done]
        self.notes_list.clear()
        for note in referral_notes:
            item = QListWidgetItem(note.text)
            item.setData(TEXT_ROLE, note.text)
            self.notes_list.addItem(item)
        self.notes_list.setVisible(bool(referral_notes))
        self.notes_label.setVisible(bool(referral_notes))
        self.made_list.clear()
        for contact in made:
            self.made_list.addItem(" — ".join(p for p in (contact.full_name, contact.company)
                                              if p))
        self.made_list.setVisible(bool(made))
        self.made_label.setVisible(bool(made))

    def _fill_from_first_note(self) -> None:
        """An empty form and a referral note: one click turns the note into the contact."""
        item = self.notes_list.currentItem()
        candidates = [item] if item is not None else [
            self.notes_list.item(i) for i in range(self.notes_list.count())]
        for candidate in candidates:
            if candidate is not None and guess_name(candidate.data(TEXT_ROLE)):
                self._fill_from_note(candidate)
                return

    def _fill_from_note(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        text = item.data(TEXT_ROLE)
        if not self.name_edit.text().strip():
            self.name_edit.setText(guess_name(text))
        self.why_edit.setText(text)

    def submit(self) -> None:
        if not self.name_edit.text().strip():
            self._fill_from_first_note()
        first, _, last = " ".join(self.name_edit.text().split()).partition(" ")
        if not first:
            self.hint.setText(self.tr("Type their name first."))
            self.name_edit.setFocus()
            return
        email = self.email_edit.text().strip()
        person = r.Contact(first_name=first, last_name=last,
                           company=self.company_edit.text().strip(),
                           emails=(r.Labelled(email),) if email else ())
        self.referralAdded.emit(person, self.why_edit.text().strip())

    def clear_form(self) -> None:
        for edit in (self.name_edit, self.company_edit, self.email_edit, self.why_edit):
            edit.clear()
        self.hint.setText(self.tr("Added, with a follow-up to reach out."))
        self.notes_list.clearSelection()


class PromisesPanel(QWidget):
    promise = Signal(str, bool)  # text, mine

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.list = QListWidget()
        self.list.setObjectName("promisesList")
        self.list.setAccessibleName(self.tr("Promises from the chat"))
        wrapping(self.list)
        self.list.setMaximumHeight(110)
        layout.addWidget(self.list)
        self.edit = QLineEdit()
        self.edit.setObjectName("promiseEdit")
        self.edit.setPlaceholderText(self.tr("Or type a promise…"))
        self.edit.setAccessibleName(self.tr("A promise"))
        self.mine_button = QPushButton(self.tr("I promised"))
        self.mine_button.setObjectName("promiseMineButton")
        self.mine_button.clicked.connect(lambda: self._make(True))
        self.theirs_button = QPushButton(self.tr("They promised"))
        self.theirs_button.setObjectName("promiseTheirsButton")
        self.theirs_button.clicked.connect(lambda: self._make(False))
        layout.addLayout(row(self.edit, self.mine_button, self.theirs_button))
        self.empty = quiet(self.tr("Promise notes from the chat show up here."))
        layout.addWidget(self.empty)

    def refresh(self, notes: tuple[r.Note, ...], follow_ups: tuple[r.FollowUp, ...]) -> None:
        made = {}
        for follow_up in follow_ups:
            found = chat_flow.promise_of(follow_up)
            if found is not None:
                made[found[0]] = found[1]
        self.list.clear()
        texts = [n.text for n in notes if n.kind is NoteKind.PROMISE]
        texts += [t for t in made if t not in texts]
        for text in texts:
            label = text
            if text in made:
                label = (self.tr("Mine: %1") if made[text] else self.tr("Theirs: %1")
                         ).replace("%1", text) + "  ✓"
            item = QListWidgetItem(label)
            item.setData(TEXT_ROLE, text)
            self.list.addItem(item)
        self.list.setVisible(bool(texts))
        self.empty.setVisible(not texts)
        if texts and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)

    def _make(self, mine: bool) -> None:
        text = self.edit.text().strip()
        if not text and self.list.currentItem() is not None:
            text = self.list.currentItem().data(TEXT_ROLE)
        if text:
            self.promise.emit(text, mine)
            self.edit.clear()
