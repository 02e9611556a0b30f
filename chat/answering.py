"""Recruiters' questions about one candidate, answered from the current profile (and, for a quote,
the resume's text), before the Q&A bank and passage search get a turn (chat/services.py).

Answers speak about the candidate by name. A yes/no question gets "Yes" or "No" first, then the
evidence as a quote from the resume ("Yes — “Certified Kubernetes Administrator (CKA), 2022”").
Topics every occupation family gets: leadership, team size, years overall and per skill, the most
recent and current employer, past employers, education, certifications, spoken languages, skills,
location, contact details and name. A question none of these patterns recognise, or one in the first person (the candidate asking
about themselves, which the Q&A bank's wording answers), returns None.

Plain functions of the typed profile (analysis/profile.py), so they are tested without a server.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.profile import Experience, Profile, month_label

LEAD_VERB = re.compile(
    r"(?<![a-z])(?:led|lead|leading|managed|manage|managing|supervised|supervising|headed|ran|directed|"
    r"coordinated|oversaw|in charge of)(?![a-z])",
    re.IGNORECASE,
)
PEOPLE = re.compile(
    r"(?<![a-z])(?:team|teams|staff|people|engineers|developers|nurses|agents|designers|associates|"
    r"reports|employees|analysts|teachers|volunteers|crew|workers|members|consultants|accountants|"
    r"recruiters|representatives|operators|technicians|lawyers|paralegals)(?![a-z])",
    re.IGNORECASE,
)
LEAD_TITLE = re.compile(r"(?<![a-z])(?:lead|leader|head|manager|supervisor|director|chief|charge nurse|"
                        r"principal|foreman|team leader|vp|vice president)(?![a-z])", re.IGNORECASE)  # fmt: skip
TEAM_SIZE = re.compile(
    r"(?:team|group|staff|department|unit|crew) of (?:up to |over |about |around )?(\d[\d,]*)|"
    r"(\d[\d,]*)[- ](?:person|people|member|strong)? ?(?:team|staff|engineers|developers|nurses|agents|"
    r"designers|associates|reports|employees|analysts|people|teachers|workers)",
    re.IGNORECASE,
)
CERTIFICATE = re.compile(
    r"certif|licen[cs]|accredit|chartered|(?<![a-z])(?:acls|bls|als|pals|cka|ckad|ccna|cissp|pmp|prince2|"
    r"cpa|acca|cima|cfa|shrm|cipd|cscp|itil|csm|tefl|celta|rn)(?![a-z])",
    re.IGNORECASE,
)
CERT_HEADING = re.compile(r"(?i)(?:licen[cs]es? (?:and|&) )?certifications?(?: (?:and|&) licen[cs]es?)?|certificates|licen[cs]es")
SPOKEN_CATEGORY = re.compile(r"spoken|human lang|^languages?$", re.IGNORECASE)
PROGRAMMING = {
    "python", "java", "javascript", "typescript", "go", "golang", "rust", "c", "c++", "c#", "ruby", "php",
    "kotlin", "swift", "scala", "r", "sql", "bash", "shell", "perl", "haskell", "elixir", "dart", "lua",
    "matlab", "objective-c", "julia", "groovy", "f#", "powershell", "solidity",
}  # fmt: skip
YES_NO = re.compile(r"^\s*(?:does|do|did|is|are|was|has|have|had|can|could|would|will)\b", re.IGNORECASE)
STOP = set(
    "a an and are as at be by can could did do does for from has have he her hers him his how i in is it "
    "its know knows known me my of on or she that the their them they this to was were what when where "
    "which who whom why will with would you your candidate candidates experience experienced any ever "
    "worked work working use used uses using skill skills good strong familiar hands-on level "
    "proficient proficiency expert knowledge skilled".split()
)


@dataclass(frozen=True)
class Reading:
    """The profile and the resume's text, with the helpers every answer needs."""

    profile: Profile
    text: str = ""

    @property
    def name(self) -> str:
        return (self.profile.personal_info.name or "").strip() or "The candidate"

    @property
    def possessive(self) -> str:
        name = self.name
        if name == "The candidate":
            return "The candidate's"
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def jobs(self) -> list[Experience]:
        return [job for job in self.profile.experience if job.role or job.company]

    def lines(self) -> list[str]:
        """The resume's lines (or the profile's descriptions when the text is not at hand)."""
        source = self.text or "\n".join(job.description for job in self.profile.experience)
        return [" ".join(line.strip(" •*-–\t").split()) for line in source.splitlines() if line.strip()]

    def quote(self, term: str) -> str:
        """The resume's line naming `term` (whole word), shortest first; "" when none does."""
        pattern = _term_re(term)
        found = sorted((line for line in self.lines() if pattern.search(line)), key=len)
        return _clip(found[0]) if found else ""

    def section(self, heading: re.Pattern[str]) -> list[str]:
        """The lines under a heading of the resume's text, up to the next heading or blank line."""
        lines = [" ".join(line.strip(" •*-–\t").split()) for line in self.text.splitlines()]
        found: list[str] = []
        inside = False
        for line in lines:
            if heading.fullmatch(line):
                inside = True
                continue
            if inside:
                if not line or (line.isupper() and len(line) < 40):
                    if found:
                        break
                    continue
                found.append(_clip(line))
        return found

    def all_skills(self) -> list[tuple[str, str]]:
        return [(category, skill) for category, items in self.profile.skills.items() for skill in items if skill]


