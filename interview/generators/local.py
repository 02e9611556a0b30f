"""Offline question generation from the family banks (families.py) and the candidate's own facts.

Questions: each slot of a pattern takes only a fitting fact (a tool of the family's practice, an
employer and title from the resume, a certificate of the field); each competency is asked once
per set while others are left; a job description's required skills are asked about first.

Answers (candidate mode) are either grounded or a guide, never invented:
- grounded: the resume's own achievement sentence(s) for the competency, in the first person, with
  the title, employer and years as written ("As Charge Nurse at Manchester Royal Infirmary (since
  2021), I led a team of 6 nurses ..."). Nothing else is added, so every number and name in it is
  the resume's.
- guide: when the resume has no fact for the question, "A strong answer would show ..." with what
  the competency needs and a pointer to the part of the resume to draw on.
No two answers in a set are the same (an achievement is cited once per set) and there is no
closing phrase. Interviewer mode returns the same questions to ask, each with what to listen for,
follow-ups, the resume line to verify against, and flags (gaps, short stays, missing skills).

Everything random flows from one seed, so a set can be reproduced."""

import random
import re
from collections import Counter
from dataclasses import dataclass

from interview.generators.facts import ACTION_VERBS, Experience, Facts, mentions, resume_flags
from interview.generators.families import (
    BEHAVIORAL,
    PROBLEM_SOLVING,
    SITUATIONAL,
    TECHNICAL,
    Competency,
)
from interview.generators.types import GeneratedQuestion, NotEnoughMaterial

CATEGORIES = (TECHNICAL, BEHAVIORAL, SITUATIONAL, PROBLEM_SOLVING)
DIFFICULTIES = ("Easy", "Medium", "Hard")
CANDIDATE, INTERVIEWER = "candidate", "interviewer"
MODES = (CANDIDATE, INTERVIEWER)
GROUNDED, GUIDE = "grounded", "guide"
CATEGORY_WEIGHTS = {TECHNICAL: 0.4, BEHAVIORAL: 0.25, SITUATIONAL: 0.15, PROBLEM_SOLVING: 0.2}
DIFFICULTY_WEIGHTS = {
    "junior": {"Easy": 0.5, "Medium": 0.4, "Hard": 0.1},
    "mid": {"Easy": 0.3, "Medium": 0.5, "Hard": 0.2},
    "senior": {"Easy": 0.15, "Medium": 0.45, "Hard": 0.4},
    "lead": {"Easy": 0.1, "Medium": 0.35, "Hard": 0.55},
}
NONE_DIFFERS = "No other fact in the resume answers this question; the answer is unchanged."


