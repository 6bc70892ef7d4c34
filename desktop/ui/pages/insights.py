"""Insights: what many chats taught, at a glance and in detail.

At the top, three charts: chats held per month, the funnel (requested → held → thanked →
referral given), and the share of thank-yous sent on time. Below, tabs: what people said
(grouped by kind, ranked by how many different people said it, merged by hand), skills to
build (tick them off), job leads, career paths with their evidence, and the network (who
introduced whom). The data comes from one service call (`insights.overview`);
`show_overview(data)` only fills the widgets.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import InsightKind
from desktop.domain.insights import InsightsOverview
from desktop.services import insights as insights_service
from desktop.ui import theme
from desktop.ui.charts import FunnelChart, MonthBars, ShareRing
from desktop.ui.insights.groups_panel import GroupsPanel, SkillsPanel
from desktop.ui.insights.leads_panel import LeadsPanel
from desktop.ui.insights.models import ReferralTreeModel
from desktop.ui.insights.paths_panel import PathsPanel
from desktop.ui.pages import Page

TAB_SAID, TAB_SKILLS, TAB_LEADS, TAB_PATHS, TAB_NETWORK = range(5)


def _card(title: str, chart: QWidget, name: str) -> QFrame:
    card = QFrame()
    card.setObjectName(name)
    theme.set_role(card, "card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(14, 10, 14, 8)
    layout.setSpacing(2)
    label = QLabel(title)
    theme.set_role(label, "name")
    layout.addWidget(label)
    layout.addWidget(chart)
    return card


def _local_style(c: theme.Colors) -> str:
    # Roomier rows for the page's plain lists; the shared stylesheet styles only navigation.
    return f"""
QListWidget {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 6px;
    outline: none; padding: 4px; }}
QListWidget::item {{ padding: 5px 8px; border-radius: 4px; }}
QListWidget::item:selected {{ background: {c.accent_soft}; color: {c.text}; }}
QTableView::indicator {{ width: 14px; height: 14px; border: 1px solid {c.quiet};
    border-radius: 3px; background: {c.base}; }}
