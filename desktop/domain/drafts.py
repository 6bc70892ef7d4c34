"""Texts the app drafts for the user: the request for a chat, a nudge, the thank-you, mailto.

Pure functions over domain records (no Qt, no store), so they are easy to test and the
wizard, Today and the command line draft the same words. Every draft is a starting point
the user edits; it never invents facts: what it does not know it leaves out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from desktop.domain.records import Contact, Profile

# Mail clients cut mailto URLs somewhere near 2,000 characters (FORMATS.md); stay under.
MAILTO_LIMIT = 1800
REQUEST_MINUTES = (20, 30)


@dataclass(frozen=True, slots=True)
class Draft:
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class Promise:
    """A promise made in a chat: `mine` is True when the user made it."""

    text: str
    mine: bool = True


def first_name(contact: Contact) -> str:
    return contact.first_name.strip() or contact.full_name or ""


def _greeting(contact: Contact) -> str:
    name = first_name(contact)
    return f"Hi {name}," if name else "Hello,"


def _sign_off(profile: Profile) -> str:
    """The signature when the user wrote one, else "Best," and their name."""
    if profile.signature.strip():
        return profile.signature.strip()
    return "Best,\n" + profile.name.strip() if profile.name.strip() else "Best,"


def _sentence(text: str) -> str:
    """One line of user text made into a sentence: trimmed, first letter kept, a full stop."""
    text = " ".join(text.split()).strip()
    if not text:
        return ""
    return text if text[-1] in ".!?…" else text + "."


def _lower_first(text: str) -> str:
    """Lower-cases the first letter unless the first word looks like a name or acronym."""
    if not text:
        return text
    word = text.split()[0]
    if len(word) > 1 and (word[1:].lower() != word[1:] or word.isupper()):
        return text
    return text[0].lower() + text[1:]


def request_message(profile: Profile, contact: Contact, *, goal: str = "",
                    minutes: int = 30) -> Draft:
    """Asks `contact` for a short chat: who I am, why them, a time-boxed ask, flexible times."""
    low, high = REQUEST_MINUTES
    minutes = min(max(minutes or high, low), high)
    who = profile.name.strip()
    intro = f"My name is {who}" if who else "I am reaching out"
    goals = _sentence(profile.goals.splitlines()[0]) if profile.goals.strip() else ""
    if goals:
        intro += f", and I am exploring a new direction: {_lower_first(goals)}"
    else:
        intro += "."
    where = []
    if contact.role.strip():
        where.append(f"as {contact.role.strip()}")
    if contact.company.strip():
        where.append(f"at {contact.company.strip()}")
    why = "I would value your perspective on your path and your work"
    if where:
        why += " " + " ".join(where)
    why += "."
    # `goal` is the user's private aim ("how she moved into design"): it stays out of the
    # request, which must read well to the other person; kept for callers' symmetry.
    del goal
    paragraphs = [
        _greeting(contact),
        intro,
        why,
        f"Would you have {minutes} minutes for a short call or a coffee in the coming weeks? "
        f"I will keep it to {minutes} minutes, and I am happy to fit around your schedule — "
        "any day or time that suits you works for me.",
        "I am not asking about jobs; I want to learn from your experience.",
        "Thank you for considering it.",
        _sign_off(profile),
    ]
    subject = "A short chat about your work"
    if contact.company.strip():
        subject = f"A short chat about your work at {contact.company.strip()}"
    return Draft(subject, "\n\n".join(paragraphs))


def nudge_message(profile: Profile, contact: Contact, *, minutes: int = 30) -> Draft:
    """A friendly follow-up to an unanswered request, a week later."""
    paragraphs = [
        _greeting(contact),
        "I know how busy things get, so I am bringing my note from last week back to the top "
        f"of your inbox. I would still love {minutes} minutes of your time whenever it suits "
        "you, and if now is not a good moment, no worries at all.",
        _sign_off(profile),
    ]
    return Draft("Following up: a short chat", "\n\n".join(paragraphs))


def thank_you(profile: Profile, contact: Contact, *, takeaway: str = "",
              promises: tuple[Promise, ...] | list[Promise] = (),
              company: str = "") -> Draft:
    """The thank-you: their first name, ONE specific takeaway, an offer back, the promises."""
    paragraphs = [_greeting(contact)]
    company = company or contact.company
    thanks = "Thank you for taking the time to talk with me"
    thanks += f" about your work at {company.strip()}." if company.strip() else "."
    paragraphs.append(thanks)
    point = _sentence(takeaway.strip().lstrip("-•* ").strip())
    if point:
        paragraphs.append(
            "What stayed with me most was this: " + point
            + " It gave me a much clearer picture of what to focus on next."
        )
    mine = [p for p in promises if p.mine and p.text.strip()]
    theirs = [p for p in promises if not p.mine and p.text.strip()]
    for promise in mine:
        paragraphs.append("As promised, I will " + _lower_first(_sentence(promise.text)))
    for promise in theirs:
        paragraphs.append("Thank you also for offering to " + _lower_first(_sentence(promise.text)))
    paragraphs.append(
        "If there is ever anything I can do for you in return — an introduction, "
        "an article, a second pair of eyes — please just ask."
    )
    paragraphs.append(_sign_off(profile))
    return Draft("Thank you for your time", "\n\n".join(paragraphs))


# A takeaway paragraph splits into sentences: the thank-you names ONE specific thing.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"“‘(])")


_ABBREVIATION = re.compile(r"(?:^|\s)(?:(?:[A-Za-z]\.){1,3}|Mr\.|Mrs\.|Ms\.|Dr\.|St\.|vs\.|"
                           r"etc\.|Inc\.|Ltd\.|Jr\.|Sr\.|No\.)$")


def _sentences(line: str) -> list[str]:
    out: list[str] = []
    for piece in _SENTENCE_BREAK.split(line):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] += " " + piece  # "e.g. Mia" is not the end of a sentence
        else:
            out.append(piece)
    return out


def takeaway_choices(takeaways: str, insights: tuple[str, ...] | list[str] = ()) -> list[str]:
    """What a user can pick as the one takeaway: each takeaway line (or sentence of a
    paragraph), then the insights."""
    seen: set[str] = set()
    out = []
    pieces = [s for line in takeaways.splitlines() for s in _sentences(line)]
    for line in [*pieces, *insights]:
        text = re.sub(r"^\s*(?:[-•*]|\d+[.)])\s*", "", line).strip()
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def _encode(text: str) -> str:
    # RFC 6068: line breaks in a mailto body are CRLF, each percent-encoded.
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    return quote(normalised, safe="")


def mailto_url(to: str, subject: str, body: str) -> str:
    """A `mailto:` URL with subject and body percent-encoded (UTF-8, CRLF line breaks)."""
    address = quote(to.strip(), safe="@,+")
    return f"mailto:{address}?subject={_encode(subject)}&body={_encode(body)}"


def mailto_fits(url: str, limit: int = MAILTO_LIMIT) -> bool:
    """False when the URL is too long for mail clients to take whole."""
    return len(url) <= limit


def full_text(draft: Draft) -> str:
    """Subject and body as one text, for the clipboard when mailto cannot carry it."""
    return f"Subject: {draft.subject}\n\n{draft.body}"
