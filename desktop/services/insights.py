"""Insights across chats: alike insights grouped and ranked, merges by hand, skills to tick,
job leads, the referral tree and the figures (chats per month, the funnel, thank-yous on time).

Everything for the page comes from `overview`, a few aggregate queries whatever the size of
the store. Grouping itself is the domain's (`desktop.domain.insights`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from desktop.db import Store
from desktop.db import models as m
from desktop.domain.enums import InsightKind
from desktop.domain.insights import (
    Figures,
    Funnel,
    InsightGroup,
    InsightsOverview,
    JobLead,
    LeadStatus,
    Mention,
    ReferralNode,
    group_mentions,
    normalise,
    resolve,
)
from desktop.errors import NotFound, UserError
from desktop.services import career_paths
from desktop.services.keep_in_touch_sql import HELD_IN

MONTHS = 12
# Stored value -> kind, looked up once per insight (LabelledEnum.parse is too slow for that).
_KINDS = {kind.value: kind for kind in InsightKind}


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _dt(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _mentions(store: Store) -> dict[InsightKind, list[Mention]]:
    rows = store.sql(
        """SELECT i.id, i.kind, i.text, i.chat_id, ch.contact_id,
                  trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))
             FROM insight i LEFT JOIN chat ch ON ch.id = i.chat_id
             LEFT JOIN contact c ON c.id = ch.contact_id
            WHERE trim(i.text) != ''
            ORDER BY i.created_at, i.id"""
    )
    out: dict[InsightKind, list[Mention]] = {kind: [] for kind in InsightKind}
    for iid, kind, text, chat_id, contact_id, name in rows:
        # `at` stays empty here: the groups never show it, and parsing thousands of
        # timestamps was a third of the page's time.
        out[_KINDS.get(kind) or InsightKind.parse(kind, InsightKind.ADVICE)].append(
            Mention(iid, text, chat_id, contact_id, name))
    return out


def _state(store: Store) -> tuple[dict[str, dict[str, str]], dict[str, set[str]]]:
    """Per kind: merges (key -> key it was merged into) and the keys ticked done."""
    merges: dict[str, dict[str, str]] = {}
    done: dict[str, set[str]] = {}
    for kind, key, merged_into, is_done in store.sql(
            "SELECT kind, key, merged_into, done FROM insight_group"):
        if merged_into:
            merges.setdefault(kind, {})[key] = merged_into
        if is_done:
            done.setdefault(kind, set()).add(key)
    return merges, done


def groups(store: Store) -> dict[InsightKind, tuple[InsightGroup, ...]]:
    """Every kind's groups, most people first."""
    merges, done = _state(store)
    return {
        kind: tuple(group_mentions(kind, mentions, merges.get(kind.value),
                                   done.get(kind.value)))
        for kind, mentions in _mentions(store).items()
    }


def _upsert_group(kind: InsightKind, key: str, **values) -> None:
    (m.InsightGroup.insert(kind=kind.value, key=key, updated_at=_now(), **values)
     .on_conflict(conflict_target=[m.InsightGroup.kind, m.InsightGroup.key],
                  update={**values, "updated_at": _now()})
     .execute())


def merge(store: Store, kind: InsightKind, from_key: str, into_key: str) -> None:
    """Puts group `from_key` into group `into_key` (of the same kind), for good."""
    merges, _done = _state(store)
    kind_merges = merges.get(kind.value, {})
    target = resolve(into_key, kind_merges)
    if from_key == target or resolve(from_key, kind_merges) == target:
        raise UserError("These insights are already in one group.")
    with store.atomic():
        _upsert_group(kind, from_key, merged_into=target)


def unmerge(store: Store, kind: InsightKind, key: str) -> None:
    """Takes back every merge into `key`'s group (each part becomes its own group again)."""
    with store.atomic():
        m.InsightGroup.update(merged_into=None).where(
            (m.InsightGroup.kind == kind.value)
            & ((m.InsightGroup.merged_into == key) | (m.InsightGroup.key == key))
        ).execute()


def set_done(store: Store, group: InsightGroup, done: bool) -> None:
    """Ticks a group off (a skill built) and its insights with it."""
    with store.atomic():
        _upsert_group(group.kind, group.key, done=done)
        ids = [mention.insight_id for mention in group.mentions]
        if ids:
            m.Insight.update(done=done).where(m.Insight.id.in_(ids)).execute()


def key_of(text: str) -> str:
    return normalise(text)


# --- job leads ----------------------------------------------------------------------------

