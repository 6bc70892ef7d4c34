"""File → Export…: contacts (all, or those selected on the Contacts page) as vCard, CSV or JSON.

vCard 3.0 and CSV come from the writers in `desktop.io` (CSV cells that a spreadsheet would
run as a formula are neutralised there); JSON is the documented Coffee Chats format of
`export contacts --format json`, which holds every contact, so it is offered for "all" only.
The file is written beside its final name and renamed, so a failed export leaves nothing
half-written.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services import exports, overview
from desktop.ui import dialogs, theme

FORMATS = (
    ("vcard", "vCard 3.0 (.vcf) — phones and mail programs", "contacts.vcf", "vCard files (*.vcf)"),
    ("csv", "CSV (.csv) — spreadsheets", "contacts.csv", "CSV files (*.csv)"),
    (
        "json",
        "Coffee Chats JSON (.json) — every contact, to import elsewhere",
        "contacts.json",
        "JSON files (*.json)",
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def export_contacts(
    store, path: Path, fmt: str, ids: list[int] | None = None, include_archived: bool = True
) -> int:
    """Writes the contacts to `path` in `fmt`; returns how many. UserError when it cannot."""
    path = Path(path).expanduser()
    if fmt == "json":
        from desktop.domain.document import subset
        from desktop.io import json_format
        from desktop.services import transfer

        document = subset(transfer.export_document(store), "contacts")
        json_format.write_file(document, path)
        return len(document.records("contacts"))
    from desktop.io import contacts_csv, vcard_writer

    people = exports.contacts(store, ids, include_archived=include_archived)
    if fmt == "vcard":
        data = vcard_writer.write(people).encode("utf-8")
    else:
        data = contacts_csv.write(people).encode(contacts_csv.ENCODING)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    return len(people)


class ExportDialog(QDialog):
    def __init__(self, store, selected: list[int], total: int, parent=None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export contacts"))
        self.store = store
        self.selected = list(selected)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.scope = QButtonGroup(self)
        self.all_radio = QRadioButton(self.tr("All contacts (%1)").replace("%1", f"{total:,}"))
        self.all_radio.setObjectName("exportAll")
        self.selected_radio = QRadioButton(
            self.tr("The %1 selected on the Contacts page").replace("%1", f"{len(self.selected):,}")
        )
        self.selected_radio.setObjectName("exportSelected")
        self.scope.addButton(self.all_radio)
        self.scope.addButton(self.selected_radio)
        (self.selected_radio if len(self.selected) > 1 else self.all_radio).setChecked(True)
        scope_box = QVBoxLayout()
        scope_box.addWidget(self.all_radio)
        scope_box.addWidget(self.selected_radio)
        form.addRow(self.tr("Contacts"), scope_box)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName(self.tr("Format"))
        for value, text, _name, _filter in FORMATS:
            self.format.addItem(self.tr(text), value)
        self.format.currentIndexChanged.connect(self._update)
        form.addRow(self.tr("Format"), self.format)
        self.archived = QCheckBox(self.tr("Include archived contacts"))
        self.archived.setObjectName("exportArchived")
        self.archived.setChecked(True)
        form.addRow("", self.archived)
        layout.addLayout(form)
        self.hint = theme.set_role(QLabel(), "quiet")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportConfirm")
        theme.set_role(self.export_button, "primary")
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.written: Path | None = None
        self.count = 0
        self.scope.buttonToggled.connect(lambda *_: self._update())
        self._update()

    def fmt(self) -> str:
        return self.format.currentData()

    def _update(self) -> None:
        json = self.fmt() == "json"
        self.selected_radio.setEnabled(bool(self.selected) and not json)
        if json or not self.selected:
            self.all_radio.setChecked(True)
        self.archived.setEnabled(not json)
        self.hint.setText(
            self.tr(
                "The JSON file holds every contact with its companies and "
                "tags; `coffee-chats import` reads it back."
            )
            if json
            else ""
        )

    def ids(self) -> list[int] | None:
        return self.selected if self.selected_radio.isChecked() else None

    def export(self) -> None:
        _value, _text, name, file_filter = next(f for f in FORMATS if f[0] == self.fmt())
        path = dialogs.save_file(
            self, self.tr("Export contacts"), self.tr(file_filter), Path.home() / name
        )
        if path is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.count = export_contacts(
                self.store, path, self.fmt(), self.ids(), self.archived.isChecked()
            )
        except UserError as exc:
            QGuiApplication.restoreOverrideCursor()
            dialogs.error(self, str(exc), self.tr("Cannot export"))
            return
        QGuiApplication.restoreOverrideCursor()
        self.written = Path(path)
        self.accept()


def run(window: QWidget) -> bool:
    """The window's "export" feature."""
    page = window.built_pages().get("contacts") if hasattr(window, "built_pages") else None
    selected = page.selected_ids() if page is not None else []
    total = page.model.total() if page is not None else overview.counts(window.store).contacts
    dialog = ExportDialog(window.store, selected, total, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(
            _tr("Exported %1 contacts to %2")
            .replace("%1", f"{dialog.count:,}")
            .replace("%2", str(dialog.written)),
            8000,
        )
    return True
