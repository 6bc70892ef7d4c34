"""vCard 2.1 / 3.0 / 4.0 reading card by card, and the vCard 3.0 writer."""

from __future__ import annotations

import pytest
import vobject

from desktop.domain.enums import Source
from desktop.domain.records import Contact, Labelled
from desktop.errors import UserError
from desktop.io import vcard, vcard_writer
from desktop.io.detect import parse_path
from tests.io.conftest import DATA


def _by_last(parsed):
    return {c.contact.last_name or c.contact.company: c.contact for c in parsed.contacts}


def test_21_quoted_printable_with_soft_breaks_and_charsets():
    parsed = parse_path(DATA / "vcard21_quoted_printable.vcf")
    assert parsed.format == "vcard" and parsed.rejected == []
    people = _by_last(parsed)
    # a soft break inside "Łukasz", and a continuation line that starts with "="
    assert (people["Żółć"].first_name, people["Żółć"].last_name) == ("Łukasz", "Żółć")
    assert people["Żółć"].role == "Senior Engineer"
    # a soft break followed by a real leading space keeps the space
    assert people["Żółć"].research == "Met at PyCon.\n Talked about climbing."
    assert people["Nguyễn"].first_name == "Thị Minh Khai"  # soft break inside "Khai"
    # CHARSET=ISO-8859-1 quoted-printable
    assert (people["García"].first_name, people["García"].company) == ("María José",
                                                                       "Telefónica")


def test_21_bare_parameters_become_labels_and_pref_comes_first():
    people = _by_last(parse_path(DATA / "vcard21_quoted_printable.vcf"))
    assert people["Żółć"].phones == (Labelled("+48600100200", "mobile"),
                                     Labelled("+48221002000", "work fax"))
    assert people["Żółć"].emails == (Labelled("lukasz@allegro.example", "work"),)
    assert people["Nguyễn"].phones == (Labelled("+84 28 1234 5678", "home"),)


