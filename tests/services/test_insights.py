"""Insights across chats: groups, merges, skills ticked, leads, referral tree, figures, paths."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus, InsightKind
from desktop.domain.insights import JobLead, LeadStatus
from desktop.errors import UserError
from desktop.services import career_paths, chats, contacts
from desktop.services import insights as svc

NOW = datetime(2025, 3, 12, 10, 0)


def person(store, first, **values):
    return contacts.save(store, r.Contact(first_name=first, **values))


def chat_with(store, contact, status=ChatStatus.HELD, when=datetime(2025, 2, 10, 9), **values):
    return chats.create(store, contact.id, status=status, scheduled_at=when, **values)


def test_groups_ranked_by_people_with_merges_and_ticks(store):
    a, b, c = person(store, "Ann"), person(store, "Bo"), person(store, "Cy")
    ca, cb, cc = chat_with(store, a), chat_with(store, b), chat_with(store, c)
    chats.add_insight(store, ca.id, "SQL", InsightKind.SKILL)
    chats.add_insight(store, cb.id, "Learn SQL", InsightKind.SKILL)
    chats.add_insight(store, ca.id, "Storytelling", InsightKind.SKILL)
    chats.add_insight(store, ca.id, "Telling stories with data", InsightKind.SKILL)
    chats.add_insight(store, cc.id, "Storytelling", InsightKind.SKILL)
    chats.add_insight(store, cc.id, "Remote work is here to stay", InsightKind.TREND)
    skills = svc.groups(store)[InsightKind.SKILL]
    assert [(g.title, g.people) for g in skills] == [
        ("SQL", 2), ("Storytelling", 2), ("Telling stories with data", 1)]
    assert svc.groups(store)[InsightKind.TREND][0].people == 1

    svc.merge(store, InsightKind.SKILL, skills[2].key, skills[1].key)
    skills = svc.groups(store)[InsightKind.SKILL]
    assert [(g.title, g.people, len(g.mentions)) for g in skills] == [
        ("Storytelling", 2, 3), ("SQL", 2, 2)]
    with pytest.raises(UserError):
        svc.merge(store, InsightKind.SKILL, skills[0].key, skills[0].key)

    svc.set_done(store, skills[1], True)
    skills = svc.groups(store)[InsightKind.SKILL]
    assert {g.title: g.done for g in skills} == {"Storytelling": False, "SQL": True}
    assert all(i.done for i in chats.detail(store, cb.id).insights)

    svc.unmerge(store, InsightKind.SKILL, skills[0].key)
    assert len(svc.groups(store)[InsightKind.SKILL]) == 3


def test_job_leads_from_insights_and_tracked(store):
    a = person(store, "Ann", company="Acme")
    ca = chat_with(store, a)
    chats.add_insight(store, ca.id, "Junior analyst role opening in spring", InsightKind.JOB_LEAD)
    [untracked] = svc.leads(store)
    assert untracked.id is None
    assert (untracked.company, untracked.contact_name) == ("Acme", "Ann")
    tracked = svc.save_lead(store, replace(untracked, status=LeadStatus.APPLIED))
    assert tracked.id is not None and tracked.status is LeadStatus.APPLIED
    assert [lead.id for lead in svc.leads(store)] == [tracked.id]  # not listed twice
    other = svc.save_lead(store, JobLead("Globex", "Data engineer"))
    assert {lead.company for lead in svc.leads(store)} == {"Acme", "Globex"}
    svc.delete_lead(store, other.id)
    with pytest.raises(UserError):
        svc.save_lead(store, JobLead("", " "))


def test_referral_tree_from_referred_by_links(store):
    root = person(store, "Root")
    kid1 = person(store, "Kid1", referred_by_id=root.id)
    kid2 = person(store, "Kid2", referred_by_id=root.id)
    grandkid = person(store, "Grandkid", referred_by_id=kid1.id)
    person(store, "Loner")
    pair_a = person(store, "PairA")
    person(store, "PairB", referred_by_id=pair_a.id)
    chat_with(store, kid1)
    trees = svc.referral_tree(store)
    assert [t.name for t in trees] == ["Root", "PairA"]
    assert [c.name for c in trees[0].children] == ["Kid1", "Kid2"]
    assert trees[0].children[0].children[0].contact_id == grandkid.id
    assert trees[0].children[0].chats_held == 1
    assert trees[0].size == 4
    assert kid2.id in {c.contact_id for c in trees[0].children}


def test_referral_loop_shows_everyone_once(store):
    a = person(store, "A")
    b = person(store, "B", referred_by_id=a.id)
    contacts.save(store, contacts.with_changes(a, referred_by_id=b.id))
    trees = svc.referral_tree(store)
    assert sum(t.size for t in trees) == 2


def test_figures_per_month_funnel_and_thank_yous_on_time(store):
    a, b, c = person(store, "Ann"), person(store, "Bo"), person(store, "Cy")
    person(store, "Referred", referred_by_id=a.id)
    chat_with(store, a, ChatStatus.THANKED, datetime(2025, 3, 1, 9), ended_at=datetime(
        2025, 3, 1, 10), thank_you_sent_at=datetime(2025, 3, 1, 18))
    chat_with(store, b, ChatStatus.THANKED, datetime(2025, 1, 10, 9), ended_at=datetime(
        2025, 1, 10, 10), thank_you_sent_at=datetime(2025, 1, 14, 10))
    chat_with(store, c, ChatStatus.HELD, datetime(2025, 3, 5, 9))
    chat_with(store, c, ChatStatus.REQUESTED, None)
    chat_with(store, c, ChatStatus.IDEA, None)
    fig = svc.figures(store, NOW)
    assert len(fig.per_month) == 12
    assert fig.per_month[-1] == (date(2025, 3, 1), 2)
    assert fig.per_month[-3] == (date(2025, 1, 1), 1)
    assert fig.per_month[0][0] == date(2024, 4, 1)
    assert fig.funnel.steps() == (("requested", 4), ("held", 3), ("thanked", 2),
                                  ("referral_given", 1))
    assert (fig.thanked_on_time, fig.thanked_late, fig.on_time_share) == (1, 1, 0.5)


def test_career_paths_link_chats_and_gather_evidence(store):
    a = person(store, "Ann", company="Acme")
    ca, cb = chat_with(store, a), chat_with(store, a)
    ux = career_paths.create(store, "UX research")
    career_paths.create(store, "Data analysis")
    with pytest.raises(UserError):
        career_paths.create(store, "ux  RESEARCH")
    career_paths.link_chat(store, ca.id, ux.id)
    chats.add_insight(store, ca.id, "Portfolio matters more than degrees", InsightKind.ADVICE)
    chats.add_insight(store, ca.id, "Acme hiring a UX intern", InsightKind.JOB_LEAD)
    chats.add_insight(store, cb.id, "Unrelated", InsightKind.ADVICE)
    career_paths.set_note(store, ux.id, "Fits: I like talking to people.")
    view = career_paths.view(store, ux.id)
    assert [c.chat_id for c in view.chats] == [ca.id]
    assert [i.text for i in view.insights] == ["Portfolio matters more than degrees"]
    assert [lead.role for lead in view.leads] == ["Acme hiring a UX intern"]
    assert view.path.note == "Fits: I like talking to people."
    assert [(p.name, p.chats) for p in career_paths.list_paths(store)] == [
        ("UX research", 1), ("Data analysis", 0)]
    career_paths.link_chat(store, ca.id, None)
    assert career_paths.path_of_chat(store, ca.id) is None
    career_paths.delete(store, ux.id)
    assert [p.name for p in career_paths.list_paths(store)] == ["Data analysis"]


def test_overview_has_every_part(store):
    data = svc.overview(store, NOW)
    assert set(data.groups) == set(InsightKind)
    assert data.leads == () and data.paths == () and data.referral_roots == ()
    assert data.figures.on_time_share is None
