"""The closed vocabularies of the domain, with their stored values and display labels."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members also carry a human label (English; the UI translates)."""

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, value: str | None, default: LabelledEnum | None = None):
        """Accepts a stored value or a label in any case; unknown text gives `default`."""
        if value is None:
            return default
        text = str(value).strip().lower().replace("-", "_").replace(" ", "_").replace("&", "and")
        for member in cls:
            if text in (member.value, member.label.lower().replace(" ", "_").replace("&", "and")):
                return member
        return default


class ChatStatus(LabelledEnum):
    IDEA = "idea"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    HELD = "held"
    WRAPPED_UP = "wrapped_up"
    THANKED = "thanked"
    NO_REPLY = "no_reply"
    CANCELLED = "cancelled"


class WizardStage(LabelledEnum):
    PREP = "prep"
    LIVE = "live"
    WRAP_UP = "wrap_up"


STAGE_OF_STATUS = {
    ChatStatus.IDEA: WizardStage.PREP,
    ChatStatus.REQUESTED: WizardStage.PREP,
    ChatStatus.SCHEDULED: WizardStage.PREP,
    ChatStatus.NO_REPLY: WizardStage.PREP,
    ChatStatus.CANCELLED: WizardStage.PREP,
    ChatStatus.IN_PROGRESS: WizardStage.LIVE,
    ChatStatus.HELD: WizardStage.WRAP_UP,
    ChatStatus.WRAPPED_UP: WizardStage.WRAP_UP,
    ChatStatus.THANKED: WizardStage.WRAP_UP,
}


class Medium(LabelledEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"


class Source(LabelledEnum):
    LINKEDIN = "linkedin"
    EVENT = "event"
    ASSOCIATION = "association"
    ALUMNI = "alumni"
    REFERRAL = "referral"
    OTHER = "other"


class QuestionCategory(LabelledEnum):
    CAREER_PATH = "career_path"
    DAY_TO_DAY = "day_to_day"
    SKILLS = "skills"
    INDUSTRY = "industry"
    CHALLENGES = "challenges"
    ADVICE = "advice"
    COMPANY = "company"
    NEXT_STEPS = "next_steps"


class NoteKind(LabelledEnum):
    NOTE = "note"
    QUOTE = "quote"
    INSIGHT = "insight"
    LEAD = "lead"
    REFERRAL = "referral"
    PROMISE = "promise"


class InsightKind(LabelledEnum):
    SKILL = "skill"
    CAREER_PATH = "career_path"
    TREND = "trend"
    ADVICE = "advice"
    JOB_LEAD = "job_lead"
    COMPANY = "company"


class FollowUpKind(LabelledEnum):
    THANK_YOU = "thank_you"
    NUDGE = "nudge"
    UPDATE = "update"
    CHECK_IN = "check_in"
    INTRODUCTION = "introduction"
    PROMISE = "promise"


class InteractionKind(LabelledEnum):
    EMAIL = "email"
    CALL = "call"
    MESSAGE = "message"
    MET = "met"


_LABELS: dict[object, str] = {
    ChatStatus.IN_PROGRESS: "In progress",
    ChatStatus.WRAPPED_UP: "Wrapped up",
    ChatStatus.NO_REPLY: "No reply",
    WizardStage.WRAP_UP: "Wrap-up",
    WizardStage.LIVE: "Live notes",
    Medium.IN_PERSON: "In person",
    Source.LINKEDIN: "LinkedIn",
    QuestionCategory.CAREER_PATH: "Career path",
    QuestionCategory.DAY_TO_DAY: "Day-to-day",
    QuestionCategory.INDUSTRY: "Industry & trends",
    QuestionCategory.COMPANY: "Company & culture",
    QuestionCategory.NEXT_STEPS: "Next steps & referrals",
    InsightKind.CAREER_PATH: "Career path",
    InsightKind.JOB_LEAD: "Job lead",
    FollowUpKind.THANK_YOU: "Thank-you",
    FollowUpKind.CHECK_IN: "Check-in",
    InteractionKind.EMAIL: "E-mail",
}
