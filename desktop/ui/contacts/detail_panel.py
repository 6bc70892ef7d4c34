"""The contact detail panel: edit every field, save or revert, archive, delete, plan a chat.

The form (`ContactForm`) is compared with the contact as loaded to know whether there are
unsaved edits; `maybe_leave()` asks Save / Discard / Cancel before the page shows another
contact. The company's research notes belong to the Company record and are shared by its
contacts; they are saved through `save_company`. Delete says what goes with the contact and
can be undone (the page's `UndoHistory`). Beneath the form: chats, notes, follow-ups.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.errors import UserError
from desktop.services import contacts as contacts_service
from desktop.services import merge
from desktop.services.undo import UndoHistory
from desktop.ui import dialogs, theme
from desktop.ui.contacts.contact_form import ContactForm, form_key
from desktop.ui.contacts.related import RelatedLists


def _tr(text: str) -> str:
    # One context for the sentence wherever it is asked (the panel and the Contacts page).
    return QCoreApplication.translate("DetailPanel", text)


def deletion_text(name: str, impact: r.DeletionImpact) -> str:
    """The confirmation sentence: who goes, and the chats, notes and follow-ups with them."""
    parts = []
    for count, one, many in (
        (impact.chats, _tr("1 chat"), _tr("%n chats")),
        (impact.notes, _tr("1 note"), _tr("%n notes")),
        (impact.follow_ups, _tr("1 follow-up"), _tr("%n follow-ups")),
        (impact.interactions, _tr("1 logged interaction"), _tr("%n logged interactions")),
    ):
        if count:
            parts.append(one if count == 1 else many.replace("%n", str(count)))
    if impact.contacts > 1:
        text = _tr("Delete %1 contacts?").replace("%1", str(impact.contacts))
    else:
        text = _tr("Delete %1?").replace("%1", name)
    if parts:
        listed = ", ".join(parts[:-1]) + (_tr(" and ") if len(parts) > 1 else "") + parts[-1]
        text += " " + _tr("Their %1 will be deleted with them.").replace("%1", listed)
    if impact.referrals:
        text += " " + _tr("%n other contacts will no longer show who referred them.").replace(
            "%n", str(impact.referrals)
        )
    return text + "\n\n" + _tr("You can bring everything back with Edit → Undo.")


class DetailPanel(QWidget):
    planChatRequested = Signal(int)
    openChatRequested = Signal(int)
    contactSaved = Signal(int)
    contactsChanged = Signal(list)  # archived or unarchived: their ids
    contactsDeleted = Signal(list)

    def __init__(self, store, history: UndoHistory | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("contactDetail")
        self.store = store
        self.history = history if history is not None else UndoHistory()
        self._loaded: r.Contact | None = None
        self.pages = QStackedWidget()
        empty = theme.set_role(
            QLabel(self.tr("Pick a contact in the list, or add one with “New contact”.")), "empty"
        )
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.pages.addWidget(empty)
        self.pages.addWidget(self._build_editor())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # --- building ------------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        editor = QWidget()
        outer = QVBoxLayout(editor)
        outer.setContentsMargins(16, 0, 0, 0)
        outer.setSpacing(8)
        head = QHBoxLayout()
        self.title = theme.set_role(QLabel(), "subheading")
        self.title.setObjectName("contactTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long name wraps rather than widening the panel (and narrowing the table) as the
        # selection moves.
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.plan_button = self._button("planChat", self.tr("Plan a chat"), self._plan, "primary")
        self.log_button = self._button(
            "logInteraction", self.tr("Log interaction…"), self._log_interaction
        )
        self.archive_button = self._button("archive", self.tr("Archive"), self._toggle_archive)
        self.delete_button = self._button("delete", self.tr("Delete…"), self._delete)
        # The everyday actions beside the name; archive and delete down by Save, apart.
        for button in (self.plan_button, self.log_button):
            head.addWidget(button)
        outer.addLayout(head)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.form = ContactForm()
        self.form.changed.connect(self._changed)
        body_layout.addWidget(self.form)
        self.related = RelatedLists()
        self.related.openChatRequested.connect(self.openChatRequested)
        body_layout.addWidget(self.related)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("contactScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)

        self.message = theme.set_role(QLabel(), "late")
        self.message.setObjectName("validation")
        self.message.setWordWrap(True)
        self.message.hide()
        outer.addWidget(self.message)
        bar = QHBoxLayout()
        bar.addWidget(self.archive_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        self.revert_button = self._button("revert", self.tr("Revert"), self.revert)
        self.save_button = self._button("save", self.tr("Save"), self.save, "primary")
        self.save_button.setShortcut("Ctrl+S")
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        return editor

    def _button(self, name: str, text: str, slot, role: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        if role:
            theme.set_role(button, role)
        return button

    # --- loading -------------------------------------------------------------------------
    def set_choices(self, rows: list[r.ContactRow], tags: list[str]) -> None:
        """Every contact (referred-by picker), every tag, and the companies from the store."""
        self.form.set_choices(rows, tags, contacts_service.companies(self.store))

    def contact_id(self) -> int | None:
        return self._loaded.id if self._loaded is not None else None

    def show_contact(self, contact_id: int | None) -> None:
        """Shows a stored contact (no guard here: the caller asks `maybe_leave` first)."""
        if contact_id is None:
            self._loaded = None
            self.pages.setCurrentIndex(0)
            return
        self._fill(contacts_service.get(self.store, contact_id))

    def new_contact(self) -> None:
        self._fill(r.Contact())
        self.form.first_name.setFocus()

    def _fill(self, contact: r.Contact) -> None:
        self._loaded = contact
        self.form.fill(contact, self._name_of(contact.referred_by_id))
        stored = contact.id is not None
        self.title.setText(contact.display_name if stored else self.tr("New contact"))
        self.archive_button.setText(
            self.tr("Unarchive") if contact.archived else self.tr("Archive")
        )
        for button in (self.plan_button, self.log_button, self.archive_button, self.delete_button):
            button.setEnabled(stored)
        self.related.setVisible(stored)
        if stored:
            self.related.load(self.store, contact)
        self.pages.setCurrentIndex(1)
        self._changed()

    def _name_of(self, contact_id: int | None) -> str:
        if contact_id is None:
            return ""
        try:
            return contacts_service.get(self.store, contact_id).display_name
        except UserError:
            return ""

    # --- editing -------------------------------------------------------------------------
    def form_contact(self) -> r.Contact:
        return self.form.contact(self._loaded or r.Contact())

    def is_dirty(self) -> bool:
        if self._loaded is None:
            return False
        return form_key(self.form_contact()) != form_key(self._loaded) or self.form.notes_edited()

    def problems(self) -> list[str]:
        return contacts_service.validate(self.form_contact()) if self._loaded else []

    def _changed(self) -> None:
        if self._loaded is None:
            return
        dirty = self.is_dirty()
        problems = self.problems() if dirty or self._loaded.id is None else []
        self.message.setText("\n".join(self.tr(p) for p in problems))
        self.message.setVisible(bool(problems))
        self.save_button.setEnabled(dirty and not problems)
        self.revert_button.setEnabled(dirty)

    # --- save, revert, guard -------------------------------------------------------------
    def save(self) -> bool:
        if self._loaded is None:
            return True
        problems = self.problems()
        if problems:
            self._changed()
            self.message.setText("\n".join(self.tr(p) for p in problems))
            self.message.show()
            return False
        notes = self.form.notes()
        try:
            saved = contacts_service.save(self.store, self.form_contact())
            if saved.company_id is not None and self.form.notes_edited():
                company = self.form.company_record(saved.company) or r.Company(
                    name=saved.company, id=saved.company_id
                )
                contacts_service.save_company(
                    self.store, replace(company, id=saved.company_id, notes=notes)
                )
        except UserError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.form.set_companies(contacts_service.companies(self.store))
        self._fill(saved)
        self.contactSaved.emit(saved.id)
        return True

    def revert(self) -> None:
        if self._loaded is not None:
            self._fill(self._loaded)

    def maybe_leave(self) -> bool:
        """True when the panel may show something else: saved, discarded or nothing to lose."""
        if not self.is_dirty():
            return True
        answer = dialogs.ask_save_discard_cancel(
            self,
            self.tr("%1 has unsaved changes. Save them?").replace(
                "%1", self._loaded.display_name if self._loaded.id else self.tr("The new contact")
            ),
            self.tr("Unsaved changes"),
        )
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.revert()
            return True
        return False

    # --- actions -------------------------------------------------------------------------
    def _plan(self) -> None:
        if self.contact_id() is not None and self.maybe_leave():
            self.planChatRequested.emit(self.contact_id())

    def _log_interaction(self) -> None:
        """An e-mail, call, message or meeting: restarts the keep-in-touch clock."""
        from desktop.ui.interaction_dialog import log_interaction  # loaded when first used

        contact_id = self.contact_id()
        if contact_id is not None and log_interaction(self, self.store, contact_id) is not None:
            self.related.load(self.store, self._loaded)
            self.contactsChanged.emit([contact_id])

    def _toggle_archive(self) -> None:
        contact_id = self.contact_id()
        if contact_id is None or not self.maybe_leave():
            return
        archived = not self._loaded.archived
        merge.set_archived(self.store, [contact_id], archived, self.history)
        self._fill(contacts_service.get(self.store, contact_id))
        self.contactsChanged.emit([contact_id])

    def _delete(self) -> None:
        contact_id = self.contact_id()
        if contact_id is None:
            return
        impact = merge.deletion_impact(self.store, [contact_id])
        text = deletion_text(self._loaded.display_name, impact)
        if not dialogs.ask_yes_no(
            self, text, self.tr("Delete contact"), yes=self.tr("Delete"), no=self.tr("Keep")
        ):
            return
        merge.delete_contacts(self.store, [contact_id], self.history)
        self.show_contact(None)
        self.contactsDeleted.emit([contact_id])
