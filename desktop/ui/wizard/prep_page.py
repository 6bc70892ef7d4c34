"""Prep (`prepPage`): who, why, when and where, research, pitch and questions.

Left column: asking for the chat (while it is an idea or awaiting a reply), the contact,
goal, time and place, research and pitch. Right column: the questions. Every field saves
itself a moment after the user stops typing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import records as r
from desktop.domain.enums import Medium
from desktop.io import ics
from desktop.services import chat_flow
from desktop.services import chats as chats_service
from desktop.services import contacts as contacts_service
from desktop.services import profile as profile_service
from desktop.ui import dialogs, formatting
from desktop.ui.wizard.common import ChatPage, Tip, card, field_label, quiet, row
from desktop.ui.wizard.contact_picker import ContactPicker
from desktop.ui.wizard.questions_panel import QuestionsPanel
from desktop.ui.wizard.request_panel import RequestPanel

NOT_SET = QDateTime(QDate(2000, 1, 1), QTime(0, 0))


def their_time(when: datetime, zone: str) -> datetime | None:
    """`when` (naive, my local time) as a naive time in `zone`; None for an unknown zone."""
    try:
        return when.astimezone().astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    except (KeyError, ValueError, OSError):
        return None


def zone_names() -> list[str]:
    return sorted(z for z in available_timezones()
                  if "/" in z and not z.startswith(("Etc/", "SystemV/", "posix/", "right/")))


def to_qdatetime(value: datetime | None) -> QDateTime:
    if value is None:
        return NOT_SET
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime | None:
    if value <= NOT_SET:
        return None
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class PrepPage(ChatPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.setObjectName("prepPage")
        self.setTitle(self.tr("Prep"))
        self.setSubTitle(self.tr("Know who you meet and what you want from the chat."))
        self.detail: r.ChatDetail | None = None
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.setSpacing(14)
        right.setSpacing(14)
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        self.body.addLayout(columns)

        self.request = RequestPanel(context, self.save_later)
        left.addWidget(self.request)
        left.addWidget(self._who_card())
        left.addWidget(self._research_card())
        left.addWidget(self._pitch_card())
        left.addStretch(1)
        frame, layout = card(self.tr("Questions"), "questionsCard")
        layout.addWidget(Tip("questions", self.tr(
            "Open questions (how, what, why) get stories. Five to eight is plenty for half "
            "an hour; put the one you most need answered first.")))
        self.questions = QuestionsPanel(self.store)
        self.questions.changed.connect(self._questions_changed)
        layout.addWidget(self.questions, 1)
        self.print_button = QPushButton(self.tr("Print question sheet…"))
        self.print_button.setObjectName("printSheetButton")
        self.print_button.clicked.connect(self.print_sheet)
        layout.addLayout(row(None, self.print_button))
        right.addWidget(frame)
        right.addStretch(1)

    # --- building ---------------------------------------------------------------------------
    def _who_card(self) -> QWidget:
        frame, layout = card(self.tr("Who, when and where"), "whoCard")
        self.picker = ContactPicker(self.store)
        self.picker.contactChosen.connect(self._contact_chosen)
        layout.addWidget(field_label(self.tr("Contact"), self.picker.edit))
        layout.addWidget(self.picker)
        self.goal_edit = QLineEdit()
        self.goal_edit.setObjectName("goalEdit")
        self.goal_edit.setPlaceholderText(self.tr("What do you want to know by the end?"))
        self.goal_edit.textEdited.connect(lambda t: self._save_field("goal", t))
        layout.addWidget(field_label(self.tr("Goal"), self.goal_edit))
        layout.addWidget(self.goal_edit)
        layout.addWidget(Tip("goal", self.tr(
            "One sentence. A clear goal keeps the chat on track and makes the thank-you "
            "easy to write.")))

        self.scheduled_edit = QDateTimeEdit()
        self.scheduled_edit.setObjectName("scheduledEdit")
        self.scheduled_edit.setAccessibleName(self.tr("Date and time"))
        self.scheduled_edit.setCalendarPopup(True)
        self.scheduled_edit.setMinimumDateTime(NOT_SET)
        self.scheduled_edit.setSpecialValueText(self.tr("Not set"))
        self.scheduled_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.scheduled_edit.dateTimeChanged.connect(self._when_changed)
        self.clear_date_button = QPushButton(self.tr("Clear"))
        self.clear_date_button.setObjectName("clearDateButton")
        self.clear_date_button.clicked.connect(lambda: self.scheduled_edit.setDateTime(NOT_SET))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutesSpin")
        self.minutes_spin.setAccessibleName(self.tr("Agreed minutes"))
        self.minutes_spin.setRange(5, 240)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setValue(30)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.valueChanged.connect(lambda v: self._save_field("minutes", v))
        layout.addWidget(field_label(self.tr("When, and for how long"), self.scheduled_edit))
        layout.addLayout(row(self.scheduled_edit, self.clear_date_button, self.minutes_spin,
                             stretch_last=True))

        self.medium_combo = QComboBox()
        self.medium_combo.setObjectName("mediumCombo")
        self.medium_combo.setAccessibleName(self.tr("Medium"))
        for medium in Medium:
            self.medium_combo.addItem(self.tr(medium.label), medium.value)
        self.medium_combo.currentIndexChanged.connect(self._medium_changed)
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("placeEdit")
        self.place_edit.setAccessibleName(self.tr("Place or link"))
        self.place_edit.setPlaceholderText(self.tr("Café, address, or video link"))
        self.place_edit.textEdited.connect(lambda t: self._save_field("place", t))
        layout.addWidget(field_label(self.tr("How and where"), self.medium_combo))
        layout.addLayout(row(self.medium_combo, self.place_edit))

        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("timeZoneCombo")
        self.zone_combo.setAccessibleName(self.tr("Their time zone"))
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.addItem(self.tr("Same as mine"), "")
        for name in zone_names():
            self.zone_combo.addItem(name.replace("_", " "), name)
        self.zone_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_combo.currentIndexChanged.connect(self._zone_changed)
        self.their_time_label = quiet()
        self.their_time_label.setObjectName("theirTimeLabel")
        self.calendar_button = QPushButton(self.tr("Add to calendar…"))
        self.calendar_button.setObjectName("addToCalendarButton")
        self.calendar_button.clicked.connect(self.add_to_calendar)
        layout.addWidget(field_label(self.tr("Their time zone"), self.zone_combo))
        layout.addLayout(row(self.zone_combo, self.calendar_button))
        layout.addWidget(self.their_time_label)
        return frame

    def _research_card(self) -> QWidget:
        frame, layout = card(self.tr("Research"), "researchCard")
        layout.addWidget(Tip("research", self.tr(
            "Skim their profile, recent posts and the company's news. Note two or three "
            "things to ask about; never ask what a quick search answers.")))
        self.research_edit = QPlainTextEdit()
        self.research_edit.setObjectName("researchEdit")
        self.research_edit.setAccessibleName(self.tr("Research on the person"))
        self.research_edit.setPlaceholderText(self.tr("Their path, projects, posts…"))
        self.research_edit.setMinimumHeight(90)
        self.research_edit.setMaximumHeight(150)
        self.research_edit.textChanged.connect(
            lambda: self._save_field("research", self.research_edit.toPlainText()))
        layout.addWidget(field_label(self.tr("About them"), self.research_edit))
        layout.addWidget(self.research_edit)
        self.company_label = field_label("")
        self.company_notes_edit = QPlainTextEdit()
        self.company_notes_edit.setObjectName("companyNotesEdit")
        self.company_notes_edit.setAccessibleName(self.tr("Research on the company"))
        self.company_notes_edit.setMinimumHeight(80)
        self.company_notes_edit.setMaximumHeight(130)
        self.company_notes_edit.textChanged.connect(self._company_typed)
        self.company_hint = quiet()
        layout.addWidget(self.company_label)
        layout.addWidget(self.company_notes_edit)
        layout.addWidget(self.company_hint)
        return frame

    def _pitch_card(self) -> QWidget:
        frame, layout = card(self.tr("Your pitch"), "pitchCard")
        layout.addWidget(Tip("pitch", self.tr(
            "About thirty seconds: who you are, what you are exploring, and why this person. "
            "Say it out loud once before the chat.")))
        self.pitch_edit = QPlainTextEdit()
        self.pitch_edit.setObjectName("pitchEdit")
        self.pitch_edit.setAccessibleName(self.tr("Pitch"))
        self.pitch_edit.setMinimumHeight(90)
        self.pitch_edit.setMaximumHeight(150)
        self.pitch_edit.textChanged.connect(
            lambda: self._save_field("pitch", self.pitch_edit.toPlainText()))
        self.default_pitch_button = QPushButton(self.tr("Start from my default pitch"))
        self.default_pitch_button.setObjectName("defaultPitchButton")
        self.default_pitch_button.clicked.connect(self._default_pitch)
        layout.addWidget(self.pitch_edit)
        layout.addLayout(row(None, self.default_pitch_button))
        return frame

    # --- filling ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.picker.loaded:
            self.picker.load()  # once: thousands of contacts are not re-read on every visit
        if self.chat_id is None:
            self.detail = None
            self.picker.set_contact(None)
            self.request.hide()
            self._enable(False)
            return
        self._enable(True)
        detail = chats_service.detail(self.store, self.chat_id)
        self.detail = detail
        chat = detail.chat
        self.picker.set_contact(detail.contact)
        self.request.refresh(detail)
        self.goal_edit.setText(chat.goal)
        self.goal_edit.setCursorPosition(0)
        self.goal_edit.setToolTip(chat.goal)
        self.scheduled_edit.setDateTime(to_qdatetime(chat.scheduled_at))
        self.minutes_spin.setValue(chat.minutes)
        self.medium_combo.setCurrentIndex(max(self.medium_combo.findData(chat.medium.value), 0))
        self.place_edit.setText(chat.place)
        self.place_edit.setCursorPosition(0)
        index = self.zone_combo.findData(chat.time_zone)
        self.zone_combo.setCurrentIndex(max(index, 0))
        self._set_plain(self.research_edit, chat.research)
        self._set_plain(self.pitch_edit, chat.pitch)
        company = detail.company
        self.company_notes_edit.setEnabled(company is not None)
        if company is not None:
            others = sum(1 for row in self.picker.rows if row.company == company.name) - 1
            self.company_label.setText(self.tr("About %1").replace("%1", company.name))
            self.company_hint.setText(self.tr(
                "Shared with the company's %n other contact(s).", "", others))
            self._set_plain(self.company_notes_edit, company.notes)
        else:
            self.company_label.setText(self.tr("About their company"))
            self.company_hint.setText(self.tr("Give the contact a company to keep notes on it."))
            self._set_plain(self.company_notes_edit, "")
        self.questions.set_questions(detail.questions)
        self._show_their_time()

    def _enable(self, on: bool) -> None:
        for widget in (self.goal_edit, self.scheduled_edit, self.minutes_spin,
                       self.medium_combo, self.place_edit, self.zone_combo, self.research_edit,
                       self.pitch_edit, self.questions, self.print_button, self.calendar_button,
                       self.default_pitch_button, self.clear_date_button):
            widget.setEnabled(on)

    @staticmethod
    def _set_plain(edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:
            edit.setPlainText(text)

    # --- saving -----------------------------------------------------------------------------
    def _save_field(self, name: str, value) -> None:
        chat_id = self.chat_id
        self.save_later(name, lambda: chats_service.update(self.store, chat_id, **{name: value}))

    def _when_changed(self, value: QDateTime) -> None:
        if self.loading:
            return
        when = from_qdatetime(value)
        if when is not None and when.year < 2001:
            # Stepping off "Not set" starts from tomorrow 10:00, not from the year 2000.
            tomorrow = QDateTime.currentDateTime().addDays(1)
            self.scheduled_edit.setDateTime(QDateTime(tomorrow.date(), QTime(10, 0)))
            return
        self._save_field("scheduled_at", when)
        self._show_their_time()

    def _medium_changed(self) -> None:
        self._save_field("medium", Medium(self.medium_combo.currentData()))
        self._show_their_time()

    def _zone_changed(self) -> None:
        self._save_field("time_zone", self.zone_combo.currentData() or "")
        self._show_their_time()

    def _show_their_time(self) -> None:
        zone = self.zone_combo.currentData() or ""
        when = from_qdatetime(self.scheduled_edit.dateTime())
        medium = self.medium_combo.currentData()
        text = ""
        if zone and when is not None and medium != Medium.IN_PERSON.value:
            theirs = their_time(when, zone)
            if theirs is not None and theirs != when:
                text = self.tr("That is %1 for them (%2).").replace(
                    "%1", formatting.datetime_text(theirs)).replace("%2", zone.replace("_", " "))
        self.their_time_label.setText(text)
        self.their_time_label.setVisible(bool(text))

    def _company_typed(self) -> None:
        if self.detail is None or self.detail.company is None:
            return
        company = replace(self.detail.company, notes=self.company_notes_edit.toPlainText())
        self.save_later("company_notes",
                        lambda: contacts_service.save_company(self.store, company))

    def _questions_changed(self) -> None:
        def write():
            saved = chats_service.plan_questions(self.store, chat_id, self.questions.plan())
            self.questions.apply_ids(saved)
        chat_id = self.chat_id
        self.save_later("questions", write)

    def _default_pitch(self) -> None:
        pitch = profile_service.get(self.store).pitch
        if not pitch.strip():
            dialogs.info(self, self.tr("Your default pitch is empty. Write one in "
                                       "Edit → My profile…"))
            return
        cursor = self.pitch_edit.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(pitch)

    def _contact_chosen(self, contact_id: int) -> None:
        self.context.saver.flush()
        if self.chat_id is None:
            chat = chat_flow.new_for_contact(self.store, contact_id)
            self.context.set_chat(chat.id)
        elif self.detail is not None and self.detail.chat.contact_id != contact_id:
            chats_service.update(self.store, self.chat_id, contact_id=contact_id)
        self.reload()
        self.completeChanged.emit()
        self.context.changed.emit()

    def isComplete(self) -> bool:
        return self.chat_id is not None

    # --- actions ----------------------------------------------------------------------------
    def add_to_calendar(self) -> None:
        self.context.saver.flush()
        chat = chats_service.get(self.store, self.chat_id)
        if chat.scheduled_at is None:
            dialogs.info(self, self.tr("Set the date and time first."))
            return
        name = f"coffee-chat-{chat.contact_name or chat.id}".replace(" ", "-").lower()
        path = dialogs.save_file(self, self.tr("Add to calendar"),
                                 self.tr("Calendar files (*.ics)"), f"{name}.ics")
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            path.write_bytes(ics.to_bytes([chat]))
        except OSError as exc:
            dialogs.error(self, self.tr("Could not write %1: %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return
        dialogs.info(self, self.tr("Saved %1. Open it to add the chat to your calendar.")
                     .replace("%1", str(path)))

    def print_sheet(self) -> None:
        self.context.saver.flush()
        from desktop.ui.wizard import sheet

        sheet.preview(self, self.store, self.chat_id)
