"""Chats to print in tests, the benchmark and by hand: short, full, overfull and hostile."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.builtin_questions import BUILTIN_QUESTIONS
from desktop.domain.enums import ChatStatus, Medium
from desktop.domain.records import Chat, ChatDetail, ChatQuestion, Company, Contact

WHEN = datetime(2024, 5, 14, 14, 30)


def detail(
    questions: list[str] | int = 0,
    *,
    first: str = "Maya",
    last: str = "Okafor",
    role: str = "Senior Product Designer",
    company: str = "Northwind Health",
    goal: str = "",
    pitch: str = "",
    research: str = "",
    place: str = "Café Luna, 12 Market Street",
    medium: Medium = Medium.IN_PERSON,
    when: datetime | None = WHEN,
    minutes: int = 30,
) -> ChatDetail:
    if isinstance(questions, int):
        bank = [q.text for q in BUILTIN_QUESTIONS]
        questions = [bank[i % len(bank)] for i in range(questions)]
    contact = Contact(first_name=first, last_name=last, role=role, company=company, id=1)
    chat = Chat(
        contact_id=1, status=ChatStatus.SCHEDULED, contact_name=f"{first} {last}".strip(),
        scheduled_at=when, minutes=minutes, medium=medium, place=place, goal=goal,
        pitch=pitch, research=research, id=7,
    )
    return ChatDetail(
        chat=chat, contact=contact, company=Company(company, id=1) if company else None,
        questions=tuple(ChatQuestion(text, position=i, id=i + 1)
                        for i, text in enumerate(questions)),
    )


GOAL = ("Understand how Maya moved from hospital nursing into product design, and whether "
        "a UX certificate or a portfolio of real projects matters more to hiring managers.")
PITCH = ("I'm a registered nurse with six years on a cardiac ward. For the last year I've been "
         "redesigning our ward's handover forms with the team, and I'm now looking at "
         "product design roles in digital health.")
RESEARCH = """- Joined Northwind Health in 2019 as the first designer; now leads a team of five
- Spoke at the Health UX meetup about designing for night shifts
- Northwind's patient app was rebuilt last year (4.7 stars)
- Previously an ICU nurse for eight years
- Mentors through the Design Buddies programme"""


def short() -> ChatDetail:
    return detail(3, goal="Learn how she got into design.")


def full() -> ChatDetail:
    return detail(10, goal=GOAL, pitch=PITCH, research=RESEARCH)


def overfull() -> ChatDetail:
    return detail(60, goal=GOAL * 3, pitch=PITCH * 3, research=RESEARCH + "\n" + RESEARCH)
