"""Benchmark: importing a 10,000-row LinkedIn Connections.csv, as whole processes.

Generates a realistic Connections.csv (BOM, "Notes:" preamble, CRLF, a few quoted line
breaks, names in several scripts, 1 in 8 rows with an e-mail) in a temp dir, then times,
alternating runs and taking the median:

  app:      `coffee-chats import Connections.csv --db X` into an empty database
            (already created, as a user's would be; `--fresh` also times a new file);
  baseline: `python -c ...` that parses the same file with `csv` and executemany-inserts
            it into one table of a new SQLite file, in one transaction.

The targets (issue 3): app <= 1.5 s, and app <= 8x baseline.

    python bench/import_linkedin.py [--rows 10000] [--runs 7] [--fresh]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Anna", "Łukasz", "María José", "Nguyễn Thị", "小明", "민준", "Zoë", "Ahmed", "Olivia",
         "Jean-Pierre", "Søren", "Priya", "Chinedu", "Hannah", "Mateus", "Yuki", "Émilie"]
LAST = ["Kowalska", "Żółć", "García", "Minh Khai", "王", "김", "O'Brien", "Müller", "Smith",
        "Dubois", "Nielsen", "Sharma", "Okafor", "Schmidt", "Silva", "Tanaka", "Lefèvre"]
ROLES = ["Software Engineer", "Product Manager", "Data Scientist", "UX Researcher",
         "Head of\nPartnerships", "Consultant", "=Founder", "Recruiter", "Designer"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing. You will only see email addresses for connections who have allowed their '
    'connections to see or download their email address."\r\n'
    "\r\n"
)

BASELINE = r"""
import csv, sqlite3, sys
path, db = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8-sig", newline="") as f:
    reader = csv.reader(f)
    for row in reader:
        if "First Name" in row:
            break
    rows = [r for r in reader if len(r) == 7]
conn = sqlite3.connect(db)
conn.execute("CREATE TABLE c (first TEXT, last TEXT, url TEXT, email TEXT, company TEXT,"
             " position TEXT, connected TEXT)")
with conn:
    conn.executemany("INSERT INTO c VALUES (?,?,?,?,?,?,?)", rows)
conn.close()
"""


def write_connections(path: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    companies = [f"Company {i}" for i in range(rows // 5)] + ["Google", "Google LLC", "@Home"]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write(PREAMBLE)
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company",
                         "Position", "Connected On"])
        for i in range(rows):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            email = f"person{i}@example.org" if i % 8 == 0 else ""
            writer.writerow([
                first, last, f"https://www.linkedin.com/in/person-{i}", email,
                rnd.choice(companies), rnd.choice(ROLES),
                f"{rnd.randint(1, 28)} {rnd.choice(MONTHS)} {rnd.randint(2008, 2025)}",
            ])


def app_command() -> list[str]:
    script = Path(sys.executable).with_name("coffee-chats")
    if script.exists():
        return [str(script)]
    found = shutil.which("coffee-chats")
    return [found] if found else [sys.executable, "-m", "desktop"]


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds user + system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({done.returncode}): {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--fresh", action="store_true",
                        help="import into a database file that does not exist yet")
    args = parser.parse_args()
    app = app_command()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        csv_path = tmp_path / "Connections.csv"
        write_connections(csv_path, args.rows)
        template = tmp_path / "template.sqlite"
        subprocess.run(app + ["export", "contacts", "--format", "csv", "--out",
                              str(tmp_path / "warm.csv"), "--db", str(template)],
                       check=True, stdout=subprocess.DEVNULL)
        app_runs, base_runs = [], []
        for run in range(args.runs):
            db = tmp_path / f"app-{run}.sqlite"
            if not args.fresh:
                shutil.copyfile(template, db)
            app_runs.append(timed(app + ["import", str(csv_path), "--db", str(db)]))
            base_runs.append(timed([sys.executable, "-c", BASELINE, str(csv_path),
                                    str(tmp_path / f"base-{run}.sqlite")]))
        check = subprocess.run(
            [sys.executable, "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1])"
             ".execute('select count(*) from contact').fetchone()[0])",
             str(tmp_path / "app-0.sqlite")], capture_output=True, text=True, check=True)
    app_times = [wall for wall, _ in app_runs]
    base_times = [wall for wall, _ in base_runs]
    app_median = statistics.median(app_times)
    base_median = statistics.median(base_times)
    app_cpu = statistics.median(cpu for _, cpu in app_runs)
    base_cpu = statistics.median(cpu for _, cpu in base_runs)
    print(f"rows: {args.rows}, runs: {args.runs}, database: "
          f"{'new file' if args.fresh else 'empty, already created'}")
    print(f"contacts imported: {check.stdout.strip()}")
    print(f"coffee-chats import: median {app_median * 1000:.0f} ms "
          f"(min {min(app_times) * 1000:.0f}, max {max(app_times) * 1000:.0f})")
    print(f"csv + executemany:   median {base_median * 1000:.0f} ms "
          f"(min {min(base_times) * 1000:.0f}, max {max(base_times) * 1000:.0f})")
    print(f"ratio: {app_median / base_median:.1f}x (target <= 8x); "
          f"absolute target <= 1500 ms: {'met' if app_median <= 1.5 else 'NOT met'}")
    # CPU time is less disturbed than wall time when other work shares the machine.
    print(f"CPU time (user+sys): import {app_cpu * 1000:.0f} ms, baseline "
          f"{base_cpu * 1000:.0f} ms, ratio {app_cpu / base_cpu:.1f}x")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