def _term_re(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w+#]){re.escape(term.strip())}(?![\w+#])", re.IGNORECASE)


def _clip(line: str, limit: int = 220) -> str:
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _join(items: list[str]) -> str:
    items = [item for item in items if item]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _years(value: float) -> str:
    rounded = round(value * 2) / 2
    return f"{rounded:g} year" if rounded == 1 else f"{rounded:g} years"


def _role_at(job: Experience) -> str:
    return " at ".join(part for part in (job.role, job.company) if part)


def _period(job: Experience) -> str:
    parts = [month_label(part) for part in (job.start_date, job.end_date) if part]
    return " – ".join(parts)


def _current(job: Experience) -> bool:
    return (job.end_date or "").lower() in {"present", "current", "now"}


# --- the topics -----------------------------------------------------------------------------------


def leadership(r: Reading, _question: str) -> str:
    for job in r.jobs():
        for line in _job_lines(job):
            if LEAD_VERB.search(line) and PEOPLE.search(line):
                return f"Yes — {r.name} has led a team: “{_clip(line)}” ({_role_at(job)})."
    titled = next((job for job in r.jobs() if job.role and LEAD_TITLE.search(job.role)), None)
    if titled:
        return f"Yes — {r.name} held a leading role: {_role_at(titled)}{_paren(_period(titled))}."
    return f"No — the resume does not say that {r.name} has led a team."


def team_size(r: Reading, _question: str) -> str:
    best: tuple[int, str, Experience] | None = None
    for job in r.jobs():
        for line in _job_lines(job):
            for match in TEAM_SIZE.finditer(line):
                size = int((match.group(1) or match.group(2)).replace(",", ""))
                if size < 10000 and (best is None or size > best[0]):
                    best = (size, line, job)
    if best:
        size, line, job = best
        return f"{r.possessive} largest team in the resume is {size} people: “{_clip(line)}” ({_role_at(job)})."
    if leadership(r, "").startswith("Yes"):
        return f"The resume says {r.name} led a team but does not give its size."
    return f"The resume does not say that {r.name} has led a team, nor its size."


def _job_lines(job: Experience) -> list[str]:
    return [" ".join(line.strip(" •*-–\t").split()) for line in (job.description or "").splitlines() if line.strip()]


def _paren(text: str) -> str:
    return f" ({text})" if text else ""


def years_overall(r: Reading, _question: str) -> str:
    total = r.profile.total_years_experience or sum(job.years or 0 for job in r.profile.experience)
    starts = sorted(job.start_date for job in r.profile.experience if job.start_date and re.match(r"\d{4}", job.start_date))
    since = f", since {month_label(starts[0])}" if starts else ""
    if total <= 0:
        return f"The resume does not make {r.possessive} total years of experience clear."
    return f"{r.name} has about {_years(total)} of professional experience{since}."


def years_with(r: Reading, skill: str) -> str:
    pattern = _term_re(skill)
    stem = re.compile(rf"(?<![\w+#]){re.escape(skill.strip()[: max(4, len(skill.strip()) - 3)])}", re.IGNORECASE)
    # The skill named in a job's description, or its stem in the title ("recruiting": "Recruiter").
    using = [job for job in r.jobs() if pattern.search(job.description or "") or stem.search(job.role or "")]
    listed = any(pattern.fullmatch(name) or pattern.search(name) for _, name in r.all_skills())
    if using:
        years = sum(job.years or 0 for job in using)
        roles = "; ".join(f"{_role_at(job)}{_paren(_period(job))}" for job in using)
        amount = f"about {_years(years)}" if years else "an unstated time"
        return f"{r.name} has {amount} with {skill}, in {len(using)} role{'s' if len(using) > 1 else ''}: {roles}."
    if listed:
        return f"The resume lists {skill} among {r.possessive} skills but does not say for how long."
    return f"No — the resume does not mention {skill}."


def most_recent(r: Reading, question: str) -> str:
    jobs = r.jobs()
    if re.search(r"\b(?:before|previous(?:ly)?|earlier|past|prior)\b", question, re.IGNORECASE):
        current = next((job for job in jobs if _current(job)), jobs[0] if jobs else None)
        earlier = [job for job in jobs if job is not current]
        if not earlier:
            return f"The resume lists no earlier job for {r.name}."
        return f"Before that, {r.name} worked as " + "; ".join(
            f"{_role_at(job)}{_paren(_period(job))}" for job in earlier) + "."  # fmt: skip
    if not jobs:
        return f"The resume does not list any work experience for {r.name}."
    current = next((job for job in jobs if _current(job)), None)
    if re.search(r"current|now|present|today", question, re.IGNORECASE) and current:
        return f"{r.name} currently works as {_role_at(current)}{_paren(_period(current))}."
    job = current or jobs[0]
    return f"{r.possessive} most recent job is {_role_at(job)}{_paren(_period(job))}."


def employers(r: Reading, _question: str) -> str:
    names = list(dict.fromkeys(job.company for job in r.jobs() if job.company))
    if not names:
        return f"The resume does not name the employers {r.name} worked for."
    return f"{r.name} has worked at {_join(names)}."


def work_history(r: Reading, _question: str) -> str:
    jobs = r.jobs()
    if not jobs:
        return f"The resume does not list any work experience for {r.name}."
    return f"{r.possessive} experience: " + "; ".join(f"{_role_at(job)}{_paren(_period(job))}" for job in jobs) + "."


def education(r: Reading, _question: str) -> str:
    entries = []
    for item in r.profile.education:
        parts = [part for part in (item.degree, item.institution) if part]
        if parts:
            entries.append(", ".join(parts) + (f" ({item.year})" if item.year else ""))
    if not entries:
        return f"The resume does not list any education for {r.name}."
    return f"{r.name} studied: {'; '.join(entries)}."


def certifications(r: Reading, question: str) -> str:
    names = [skill for category, skill in r.all_skills()
             if re.search(r"certif", category, re.IGNORECASE) or CERTIFICATE.search(skill)]  # fmt: skip
    lines = [line for line in r.lines() if re.search(r"certif|licen[cs]|accredit", line, re.IGNORECASE)
             and not re.fullmatch(r"(?i)certifications?|licen[cs]es?", line)]  # fmt: skip
    asked = _asked_term(r, question, names)
    if YES_NO.search(question) and asked:
        quote = r.quote(asked)
        if quote or any(asked.lower() == name.lower() for name in names):
            return f"Yes — “{quote or asked}”."
        return f"No — the resume does not list {asked} among {r.possessive} certifications."
    listed = r.section(CERT_HEADING)
    covered = " ".join(listed).lower()
    extra = [name for name in names + lines if name.lower() not in covered]
    shown = list(dict.fromkeys(listed + [item for item in extra if not any(item.lower() in other.lower()
                                                                            for other in listed)]))  # fmt: skip
    if not shown:
        return f"No — the resume lists no certifications for {r.name}."
    if YES_NO.search(question):
        return f"Yes — {r.name} lists: {'; '.join(shown[:8])}."
    return f"{r.name} lists these certifications: {'; '.join(shown[:8])}."


def languages(r: Reading, question: str) -> str:
    if re.search(r"programming|coding|code", question, re.IGNORECASE):
        found = [skill for _, skill in r.all_skills() if skill.lower() in PROGRAMMING]
        if not found:
            return f"The resume names no programming languages for {r.name}."
        return f"{r.name} programs in {_join(found)}."
    spoken = [skill for category, skill in r.all_skills()
              if SPOKEN_CATEGORY.search(category) and skill.lower() not in PROGRAMMING]  # fmt: skip
    asked = next((word for word in re.findall(r"[A-Z][a-z]+", question) if word.lower() not in STOP
                  and word not in (r.name.split() + ["Does", "Do", "Is", "Can", "Has", "What", "Which"])), "")  # fmt: skip
    if YES_NO.search(question) and asked:
        if any(asked.lower() == lang.lower() for lang in spoken):
            return f"Yes — the resume lists {asked} among {r.possessive} languages ({_join(spoken)})."
        return f"No — the resume does not list {asked}; it lists {_join(spoken) or 'no languages'}."
    if not spoken:
        return f"The resume lists no spoken languages for {r.name}."
    return f"{r.name} speaks {_join(spoken)}."


def skills(r: Reading, _question: str) -> str:
    names = [skill for category, skill in r.all_skills()
             if not SPOKEN_CATEGORY.search(category) and not re.search(r"certif|soft skill", category, re.I)]  # fmt: skip
    if not names:
        return f"The resume does not list specific skills for {r.name}."
    return f"{r.possessive} listed skills include {_join(names[:10])}."


def location(r: Reading, _question: str) -> str:
    where = r.profile.personal_info.location
    return f"{r.name} is based in {where}." if where else f"The resume does not give a location for {r.name}."


def contact(r: Reading, _question: str) -> str:
    info = r.profile.personal_info
    parts = [f"{label} {value}" for label, value in (("email", info.email), ("phone", info.phone),
                                                      ("LinkedIn", info.linkedin), ("GitHub", info.github)) if value]  # fmt: skip
    return f"{r.possessive} contact details: {'; '.join(parts)}." if parts else f"The resume gives no contact details for {r.name}."


def has_term(r: Reading, question: str) -> str | None:
    """"Does she know Kubernetes?": Yes with the resume's line naming it, or No."""
    term = _asked_term(r, question, [skill for _, skill in r.all_skills()])
    if not term:
        return None
    quote = r.quote(term)
    if quote:
        return f"Yes — “{quote}”."
    listed = next((skill for _, skill in r.all_skills() if skill.lower() == term.lower()), "")
    if listed:
        return f"Yes — the resume lists {listed} among {r.possessive} skills."
    return f"No — the resume does not mention {term}."


def _asked_term(r: Reading, question: str, known: list[str]) -> str:
    """The skill or thing a question asks about: a known one it names, else the words after
    "know", "use", "experience with", "certified in" ...."""
    for skill in sorted(known, key=len, reverse=True):
        if len(skill) > 1 and _term_re(skill).search(question):
            return skill
    match = re.search(
        r"(?:know|knows|use|used|uses|using|worked with|work with|experience (?:with|in|of)|familiar with|"
        r"certified (?:in|as|for)|skilled in|trained in|speak|speaks)\s+(?:a |an |the )?"
        r"(?P<term>[\w+#./ -]{1,40}?)\s*(?:\?|$|\bor\b|\band\b|,)",
        question, re.IGNORECASE,
    )  # fmt: skip
    if not match:
        return ""
    words = [w for w in match.group("term").split() if w.lower() not in STOP]
    return " ".join(words).strip(" .") if 0 < len(words) <= 3 else ""  # a long phrase is for passage search


# --- routing --------------------------------------------------------------------------------------

TOPICS: list[tuple[re.Pattern[str], object]] = [
    (re.compile(r"how (?:big|large)|team size|size of (?:the|her|his|their|a) team|how many (?:people|reports|"
                r"engineers|nurses|staff|employees|agents|designers)|largest team", re.I), team_size),
    (re.compile(r"\b(?:led|lead|leading|leader\w*|managed|manage|supervis\w+|headed)\b.{0,20}\b(?:team|people|"
                r"staff|others|anyone|group)\b|leadership|management experience|people manag\w+|direct reports", re.I), leadership),
    (re.compile(r"certif\w*|licen[cs]\w*|accredit\w*|chartered", re.I), certifications),
    (re.compile(r"\blanguages?\b|\bspeaks?\b|spoken|fluent|bilingual", re.I), languages),
    (re.compile(r"(?:most recent|latest|last|current|present)\b.{0,25}\b(?:job|employer|company|role|position|"
                r"title|work)|where (?:does|do|did|is) .{0,30}\bwork|who (?:does|do|is) .{0,30}work(?:ing)? for|"
                r"current(?:ly)? (?:employ|work)", re.I), most_recent),
    (re.compile(r"(?:which|what) (?:companies|employers|organi[sz]ations)|where has .{0,30} worked|"
                r"previous (?:employers|companies)", re.I), employers),
    (re.compile(r"work history|career history|(?:previous|past|all) (?:jobs|roles|positions)|employment history", re.I), work_history),
    (re.compile(r"educat\w+|degree|stud(?:y|ied)|universit\w+|college|school|qualification\w*|graduat\w+", re.I), education),
    (re.compile(r"contact|e-?mail|phone|reach (?:her|him|them)|linkedin|github", re.I), contact),
    (re.compile(r"where (?:is|does|do) .{0,30}(?:live|based|located|from)|location|\bbased\b", re.I), location),
    (re.compile(r"(?:top|main|key|what|which) skills|skill set|skillset|what (?:can|does) .{0,20} do\b", re.I), skills),
]
FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'm|i've|my|me|mine|myself)(?![\w'])", re.IGNORECASE)
YEARS = re.compile(r"how (?:many|long)\b.{0,40}\b(?:years?|long)|years of|how long", re.IGNORECASE)
YEARS_WITH = re.compile(
    r"(?:years?|long)\b.{0,30}?\b(?:with|of|in|using|doing|working with|working in|as an?|as)\s+(?P<skill>[\w+#./& -]{1,40}?)\s*\??$",
    re.IGNORECASE,
)


def answer(profile: Profile, question: str, *, text: str = "") -> str | None:
    """An answer about the candidate from the profile, or None when the question is not one of
    the topics (the caller then asks the Q&A bank and the resume's passages)."""
    reading = Reading(profile, text)
    question = " ".join(question.split())
    if FIRST_PERSON.search(question):  # the candidate asking about themselves: the Q&A bank's wording
        return None
    if YEARS.search(question):
        match = YEARS_WITH.search(question)
        skill = match.group("skill").strip(" ?.") if match else ""
        own = {part.lower() for part in reading.name.split()}
        words = [w for w in skill.split() if w.lower() not in STOP | own | {"professional", "total", "overall", "work"}]
        if skill.lower().startswith(("experience", "work experience", "professional")):
            words = []
        if words and not re.fullmatch(r"(?i)(?:experience|the field|this field|industry|total|overall)", " ".join(words)):
            return years_with(reading, " ".join(words))
        return years_overall(reading, question)
    for pattern, topic in TOPICS:
        if pattern.search(question):
            return topic(reading, question)
    if YES_NO.search(question):
        return has_term(reading, question)
    return None
