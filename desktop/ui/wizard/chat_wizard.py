"""The interview wizard (`chatWizard`): one chat, prepared, run and wrapped up.

It opens on the page that matches the chat's status (DESIGN.md; `STAGE_OF_STATUS`) and
keeps the earlier pages in its history, so Back always works; Next always works too, and
the stage list on the side jumps straight to any page. Nothing needs saving: every edit is
written a moment after typing stops, and at once on a page change, on Close, on Finish
and when the application quits. Finish marks the chat wrapped up (or thanked).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
    QWizard,
)

from desktop.domain.enums import STAGE_OF_STATUS, WizardStage
from desktop.errors import UserError
from desktop.services import chat_flow
from desktop.services import chats as chats_service
from desktop.ui import dialogs, help_guide, theme
from desktop.ui.wizard.common import WizardContext, wizard_style
from desktop.ui.wizard.live_page import LivePage
from desktop.ui.wizard.prep_page import PrepPage
from desktop.ui.wizard.wrap_up_page import WrapUpPage

PREP, LIVE, WRAP_UP = 0, 1, 2
PAGE_OF_STAGE = {WizardStage.PREP: PREP, WizardStage.LIVE: LIVE, WizardStage.WRAP_UP: WRAP_UP}


class ChatWizard(QWizard):
    chatChanged = Signal(int)  # the chat (or what hangs off it) changed: lists reload

    def __init__(self, store, chat_id: int | None = None, *, contact_id: int | None = None,
                 parent: QWidget | None = None):
        # Checked before Qt builds anything: a missing chat or contact raises NotFound here,
        # never from inside a page half-way through construction.
        if chat_id is not None:
            chats_service.get(store, chat_id)
        elif contact_id is not None:
            chat_id = chat_flow.new_for_contact(store, contact_id).id
        super().__init__(parent)
        self.setObjectName("chatWizard")
        self.setStyleSheet(wizard_style())
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)  # its own window, not a sheet
        self.context = WizardContext(store, chat_id, self)
        self.store = store
        self.prep = PrepPage(self.context)
        self.live = LivePage(self.context)
        self.wrap_up = WrapUpPage(self.context)
        self.setPage(PREP, self.prep)
        self.setPage(LIVE, self.live)
        self.setPage(WRAP_UP, self.wrap_up)
        self.setStartId(PREP)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        for primary in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            button = self.button(primary)
            theme.set_role(button, "primary")
            button.style().polish(button)  # polished already by our style sheet above
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("Everything is saved as you type; close any time."))

        self.stages = QListWidget()
        self.stages.setObjectName("stageList")
        self.stages.setAccessibleName(self.tr("Stages of the chat"))
        for text in (self.tr("1  Prep"), self.tr("2  Live notes"), self.tr("3  Wrap-up")):
            item = QListWidgetItem(text)
            item.setSizeHint(QSize(0, 36))
            self.stages.addItem(item)
        self.stages.setFixedWidth(150)
        self.stages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stages.itemClicked.connect(lambda item: self.go_to(self.stages.row(item)))
        self.setSideWidget(self.stages)
        help_guide.attach_to_wizard(self)  # a Guide button (F1): the practice for this page

        self.currentIdChanged.connect(self._page_changed)
        self.context.saver.failed.connect(self._save_failed)
        self.context.saver.saved.connect(self._saved)
        self.context.changed.connect(self._changed)
        self.context.chat_created.connect(lambda _id: self._changed())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.context.saver.flush)
        self._size_to_screen()
        self.restart()
        self._style_header()
        self.go_to(self.stage_page())

    def _style_header(self) -> None:
        """QWizard's own title and subtitle labels have no names: find them by their text
        and give them the app's heading look."""
        page = self.currentPage()
        for label in self.findChildren(QLabel):
            if label.parent() is page or page.isAncestorOf(label):
                continue
            if label.text() == page.title():
                label.setObjectName("wizardTitle")
                theme.set_role(label, "subheading")
            elif label.text() == page.subTitle():
                label.setObjectName("wizardSubtitle")
                theme.set_role(label, "quiet")
            else:
                continue
            label.style().polish(label)

    @property
    def chat_id(self) -> int | None:
        return self.context.chat_id

    def _size_to_screen(self) -> None:
        screen = self.screen()
        width, height = 1480, 960
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 40)
        self.resize(width, height)

    def stage_page(self) -> int:
        if self.chat_id is None:
            return PREP
        status = chats_service.get(self.store, self.chat_id).status
        return PAGE_OF_STAGE[STAGE_OF_STATUS[status]]

    def go_to(self, page_id: int) -> None:
        """Moves through the pages to `page_id`, keeping the way back in the history."""
        if self.chat_id is None:
            return
        guard = 0
        while self.currentId() != page_id and guard < 6:
            guard += 1
            if self.currentId() < page_id:
                self.next()
            else:
                self.back()

    def _page_changed(self, page_id: int) -> None:
        self.context.saver.flush()
        if 0 <= page_id < self.stages.count():
            self.stages.setCurrentRow(page_id)
        self._update_title()

    def _update_title(self) -> None:
        page = self.currentPage()
        stage = page.title() if page is not None else ""
        if self.chat_id is None:
            self.setWindowTitle(self.tr("New chat"))
            return
        name = chats_service.get(self.store, self.chat_id).contact_name
        self.setWindowTitle(self.tr("Chat with %1 — %2").replace("%1", name or "…")
                            .replace("%2", stage))

    def _changed(self) -> None:
        """A lifecycle step (request, start, end, referral, …): the page shows its result."""
        self.context.saver.flush()
        page = self.currentPage()
        if page is not None:
            page.reload()
        self._update_title()
        if self.chat_id is not None:
            self.chatChanged.emit(self.chat_id)

    def _saved(self) -> None:
        if self.chat_id is not None:
            self.chatChanged.emit(self.chat_id)

    def _save_failed(self, exc: Exception) -> None:
        if isinstance(exc, UserError):
            dialogs.warn(self, str(exc), self.tr("Could not save"))
            return
        raise exc

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A dialog presses its default button (Next, Finish) on Enter from any field. Here
        # Enter saves a note, moves to the next answer or adds a question: it must never
        # also turn the page or finish the chat. On a focused button it still clicks it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
                QApplication.focusWidget(), QAbstractButton):
            event.accept()
            return
        super().keyPressEvent(event)

    def flush(self) -> None:
        self.context.saver.flush()

    def done(self, result: int) -> None:
        """Close, Esc, the window's ×, or Finish: write what is pending first."""
        self.flush()
        if self.context.saver.pending() and not dialogs.ask_yes_no(
                self, self.tr("Some of what you typed could not be saved (see the last "
                              "message). Close anyway and lose it?"),
                yes=self.tr("Close anyway"), no=self.tr("Keep the window open")):
            return
        self.live.timer.stop()
        if result == int(QWizard.DialogCode.Accepted) and self.chat_id is not None:
            self.wrap_up.ensure_defaults()
            chat_flow.finish(self.store, self.chat_id)
        if self.chat_id is not None:
            self.chatChanged.emit(self.chat_id)
        super().done(result)
