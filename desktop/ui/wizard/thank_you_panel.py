"""The thank-you of the wrap-up page: drafted from the chat, edited, sent.

The draft (desktop.domain.drafts.thank_you) names the person by first name, ONE takeaway
the user picks (`takeawayPicker`), offers help back and repeats any promise made. While the
text is still a draft the app wrote, picking another takeaway or adding a promise redrafts
it; once the user has edited it, the app asks before replacing anything. Copy
(`copyThankYouButton`), open in the mail program (`mailThankYouButton`), "Mark sent".
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.domain import drafts
from desktop.domain import records as r
from desktop.services import chat_flow
from desktop.services import profile as profile_service
from desktop.ui import dialogs, formatting, theme
from desktop.ui.wizard import mail
from desktop.ui.wizard.common import Tip, field_label, quiet, row


class ThankYouPanel(QWidget):
    textEdited = Signal(str)  # the page saves it
    markSent = Signal()

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.detail: r.ChatDetail | None = None
        self.takeaways = ""
        self._filling = False
        self._auto = True  # the text is the app's draft, not edited by the user
        self._inserting = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.due_label = quiet()
        self.due_label.setObjectName("thankYouDueLabel")
        layout.addWidget(self.due_label)
        layout.addWidget(Tip("thanks", self.tr(
            "Send it within 24 hours. Name one specific thing you learned, and say what you "
            "will do with it.")))
        self.picker = QComboBox()
        self.picker.setObjectName("takeawayPicker")
        self.picker.setAccessibleName(self.tr("The takeaway to mention"))
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(20)
        self.picker.activated.connect(lambda _i: self.redraft(ask=True))
        self.picker.currentIndexChanged.connect(lambda _i: self._maybe_redraft())
        layout.addWidget(field_label(self.tr("The one thing to mention"), self.picker))
        layout.addWidget(self.picker)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("thankYouEdit")
        self.edit.setAccessibleName(self.tr("Thank-you message"))
        self.edit.setMinimumHeight(220)
        self.edit.textChanged.connect(self._typed)
        layout.addWidget(self.edit, 1)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyThankYouButton")
        self.copy_button.clicked.connect(lambda: mail.copy_draft(self.current()))
        self.mail_button = QPushButton(self.tr("Open in mail app"))
        self.mail_button.setObjectName("mailThankYouButton")
        self.mail_button.clicked.connect(self.open_mail)
        self.redraft_button = QPushButton(self.tr("Redraft"))
        self.redraft_button.setObjectName("redraftThankYouButton")
        self.redraft_button.clicked.connect(lambda: self.redraft(ask=True))
        self.sent_button = QPushButton(self.tr("Mark sent"))
        self.sent_button.setObjectName("markSentButton")
        theme.set_role(self.sent_button, "primary")
        self.sent_button.clicked.connect(self.markSent)
        layout.addLayout(row(self.copy_button, self.mail_button, self.redraft_button, None,
                             self.sent_button))

    # --- the draft ----------------------------------------------------------------------------
    def _promises(self) -> list[drafts.Promise]:
        out = []
        for follow_up in self.detail.follow_ups if self.detail else ():
            found = chat_flow.promise_of(follow_up)
            if found is not None:
                out.append(drafts.Promise(found[0], mine=found[1]))
        return out

    def draft(self, takeaway: str | None = None) -> drafts.Draft:
        assert self.detail is not None
        chosen = (self.picker.currentData() or "") if takeaway is None else takeaway
        return drafts.thank_you(profile_service.get(self.store), self.detail.contact,
                                takeaway=chosen, promises=self._promises(),
                                company=self.detail.contact.company)

    def _choices(self) -> list[str]:
        insights = [i.text for i in self.detail.insights] if self.detail else []
        return drafts.takeaway_choices(self.takeaways, insights)

    def is_drafted(self) -> bool:
        """True while the text is empty or a draft the app wrote that nobody edited since."""
        return self._auto or not self.edit.toPlainText().strip()

    def _looks_drafted(self, text: str) -> bool:
        """For a text read from the store: is it one of our drafts (any takeaway, with or
        without the promises)?"""
        text = text.strip()
        if not text or self.detail is None:
            return True
        profile = profile_service.get(self.store)
        for choice in ["", *self._choices()]:
            for promises in (self._promises(), []):
                body = drafts.thank_you(profile, self.detail.contact, takeaway=choice,
                                        promises=promises, company=self.detail.contact.company)
                if text == body.body.strip():
                    return True
        return False

    def current(self) -> drafts.Draft:
        return drafts.Draft(self.draft().subject, self.edit.toPlainText())

    # --- filling ----------------------------------------------------------------------------
    def refresh(self, detail: r.ChatDetail, takeaways: str) -> None:
        self.detail = detail
        chat = detail.chat
        self.set_takeaways(takeaways)
        if self.edit.toPlainText() != chat.thank_you_text:
            # Read from the store (first time, or changed elsewhere): judge it afresh.
            self._filling = True
            try:
                self.edit.setPlainText(chat.thank_you_text)
            finally:
                self._filling = False
            self._auto = self._looks_drafted(chat.thank_you_text)
        if not chat.thank_you_text.strip():
            self.redraft(ask=False)
        else:
            self._pick_matching(chat.thank_you_text.strip())
        self._show_due(chat)

    def _show_due(self, chat: r.Chat) -> None:
        late = False
        if chat.thank_you_sent_at is not None:
            text = self.tr("Sent %1.").replace("%1", formatting.datetime_text(
                chat.thank_you_sent_at))
        elif chat.thank_you_due is not None:
            late = chat.thank_you_due < datetime.now()
            text = self.tr("Due %1 (%2).").replace(
                "%1", formatting.datetime_text(chat.thank_you_due)).replace(
                "%2", formatting.hours_left(chat.thank_you_due))
        else:
            text = self.tr("Due 24 hours after the chat ends.")
        self.due_label.setText(text)
        theme.set_role(self.due_label, "late" if late else "quiet")
        self.sent_button.setEnabled(chat.thank_you_sent_at is None)
        self.sent_button.setText(self.tr("Sent ✓") if chat.thank_you_sent_at
                                 else self.tr("Mark sent"))

    def set_takeaways(self, takeaways: str) -> None:
        """The takeaways changed: new choices, keeping the picked one when still there."""
        self.takeaways = takeaways
        choices = self._choices()
        current = self.picker.currentText()
        self._filling = True
        try:
            self.picker.clear()
            if not choices:
                self.picker.addItem(self.tr("(write a takeaway first)"), "")
            for choice in choices:
                self.picker.addItem(choice[:120], choice)
            index = self.picker.findData(current)
            self.picker.setCurrentIndex(max(index, 0))
        finally:
            self._filling = False

    def _pick_matching(self, text: str) -> None:
        """Shows the takeaway a stored, unedited draft was written around."""
        for index in range(self.picker.count()):
            if self.draft(self.picker.itemData(index) or "").body.strip() == text:
                self._filling = True
                try:
                    self.picker.setCurrentIndex(index)
                finally:
                    self._filling = False
                return

    def _maybe_redraft(self) -> None:
        if not self._filling and self.is_drafted():
            self.redraft(ask=False)

    def redraft(self, ask: bool) -> None:
        """Puts a fresh draft in the box; asks first when the user edited the text."""
        if self.detail is None:
            return
        body = self.draft(self.picker.currentData() or "").body
        if body == self.edit.toPlainText():
            return
        if ask and not self.is_drafted() and not dialogs.ask_yes_no(
                self, self.tr("Replace your edited thank-you with a new draft?"),
                yes=self.tr("Replace"), no=self.tr("Keep mine")):
            return
        cursor = self.edit.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self._inserting = True
        try:
            cursor.insertText(body)  # one undo step, unlike setPlainText
        finally:
            self._inserting = False
        self._auto = True

    def _typed(self) -> None:
        if not self._inserting:
            self._auto = False
        if not self._filling:
            self.textEdited.emit(self.edit.toPlainText())

    # --- actions ----------------------------------------------------------------------------
    def open_mail(self) -> None:
        if self.detail is not None:
            mail.open_in_mail(self, self.detail.contact.primary_email, self.current())
