"""The fields of one contact, as a form: fill it from a record, read a record back.

`form_key` reduces a contact to what the form edits, so the panel knows whether there are
unsaved edits by comparing keys. The company's notes are shown with the contact but belong
to the Company record: when the company named changes and its notes were not touched, the
notes of the company now named are shown.
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import Source
from desktop.domain.rules import fold
from desktop.ui import theme
from desktop.ui.contacts.fields import (
    EMAIL_LABELS,
    PHONE_LABELS,
    CompanyField,
    ContactPicker,
    LabelledListEditor,
    TagsEdit,
)


def form_key(contact: r.Contact) -> tuple:
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


class ContactForm(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._companies: dict[str, r.Company] = {}
        self._loaded_notes = ""
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 8, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.layout_ = form
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
        self.linkedin.setAccessibleName(self.tr("LinkedIn profile"))
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
        self.cadence.setPrefix(self.tr("every "))
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setSpecialValueText(self.tr("No reminder"))
        self.cadence.valueChanged.connect(self._changed)
        form.addRow(self.tr("Keep in touch"), self.cadence)
        self.research = self._text("research", self.tr("What you know about this person"))
        form.addRow(self.tr("Research"), self.research)
        self.company_notes = self._text("companyNotes", self.tr("Research on the company"))
        self.company_notes_label = theme.set_role(QLabel(), "quiet")
        self.company_notes_label.setWordWrap(True)
        notes_box = QVBoxLayout()
        notes_box.addWidget(self.company_notes)
        notes_box.addWidget(self.company_notes_label)
        form.addRow(self.tr("Company notes"), notes_box)

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

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    # --- choices, filling, reading ---------------------------------------------------------
    def set_choices(
        self, rows: list[r.ContactRow], tags: list[str], companies: list[r.Company]
    ) -> None:
        self.referred_by.set_contacts(rows)
        self.tags.set_known(tags)
        self.set_companies(companies)

    def set_companies(self, companies: list[r.Company]) -> None:
        self._companies = {fold(c.name): c for c in companies}
        self.company.set_companies([c.name for c in companies])

    def company_record(self, name: str) -> r.Company | None:
        return self._companies.get(fold(name)) if name.strip() else None

    def fill(self, contact: r.Contact, referred_by_name: str = "") -> None:
        self._loading = True
        try:
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
            self.referred_by.set_contact_id(contact.referred_by_id, referred_by_name)
            self.tags.set_tags(contact.tags)
            self.cadence.setValue(contact.cadence_days or 0)
            self.research.setPlainText(contact.research)
            record = self.company_record(contact.company)
            self._loaded_notes = record.notes if record else ""
            self.company_notes.setPlainText(self._loaded_notes)
            self._show_company_hint()
            # Long values (e-mails, URLs) show their start, not where the cursor was left.
            for edit in (
                self.first_name,
                self.last_name,
                self.role,
                self.location,
                self.linkedin,
                self.tags,
                *self.emails.line_edits(),
                *self.phones.line_edits(),
                self.company.lineEdit(),
            ):
                edit.setCursorPosition(0)
        finally:
            self._loading = False

    def contact(self, base: r.Contact) -> r.Contact:
        """`base` with the values typed in the form."""
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
            cadence_days=self.cadence.value() or None,
        )

    def notes_edited(self) -> bool:
        return self.company_notes.toPlainText() != self._loaded_notes

    def notes(self) -> str:
        return self.company_notes.toPlainText()

    # --- the company's shared notes ---------------------------------------------------------
    def _company_changed(self) -> None:
        if not self._loading and not self.notes_edited():
            record = self.company_record(self.company.name())
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
        elif self.company_record(name) is None:
            self.company_notes_label.setText(
                self.tr("“%1” is new: it will be added when you save.").replace("%1", name)
            )
        else:
            self.company_notes_label.setText(
                self.tr("Shared by everyone at %1.").replace("%1", name)
            )
        self.company_notes.setEnabled(bool(name))
