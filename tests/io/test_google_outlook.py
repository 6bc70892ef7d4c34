"""Google Contacts CSV (current and legacy headers) and Outlook CSV (classic and localised)."""

from __future__ import annotations

from desktop.domain.records import Labelled
from desktop.io import google_csv, outlook_csv
from desktop.io.detect import parse_path
from tests.io.conftest import DATA


def _by_key(parsed):
    return {c.contact.last_name or c.contact.company: c for c in parsed.contacts}


def test_google_current_header_multi_values_and_labels():
    parsed = parse_path(DATA / "google_current.csv")
    assert parsed.format == "google"
    people = _by_key(parsed)
    lukasz = people["Żółć"].contact
    assert lukasz.company == "Allegro" and lukasz.role == "Senior Engineer"
    assert lukasz.emails == (
        Labelled("lukasz@allegro.example", "work"),
        Labelled("l.zolc@allegro.example", "work"),
        Labelled("lukasz@home.example", "home"),
    )
    assert lukasz.phones == (Labelled("+48 600 100 200", "mobile"),
                             Labelled("+48 600 100 201", "mobile"))
    # system groups are not tags
    assert lukasz.tags == ("Mentors", "Poland")
    assert lukasz.linkedin_url == "https://www.linkedin.com/in/lukasz-zolc"
    assert lukasz.research == "Met at PyCon PL.\nLikes climbing."
    assert lukasz.location == "Poznań, Poland"


def test_google_organisation_only_rows_are_kept_and_nameless_rows_rejected():
    parsed = parse_path(DATA / "google_current.csv")
    acme = _by_key(parsed)["Acme Robotics"].contact
    assert (acme.first_name, acme.last_name, acme.tags) == ("", "", ("Vendors",))
    assert [r.line for r in parsed.rejected] == [7]


def test_google_values_are_kept_literally():
    kim = _by_key(parse_path(DATA / "google_current.csv"))["김"].contact
    assert kim.emails[0].value == "=cmd|' /C calc'!A0@example.kr"
    assert kim.emails[0].label == "other"


def test_google_legacy_header():
    parsed = parse_path(DATA / "google_legacy.csv")
    assert parsed.format == "google"
    people = _by_key(parsed)
    wang = people["王"].contact
    assert (wang.first_name, wang.company, wang.role) == ("小明", "Tencent", "数据科学家")
    assert wang.tags == ("Colleagues",)
    assert wang.location == "Shenzhen"
    assert wang.phones == (Labelled("+86 138 0000 0000", "mobile"),)
    sofia = people["Rossi"].contact  # only the full "Name" column: split
    assert sofia.first_name == "Sofia"
    assert sofia.tags == ()  # "* My Contacts ::: * Starred" are both system groups
    assert [e.value for e in sofia.emails] == ["sofia@example.it", "sofia.rossi@example.it"]
    assert sofia.linkedin_url == "http://it.linkedin.com/in/sofiarossi/"


def test_outlook_classic_header():
    parsed = parse_path(DATA / "outlook.csv")
    assert parsed.format == "outlook"
    people = _by_key(parsed)
    hannah = people["Schmidt"].contact
    assert (hannah.first_name, hannah.company, hannah.role) == ("Hannah", "Siemens AG",
                                                                "Head of Research")
    assert [e.value for e in hannah.emails] == ["hannah.schmidt@siemens.example",
                                                "hannah@home.example"]
    assert hannah.phones == (Labelled("+49 170 1234567", "mobile"),
                             Labelled("+49 89 1234", "work"),
                             Labelled("+49 89 1235", "work fax"))
    assert hannah.tags == ("Mentors", "Germany")
    assert hannah.linkedin_url == "https://www.linkedin.com/in/hannahschmidt"
    assert hannah.research == "Ask about the PhD track."
    assert hannah.location == "München, Germany"
    assert people["Okafor"].contact.role == "+Growth"


def test_a_german_outlook_with_semicolons_in_windows_1252():
    parsed = parse_path(DATA / "outlook_german_semicolon_cp1252.csv")
    assert parsed.format == "outlook"
    people = _by_key(parsed)
    jurgen = people["Müller"].contact
    assert (jurgen.first_name, jurgen.company, jurgen.role) == (
        "Jürgen", "Bäckerei Müller GmbH", "Geschäftsführer")
    assert jurgen.tags == ("Kunden", "Berlin")
    assert jurgen.research == "Größe: 42; Grüße!"
    assert jurgen.phones == (Labelled("+49 171 2345678", "mobile"),
                             Labelled("+49 30 123456", "work"))
    assert people["Nielsen"].contact.company == "Ørsted"


def test_header_scores_tell_the_formats_apart():
    google = ["first name", "last name", "labels", "e-mail 1 - value"]
    outlook = ["first name", "last name", "e-mail address", "job title", "categories"]
    assert google_csv.header_score(google) > outlook_csv.header_score(google)
    assert outlook_csv.header_score(outlook) > google_csv.header_score(outlook)
