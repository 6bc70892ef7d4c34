"""The first-run welcome: import LinkedIn connections, try the demo data, or start empty.

It opens over the window, after its first paint (start-up is not slowed), only when all hold:
- the window runs on the default database (no `--db`, no `--demo`, no `--smoke-test`);
- `COFFEE_CHATS_NO_WELCOME` is not set (tests/conftest.py sets it: tests never see it
  unless they ask for it);
- that database holds nothing yet and the welcome was not answered before (a flag in the
  database, so "Delete all my data" brings it back).

Trying the demo opens a throw-away demo database and leaves the flag unset: the user's own
database is still empty, and the next start offers the choice again. Help → Welcome
screen… shows it at any time.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.ui import icons, theme

NO_WELCOME_ENV = "COFFEE_CHATS_NO_WELCOME"
IMPORT, DEMO, EMPTY = "import", "demo", "empty"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Welcome", text)


def linkedin_steps() -> tuple[str, ...]:
    """How to get Connections.csv from LinkedIn (their menus as of 2024-2025), as rich text."""
    return (
        _tr("On linkedin.com, open <b>Me</b> (your photo) → <b>Settings &amp; Privacy</b>."),
        _tr("Choose <b>Data privacy</b> → <b>Get a copy of your data</b>."),
        _tr("Pick <b>Want something in particular?</b>, tick <b>Connections</b>, and press "
            "<b>Request archive</b>."),
        _tr("LinkedIn e-mails you a download link, usually within minutes (at most a day)."),
        _tr("Download the ZIP file, unzip it, and choose <b>Connections.csv</b> here."),
    )


def linkedin_note() -> str:
    return _tr("Most people hide their e-mail address from their connections, so expect "
               "names, companies and positions.")


def eligible(args) -> bool:
    """By the command line and the environment only (no database work)."""
    if os.environ.get(NO_WELCOME_ENV, "") not in ("", "0"):
        return False
    return not (getattr(args, "db", None) or getattr(args, "demo", False)
                or getattr(args, "smoke_test", False))


def wanted(store) -> bool:
    # Imported here: every start imports this module, and preferences brings the records.
    from desktop.services import preferences

    return (store.path.resolve() == paths.default_database().resolve()
            and preferences.is_empty(store) and not preferences.welcome_done(store))


def schedule(window, args) -> None:
    """For app.run, after the window is shown: the welcome once the event loop runs."""
    if eligible(args):
        QTimer.singleShot(0, window, lambda: wanted(window.store) and show_welcome(window))


class WelcomeDialog(QDialog):
    """Three choices as cards; `choice` is IMPORT, DEMO, EMPTY or None (closed)."""

    def __init__(self, parent: QWidget | None = None, data_folder=None):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to Coffee Chats"))
        self.choice: str | None = None

        logo = QLabel()
        logo.setPixmap(icons.app_icon().pixmap(QSize(56, 56)))
        logo.setFixedSize(60, 60)
        heading = theme.set_role(QLabel(self.tr("Welcome to Coffee Chats")), "heading")
        intro = theme.set_role(QLabel(self.tr(
            "Prepare each informational interview, take notes while it happens, and follow "
            "up with the people you meet. Where would you like to start?")), "quiet")
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(heading)
        words.addWidget(intro)
        top.addLayout(words, 1)

        # One label per step: a rich-text list in one QLabel gets its height wrong and clips.
        how = QWidget()
        how.setObjectName("linkedinSteps")
        grid = QGridLayout(how)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for row, step in enumerate(linkedin_steps()):
            number = QLabel(f"{row + 1}.")
            text = QLabel(step)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setWordWrap(True)
            grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            grid.addWidget(text, row, 1)
        note = theme.set_role(QLabel(linkedin_note()), "quiet")
        note.setObjectName("linkedinNote")
        note.setWordWrap(True)
        grid.addWidget(note, len(linkedin_steps()), 1)
        grid.setColumnStretch(1, 1)
        self.import_button = self._button("welcomeImport", self.tr("Import Connections.csv…"),
                                          IMPORT, primary=True)
        self.demo_button = self._button("welcomeDemo", self.tr("Try the demo"), DEMO)
        self.empty_button = self._button("welcomeEmpty", self.tr("Start empty"), EMPTY)

        folder = data_folder or paths.data_dir()
        where = theme.set_role(QLabel(self.tr(
            "Your data stays on this computer, in %1. Coffee Chats never goes online.")
            .replace("%1", str(folder))), "quiet")
        where.setObjectName("dataFolder")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(26, 22, 26, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self._card(
            "import", self.tr("Import your LinkedIn connections"),
            self.tr("Start from the people you already know."), self.import_button, how))
        layout.addWidget(self._card(
            "demo", self.tr("Look around with sample data"),
            self.tr("A throw-away copy with made-up people and chats; your own list stays "
                    "empty."), self.demo_button))
        layout.addWidget(self._card(
            "new-chat", self.tr("Start with an empty list"),
            self.tr("Add people as you meet them; File → Import… takes a file at any time."),
            self.empty_button))
        layout.addWidget(where)
        self.setMinimumWidth(700)
        self.import_button.setFocus()

    def showEvent(self, event) -> None:
        # A window does not ask its wrapped labels how tall they get at its width: make room.
        width = max(self.width(), self.minimumWidth())
        needed = self.layout().totalHeightForWidth(width)
        if needed > self.height():
            self.resize(width, needed)
        super().showEvent(event)

    def _button(self, name: str, text: str, choice: str, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumWidth(190)
        if primary:
            theme.set_role(button, "primary")
            button.setDefault(True)
        button.clicked.connect(lambda: self.choose(choice))
        return button

    def _card(self, icon_name: str, title: str, text: str, button: QPushButton,
              extra: QWidget | None = None) -> QFrame:
        card = theme.set_role(QFrame(), "card")
        card.setObjectName(f"{button.objectName()}Card")
        mark = QLabel()
        mark.setPixmap(icons.icon(icon_name).pixmap(QSize(24, 24)))
        mark.setFixedWidth(30)
        name = theme.set_role(QLabel(title), "name")
        about = theme.set_role(QLabel(text), "quiet")
        about.setWordWrap(True)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(name)
        words.addWidget(about)
        if extra is not None:
            words.addWidget(extra)
        row = QHBoxLayout(card)
        row.setContentsMargins(14, 12, 14, 12)
        row.setSpacing(12)
        row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return card

    def choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask(window) -> str | None:
    """Shows the welcome and returns the choice (tests patch this)."""
    dialog = WelcomeDialog(window)
    try:
        dialog.exec()
        return dialog.choice
    finally:
        dialog.deleteLater()


def show_welcome(window) -> str | None:
    """Shows the welcome until a choice sticks, acts on it, returns it."""
    from desktop.services import preferences

    while True:
        choice = ask(window)
        if choice == IMPORT:
            if not window.run_feature("import"):
                continue  # cancelled the file picker or the preview: back to the choices
        elif choice == DEMO:
            open_demo(window)
            return choice
        if choice != IMPORT and not preferences.is_empty(window.store):
            return choice  # from Help on a database in use: nothing to mark
        preferences.set_welcome_done(window.store)
        return choice


def open_demo(window) -> bool:
    from desktop.services import demo

    path = demo.throwaway_database()
    window.demo_path = path
    if not window.open_database(path):
        return False
    window.statusBar().showMessage(_tr(
        "Demo data: a throw-away copy, deleted when you quit. Your own database opens at the "
        "next start."), 20_000)
    return True
