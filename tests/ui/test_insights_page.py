"""The Insights page: groups merged by hand, skills ticked, leads edited, paths and their
evidence, the referral tree, the charts; every item model through qtmodeltester."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, InsightKind
from desktop.domain.insights import LeadStatus
from desktop.services import career_paths, chats, contacts
from desktop.services import insights as insights_service
from desktop.ui import theme
from desktop.ui.charts import FunnelChart, MonthBars, ShareRing
from desktop.ui.insights.models import (
    GroupTreeModel,
    LeadsModel,
    ReferralTreeModel,
    SkillsModel,
)
from desktop.ui.pages.insights import InsightsPage

NOW = datetime(2025, 3, 12, 10, 0)


@pytest.fixture
def filled(store):
    ann = contacts.save(store, r.Contact(first_name="Ann", company="Acme"))
    bo = contacts.save(store, r.Contact(first_name="Bo", referred_by_id=ann.id))
    cy = contacts.save(store, r.Contact(first_name="Cy", referred_by_id=bo.id))
    made = []
    for who, when in ((ann, datetime(2025, 1, 5, 9)), (bo, datetime(2025, 2, 5, 9)),
                      (cy, datetime(2025, 3, 5, 9))):
        made.append(chats.create(store, who.id, status=ChatStatus.THANKED, scheduled_at=when,
                                 ended_at=when, thank_you_sent_at=when))
    chats.add_insight(store, made[0].id, "SQL", InsightKind.SKILL)
    chats.add_insight(store, made[1].id, "Learn SQL", InsightKind.SKILL)
    chats.add_insight(store, made[2].id, "Databases", InsightKind.SKILL)
    chats.add_insight(store, made[2].id, "Public speaking", InsightKind.SKILL)
    chats.add_insight(store, made[0].id, "Acme hires juniors in spring", InsightKind.JOB_LEAD)
    chats.add_insight(store, made[1].id, "AI everywhere", InsightKind.TREND)
    return {"ann": ann, "bo": bo, "cy": cy, "chats": made}


@pytest.fixture
def page(qtbot, store, filled):
    widget = InsightsPage(store, now=NOW)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def _reloaded(qtbot, page):
    qtbot.waitSignal(page.data_changed, timeout=2000)


def test_every_model_passes_the_model_tester(qtmodeltester, page):
    page.groups_panel.select_kind(InsightKind.SKILL)
    for model in (page.groups_panel.model, page.skills_panel.model, page.leads_panel.model,
                  page.network_model):
        qtmodeltester.check(model)


def test_empty_models_pass_the_model_tester(qtmodeltester):
    for model in (GroupTreeModel(), SkillsModel(), LeadsModel(), ReferralTreeModel()):
        qtmodeltester.check(model)


def test_groups_are_ranked_and_two_can_be_merged_by_hand(qtbot, page):
    panel = page.groups_panel
    panel.select_kind(InsightKind.SKILL)
    model = panel.model
    titles = [model.group(model.index(n, 0)).title for n in range(model.rowCount())]
    assert titles[0] == "SQL" and model.index(0, 1).data() == "2"
    assert model.rowCount(model.index(0, 0)) == 2  # who said it, in their words
    assert not panel.merge_button.isEnabled()
    panel.select_groups(["sql", "database"])
    assert panel.merge_button.isEnabled()
    with qtbot.waitSignal(page.data_changed):
        qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    assert panel.current_kind() == "skill"
    assert [model.group(model.index(n, 0)).title for n in range(model.rowCount())] == [
        "SQL", "Public speaking"]
    assert model.index(0, 1).data() == "3"
    panel.select_groups(["sql"])
    assert panel.unmerge_button.isEnabled()
    with qtbot.waitSignal(page.data_changed):
        qtbot.mouseClick(panel.unmerge_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 3


def test_a_skill_is_ticked_off(qtbot, page, store):
    model = page.skills_panel.model
    assert model.group(0).title == "SQL" and not model.group(0).done
    with qtbot.waitSignal(page.data_changed):
        model.setData(model.index(0, 0), Qt.CheckState.Checked.value,
                      Qt.ItemDataRole.CheckStateRole)
    done = {g.title: g.done for g in insights_service.groups(store)[InsightKind.SKILL]}
    assert done["SQL"] is True
    assert model.group(model.rowCount() - 1).title == "SQL"  # built ones go last
    assert model.index(model.rowCount() - 1, 0).data(Qt.ItemDataRole.CheckStateRole) \
        == Qt.CheckState.Checked


def test_job_leads_from_chats_can_be_tracked_and_added(qtbot, page, store):
    panel = page.leads_panel
    model = panel.model
    assert model.rowCount() == 1
    assert (model.index(0, LeadsModel.COL_COMPANY).data(),
            model.index(0, LeadsModel.COL_WHO).data()) == ("Acme", "Ann")
    with qtbot.waitSignal(page.data_changed):
        model.setData(model.index(0, LeadsModel.COL_STATUS), LeadStatus.APPLIED.value)
    [lead] = insights_service.leads(store)
    assert lead.id is not None and lead.status is LeadStatus.APPLIED
    assert model.index(0, LeadsModel.COL_STATUS).data() == "Applied"
    panel.company_edit.setText("Globex")
    panel.role_edit.setText("Data engineer")
    with qtbot.waitSignal(page.data_changed):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert {model.lead(n).company for n in range(model.rowCount())} == {"Acme", "Globex"}


def test_career_paths_named_linked_and_noted(qtbot, page, store, filled):
    panel = page.paths_panel
    page.tabs.setCurrentIndex(3)
    panel.new_edit.setText("Data analysis")
    qtbot.mouseClick(panel.addPathButton, Qt.MouseButton.LeftButton)
    _reloaded(qtbot, page)
    assert panel.path_list.count() == 1 and panel.title.text() == "Data analysis"
    assert panel.chat_combo.count() == 3
    panel.chat_combo.setCurrentIndex(panel.chat_combo.findData(filled["chats"][0].id))
    with qtbot.waitSignal(page.data_changed):
        qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert panel.chat_list.count() == 1
    assert "Ann" in panel.chat_list.item(0).text()
    assert any("SQL" in panel.insight_list.item(n).text()
               for n in range(panel.insight_list.count()))
    assert "Acme" in panel.lead_list.item(0).text()
    panel.note_edit.setPlainText("Numbers and people: fits.")
    panel.save_note()
    [path] = career_paths.list_paths(store)
    assert path.note == "Numbers and people: fits." and path.chats == 1


def test_the_referral_tree_shows_who_introduced_whom(page, filled):
    model = page.network_model
    assert model.rowCount() == 1
    root = model.index(0, 0)
    assert root.data() == "Ann" and model.index(0, 3).data() == "2"
    bo = model.index(0, 0, root)
    assert bo.data() == "Bo" and model.index(0, 0, bo).data() == "Cy"
    assert model.parent(model.index(0, 0, bo)) == bo


def test_figures_feed_the_charts(page):
    funnel = dict((label, n) for label, n in page.funnel_chart._steps)
    assert funnel == {"Requested": 3, "Held": 3, "Thanked": 3, "Referral given": 2}
    assert page.month_chart._months[-1][1] == 1
    assert page.on_time_chart._part == 3 and page.on_time_chart._total == 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_charts_paint_in_both_themes(qtbot, scheme):
    app = QApplication.instance()
    # The charts read theme.current() at paint time; that is all a theme switch changes here.
    app.setProperty("coffeeDark", scheme == "dark")
    try:
        bars, funnel, ring = MonthBars(), FunnelChart(), ShareRing()
        bars.set_data([(date(2025, m, 1), m % 4) for m in range(1, 13)])
        funnel.set_data([("Requested", 10), ("Held", 6), ("Thanked", 5), ("Referral", 0)])
        ring.set_data(4, 5, "4 of 5")
        for chart in (bars, funnel, ring):
            qtbot.addWidget(chart)
            chart.resize(320, 150)
            image = chart.grab().toImage()
            assert not image.isNull()
            colors = {image.pixel(x, y) for x in range(0, 320, 5) for y in range(0, 150, 5)}
            assert len(colors) > 2  # something was drawn
        assert theme.current().dark == (scheme == "dark")
    finally:
        app.setProperty("coffeeDark", False)


def test_a_tab_is_built_when_first_shown_and_reloads_with_the_page(qtbot, page, store,
                                                                   filled):
    # A new page builds only the tab in view; the referral tree is not even computed.
    assert set(page._built) == {0}
    assert page._data.referral_roots == () and not page._tree_loaded
    page.tabs.setCurrentIndex(4)
    assert set(page._built) == {0, 4} and page.network_model.rowCount() == 1
    assert page.network_hint.text().startswith("3 people")
    # A change made elsewhere reaches every tab built so far, the tree included.
    dee = contacts.save(store, r.Contact(first_name="Dee", referred_by_id=filled["cy"].id))
    assert dee.id
    page.refresh()
    assert page.network_hint.text().startswith("4 people")
    page.tabs.setCurrentIndex(1)
    assert page.skills_panel.model.rowCount() > 0
