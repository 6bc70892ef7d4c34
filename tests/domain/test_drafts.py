"""The drafts the app writes for the user, and the mailto URL that carries them."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import drafts
from desktop.domain.records import Contact, Labelled, Profile

PROFILE = Profile(name="Ana Pérez", signature="Best,\nAna", pitch="I build data tools.",
                  goals="Move from finance into product design")
CONTACT = Contact(first_name="Łukasz", last_name="Nowak", role="Product designer",
                  company="R&D Works", emails=(Labelled("lukasz@example.com"),))


def _parts(url: str) -> tuple[str, str, str]:
    split = urlsplit(url)
    assert split.scheme == "mailto"
    query = parse_qs(split.query, keep_blank_values=True, strict_parsing=True)
    return unquote(split.path), query["subject"][0], query["body"][0]


def test_request_says_who_why_how_long_and_flexible():
    draft = drafts.request_message(PROFILE, CONTACT, goal="ask about her pivot", minutes=45)
    body = draft.body
    assert body.startswith("Hi Łukasz,")
    assert "Ana Pérez" in body
    assert "move from finance into product design" in body
    assert "Product designer at R&D Works" in body
    assert "30 minutes" in body  # time-boxed to 20-30 whatever the chat's length
    assert "fit around your schedule" in body
    assert body.endswith("Best,\nAna")
    assert "pivot" not in body  # the goal is the user's private aim
    assert "R&D Works" in draft.subject


def test_request_without_a_profile_still_reads_well():
    draft = drafts.request_message(Profile(), Contact(first_name="Mei"), minutes=20)
    assert draft.body.startswith("Hi Mei,")
    assert "20 minutes" in draft.body
    assert "None" not in draft.body and "  " not in draft.body


def test_thank_you_names_first_name_one_takeaway_offer_and_promises():
    draft = drafts.thank_you(
        PROFILE, CONTACT, takeaway="- Portfolios matter more than titles",
        promises=[drafts.Promise("send you the article on service design", mine=True),
                  drafts.Promise("Introduce me to Maria", mine=False)])
    body = draft.body
    assert body.startswith("Hi Łukasz,")
    assert "Portfolios matter more than titles." in body
    assert "R&D Works" in body
    assert "As promised, I will send you the article on service design." in body
    assert "offering to introduce me to Maria." in body
    assert "anything I can do for you" in body


def test_takeaway_choices_strip_bullets_and_duplicates():
    choices = drafts.takeaway_choices("- one\n\n• two\n3) three\none", ["Two", "four"])
    assert choices == ["one", "two", "three", "four"]


def test_mailto_round_trips_hostile_text():
    subject = "Café & co? #1 — ça va"
    body = "Line one\nLine two & more?\n\n#hash 100% ünïcødé 日本語 a+b=c\r\nlast"
    url = drafts.mailto_url("jo@example.com", subject, body)
    assert "%0D%0A" in url and "\n" not in url and " " not in url
    assert "#" not in url and url.count("?") == 1 and url.count("&") == 1
    to, got_subject, got_body = _parts(url)
    assert to == "jo@example.com"
    assert got_subject == subject
    assert got_body == body.replace("\r\n", "\n").replace("\n", "\r\n")


@given(st.text(), st.text())
def test_mailto_round_trips_any_text(subject, body):
    url = drafts.mailto_url("a@b.c", subject, body)
    split = urlsplit(url)
    pairs = dict(part.split("=", 1) for part in split.query.split("&"))
    assert unquote(pairs["subject"]) == subject.replace("\r\n", "\n").replace(
        "\r", "\n").replace("\n", "\r\n")
    assert unquote(pairs["body"]) == body.replace("\r\n", "\n").replace(
        "\r", "\n").replace("\n", "\r\n")


def test_long_body_does_not_fit():
    url = drafts.mailto_url("a@b.c", "s", "x" * 2000)
    assert not drafts.mailto_fits(url)
    assert drafts.mailto_fits(drafts.mailto_url("a@b.c", "s", "short"))


def test_takeaway_paragraph_splits_into_sentences():
    text = "Brand research is bought in. A coordinator role opens in June! Ask e.g. Mia"
    assert drafts.takeaway_choices(text) == [
        "Brand research is bought in.", "A coordinator role opens in June!", "Ask e.g. Mia"]
