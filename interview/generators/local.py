"""Offline question generation: templates from bank.py filled with the candidate's own facts, and
first-person answers composed from phrases.py. Everything random flows from one seed, so a set can
be reproduced, and a new seed gives a different answer."""

import random
from collections import Counter
from string import Formatter

from interview.generators import phrases
from interview.generators.bank import CATEGORIES, DIFFICULTIES, TEMPLATES, Template
from interview.generators.facts import ACTION_VERBS, Experience, Facts, mentions, years_phrase
from interview.generators.types import GeneratedQuestion, NotEnoughMaterial

CATEGORY_WEIGHTS = {
    "Technical": 0.4,
    "Behavioral": 0.25,
    "Situational": 0.15,
    "Problem-Solving": 0.2,
}
DIFFICULTY_WEIGHTS = {
    "junior": {"Easy": 0.5, "Medium": 0.4, "Hard": 0.1},
    "mid": {"Easy": 0.3, "Medium": 0.5, "Hard": 0.2},
    "senior": {"Easy": 0.15, "Medium": 0.45, "Hard": 0.4},
    "lead": {"Easy": 0.1, "Medium": 0.35, "Hard": 0.55},
}
# Placeholders that carry a real fact; a variant citing one is preferred over a generic one.
FACT_KEYS = {
    "company",
    "role",
    "skill",
    "skill2",
    "degree",
    "institution",
    "deed",
    "other1",
    "other2",
}
DEFAULT_THEME = {
    "Technical": "depth",
    "Behavioral": "initiative",
    "Situational": "ambiguity",
    "Problem-Solving": "debug",
}


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
    difficulties = [
        d for d, n in apportion(total, DIFFICULTY_WEIGHTS[seniority]).items() for _ in range(n)
    ]
    rng.shuffle(difficulties)
    ordered = [c for c in CATEGORIES for _ in range(categories[c])]
    return list(zip(ordered, difficulties, strict=True))


