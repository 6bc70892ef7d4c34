"""Benchmark: Today and Insights built at 10,000 contacts and 2,000 chats (goal: ≤ 50 ms each).

Bulk-creates the data with raw `executemany` (fast, realistic shapes: companies, tags with
cadences, referral chains, chats in every status, insights of every kind, follow-ups,
interactions), then times, separately and as a median of several runs:
- the data of each page (the services: `today.build`, `insights.overview`);
- the page widgets built and filled offscreen from that data.

    /tmp/venv/bin/python bench/today_insights.py [--contacts 10000] [--chats 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services import open_store  # noqa: E402

FIRST = ["Ann", "Bo", "Chloé", "Dmitri", "Ewa", "Farid", "Grace", "Hà", "Ivan", "Jun", "Kofi",
         "Łucja", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Thảo", "Uma"]
LAST = ["Smith", "Nguyễn", "Kowalski", "García", "Müller", "Okafor", "Tanaka", "Rossi",
        "Haddad", "Johansson", "Silva", "Dubois", "Chen", "Patel", "Novak", "Ali"]
# Weighted like a real history: most chats long thanked, a few open, one under way.
STATUSES = (["thanked"] * 40 + ["held"] * 2 + ["wrapped_up"] * 3 + ["no_reply"] * 10
            + ["cancelled"] * 5 + ["idea"] * 15 + ["requested"] * 12 + ["scheduled"] * 13)
SKILLS = ["SQL", "Learn SQL", "Python", "Storytelling", "Stakeholder management", "Excel",
          "Public speaking", "Data visualisation", "Product sense", "Negotiation", "Figma",
          "Statistics", "Writing", "Networking", "Project management", "Cloud basics"]
OTHER = {"career_path": ["Product management", "UX research", "Data analysis"],
         "trend": ["AI tooling everywhere", "Remote-first teams", "Smaller budgets"],
         "advice": ["Build a portfolio", "Talk to more people", "Ship side projects"],
         "job_lead": ["Junior analyst opening in spring", "Contract role in Q3"],
         "company": ["Flat hierarchy", "Strong mentoring culture", "Moves fast"]}


def fill(path: Path, contacts: int, chats: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    now = datetime.now().replace(microsecond=0)
    stamp = now.isoformat(sep=" ")
    store = open_store(path)
    db = store.db
    uid = lambda: uuid.uuid4().hex  # noqa: E731
    with db.atomic():
        companies = [(i + 1, uid(), f"Company {i}", f"company {i}", stamp, stamp)
                     for i in range(max(1, contacts // 20))]
        cur = db.cursor()
        cur.executemany("INSERT INTO company (id, uid, name, name_key, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)", companies)
        tags = [(1, "mentor", "mentor", 30), (2, "alumni", "alumni", 90),
                (3, "recruiter", "recruiter", None), (4, "peer", "peer", 60)]
        cur.executemany("INSERT INTO tag (id, name, name_key, cadence_days) VALUES (?,?,?,?)",
                        tags)
        rows = []
        for i in range(1, contacts + 1):
            referred = rnd.randrange(1, i) if i > 1 and rnd.random() < 0.08 else None
            created = (now - timedelta(days=rnd.randrange(1, 900))).isoformat(sep=" ")
            rows.append((i, uid(), rnd.choice(FIRST), rnd.choice(LAST), "Analyst",
                         rnd.randrange(1, len(companies) + 1), referred,
                         rnd.choice([None, None, None, 45, 120]), created, created))
        cur.executemany(
            "INSERT INTO contact (id, uid, first_name, last_name, role, company_id,"
            " referred_by_id, cadence_days, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        cur.executemany("INSERT INTO contact_email (contact_id, value, value_key)"
                        " VALUES (?, ?, ?)",
                        [(i, f"p{i}@example.org", f"p{i}@example.org")
                         for i in range(1, contacts + 1, 2)])
        cur.executemany("INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?, ?)",
                        [(rnd.randrange(1, contacts + 1), rnd.randrange(1, 5))
                         for _ in range(contacts // 2)])
        chat_rows, insight_rows, follow_rows = [], [], []
        for c in range(1, chats + 1):
            status = rnd.choice(STATUSES)
            contact = rnd.randrange(1, contacts + 1)
            when = now + timedelta(days=rnd.randrange(-700, 30), hours=rnd.randrange(8, 18))
            if c == chats:
                status, when = "in_progress", now - timedelta(minutes=10)
            held = status in ("held", "wrapped_up", "thanked")
            if held and when > now:
                when = now - timedelta(days=rnd.randrange(1, 400))
            if status == "scheduled" and when < now:
                when = now + timedelta(days=rnd.randrange(0, 60), hours=rnd.randrange(1, 9))
            if status in ("held", "wrapped_up") and rnd.random() < 0.8:
                status = "thanked"  # an old chat left unthanked is the exception
            ended = (when + timedelta(minutes=30)) if held else None
            due = (ended + timedelta(hours=24)) if ended else None
            sent = (ended + timedelta(hours=rnd.choice([3, 20, 40]))) \
                if status == "thanked" else None
            chat_rows.append((c, uid(), contact, status,
                              None if status == "idea" else when.isoformat(sep=" "),
                              ended and ended.isoformat(sep=" "), due and due.isoformat(sep=" "),
                              sent and sent.isoformat(sep=" "), stamp, stamp))
            if held:
                for _ in range(3):
                    kind = rnd.choice(["skill", "skill", *OTHER])
                    text = rnd.choice(SKILLS if kind == "skill" else OTHER[kind])
                    insight_rows.append((uid(), c, kind, text, stamp))
                check_in = ended + timedelta(days=28)
                # Check-ins from long ago were done; recent ones are still open.
                done = check_in.isoformat(sep=" ") if check_in < now - timedelta(days=10) \
                    else None
                follow_rows.append((uid(), contact, c, "check_in",
                                    check_in.date().isoformat(), done, stamp))
        cur.executemany(
            "INSERT INTO chat (id, uid, contact_id, status, scheduled_at, ended_at,"
            " thank_you_due, thank_you_sent_at, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)", chat_rows)
        cur.executemany("INSERT INTO insight (uid, chat_id, kind, text, created_at)"
                        " VALUES (?,?,?,?,?)", insight_rows)
        cur.executemany("INSERT INTO follow_up (uid, contact_id, chat_id, kind, due, done_at,"
                        " created_at) VALUES (?,?,?,?,?,?,?)", follow_rows)
        cur.executemany(
            "INSERT INTO interaction (uid, contact_id, kind, at) VALUES (?,?,?,?)",
            [(uid(), rnd.randrange(1, contacts + 1), rnd.choice(["email", "call", "met"]),
              (now - timedelta(days=rnd.randrange(1, 400))).isoformat(sep=" "))
             for _ in range(contacts // 3)])
    store.close()


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--chats", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from desktop.services import insights as insights_service
    from desktop.services import today as today_service

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        start = time.perf_counter()
        fill(path, args.contacts, args.chats)
        print(f"filled {args.contacts} contacts, {args.chats} chats in "
              f"{time.perf_counter() - start:.2f} s")
        store = open_store(path)
        counts = dict(store.db.execute_sql(
            "SELECT 'insights', count(*) FROM insight UNION ALL "
            "SELECT 'follow-ups', count(*) FROM follow_up UNION ALL "
            "SELECT 'interactions', count(*) FROM interaction").fetchall())
        print("  " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        today_service.build(store)  # first run makes the referrers' updates once
        today_data = today_service.build(store)
        overview = insights_service.overview(store)
        print(f"  Today lists {len(today_data.chats)} chats, {len(today_data.thank_yous)} "
              f"thank-yous, {len(today_data.follow_ups)} follow-ups, "
              f"{today_data.keep_in_touch_total} keep-in-touch; Insights has "
              f"{sum(len(g) for g in overview.groups.values())} groups, "
              f"{len(overview.leads)} leads, {len(overview.referral_roots)} referral trees")
        sys.stdout.flush()

        results = {
            "Today data": median_ms(lambda: today_service.build(store), args.runs),
            "Insights data": median_ms(lambda: insights_service.overview(store), args.runs),
        }
        results.update(widget_times(store, today_data, overview, args.runs))
        store.close()
    width = max(len(k) for k in results)
    for name, ms in results.items():
        flag = "ok" if ms <= 50 or "total" not in name else "OVER 50 ms"
        print(f"{name:<{width}}  {ms:7.1f} ms  {flag if 'total' in name else ''}")
    return 0


def widget_times(store, today_data, overview, runs: int) -> dict[str, float]:
    """The pages offscreen at 1366×768: a new page built, laid out and painted once
    (`grab`), and a loaded page shown again from new data."""
    from PySide6.QtWidgets import QApplication

    from desktop.services import insights as insights_service
    from desktop.services import today as today_service
    from desktop.ui import theme
    from desktop.ui.pages.insights import InsightsPage
    from desktop.ui.pages.today import TodayPage

    app = QApplication.instance() or QApplication([])
    theme.apply(app, "light")  # the real stylesheet: it is most of what widgets cost

    def new_page(cls):
        """Builds, shows and paints a new page; returns the ms that took (not the delete)."""
        start = time.perf_counter()
        page = cls(store)
        page.resize(1166, 678)
        page.show()
        app.processEvents()
        page.grab()
        took = (time.perf_counter() - start) * 1000
        page.close()
        page.deleteLater()
        app.processEvents()
        return took

    out = {}
    today_page, insights_page = TodayPage(store), InsightsPage(store)
    for page in (today_page, insights_page):
        page.resize(1166, 678)
        page.show()
    app.processEvents()
    out["Today widgets, refill from data"] = median_ms(
        lambda: (today_page.show_today(today_data), app.processEvents()), runs)
    out["Insights widgets, refill from data"] = median_ms(
        lambda: (insights_page.show_overview(overview), app.processEvents()), runs)
    out["Today total, reload (data + widgets)"] = median_ms(
        lambda: (today_page.show_today(today_service.build(store)), app.processEvents()), runs)
    out["Insights total, reload (data + widgets)"] = median_ms(
        lambda: (insights_page.show_overview(insights_service.overview(store)),
                 app.processEvents()), runs)
    out["Today total, new page painted"] = statistics.median(
        new_page(TodayPage) for _ in range(runs))
    out["Insights total, new page painted"] = statistics.median(
        new_page(InsightsPage) for _ in range(runs))
    today_page.deleteLater()
    insights_page.deleteLater()
    return out


if __name__ == "__main__":
    sys.exit(main())
