"""The command-line subcommands of `coffee-chats`: no window, one clear line per error.

`--db PATH` is accepted before or after the subcommand; without it, the default database
in the platform's data folder. A path that does not exist yet becomes a new database.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from desktop import __version__, paths
from desktop.errors import UserError

log = logging.getLogger(__name__)

IMPORT_FORMATS = ("auto", "linkedin", "google", "outlook", "vcard", "json")
EXPORT_FORMATS = ("csv", "vcard", "ics", "json")


def _add_db(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # The subcommand's copy uses SUPPRESS so it does not overwrite a --db given before it.
    parser.add_argument(
        "--db", metavar="PATH", type=Path,
        default=None if top else argparse.SUPPRESS,
        help="the database file (default: %s)" % paths.default_database(),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coffee-chats",
        description="Coffee Chats: prepare, run and follow up your informational interviews. "
        "Without a subcommand, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_db(parser, top=True)
    parser.add_argument("--demo", action="store_true",
                        help="open a throwaway database filled with sample data")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the app, wait for the first paint with data, exit 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import contacts (LinkedIn, Google, Outlook, vCard, JSON)")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto")
    p.add_argument("--dry-run", action="store_true", help="show what would happen, write nothing")
    _add_db(p, top=False)

    p = sub.add_parser("export", help="export contacts, chats or everything")
    p.add_argument("what", choices=("contacts", "chats", "all"))
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", type=Path, required=True, help="the file to write")
    _add_db(p, top=False)

    p = sub.add_parser("sheet", help="print a chat's one-page question sheet to PDF")
    p.add_argument("chat_id", type=int)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--page-size", choices=("letter", "a4"), default=None,
                   help="paper size (default: from your locale)")
    _add_db(p, top=False)

    p = sub.add_parser("backup", help="copy the database to a file, checked")
    p.add_argument("--out", type=Path, required=True)
    _add_db(p, top=False)

    p = sub.add_parser("restore", help="replace the database with a backup (the current one is kept aside)")
    p.add_argument("file", type=Path)
    _add_db(p, top=False)

    p = sub.add_parser("demo", help="fill a database with realistic sample data")
    p.add_argument("--contacts", type=int, default=0, metavar="N",
                   help="also add N synthetic contacts (and chats in proportion)")
    _add_db(p, top=False)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if getattr(args, "db", None) is None:
        args.db = None
    return args


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else paths.default_database()


def run(args: argparse.Namespace) -> int:
    """Runs one subcommand; a UserError becomes one line on stderr and exit code 2."""
    handler = COMMANDS[args.command]
    try:
        return handler(args)
    except UserError as exc:
        print(f"coffee-chats: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("coffee-chats: interrupted; nothing more was written.", file=sys.stderr)
        return 130


def _open(args: argparse.Namespace):
    from desktop.services import open_store

    return open_store(database_path(args))


def cmd_import(args: argparse.Namespace) -> int:
    raise UserError("importing is not available yet")


def _export_ics(args: argparse.Namespace) -> int:
    """Every upcoming chat as a calendar event (UTC, stable UID per chat); reads only."""
    import os

    from desktop.io import ics
    from desktop.services import today_board

    if args.what == "contacts":
        raise UserError("a calendar holds chats: use `export chats --format ics`")
    with _open(args) as store:
        upcoming = today_board.calendar_chats(store)
    out = Path(args.out).expanduser()
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_bytes(ics.to_bytes(upcoming))
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from exc
    print(f"Exported {len(upcoming)} upcoming chat(s) to {out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "ics":
        return _export_ics(args)
    raise UserError("exporting is not available yet")


def cmd_sheet(args: argparse.Namespace) -> int:
    """Writes a chat's one-page question sheet to a PDF; reads the database, never writes it."""
    import os

    from desktop.reports.sheet import build_sheet
    from desktop.services import chats

    with _open(args) as store:
        detail = chats.detail(store, args.chat_id)  # NotFound is a one-line UserError
    out = Path(args.out).expanduser()
    partial = out.with_name(out.name + ".part")
    try:
        result = build_sheet(detail, partial, args.page_size)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from exc
    shown = result.shown_questions
    paper_name = "A4" if result.page_size == "a4" else "Letter"
    print(f"Wrote {out} ({paper_name}, 1 page, {shown} question{'s' if shown != 1 else ''}).")
    if result.omitted_questions:
        total = shown + result.omitted_questions
        print(f"coffee-chats: warning: only {shown} of {total} questions fit on one page; "
              f"{result.omitted_questions} left out (the sheet says so).", file=sys.stderr)
    if result.shortened:
        print("coffee-chats: warning: shortened to fit: " + ", ".join(result.shortened) + ".",
              file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    raise UserError("backup is not available yet")


def cmd_restore(args: argparse.Namespace) -> int:
    raise UserError("restore is not available yet")


def cmd_demo(args: argparse.Namespace) -> int:
    raise UserError("demo data is not available yet")


COMMANDS = {
    "import": cmd_import,
    "export": cmd_export,
    "sheet": cmd_sheet,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}
