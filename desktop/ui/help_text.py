"""The guide's text: how to hold a good informational interview, in five short sections.

Written for Coffee Chats; each section is one translatable block of simple HTML (context
"Guide"), so a translator sees whole paragraphs. `document()` joins them with anchors
named after the section keys, which `help_guide.show_guide(parent, key)` scrolls to.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("intro", QT_TRANSLATE_NOOP("Guide", "What a coffee chat is"), QT_TRANSLATE_NOOP(
        "Guide",
        "<p>An informational interview — a <i>coffee chat</i> — is a short conversation "
        "(20 to 30 minutes) with someone who does work you are curious about. You ask for "
        "their story and their advice, not for a job. People say yes more often than you "
        "expect: most like to talk about their work and to help someone starting out.</p>"
        "<p>Each chat goes through three stages, the three pages of the interview wizard: "
        "<b>Prep</b>, <b>Live notes</b> and <b>Wrap-up</b>. The sections below give the "
        "practice for each; <b>Today</b> reminds you of what comes next.</p>")),
    ("prepare", QT_TRANSLATE_NOOP("Guide", "Before: preparing"), QT_TRANSLATE_NOOP(
        "Guide",
        "<ul>"
        "<li><b>Ask well.</b> A short message: who you are, why <i>this</i> person, and a "
        "small, clear request — 20 minutes, by video or over a coffee, at a time that suits "
        "them. No reply after a week? One friendly nudge, then let it go.</li>"
        "<li><b>Set one goal.</b> What do you want to leave knowing? (“Whether product "
        "design suits someone from research”, not “learn about the company”.)</li>"
        "<li><b>Research.</b> Their path (profile, talks, articles) and their company "
        "(products, news), so you never spend their time on what is online.</li>"
        "<li><b>Prepare a 30-second pitch:</b> where you are, where you are heading, and "
        "why you wanted to talk to them.</li>"
        "<li><b>Pick 5 to 8 open questions</b> (how, what, why), the most important first: "
        "you will not get through all of them. Avoid “can you get me a job?”.</li>"
        "<li><b>Print the one-page question sheet</b> (Ctrl+P) for a café: a phone on the "
        "table looks like distraction; paper looks like preparation.</li>"
        "<li><b>Confirm the day before</b>, with the place or link and the time zone.</li>"
        "</ul>")),
    ("during", QT_TRANSLATE_NOOP("Guide", "During the chat"), QT_TRANSLATE_NOOP(
        "Guide",
        "<ul>"
        "<li><b>Be on time</b>, thank them, and say how long you agreed and what you hope to "
        "learn. Then give your pitch — briefly.</li>"
        "<li><b>Listen more than you talk</b>: they should speak most of the time. Follow "
        "the conversation rather than the list; tick questions as they get answered.</li>"
        "<li><b>Take quick notes</b> on the Live notes page: type a line and press Enter; "
        "each note gets its time. Mark the ones that matter: a quote, an insight, a job "
        "lead, a referral, a promise (yours or theirs).</li>"
        "<li><b>Watch the time.</b> Before the end, ask: “Is there anyone else you think I "
        "should talk to?” and “Is there anything I can do for you?”</li>"
        "<li><b>Finish on time</b>, even when it goes well, and ask if you may keep them "
        "posted.</li>"
        "</ul>")),
    ("after", QT_TRANSLATE_NOOP("Guide", "After: following up"), QT_TRANSLATE_NOOP(
        "Guide",
        "<ul>"
        "<li><b>Within the hour:</b> write your takeaways while they are fresh — what "
        "surprised you, what you will do differently.</li>"
        "<li><b>Thank them within 24 hours</b> and name something specific they said, and "
        "what you will do with it. The Wrap-up page drafts the message from your notes.</li>"
        "<li><b>Keep your promises</b> and follow up on introductions they offered. Ask "
        "before you use someone's name when contacting a referral.</li>"
        "<li><b>Record what you learned</b> as insights (skills, career paths, trends, job "
        "leads). After a few chats, the Insights page shows what many people said.</li>"
        "<li><b>Keep in touch.</b> In a month or two, tell them what you did with their "
        "advice. A keep-in-touch cadence on the contact puts them on Today when it is "
        "time.</li>"
        "</ul>")),
    ("app", QT_TRANSLATE_NOOP("Guide", "Getting around the app"), QT_TRANSLATE_NOOP(
        "Guide",
        "<ul>"
        "<li><b>Today</b> lists chats in the next week, thank-yous due (red when late), "
        "follow-ups and people due a keep-in-touch — each with its next step.</li>"
        "<li><b>File → New chat</b> (Ctrl+N) opens the interview wizard; a chat opens at "
        "its stage, and everything is saved as you type.</li>"
        "<li><b>Ctrl+F</b> searches contacts, companies and notes; <b>Ctrl+PgDown</b> and "
        "<b>Ctrl+PgUp</b> move between pages; <b>Help → Keyboard shortcuts</b> lists the "
        "rest.</li>"
        "<li>Your data stays on this computer. <b>File → Back up…</b> copies it; a copy is "
        "also made automatically each day.</li>"
        "</ul>")),
)
KEYS = tuple(key for key, _, _ in SECTIONS)


def title(key: str) -> str:
    for section, heading, _ in SECTIONS:
        if section == key:
            return QCoreApplication.translate("Guide", heading)
    raise KeyError(key)


def document() -> str:
    """The whole guide as one HTML document, each section under an anchor of its key."""
    parts = []
    for key, heading, body in SECTIONS:
        heading_text = escape(QCoreApplication.translate("Guide", heading))
        parts.append(f'<a name="{key}"></a><h2>{heading_text}</h2>')
        parts.append(QCoreApplication.translate("Guide", body))
    return "<html><body>" + "\n".join(parts) + "</body></html>"
