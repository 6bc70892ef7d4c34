"""The command line through `desktop.__main__.main`: exit codes, one-line errors, no writes
where none are due."""

from __future__ import annotations

import json
import sqlite3
import stat
from contextlib import closing

import pytest

from desktop import __version__, logs, paths
from desktop.__main__ import main
from desktop.services import demo, open_store


@pytest.fixture(autouse=True)
def _close_the_log():
    yield
    logs.shutdown()


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.sqlite"
    demo.create_demo(path)
    return path


def _state(folder) -> dict[str, bytes]:
    """Every file of a folder with its bytes: catches new -wal/-shm files as well."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("coffee-chats: ")
    return lines[0]


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"coffee-chats {__version__}"


def test_help_lists_every_subcommand(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("import", "export", "sheet", "backup", "restore", "demo"):
        assert command in out


def test_demo_then_export_import_export_round_trip(tmp_path, capsys):
    db = tmp_path / "a.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    assert "28 contacts" in capsys.readouterr().out
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    assert main(["--db", str(db), "export", "all", "--format", "json", "--out", str(first)]) == 0
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert main(["import", str(first), "--db", str(tmp_path / "b.sqlite")]) == 0
    assert "Imported" in capsys.readouterr().out
    assert main(["export", "all", "--format", "json", "--out", str(second),
                 "--db", str(tmp_path / "b.sqlite")]) == 0
    a, b = json.loads(first.read_text("utf-8")), json.loads(second.read_text("utf-8"))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b


def test_importing_the_same_file_again_exits_non_zero(demo_db, tmp_path, capsys):
    out = tmp_path / "all.json"
    main(["export", "all", "--format", "json", "--out", str(out), "--db", str(demo_db)])
    capsys.readouterr()
    assert main(["import", str(out), "--db", str(demo_db)]) == 1
    assert "nothing to import" in capsys.readouterr().err


def test_export_leaves_an_existing_database_byte_for_byte(demo_db, tmp_path):
    before = _state(demo_db.parent)
    for what in ("all", "contacts", "chats"):
        out = tmp_path / "out" / f"{what}.json"
        out.parent.mkdir(exist_ok=True)
        assert main(["export", what, "--format", "json", "--out", str(out),
                     "--db", str(demo_db)]) == 0
    assert _state(demo_db.parent) == before  # same bytes, and no -wal or -shm left behind


def test_export_while_the_app_has_the_database_open(demo_db, tmp_path):
    wal = demo_db.with_name(demo_db.name + "-wal")
    with open_store(demo_db) as app:
        app.db.execute_sql("UPDATE contact SET role = 'Changed' WHERE id = 1")
        # (The -shm file is SQLite's shared memory: readers may touch it by design.)
        before = (demo_db.read_bytes(), wal.read_bytes())
        out = tmp_path / "out" / "live.json"
        out.parent.mkdir()
        assert main(["export", "all", "--format", "json", "--out", str(out),
                     "--db", str(demo_db)]) == 0
        assert (demo_db.read_bytes(), wal.read_bytes()) == before
    exported = json.loads(out.read_text("utf-8"))
    assert exported["contacts"][0]["role"] == "Changed"  # it saw the commit in the -wal


@pytest.mark.parametrize(
    "content",
    [
        b"{ not json",
        b'{"format": "coffee-chats", "version": 1, "contacts": [{"uid": "a", "source": "x"}]}',
        b'{"format": "coffee-chats", "version": 9}',
        b'{"format": "coffee-chats", "version": 1, "chats": [{"uid": "c", "contact": "?"}]}',
    ],
)
def test_a_rejected_import_leaves_the_database_byte_for_byte(demo_db, tmp_path, capsys, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = _state(demo_db.parent)
    assert main(["import", str(bad), "--db", str(demo_db)]) == 2
    assert "Nothing was imported" in _one_line_error(capsys)
    assert _state(demo_db.parent) == before


def test_a_dry_run_import_leaves_the_database_byte_for_byte(demo_db, tmp_path, capsys):
    other = tmp_path / "other" / "o.sqlite"
    demo.create_demo(other)
    document = tmp_path / "o.json"
    main(["export", "all", "--format", "json", "--out", str(document), "--db", str(other)])
    target = tmp_path / "target"
    target.mkdir()
    db = target / "t.sqlite"
    open_store(db).close()
    before = _state(target)
    assert main(["import", str(document), "--format", "json", "--dry-run", "--db", str(db)]) == 0
    assert "Would import" in capsys.readouterr().out
    assert _state(target) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "all", "--format", "json", "--out", "{tmp}/x.json"],
        ["export", "contacts", "--format", "json", "--out", "{tmp}/x.json"],
        ["backup", "--out", "{tmp}/b.sqlite"],
        ["demo"],
        ["import", "{tmp}/one.json"],
        ["sheet", "1", "--out", "{tmp}/s.pdf"],
    ],
)
def test_a_db_path_that_does_not_exist_becomes_a_new_database(tmp_path, argv):
    (tmp_path / "one.json").write_text(json.dumps(
        {"format": "coffee-chats", "version": 1, "contacts": [{"uid": "a", "first_name": "A"}]}))
    db = tmp_path / "sub" / "new.sqlite"
    main([a.replace("{tmp}", str(tmp_path)) for a in argv] + ["--db", str(db)])
    assert db.exists()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM question").fetchone()[0] > 0


def test_backup_and_restore_through_the_command_line(demo_db, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite"
    assert main(["backup", "--out", str(copy), "--db", str(demo_db)]) == 0
    with open_store(demo_db) as store:
        store.db.execute_sql("DELETE FROM contact")
    assert main(["restore", str(copy), "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "kept as" in out and "before-restore" in out
    with open_store(demo_db) as store:
        assert store.db.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 28


def test_restore_refuses_a_bad_file_and_changes_nothing(demo_db, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello")
    before = _state(demo_db.parent)
    assert main(["restore", str(bad), "--db", str(demo_db)]) == 2
    assert "not a Coffee Chats database" in _one_line_error(capsys)
    assert _state(demo_db.parent) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "{tmp}/missing.json", "--format", "json"], "Cannot read"),
        (["export", "all", "--format", "json", "--out", "{tmp}/no/dir/x.json"], "Cannot write"),
        (["export", "all", "--format", "json", "--out", "{tmp}"], "is a folder"),
        (["export", "contacts", "--format", "ics", "--out", "{tmp}/x.ics"], "calendar"),
        (["export", "all", "--format", "vcard", "--out", "{tmp}/x.vcf"], ""),
        (["restore", "{tmp}/missing.sqlite"], "no backup file"),
        (["backup", "--out", "{tmp}"], "folder"),
        (["demo", "--contacts", "-5"], "--contacts"),
        (["sheet", "999", "--out", "{tmp}/s.pdf"], "999"),
    ],
)
def test_user_mistakes_are_one_line_and_a_non_zero_exit(tmp_path, capsys, argv, message):
    db = tmp_path / "db.sqlite"
    code = main([a.replace("{tmp}", str(tmp_path)) for a in argv] + ["--db", str(db)])
    assert code != 0
    assert message in _one_line_error(capsys)


@pytest.mark.parametrize("bad_db", ["folder", "garbage", "unwritable"])
def test_a_database_that_cannot_be_used_is_one_line(tmp_path, capsys, bad_db):
    if bad_db == "folder":
        db = tmp_path
    elif bad_db == "garbage":
        db = tmp_path / "notes.txt"
        db.write_text("my thesis\n" * 50)
    else:
        db = tmp_path / "file-not-dir" / "x.sqlite"
        (tmp_path / "file-not-dir").write_text("")
    code = main(["export", "all", "--format", "json", "--out", str(tmp_path / "x.json"),
                 "--db", str(db)])
    assert code == 2
    _one_line_error(capsys)


def test_the_demo_refuses_a_database_with_contacts(demo_db, capsys):
    assert main(["demo", "--db", str(demo_db)]) == 2
    assert "already holds 28 contacts" in _one_line_error(capsys)


def test_the_demo_needs_an_explicit_database(capsys):
    assert main(["demo"]) == 2
    assert "--db PATH" in _one_line_error(capsys)
    assert not paths.default_database().exists()


def test_commands_log_ids_not_personal_data(demo_db, tmp_path):
    out = tmp_path / "all.json"
    main(["export", "all", "--format", "json", "--out", str(out), "--db", str(demo_db)])
    text = logs.log_file().read_text("utf-8")
    assert "command export" in text
    for private in ("Łukasz", "Wiśniewski", "demo.sqlite", "all.json", str(tmp_path)):
        assert private not in text


def test_a_damaged_database_is_reported_on_one_line(tmp_path, capsys):
    from tests.services.test_backup import _damaged

    db = tmp_path / "damaged.sqlite"
    _damaged(db)
    before = db.read_bytes()
    assert main(["export", "all", "--format", "json", "--out", str(tmp_path / "x.json"),
                 "--db", str(db)]) == 2
    assert "damaged" in _one_line_error(capsys)
    assert db.read_bytes() == before


@pytest.mark.parametrize("argv", [
    [], ["--demo"], ["--smoke-test", "--db", "/tmp/a b.sqlite"], ["--db=x.sqlite", "--demo"],
    ["--db", "one.sqlite", "--db", "two.sqlite", "--smoke-test", "--demo"],
])
def test_a_plain_start_reads_its_flags_as_argparse_does(argv):
    from desktop import cli

    quick = cli._window_args(argv)
    full = cli.build_parser().parse_args(argv)
    assert quick is not None
    for name in ("command", "db", "demo", "smoke_test"):
        assert getattr(quick, name) == getattr(full, name), name


@pytest.mark.parametrize("argv", [["--db"], ["--db", "--demo"], ["--db="], ["--dmeo"],
                                  ["--help"], ["demo", "--db", "x.sqlite"]])
def test_anything_else_is_left_to_argparse(argv):
    from desktop import cli

    assert cli._window_args(argv) is None


def test_a_start_flag_without_its_value_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--db"])
    assert stopped.value.code == 2
    assert "--db" in capsys.readouterr().err
