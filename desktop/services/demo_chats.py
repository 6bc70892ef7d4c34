"""The demo's chats, one dict each (read by `desktop.services.demo`).

Times are relative: `day` is days from today (negative: past) at `hour`; `ago_hours`
puts the start that many hours before now (so a thank-you due "in 18 hours" always is).
`questions` are (key of a built-in question, text if the bank lacks it) or plain texts,
the first `asked` of them ticked; `notes` are (minute into the chat, kind, text);
`follow_ups` are (kind, due in days from today, text, done).
The list order is the id order: chat 1 is the scheduled chat with Lan.
"""

from __future__ import annotations

from desktop.services.demo_data import CHAT_ONE_QUESTIONS, OWN_QUESTIONS, SHORT_QUESTIONS

SQL_SKILL = "SQL: pull your own data instead of waiting for an analyst"

CHATS: list[dict] = [
    {
        "contact": "lan", "status": "scheduled", "day": 2, "hour": 10, "minutes": 30,
        "medium": "video", "place": "https://meet.example/lan-ux-research",
        "tz": "Asia/Ho_Chi_Minh",
        "goal": "Understand how a research lead at an agency splits time between clients, "
                "and whether agency work is a good first step for a career changer.",
        "research": "Lan leads a team of four researchers at Mekong Design Studio.\n"
                    "Spoke at UX Vietnam last year on diary studies with bank customers.\n"
                    "Studied psychology in Hanoi; worked in market research before design.",
        "request": "Hi Lan, I loved your talk on diary studies. I am a teacher moving into UX "
                   "research; would you have 30 minutes for a video call in the next weeks?",
        "questions": [*CHAT_ONE_QUESTIONS, *OWN_QUESTIONS],
    },
    {
        "contact": "chinedu", "status": "scheduled", "day": 5, "hour": 14, "minutes": 45,
        "medium": "in_person", "place": "Café Neo, Victoria Island, Lagos",
        "goal": "Learn how Ìlú Payments does user research with market traders.",
        "questions": SHORT_QUESTIONS,
    },
    {
        "contact": "priya", "status": "requested",
        "goal": "Hear how analytics teams use qualitative research.",
        "request": "Hi Priya, Hannah Lee suggested I reach out. Could we talk for 20 minutes?",
        "follow_ups": [("nudge", 3, "Nudge Priya if there is no reply", False)],
    },
    {
        "contact": "seoyeon", "status": "idea",
        "goal": "Ask about research roles that bridge science and product.",
    },
    {
        "contact": "lukasz", "status": "in_progress", "minutes": 30, "medium": "video",
        "place": "https://meet.example/lukasz", "tz": "Europe/Warsaw",
        "goal": "Find out how Vistula's product teams work with researchers.",
        "questions": SHORT_QUESTIONS, "asked": 2,
        "answers": {0: "Developer, then tech lead, then manager after 6 years.",
                    1: "Energy from 1:1s; drained by status meetings."},
        "notes": [
            (2, "note", "Teams of 6–8 with a designer; research is shared across teams."),
            (6, "quote", "“The best researchers I know were teachers first.”"),
            (9, "insight", "Researchers there sit with the product trio, not in a central team."),
        ],
    },
    {
        "contact": "sofia", "status": "held", "ago_hours": 6, "minutes": 40,
        "medium": "in_person", "place": "Café Comercial, Madrid",
        "goal": "Learn how brand teams use consumer research.",
        "questions": SHORT_QUESTIONS, "asked": 5,
        "answers": {0: "Started in sales, moved to brand after an MBA.",
                    3: "Learn to present findings as decisions, not data."},
        "notes": [
            (3, "note", "Runs two rounds of concept tests per launch."),
            (8, "quote", "“Nobody reads the deck; they remember the one video clip.”"),
            (14, "insight", "Qualitative research is bought from agencies; in-house team of 2."),
            (19, "lead", "A consumer-insights coordinator role opens in June (not advertised)."),
            (25, "referral", "Offered to introduce me to Lucía Fernández at Blue Heron."),
            (31, "promise", "I send her the article on diary studies I mentioned."),
        ],
        "takeaways": "Brand research is mostly bought in; the in-house role is about framing "
                     "questions and turning findings into decisions. A coordinator role "
                     "opens in June.",
        "insights": [
            ("skill", "Storytelling: present findings as decisions, with one strong clip"),
            ("job_lead", "Orbital Foods: consumer-insights coordinator, opens in June"),
            ("company", "Orbital Foods buys most research from agencies"),
            ("skill", SQL_SKILL),
        ],
        "follow_ups": [
            ("thank_you", 0, "Thank Sofía; mention the one-clip rule", False),
            ("introduction", 3, "Ask Sofía for the introduction to Lucía", False),
            ("promise", 1, "Send the diary-studies article", False),
        ],
    },
    {
        "contact": "emily", "status": "held", "day": -3, "hour": 17, "minutes": 30,
        "medium": "phone", "goal": "Understand research in clinical settings.",
        "questions": SHORT_QUESTIONS[:3], "asked": 3,
        "notes": [(5, "note", "Research goes through an ethics review; plan 6 weeks for it.")],
        "takeaways": "Health research is slower and regulated; patience is a skill.",
        "insights": [("advice", "Volunteer on a clinic's patient-experience survey first")],
        "follow_ups": [("thank_you", -2, "Thank Emily for the call", False)],
    },
    {
        "contact": "chen", "status": "wrapped_up", "ago_hours": 22, "minutes": 30,
        "medium": "video", "tz": "Asia/Taipei",
        "goal": "See how operations teams find problems worth researching.",
        "questions": SHORT_QUESTIONS, "asked": 4,
        "notes": [
            (4, "insight", "Customs paperwork is where automation pays back first."),
            (12, "promise", "He will send me their process map; I review it."),
        ],
        "takeaways": "Operations research = shadowing people at work; very close to UX.",
        "insights": [
            ("career_path", "Service design in operations-heavy companies"),
            ("trend", "Automation of paperwork-heavy processes in logistics"),
            ("skill", SQL_SKILL),
        ],
        "follow_ups": [
            ("thank_you", 0, "Thank 志明 for the process map offer", False),
            ("promise", 7, "Send comments on the process map", False),
        ],
    },
    {
        "contact": "james", "status": "thanked", "day": -21, "hour": 12, "minutes": 30,
        "medium": "in_person", "place": "The Fumbally, Dublin",
        "goal": "Ask how strategy teams use research.",
        "questions": SHORT_QUESTIONS, "asked": 5,
        "notes": [(10, "note", "Strategy hires people who can interview executives well.")],
        "takeaways": "Interviewing skills transfer to strategy; consider banks' digital units.",
        "thank_you": "Dear James, thank you for lunch and for the advice on banks' digital "
                     "units — I have started reading about Copperleaf's Mumbai team.",
        "insights": [("career_path", "Research roles in banks' digital units")],
        "follow_ups": [
            ("thank_you", -20, "Thank James", True),
            ("check_in", 0, "Tell James how the bank applications went", False),
        ],
    },
    {
        "contact": "ananya", "status": "thanked", "day": -60, "hour": 9, "minutes": 30,
        "medium": "video", "goal": "Compare learning design with UX research.",
        "takeaways": "Learning design is UX for courses; my teaching counts as experience.",
        "thank_you": "Dear Ananya, thank you for showing me your course-testing setup.",
        "insights": [
            ("career_path", "Learning experience design as a bridge from teaching"),
            ("advice", "Write case studies that start with the learner's problem"),
        ],
        "follow_ups": [
            ("check_in", -5, "Send Ananya my first case study", False),
            ("update", 14, "Update Ananya on the portfolio", False),
        ],
    },
    {
        "contact": "michael", "status": "no_reply", "goal": "Learn about hardware research.",
        "request": "Hi Michael, Alejandro suggested I contact you about research on robots "
                   "in warehouses. Would you have 20 minutes?",
        "follow_ups": [("nudge", -2, "Nudge Michael once, politely", False)],
    },
    {
        "contact": "david", "status": "cancelled", "day": -7, "hour": 15,
        "goal": "Supply-chain research (he had to cancel; moved to a new team).",
    },
    {
        "contact": "wangfang", "status": "thanked", "day": -120, "hour": 8, "minutes": 45,
        "medium": "video", "tz": "Asia/Singapore",
        "goal": "Understand how data science and research work together.",
        "takeaways": "Mixed-methods researchers are rare and wanted.",
        "thank_you": "Dear 王芳, thank you for the time and the reading list.",
        "insights": [
            ("trend", "Mixed-methods research is in demand in analytics firms"),
            ("skill", SQL_SKILL),
            ("job_lead", "Northwind Analytics may open a mixed-methods role next year"),
        ],
        "follow_ups": [("thank_you", -119, "Thank 王芳", True)],
    },
    {
        "contact": "mateo", "status": "thanked", "day": -50, "hour": 18, "minutes": 30,
        "medium": "phone", "goal": "Policy research versus user research.",
        "takeaways": "Policy work wants writing samples; a research blog would help.",
        "thank_you": "Dear Mateo, thank you for the call and the policy reading list.",
        "insights": [
            ("advice", "Start a small research blog to show writing"),
            ("company", "Saltmarsh Energy runs community consultations before every project"),
            ("skill", SQL_SKILL),
        ],
        "follow_ups": [("thank_you", -49, "Thank Mateo", True)],
    },
]
