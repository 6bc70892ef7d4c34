"""The sample people, companies and words of the demo database (`desktop.services.demo`).

Everyone and everything here is invented: companies use `.example` domains, which can
never belong to anyone. Names come from several scripts and traditions on purpose, so the
demo shows at once how the app handles Ł, Vietnamese tones, Chinese and Korean.
CJK names are kept whole in `first` (family name first, as written), so they display as
their owners write them.
"""

from __future__ import annotations

# name, industry, website, notes
COMPANIES = [
    ("Northwind Analytics", "Data & analytics", "https://northwind-analytics.example",
     "Consultancy building forecasting models for retailers; offices in Singapore, "
     "Bengaluru and London. Hiring analysts who can explain models to buyers."),
    ("Blue Heron Health", "Healthcare", "https://blueheron.example",
     "Network of community clinics; moving records to a new system this year."),
    ("Kestrel Robotics", "Robotics", "https://kestrel-robotics.example",
     "Warehouse picking robots. Series B last spring; plant in Monterrey."),
    ("Lantern Learning", "Education technology", "https://lanternlearning.example",
     "Online courses for adult learners; small team, remote-first."),
    ("Saltmarsh Energy", "Renewable energy", "https://saltmarsh.example",
     "Offshore wind developer; three projects in permitting."),
    ("Copperleaf Bank", "Financial services", "https://copperleaf.example",
     "Mid-size retail bank; new digital-banking unit in Mumbai."),
    ("Orbital Foods", "Food & beverage", "https://orbitalfoods.example",
     "Plant-based snacks sold in 14 countries; marketing team in Madrid."),
    ("Vistula Software House", "Software", "https://vistula.example",
     "Product studio in Kraków, about 300 people; strong engineering culture."),
    ("Mekong Design Studio", "Design", "https://mekong-design.example",
     "Service-design agency in Ho Chi Minh City working with banks and airlines."),
    ("Jade Harbor Logistics", "Logistics", "https://jadeharbor.example",
     "Freight forwarder in Taipei; automating customs paperwork."),
    ("Hangang Bio", "Biotechnology", "https://hangangbio.example",
     "Antibody research start-up in Seoul, spun out of a university lab."),
    ("Ìlú Payments", "Fintech", "https://ilu-payments.example",
     "Payments for small merchants across West Africa; HQ in Lagos."),
]

