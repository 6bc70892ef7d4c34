"""Every benchmark in one command: each figure with its ratio to its baseline, in bench/RESULTS.md.

Runs each script of bench/ as its own process with its default sizes (start-up at 10,000
contacts, the contacts table at 50,000, a 10,000-row LinkedIn import, search over 10,000
contacts and 20,000 notes, the question sheet, Today and Insights at 10,000 contacts,
the JSON transfer at 10,000), reads the figures from what it prints, and prints a table:
each figure, its baseline, the ratio between them and the goal for that ratio.

A baseline is what the script measured beside the app in the same run (a bare PySide6
window, a bare csv + executemany import, a bare ReportLab page) or, where the issue gave
an absolute budget instead (a keystroke ≤ 30 ms), that budget: a ratio ≤ 1.00 meets it.
The floor (bench/startup_floor.py: hand-written windows, no app code) and the transfer
steps have no goal; their figures are listed for comparison between runs.

    python bench/run_all.py [--soak] [--only startup,search,...] [--out bench/RESULTS.md]

`--soak` adds the 100-kill soak (bench/soak_kill.py): corrupt databases and the worst
seconds of typing lost, against the 1 s budget.

Not a test: the figures depend on the machine and on what else it is doing (the load
average is written down with them).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
NUMBER = r"([\d.,]+)"


@dataclass(frozen=True)
class Figure:
    """One figure read from a script's output by `pattern` (group 1: the figure; group 2,
    when the script measures its own baseline: the baseline)."""

    label: str
    pattern: str
    unit: str = "ms"
    baseline: float | None = None  # a fixed budget, when the script measures no baseline
    baseline_label: str = ""
    goal: float | None = None  # the largest ratio that meets the goal
    most: float | None = None  # or, with no baseline, the largest value that meets it


@dataclass(frozen=True)
class Bench:
    name: str
    script: str
    figures: tuple[Figure, ...]
    args: tuple[str, ...] = field(default=())


BENCHES = (
    Bench("startup", "startup.py", (
        Figure("start-up to first paint, 10k contacts (median)",
               rf"median: app {NUMBER} ms, bare {NUMBER} ms",
               baseline_label="bare PySide6 window", goal=1.25),
    )),
    Bench("floor", "startup_floor.py", (
        # No app code: the least a first screen like Today costs on this stack (no goal).
        Figure("floor: a hand-written start page, 10k contacts (median)",
               rf"start page: {NUMBER} ms, bare {NUMBER} ms",
               baseline_label="bare PySide6 window"),
        Figure("floor: Qt namespace + one read + a label (median)",
               rf"namespace \+ data: {NUMBER} ms, bare {NUMBER} ms",
               baseline_label="bare PySide6 window"),
    )),
    Bench("filter", "contacts_filter.py", (
        Figure("filter keystroke, 50k contacts (median)",
               rf"filter: \d+ keystrokes, median {NUMBER} ms", baseline=30,
               baseline_label="budget", goal=1.0),
        Figure("filter keystroke, 50k contacts (p90)",
               rf"filter: .*p90 {NUMBER} ms", baseline=30, baseline_label="budget"),
        Figure("sort a column, 50k contacts (median)",
               rf"sort: \d+ sorts, median {NUMBER} ms", baseline=50,
               baseline_label="budget", goal=1.0),
        Figure("sort a column, 50k contacts (slowest)",
               rf"sort: .*max {NUMBER} ms", baseline=50, baseline_label="budget", goal=1.0),
        Figure("peak memory of the app, 50k contacts",
               rf"the app, a fresh process\): peak RSS {NUMBER} MB", unit="MB"),
    )),
    Bench("import", "import_linkedin.py", (
        Figure("import a 10k-row Connections.csv (median)",
               rf"coffee-chats import: median {NUMBER} ms.*\n"
               rf"csv \+ executemany:\s+median {NUMBER} ms",
               baseline_label="csv + executemany", goal=8.0),
        Figure("import a 10k-row Connections.csv, budget",
               rf"coffee-chats import: median {NUMBER} ms", baseline=1500,
               baseline_label="budget", goal=1.0),
    )),
    Bench("search", "search.py", (
        Figure("search, 10k contacts + 20k notes (median)",
               rf"search: \d+ searches, median {NUMBER} ms", baseline=20,
               baseline_label="budget", goal=1.0),
        Figure("search, 10k contacts + 20k notes (slowest)",
               rf"search: .*max {NUMBER} ms", baseline=20, baseline_label="budget"),
    )),
    Bench("sheet", "sheet.py", (
        Figure("question sheet, full chat",
               rf"full\s+\d+ questions: sheet\s+{NUMBER} ms, bare ReportLab\s+{NUMBER} ms",
               baseline_label="bare ReportLab page", goal=3.0),
        Figure("question sheet, overfull chat",
               rf"overfull\s+\d+ questions: sheet\s+{NUMBER} ms, bare ReportLab\s+{NUMBER} ms",
               baseline_label="bare ReportLab pages", goal=3.0),
    )),
    Bench("today", "today_insights.py", (
        Figure("Today, reload (data + widgets)",
               rf"Today total, reload \(data \+ widgets\)\s+{NUMBER} ms", baseline=50,
               baseline_label="budget", goal=1.0),
        Figure("Today, new page painted",
               rf"Today total, new page painted\s+{NUMBER} ms", baseline=50,
               baseline_label="budget", goal=1.0),
        Figure("Insights, reload (data + widgets)",
               rf"Insights total, reload \(data \+ widgets\)\s+{NUMBER} ms", baseline=50,
               baseline_label="budget", goal=1.0),
        Figure("Insights, new page painted",
               rf"Insights total, new page painted\s+{NUMBER} ms", baseline=50,
               baseline_label="budget", goal=1.0),
    )),
    Bench("soak", "soak_kill.py", (
        Figure("corrupt databases after 100 SIGKILLs while typing",
               rf"SIGKILLs in \d+ s: {NUMBER} corrupt", unit="db", most=0),
        Figure("typing lost to a SIGKILL (worst)",
               rf"typing lost per kill: max {NUMBER} s", unit="s", baseline=1.0,
               baseline_label="budget", goal=1.0),
    )),
    Bench("transfer", "transfer.py", (
        Figure("demo + 10k synthetic contacts", rf"synthetic contacts: {NUMBER} s", "s"),
        Figure("export all as JSON", rf"export all as JSON \([^)]*\): {NUMBER} s", "s"),
        Figure("read and validate the JSON", rf"read and validate the JSON: {NUMBER} s", "s"),
        Figure("JSON import into an empty database",
               rf"import into an empty database: {NUMBER} s", "s"),
        Figure("backup (checked copy)", rf"backup \(checked copy[^)]*\): {NUMBER} s", "s"),
        Figure("restore (checked, old file kept)", rf"restore \([^)]*\): {NUMBER} s", "s"),
    )),
)


@dataclass
class Row:
    bench: str
    figure: Figure
    value: float | None = None
    baseline: float | None = None
    problem: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.problem:
            return "not read"
        if self.figure.most is not None and self.value is not None:
            return "met" if self.value <= self.figure.most else "MISSED"
        if self.figure.goal is None or self.ratio is None:
            return ""
        return "met" if self.ratio <= self.figure.goal else "MISSED"


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def run(bench: Bench) -> tuple[str, float, int]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPATH=str(ROOT))
    began = time.perf_counter()
    done = subprocess.run([sys.executable, str(BENCH / bench.script), *bench.args], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    # Qt's offscreen plugin says this on every window shown; it is not a result.
    noise = "This plugin does not support propagateSizeHints()"
    output = "\n".join(line for line in (done.stdout + done.stderr).splitlines()
                       if noise not in line)
    return output, time.perf_counter() - began, done.returncode


def read(bench: Bench, output: str, code: int) -> list[Row]:
    rows = []
    for figure in bench.figures:
        row = Row(bench.name, figure)
        found = re.search(figure.pattern, output)
        if found is None:
            row.problem = (f"exit code {code}" if code else
                           f"no match for /{figure.pattern}/: has the output changed?")
        else:
            row.value = _number(found.group(1))
            row.baseline = (_number(found.group(2)) if found.re.groups >= 2
                            else figure.baseline)
        rows.append(row)
    return rows


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:,.2f} s"
    if unit == "db":
        return f"{value:g}"
    return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def table(rows: list[Row]) -> list[str]:
    lines = ["| benchmark | figure | value | baseline | ratio | goal | |",
             "|---|---|---:|---|---:|---:|---|"]
    for row in rows:
        f = row.figure
        base = (f"{_fmt(row.baseline, f.unit)} ({f.baseline_label})"
                if row.baseline is not None else "—")
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
        goal = (f"≤ {f.goal:g}×" if f.goal is not None else
                f"≤ {f.most:g}" if f.most is not None else "—")
        lines.append(f"| {row.bench} | {f.label} | {_fmt(row.value, f.unit)} | {base} | "
                     f"{ratio} | {goal} | {row.verdict or row.problem} |")
    return lines


def machine() -> list[str]:
    u = platform.uname()
    try:
        import PySide6
        qt = PySide6.__version__
    except ImportError:
        qt = "not installed"
    return [
        f"- date: {datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: `{u.system} {u.node} {u.release} {u.version} {u.machine}`",
        f"- CPUs: {os.cpu_count()}; load average at the start: "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"PySide6 {qt}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="",
                        help="comma-separated names: " + ", ".join(b.name for b in BENCHES))
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--soak", action="store_true",
                        help="also run the 100-kill soak (bench/soak_kill.py, ~5 minutes)")
    args = parser.parse_args()
    wanted = args.only.split(",") if args.only else [b.name for b in BENCHES if b.name != "soak"]
    if args.soak and "soak" not in wanted:
        wanted.append("soak")
    chosen = [b for b in BENCHES if b.name in wanted]
    header = machine()
    print("\n".join(header))
    rows: list[Row] = []
    outputs = []
    for bench in chosen:
        print(f"running {bench.script} …", flush=True)
        output, took, code = run(bench)
        outputs.append((bench, output, took, code))
        found = read(bench, output, code)
        rows.extend(found)
        for row in found:
            ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
            print(f"  {row.figure.label}: {_fmt(row.value, row.figure.unit)}, ratio {ratio} "
                  f"{row.verdict or row.problem}")
    command = " ".join(["python", "bench/run_all.py", *sys.argv[1:]])
    header.append(f"- load average at the end: "
                  f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    lines = ["# Benchmark results", "",
             f"Written by `{command}`. Each figure is read from the output of "
             "its script (below); the ratio is figure ÷ baseline, and a ratio at or under the "
             "goal meets it. Where the baseline is a budget from the issues, the ratio is the "
             "share of that budget used.", "", *header, "", *table(rows), ""]
    for bench, output, took, code in outputs:
        lines += [f"<details><summary><code>bench/{bench.script}</code> "
                  f"({took:.0f} s{', exit code ' + str(code) if code else ''})</summary>", "",
                  "```", output.strip(), "```", "", "</details>", ""]
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(table(rows)))
    print(f"written to {args.out}")
    return 0 if all(not r.problem for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