def leads(store: Store) -> list[JobLead]:
    """Tracked leads, then job-lead insights nobody has tracked yet (as leads without id)."""
    rows = store.sql(
        """SELECT l.id, l.company, l.role, l.contact_id,
                  trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')),
                  l.chat_id, l.insight_id, l.career_path_id, l.status, l.notes, l.created_at
             FROM job_lead l LEFT JOIN contact c ON c.id = l.contact_id
            ORDER BY l.status = 'closed', l.created_at DESC, l.id DESC"""
    )
    out = [
        JobLead(company, role, cid, name, chat_id, iid, path_id,
                LeadStatus(status) if status in LeadStatus._value2member_map_
                else LeadStatus.NEW, notes, _dt(at), lid)
        for lid, company, role, cid, name, chat_id, iid, path_id, status, notes, at in rows
    ]
    untracked = store.sql(
        """SELECT i.id, i.text, i.chat_id, ch.contact_id,
                  trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')),
                  coalesce(co.name, ''), p.career_path_id, i.created_at
             FROM insight i LEFT JOIN chat ch ON ch.id = i.chat_id
             LEFT JOIN contact c ON c.id = ch.contact_id
             LEFT JOIN company co ON co.id = c.company_id
             LEFT JOIN chat_career_path p ON p.chat_id = i.chat_id
            WHERE i.kind = 'job_lead' AND trim(i.text) != ''
              AND NOT EXISTS (SELECT 1 FROM job_lead l WHERE l.insight_id = i.id)
            ORDER BY i.created_at DESC, i.id DESC"""
    )
    out += [
        JobLead(company, " ".join(text.split()), cid, name, chat_id, iid, path_id,
                created_at=_dt(at))
        for iid, text, chat_id, cid, name, company, path_id, at in untracked
    ]
    return out


def save_lead(store: Store, lead: JobLead) -> JobLead:
    """Stores a lead (a new one, an untracked insight becoming tracked, or an edit)."""
    if not (lead.company.strip() or lead.role.strip()):
        raise UserError("A job lead needs a company or a role.")
    values = dict(company=lead.company.strip(), role=lead.role.strip(),
                  contact=lead.contact_id, chat=lead.chat_id, insight=lead.insight_id,
                  career_path=lead.career_path_id, status=LeadStatus(lead.status).value,
                  notes=lead.notes, updated_at=_now())
    with store.atomic():
        if lead.id is None and lead.insight_id is not None:
            existing = m.JobLead.get_or_none(m.JobLead.insight == lead.insight_id)
            if existing is not None:
                lead = replace(lead, id=existing.id)
        if lead.id is None:
            row = m.JobLead.create(**values)
            lead_id = row.id
        else:
            if not m.JobLead.update(**values).where(m.JobLead.id == lead.id).execute():
                raise NotFound(f"There is no job lead {lead.id}.")
            lead_id = lead.id
    return next(item for item in leads(store) if item.id == lead_id)


def delete_lead(store: Store, lead_id: int) -> None:
    with store.atomic():
        m.JobLead.delete().where(m.JobLead.id == lead_id).execute()


# --- the referral tree ----------------------------------------------------------------------

def referral_tree(store: Store) -> list[ReferralNode]:
    """Who introduced whom: one tree per first introducer, biggest tree first.

    Only contacts on a referred-by link appear. A loop (A referred B, B referred A), which an
    import can make, is cut where it closes, so every contact shows once.
    """
    rows = store.sql(
        f"""SELECT c.id, trim(c.first_name || ' ' || c.last_name), coalesce(co.name, ''),
                   c.referred_by_id,
                   (SELECT count(*) FROM chat ch WHERE ch.contact_id = c.id
                     AND ch.status IN ({HELD_IN}))
              FROM contact c LEFT JOIN company co ON co.id = c.company_id
             WHERE c.id IN (SELECT id FROM contact WHERE referred_by_id IS NOT NULL UNION
                            SELECT referred_by_id FROM contact WHERE referred_by_id IS NOT NULL)"""
    ).fetchall()  # the UNION reads the referred-by index twice; an OR scanned every contact
    info = {cid: (name or company, company, held) for cid, name, company, _ref, held in rows}
    parent = {cid: ref for cid, _n, _c, ref, _h in rows if ref in info}
    order = sorted(info, key=lambda c: info[c][0])
    # Filled in name order, so every list of children is sorted once here, not per node.
    children: dict[int, list[int]] = {}
    for cid in order:
        ref = parent.get(cid)
        if ref is not None:
            children.setdefault(ref, []).append(cid)
    roots = [cid for cid in order if cid not in parent]
    # Contacts on a loop have a parent but no root above them: each loop starts a tree.
    reached = set(_walk(roots, children))
    for cid in sorted(info):
        if cid not in reached:
            roots.append(cid)
            reached.update(_walk([cid], children, reached))
    built = _build(roots, children, info)
    built.sort(key=lambda node: -node.size)
    return built