def apportion(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Largest-remainder split of `total` by `weights` (keeps the dict's order on ties)."""
    exact = {key: total * weight for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    by_remainder = sorted(weights, key=lambda key: exact[key] - counts[key], reverse=True)
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def plan_slots(total: int, seniority: str, rng: random.Random) -> list[tuple[str, str]]:
    categories = apportion(total, CATEGORY_WEIGHTS)
    if total >= len(CATEGORIES):
        for category in CATEGORIES:
            if categories[category] == 0:
                categories[max(categories, key=categories.get)] -= 1
                categories[category] = 1
    difficulties = [d for d, n in apportion(total, DIFFICULTY_WEIGHTS[seniority]).items() for _ in range(n)]
    rng.shuffle(difficulties)
    ordered = [c for c in CATEGORIES for _ in range(categories[c])]
    return list(zip(ordered, difficulties, strict=True))


def nearest_difficulty(wanted: str, allowed: tuple[str, ...]) -> str:
    if wanted in allowed:
        return wanted
    return min(allowed, key=lambda d: abs(DIFFICULTIES.index(d) - DIFFICULTIES.index(wanted)))


# --- binding facts to a pattern -------------------------------------------------------------------


@dataclass
class Draft:
    competency: Competency | None
    pattern: str
    values: dict[str, str]
    text: str
    category: str
    difficulties: tuple[str, ...]
    flags: list[dict]


class SetBuilder:
    """Fills patterns for one set, spreading tools and employers and never repeating a question."""

    def __init__(self, facts: Facts, rng: random.Random) -> None:
        self.facts, self.rng = facts, rng
        self.competency_uses: Counter[str] = Counter()
        self.pattern_uses: Counter[str] = Counter()
        self.tool_uses: Counter[str] = Counter()
        self.company_uses: Counter[str] = Counter()
        self.texts: set[str] = set()

    def _least_used(self, items: list, uses: Counter, key=lambda item: item):
        lowest = min(uses[key(item)] for item in items)
        return self.rng.choice([item for item in items if uses[key(item)] == lowest][:6])

    def bind(self, competency: Competency, pattern: str) -> dict[str, str] | None:
        facts, needs = self.facts, competency.slots(pattern)
        values = {"target_role": facts.target_role, "target_company": facts.target_company,
                  "people": facts.bank.people, "as_target": f" as {facts.target_role}" if facts.has_target_role else ""}  # fmt: skip
        if needs & {"company", "role"}:
            jobs = [e for e in facts.experiences
                    if (e.company or "company" not in needs) and (e.role or "role" not in needs)]  # fmt: skip
            if not jobs:
                return None
            showing = [e for e in jobs if any(competency.evidence.search(h) for h in e.highlights)]
            job = self._least_used(showing or jobs, self.company_uses, key=lambda e: e.company)
            values.update(company=job.company, role=job.role)
        if needs & {"tool", "tool2"}:
            tools = facts.tools
            if not tools or ("tool2" in needs and len(tools) < 2):
                return None
            values["tool"] = self._least_used(tools[:8], self.tool_uses)
            if "tool2" in needs:
                values["tool2"] = self.rng.choice([t for t in tools[:8] if t != values["tool"]])
        if "certification" in needs:
            if not facts.field_certifications:
                return None
            values["certification"] = self.rng.choice(facts.field_certifications)
        return values

    def _candidates(self, category: str, difficulty: str) -> list[tuple[Competency, str]]:
        def rank(item: tuple[Competency, str]) -> tuple:
            competency, pattern = item
            return (
                competency.category != category,
                difficulty not in competency.difficulties,
                self.competency_uses[competency.key],
                self.pattern_uses[pattern],
                self.rng.random(),
            )

        titles = self.facts.titles
        highlights = tuple(h for job in self.facts.experiences for h in job.highlights)
        pairs = [(c, p) for c in self.facts.bank.competencies if c.suits(titles, highlights) for p in c.questions]
        return sorted(pairs, key=rank)

    def question(self, category: str, difficulty: str) -> Draft:
        for competency, pattern in self._candidates(category, difficulty):
            for _ in range(3):
                values = self.bind(competency, pattern)
                if values is None:
                    break
                text = pattern.format_map(values)
                if text.lower() not in self.texts:
                    self._remember(competency, pattern, values, text)
                    return Draft(competency, pattern, values, text, competency.category,
                                 competency.difficulties, [])  # fmt: skip
        raise NotEnoughMaterial(len(self.texts))

    def _remember(self, competency: Competency | None, pattern: str, values: dict[str, str], text: str) -> None:
        self.texts.add(text.lower())
        self.pattern_uses[pattern] += 1
        if competency:
            self.competency_uses[competency.key] += 1
        if "tool" in values:
            self.tool_uses[values["tool"]] += 1
        if "company" in values:
            self.company_uses[values["company"]] += 1

    def probe(self, flag: dict) -> Draft | None:
        """A question about a flag of the resume (a gap, a short stay, a missing required skill)."""
        kind = flag["kind"]
        if kind == "gap":
            text = f"Your resume shows {flag['text'][0].lower()}{flag['text'][1:]}. What were you doing then?"
            category, difficulties = BEHAVIORAL, ("Easy",)
        elif kind == "short_tenure":
            text = f"You were at {flag.get('company') or 'one employer'} for a short time ({flag['text']}). What made you move on?"
            category, difficulties = BEHAVIORAL, ("Medium",)
        else:
            text = f"The role needs {flag['skill']}. What experience do you have with it, and how would you close the gap?"
            category, difficulties = TECHNICAL, ("Medium",)
        if text.lower() in self.texts:
            return None
        self._remember(None, text, {}, text)
        return Draft(None, text, {}, text, category, difficulties, [flag])


# --- answers --------------------------------------------------------------------------------------


def first_person(sentence: str) -> str:
    """"Led a team of 6" -> "I led a team of 6"; a sentence that does not open with a verb is
    quoted as "my work included ..."."""
    first = sentence.split(" ", 1)[0]
    clause = sentence[0].lower() + sentence[1:] if sentence[1:2].islower() or first.lower() in ACTION_VERBS else sentence
    if first.lower().endswith("ed") or first.lower() in ACTION_VERBS:
        return "I " + clause
    return "my work included: " + sentence


def _lead_in(job: Experience) -> str:
    where = " at ".join(part for part in (job.role, job.company) if part)
    period = f" ({job.period})" if job.period else ""
    return f"As {where}{period}, " if where else ""


def _grounding(facts: Facts, competency: Competency | None, context: dict, avoid: set[str],
               rng: random.Random) -> list[tuple[Experience, str]]:  # fmt: skip
    """Achievements that answer this question, best first: they show the competency (and name
    the question's tool or employer when it has one)."""
    tool, company = context.get("tool", ""), context.get("company", "")
    if competency is None and not tool:
        return []
    scored = []
    for rank, job in enumerate(facts.experiences):
        recency = 0.4 / (rank + 1)  # the latest job is the best example, other things equal
        for sentence in job.highlights:
            if sentence in avoid:
                continue
            names_tool = bool(tool) and mentions(sentence, tool)
            if competency is None:  # a question from elsewhere: only a line naming its tool answers it
                shows, technical = False, True
            else:
                shows, technical = bool(competency.evidence.search(sentence)), competency.category == TECHNICAL
            if not shows and not (names_tool and technical):
                continue
            if tool and technical and not names_tool and "{tool}" in context.get("pattern", ""):
                continue  # a question about a tool is answered from a line about that tool
            score = shows + 2 * names_tool + (bool(company) and job.company == company) + recency + rng.random() * 0.3
            scored.append((score, job, sentence))
    scored.sort(key=lambda item: -item[0])
    return [(job, sentence) for _, job, sentence in scored]


def grounded_answer(job: Experience, sentence: str, also: str = "") -> str:
    text = f"{_lead_in(job)}{first_person(sentence)}."
    if also:
        text += f" I also {first_person(also)[2:] if first_person(also).startswith('I ') else also}."
    return text[0].upper() + text[1:]


GENERIC_HOOKS = (
    "Use one real example and say only what happened.",
    "Pick one real case and keep to what happened.",
    "Choose an example you can describe in detail, and keep to the facts.",
    "Keep it to one real case, told briefly and truthfully.",
)


def guide_answer(facts: Facts, competency: Competency | None, context: dict, variant: int = 0,
                 used: set[str] | None = None) -> str:  # fmt: skip
    shows = competency.shows if competency else "a real example: the situation, what you did yourself and the result"
    hooks = []
    tool, company = context.get("tool"), context.get("company")
    if context.get("missing_skill"):
        hooks.append(f"The resume does not mention {context['missing_skill']}, so say honestly what you know of it "
                     "and how you would learn it.")  # fmt: skip
    elif tool:
        hooks.append(f"The resume lists {tool} but gives no example of it: bring one from your own work.")
    elif company:
        hooks.append(f"Take the example from your time at {company} if it fits, and say only what happened.")
    else:
        hooks.append(next((hook for hook in GENERIC_HOOKS if hook not in (used or set())), ""))
    hooks = [hook for hook in hooks if hook and hook not in (used or set())]  # a closing line once per set
    if used is not None:
        used.update(hooks)
    points = list(competency.listen_for) if competency else []
    if variant % 2 == 1 and points:
        hooks = [f"Make sure it covers {', '.join(points[:-1])} and {points[-1]}." if len(points) > 1
                 else f"Make sure it covers {points[0]}."]  # fmt: skip
    return f"A strong answer would show {shows}. {' '.join(hooks)}".strip()


def compose(facts: Facts, draft_context: dict, competency: Competency | None, *, avoid: set[str],
            rng: random.Random, variant: int = 0, hooks: set[str] | None = None) -> tuple[str, str, str]:  # fmt: skip
    """(answer, kind, the achievement it cites or "")."""
    found = _grounding(facts, competency, draft_context, avoid, rng)
    if found:
        job, sentence = found[0]  # one achievement per answer, so the set's others stay for other questions
        return grounded_answer(job, sentence), GROUNDED, sentence
    return guide_answer(facts, competency, draft_context, variant, hooks), GUIDE, ""


def _interviewer_notes(facts: Facts, draft: Draft, cited: str) -> dict:
    competency = draft.competency
    listen = list(competency.listen_for) if competency else ["a clear, specific account", "what they did themselves"]
    follow = list(competency.follow_ups) if competency else ["What would you do differently?"]
    flags = list(draft.flags)
    company = draft.values.get("company")
    if company:
        flags += [f for f in resume_flags(facts) if f["kind"] == "short_tenure" and f.get("company") == company]
    notes = {"listen_for": listen, "follow_ups": follow, "flags": [f["text"] for f in flags]}
    if cited:
        notes["resume_says"] = cited.split("\n")[0]
    return notes


def interviewer_text(notes: dict) -> str:
    parts = ["Listen for: " + "; ".join(notes["listen_for"]) + "."]
    if notes.get("resume_says"):
        parts.append(f"The resume says: “{notes['resume_says']}”.")
    if notes["follow_ups"]:
        parts.append("Follow up: " + " ".join(notes["follow_ups"]))
    if notes["flags"]:
        parts.append("Flags: " + "; ".join(notes["flags"]) + ".")
    return " ".join(parts)


def competency_by_key(facts: Facts, key: str) -> Competency | None:
    return next((c for c in facts.bank.competencies if c.key == key), None)


def generate_local(facts: Facts, *, count: int, seed: int, mode: str = CANDIDATE) -> list[GeneratedQuestion]:
    rng = random.Random(seed)
    builder = SetBuilder(facts, rng)
    drafts: list[Draft] = []
    flags = resume_flags(facts)
    wanted = [f for f in flags if f["kind"] == "missing_skill"] + (
        [f for f in flags if f["kind"] != "missing_skill"] if mode == INTERVIEWER else []
    )
    probes = (max(1, count // 2) if mode == INTERVIEWER else max(1, count // 4)) if count > 2 else 0
    for flag in wanted[:probes]:
        draft = builder.probe(flag)
        if draft:
            drafts.append(draft)
    plan = plan_slots(count, facts.seniority, rng)
    for category, difficulty in plan[len(drafts):]:
        drafts.append(builder.question(category, difficulty))
    cited: set[str] = set()
    answers: set[str] = set()
    hooks: set[str] = set()
    questions = []
    for index, draft in enumerate(drafts):
        context = {
            "family": facts.family, "mode": mode, "pattern": draft.pattern,
            **{k: draft.values[k] for k in ("tool", "tool2", "company", "certification") if k in draft.values},
        }  # fmt: skip
        if draft.competency:
            context["competency"] = draft.competency.key
        missing = next((f["skill"] for f in draft.flags if f["kind"] == "missing_skill"), "")
        if missing:
            context["missing_skill"] = missing
        answer, kind, sentence = compose(facts, context, draft.competency, avoid=cited, rng=rng, hooks=hooks)
        if answer in answers:  # the same competency's guide again: its other wording
            answer, kind, sentence = guide_answer(facts, draft.competency, context, 1, hooks), GUIDE, ""
        if answer in answers:  # and a third time: with one of its follow-up questions to expect
            follow = [f for f in (draft.competency.follow_ups if draft.competency else ()) if f not in hooks]
            extra = f"Expect a follow-up such as “{follow[0]}”" if follow else f"The question was: “{draft.text}”"
            hooks.add(follow[0] if follow else "")
            answer = f"{answer} {extra}"
        answers.add(answer)
        if sentence:
            cited.update(sentence.split("\n"))
            context["cited"] = sentence
        context["answer_kind"] = kind
        if mode == INTERVIEWER:
            notes = _interviewer_notes(facts, draft, sentence)
            for _turn in range(len(notes["listen_for"])):  # the same competency again: another order
                if interviewer_text(notes) not in answers:
                    break
                notes["listen_for"] = notes["listen_for"][1:] + notes["listen_for"][:1]
                notes["follow_ups"] = notes["follow_ups"][::-1]
            if interviewer_text(notes) in answers:
                notes["listen_for"] = [*notes["listen_for"], f"how the answer fits the question asked: “{draft.text}”"]
            context.update(notes)
            context["answer_kind"] = GUIDE
            answer = interviewer_text(notes)
            answers.add(answer)
        level = nearest_difficulty(plan[index][1], draft.difficulties)
        questions.append(GeneratedQuestion(draft.text, draft.category, level, answer, context))
    return questions


def new_local_answer(facts: Facts, question: GeneratedQuestion, previous: list[str], seed: int) -> tuple[str, str, bool]:
    """(answer, kind, unchanged): another grounded answer citing an achievement no previous
    answer cited, else the guide's other wording, else the current answer unchanged."""
    context = dict(question.context or {})
    competency = competency_by_key(facts, context.get("competency", "")) if context.get("competency") else None
    if competency is None and not context.get("missing_skill"):
        competency = _infer_competency(facts, question)
        context.setdefault("pattern", "")
        for skill in facts.tools:
            if mentions(question.question, skill):
                context["tool"] = skill
                break
    rng = random.Random(seed)
    avoid = {s for job in facts.experiences for s in job.highlights if any(s[1:] in answer for answer in previous)}
    found = _grounding(facts, competency, context, avoid, rng)
    if found:
        job, sentence = found[0]
        also = next((s for j, s in found[1:] if j is job and s != sentence), "")
        return grounded_answer(job, sentence, also), GROUNDED, False
    current = previous[0] if previous else ""
    if context.get("answer_kind", GUIDE) == GUIDE or not current:
        for variant in (0, 1):
            guide = guide_answer(facts, competency, context, variant)
            if guide not in previous:
                return guide, GUIDE, False
    return current, context.get("answer_kind", GUIDE), True


def _infer_competency(facts: Facts, question: GeneratedQuestion) -> Competency | None:
    """For a question without stored context (an LLM's): the bank competency of its category whose
    patterns share the most words with it."""
    words = set(re.findall(r"[a-z]{4,}", question.question.lower()))
    best, score = None, 0
    for competency in facts.bank.competencies:
        if competency.category != question.category:
            continue
        overlap = len(words & set(re.findall(r"[a-z]{4,}", " ".join(competency.questions).lower())))
        if overlap > score:
            best, score = competency, overlap
    return best
