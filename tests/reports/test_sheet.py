"""The question sheet, checked the way a reader would: with poppler's pdfinfo, pdffonts, pdftotext.

Poppler-utils is a Debian package (CI installs it); without it these tests skip and say why.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys

import pytest

from desktop.reports import fonts
from desktop.reports.sheet import build_sheet
from tests.reports import samples

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdfinfo", "pdffonts", "pdftotext")),
    reason="poppler-utils (pdfinfo, pdffonts, pdftotext) is not installed",
)


def _run(*args) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdfinfo(path) -> dict[str, str]:
    lines = _run("pdfinfo", str(path)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (x.partition(":") for x in lines)}


def pdftext(path) -> str:
    return _run("pdftotext", "-enc", "UTF-8", str(path), "-")


def squeeze(text: str) -> str:
    return " ".join(text.split())


def numbered(n: int) -> list[str]:
    return [f"Question {i} about the path from A to B?" for i in range(1, n + 1)]


@needs_poppler
@pytest.mark.parametrize("count", [0, 1, 8, 25, 60, 200])
@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_always_exactly_one_page_and_the_omitted_count_is_right(tmp_path, count, page_size):
    out = tmp_path / "sheet.pdf"
    detail = samples.detail(numbered(count), goal=samples.GOAL, pitch=samples.PITCH,
                            research=samples.RESEARCH)
    result = build_sheet(detail, out, page_size)
    assert pdfinfo(out)["Pages"] == "1"
    assert result.pages == 1
    assert result.shown_questions + result.omitted_questions == count
    assert result.body_size >= 8
    text = squeeze(pdftext(out))
    shown = [i for i in range(1, count + 1) if f"Question {i} about" in text]
    # The ones shown are the first ones, in order, all of them whole.
    assert shown == list(range(1, result.shown_questions + 1))
    positions = [text.index(f"Question {i} about") for i in shown]
    assert positions == sorted(positions)
    if result.omitted_questions:
        assert f"+{result.omitted_questions} more questions not shown" in text
    else:
        assert "not shown" not in text
    if count <= 8:
        assert result.omitted_questions == 0
    if count == 200:
        assert result.omitted_questions > 150


@needs_poppler
def test_short_lists_get_more_writing_room_than_long_ones(tmp_path):
    few = build_sheet(samples.detail(2), tmp_path / "few.pdf", "a4")
    many = build_sheet(samples.detail(12), tmp_path / "many.pdf", "a4")
    assert few.body_size >= many.body_size
    assert few.omitted_questions == many.omitted_questions == 0


@needs_poppler
def test_a_2000_character_question_prints_whole_on_one_page(tmp_path):
    words = ("Could you walk me through how your team decides what to build next, "
             "who has the final say, and how you measure whether it worked? ")
    long_question = (words * 20)[:2000]
    out = tmp_path / "long.pdf"
    result = build_sheet(samples.detail([long_question, "And a short one?"]), out, "letter")
    assert pdfinfo(out)["Pages"] == "1"
    assert result.omitted_questions == 0 and not result.shortened
    text = squeeze(pdftext(out))
    assert squeeze(long_question) in text
    assert "And a short one?" in text


@needs_poppler
def test_a_question_longer_than_a_page_is_cut_not_overflowed(tmp_path):
    out = tmp_path / "huge.pdf"
    result = build_sheet(samples.detail(["word " * 6000, "next?"]), out, "a4")
    assert pdfinfo(out)["Pages"] == "1"
    assert result.shown_questions == 1 and result.omitted_questions == 1
    assert "question 1" in result.shortened
    assert "+1 more question not shown" in squeeze(pdftext(out))


HOSTILE = [
    "R&D <Team>",
    "<b>not bold</b>",
    "<img src=\"/etc/passwd\"/>",
    "<unclosed tag and & alone",
    "<font size=40>big</font> &amp; &lt;x&gt; &nbsp;",
    "<para><br/></para>",
]


@needs_poppler
def test_markup_in_every_field_prints_literally(tmp_path):
    out = tmp_path / "hostile.pdf"
    detail = samples.detail(
        HOSTILE, first="<b>Ana", last="R&D <Team>", role="<i>role", company="<unclosed",
        goal=HOSTILE[2], pitch=HOSTILE[4], research="\n".join(HOSTILE), place="<a href=x>",
    )
    build_sheet(detail, out, "a4")
    text = squeeze(pdftext(out))
    for piece in HOSTILE + ["<b>Ana R&D <Team>", "<i>role", "<unclosed", "<a href=x>"]:
        assert squeeze(piece) in text, piece


@needs_poppler
@pytest.mark.parametrize(
    "first, last",
    [
        ("Łucja", "Wróblewska-Żółć"),  # Polish
        ("Nguyễn Thị", "Minh Khai"),  # Vietnamese
        ("王", "小明"),  # Chinese
        ("山田", "花子 やまだ はなこ"),  # Japanese
        ("김", "민준"),  # Korean
    ],
)
def test_names_in_any_script_extract_as_typed(tmp_path, first, last):
    out = tmp_path / "name.pdf"
    question = f"What did {first} {last} learn first?"
    build_sheet(samples.detail([question], first=first, last=last, company=last), out, "a4")
    text = pdftext(out)
    assert f"{first} {last}" in text
    assert question in text
    assert all(fonts.has_glyph(ch) for ch in f"{first}{last}" if not ch.isspace())


@needs_poppler
def test_every_font_is_embedded_and_none_is_helvetica(tmp_path):
    out = tmp_path / "fonts.pdf"
    build_sheet(samples.detail(["Łódź? 東京? 서울?"], first="王", last="Nguyễn"), out, "a4")
    rows = _run("pdffonts", str(out)).splitlines()[2:]
    assert rows
    for row in rows:
        assert "Helvetica" not in row
        # Columns: name type encoding emb sub uni ...: "yes yes yes" for each font.
        assert re.search(r"\byes\s+yes\s+yes\b", row), row


@needs_poppler
@pytest.mark.parametrize("page_size, expected", [
    ("letter", "612 x 792 pts (letter)"),
    ("a4", "595.276 x 841.89 pts (A4)"),
])
def test_page_sizes_are_exact(tmp_path, page_size, expected):
    out = tmp_path / "size.pdf"
    result = build_sheet(samples.short(), out, page_size)
    assert result.page_size == page_size
    assert pdfinfo(out)["Page size"] == expected


@needs_poppler
def test_the_sheet_holds_who_when_why_and_the_thank_you_date(tmp_path):
    out = tmp_path / "full.pdf"
    build_sheet(samples.full(), out, "letter")
    text = squeeze(pdftext(out))
    for piece in ("Maya Okafor", "Senior Product Designer · Northwind Health",
                  "Tuesday 14 May 2024", "14:30 – 15:00", "30 min", "Café Luna",
                  "Understand how Maya moved", "registered nurse",
                  "Spoke at the Health UX meetup",
                  # planned: the scheduled end (15:00) plus 24 hours
                  "Send a thank-you by Wed 15 May, 15:00"):
        assert piece in text, piece


def test_the_page_size_follows_the_locale_when_not_given(monkeypatch):
    for name in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    assert build_sheet(samples.short(), io.BytesIO()).page_size == "letter"
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert build_sheet(samples.short(), io.BytesIO()).page_size == "a4"


def test_writes_to_a_binary_file_object():
    buffer = io.BytesIO()
    build_sheet(samples.full(), buffer, "a4")
    assert buffer.getvalue().startswith(b"%PDF-")


def test_markup_helper_escapes_and_switches_font_for_cjk():
    assert fonts.markup("R&D <Team>") == "R&amp;D &lt;Team&gt;"
    assert fonts.markup("a\nb") == "a<br/>b"
    mixed = fonts.markup("Mr 王 <b>")
    assert mixed == f'Mr <font face="{fonts.CJK}">王 </font>&lt;b&gt;'
    assert fonts.clean("a\x00b\x1bc\ud800d\te") == "abcd e"


def test_importing_the_sheet_module_does_not_import_reportlab():
    code = ("import sys, desktop.reports.sheet, desktop.reports.paper;"
            "print(any(m.startswith('reportlab') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


def test_random_hostile_text_in_every_field_never_breaks_the_build():
    import random

    rng = random.Random(7)
    pool = ("<>&;\"'/=#\\ \n\t\r\x00\x0c\u2028\u200b\u200d\u00ad\ufeff\U0001F600 "
            "abcŁżółćễ王小明山田김민준مرحباשלום &amp; &#60; <b> </para> <img src=x> ]]> ")

    def text(most: int) -> str:
        return "".join(rng.choice(pool) for _ in range(rng.randint(0, most)))

    for case in range(15):
        detail = samples.detail(
            [text(300) for _ in range(rng.randint(0, 40))], first=text(40),
            last=text(2500 if case % 10 == 0 else 40), role=text(100), company=text(100),
            goal=text(900), pitch=text(900), research=text(1200), place=text(400),
            when=None if case % 7 == 0 else samples.WHEN, minutes=rng.choice([0, 30, 600]),
        )
        result = build_sheet(detail, io.BytesIO(), rng.choice(["letter", "a4"]))
        assert result.pages == 1 and result.body_size >= 8
