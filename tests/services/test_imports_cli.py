"""`coffee-chats import` and `export contacts` end to end, through the real entry point."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest
import vobject

from desktop.__main__ import main
from desktop.io import vcard
from tests.io.conftest import DATA

FIXTURES = ["linkedin_bom_preamble3_crlf.csv", "linkedin_preamble2.csv",
            "linkedin_old_export.csv", "google_current.csv", "google_legacy.csv", "outlook.csv",
            "outlook_german_semicolon_cp1252.csv", "vcard21_quoted_printable.vcf",
            "apple_groups.vcf", "vcard40.vcf", "broken_card.vcf"]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export_vcard(db_path, tmp_path, capsys) -> str:
    out = tmp_path / "out.vcf"
    assert main(["export", "contacts", "--format", "vcard", "--out", str(out),
                 "--db", str(db_path)]) == 0
    capsys.readouterr()
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FIXTURES)
def test_import_then_export_vcard_reads_back(name, db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "import", str(DATA / name)]) == 0
    printed = capsys.readouterr().out
    assert "Added:" in printed
    text = _export_vcard(db_path, tmp_path, capsys)
    ours = vcard.parse(text)
    theirs = list(vobject.readComponents(text))
    assert ours.rejected == [] and len(ours.contacts) == len(theirs) > 0


def test_names_in_four_scripts_survive_the_round_trip(db_path, tmp_path, capsys):
    assert main(["import", str(DATA / "linkedin_bom_preamble3_crlf.csv"),
                 "--db", str(db_path)]) == 0
    cards = list(vobject.readComponents(_export_vcard(db_path, tmp_path, capsys)))
    names = {(c.n.value.given, c.n.value.family) for c in cards}
    assert {("Łukasz", "Żółć"), ("Thị Minh Khai", "Nguyễn"), ("小明", "王"),
            ("민준", "김")} <= names
    fns = {c.fn.value for c in cards}
    assert {"Łukasz Żółć", "王小明", "김민준"} <= fns
    titles = {c.fn.value: c.title.value for c in cards if hasattr(c, "title")}
    assert titles["Thị Minh Khai Nguyễn"] == "Product Lead\nGrowth & Payments"


def test_the_summary_names_added_merged_and_rejected(db_path, capsys):
    path = str(DATA / "linkedin_bom_preamble3_crlf.csv")
    assert main(["import", path, "--db", str(db_path)]) == 0
    first = capsys.readouterr().out
    assert "line 5: Łukasz Żółć" in first
    assert "line 11: the row has 3 fields but the header has 7" in first
    assert main(["import", path, "--db", str(db_path)]) == 0  # everything merges
    second = capsys.readouterr().out
    assert "Added" not in second
    assert "line 5: Łukasz Żółć → contact" in second and "same LinkedIn URL" in second


def test_the_same_file_twice_adds_nobody(db_path, tmp_path, capsys):
    path = str(DATA / "apple_groups.vcf")
    assert main(["import", path, "--db", str(db_path)]) == 0
    once = _export_vcard(db_path, tmp_path, capsys)
    assert main(["import", path, "--db", str(db_path)]) == 0
    assert _export_vcard(db_path, tmp_path, capsys) == once


def test_dry_run_writes_nothing(db_path, capsys):
    assert main(["import", str(DATA / "outlook.csv"), "--db", str(db_path)]) == 0
    before = _digest(db_path)
    assert main(["import", str(DATA / "google_current.csv"), "--dry-run",
                 "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Would add" in out and "nothing was written" in out
    assert _digest(db_path) == before


@pytest.mark.parametrize("name", ["truncated.vcf", "linkedin_truncated.csv",
                                  "linkedin_cp1250.csv"])
def test_a_bad_file_changes_nothing(name, db_path, capsys):
    assert main(["import", str(DATA / "outlook.csv"), "--db", str(db_path)]) == 0
    before = _digest(db_path)
    code = main(["import", str(DATA / name), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and name in err
    assert _digest(db_path) == before


def test_binary_and_empty_files_change_nothing(db_path, tmp_path, capsys):
    assert main(["import", str(DATA / "outlook.csv"), "--db", str(db_path)]) == 0
    before = _digest(db_path)
    for data in (b"", b"\x00\x01\x02\xff" * 100, b"PK\x03\x04zipzip"):
        bad = tmp_path / "bad.csv"
        bad.write_bytes(data)
        assert main(["import", str(bad), "--db", str(db_path)]) != 0
    assert _digest(db_path) == before


def test_nothing_importable_exits_non_zero(db_path, tmp_path, capsys):
    path = tmp_path / "nobody.csv"
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    ",,https://www.linkedin.com/in/x,,,,\nshort,row\n", encoding="utf-8")
    assert main(["import", str(path), "--db", str(db_path)]) == 1
    captured = capsys.readouterr()
    assert "line 2" in captured.out and "line 3" in captured.out
    assert "nothing could be imported" in captured.err


def test_format_can_be_forced_and_a_wrong_one_is_refused(db_path, capsys):
    assert main(["import", str(DATA / "outlook.csv"), "--format", "outlook",
                 "--db", str(db_path)]) == 0
    assert main(["import", str(DATA / "apple_groups.vcf"), "--format", "linkedin",
                 "--db", str(db_path)]) == 2
    assert "does not look like a LinkedIn" in capsys.readouterr().err


def test_export_csv_is_safe_for_spreadsheets(db_path, tmp_path, capsys):
    assert main(["import", str(DATA / "linkedin_no_preamble.csv"), "--db", str(db_path)]) == 0
    before = _digest(db_path)
    out = tmp_path / "contacts.csv"
    assert main(["export", "contacts", "--format", "csv", "--out", str(out),
                 "--db", str(db_path)]) == 0
    assert _digest(db_path) == before  # exports only read
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    companies = {r["Last Name"]: r["Company"] for r in rows}
    assert companies["O'Brien"] == '\'=HYPERLINK("http://evil.example")'
    roles = {r["Last Name"]: r["Role"] for r in rows}
    assert roles["Kowalska"] == "'-Chief of Staff" and roles["O'Brien"] == "'@founder"


def test_export_of_chats_as_vcard_is_refused(db_path, tmp_path, capsys):
    code = main(["export", "chats", "--format", "vcard", "--out", str(tmp_path / "x.vcf"),
                 "--db", str(db_path)])
    assert code == 2 and "contacts" in capsys.readouterr().err
