"""LinkedIn Connections.csv: preambles, BOM, CRLF, quoted line breaks, old exports, dates."""

from __future__ import annotations

import locale
from datetime import date

import pytest

from desktop.errors import UserError
from desktop.io import linkedin
from desktop.io.detect import parse_path
from tests.io.conftest import DATA

CURRENT = ["linkedin_bom_preamble3_crlf.csv", "linkedin_preamble2.csv",
           "linkedin_no_preamble.csv", "linkedin_utf16.csv"]


def _by_last(parsed):
    return {c.contact.last_name: c for c in parsed.contacts}


@pytest.mark.parametrize("name", CURRENT)
def test_every_preamble_length_gives_the_same_people(name):
    parsed = parse_path(DATA / name)
    assert parsed.format == "linkedin"
    people = _by_last(parsed)
    assert set(people) == {"Żółć", "Nguyễn", "王", "김", "O'Brien", "Kowalska"}
    assert people["Żółć"].contact.first_name == "Łukasz"
    assert people["Nguyễn"].contact.first_name == "Thị Minh Khai"
    assert people["王"].contact.first_name == "小明"
    assert people["김"].contact.first_name == "민준"
    assert people["Żółć"].contact.source.value == "linkedin"
    # the short row is rejected naming both counts, the rows after it still come
    assert len(parsed.rejected) == 1
    assert "3 fields" in parsed.rejected[0].reason and "7" in parsed.rejected[0].reason


def test_line_numbers_count_the_preamble_and_quoted_line_breaks():
    parsed = parse_path(DATA / "linkedin_bom_preamble3_crlf.csv")
    lines = {c.contact.last_name: c.line for c in parsed.contacts}
    # Notes, paragraph, blank, header: the first row is line 5; the role of line 6
    # spans two lines, so 王 starts on line 8.
    assert lines["Żółć"] == 5
    assert lines["Nguyễn"] == 6
    assert lines["王"] == 8
    assert parsed.rejected[0].line == 11
    assert lines["Kowalska"] == 12


def test_a_quoted_line_break_stays_in_its_field():
    people = _by_last(parse_path(DATA / "linkedin_bom_preamble3_crlf.csv"))
    assert people["Nguyễn"].contact.role == "Product Lead\nGrowth & Payments"
    assert people["王"].contact.role == "数据科学家"


def test_values_that_look_like_formulas_are_kept_literally():
    people = _by_last(parse_path(DATA / "linkedin_preamble2.csv"))
    zoe = people["O'Brien"].contact
    assert zoe.company == '=HYPERLINK("http://evil.example")'
    assert zoe.role == "@founder"
    assert people["Kowalska"].contact.role == "-Chief of Staff"
    assert people["Kowalska"].contact.company == "Acme, Inc."


def test_emails_are_optional_and_kept_when_present():
    people = _by_last(parse_path(DATA / "linkedin_no_preamble.csv"))
    assert [e.value for e in people["Żółć"].contact.emails] == ["lukasz@example.pl"]
    assert people["Nguyễn"].contact.emails == ()


def test_connected_on_and_url_are_read():
    people = _by_last(parse_path(DATA / "linkedin_no_preamble.csv"))
    assert people["Żółć"].contact.connected_on == date(2022, 2, 7)
    assert people["Nguyễn"].contact.connected_on == date(2024, 3, 15)
    assert people["王"].contact.connected_on == date(2019, 12, 1)
    assert people["Żółć"].contact.linkedin_url == "https://www.linkedin.com/in/lukasz-zolc"


def test_an_old_export_without_url_position_or_connected_on():
    parsed = parse_path(DATA / "linkedin_old_export.csv")
    assert parsed.format == "linkedin"
    people = _by_last(parsed)
    assert set(people) == {"García", "Nowak", "Sharma"}
    assert people["García"].contact.company == "Telefónica"
    assert people["García"].contact.linkedin_url == ""
    assert people["García"].contact.connected_on is None
    assert people["Sharma"].contact.company == ""


def test_a_windows_1252_export_is_read():
    parsed = parse_path(DATA / "linkedin_cp1252.csv")
    assert parsed.contacts[0].contact.last_name == "García"
    assert parsed.contacts[0].contact.company == "Telefónica"


@pytest.mark.parametrize("name", ["linkedin_cp1250.csv", "linkedin_truncated.csv"])
def test_unreadable_files_are_refused_with_one_clear_line(name):
    with pytest.raises(UserError) as caught:
        parse_path(DATA / name)
    message = str(caught.value)
    assert "\n" not in message and name in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7 Feb 2022", date(2022, 2, 7)),
        ("15 Mar 2024", date(2024, 3, 15)),
        ("01 Dec 2019", date(2019, 12, 1)),
        ("3 May 2021", date(2021, 5, 3)),
        ("9 Sept 2020", date(2020, 9, 9)),
        ("Oct 30, 2020", date(2020, 10, 30)),
        ("2022-02-07", date(2022, 2, 7)),
        ("2/7/22", date(2022, 2, 7)),
        ("", None),
        ("31 Feb 2022", None),
        ("7 Mär 2022", None),
        ("yesterday", None),
    ],
)
def test_the_fixed_english_month_table(text, expected):
    linkedin.parse_connected_on.cache_clear()
    assert linkedin.parse_connected_on(text) == expected


def test_dates_do_not_depend_on_the_process_locale(monkeypatch):
    """In the app the process runs in the user's locale, where %b is "Mär", not "Mar"."""
    previous = locale.setlocale(locale.LC_TIME)
    try:
        try:
            locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
        except locale.Error:
            # No German locale installed: make every locale-dependent parse fail instead,
            # which is what %b does under de_DE for "Mar" and "Dec".
            import time

            def refuse(*args, **kwargs):
                raise ValueError("strptime is locale-dependent and must not be used")

            monkeypatch.setattr(time, "strptime", refuse)
            monkeypatch.setattr("_strptime._strptime_datetime", refuse)
        linkedin.parse_connected_on.cache_clear()
        parsed = parse_path(DATA / "linkedin_bom_preamble3_crlf.csv")
        dates = {c.contact.last_name: c.contact.connected_on for c in parsed.contacts}
        assert dates["Nguyễn"] == date(2024, 3, 15)  # "Mar" is "Mär" in German
        assert dates["王"] == date(2019, 12, 1)  # "Dec" is "Dez"
    finally:
        locale.setlocale(locale.LC_TIME, previous)
        linkedin.parse_connected_on.cache_clear()


def test_a_file_without_a_linkedin_header_is_refused():
    with pytest.raises(UserError, match="does not look like a LinkedIn"):
        linkedin.parse("just,some,cells\n1,2,3\n", "x.csv")


def test_the_header_is_found_after_a_long_preamble_and_columns_by_name():
    text = ("Notes:\n" + "\n".join(f'"line {i}"' for i in range(12)) + "\n\n"
            "Connected On,Company,Last Name,First Name,URL\n"
            "1 Jan 2020,Acme,Doe,Jane,https://www.linkedin.com/in/jane\n")
    parsed = linkedin.parse(text)
    contact = parsed.contacts[0].contact
    assert (contact.first_name, contact.last_name, contact.company) == ("Jane", "Doe", "Acme")
    assert parsed.contacts[0].line == 16
