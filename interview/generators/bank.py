"""The local question bank: templates per category, each with the difficulties it suits and a
theme that tells the answer composer what kind of story to tell.

Placeholders: {skill} {skill2} {skill_category} {company} {role} {target_role} {target_company}
{degree} {institution} {strength}. A template is only used when the profile fills all of them.
"""

from dataclasses import dataclass, field
from string import Formatter

TECHNICAL, BEHAVIORAL, SITUATIONAL, PROBLEM_SOLVING = (
    "Technical",
    "Behavioral",
    "Situational",
    "Problem-Solving",
)
CATEGORIES = (TECHNICAL, BEHAVIORAL, SITUATIONAL, PROBLEM_SOLVING)
DIFFICULTIES = ("Easy", "Medium", "Hard")
E, M, H = ("Easy",), ("Medium",), ("Hard",)


@dataclass(frozen=True)
class Template:
    key: str
    category: str
    difficulties: tuple[str, ...]
    theme: str
    text: str
    needs: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {name for _, name, _, _ in Formatter().parse(self.text) if name}
        object.__setattr__(self, "needs", frozenset(names))


def _t(key: str, category: str, difficulties: tuple[str, ...], theme: str, text: str) -> Template:
    return Template(key, category, difficulties, theme, text)


TEMPLATES: tuple[Template, ...] = (
    # --- Technical ---
    _t(
        "t-depth",
        TECHNICAL,
        E + M,
        "depth",
        "Walk me through how you used {skill} in your work at {company}.",
    ),
    _t(
        "t-core",
        TECHNICAL,
        E,
        "depth",
        "Which core concepts of {skill} do you rely on most, and where did you apply them?",
    ),
    _t(
        "t-compare",
        TECHNICAL,
        M,
        "compare",
        "When would you choose {skill} over {skill2}, and when would you not?",
    ),
    _t(
        "t-design",
        TECHNICAL,
        H,
        "design",
        "How would you design a {skill}-based service for {target_company} that has to handle ten times today's load?",
    ),
    _t(
        "t-debug",
        TECHNICAL,
        M + H,
        "debug",
        "Describe the hardest {skill} problem you debugged as {role} at {company}. How did you find the root cause?",
    ),
    _t(
        "t-testing",
        TECHNICAL,
        E + M,
        "quality",
        "How do you test and review {skill} code before it reaches production?",
    ),
    _t(
        "t-tradeoffs",
        TECHNICAL,
        H,
        "design",
        "What architectural trade-offs have you made combining {skill} and {skill2}, and what would you change in hindsight?",
    ),
    _t(
        "t-category",
        TECHNICAL,
        M,
        "depth",
        "Your resume lists {skill} under {skill_category}. Which piece of work best shows your depth in it?",
    ),
    _t(
        "t-learn",
        TECHNICAL,
        E,
        "learn",
        "How did you get up to speed with {skill}, and how do you keep that knowledge current?",
    ),
    _t(
        "t-perf",
        TECHNICAL,
        H,
        "performance",
        "How do you find and fix performance bottlenecks in a system built with {skill}?",
    ),
    _t(
        "t-security",
        TECHNICAL,
        M + H,
        "security",
        "What security pitfalls do you watch for when working with {skill}?",
    ),
    _t(
        "t-decisions",
        TECHNICAL,
        M + H,
        "design",
        "As {role} at {company}, which technical decisions were yours to make, and how did you make them?",
    ),
    _t(
        "t-target",
        TECHNICAL,
        E + M,
        "depth",
        "Which of your technical skills will matter most as {target_role}, and why?",
    ),
    _t(
        "t-education",
        TECHNICAL,
        E,
        "learn",
        "How has your {degree} from {institution} shaped the way you approach technical problems?",
    ),
    _t(
        "t-unreproducible",
        TECHNICAL,
        M,
        "debug",
        "Describe your process for debugging a production issue you cannot reproduce locally.",
    ),
    _t(
        "t-clean",
        TECHNICAL,
        E,
        "quality",
        "What does clean, maintainable code mean to you? Give an example from your own work.",
    ),
    _t(
        "t-migrate",
        TECHNICAL,
        H,
        "design",
        "How would you move a critical component from {skill2} to {skill} without downtime?",
    ),
    _t(
        "t-refactor",
        TECHNICAL,
        M,
        "quality",
        "How do you decide whether {skill} code needs refactoring or a rewrite?",
    ),
    _t(
        "t-explain",
        TECHNICAL,
        E,
        "learn",
        "How would you explain a key idea in {skill} to a new teammate in their first week?",
    ),
    # --- Behavioral (answered with STAR) ---
    _t(
        "b-lead",
        BEHAVIORAL,
        H,
        "leadership",
        "Tell me about a time you led a team through a difficult project at {company}.",
    ),
    _t(
        "b-conflict",
        BEHAVIORAL,
        M,
        "conflict",
        "Describe a disagreement with a colleague at {company} and how you resolved it.",
    ),
    _t(
        "b-mistake",
        BEHAVIORAL,
        M,
        "failure",
        "Tell me about a mistake you made as {role} and what you learned from it.",
    ),
    _t(
        "b-deadline",
        BEHAVIORAL,
        E + M,
        "deadline",
        "Describe a time you delivered under a tight deadline. What did you prioritise?",
    ),
    _t(
        "b-learn-fast",
        BEHAVIORAL,
        E,
        "learning",
        "Tell me about a time you had to learn {skill} quickly to deliver something.",
    ),
    _t(
        "b-feedback",
        BEHAVIORAL,
        E + M,
        "feedback",
        "Tell me about critical feedback you received and what you changed afterwards.",
    ),
    _t(
        "b-initiative",
        BEHAVIORAL,
        M + H,
        "initiative",
        "Give an example of an improvement you drove at {company} without being asked.",
    ),
    _t(
        "b-mentor",
        BEHAVIORAL,
        H,
        "leadership",
        "Tell me about a time you mentored someone or raised the bar for your team.",
    ),
    _t(
        "b-influence",
        BEHAVIORAL,
        H,
        "conflict",
        "Describe a time you persuaded stakeholders to change a technical direction.",
    ),
    _t(
        "b-strength",
        BEHAVIORAL,
        E + M,
        "initiative",
        "Your profile highlights {strength}. Tell me about a situation where it made the difference.",
    ),
    _t(
        "b-unclear",
        BEHAVIORAL,
        M,
        "ambiguity",
        "Tell me about a project at {company} where the requirements were unclear. How did you proceed?",
    ),
    _t(
        "b-crossteam",
        BEHAVIORAL,
        E,
        "teamwork",
        "Describe a time you worked with people outside your team to ship something.",
    ),
    # --- Situational ---
    _t(
        "s-priorities",
        SITUATIONAL,
        M,
        "priorities",
        "If you joined {target_company} as {target_role} and inherited three urgent requests on day one, how would you prioritise them?",
    ),
    _t(
        "s-manager",
        SITUATIONAL,
        M + H,
        "disagree",
        "What would you do if your manager insisted on an approach with {skill} that you believed was wrong?",
    ),
    _t(
        "s-outage",
        SITUATIONAL,
        H,
        "incident",
        "A production outage hits during a release you own. What do you do in the first hour?",
    ),
    _t(
        "s-legacy",
        SITUATIONAL,
        M,
        "legacy",
        "You are asked to extend a poorly documented {skill} codebase that has no tests. How do you proceed?",
    ),
    _t(
        "s-moving",
        SITUATIONAL,
        E + M,
        "ambiguity",
        "How would you handle a task whose requirements keep changing halfway through?",
    ),
    _t(
        "s-first-month",
        SITUATIONAL,
        E,
        "onboarding",
        "How would you spend your first 30 days as {target_role} at {target_company}?",
    ),
    _t(
        "s-teammate",
        SITUATIONAL,
        H,
        "people",
        "A teammate keeps missing deadlines and it is putting the project at risk. What do you do?",
    ),
    _t(
        "s-date",
        SITUATIONAL,
        M,
        "estimate",
        "A stakeholder asks for a firm delivery date on work you have never done before. How do you respond?",
    ),
    _t(
        "s-new-tool",
        SITUATIONAL,
        E + M,
        "legacy",
        "What would you do if the team relied on a tool you had never used instead of {skill}?",
    ),
    _t(
        "s-skip-tests",
        SITUATIONAL,
        H,
        "quality",
        "Your team is pressured to skip testing to hit a launch date. How do you handle it?",
    ),
    # --- Problem-Solving ---
    _t(
        "p-slow",
        PROBLEM_SOLVING,
        H,
        "performance",
        "A service you built with {skill} becomes slow as usage grows. How do you find and remove the bottleneck?",
    ),
    _t(
        "p-intermittent",
        PROBLEM_SOLVING,
        M,
        "debug",
        "How would you track down an intermittent failure that only appears under production load?",
    ),
    _t(
        "p-build-buy",
        PROBLEM_SOLVING,
        M + H,
        "tradeoff",
        "How do you choose between building something in-house and adopting an existing tool? Use an example from {company}.",
    ),
    _t(
        "p-estimate",
        PROBLEM_SOLVING,
        E + M,
        "estimate",
        "How would you break down and estimate a new feature for {target_company}?",
    ),
    _t(
        "p-schema",
        PROBLEM_SOLVING,
        H,
        "migration",
        "Outline a plan to migrate a live system's data to a new schema with no downtime.",
    ),
    _t(
        "p-design-feature",
        PROBLEM_SOLVING,
        H,
        "design",
        "Design the data model and API for a feature that lets users save and search interview questions.",
    ),
    _t(
        "p-vague-bug",
        PROBLEM_SOLVING,
        E + M,
        "debug",
        "Walk me through how you would approach a bug report that only says 'it is slow'.",
    ),
    _t(
        "p-combine",
        PROBLEM_SOLVING,
        M,
        "tradeoff",
        "How would you use {skill} and {skill2} together to solve a problem like one you faced as {role}?",
    ),
    _t(
        "p-triage",
        PROBLEM_SOLVING,
        E,
        "priorities",
        "How do you decide which problem to solve first when several things are broken at once?",
    ),
    _t(
        "p-cost",
        PROBLEM_SOLVING,
        H,
        "performance",
        "How would you cut the cost of running a system for {target_company} by 30% without hurting reliability?",
    ),
)
