"""Help → Guide to coffee chats (F1): the practice, in a window beside the app.

`show_guide(parent, section)` opens (or brings forward) one guide window per top-level
window and scrolls to a section ("intro", "prepare", "during", "after", "app"; see
help_text.py). The interview wizard links to it with `attach_to_wizard(wizard)`: its Help
button (and F1) opens the section of the page on screen.

The text is local HTML in a QTextBrowser that never follows links outside the guide: the
app opens no network connection.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.ui import help_text, icons


def _tr(text: str) -> str:
    return QCoreApplication.translate("Guide", text)


# The wizard's page ids (desktop/ui/wizard/chat_wizard.py: PREP, LIVE, WRAP_UP) → section.
SECTION_OF_WIZARD_PAGE = {0: "prepare", 1: "during", 2: "after"}


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle(self.tr("Guide to coffee chats"))
        self.setWindowIcon(icons.icon("guide"))
        self.setWindowFlag(Qt.WindowType.Window, True)  # its own window, beside the app

        self.sections = QListWidget()
        self.sections.setObjectName("guideSections")
        self.sections.setAccessibleName(self.tr("Sections of the guide"))
        self.sections.setFixedWidth(200)
        for key in help_text.KEYS:
            item = QListWidgetItem(help_text.title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sections.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName(self.tr("Guide text"))
        self.browser.setOpenLinks(False)  # only anchors inside the guide; see _link
        self.browser.anchorClicked.connect(self._link)
        self.browser.document().setDocumentMargin(18)
        self.browser.document().setDefaultStyleSheet(
            "h2 { margin-top: 18px; margin-bottom: 6px; } li { margin-bottom: 6px; } "
            "p { margin-bottom: 8px; }")
        self.browser.setHtml(help_text.document())
        self.sections.currentItemChanged.connect(
            lambda item, _old: item and self.scroll_to(item.data(Qt.ItemDataRole.UserRole)))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.sections)
        body.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(860, 620)

    def scroll_to(self, key: str) -> None:
        if key not in help_text.KEYS:
            key = help_text.KEYS[0]
        self.browser.scrollToAnchor(key)
        row = help_text.KEYS.index(key)
        if self.sections.currentRow() != row:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(row)
            self.sections.blockSignals(False)

    def current_section(self) -> str:
        item = self.sections.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else help_text.KEYS[0]

    def _link(self, url: QUrl) -> None:
        if not url.scheme() and url.fragment():
            self.scroll_to(url.fragment())


def show_guide(parent: QWidget | None = None, section: str = "") -> GuideWindow:
    """Opens the guide at `section` without blocking; one guide per top-level window."""
    owner = parent.window() if parent is not None else None
    guide = owner.findChild(GuideWindow) if owner is not None else None
    if guide is None:
        guide = GuideWindow(owner)
    guide.show()
    guide.scroll_to(section or help_text.KEYS[0])
    guide.raise_()
    guide.activateWindow()
    return guide


def attach_to_wizard(wizard: QWizard) -> None:
    """Gives the interview wizard a Help button (and F1) opening the page's section."""
    wizard.setOption(QWizard.WizardOption.HaveHelpButton, True)
    wizard.setButtonText(QWizard.WizardButton.HelpButton, _tr("&Guide"))
    button = wizard.button(QWizard.WizardButton.HelpButton)
    button.setObjectName("wizardGuideButton")
    button.setIcon(icons.icon("guide"))
    button.setToolTip(_tr("How to prepare, hold and follow up a coffee chat (F1)"))
    button.setShortcut(QKeySequence("F1"))
    wizard.helpRequested.connect(
        lambda: show_guide(wizard, SECTION_OF_WIZARD_PAGE.get(wizard.currentId(), "intro")))
