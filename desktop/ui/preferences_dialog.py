"""Edit → Preferences…: the app-wide defaults, the look, and "Delete all my data".

The defaults (paper size, chat length, thank-you window, keep-in-touch cadence) are saved
in the database through desktop/services/preferences.py; the theme is per computer and
goes through the window's View → Appearance actions, so menu and dialog always agree. The
theme previews live while the dialog is open and goes back on Cancel.

"Delete all my data" closes this dialog, asks in a second dialog where the user must type
a word (DELETE) to enable the red button, makes a backup, then replaces the database with a
new, empty one. The backup's place is shown afterwards; nothing is deleted if it fails.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.domain.records import Counts, Preferences
from desktop.errors import UserError
from desktop.services import overview
from desktop.services import preferences as service
from desktop.ui import dialogs, icons, settings, theme

DELETE_ALL = 2  # the preferences dialog's result when the user asked to delete everything
THEMES = ("system", "light", "dark")


def _tr(text: str) -> str:
    return QCoreApplication.translate("PreferencesDialog", text)


def _spin(name: str, field: str, suffix: str, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    low, high = service.LIMITS[field]
    box.setRange(low, high)
    box.setSuffix(suffix)
    if special:
        box.setSpecialValueText(special)
    box.setMinimumWidth(120)
    return box


class PreferencesDialog(QDialog):
    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.store = store
        self._window = parent
        self._theme_at_start = current_theme()

        self.paper = QComboBox()
        self.paper.setObjectName("paperSize")
        for value, text in (("", self.tr("Usual for my region")), ("letter", self.tr("US Letter")),
                            ("a4", self.tr("A4"))):
            self.paper.addItem(text, value)
        self.minutes = _spin("chatMinutes", "chat_minutes", self.tr(" min"))
        self.minutes.setSingleStep(5)
        self.hours = _spin("thankYouHours", "thank_you_hours", self.tr(" h"))
        self.cadence = _spin("cadenceDays", "cadence_days", self.tr(" days"),
                             special=self.tr("No reminder"))
        self.cadence.setSingleStep(7)
        self.theme = QComboBox()
        self.theme.setObjectName("themeChoice")
        for value, text in zip(THEMES, (self.tr("Follow the system"), self.tr("Light"),
                                        self.tr("Dark")), strict=True):
            self.theme.addItem(text, value)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Question sheet &paper:"), self.paper)
        form.addRow(self.tr("New chats &last:"), self.minutes)
        form.addRow(self.tr("&Thank-you due within:"), self.hours)
        form.addRow(self.tr("&Keep in touch every:"), self.cadence)
        form.addRow(self.tr("&Appearance:"), self.theme)
        hint = theme.set_role(QLabel(self.tr(
            "A contact's own cadence, or one set on their tags, comes before the default.")),
            "quiet")
        hint.setWordWrap(True)

        data = QFrame()
        data.setObjectName("yourData")
        theme.set_role(data, "card")
        data_layout = QVBoxLayout(data)
        data_layout.setContentsMargins(14, 12, 14, 12)
        title = theme.set_role(QLabel(self.tr("Your data")), "name")
        where = theme.set_role(QLabel(self.tr("Kept on this computer only, in %1")
                                      .replace("%1", str(store.path))), "quiet")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delete_button = QPushButton(icons.icon("delete"), self.tr("Delete all my data…"))
        self.delete_button.setObjectName("deleteAllButton")
        self.delete_button.clicked.connect(lambda: self.done(DELETE_ALL))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_button)
        data_layout.setSpacing(6)
        data_layout.addWidget(title)
        data_layout.addWidget(where)
        data_layout.addLayout(row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("preferencesButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(data)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

        self.show_values(service.get(store))
        self.theme.setCurrentIndex(max(0, THEMES.index(self._theme_at_start)))
        self._previewed = False
        self.theme.currentIndexChanged.connect(lambda _i: self._preview())

    def show_values(self, prefs: Preferences) -> None:
        self.paper.setCurrentIndex(max(0, self.paper.findData(prefs.paper_size)))
        self.minutes.setValue(prefs.chat_minutes)
        self.hours.setValue(prefs.thank_you_hours)
        self.cadence.setValue(prefs.cadence_days)

    def values(self) -> Preferences:
        return Preferences(paper_size=self.paper.currentData(), chat_minutes=self.minutes.value(),
                           thank_you_hours=self.hours.value(), cadence_days=self.cadence.value())

    def chosen_theme(self) -> str:
        return self.theme.currentData()

    def accept(self) -> None:
        try:
            service.save(self.store, self.values())
        except UserError as exc:
            dialogs.error(self, str(exc), self.tr("Preferences not saved"))
            return
        set_theme(self._window, self.chosen_theme())
        super().accept()

    def _preview(self) -> None:
        self._previewed = True
        preview_theme(self.chosen_theme())

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted and self._previewed:
            preview_theme(self._theme_at_start)  # Cancel (or delete) keeps the old look
        super().done(result)


def current_theme() -> str:
    value = settings().value("view/theme", "system")
    return value if value in THEMES else "system"


def preview_theme(scheme: str) -> None:
    theme.apply(QApplication.instance(), scheme)


def set_theme(window, scheme: str) -> None:
    """Through the window's View → Appearance action when there is one (keeps its check)."""
    action = getattr(window, "actions", {}).get(f"theme_{scheme}") if window else None
    if action is not None:
        action.trigger()
    else:
        settings().setValue("view/theme", scheme)
        preview_theme(scheme)


