"""File → Import…: a preview of what a contacts file would add, merge and reject, then one
transaction when the user confirms.

The reading, detecting, parsing and planning run in `ImportWorker` (off the UI thread) with
a progress bar and a Cancel button; the preview lists new contacts, merges (with whom and on
which key, and what they change) and rejected records with their line numbers and reasons.
Nothing is written until "Import" is pressed. Coffee Chats JSON files show the summary of
what they would add.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.importing import ImportPreview
from desktop.io.parsed import format_name
from desktop.ui import dialogs, theme
from desktop.ui.contacts.import_worker import AUTO, ImportWorker, JsonPlan

FORMATS = (
    (AUTO, "Recognise from the content"),
    ("linkedin", "LinkedIn Connections.csv"),
    ("google", "Google Contacts CSV"),
    ("outlook", "Outlook CSV"),
    ("vcard", "vCard (.vcf)"),
    ("json", "Coffee Chats JSON"),
)
FILE_FILTERS = "Contacts files (*.csv *.vcf *.vcard *.json *.txt);;All files (*)"


class RowsModel(QAbstractTableModel):
    """A read-only table of prepared text rows (line numbers first)."""

    def __init__(self, headers: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.headers = headers
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None


def _table(name: str, model: RowsModel, widths: tuple[int, ...]) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    return table


class ImportDialog(QDialog):
    def __init__(self, store, path: str | Path, parent=None, fmt: str = AUTO):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.store = store
        self.path = Path(path)
        self.worker: ImportWorker | None = None
        self.result_ = None  # what the commit returned, once done
        self.setWindowTitle(self.tr("Import contacts from %1").replace("%1", self.path.name))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Format")))
        self.format = QComboBox()
        self.format.setObjectName("importFormat")
        self.format.setAccessibleName(self.tr("Format"))
        for value, text in FORMATS:
            self.format.addItem(self.tr(text), value)
        self.format.setCurrentIndex(max(0, self.format.findData(fmt)))
        self.format.currentIndexChanged.connect(self.start)
        top.addWidget(self.format)
        top.addStretch(1)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress)

        self.added = RowsModel(
            (self.tr("Line"), self.tr("Name"), self.tr("Company"), self.tr("E-mail")), self
        )
        self.merged = RowsModel(
            (self.tr("Line"), self.tr("Name"), self.tr("Merges with"), self.tr("Changes")), self
        )
        self.rejected = RowsModel((self.tr("Line"), self.tr("Reason")), self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.tabs.addTab(_table("importAdded", self.added, (60, 200, 180)), "")
        self.tabs.addTab(_table("importMerged", self.merged, (60, 180, 300)), "")
        self.tabs.addTab(_table("importRejected", self.rejected, (60,)), "")
        self.json_text = QPlainTextEdit()
        self.json_text.setObjectName("importJsonSummary")
        self.json_text.setReadOnly(True)
        self.views = QStackedWidget()
        self.views.addWidget(self.tabs)
        self.views.addWidget(self.json_text)
        layout.addWidget(self.views, 1)

        buttons = QHBoxLayout()
        self.note = theme.set_role(
            QLabel(self.tr("Nothing is written until you press Import.")), "quiet"
        )
        buttons.addWidget(self.note, 1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = theme.set_role(QPushButton(self.tr("Import")), "primary")
        self.import_button.setObjectName("importConfirm")
        self.import_button.clicked.connect(self.confirm)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self._set_tab_titles(0, 0, 0)
        self.resize(860, 560)
        self.start()

    # --- the worker --------------------------------------------------------------------------
    def start(self) -> None:
        """(Re)reads the file in the chosen format and builds the preview off the UI thread."""
        self._stop_worker()
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the planner reports a total
        self.progress.show()
        self.summary.setText(self.tr("Reading %1…").replace("%1", self.path.name))
        for model in (self.added, self.merged, self.rejected):
            model.set_rows([])
        worker = ImportWorker(self.store, self.path, self.format.currentData(), self)
        worker.progress.connect(self._progress)
        worker.previewed.connect(self._previewed)
        worker.committed.connect(self._committed)
        worker.failed.connect(self._failed)
        self.worker = worker
        worker.start()

    def _stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
            self.worker = None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.summary.setText(
            self.tr("Checking %1 of %2 records against your contacts…")
            .replace("%1", f"{done:,}")
            .replace("%2", f"{total:,}")
        )

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.import_button.setEnabled(False)
        self.summary.setText(message)
        theme.set_role(self.summary, "late")

    # --- the preview ----------------------------------------------------------------------------
    def _previewed(self, plan) -> None:
        self.progress.hide()
        theme.set_role(self.summary, "")
        if isinstance(plan, JsonPlan):
            self.views.setCurrentIndex(1)
            self.json_text.setPlainText("\n".join(plan.lines))
            self.summary.setText(
                self.tr("%1 is a Coffee Chats JSON file: %2 records to add.")
                .replace("%1", self.path.name)
                .replace("%2", f"{plan.total:,}")
            )
            self.import_button.setEnabled(plan.total > 0)
            return
        self.views.setCurrentIndex(0)
        self._show_plan(plan)

    def _show_plan(self, plan: ImportPreview) -> None:
        self.added.set_rows(
            [
                (str(i.line), i.contact.display_name, i.contact.company, i.contact.primary_email)
                for i in plan.added
            ]
        )
        self.merged.set_rows(
            [
                (
                    str(i.line),
                    i.contact.display_name,
                    i.match.describe() if i.match else "",
                    ", ".join(i.changes) or self.tr("nothing new"),
                )
                for i in plan.merged
            ]
        )
        self.rejected.set_rows([(str(r.line), r.reason) for r in plan.rejected])
        self._set_tab_titles(len(plan.added), len(plan.merged), len(plan.rejected))
        total = plan.importable + len(plan.rejected)
        self.summary.setText(
            self.tr("%1 records in %2 (%3): %4 new, %5 merged with contacts you have, %6 rejected.")
            .replace("%1", f"{total:,}")
            .replace("%2", self.path.name)
            .replace("%3", format_name(plan.format))
            .replace("%4", f"{len(plan.added):,}")
            .replace("%5", f"{len(plan.merged):,}")
            .replace("%6", f"{len(plan.rejected):,}")
        )
        self.import_button.setEnabled(plan.importable > 0)
        self.import_button.setText(
            self.tr("Import %1").replace("%1", f"{plan.importable:,}")
            if plan.importable
            else self.tr("Import")
        )
        if not plan.added and not plan.merged and plan.rejected:
            self.tabs.setCurrentIndex(2)

    def _set_tab_titles(self, added: int, merged: int, rejected: int) -> None:
        for n, (text, count) in enumerate(
            (
                (self.tr("New (%1)"), added),
                (self.tr("Merged (%1)"), merged),
                (self.tr("Rejected (%1)"), rejected),
            )
        ):
            self.tabs.setTabText(n, text.replace("%1", f"{count:,}"))

    # --- commit ------------------------------------------------------------------------------
    def confirm(self) -> None:
        if self.worker is None or self.worker.plan is None:
            return
        self.import_button.setEnabled(False)
        self.format.setEnabled(False)
        self.cancel_button.setEnabled(False)  # one transaction: it cannot stop half-way
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Importing…"))
        self.worker.commit()

    def _committed(self, result) -> None:
        self.result_ = result
        self.worker.wait()
        self.worker = None
        self.accept()

    def reject(self) -> None:
        if self.worker is not None and not self.cancel_button.isEnabled():
            return  # the commit is running; it ends by itself in a moment
        self._stop_worker()
        super().reject()

    def closeEvent(self, event) -> None:
        self._stop_worker()
        super().closeEvent(event)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def run(window: QWidget, path: str | Path | None = None) -> bool:
    """The window's "import" feature: pick a file, preview it, import on confirmation."""
    if path is None:
        path = dialogs.open_file(window, _tr("Import contacts"), FILE_FILTERS)
        if path is None:
            return False
    dialog = ImportDialog(window.store, path, window)
    imported = dialog.exec() == QDialog.DialogCode.Accepted
    if imported:
        result = dialog.result_
        if hasattr(window, "refresh"):
            window.refresh()
        added = getattr(result, "added", None)
        if hasattr(window, "statusBar") and added is not None and isinstance(added, int):
            window.statusBar().showMessage(
                _tr("Imported %1 new and %2 merged contacts.")
                .replace("%1", str(added))
                .replace("%2", str(getattr(result, "merged", 0))),
                8000,
            )
    return imported