def test_vobject_alone_would_lose_this_file():
    """The reason for our own reader (FORMATS.md): vobject stops at the 2.1 QP card."""
    text = (DATA / "vcard21_quoted_printable.vcf").read_text(encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - any failure proves the point
        list(vobject.readComponents(text))


def test_apple_groups_labels_escapes_and_categories():
    people = _by_last(parse_path(DATA / "apple_groups.vcf"))
    kim = people["김"]
    assert (kim.first_name, kim.company, kim.role) == ("민준", "Naver", "UX Researcher")
    assert kim.emails == (
        Labelled("minjun@naver.example", "work"),
        Labelled("minjun.kim@gmail.example", "other"),
        Labelled("mk@school.example", "University"),
    )
    assert kim.phones == (Labelled("+82 10-1234-5678", "mobile"),
                          Labelled("+82 2 1234 5678", "main"))
    assert kim.linkedin_url == "https://www.linkedin.com/in/minjun-kim"
    assert kim.research == ("Coffee at Blue Bottle, Seoul\nAsked about research ops; "
                            "follow up in May")
    assert kim.tags == ("Design", "Korea, Seoul")


def test_an_organisation_card_has_no_person_name():
    people = _by_last(parse_path(DATA / "apple_groups.vcf"))
    shop = people["Blue Bottle Coffee"]
    assert (shop.first_name, shop.last_name, shop.company) == ("", "", "Blue Bottle Coffee")
    org = _by_last(parse_path(DATA / "vcard40.vcf"))["Acme Robotics"]
    assert (org.first_name, org.last_name) == ("", "")


def test_folded_lines_are_unfolded():
    people = _by_last(parse_path(DATA / "apple_groups.vcf"))
    assert "has to fold it across several lines — 数据科学家" in people["王"].research
    assert people["王"].first_name == "小明"


def test_40_quoted_types_tel_uris_and_pref_order():
    khai = _by_last(parse_path(DATA / "vcard40.vcf"))["Nguyễn"]
    assert khai.emails[0] == Labelled("khai@gmail.example", "home")  # PREF=1 first
    assert khai.phones == (Labelled("+84-90-123-4567", "mobile"),
                           Labelled("+84-28-1234-5678", "work"))
    assert khai.linkedin_url == "https://www.linkedin.com/in/nguyen-minh-khai/"


def test_one_broken_card_is_reported_and_the_others_import():
    parsed = parse_path(DATA / "broken_card.vcf")
    assert [c.contact.last_name for c in parsed.contacts] == ["Nowak", "Silva"]
    assert [c.line for c in parsed.contacts] == [1, 14]
    (rejected,) = parsed.rejected
    assert rejected.line == 7 and "line 11" in rejected.reason


def test_a_card_without_end_before_the_next_card_is_rejected_alone():
    text = ("BEGIN:VCARD\nVERSION:3.0\nFN:First One\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:Second One\nEND:VCARD\n")
    parsed = vcard.parse(text)
    assert [c.contact.full_name for c in parsed.contacts] == ["Second One"]
    assert parsed.rejected[0].line == 1


def test_a_file_cut_inside_a_card_is_refused_whole():
    with pytest.raises(UserError, match="truncated"):
        parse_path(DATA / "truncated.vcf")


def test_a_card_with_neither_name_nor_company_is_rejected():
    parsed = vcard.parse("BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:+1 555\r\nEND:VCARD\r\n")
    assert parsed.contacts == [] and "neither a name nor a company" in parsed.rejected[0].reason


def test_escaped_structured_values_split_only_on_unescaped_separators():
    assert vcard.split_escaped(r"Acme\; Sons;R\\;D", ";") == ["Acme; Sons", "R\\", "D"]
    assert vcard.unescape(r"a\nb\,c\\d") == "a\nb,c\\d"


# --- writer -----------------------------------------------------------------------------

PEOPLE = [
    Contact(first_name="Łukasz", last_name="Żółć", company="Allegro; R&D, Poznań",
            role="Senior Engineer", emails=(Labelled("l@a.example", "work"),
                                            Labelled("l@home.example", "home"),
                                            Labelled("l@x.example", "")),
            phones=(Labelled("+48 600", "mobile"), Labelled("+48 22", "work fax"),
                    Labelled("+48 11", "Hobby line")),
            linkedin_url="https://www.linkedin.com/in/lukasz", research="Line 1\nLine 2, more",
            tags=("Mentors", "Poland, west"), location="Poznań, Poland",
            source=Source.LINKEDIN),
    Contact(first_name="小明", last_name="王", company="Tencent"),
    Contact(company="Blue Bottle Coffee", phones=(Labelled("+1 510", "other"),)),
    Contact(first_name="Thị Minh Khai", last_name="Nguyễn",
            research=("Một ghi chú dài " * 12).strip()),
]


def test_the_writer_folds_at_75_octets_without_splitting_characters():
    text = vcard_writer.write(PEOPLE)
    raw = text.encode("utf-8")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # each physical line is whole characters
    assert text.count("BEGIN:VCARD") == 4 and text.endswith("END:VCARD\r\n")


def test_the_writer_round_trips_through_our_reader():
    parsed = vcard.parse(vcard_writer.write(PEOPLE))
    assert parsed.rejected == []
    back = [c.contact for c in parsed.contacts]
    first = back[0]
    assert (first.first_name, first.last_name, first.company, first.role) == (
        "Łukasz", "Żółć", "Allegro; R&D, Poznań", "Senior Engineer")
    assert first.emails == PEOPLE[0].emails
    assert first.phones == PEOPLE[0].phones
    assert first.linkedin_url == PEOPLE[0].linkedin_url
    assert first.research == PEOPLE[0].research
    assert first.tags == PEOPLE[0].tags
    assert first.location == "Poznań, Poland"
    assert (back[1].first_name, back[1].last_name) == ("小明", "王")
    assert (back[2].first_name, back[2].company) == ("", "Blue Bottle Coffee")
    assert back[2].phones == (Labelled("+1 510", "other"),)
    assert back[3].research == PEOPLE[3].research


def test_the_writer_is_read_by_vobject():
    cards = list(vobject.readComponents(vcard_writer.write(PEOPLE)))
    assert len(cards) == 4
    first = cards[0]
    assert first.version.value == "3.0"
    assert first.fn.value == "Łukasz Żółć"
    assert (first.n.value.family, first.n.value.given) == ("Żółć", "Łukasz")
    assert first.org.value == ["Allegro; R&D, Poznań"]
    assert first.title.value == "Senior Engineer"
    assert [e.value for e in first.email_list] == ["l@a.example", "l@home.example",
                                                   "l@x.example"]
    assert first.email_list[0].params["TYPE"] == ["INTERNET", "WORK"]
    assert [t.value for t in first.tel_list] == ["+48 600", "+48 22", "+48 11"]
    assert "CELL" in first.tel_list[0].params["TYPE"]
    assert first.note.value == "Line 1\nLine 2, more"
    assert first.categories.value == ["Mentors", "Poland, west"]
    assert first.url.value == "https://www.linkedin.com/in/lukasz"
    assert cards[1].fn.value == "王小明"  # family name first, no space
    assert cards[2].fn.value == "Blue Bottle Coffee"


def test_a_writer_that_folds_inside_a_character_is_mended():
    from desktop.io import text

    line = "NOTE:" + "数据科学家 Zażółć " * 12
    raw = line.encode("utf-8")
    parts = [raw[i:i + 74] for i in range(0, len(raw), 74)]  # cuts characters in half
    data = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Wang;Ming;;;\r\n" + b"\r\n ".join(parts)
            + b"\r\nEND:VCARD\r\n")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    parsed = vcard.parse(text.decode(data))
    assert parsed.contacts[0].contact.research == line[5:].strip()


def test_cards_in_different_encodings_in_one_file():
    from desktop.io import text

    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Żółć;Łukasz;;;\r\nEND:VCARD\r\n".encode()
            + "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:García;María;;;\r\n"
              "ORG:Telefónica\r\nEND:VCARD\r\n".encode("latin-1")
            + "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:山田;太郎;;;\r\n"
              "END:VCARD\r\n".encode("shift_jis"))
    people = [c.contact for c in vcard.parse(text.decode(data)).contacts]
    assert [(p.first_name, p.last_name) for p in people] == [
        ("Łukasz", "Żółć"), ("María", "García"), ("太郎", "山田")]
    assert people[1].company == "Telefónica"  # no CHARSET: Windows-1252
