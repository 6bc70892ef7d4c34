"""The referral tree, the funnel and Today on the demo data (desktop/services/demo.py)."""

from __future__ import annotations

import pytest

from desktop.domain.keep_in_touch import TodoKind
from desktop.services import demo, open_store, today
from desktop.services import insights as insights_service


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    demo.create_demo(path)
    with open_store(path) as store:
        yield store


def _flatten(nodes, parent=None):
    for node in nodes:
        yield parent, node
        yield from _flatten(node.children, node.contact_id)


def test_referral_tree_matches_every_referred_by_link(demo_store):
    links = dict(demo_store.db.execute_sql(
        "SELECT id, referred_by_id FROM contact WHERE referred_by_id IS NOT NULL"))
    trees = insights_service.referral_tree(demo_store)
    placed = list(_flatten(trees))
    ids = [node.contact_id for _parent, node in placed]
    assert len(ids) == len(set(ids))  # everyone once
    assert {cid: parent for parent, node in placed if parent is not None
            for cid in [node.contact_id]} == links
    assert set(ids) == set(links) | set(links.values())
    assert sum(t.size for t in trees) == len(set(ids))
    assert [t.size for t in trees] == sorted((t.size for t in trees), reverse=True)
    priya = next(t for t in trees if t.name.startswith("Priya"))
    assert priya.descendants == 2


def test_funnel_and_thank_yous_on_time_on_the_demo(demo_store):
    by_status = dict(demo_store.db.execute_sql("SELECT status, count(*) FROM chat GROUP BY 1"))
    held = sum(by_status.get(s, 0) for s in ("held", "wrapped_up", "thanked"))
    fig = insights_service.figures(demo_store)
    assert fig.funnel.requested == sum(by_status.values()) - by_status.get("idea", 0) == 13
    assert fig.funnel.held == held == 7
    assert fig.funnel.thanked == by_status["thanked"] == 4
    assert fig.funnel.referral_given == 1  # Mateo, who introduced Olivia
    assert (fig.thanked_on_time, fig.thanked_late) == (4, 0)
    assert sum(n for _month, n in fig.per_month) == held  # all within the last 12 months


def test_insight_groups_on_the_demo_rank_by_people(demo_store):
    groups = insights_service.groups(demo_store)
    ranked = [g for gs in groups.values() for g in gs]
    assert ranked
    for gs in groups.values():
        assert [g.people for g in gs] == sorted((g.people for g in gs), reverse=True)
    top = max(ranked, key=lambda g: g.people)
    assert top.people >= 2 and len(top.names) == top.people


def test_today_on_the_demo_has_something_of_each_kind(demo_store):
    board = today.build(demo_store)
    assert not board.nothing_due
    assert board.chats and board.thank_yous and board.follow_ups and board.keep_in_touch
    assert {i.kind for i in board.chats} == {TodoKind.CHAT}
    assert any(t.late for t in board.thank_yous) and any(not t.late for t in board.thank_yous)
    assert board.summary.people >= 25
