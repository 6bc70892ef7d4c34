"""Insights: what the chats taught, grouped by kind and ranked by how many people said it.

A first, plain version: one short table per kind. A later page adds merging, job leads, the
referral tree and the monthly figures.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services import insights as insights_service
from desktop.ui import theme
from desktop.ui.models.insights import COL_PEOPLE, COL_TITLE, COL_WHO, InsightGroupTableModel
from desktop.ui.pages import Page

ROW_HEIGHT = 30


class InsightsPage(Page):
    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.tables: dict[str, QTableView] = {}
        scroll = QScrollArea(self)
        scroll.setObjectName("insightsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(32, 24, 32, 32)
        self._layout.setSpacing(10)
        self.refresh()

    def title(self) -> str:
        return self.tr("Insights")

    def refresh(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone now; deleted once back in the event loop
                item.widget().deleteLater()
            elif item.layout() is not None:
                _clear(item.layout())
        self.tables.clear()
        groups = insights_service.groups(self.store)
        total = sum(len(g) for g in groups.values())
        header = QHBoxLayout()
        header.addWidget(theme.set_role(QLabel(self.tr("Insights")), "heading"))
        header.addSpacing(12)
        header.addWidget(theme.set_role(QLabel(self.tr("%n things people told you", "", total)),
                                        "quiet"), 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        self._layout.addLayout(header)
        if not total:
            self._layout.addWidget(theme.set_role(QLabel(self.tr(
                "Nothing yet. Insights you note during and after your chats gather here, "
                "ranked by how many people said the same thing.")), "empty"))
        for kind, kind_groups in groups.items():
            if not kind_groups:
                continue
            name = QCoreApplication.translate("InsightKind", kind.label)
            self._layout.addWidget(theme.set_role(QLabel(f"{name}  ·  {len(kind_groups)}"),
                                                  "subheading"))
            self._layout.addWidget(self._table(kind.value, kind_groups))
        self._layout.addStretch(1)

    def _table(self, kind: str, kind_groups) -> QTableView:
        model = InsightGroupTableModel(self)
        model.set_rows(kind_groups)
        table = QTableView()
        table.setObjectName(f"insights_{kind}")
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The insight itself gets the room; who said it takes what is left.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_PEOPLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(COL_WHO, 320)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The page scrolls, not each table: size it to its rows.
        table.setFixedHeight(header.sizeHint().height() + ROW_HEIGHT * len(kind_groups) + 4)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_PEOPLE, Qt.SortOrder.DescendingOrder)
        self.tables[kind] = table
        return table


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())
