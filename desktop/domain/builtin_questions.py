"""The built-in question bank: texts written for Coffee Chats, each under a stable key.

Keys never change and are never reused: the database finds a built-in question by its key
when a later version ships new or corrected texts (see `sync_builtin_questions`). To add
questions, append entries with new keys; to correct a text, change it under the same key
(users who edited that question keep their version).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.enums import QuestionCategory as C


@dataclass(frozen=True, slots=True)
class BuiltinQuestion:
    key: str
    category: C
    text: str


def _group(category: C, *texts: str) -> tuple[BuiltinQuestion, ...]:
    return tuple(
        BuiltinQuestion(f"builtin.{category.value}.{n:02d}", category, text)
        for n, text in enumerate(texts, start=1)
    )


BUILTIN_QUESTIONS: tuple[BuiltinQuestion, ...] = (
    *_group(
        C.CAREER_PATH,
        "How did you get into this line of work?",
        "What did your path look like from your first job to the role you have now?",
        "Which decision or turning point shaped your career the most?",
        "If you started over today, what would you do differently?",
        "What did you study, and how much of it do you use now?",
        "Which roles do people usually hold before and after yours?",
        "What did you not expect about this career when you started?",
    ),
    *_group(
        C.DAY_TO_DAY,
        "What does a typical week look like for you?",
        "Which parts of your day give you the most energy, and which drain it?",
        "Who do you work with most closely, inside and outside your team?",
        "How is your time split between meetings, focused work and everything else?",
        "What tools do you rely on every day?",
        "How is success in your role measured?",
        "What did you work on this week that you are proud of?",
    ),
    *_group(
        C.SKILLS,
        "Which skills matter most for doing your job well?",
        "Which skill did you have to learn on the job that no course taught you?",
        "If I could only work on one skill over the next six months, which should it be?",
        "How do people in your field usually learn new tools and methods?",
        "Are there certifications or courses that are worth the time, or not?",
        "What separates someone who is good at this job from someone who is great at it?",
        "How could I show these skills if I have not held this role yet?",
    ),
    *_group(
        C.INDUSTRY,
        "How has your industry changed since you joined it?",
        "Which trends will change this kind of work over the next five years?",
        "Which companies or teams do people in your field admire, and why?",
        "Where is the industry hiring, and where is it cutting back?",
        "What do outsiders usually get wrong about this industry?",
        "Which newsletters, podcasts, events or communities do you follow?",
        "How is technology such as automation or AI changing your work?",
    ),
    *_group(
        C.CHALLENGES,
        "What is the hardest part of your job?",
        "What is a setback you faced, and what did you learn from it?",
        "What problem is your team trying to solve right now?",
        "What keeps people from doing well in this role?",
        "What frustrates you about the way this work is done today?",
        "How do you handle competing priorities or difficult stakeholders?",
    ),
    *_group(
        C.ADVICE,
        "What advice would you give someone in my position?",
        "What do you wish someone had told you earlier in your career?",
        "What mistakes do you see newcomers to this field make?",
        "Based on what I have told you, where do you think I would fit best?",
        "How would you approach my job search if you were in my shoes?",
        "Is there anything in my background that I should explain or present differently?",
        "What question should I have asked you that I did not?",
    ),
    *_group(
        C.COMPANY,
        "How would you describe the culture of your company?",
        "What kind of person thrives in your team, and who struggles?",
        "How are decisions made, and how much say do people at your level have?",
        "How does your company support learning and growth?",
        "What is the hiring process like, and what do interviewers look for?",
        "What has changed at the company since you joined?",
        "How do people here balance work with the rest of their lives?",
    ),
    *_group(
        C.NEXT_STEPS,
        "Who else should I talk to, and may I mention that you suggested it?",
        "Would you be comfortable introducing me to one of them?",
        "Are there roles or openings coming up that I should watch for?",
        "Which events, groups or communities should I join?",
        "May I keep you updated on how things go?",
        "What is the best way to stay in touch with you?",
        "Is there anything I can help you with in return?",
    ),
)
