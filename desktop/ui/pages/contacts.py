"""Contacts: the table (filter as you type, tag filter, archived on request, sort on every
column) beside the detail panel, with bulk actions, duplicates, merge and undo.

Filtering and sorting run in plain Python inside `ContactsTableModel`. Changing the selected
contact goes through the panel's unsaved-edits guard; when the user cancels, the selection
returns to the contact being edited. Delete, merge and bulk edits land in `self.history`
(the page's Undo button, Ctrl+Z in the table, and Edit → Undo).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.services import contacts as contacts_service
from desktop.services import merge
from desktop.services.undo import UndoHistory
from desktop.ui import dialogs, theme
from desktop.ui.contacts import table_model as tm
from desktop.ui.contacts.bulk_bar import BulkBar
from desktop.ui.contacts.detail_panel import DetailPanel, deletion_text
from desktop.ui.contacts.splitter import RememberedSplitter
from desktop.ui.contacts.table_view import ContactsTableView
from desktop.ui.pages import Page

FILTER_DELAY_MS = 60  # a pause this long ends a burst of keystrokes
PANEL_WIDTH = 360  # the detail panel's first width: the table gets ~760 px at 1366×768


class ContactsPage(Page):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.history = UndoHistory()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_filters())
        self.bulk = BulkBar()
        self.bulk.hide()
        self.bulk.tagRequested.connect(self._bulk_tag)
        self.bulk.archiveRequested.connect(self._bulk_archive)
        self.bulk.cadenceRequested.connect(self._bulk_cadence)
        self.bulk.mergeRequested.connect(self._merge_selected)
        self.bulk.deleteRequested.connect(self._delete_selected)

        self.model = tm.ContactsTableModel(self)
        self.table = ContactsTableView()
        self.table.setModel(self.model)
        self.table.undo = self.undo  # Edit → Undo calls the focused widget's undo()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.panel = DetailPanel(store, self.history)
        self.panel.contactSaved.connect(self._saved)
        self.panel.contactsChanged.connect(self._changed_rows)
        self.panel.contactsDeleted.connect(self._deleted)
        self.panel.planChatRequested.connect(self._plan_chat)
        self.panel.openChatRequested.connect(self.open_chat_requested)
        splitter = self.splitter = RememberedSplitter("contacts/splitter", PANEL_WIDTH)
        splitter.setObjectName("contactsSplitter")
        splitter.setChildrenCollapsible(False)
        # The bulk bar sits over the table only, so the panel beside it does not move.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.bulk)
        left_layout.addWidget(self.table, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)  # a wider window widens the table, not the form
        splitter.setStretchFactor(1, 0)
        layout.addWidget(splitter, 1)

        undo = QAction(self.tr("Undo"), self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.undo)
        self.table.addAction(undo)
        self.refresh()

    # --- building ------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        header.addWidget(theme.set_role(QLabel(self.tr("Contacts")), "heading"))
        header.addSpacing(12)
        self.summary = theme.set_role(QLabel(), "quiet")
        self.summary.setObjectName("contactsSummary")
        header.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("contactsUndo")
        self.undo_button.clicked.connect(self.undo)
        self.duplicates_button = QPushButton(self.tr("Find duplicates…"))
        self.duplicates_button.setObjectName("findDuplicates")
        self.duplicates_button.clicked.connect(self.find_duplicates)
        self.new_button = theme.set_role(QPushButton(self.tr("New contact")), "primary")
        self.new_button.setObjectName("newContact")
        self.new_button.clicked.connect(self.new_contact)
        for button in (self.undo_button, self.duplicates_button, self.new_button):
            header.addWidget(button)
        return header

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("contactsFilter")
        self.filter.setAccessibleName(self.tr("Filter contacts"))
        self.filter.setPlaceholderText(self.tr("Filter by name, company, role, e-mail or tag"))
        self.filter.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.filter.returnPressed.connect(self._apply_filter)
        row.addWidget(self.filter, 1)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self.tag_filter.setAccessibleName(self.tr("Tag"))
        self.tag_filter.setMinimumWidth(150)
        self.tag_filter.currentIndexChanged.connect(self._apply_tag)
        row.addWidget(self.tag_filter)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setObjectName("showArchived")
        self.show_archived.toggled.connect(self._apply_archived)
        row.addWidget(self.show_archived)
        return row

    # --- Page contract -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Contacts")

    def refresh(self) -> None:
        current = self.panel.contact_id()
        rows = contacts_service.list_rows(self.store, include_archived=True)
        self.model.set_rows(rows)
        tags = self.model.tags()
        self._fill_tags(tags)
        self.panel.set_choices(rows, tags)
        if current is not None and not self.panel.is_dirty():
            exists = any(row.id == current for row in rows)
            self.panel.show_contact(current if exists else None)
        self._after_reset()

    def search(self, text: str) -> bool:
        self.filter.setText(text)
        self._apply_filter()
        return True

    def select(self, item_id: int) -> bool:
        if self.model.row_of_id(item_id) is None:
            self.filter.clear()
            self._apply_filter()
            if self.model.row_of_id(item_id) is None and not self.show_archived.isChecked():
                self.show_archived.setChecked(True)
        row = self.model.row_of_id(item_id)
        if row is None:
            return False
        index = self.model.index(row, tm.COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return self.panel.contact_id() == item_id

    def selected_ids(self) -> list[int]:
        return self.table.selected_ids()

    # --- filters -------------------------------------------------------------------------
    def _fill_tags(self, tags: list[str]) -> None:
        chosen = self.tag_filter.currentData() or ""
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), "")
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(chosen)))
        self.tag_filter.blockSignals(False)
        self.model.set_tag(self.tag_filter.currentData() or "")

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter.text())
        self._after_reset()

    def _apply_tag(self) -> None:
        self.model.set_tag(self.tag_filter.currentData() or "")
        self._after_reset()

    def _apply_archived(self, show: bool) -> None:
        self.model.set_show_archived(show)
        self._after_reset()

    def _after_reset(self, keep: list[int] | None = None) -> None:
        """After a model change: the summary, and the selection put back — the contacts in
        `keep` (a bulk action's), else the contact in the panel — where they are still shown."""
        shown, total = self.model.rowCount(), self.model.population()
        if shown == total:
            self.summary.setText(self.tr("%1 people").replace("%1", f"{total:,}"))
        else:
            self.summary.setText(
                self.tr("%1 of %2 shown").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
            )
        current = self.panel.contact_id()
        self._reselect(keep if keep else [current] if current is not None else [], current)
        self.undo_button.setEnabled(self.history.can_undo)
        self.undo_button.setToolTip(self.history.next_label)

    def _reselect(self, contact_ids: list[int], current: int | None) -> None:
        # A few ids: a scan each; many: one id -> row map (costs ~50 ms to build at 50k).
        find = self.model.row_of_id if len(contact_ids) <= 20 else self.model.row_of_id_fast
        rows = sorted(filter(lambda r: r is not None, map(find, contact_ids)))
        chosen = QItemSelection()
        start = previous = None
        for row in [*rows, None]:  # contiguous rows become one range
            if row is not None and previous is not None and row == previous + 1:
                previous = row
                continue
            if start is not None:
                chosen.select(
                    self.model.index(start, 0),
                    self.model.index(previous, self.model.columnCount() - 1),
                )
            start = previous = row
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        current_row = find(current) if current is not None else None
        if current_row is not None:
            selection.setCurrentIndex(
                self.model.index(current_row, tm.COL_NAME),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        selection.blockSignals(False)
        self.table.viewport().update()
        self._selection_changed()

    # --- selection and the guard ---------------------------------------------------------
    def _current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        contact_id = self.model.id_at(current.row())
        if contact_id == self.panel.contact_id():
            return
        if self.panel.maybe_leave():
            self.panel.show_contact(contact_id)
        else:
            # Cancelled: stay on the contact being edited. Qt is still inside the change.
            QTimer.singleShot(0, lambda: self._after_reset())

    def _selection_changed(self, *_args) -> None:
        ids = self.table.selected_ids()
        self.bulk.setVisible(len(ids) > 1)
        if len(ids) > 1:
            archived = any(self.model.row_at(self.model.row_of_id_fast(i)).archived for i in ids)
            self.bulk.set_selection(len(ids), archived)

    def new_contact(self) -> None:
        if self.panel.maybe_leave():
            self.table.selectionModel().clear()
            self.panel.new_contact()

    # --- after the panel changed data ----------------------------------------------------
    def _saved(self, contact_id: int) -> None:
        before = self.model.row_by_id(contact_id)
        fresh = contacts_service.rows_for(self.store, [contact_id])
        self.model.replace_rows(fresh)
        after = fresh[0] if fresh else None
        # The pickers hold every name and tag: rebuild them only when these changed.
        if before is None or after is None or before.tags != after.tags:
            tags = self.model.tags()
            self._fill_tags(tags)
            self.panel.set_choices(self.model.all_rows(), tags)
        elif (before.name, before.company) != (after.name, after.company):
            self.panel.form.referred_by.set_contacts(self.model.all_rows())
        self._after_reset()
        self.data_changed.emit()

    def _changed_rows(self, ids: list[int]) -> None:
        self.model.replace_rows(contacts_service.rows_for(self.store, ids))
        self._fill_tags(self.model.tags())
        self._after_reset()
        self.data_changed.emit()

    def _deleted(self, ids: list[int]) -> None:
        self.model.remove_ids(ids)
        self.panel.set_choices(self.model.all_rows(), self.model.tags())
        self._after_reset()
        self.data_changed.emit()

    def _plan_chat(self, contact_id: int) -> None:
        window = self.window()
        if hasattr(window, "has_feature") and window.has_feature("plan_chat"):
            window.run_feature("plan_chat", contact_id)

    # --- bulk actions --------------------------------------------------------------------
    def _bulk(self, change) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            change(ids)
        except UserError as exc:
            dialogs.warn(self, str(exc))
            return
        self._changed_rows(ids)
        self._after_reset(keep=ids)

    def _bulk_tag(self, tag: str) -> None:
        self._bulk(lambda ids: merge.add_tag(self.store, ids, tag, self.history))
        self.panel.set_choices(self.model.all_rows(), self.model.tags())
        self._reload_panel()

    def _bulk_archive(self, archived: bool) -> None:
        self._bulk(lambda ids: merge.set_archived(self.store, ids, archived, self.history))
        self._reload_panel()

    def _bulk_cadence(self, days) -> None:
        self._bulk(lambda ids: merge.set_cadence(self.store, ids, days, self.history))
        self._reload_panel()

    def _reload_panel(self) -> None:
        current = self.panel.contact_id()
        if current is not None and not self.panel.is_dirty():
            self.panel.show_contact(current)

    def _delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.panel.maybe_leave():
            return
        impact = merge.deletion_impact(self.store, ids)
        if not dialogs.ask_yes_no(
            self,
            deletion_text("", impact),
            self.tr("Delete contacts"),
            yes=self.tr("Delete"),
            no=self.tr("Keep"),
        ):
            return
        merge.delete_contacts(self.store, ids, self.history)
        if self.panel.contact_id() in ids:
            self.panel.show_contact(None)
        self._deleted(ids)

    def _merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2 and self.panel.maybe_leave():
            self.merge_pair(ids[0], ids[1])

    def merge_pair(self, first_id: int, second_id: int) -> bool:
        from desktop.ui.contacts.merge_dialog import MergeDialog

        dialog = MergeDialog(self.store, first_id, second_id, self.history, self)
        merged = dialog.exec() == MergeDialog.DialogCode.Accepted
        if merged:
            self.refresh()
            self.select(dialog.kept_id())
            self.data_changed.emit()
        return merged

    def find_duplicates(self) -> None:
        from desktop.ui.contacts.duplicates_dialog import DuplicatesDialog

        if not self.panel.maybe_leave():
            return
        dialog = DuplicatesDialog(self.store, self.history, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()
            self.data_changed.emit()

    # --- undo ----------------------------------------------------------------------------
    def undo(self) -> bool:
        if not self.history.can_undo or not self.panel.maybe_leave():
            return False
        try:
            label = self.history.undo(self.store)
        except UserError as exc:
            dialogs.warn(self, str(exc), self.tr("Cannot undo"))
            self._after_reset()
            return False
        self.refresh()
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Undone: %1").replace("%1", label), 5000)
        self.data_changed.emit()
        return True