def _needs(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def pick(rng: random.Random, variants: list[str], values: dict[str, str]) -> str:
    """A variant whose placeholders all have values, preferring ones that cite facts."""
    usable = [v for v in variants if _needs(v) <= values.keys()]
    factual = [v for v in usable if _needs(v) & FACT_KEYS]
    return rng.choice(factual or usable).format_map(values)


class SetBuilder:
    """Fills templates for one set, spreading skills and companies and never repeating a question."""

    def __init__(self, facts: Facts, rng: random.Random) -> None:
        self.facts, self.rng = facts, rng
        self.template_uses: Counter[str] = Counter()
        self.skill_uses: Counter[str] = Counter()
        self.company_uses: Counter[str] = Counter()
        self.texts: set[str] = set()

    def _least_used(self, items: list, uses: Counter, key=lambda item: item) -> object:
        lowest = min(uses[key(item)] for item in items)
        return self.rng.choice([item for item in items if uses[key(item)] == lowest][:6])

    def bind(self, template: Template) -> dict[str, str] | None:
        facts, values = (
            self.facts,
            {"target_role": self.facts.target_role, "target_company": self.facts.target_company},
        )
        job = None
        if template.needs & {"company", "role"}:
            jobs = [
                e
                for e in facts.experiences
                if (e.company or "company" not in template.needs)
                and (e.role or "role" not in template.needs)
            ]
            if not jobs:
                return None
            job = self._least_used(jobs, self.company_uses, key=lambda e: e.company)
            values.update(company=job.company, role=job.role)
        if template.needs & {"skill", "skill2", "skill_category"}:
            if not facts.skills or ("skill2" in template.needs and len(facts.skills) < 2):
                return None
            used_there = [s for s in facts.skills if job and mentions(job.description, s)]
            values["skill"] = self._least_used(used_there or facts.skills, self.skill_uses)
            values["skill_category"] = facts.skill_category.get(values["skill"], "Skills")
            values["skill2"] = self._partner(values["skill"])
        if template.needs & {"degree", "institution"}:
            if not facts.education:
                return None
            school = self.rng.choice(facts.education)
            values.update(degree=school.degree, institution=school.institution)
        if "strength" in template.needs:
            if not facts.strengths:
                return None
            strength = self.rng.choice(facts.strengths)
            values["strength"] = (
                strength[0].lower() + strength[1:] if strength[1:2].islower() else strength
            )
        return values

    def _partner(self, skill: str) -> str:
        """A second skill, from the same category when possible so comparisons make sense."""
        others = [s for s in self.facts.skills if s != skill]
        kin = [
            s
            for s in others
            if self.facts.skill_category.get(s) == self.facts.skill_category.get(skill)
        ]
        return self.rng.choice(kin or others[:8] or [""])

    def _candidates(self, category: str, difficulty: str) -> list[Template]:
        def rank(template: Template) -> tuple:
            return (
                template.category != category,
                self.template_uses[template.key],
                difficulty not in template.difficulties,
                self.rng.random(),
            )

        return sorted((t for t in TEMPLATES if t.needs <= _AVAILABLE_KEYS), key=rank)

    def question(self, category: str, difficulty: str) -> tuple[Template, dict[str, str], str]:
        for template in self._candidates(category, difficulty):
            for _ in range(4):
                values = self.bind(template)
                if values is None:
                    break
                text = template.text.format_map(values)
                if text.lower() not in self.texts:
                    self._remember(template, values, text)
                    return template, values, text
        raise NotEnoughMaterial(len(self.texts))

    def _remember(self, template: Template, values: dict[str, str], text: str) -> None:
        self.texts.add(text.lower())
        self.template_uses[template.key] += 1
        if "skill" in template.needs or "skill2" in template.needs:
            self.skill_uses[values["skill"]] += 1
        if "company" in template.needs:
            self.company_uses[values["company"]] += 1


_AVAILABLE_KEYS = frozenset(
    {
        "skill",
        "skill2",
        "skill_category",
        "company",
        "role",
        "target_role",
        "target_company",
        "degree",
        "institution",
        "strength",
    }
)


def nearest_difficulty(wanted: str, allowed: tuple[str, ...]) -> str:
    if wanted in allowed:
        return wanted
    return min(allowed, key=lambda d: abs(DIFFICULTIES.index(d) - DIFFICULTIES.index(wanted)))


def generate_local(facts: Facts, *, count: int, seed: int) -> list[GeneratedQuestion]:
    rng = random.Random(seed)
    builder = SetBuilder(facts, rng)
    questions = []
    for category, difficulty in plan_slots(count, facts.seniority, rng):
        template, values, text = builder.question(category, difficulty)
        context = {
            "template": template.key,
            "theme": template.theme,
            **{k: values[k] for k in ("skill", "skill2", "company") if k in template.needs},
        }
        level = nearest_difficulty(difficulty, template.difficulties)
        answer = compose_answer(
            facts, category=template.category, context=context, seed=rng.getrandbits(64)
        )
        questions.append(GeneratedQuestion(text, template.category, level, answer, context))
    return questions


# --- answers -------------------------------------------------------------------------------------


def _deed(job: Experience | None, skill: str, rng: random.Random) -> str:
    """One achievement from the job's description (one naming `skill` if any), as a first-person clause."""
    if job is None or not job.highlights:
        return ""
    related = [h for h in job.highlights if mentions(h, skill)]
    sentence = rng.choice(related or list(job.highlights[:3]))
    first = sentence.split(" ", 1)[0].lower()
    clause = sentence[0].lower() + sentence[1:] if sentence[1:2].islower() else sentence
    if first.endswith("ed") or first in ACTION_VERBS:
        return "I " + clause
    return "my work included " + clause


def infer_context(facts: Facts, question: str, category: str) -> dict:
    """For a question without stored context (e.g. written by an LLM): what it is about."""
    skills = [s for s in facts.skills if mentions(question, s)]
    company = next((e.company for e in facts.experiences if mentions(question, e.company)), None)
    context: dict = {"theme": DEFAULT_THEME.get(category, "depth")}
    if skills:
        context["skill"] = skills[0]
    if len(skills) > 1:
        context["skill2"] = skills[1]
    if company:
        context["company"] = company
    return context


def _answer_values(facts: Facts, context: dict, rng: random.Random) -> dict[str, str]:
    job = facts.experience_at(context.get("company", ""))
    skill = context.get("skill", "")
    if job is None and facts.experiences:
        related = [e for e in facts.experiences if skill and mentions(e.description, skill)]
        job = rng.choice(related or facts.experiences[:2])
    if not skill and facts.skills:
        used_there = [s for s in facts.skills if job and mentions(job.description, s)]
        skill = rng.choice((used_there or facts.skills)[:5])
    others = [s for s in facts.skills if s not in (skill, context.get("skill2"))][:8]
    rng.shuffle(others)
    values = {
        "target_role": facts.target_role,
        "target_company": facts.target_company,
        "for_years": f" for {years_phrase(job.years)}" if job and job.years else "",
        "skill": skill,
        "skill2": context.get("skill2", ""),
        "deed": _deed(job, skill, rng),
        "company": job.company if job else "",
        "role": job.role if job else "",
        "other1": others[0] if others else "",
        "other2": others[1] if len(others) > 1 else "",
        "total": years_phrase(facts.total_years),
    }
    if facts.education:
        school = rng.choice(facts.education)
        values.update(degree=school.degree, institution=school.institution)
    if not facts.experiences:
        values["no_exp"] = ""
    return {key: value for key, value in values.items() if value or key in ("for_years", "no_exp")}


def compose_answer(facts: Facts, *, category: str, context: dict, seed: int) -> str:
    rng = random.Random(seed)
    values = _answer_values(facts, context, rng)
    theme = context.get("theme") or DEFAULT_THEME.get(category, "depth")
    if category == "Behavioral":
        body = _star(rng, theme, values)
    elif category == "Technical":
        body = _technical(rng, theme, values)
    else:
        body = _approach(rng, theme, values)
    closers = phrases.CLOSERS["junior" if facts.seniority == "junior" else "experienced"]
    separator = "" if body.endswith("\n") else " "
    return f"{body}{separator}{pick(rng, closers, values)}"


def _technical(rng: random.Random, theme: str, values: dict[str, str]) -> str:
    parts = [pick(rng, phrases.TECH_OPENERS, values)]
    if values.get("deed") and values.get("company"):
        parts.append(f"There, {values['deed']}.")
    parts.append(pick(rng, phrases.TECH_MIDDLES.get(theme, phrases.TECH_MIDDLES["depth"]), values))
    if "other2" in values:
        parts.append(pick(rng, phrases.RELATED, values))
    return " ".join(parts)


def _star(rng: random.Random, theme: str, values: dict[str, str]) -> str:
    story = phrases.STAR.get(theme, phrases.STAR["initiative"])
    place = pick(rng, phrases.STAR_PLACES, values)
    return (
        f"Situation: {place}{pick(rng, story['situation'], values)}\n"
        f"Task: {pick(rng, story['task'], values)}\n"
        f"Action: {pick(rng, story['action'], values)}\n"
        f"Result: {pick(rng, story['result'], values)}\n"
    )


def _approach(rng: random.Random, theme: str, values: dict[str, str]) -> str:
    steps = list(phrases.APPROACHES.get(theme, phrases.APPROACHES["debug"]))
    ordinals = ["First", "Then", "Next", "Finally"]
    lines = [f"{word}, I'd {step}." for word, step in zip(ordinals, steps, strict=True)]
    if rng.random() < 0.5:  # a second phrasing: fewer, merged steps
        lines = [
            f"First, I'd {steps[0]} and {steps[1]}.",
            f"Then I'd {steps[2]}.",
            f"Finally, I'd {steps[3]}.",
        ]
    return " ".join(
        [
            pick(rng, phrases.SOLVE_LEADINS, values),
            *lines,
            pick(rng, phrases.EXPERIENCE_LINKS, values),
        ]
    )