QTableView::indicator:checked {{ background: {c.accent}; border-color: {c.accent}; }}
"""


class InsightsPage(Page):
    def __init__(self, store, parent=None, *, now: datetime | None = None):
        super().__init__(store, parent)
        self._now = now
        self._data: InsightsOverview | None = None
        self._reload = QTimer(self, singleShot=True, interval=0)
        self._reload.timeout.connect(self._changed_now)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 22, 32, 20)
        layout.setSpacing(10)

        header = QHBoxLayout()
        header.addWidget(theme.set_role(QLabel(self.tr("Insights")), "heading"))
        header.addSpacing(12)
        self.summary = QLabel()
        self.summary.setObjectName("insightsSummary")
        theme.set_role(self.summary, "quiet")
        header.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        layout.addLayout(header)

        charts = QHBoxLayout()
        charts.setSpacing(12)
        self.month_chart = MonthBars()
        self.funnel_chart = FunnelChart()
        self.on_time_chart = ShareRing()
        for chart in (self.month_chart, self.funnel_chart, self.on_time_chart):
            chart.HEIGHT = 120
            chart.setFixedHeight(120)
        charts.addWidget(_card(self.tr("Chats held per month"), self.month_chart,
                               "monthCard"), 5)
        charts.addWidget(_card(self.tr("From request to referral"), self.funnel_chart,
                               "funnelCard"), 5)
        charts.addWidget(_card(self.tr("Thank-yous on time"), self.on_time_chart,
                               "onTimeCard"), 3)
        layout.addLayout(charts)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("insightsTabs")
        self.tabs.setDocumentMode(True)
        # Each tab is an empty holder until it is first shown (or a test reaches for its
        # panel): building all five and filling them cost more than the page's whole budget.
        self._holders: list[QWidget] = []
        self._built: dict[int, QWidget] = {}
        for text in (self.tr("What people said"), self.tr("Skills to build"),
                     self.tr("Job leads"), self.tr("Career paths"), self.tr("Network")):
            holder = QWidget()
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self._holders.append(holder)
            self.tabs.addTab(holder, text)
        layout.addWidget(self.tabs, 1)
        self._tree_loaded = False
        self.tabs.currentChanged.connect(self._tab_shown)
        self.refresh()

    def title(self) -> str:
        return self.tr("Insights")

    # --- tabs built when first seen -------------------------------------------------------
    def _panel(self, tab: int) -> QWidget:
        """The tab's panel, built (and filled from the data shown) on first use."""
        panel = self._built.get(tab)
        if panel is None:
            panel = self._built[tab] = self._build_tab(tab)
            self._holders[tab].layout().addWidget(panel)
            self._style_lists(panel)
            if self._data is not None:
                self._fill(tab, self._data)
        return panel

    @staticmethod
    def _style_lists(panel: QWidget) -> None:
        # On the lists and tables themselves, not on the page: a page-wide sheet made every
        # label, chart and tab restyle through it, a fifth of the page's build time.
        style = _local_style(theme.current())
        for view in panel.findChildren(QListWidget) + panel.findChildren(QTableView):
            view.setStyleSheet(style)

    def _build_tab(self, tab: int) -> QWidget:
        store = self.store
        if tab == TAB_NETWORK:
            return self._build_network()
        panel = (GroupsPanel, SkillsPanel, LeadsPanel, PathsPanel)[tab](store)
        panel.changed.connect(self._reload.start)
        if tab == TAB_SAID:
            panel.show_contact_requested.connect(self.show_contact_requested)
        elif tab == TAB_PATHS:
            panel.open_chat_requested.connect(self.open_chat_requested)
        return panel

    def _build_network(self) -> QWidget:
        self._network = QTreeView()
        self._network.setObjectName("referralTree")
        self._network.setAccessibleName(self.tr("Who introduced whom"))
        self._network_model = ReferralTreeModel(self)
        self._network.setModel(self._network_model)
        self._network.setUniformRowHeights(True)
        self._network.setAlternatingRowColors(True)
        header_view = self._network.header()
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header_view.setStretchLastSection(False)
        for col, width in ((1, 240), (2, 100), (3, 100)):
            header_view.resizeSection(col, width)
        self._network.doubleClicked.connect(self._open_network_contact)
        network_tab = QWidget()
        network_layout = QVBoxLayout(network_tab)
        network_layout.setContentsMargins(0, 8, 0, 0)
        self._network_hint = QLabel()
        self._network_hint.setObjectName("networkHint")
        theme.set_role(self._network_hint, "quiet")
        network_layout.addWidget(self._network_hint)
        network_layout.addWidget(self._network, 1)
        return network_tab

    def _tab_shown(self, tab: int) -> None:
        self._panel(tab)

    @property
    def groups_panel(self) -> GroupsPanel:
        return self._panel(TAB_SAID)

    @property
    def skills_panel(self) -> SkillsPanel:
        return self._panel(TAB_SKILLS)

    @property
    def leads_panel(self) -> LeadsPanel:
        return self._panel(TAB_LEADS)

    @property
    def paths_panel(self) -> PathsPanel:
        return self._panel(TAB_PATHS)

    @property
    def network(self) -> QTreeView:
        self._panel(TAB_NETWORK)
        return self._network

    @property
    def network_model(self) -> ReferralTreeModel:
        self._panel(TAB_NETWORK)
        return self._network_model

    @property
    def network_hint(self) -> QLabel:
        self._panel(TAB_NETWORK)
        return self._network_hint

    # --- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        # The referral tree (a walk over every introduction) only once the Network tab is.
        tree = TAB_NETWORK in self._built
        self._tree_loaded = tree
        self._show(insights_service.overview(self.store, self._now, tree=tree))

    def _changed_now(self) -> None:
        # Deferred: a panel's change often comes from inside an editor that is closing.
        self.refresh()
        self.data_changed.emit()

    def show_overview(self, data: InsightsOverview) -> None:
        """Fills every part from `data` (no store access but the open career path's view)."""
        self._tree_loaded = True
        self._show(data)

    def _show(self, data: InsightsOverview) -> None:
        self._data = data
        said = sum(len(g.mentions) for gs in data.groups.values() for g in gs)
        people = len({m.contact_id for gs in data.groups.values() for g in gs
                      for m in g.mentions if m.contact_id is not None})
        self.summary.setText(
            self.tr("%1 things noted from %2 people").replace("%1", f"{said:,}")
            .replace("%2", f"{people:,}") if said else
            self.tr("Nothing noted yet: insights from your chats' wrap-ups gather here."))
        fig = data.figures
        self.month_chart.set_data(fig.per_month)
        steps = dict(fig.funnel.steps())
        self.funnel_chart.set_data([
            (self.tr("Requested"), steps["requested"]), (self.tr("Held"), steps["held"]),
            (self.tr("Thanked"), steps["thanked"]),
            (self.tr("Referral given"), steps["referral_given"])])
        sent = fig.thanked_on_time + fig.thanked_late
        self.on_time_chart.set_data(
            fig.thanked_on_time, sent,
            self.tr("%1 of %2 sent in time").replace("%1", str(fig.thanked_on_time))
            .replace("%2", str(sent)) if sent else self.tr("none sent yet"))
        for tab, count in ((TAB_SKILLS, len(data.groups.get(InsightKind.SKILL, ()))),
                           (TAB_LEADS, len(data.leads)), (TAB_PATHS, len(data.paths))):
            base = self.tabs.tabText(tab).split("  ·  ")[0]
            self.tabs.setTabText(tab, f"{base}  ·  {count}" if count else base)
        for tab in self._built:
            self._fill(tab, data)
        self._panel(self.tabs.currentIndex())  # the tab in view, built and filled

    def _fill(self, tab: int, data: InsightsOverview) -> None:
        panel = self._built[tab]
        if tab == TAB_SAID:
            panel.set_groups(data.groups)
        elif tab == TAB_SKILLS:
            panel.set_groups(data.groups.get(InsightKind.SKILL, ()))
        elif tab == TAB_LEADS:
            panel.set_leads(data.leads, {p.id: p.name for p in data.paths if p.id is not None})
        elif tab == TAB_PATHS:
            panel.set_paths(data.paths)
        else:
            self._fill_network(data)

    def _fill_network(self, data: InsightsOverview) -> None:
        if not self._tree_loaded:
            data = self._data = replace(
                data, referral_roots=tuple(insights_service.referral_tree(self.store)))
            self._tree_loaded = True
        self._network_model.set_roots(data.referral_roots)
        linked = sum(root.size for root in data.referral_roots)
        self._network_hint.setText(
            self.tr("%1 people linked by introductions. Double-click a person to open them.")
            .replace("%1", f"{linked:,}") if linked else
            self.tr("No introductions yet. When someone refers you to a contact, "
                    "the chain shows here."))
        if len(data.referral_roots) <= 20:
            self._network.expandAll()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            for panel in self._built.values():
                self._style_lists(panel)
        super().changeEvent(event)

    def _open_network_contact(self, index) -> None:
        node = self._network_model.node(index)
        if node is not None:
            self.show_contact_requested.emit(node.contact_id)
