"""The question sheet on arbitrary Unicode text and lengths: always one page, never an exception."""

from __future__ import annotations

import io
import re
from datetime import datetime

from hypothesis import example, given
from hypothesis import strategies as st

from desktop.domain.enums import Medium
from desktop.reports.sheet import build_sheet
from tests.fuzz.conftest import fuzz
from tests.reports import samples

# Markup, control and layout characters that trouble PDF writers, mixed into any text.
NASTY = list("<>&;\"'/=#\\\n\t\r\x00\x0c\u2028\u2029\u200b\u200d\u00ad\ufeff\u202e") + [
    "&amp;", "&#60;", "<b>", "</para>", "<img src=x/>", "]]>", "%PDF", "\U0001F600",
    "\U0001F469\u200d\U0001F4BB", "王小明", "김민준", "مرحبا", "שלום", "ễ", "ﷺ", "\U00010348",
]
any_text = st.one_of(st.text(), st.lists(st.sampled_from(NASTY) | st.text(max_size=3),
                                         max_size=40).map("".join))


# The calendar's ends: the end time and the thank-you date fall past them (a bug found here).
EDGES = [datetime(9999, 12, 31, 23, 59), datetime(9999, 12, 30, 22, 0), datetime(1, 1, 1)]


def sized(most: int):
    """Any text, now and then made long by repeating it up to `most` characters."""
    return st.tuples(any_text, st.integers(1, 200)).map(lambda t: (t[0] * t[1])[:most])


@st.composite
def chats(draw):
    return samples.detail(
        draw(st.lists(sized(400), max_size=60)),
        first=draw(sized(60)), last=draw(sized(3000)), role=draw(sized(200)),
        company=draw(sized(200)), goal=draw(sized(1500)), pitch=draw(sized(1500)),
        research=draw(sized(3000)), place=draw(sized(600)),
        medium=draw(st.sampled_from(list(Medium))),
        when=draw(st.none() | st.sampled_from(EDGES) | st.datetimes(
            min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))),
        minutes=draw(st.integers(0, 100_000)),
    )


@fuzz(40)
@given(chats(), st.sampled_from(["letter", "a4"]))
@example(samples.detail(3, when=EDGES[0], minutes=90), "a4")  # the end time overflowed
@example(samples.detail(3, when=EDGES[1], minutes=0), "letter")  # the thank-you date did
def test_any_text_prints_on_exactly_one_page(detail, page_size):
    out = io.BytesIO()
    result = build_sheet(detail, out, page_size)
    assert result.pages == 1
    assert len(re.findall(rb"/Type /Page\b", out.getvalue())) == 1
    assert result.shown_questions + result.omitted_questions == len(detail.questions)
    assert result.body_size >= 8