def show_preferences(window) -> int:
    """Edit → Preferences…; runs "Delete all my data" when the user asked for it."""
    dialog = PreferencesDialog(window.store, window)
    result = dialog.exec()
    dialog.deleteLater()
    if result == DELETE_ALL:
        delete_all_data(window)
    return result


# --- delete all my data ---------------------------------------------------------------------

class DeleteAllDialog(QDialog):
    """The second, explicit step: says what goes and where the backup will be, and only
    enables the button once the user typed the word."""

    def __init__(self, counts: Counts, db_path: Path, backup_dir: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deleteAllDialog")
        self.setWindowTitle(self.tr("Delete all my data"))
        self.word = self.tr("DELETE")
        text = self.tr(
            "This deletes everything in %1: %2 contacts, %3 companies, %4 chats with their "
            "notes, %5 insights, follow-ups, your profile and your own questions. "
            "Coffee Chats then starts again with an empty database."
        )
        for n, value in enumerate((db_path.name, counts.contacts, counts.companies,
                                   counts.chats, counts.insights), start=1):
            text = text.replace(f"%{n}", str(value))
        what = QLabel(text)
        what.setWordWrap(True)
        safety = theme.set_role(QLabel(self.tr(
            "First a backup is saved in %1 (File → Restore backup… brings it all back). "
            "The older automatic backups there are kept too: delete that folder yourself "
            "to remove every copy.").replace("%1", str(backup_dir))), "quiet")
        safety.setWordWrap(True)
        safety.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        prompt = QLabel(self.tr("Type %1 to confirm:").replace("%1", self.word))
        self.confirm = QLineEdit()
        self.confirm.setObjectName("deleteConfirmation")
        self.confirm.setAccessibleName(self.tr("Type %1 to confirm").replace("%1", self.word))
        prompt.setBuddy(self.confirm)

        buttons = QDialogButtonBox()
        self.delete_button = buttons.addButton(self.tr("Delete everything"),
                                               QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setObjectName("confirmDeleteAll")
        self.delete_button.setEnabled(False)
        self.delete_button.setStyleSheet(
            f"QPushButton:enabled {{ background: {theme.current().late}; color: white; "
            f"border-color: {theme.current().late}; font-weight: 600; }}")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.delete_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.confirm.textChanged.connect(
            lambda text: self.delete_button.setEnabled(text.strip() == self.word))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(what)
        layout.addWidget(safety)
        layout.addWidget(prompt)
        layout.addWidget(self.confirm)
        layout.addSpacing(4)
        layout.addWidget(buttons)
        layout.addStretch(1)
        self.setFixedWidth(500)
        # Wrapped labels: size the dialog for its width, so no gaps open between lines.
        self.resize(500, layout.totalHeightForWidth(500))


def confirm_delete_all(parent, counts: Counts, db_path: Path, backup_dir: Path) -> bool:
    """True when the user typed the word and pressed the red button (tests patch this)."""
    dialog = DeleteAllDialog(counts, db_path, backup_dir, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def delete_all_data(window) -> Path | None:
    """Asks, backs up, deletes, and reopens the same path as a new, empty database."""
    backup_dir = paths.backup_dir()
    if not confirm_delete_all(window, overview.counts(window.store), window.store.path,
                              backup_dir):
        return None
    try:
        made = window.with_store_closed(
            lambda path: service.delete_all_data(path, backup_dir))
    except UserError as exc:
        dialogs.error(window, _tr("%1\n\nNothing was deleted.").replace("%1", str(exc)),
                      _tr("Could not delete your data"))
        return None
    dialogs.info(window, _tr("All your data was deleted. The backup made just before is\n%1\n"
                             "File → Restore backup… brings it back.").replace("%1", str(made)),
                 _tr("Data deleted"))
    return made