# key, first, last, role, company (index or None), location, source, tags, cadence_days,
# referred_by (key or None), e-mails [(value, label)], phones [(value, label)]
CONTACTS = [
    ("lukasz", "Łukasz", "Wiśniewski", "Engineering Manager", 7, "Kraków, Poland", "event",
     ["mentor", "engineering"], 60, None,
     [("lukasz.wisniewski@vistula.example", "work"), ("lukasz.w@mail.example", "personal")],
     [("+48 512 345 678", "mobile")]),
    ("agnieszka", "Agnieszka", "Zielińska", "Senior Product Designer", 7, "Kraków, Poland",
     "referral", ["design"], None, "lukasz",
     [("a.zielinska@vistula.example", "work")], []),
    # Vietnamese names as she and Đức write them in Latin-order contexts (their e-mail
    # addresses, LinkedIn): the given name first, so drafts greet "Hi Lan," as people do;
    # stored family-first ("Nguyễn Thị" / "Lan") the thank-you greeted "Hi Nguyễn Thị,".
    ("lan", "Lan", "Nguyễn", "UX Research Lead", 8, "Ho Chi Minh City, Vietnam",
     "linkedin", ["design", "research"], None, None,
     [("lan.nguyen@mekong-design.example", "work")], [("+84 90 123 4567", "mobile")]),
    ("duc", "Đức", "Trần", "Creative Director", 8, "Ho Chi Minh City, Vietnam",
     "referral", ["design"], None, "lan", [("duc.tran@mekong-design.example", "work")], []),
    ("wangfang", "王芳", "", "Senior Data Scientist", 0, "Singapore", "alumni",
     ["data", "alumni"], 90, None,
     [("fang.wang@northwind-analytics.example", "work"), ("wangfang@mail.example", "personal")],
     [("+65 8123 4567", "mobile"), ("+65 6123 4000", "work")]),
    ("chen", "陳志明", "", "Director of Operations", 9, "Taipei, Taiwan", "association",
     ["logistics"], 120, None, [("chen.zhiming@jadeharbor.example", "work")],
     [("+886 2 2345 6789", "work")]),
    ("seoyeon", "김서연", "", "Research Scientist", 10, "Seoul, South Korea", "alumni",
     ["research", "alumni"], None, None, [("seoyeon.kim@hangangbio.example", "work")], []),
    ("jihoon", "박지훈", "", "Business Development Manager", 10, "Seoul, South Korea",
     "referral", ["warm intro"], None, "seoyeon", [("jihoon.park@hangangbio.example", "work")],
     []),
    ("chinedu", "Chinedu", "Okafor", "Chief Technology Officer", 11, "Lagos, Nigeria", "event",
     ["fintech", "hiring manager"], 45, None, [("chinedu@ilu-payments.example", "work")],
     [("+234 803 123 4567", "mobile")]),
    ("ngozi", "Ngozi", "Adeyemi", "Head of Product", 11, "Lagos, Nigeria", "referral",
     ["fintech", "product"], None, "chinedu", [("ngozi@ilu-payments.example", "work")], []),
    ("seun", "Oluwaseun", "Bello", "Project Engineer", 4, "Aberdeen, United Kingdom",
     "linkedin", ["climate"], None, None, [("seun.bello@saltmarsh.example", "work")], []),
    ("priya", "Priya", "Raghavan", "Analytics Manager", 0, "Bengaluru, India", "linkedin",
     ["data", "hiring manager"], None, None,
     [("priya.raghavan@northwind-analytics.example", "work")], [("+91 98450 12345", "mobile")]),
    ("arjun", "Arjun", "Mehta", "Risk Analyst", 5, "Mumbai, India", "referral", ["data"], None,
     "priya", [("arjun.mehta@copperleaf.example", "work")], []),
    ("ananya", "Ananya", "Iyer", "Learning Experience Designer", 3, "Pune, India", "alumni",
     ["alumni", "design"], 60, None, [("ananya@lanternlearning.example", "work")], []),
    ("sofia", "Sofía", "Hernández", "Brand Manager", 6, "Madrid, Spain", "event",
     ["product"], None, None, [("sofia.hernandez@orbitalfoods.example", "work")],
     [("+34 612 345 678", "mobile")]),
    ("alejandro", "Alejandro", "Ruiz", "Mechanical Engineer", 2, "Monterrey, Mexico",
     "association", ["engineering"], None, None,
     [("alejandro.ruiz@kestrel-robotics.example", "work")], []),
    ("lucia", "Lucía", "Fernández", "Clinical Operations Lead", 1, "Seville, Spain", "other",
     ["healthcare"], None, None, [("lucia.fernandez@blueheron.example", "work")], []),
    ("mateo", "Mateo", "García", "Policy Analyst", 4, "Bilbao, Spain", "association",
     ["climate", "mentor"], 30, None, [("mateo.garcia@saltmarsh.example", "work")], []),
    ("emily", "Emily", "Carter", "Nurse Informaticist", 1, "Portland, Oregon", "event",
     ["healthcare"], None, None, [("emily.carter@blueheron.example", "work")],
     [("+1 503 555 0142", "mobile")]),
    ("james", "James", "O'Connor", "VP of Strategy", 5, "Dublin, Ireland", "alumni",
     ["alumni", "mentor"], 90, None,
     [("james.oconnor@copperleaf.example", "work"), ("jim.oc@mail.example", "personal")],
     [("+353 87 123 4567", "mobile")]),
    ("sarah", "Sarah", "Mitchell", "Head of Content", 3, "Toronto, Canada", "linkedin",
     ["product"], None, None, [("sarah@lanternlearning.example", "work")], []),
    ("michael", "Michael", "Brooks", "Hardware Product Manager", 2, "Pittsburgh, Pennsylvania",
     "referral", ["product", "engineering"], None, "alejandro",
     [("m.brooks@kestrel-robotics.example", "work")], []),
    ("hannah", "Hannah", "Lee", "Talent Partner", 0, "London, United Kingdom", "referral",
     ["hiring manager"], None, "priya", [("hannah.lee@northwind-analytics.example", "work")],
     []),
    ("david", "David", "Kim", "Supply Chain Analyst", 6, "Chicago, Illinois", "linkedin",
     ["logistics"], None, None, [("david.kim@orbitalfoods.example", "work")], []),
    ("rachel", "Rachel", "Adler", "Freelance UX Consultant", None, "Berlin, Germany", "event",
     ["design", "warm intro"], None, None, [("hello@racheladler.example", "work")],
     [("+49 151 2345 6789", "mobile")]),
    ("zofia", "Zofia", "Nowak", "Data Engineer", 7, "Warsaw, Poland", "alumni",
     ["alumni", "data"], 60, None, [("zofia.nowak@vistula.example", "work")], []),
    ("olivia", "Olivia", "Bennett", "HR Business Partner", 4, "Edinburgh, United Kingdom",
     "referral", ["hiring manager", "climate"], None, "mateo",
     [("olivia.bennett@saltmarsh.example", "work")], []),
    ("kwame", "Kwame", "Mensah", "Programme Manager", None, "Accra, Ghana", "other",
     ["climate"], None, None, [("kwame.mensah@mail.example", "personal")], []),
]

# name, my note on fit, contacts whose chats informed it
CAREER_PATHS = [
    ("UX research in product companies",
     "Best fit so far: close to teaching (planning, listening, explaining). Need a portfolio.",
     ["lan", "lukasz", "sofia", "wangfang"]),
    ("Service design", "Interesting, but agencies want design skills I lack.", ["chen"]),
    ("Learning experience design", "A natural bridge from teaching; lower pay.", ["ananya"]),
]
# company, role, contact key, career path: the job-lead insight that became a tracked lead
TRACKED_LEAD = ("Orbital Foods", "Consumer-insights coordinator", "sofia",
                "UX research in product companies")