def _walk(starts: list[int], children: dict[int, list[int]], seen: set[int] | None = None):
    """Every id below `starts` (them included), each once."""
    seen = set(seen or ())
    stack = list(starts)
    while stack:
        cid = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        yield cid
        stack.extend(children.get(cid, ()))


def _build(roots: list[int], children: dict[int, list[int]],
           info: dict[int, tuple[str, str, int]]) -> list[ReferralNode]:
    """The nodes bottom-up without recursion (a chain of introductions can be long)."""
    placed: set[int] = set()
    order: list[int] = []  # depth-first, parents before children
    kids_of: dict[int, list[int]] = {}
    stack = list(reversed(roots))
    while stack:
        cid = stack.pop()
        if cid in placed:
            continue
        placed.add(cid)
        order.append(cid)
        kids = [k for k in children.get(cid, ()) if k not in placed]  # already by name
        kids_of[cid] = kids
        stack.extend(reversed(kids))
    nodes: dict[int, ReferralNode] = {}
    for cid in reversed(order):
        kids = tuple(nodes[k] for k in kids_of[cid] if k in nodes)
        name, company, held = info[cid]
        nodes[cid] = ReferralNode(cid, name, company, held, kids,
                                  sum(k.size for k in kids))
    return [nodes[cid] for cid in roots if cid in nodes]


# --- figures ----------------------------------------------------------------------------------

def _month_starts(today: date, months: int) -> list[date]:
    year, month = today.year, today.month
    out = []
    for _ in range(months):
        out.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return out[::-1]


def figures(store: Store, now: datetime | None = None, months: int = MONTHS) -> Figures:
    """Chats held per month (last `months`), the funnel, and thank-yous sent on time."""
    now = now or _now()
    starts = _month_starts(now.date(), months)
    per_month = dict(store.sql(
        f"""SELECT substr(coalesce(ended_at, started_at, scheduled_at), 1, 7), count(*)
              FROM chat WHERE status IN ({HELD_IN})
               AND coalesce(ended_at, started_at, scheduled_at) >= ?
             GROUP BY 1""",
        (starts[0].isoformat(),),
    ))
    requested, held, thanked, referral = store.sql(
        f"""SELECT count(*) FILTER (WHERE status != 'idea'),
                   count(*) FILTER (WHERE status IN ({HELD_IN})),
                   count(*) FILTER (WHERE thank_you_sent_at IS NOT NULL OR status = 'thanked'),
                   count(*) FILTER (WHERE status IN ({HELD_IN}) AND EXISTS (
                       SELECT 1 FROM contact r WHERE r.referred_by_id = chat.contact_id))
              FROM chat"""
    ).fetchone()
    # The due time as thank_you_due_at() computes it: stored, else 24 h after the end (or
    # after start + minutes). Done in SQL so the figure costs one statement.
    on_time, late = store.sql(
        """SELECT count(*) FILTER (WHERE sent <= due), count(*) FILTER (WHERE sent > due)
             FROM (SELECT thank_you_sent_at AS sent,
                          coalesce(thank_you_due, datetime(coalesce(ended_at, datetime(
                              scheduled_at, '+' || minutes || ' minutes')), '+24 hours')) AS due
                     FROM chat WHERE thank_you_sent_at IS NOT NULL)
            WHERE due IS NOT NULL"""
    ).fetchone()
    return Figures(
        per_month=tuple((start, per_month.get(start.isoformat()[:7], 0)) for start in starts),
        funnel=Funnel(requested, held, thanked, referral),
        thanked_on_time=on_time,
        thanked_late=late,
    )


def overview(store: Store, now: datetime | None = None, *, tree: bool = True
             ) -> InsightsOverview:
    """Everything the Insights page shows (without the referral tree when `tree` is false:
    the page asks for it only once its Network tab is seen)."""
    return InsightsOverview(
        groups=groups(store),
        leads=tuple(leads(store)),
        paths=tuple(career_paths.list_paths(store)),
        referral_roots=tuple(referral_tree(store)) if tree else (),
        figures=figures(store, now),
    )
