"""Telling formats apart by content, and refusing what cannot be read as text."""

from __future__ import annotations

import pytest

from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io import contacts_csv, detect, text
from desktop.io.detect import parse_path
from tests.io.conftest import DATA


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("linkedin_bom_preamble3_crlf.csv", "linkedin"),
        ("linkedin_old_export.csv", "linkedin"),
        ("google_current.csv", "google"),
        ("google_legacy.csv", "google"),
        ("outlook.csv", "outlook"),
        ("outlook_german_semicolon_cp1252.csv", "outlook"),
        ("vcard21_quoted_printable.vcf", "vcard"),
        ("apple_groups.vcf", "vcard"),
        ("vcard40.vcf", "vcard"),
    ],
)
def test_detection_reads_the_content_not_the_name(tmp_path, name, fmt):
    disguised = tmp_path / "contacts.txt"  # the name says nothing
    disguised.write_bytes((DATA / name).read_bytes())
    found, _ = detect.load(disguised)
    assert found == fmt


def test_json_is_detected():
    assert detect.detect('\ufeff  {"format": "coffee-chats"}') == "json"


def test_an_unknown_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("what,ever\n1,2\n", encoding="utf-8")
    with pytest.raises(UserError, match="not a contacts file"):
        parse_path(path)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\r\n \r\n", "empty"),
        (b"PK\x03\x04\x14\x00rest of a zip", "ZIP"),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00\x00junk" * 20, "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("Łukasz,Żółć\n".encode() + "Żółć".encode()[:-1], "truncated"),
        ("Imię,Nazwisko\nŁukasz,Żółć,Paweł,Wiśniewski\n".encode("cp1250"), "UTF-8"),
        ("名前,苗字\n山田,太郎\n".encode("shift_jis"), "UTF-8"),
    ],
)
def test_unreadable_bytes_get_one_clear_line(data, words):
    with pytest.raises(UserError) as caught:
        text.decode(data, "x.csv")
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_readable_encodings():
    assert text.decode(b"\xef\xbb\xbfa,b\r\n") == "a,b\r\n"
    assert text.decode("Zoë,Müller\n".encode("utf-16")) == "Zoë,Müller\n"
    assert text.decode("Zoë,Müller\n".encode("utf-16-le")) == "Zoë,Müller\n"
    assert text.decode("José,Ibáñez,“quoted”\n".encode("cp1252")) == "José,Ibáñez,“quoted”\n"


def test_a_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="Cannot read"):
        text.read_text(tmp_path / "nope.csv")


def test_csv_export_neutralises_formulas_on_export_only():
    people = [Contact(first_name="=1+1", last_name="@SUM(A1)", company="-2", role="+Growth",
                      emails=(Labelled("a@b.example", "work"),),
                      phones=(Labelled("+48 600", "mobile"),), tags=("x", "y"),
                      research="safe\ntext")]
    out = contacts_csv.write(people)
    import csv
    import io

    header, row = list(csv.reader(io.StringIO(out, newline="")))
    assert header[:4] == ["First Name", "Last Name", "Company", "Role"]
    assert row[:4] == ["'=1+1", "'@SUM(A1)", "'-2", "'+Growth"]
    assert row[header.index("Phones")] == "'+48 600 (mobile)"
    assert row[header.index("E-mails")] == "a@b.example (work)"
    assert row[header.index("Research")] == "safe\ntext"
    assert contacts_csv.neutralise("plain") == "plain"
    assert contacts_csv.neutralise("\t=cmd") == "'\t=cmd"