TAG_CADENCES = {"mentor": 30, "hiring manager": 45}

PROFILE = {
    "name": "Alex Rivera",
    "email": "alex.rivera@mail.example",
    "signature": "Best wishes,\nAlex Rivera\nalex.rivera@mail.example",
    "pitch": "I spent six years as a secondary-school science teacher and I am moving into "
             "user research: I have run two volunteer usability studies and finished a "
             "certificate in research methods.",
    "goals": "Land a junior UX research role by the end of the year; learn how research "
             "teams work in product companies; find two mentors.",
}

# (key of a built-in question, the text to use when the bank lacks it)
CHAT_ONE_QUESTIONS = [
    ("builtin.career_path.01", "How did you get into this line of work?"),
    ("builtin.career_path.04", "If you started over today, what would you do differently?"),
    ("builtin.day_to_day.01", "What does a typical week look like for you?"),
    ("builtin.day_to_day.06", "How is success in your role measured?"),
    ("builtin.skills.01", "Which skills matter most for doing this job well?"),
    ("builtin.industry.02", "Which trends will change this kind of work over the next five years?"),
    ("builtin.challenges.01", "What is the hardest part of your job?"),
    ("builtin.company.02", "What kind of person thrives in your team, and who struggles?"),
    ("builtin.advice.04", "Based on what I have told you, where do you think I would fit best?"),
    ("builtin.next_steps.01",
     "Who else should I talk to, and may I mention that you suggested it?"),
]

OWN_QUESTIONS = [
    "How do you recruit participants for studies in Vietnam and abroad?",
    "What does a good research plan look like at Mekong?",
]

SHORT_QUESTIONS = [
    ("builtin.career_path.02",
     "What did your path look like from your first job to the role you have now?"),
    ("builtin.day_to_day.02", "Which parts of your day give you the most energy?"),
    ("builtin.challenges.03", "What problem is your team trying to solve right now?"),
    ("builtin.advice.01", "What advice would you give someone in my position?"),
    ("builtin.next_steps.03", "Are there roles or openings coming up that I should watch for?"),
]

# Words for the synthetic contacts of `--contacts N` (benchmarks).
SYNTH_FIRST = ["Anna", "Ben", "Carla", "Dev", "Elif", "Farah", "Gabriel", "Hiroshi", "Ines",
               "Jonas", "Kemi", "Leila", "Marek", "Nadia", "Omar", "Paula", "Quang", "Rosa",
               "Sanjay", "Tamar", "Uche", "Vera", "Wojciech", "Xin", "Yusuf", "Zainab",
               "Aiko", "Bogdan", "Chloé", "Diego", "Émile", "Fatima", "Grzegorz", "Hoa"]
SYNTH_LAST = ["Abara", "Bauer", "Costa", "Dąbrowski", "Eze", "Fischer", "Gomez", "Haddad",
              "Ito", "Jansen", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Olsen",
              "Patel", "Quispe", "Rossi", "Singh", "Tanaka", "Usman", "Varga", "Walker",
              "Xu", "Yılmaz", "Zhou", "Phạm", "Lê", "Osei", "Ferreira", "Novak", "Reyes"]
SYNTH_COMPANY_A = ["Bright", "North", "Silver", "Green", "Blue", "Iron", "Clear", "Red",
                   "Oak", "Stone", "Swift", "High", "Cedar", "Maple", "River", "Summit"]
SYNTH_COMPANY_B = ["field", "water", "stack", "point", "bridge", "line", "works", "path",
                   "light", "gate", "wave", "forge", "leaf", "peak", "harbor", "grid"]
SYNTH_COMPANY_C = ["Labs", "Systems", "Partners", "Health", "Energy", "Logistics", "Studio",
                   "Analytics", "Foods", "Robotics", "Finance", "Learning"]
SYNTH_ROLES = ["Software Engineer", "Product Manager", "Data Analyst", "UX Designer",
               "Account Executive", "Operations Lead", "Research Scientist", "Recruiter",
               "Marketing Manager", "Project Engineer", "Policy Advisor", "Consultant"]
SYNTH_TAGS = ["alumni", "mentor", "data", "design", "product", "climate", "fintech",
              "hiring manager", "warm intro", "engineering"]
SYNTH_NOTES = [
    "Spends most mornings on customer calls.",
    "Team is small; everyone does some research.",
    "Recommends learning SQL before applying.",
    "Hiring picks up after the budget in March.",
    "Suggested I talk to someone in their platform team.",
    "Said a portfolio with one deep case study beats five shallow ones.",
]
SYNTH_CITIES = ["London", "Lagos", "Kraków", "Seoul", "Taipei", "Madrid", "Toronto", "Pune",
                "Hanoi", "Berlin", "Nairobi", "Lisbon", "Chicago", "Singapore"]
