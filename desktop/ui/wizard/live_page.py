"""Live notes (`liveNotesPage`): the timer, the question checklist and quick notes.

Start (`startButton`) records the start; End (`endButton`) records the end, makes the
thank-you due 24 hours later and moves on to the wrap-up. Notes are saved the moment Enter
is pressed; answers and ticks a moment after typing stops. Usable without the mouse:
Alt+S starts, the quick-note line takes the focus, Ctrl+1…6 picks the kind, Tab reaches
the checklist (Space ticks, Enter to answer), Alt+E ends.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

from desktop.domain import records as r
from desktop.domain.enums import NoteKind
from desktop.errors import UserError
from desktop.services import chat_flow
from desktop.services import chats as chats_service
from desktop.ui import dialogs, formatting, theme
from desktop.ui.wizard.checklist import Checklist
from desktop.ui.wizard.common import ChatPage, Tip, card, quiet
from desktop.ui.wizard.notes_panel import NotesPanel
from desktop.ui.wizard.timer import ChatTimer


class LivePage(ChatPage):
    def __init__(self, context, parent=None):
        super().__init__(context, parent)
        self.setObjectName("liveNotesPage")
        self.setTitle(self.tr("Live notes"))
        self.setSubTitle(self.tr("Listen first. Tick questions, jot what matters, watch the time."))
        self.detail: r.ChatDetail | None = None

        frame, top = card("", "timerCard")
        bar = QHBoxLayout()
        bar.setSpacing(16)
        self.timer = ChatTimer()
        bar.addWidget(self.timer)
        info = QVBoxLayout()
        self.timer_detail = quiet()
        self.timer_detail.setObjectName("timerDetail")
        info.addStretch(1)
        info.addWidget(self.timer_detail)
        info.addStretch(1)
        bar.addLayout(info, 1)
        self.start_button = QPushButton(self.tr("&Start"))
        self.start_button.setObjectName("startButton")
        self.start_button.setMinimumHeight(40)
        theme.set_role(self.start_button, "primary")
        self.start_button.clicked.connect(self.start)
        self.end_button = QPushButton(self.tr("&End"))
        self.end_button.setObjectName("endButton")
        self.end_button.setMinimumHeight(40)
        self.end_button.clicked.connect(self.end)
        for button in (self.start_button, self.end_button):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(110)
        bar.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        bar.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addLayout(bar)
        top.addWidget(Tip("live", self.tr(
            "Listen more than you talk. Ask “how” and “what”, follow up on what surprises "
            "you, and end on time — offer to stop when the agreed minutes are up.")))
        self.body.addWidget(frame)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        notes_frame, notes_layout = card(self.tr("Notes"), "notesCard")
        self.notes = NotesPanel()
        notes_layout.addWidget(self.notes, 1)
        questions_frame, questions_layout = card(self.tr("Questions"), "checklistCard")
        self.checklist = Checklist()
        questions_layout.addWidget(self.checklist, 1)
        columns.addWidget(notes_frame, 1)
        columns.addWidget(questions_frame, 1)
        self.body.addLayout(columns, 1)
        notes_frame.setMinimumHeight(320)
        questions_frame.setMinimumHeight(320)

        self.notes.noteAdded.connect(self.add_note)
        self.notes.noteEdited.connect(self._note_edited)
        self.notes.noteKindChanged.connect(self._note_kind)
        self.notes.noteDeleted.connect(lambda nid: chats_service.delete_note(self.store, nid))
        self.checklist.askedChanged.connect(self._asked)
        self.checklist.answerChanged.connect(self._answered)
        self.setTabOrder(self.start_button, self.notes.edit)

    # --- filling ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.chat_id is None:
            return
        detail = chats_service.detail(self.store, self.chat_id)
        self.detail = detail
        self.checklist.set_questions(detail.questions)
        self.notes.set_notes(detail.notes)
        self._show_times(detail.chat)
        if detail.chat.started_at is not None and detail.chat.ended_at is None:
            self.notes.edit.setFocus()

    def _show_times(self, chat: r.Chat) -> None:
        self.timer.set_times(chat.started_at, chat.ended_at, chat.minutes)
        started, ended = chat.started_at, chat.ended_at
        self.start_button.setEnabled(started is None)
        self.end_button.setEnabled(ended is None)
        if started is None:
            text = self.tr("%1 minutes agreed. Press Start when you begin.").replace(
                "%1", str(chat.minutes))
        elif ended is None:
            text = self.tr("Started %1 · %2 minutes agreed").replace(
                "%1", formatting.time_text(started)).replace("%2", str(chat.minutes))
        else:
            text = self.tr("Held %1 to %2").replace(
                "%1", formatting.datetime_text(started)).replace(
                "%2", formatting.time_text(ended))
        self.timer_detail.setText(text)

    # --- actions ----------------------------------------------------------------------------
    def start(self) -> None:
        self.context.saver.flush()
        chat = chat_flow.start(self.store, self.chat_id)
        self._show_times(chat)
        self.notes.edit.setFocus()
        self.context.changed.emit()

    def end(self) -> None:
        self.context.saver.flush()
        chat = chat_flow.end(self.store, self.chat_id)
        self._show_times(chat)
        self.context.changed.emit()
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def add_note(self, text: str, kind: NoteKind) -> None:
        """Saved at once, not debounced: a note is a unit the user just committed."""
        started = self.timer.started
        now = datetime.now().replace(microsecond=0)
        offset = int((now - started).total_seconds()) if started else None
        try:
            note = chats_service.add_note(self.store, self.chat_id, text, kind, at=now,
                                          offset_seconds=offset)
        except UserError as exc:  # disk full, file locked: the text stays in the line
            dialogs.warn(self, str(exc), self.tr("Could not save the note"))
            return
        self.notes.append(note)

    def _note_edited(self, note_id: int, text: str) -> None:
        self.save_later(f"note:{note_id}",
                        lambda: chats_service.update_note(self.store, note_id, text=text))

    def _note_kind(self, note_id: int, kind: NoteKind) -> None:
        self.save_later(f"note-kind:{note_id}",
                        lambda: chats_service.update_note(self.store, note_id, kind=kind))

    def _asked(self, question_id: int, asked: bool) -> None:
        self.save_later(f"asked:{question_id}", lambda: chats_service.update_question(
            self.store, question_id, asked=asked))

    def _answered(self, question_id: int, answer: str) -> None:
        self.save_later(f"answer:{question_id}", lambda: chats_service.update_question(
            self.store, question_id, answer=answer))

    def cleanupPage(self) -> None:
        super().cleanupPage()
        self.timer.stop()
