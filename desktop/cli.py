"""The command-line subcommands of `coffee-chats`: no window, one clear line per error.

`--db PATH` is accepted before or after the subcommand; without it, the default database
in the platform's data folder. A path that does not exist yet becomes a new database.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from desktop import __version__, paths
from desktop.errors import UserError

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)

IMPORT_FORMATS = ("auto", "linkedin", "google", "outlook", "vcard", "json")
EXPORT_FORMATS = ("csv", "vcard", "ics", "json")


def _add_db(parser: argparse.ArgumentParser, *, top: bool) -> None:
    import argparse

    # The subcommand's copy uses SUPPRESS so it does not overwrite a --db given before it.
    parser.add_argument(
        "--db", metavar="PATH", type=Path,
        default=None if top else argparse.SUPPRESS,
        help=f"the database file (default: {paths.default_database()})",
    )


def build_parser() -> argparse.ArgumentParser:
    import argparse

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
                   help="paper size (default: the preference, else from your locale)")
    _add_db(p, top=False)

    p = sub.add_parser("backup", help="copy the database to a file, checked")
    p.add_argument("--out", type=Path, required=True)
    _add_db(p, top=False)

    p = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is kept aside)")
    p.add_argument("file", type=Path)
    _add_db(p, top=False)

    p = sub.add_parser("demo", help="fill a database with realistic sample data")
    p.add_argument("--contacts", type=int, default=0, metavar="N",
                   help="also add N synthetic contacts (and chats in proportion)")
    _add_db(p, top=False)
    return parser


# The flags of a plain start of the window, and the attribute each sets.
_WINDOW_FLAGS = {"--demo": "demo", "--smoke-test": "smoke_test"}


def _window_args(argv: list[str]) -> SimpleNamespace | None:
    """`[--db PATH] [--demo] [--smoke-test]` read without building the parser (a few ms of
    every start, bench/startup.py): the same values argparse gives. None for anything
    else, which argparse then reads (and explains, for --help or a mistake)."""
    args = SimpleNamespace(command=None, db=None, demo=False, smoke_test=False)
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word in _WINDOW_FLAGS:
            setattr(args, _WINDOW_FLAGS[word], True)
        elif word == "--db" and rest and not rest[0].startswith("-"):
            args.db = Path(rest.pop(0))
        elif word.startswith("--db=") and len(word) > len("--db="):
            args.db = Path(word.removeprefix("--db="))
        else:
            return None
    return args


def parse(argv: list[str]) -> argparse.Namespace | SimpleNamespace:
    quick = _window_args(argv)
    if quick is not None:
        return quick
    args = build_parser().parse_args(argv)
    if getattr(args, "db", None) is None:
        args.db = None
    return args


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if args.db else paths.default_database()


def run(args: argparse.Namespace) -> int:
    """Runs one subcommand; a UserError becomes one line on stderr and exit code 2."""
    from desktop import logs

    handler = COMMANDS[args.command]
    logs.setup()
    log.info("command %s", args.command)  # never its arguments: paths can name people
    try:
        return handler(args)
    except UserError as exc:
        log.info("command %s refused: %s", args.command, type(exc).__name__)
        # One line, even when SQLite's own words (quoted in the message) span several.
        line = " ".join(str(exc).split()) + _newest_backup_hint(args, exc)
        print(f"coffee-chats: {line}", file=sys.stderr)
        return 2
    except OSError as exc:
        # A file the user named cannot be read or written: their mistake, not a bug.
        log.info("command %s failed: %s", args.command, type(exc).__name__)
        where = f" {exc.filename}" if exc.filename else ""
        print(f"coffee-chats: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("coffee-chats: interrupted; nothing more was written.", file=sys.stderr)
        return 130


def _newest_backup_hint(args: argparse.Namespace, exc: UserError) -> str:
    """For a damaged database: the newest good backup and the command that restores it."""
    from desktop.errors import DatabaseDamaged

    if not isinstance(exc, DatabaseDamaged):
        return ""
    from desktop.services import backup

    good = backup.newest_good(paths.backup_dir(), database_path(args).stem)
    if good is None:
        return ""
    return (f" The newest good backup ({good.taken_at:%Y-%m-%d %H:%M}, {good.contacts} "
            f"contacts) is {good.path}: `coffee-chats restore {good.path}` puts it back.")


def _open(args: argparse.Namespace):
    from desktop.services import open_store

    return open_store(database_path(args))


def _import_json(args: argparse.Namespace) -> int:
    """`import FILE.json`: a whole Coffee Chats document, validated first, one transaction."""
    from desktop.io import json_format
    from desktop.services import transfer

    with _open(args) as store:
        document = json_format.read_file(args.file)  # a malformed file stops here, unwritten
        summary = transfer.import_document(store, document, dry_run=args.dry_run)
    for line in summary.lines():
        print(line)
    if not summary.total_added:
        print("coffee-chats: nothing to import: everything in the file is already there.",
              file=sys.stderr)
        return 1
    verb = "Would import" if args.dry_run else "Imported"
    print(f"{verb} {summary.total_added} record(s) from {args.file}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    if args.format == "json":
        return _import_json(args)
    from desktop.io import detect

    # Read and recognise the file by its content before the database is even opened: a
    # file that cannot be read changes nothing.
    fmt, text = detect.load(args.file, args.format)
    if fmt == "json":
        return _import_json(args)
    return _import_contacts(args, detect.parse_text(text, fmt, Path(args.file).name))


SHOWN_PER_GROUP = 200  # lines listed per group (added, merged, rejected) before "… and N more"


def _import_contacts(args: argparse.Namespace, parsed) -> int:
    """`import FILE` of LinkedIn, Google, Outlook or vCard contacts: preview, then commit.

    `--dry-run` and a file whose every record is rejected open no write transaction.
    """
    from desktop.io.parsed import format_name
    from desktop.services import imports

    with _open(args) as store:
        plan = imports.preview(store, parsed)
        if plan.importable and not args.dry_run:
            imports.commit(store, plan)
    name = Path(args.file).name
    total = plan.importable + len(plan.rejected)
    print(f"Read {total} record(s) from {name} ({format_name(plan.format)}).")
    would = "Would " if args.dry_run else ""
    _print_group(f"{would}add" if would else "Added", plan.added,
                 lambda i: f"line {i.line}: {i.contact.display_name}")
    _print_group(f"{would}merge" if would else "Merged", plan.merged, _merged_line)
    _print_group("Rejected", plan.rejected, lambda r: f"line {r.line}: {r.reason}")
    if not plan.importable:
        print(f"coffee-chats: nothing could be imported from {name}; the database was not "
              "changed.", file=sys.stderr)
        return 1
    if args.dry_run:
        print("Dry run: nothing was written.")
    else:
        print(f"Imported {len(plan.added)} new and {len(plan.merged)} merged record(s) "
              f"into {database_path(args)}.")
    return 0


def _merged_line(item) -> str:
    text = f"line {item.line}: {item.contact.display_name} → {item.match.describe()}"
    if item.changes:
        text += "; " + ", ".join(item.changes)
    return text


def _print_group(title: str, items, describe) -> None:
    if not items:
        return
    print(f"{title[:1].upper()}{title[1:]}: {len(items)}")
    for item in items[:SHOWN_PER_GROUP]:
        print("  " + describe(item))
    if len(items) > SHOWN_PER_GROUP:
        print(f"  … and {len(items) - SHOWN_PER_GROUP} more")


def _write_atomically(out: Path, write):
    """`write(partial)` beside `out`, then the finished file put in its place: a failure
    leaves no half-written file and an older `out` as it was. Returns what `write` did."""
    import os

    partial = out.with_name(out.name + ".part")
    try:
        done = write(partial)
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return done


def _export_ics(args: argparse.Namespace) -> int:
    """Every upcoming chat as a calendar event (UTC, stable UID per chat); reads only."""
    from desktop.io import ics
    from desktop.services import today

    if args.what == "contacts":
        raise UserError("a calendar holds chats: use `export chats --format ics`")
    with _open(args) as store:
        upcoming = today.calendar_chats(store)
    out = Path(args.out).expanduser()
    _write_atomically(out, lambda partial: partial.write_bytes(ics.to_bytes(upcoming)))
    print(f"Exported {len(upcoming)} upcoming chat(s) to {out}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "ics":
        return _export_ics(args)
    if args.format == "json":
        return _export_json(args)
    if args.format in ("csv", "vcard"):
        return _export_contacts(args)
    raise UserError(f"exporting {args.what} as {args.format} is not supported yet")


def _export_contacts(args: argparse.Namespace) -> int:
    """`export contacts --format csv|vcard`: every contact; reads the database only."""
    from desktop.io import contacts_csv, vcard_writer
    from desktop.services import exports

    if args.what != "contacts":
        raise UserError(f"{args.format} holds contacts only: use `export contacts "
                        f"--format {args.format}` (or --format json for {args.what})")
    with _open(args) as store:
        people = exports.contacts(store)
    if args.format == "vcard":
        data = vcard_writer.write(people).encode("utf-8")
    else:
        data = contacts_csv.write(people).encode(contacts_csv.ENCODING)
    out = Path(args.out).expanduser()
    _write_atomically(out, lambda partial: partial.write_bytes(data))
    kind = "vCard 3.0" if args.format == "vcard" else "CSV"
    print(f"Exported {len(people)} contact(s) to {out} ({kind}).")
    return 0


def _export_json(args: argparse.Namespace) -> int:
    """`export {all,contacts,chats} --format json`: the documented format; reads only."""
    from desktop.domain.document import subset
    from desktop.io import json_format
    from desktop.services import transfer

    with _open(args) as store:
        document = subset(transfer.export_document(store), args.what)
    json_format.write_file(document, args.out)
    counts = ", ".join(f"{n} {name.replace('_', '-')}"
                       for name, n in document.counts().items() if n)
    print(f"Exported {counts or 'nothing (the database is empty)'} to {args.out}.")
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    """Writes a chat's one-page question sheet to a PDF; reads the database, never writes it."""
    from desktop.reports.sheet import build_sheet
    from desktop.services import chats, preferences

    with _open(args) as store:
        detail = chats.detail(store, args.chat_id)  # NotFound is a one-line UserError
        # --page-size, else the preference, else (None) the locale's usual size.
        page_size = args.page_size or preferences.paper_size(store)
    out = Path(args.out).expanduser()
    result = _write_atomically(out, lambda partial: build_sheet(detail, partial, page_size))
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
    from desktop.services import backup

    out = backup.backup(database_path(args), Path(args.out).expanduser())
    print(f"Backed up to {out} (checked).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.services import backup

    db = database_path(args)
    kept = backup.restore(db, Path(args.file))
    print(f"Restored {db} from {args.file}.")
    if kept is not None:
        print(f"The database as it was before is kept as {kept}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop.services import demo

    if args.db is None:
        raise UserError("give the file to fill with --db PATH; the demo data never goes "
                        "into your own database")
    if args.contacts < 0:
        raise UserError("--contacts must be 0 or more")
    counts = demo.create_demo(database_path(args), args.contacts)
    extra = f" and {counts['synthetic']} synthetic contacts" if args.contacts else ""
    print(f"Wrote the demo data to {database_path(args)}: {counts['contacts']} contacts at "
          f"{counts['companies']} companies, {counts['chats']} chats{extra}.")
    return 0


COMMANDS = {
    "import": cmd_import,
    "export": cmd_export,
    "sheet": cmd_sheet,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}
