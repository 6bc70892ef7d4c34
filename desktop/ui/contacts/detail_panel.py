"""The contact detail panel: edit every field, save or revert, archive, delete, plan a chat.

The form is compared with the contact as loaded to know whether there are unsaved edits;
`maybe_leave()` asks Save / Discard / Cancel before the page shows another contact. The
company's research notes belong to the Company record and are shared by its contacts; they
are saved through `save_company`. Delete says what goes with the contact and can be undone
(the page's `UndoHistory`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import Source
from desktop.domain.rules import fold
from desktop.errors import UserError
from desktop.services import contacts as contacts_service
from desktop.services import merge
from desktop.services.undo import UndoHistory
from desktop.ui import dialogs, theme
from desktop.ui.contacts.fields import (
    EMAIL_LABELS,
    PHONE_LABELS,
    CompanyField,
    ContactPicker,
    LabelledListEditor,
    TagsEdit,
)
from desktop.ui.contacts.related import RelatedLists


def _key(contact: r.Contact) -> tuple:
    """What the form edits, normalised: two contacts with equal keys need no save."""
    return (
        contact.first_name.strip(),
        contact.last_name.strip(),
        " ".join(contact.company.split()),
        contact.role.strip(),
        contact.location.strip(),
        contact.linkedin_url.strip(),
        tuple((e.value.strip(), e.label.strip()) for e in contact.emails if e.value.strip()),
        tuple((p.value.strip(), p.label.strip()) for p in contact.phones if p.value.strip()),
        Source(contact.source),
        contact.referred_by_id,
        tuple(sorted(fold(t) for t in contact.tags)),
        contact.research,
        contact.cadence_days,
    )


def deletion_text(name: str, impact: r.DeletionImpact, tr) -> str:
    """The confirmation sentence: who goes, and the chats, notes and follow-ups with them."""
    parts = []
    for count, one, many in (
        (impact.chats, tr("1 chat"), tr("%n chats")),
        (impact.notes, tr("1 note"), tr("%n notes")),
        (impact.follow_ups, tr("1 follow-up"), tr("%n follow-ups")),
        (impact.interactions, tr("1 logged interaction"), tr("%n logged interactions")),
    ):
        if count:
            parts.append(one if count == 1 else many.replace("%n", str(count)))
    if impact.contacts > 1:
        text = tr("Delete %1 contacts?").replace("%1", str(impact.contacts))
    else:
        text = tr("Delete %1?").replace("%1", name)
    if parts:
        listed = ", ".join(parts[:-1]) + (tr(" and ") if len(parts) > 1 else "") + parts[-1]
        text += " " + tr("Their %1 will be deleted with them.").replace("%1", listed)
    if impact.referrals:
        text += " " + tr("%n other contacts will no longer show who referred them.").replace(
            "%n", str(impact.referrals)
        )
    return text + "\n\n" + tr("You can bring everything back with Edit → Undo.")


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
        self._loaded_notes = ""
        self._companies: dict[str, r.Company] = {}
        self._loading = False
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

    # --- building ----------------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        editor = QWidget()
        outer = QVBoxLayout(editor)
        outer.setContentsMargins(16, 4, 8, 8)
        outer.setSpacing(8)
        head = QHBoxLayout()
        self.title = theme.set_role(QLabel(), "subheading")
        self.title.setObjectName("contactTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.title, 1)
        self.plan_button = self._button("planChat", self.tr("Plan a chat"), self._plan, "primary")
        self.archive_button = self._button("archive", self.tr("Archive"), self._toggle_archive)
        self.delete_button = self._button("delete", self.tr("Delete…"), self._delete)
        for button in (self.plan_button, self.archive_button, self.delete_button):
            head.addWidget(button)
        outer.addLayout(head)

        body = QWidget()
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 8, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.first_name = self._line("firstName", self.tr("First name"))
        self.last_name = self._line("lastName", self.tr("Last name"))
        names = QHBoxLayout()
        names.addWidget(self.first_name)
        names.addWidget(self.last_name)
        form.addRow(self.tr("Name"), names)
        self.company = CompanyField()
        self.company.changed.connect(self._company_changed)
        form.addRow(self.tr("Company"), self.company)
        self.role = self._line("role", self.tr("Role"))
        form.addRow(self.tr("Role"), self.role)
        self.location = self._line("location", self.tr("City, country"))
        form.addRow(self.tr("Location"), self.location)
        self.emails = LabelledListEditor("email", EMAIL_LABELS, self.tr("Add e-mail"))
        self.emails.changed.connect(self._changed)
        form.addRow(self.tr("E-mails"), self.emails)
        self.phones = LabelledListEditor("phone", PHONE_LABELS, self.tr("Add phone"))
        self.phones.changed.connect(self._changed)
        form.addRow(self.tr("Phones"), self.phones)
        self.linkedin = self._line("linkedinUrl", "https://www.linkedin.com/in/…")
        form.addRow(self.tr("LinkedIn"), self.linkedin)
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.setAccessibleName(self.tr("Source"))
        for source in Source:
            self.source.addItem(self.tr(source.label), source.value)
        self.source.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Source"), self.source)
        self.referred_by = ContactPicker()
        self.referred_by.changed.connect(self._changed)
        form.addRow(self.tr("Referred by"), self.referred_by)
        self.tags = TagsEdit()
        self.tags.setObjectName("tags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("mentor, alumni, …"))
        self.tags.changed.connect(self._changed)
        form.addRow(self.tr("Tags"), self.tags)
        self.cadence = QSpinBox()
        self.cadence.setObjectName("cadence")
        self.cadence.setAccessibleName(self.tr("Keep in touch every"))
        self.cadence.setRange(0, 3650)
        self.cadence.setSingleStep(7)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setSpecialValueText(self.tr("No reminder"))
        self.cadence.valueChanged.connect(self._changed)
        form.addRow(self.tr("Keep in touch every"), self.cadence)
        self.research = self._text("research", self.tr("What you know about this person"))
        form.addRow(self.tr("Research"), self.research)
        self.company_notes = self._text("companyNotes", self.tr("Research on the company"))
        self.company_notes_label = theme.set_role(QLabel(), "quiet")
        self.company_notes_label.setWordWrap(True)
        notes_box = QVBoxLayout()
        notes_box.addWidget(self.company_notes)
        notes_box.addWidget(self.company_notes_label)
        form.addRow(self.tr("Company notes"), notes_box)
        self.related = RelatedLists()
        self.related.openChatRequested.connect(self.openChatRequested)
        form.addRow(self.related)
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

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(placeholder)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        return edit

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(placeholder)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().height() * 4 + 16)
        edit.textChanged.connect(self._changed)
        return edit

    # --- choices for the pickers ----------------------------------------------------------------
    def set_choices(self, rows: list[r.ContactRow], tags: list[str]) -> None:
        """Every contact (referred-by picker), every tag, and the companies from the store."""
        self.referred_by.set_contacts(rows)
        self.tags.set_known(tags)
        companies = contacts_service.companies(self.store)
        self._companies = {fold(c.name): c for c in companies}
        self.company.set_companies([c.name for c in companies])

    # --- loading -------------------------------------------------------------------------------
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
        self.first_name.setFocus()

    def _fill(self, contact: r.Contact) -> None:
        self._loading = True
        try:
            self._loaded = contact
            self.first_name.setText(contact.first_name)
            self.last_name.setText(contact.last_name)
            self.company.set_name(contact.company)
            self.role.setText(contact.role)
            self.location.setText(contact.location)
            self.emails.set_values(contact.emails)
            self.phones.set_values(contact.phones)
            self.linkedin.setText(contact.linkedin_url)
            self.source.setCurrentIndex(max(0, self.source.findData(Source(contact.source).value)))
            self.referred_by.set_exclude(contact.id)
            self.referred_by.set_contact_id(
                contact.referred_by_id, self._name_of(contact.referred_by_id)
            )
            self.tags.set_tags(contact.tags)
            self.cadence.setValue(contact.cadence_days or 0)
            self.research.setPlainText(contact.research)
            self._loaded_notes = (
                self._company_record(contact.company).notes
                if self._company_record(contact.company)
                else ""
            )
            self.company_notes.setPlainText(self._loaded_notes)
            self._show_company_hint()
        finally:
            self._loading = False
        stored = contact.id is not None
        self.title.setText(contact.display_name if stored else self.tr("New contact"))
        self.archive_button.setText(
            self.tr("Unarchive") if contact.archived else self.tr("Archive")
        )
        for button in (self.plan_button, self.archive_button, self.delete_button):
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

    def _company_record(self, name: str) -> r.Company | None:
        return self._companies.get(fold(name)) if name.strip() else None

    # --- editing -------------------------------------------------------------------------------
    def form_contact(self) -> r.Contact:
        base = self._loaded or r.Contact()
        cadence = self.cadence.value()
        return replace(
            base,
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            company=self.company.name(),
            company_id=None,
            role=self.role.text().strip(),
            location=self.location.text().strip(),
            emails=self.emails.values(),
            phones=self.phones.values(),
            linkedin_url=self.linkedin.text().strip(),
            source=Source(self.source.currentData()),
            referred_by_id=self.referred_by.contact_id(),
            tags=self.tags.tags(),
            research=self.research.toPlainText(),
            cadence_days=cadence or None,
        )

    def is_dirty(self) -> bool:
        if self._loaded is None:
            return False
        return (
            _key(self.form_contact()) != _key(self._loaded)
            or self.company_notes.toPlainText() != self._loaded_notes
        )

    def problems(self) -> list[str]:
        return contacts_service.validate(self.form_contact()) if self._loaded else []

    def _changed(self, *_args) -> None:
        if self._loading or self._loaded is None:
            return
        dirty = self.is_dirty()
        problems = self.problems() if dirty or self._loaded.id is None else []
        self.message.setText("\n".join(self.tr(p) for p in problems))
        self.message.setVisible(bool(problems))
        self.save_button.setEnabled(dirty and not problems)
        self.revert_button.setEnabled(dirty)

    def _company_changed(self) -> None:
        if not self._loading and self.company_notes.toPlainText() == self._loaded_notes:
            # Notes not touched: show those of the company now named (shared notes).
            record = self._company_record(self.company.name())
            self._loading = True
            self._loaded_notes = record.notes if record else ""
            self.company_notes.setPlainText(self._loaded_notes)
            self._loading = False
        self._show_company_hint()
        self._changed()

    def _show_company_hint(self) -> None:
        name = self.company.name()
        if not name:
            self.company_notes_label.setText(self.tr("Name a company to keep notes on it."))
        elif self._company_record(name) is None:
            self.company_notes_label.setText(
                self.tr("“%1” is new: it will be added when you save.").replace("%1", name)
            )
        else:
            self.company_notes_label.setText(
                self.tr("Shared by everyone at %1.").replace("%1", name)
            )
        self.company_notes.setEnabled(bool(name))

    # --- save, revert, guard -----------------------------------------------------------------
    def save(self) -> bool:
        if self._loaded is None:
            return True
        problems = self.problems()
        if problems:
            self._changed()
            self.message.setText("\n".join(self.tr(p) for p in problems))
            self.message.show()
            return False
        notes = self.company_notes.toPlainText()
        try:
            saved = contacts_service.save(self.store, self.form_contact())
            if saved.company_id is not None and notes != self._loaded_notes:
                company = self._company_record(saved.company) or r.Company(
                    name=saved.company, id=saved.company_id
                )
                contacts_service.save_company(
                    self.store, replace(company, id=saved.company_id, notes=notes)
                )
        except UserError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self._companies = {fold(c.name): c for c in contacts_service.companies(self.store)}
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

    # --- actions -----------------------------------------------------------------------------
    def _plan(self) -> None:
        if self.contact_id() is not None and self.maybe_leave():
            self.planChatRequested.emit(self.contact_id())

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
        text = deletion_text(self._loaded.display_name, impact, self.tr)
        if not dialogs.ask_yes_no(
            self, text, self.tr("Delete contact"), yes=self.tr("Delete"), no=self.tr("Keep")
        ):
            return
        merge.delete_contacts(self.store, [contact_id], self.history)
        self.show_contact(None)
        self.contactsDeleted.emit([contact_id])
