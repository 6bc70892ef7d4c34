"""Asking for the chat: the first panel of the prep page while the chat is only an idea.

The request is drafted from the profile and the contact (who I am, why them, a time-boxed
ask of 20–30 minutes, flexible times) and saved as edited. Copy it or open it in the mail
program, then "Mark requested" (a nudge follows a week later). While waiting: copy a nudge,
"Nudge sent", "They said yes" (scheduled) or, after two unanswered nudges, "No reply".
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain import drafts
from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, FollowUpKind
from desktop.services import chat_flow
from desktop.services import chats as chats_service
from desktop.services import profile as profile_service
from desktop.ui import formatting, theme
from desktop.ui.wizard import mail
from desktop.ui.wizard.common import Tip, WizardContext, card, quiet, row

SHOWN_FOR = (ChatStatus.IDEA, ChatStatus.REQUESTED, ChatStatus.NO_REPLY)


class RequestPanel(QWidget):
    def __init__(self, context: WizardContext, save_later, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.save_later = save_later
        self.detail: r.ChatDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        frame, layout = card(self.tr("Asking for the chat"), "requestCard")
        outer.addWidget(frame)
        self.frame: QFrame = frame
        self.status_label = quiet()
        self.status_label.setObjectName("requestStatusLabel")
        layout.addWidget(self.status_label)
        layout.addWidget(Tip("request", self.tr(
            "Keep it short: who you are, why them, a 20–30 minute ask, and that you will fit "
            "around their time. Ask for advice, not a job.")))
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("requestEdit")
        self.edit.setAccessibleName(self.tr("Request message"))
        self.edit.setMinimumHeight(150)
        self.edit.textChanged.connect(self._typed)
        layout.addWidget(self.edit)

        def button(name: str, text: str, slot, primary: bool = False) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            if primary:
                theme.set_role(b, "primary")
            return b

        self.copy_button = button("copyRequestButton", self.tr("Copy"), self.copy)
        self.mail_button = button("mailRequestButton", self.tr("Open in mail app"), self.mail)
        self.redraft_button = button("redraftRequestButton", self.tr("Redraft"), self.redraft)
        self.requested_button = button("markRequestedButton", self.tr("Mark requested"),
                                       self.mark_requested, primary=True)
        self.nudge_copy_button = button("copyNudgeButton", self.tr("Copy a nudge"),
                                        self.copy_nudge)
        self.nudge_button = button("nudgeSentButton", self.tr("Nudge sent"), self.nudge_sent)
        self.yes_button = button("saidYesButton", self.tr("They said yes"), self.said_yes,
                                 primary=True)
        self.no_reply_button = button("noReplyButton", self.tr("No reply"), self.no_reply)
        layout.addLayout(row(self.copy_button, self.mail_button, self.redraft_button, None,
                             self.requested_button))
        layout.addLayout(row(self.nudge_copy_button, self.nudge_button, None,
                             self.no_reply_button, self.yes_button))
        self.suggestion = theme.set_role(quiet(), "late")
        self.suggestion.setObjectName("noReplySuggestion")
        self.suggestion.setText(self.tr(
            "Two nudges and no answer. It is fine to let this one go: mark it “No reply”."))
        layout.addWidget(self.suggestion)

    # --- filling ----------------------------------------------------------------------------
    def refresh(self, detail: r.ChatDetail) -> None:
        self.detail = detail
        chat = detail.chat
        self.setVisible(chat.status in SHOWN_FOR)
        text = chat.request_text or self._draft().body
        if self.edit.toPlainText() != text:
            self.edit.setPlainText(text)
        sent = chat_flow.nudges_sent(self.context.store, chat.id)
        requested = chat.status is ChatStatus.REQUESTED
        self.requested_button.setVisible(chat.status is not ChatStatus.REQUESTED)
        self.requested_button.setText(self.tr("Mark requested") if chat.status is
                                      ChatStatus.IDEA else self.tr("Asked again"))
        for b in (self.nudge_copy_button, self.nudge_button, self.no_reply_button):
            b.setVisible(requested)
        self.yes_button.setVisible(chat.status is not ChatStatus.IDEA)
        self.suggestion.setVisible(chat_flow.suggest_no_reply(chat, sent))
        self.status_label.setText(self._status_text(detail, sent))

    def _status_text(self, detail: r.ChatDetail, sent: int) -> str:
        chat = detail.chat
        if chat.status is ChatStatus.IDEA:
            return self.tr("Not asked yet. Send this, then mark it requested.")
        if chat.status is ChatStatus.NO_REPLY:
            return self.tr("Marked “no reply”. You can still ask again.")
        nudges = [f for f in detail.follow_ups if f.kind is FollowUpKind.NUDGE and not f.done_at]
        text = self.tr("Requested. Nudges sent: %1.").replace("%1", str(sent))
        if nudges:
            text += " " + self.tr("Next nudge %1.").replace(
                "%1", formatting.relative_day(nudges[0].due))
        return text

    def _profile(self) -> r.Profile:
        return profile_service.get(self.context.store)

    def _draft(self) -> drafts.Draft:
        assert self.detail is not None
        return drafts.request_message(self._profile(), self.detail.contact,
                                      goal=self.detail.chat.goal,
                                      minutes=self.detail.chat.minutes)

    def _typed(self) -> None:
        text = self.edit.toPlainText()
        chat_id = self.context.chat_id
        self.save_later("request_text", lambda: chats_service.update(
            self.context.store, chat_id, request_text=text))

    def current(self) -> drafts.Draft:
        return drafts.Draft(self._draft().subject, self.edit.toPlainText())

    # --- actions ----------------------------------------------------------------------------
    def copy(self) -> None:
        mail.copy_draft(self.current())

    def mail(self) -> None:
        assert self.detail is not None
        mail.open_in_mail(self, self.detail.contact.primary_email, self.current())

    def redraft(self) -> None:
        cursor = self.edit.textCursor()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(self._draft().body)  # one undo step, unlike setPlainText

    def copy_nudge(self) -> None:
        assert self.detail is not None
        mail.copy_draft(drafts.nudge_message(self._profile(), self.detail.contact,
                                             minutes=self.detail.chat.minutes))

    def _step(self, action) -> None:
        self.context.saver.flush()
        action(self.context.store, self.context.chat_id)
        self.context.changed.emit()

    def mark_requested(self) -> None:
        self._step(chat_flow.mark_requested)

    def nudge_sent(self) -> None:
        self._step(chat_flow.nudge_sent)

    def said_yes(self) -> None:
        self._step(chat_flow.said_yes)

    def no_reply(self) -> None:
        self._step(chat_flow.no_reply)
