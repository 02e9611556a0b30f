"""Question banks per occupation family (analysis/parsing/occupation.py FAMILIES).

Each family has the competencies an interviewer in that field probes, and for each competency:
question patterns, what a highlight showing it looks like (`evidence`, to ground an answer), what a
strong answer shows (the guide when the resume has no fact for it), what an interviewer listens
for, and follow-up questions. Behavioural competencies are shared and speak of the family's
people ("patients", "customers", "students").

Slots in a pattern and the facts they accept (interview/generators/local.py binds them):
    {tool} {tool2}   a skill of this family's practice (`Bank.fits`): a nurse's tool is Epic or
                     ventilator management, never Python, a degree or a soft skill
    {certification}  a certificate of this family's field
    {company} {role} an employer and title from the resume
    {target_role} {target_company}   from the request
    {people}         the family's people noun
A pattern is used only when every slot it names has a fitting fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from string import Formatter

TECHNICAL, BEHAVIORAL, SITUATIONAL, PROBLEM_SOLVING = "Technical", "Behavioral", "Situational", "Problem-Solving"
E, M, H = ("Easy",), ("Medium",), ("Hard",)

# Skill categories of the taxonomy (analysis/parsing/data/skills.json) that are software practice.
SOFTWARE_CATEGORIES = frozenset({
    "Programming Languages", "Frameworks & Libraries", "Databases", "Cloud & DevOps",
    "Data & Machine Learning", "Testing & Quality", "Mobile", "Security",
})  # fmt: skip
NEVER_TOOLS = re.compile(r"spoken|human lang|soft skill|interest|hobb|certif", re.IGNORECASE)
ENGINEERING_TOOLS = re.compile(
    r"(?<![a-z])(?:cad|autocad|solidworks|ansys|catia|creo|inventor|fusion 360|matlab|simulink|"
    r"labview|plc|scada|gd&t|fea|finite element|cfd|revit|civil 3d|staad|etabs|minitab|"
    r"six sigma|lean|kaizen|fmea|root cause|welding|hvac|pneumatics|hydraulics|technical drawing)(?![a-z])",
    re.IGNORECASE,
)
CERTIFICATE = re.compile(
    r"certif|(?<![a-z])(?:acls|bls|als|pals|nrp|cka|ckad|ccna|ccnp|cissp|cism|pmp|prince2|cpa|acca|"
    r"cima|cfa|shrm|cipd|cscp|cpim|itil|csm|psm|six sigma|tefl|celta|qts|registered nurse|rn|"
    r"bar|solicitor)(?![a-z])",
    re.IGNORECASE,
)


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])", re.IGNORECASE)


@dataclass(frozen=True)
class Competency:
    key: str
    category: str
    difficulties: tuple[str, ...]
    questions: tuple[str, ...]
    evidence: re.Pattern[str]  # a highlight that shows it
    shows: str  # "A strong answer would show ..."
    listen_for: tuple[str, ...]
    follow_ups: tuple[str, ...]
    # Asked only when the candidate's latest titles match `when` (and never when they match
    # `unless`): a technician is not asked about simulation, a marketer not about the shop floor.
    when: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None

    def suits(self, titles: str, highlights: tuple[str, ...] = ()) -> bool:
        """`when` is met by the titles, or by an achievement that shows the competency."""
        wanted = self.when is None or bool(self.when.search(titles)) or (
            self.key == "leadership" and any(self.evidence.search(h) for h in highlights)
        )
        return wanted and not (self.unless is not None and self.unless.search(titles))

    def slots(self, pattern: str) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in Formatter().parse(pattern) if name)


@dataclass(frozen=True)
class Bank:
    family: str
    people: str  # whom the work serves: "patients", "customers"
    practice: re.Pattern[str]  # skills of this family's practice (tools, methods, systems)
    competencies: tuple[Competency, ...]
    office_tools: bool = False  # Excel, Word and the like fit this family's tool slots
    software: bool = False  # the software categories of the taxonomy are this family's tools
    extra: tuple[Competency, ...] = field(default_factory=tuple)

    def fits(self, skill: str, category: str) -> bool:
        """Whether a skill may fill this family's {tool} slot."""
        if NEVER_TOOLS.search(category or "") or CERTIFICATE.search(skill):
            return False
        if category not in SOFTWARE_CATEGORIES:  # a group the resume named itself: the taxonomy's
            category = taxonomy_category(skill) or category
        if category in SOFTWARE_CATEGORIES:
            return self.software
        if ENGINEERING_TOOLS.search(skill) and self.family != "engineering":
            return False
        if self.practice.search(skill):
            return True
        return self.office_tools and bool(OFFICE.search(skill))

    def fits_certificate(self, name: str) -> bool:
        if not CERTIFICATE.search(name):
            return False
        if self.software:
            return not OTHER_FIELD_CERTS.search(name)
        return bool(self.practice.search(name) or FIELD_CERTS.get(self.family, re.compile("$^")).search(name))


@lru_cache(maxsize=4096)
def taxonomy_category(skill: str) -> str:
    """The skills taxonomy's category for a skill named exactly as the taxonomy names it."""
    from analysis.parsing.skills import find_skills

    found = find_skills([skill])
    return found[0].category if len(found) == 1 and found[0].name.lower() == skill.lower() else ""


OFFICE = _words(r"excel|microsoft excel|word|microsoft office|office 365|powerpoint|google sheets|"
                r"google workspace|outlook|ms office|sharepoint|teams|slack|notion|trello|asana|jira")
FIELD_CERTS = {
    "healthcare": _words(r"acls|bls|als|pals|nrp|registered nurse|rn|advanced life support|basic life support"),
    "management": _words(r"pmp|prince2|csm|psm|itil|agile|scrum"),
    "finance": _words(r"cpa|acca|cima|cfa|chartered"),
    "people_hr": _words(r"shrm|cipd|phr|sphr"),
    "operations_logistics": _words(r"cscp|cpim|six sigma|lean|apics"),
    "education": _words(r"tefl|celta|qts|teaching"),
    "legal": _words(r"bar|solicitor|notary"),
    "engineering": _words(r"six sigma|pe|ceng|lean|iso"),
    "customer_service": _words(r"itil|customer service|cx"),
    "sales_marketing": _words(r"google ads|hubspot|salesforce|analytics"),
    "design_creative": _words(r"ux|nn/g|adobe|certified"),
}
OTHER_FIELD_CERTS = _words(r"acls|bls|als|pals|cpa|acca|cima|cfa|shrm|cipd|cscp|tefl|celta|registered nurse")


def _c(key, category, difficulties, questions, evidence, shows, listen_for, follow_ups, *,
       when: str = "", unless: str = "") -> Competency:  # fmt: skip
    return Competency(key, category, difficulties, tuple(questions), _words(evidence), shows,
                      tuple(listen_for), tuple(follow_ups), _words(when) if when else None,
                      _words(unless) if unless else None)  # fmt: skip


TRADES = r"technician|mechanic|electrician|fitter|welder|machinist|plumber|hvac|maintenance|installer|operator|leadman|foreman"
RETAIL = r"retail|store|shop|sales associate|sales assistant|cashier|boutique|merchandis\w+|sales advisor"
MARKETING = r"marketing|marketer|brand|social media|seo|sem|content|communications|pr|public relations|copywriter|advertis\w+|growth|campaigns?"
UX = r"ux|ui|product designer|interaction|web designer|user|usability|service designer|design systems?"


# --- behavioural competencies, every family ------------------------------------------------------

LEAD = r"led|lead|leading|managed|supervis\w+|coordinated|team of \d+|headed|ran|directed|charge"
BEHAVIOURAL = (
    _c("leadership", BEHAVIORAL, M + H,  # only for someone whose titles or achievements show leading
       ["Tell me about a time you led a team through a difficult stretch at {company}.",
        "As {role}, how did you keep your team focused when the pressure rose?",
        "Describe the hardest call you had to make while leading others.",
        "What did leading people at {company} teach you?"],
       LEAD,
       "how you set direction, shared out the work, supported people who struggled, and what the team achieved, with numbers if there are any",
       ["a concrete team and its size", "decisions the candidate made personally", "how they handled someone struggling", "a measurable result"],
       ["How many people reported to you, and how did you divide the work?", "What would your team say you could do better?"],
       when=r"lead|leader|head|manager|supervisor|director|chief|charge|principal|foreman|captain|coordinator"),
    _c("mentoring", BEHAVIORAL, E + M,
       ["Tell me about someone you trained or mentored. What changed for them?",
        "How do you bring a new colleague up to speed in your {role} work?",
        "What have you taught others at {company}?"],
       r"mentor\w*|train\w*|coach\w*|onboard\w*|taught",
       "who you helped, how you adapted your teaching to them, and how you knew it worked",
       ["a specific person or group", "adapting to the learner", "evidence the training worked"],
       ["How did you check they had really learned it?", "What did you change after the first time?"]),
    _c("improvement", BEHAVIORAL, M + H,
       ["Give an example of an improvement you introduced at {company} without being asked.",
        "Tell me about a process you changed because it was not working.",
        "What would you change first about how your team works today, and why?"],
       r"introduced|improved|reduced|cut|raised|increased|redesigned|streamlined|built|created|launched|moved",
       "the problem you noticed, why it mattered, what you changed, and the measured effect",
       ["a problem the candidate spotted themselves", "how they won support", "a before-and-after figure"],
       ["How did you measure the effect?", "Who had to agree, and how did you convince them?"]),
    _c("results", BEHAVIORAL, E + M,
       ["Which result from your time at {company} are you proudest of, and why?",
        "Tell me about a target you met or beat. How did you get there?",
        "Which achievement on your resume would you most like to talk about, and why?"],
       r"\d+\s?%|\d+|exceeded|ranked|record|award|top|first",
       "one result with its number, what you did yourself to reach it, and what you would repeat",
       ["the candidate's own contribution versus the team's", "a number they can explain", "what made it repeatable"],
       ["What part of that was down to you personally?", "What got in the way, and how did you get past it?"]),
    _c("conflict", BEHAVIORAL, M,
       ["Describe a disagreement with a colleague and how you resolved it.",
        "Tell me about a time you had to push back on a decision.",
        "How do you handle a colleague at {company} who disagrees with your approach?"],
       r"resolved|negotiat\w+|mediat\w+|complaint\w*|escalat\w+|disput\w+",
       "that you listened first, argued from facts, found a solution both sides could accept, and kept the relationship",
       ["listening before arguing", "facts over opinions", "an outcome both sides accepted"],
       ["What would you do differently now?", "How is your relationship with that person today?"]),
    _c("mistake", BEHAVIORAL, M,
       ["Tell me about a mistake you made as {role} and what you learned from it.",
        "Describe a time something went wrong on your watch. What did you do next?",
        "What is the most useful lesson a setback has taught you?"],
       r"(?!x)x",  # a resume does not list mistakes: always a guide
       "that you owned it, limited the harm quickly, told the right people, and changed how you work so it did not happen again",
       ["ownership without blaming others", "speed of the fix", "a lasting change in how they work"],
       ["Who did you tell, and when?", "What do you do differently since?"]),
    _c("priorities", SITUATIONAL, E + M,
       ["In your first week{as_target}, three urgent requests arrive at once. How do you decide what comes first?",
        "How do you decide what to do first when everything seems urgent?",
        "Tell me about a week at {company} when you had more work than time. What did you drop?"],
       r"prioriti\w+|coordinated|planned|scheduled|triage",
       "how you weigh urgency against impact, who you check with, and how you tell people what waits",
       ["a clear rule for ordering work", "communication with whoever has to wait", "checking back on decisions"],
       ["Tell me about a time your priorities were wrong. What happened?"]),
)


def bank_competencies(*groups: tuple[Competency, ...]) -> tuple[Competency, ...]:
    return tuple(c for group in groups for c in group)


# --- the families' own practice -------------------------------------------------------------------

BANKS: dict[str, Bank] = {}


def _tool_competency(family: str, people: str) -> Competency:
    """Questions about one tool or method of the field the resume lists (the slot takes only one
    that fits the family); answered from a line of the resume that names it."""
    return _c(f"{family}-tool", TECHNICAL, E + M,
              ["Walk me through your experience with {tool} in your work as {role}.",
               "Where has {tool} made the biggest difference for your " + people + "?",
               "How did you learn {tool}, and how do you keep up to date with it?"],
              r"(?!x)x",
              "where you used it, what you did with it yourself, what it changed for the people you served, and what you would do better",
              ["hands-on use, not just familiarity", "a concrete case", "limits they know"],
              ["How did you learn it?", "What goes wrong with it, and what do you do then?"])


def _bank(family: str, people: str, practice: str, technical: list[Competency], **options) -> None:
    tool = () if options.get("software") else (_tool_competency(family, people),)
    BANKS[family] = Bank(family, people, _words(practice),
                         bank_competencies(tuple(technical), tool, BEHAVIOURAL), **options)  # fmt: skip


_bank("software_data", "users", r"git|api|rest|graphql|microservices?|ci/cd|agile|scrum|etl|data pipelines?|jira|linux", [
    _c("sw-depth", TECHNICAL, E + M,
       ["Walk me through how you used {tool} in your work at {company}.",
        "Which parts of {tool} do you rely on most, and where did they matter?",
        "What is something about {tool} that most people get wrong?"],
       r"built|developed|designed|implemented|wrote|moved|migrat\w+|automat\w+",
       "a real system you built with it, the choices you made in it, and what you would change now",
       ["a real system, not a tutorial", "trade-offs the candidate chose", "limits of the tool they know"],
       ["What broke first when it grew?", "What would you do differently today?"]),
    _c("sw-compare", TECHNICAL, M,
       ["When would you choose {tool} over {tool2}, and when not?",
        "If you had to replace {tool} on a project tomorrow, what would you look for?"],
       r"(?!x)x",
       "the criteria you compare on (fit for the problem, team knowledge, cost to run, testability) and an example where the choice mattered",
       ["criteria beyond habit", "a concrete case", "willingness to run a small spike"],
       ["Which of the two would you drop first, and why?"]),
    _c("sw-reliability", TECHNICAL, M + H,
       ["How do you make a service built with {tool} reliable in production?",
        "An incident hits a system you own. What do you do in the first hour?",
        "What do you monitor first in a system you run, and why?"],
       r"on-call|incident|alert\w*|monitor\w*|reliab\w+|uptime|runbooks?|sre|prometheus|deploys?",
       "monitoring and alerts that catch problems early, a calm incident routine (stabilise, communicate, find the cause) and follow-up that prevents a repeat",
       ["stabilise before root-causing", "clear communication", "blameless follow-up with actions"],
       ["What was your worst incident, and what changed afterwards?", "How do you keep alerts from becoming noise?"]),
    _c("sw-design", PROBLEM_SOLVING, H,
       ["How would you design a service built on {tool} that has to handle ten times today's load?",
        "Design the data model and API for a feature that lets users save and search items.",
        "How would you split an application that has grown too large for one team?"],
       r"designed|architect\w*|scal\w+|platform|services",
       "requirements and failure modes first, a simple first version measured under load, and scaling steps the numbers justify",
       ["clarifying questions first", "simple before clever", "measurement driving decisions"],
       ["Where would this design break first?", "What would you measure before going live?"]),
    _c("sw-quality", TECHNICAL, E + M,
       ["How do you test and review {tool} code before it reaches production?",
        "What does maintainable code mean to you? Give an example from your own work.",
        "How do you review a teammate's {tool} change?"],
       r"test\w*|review\w*|quality|ci/cd|automated",
       "tests at the right level, small reviewed changes, and automation that catches problems before people do",
       ["a concrete testing habit", "review practice", "automation they set up"],
       ["What is the last bug your tests missed?"]),
    _c("sw-cost", PROBLEM_SOLVING, M + H,
       ["How would you cut the cost of running a system by a third without hurting reliability?",
        "Where does the running cost of a system built with {tool} usually hide?"],
       r"cost|spend|rightsiz\w+|budget|saved|saving",
       "measuring where the money goes, the biggest cost first, and checking reliability before and after",
       ["data before cuts", "reliability guardrails", "a realistic order of work"],
       ["What would you refuse to cut?"]),
], software=True)

_bank("healthcare", "patients", r"patient\w*|care|clinical|medication|triage|wound|ventilat\w+|icu|critical|"
      r"ehr|electronic health records?|epic|cerner|meditech|infection|vital signs|phlebotomy|iv|"
      r"nursing|telemetry|sepsis|charting|discharge|assessment|renal|dialysis|palliative|paediatric|pediatric", [
    _c("hc-deteriorating", TECHNICAL, M + H,
       ["A patient's observations start to deteriorate at the start of your shift. Talk me through what you do.",
        "How do you recognise early that a patient is getting worse, and whom do you call?"],
       r"sepsis|deteriorat\w+|escalat\w+|outreach|critical|ventilat\w+|icu|acute|resus\w*",
       "a structured assessment (such as ABCDE), early warning scores, prompt escalation with SBAR, and clear documentation",
       ["a structured assessment", "knowing when to escalate and to whom", "SBAR-style handover", "documentation"],
       ["What would make you call the rapid response team rather than the doctor?", "How do you document it?"]),
    _c("hc-medication", TECHNICAL, E + M,
       ["How do you make sure medication is given safely on a busy shift?"],
       r"medication|drug|infusion|iv|administ\w+|pharmac\w+|epic|ehr|electronic health",
       "the checks you never skip (right patient, drug, dose, route, time), how you handle interruptions, and what you do with an error",
       ["the five rights or an equivalent check", "handling of interruptions", "reporting errors openly"],
       ["Tell me about a near miss you caught.", "How do you double-check high-risk drugs?"]),
    _c("hc-workload", SITUATIONAL, M + H,
       ["Two of your patients need you at the same moment and the unit is short-staffed. What do you do?",
        "How do you organise a shift when the ward is at full capacity?"],
       r"coordinat\w+|bed flow|admission\w*|shift|staffing|triage|prioriti\w+",
       "clinical prioritisation by acuity, delegating safely, asking for help early, and keeping patients and families informed",
       ["prioritising by acuity", "safe delegation", "asking for help early"],
       ["What would you delegate, and to whom?", "When would you escalate staffing concerns?"]),
    _c("hc-infection", TECHNICAL, E + M,
       ["What infection prevention practice do you insist on, and why?"],
       r"infection|hygiene|isolation|sepsis|wound|screening|checklist",
       "standard precautions done every time, isolation when needed, and speaking up when a colleague skips a step",
       ["specific precautions", "consistency under pressure", "willingness to challenge colleagues"],
       ["What would you do if a senior colleague skipped hand hygiene?"]),
    _c("hc-families", SITUATIONAL, M,
       ["A patient's family is upset about the care their relative receives. How do you handle the conversation?"],
       r"famil\w+|relatives|communicat\w+|complaint\w*|discharge",
       "calm listening, honest information within your role, involving the right colleague, and following up",
       ["empathy without defensiveness", "honesty within scope", "follow-up"],
       ["What would you not say in that conversation?"]),
    _c("hc-certification", TECHNICAL, E,
       ["You hold {certification}. When did you last put it into practice?"],
       r"resus\w*|arrest|life support|als|acls|bls|emergenc\w+",
       "a real situation where the training mattered, your role in it, and how you keep the skills current",
       ["a real event, described calmly", "their exact role", "how they keep current"],
       ["What did the debrief afterwards change?"]),
])

_bank("sales_marketing", "customers", r"sales|selling|upsell\w*|cross-sell\w*|negotiat\w+|prospect\w*|"
      r"lead generation|crm|salesforce|hubspot|pipedrive|account management|business development|"
      r"merchandis\w+|visual merchandising|retail|point of sale|pos|lightspeed|cash handling|"
      r"marketing|seo|sem|google ads|google analytics|social media|content|campaigns?|email marketing|"
      r"brand\w*|copywriting|market research|b2b|b2c|cold calling|closing|pricing|promotions?", [
    _c("sl-selling", TECHNICAL, E + M,
       ["Walk me through how you sell to a customer who only came in to browse."],
       r"sales|sold|upsell\w*|attachment|targets?|revenue|closed|client book|conversion",
       "reading the customer, asking questions before pitching, linking the product to their need, and asking for the sale",
       ["questions before the pitch", "listening for the real need", "a natural close"],
       ["What do you do when the customer says it is too expensive?", "How do you follow up after they leave?"],
       when=RETAIL, unless=MARKETING),
    _c("sl-targets", TECHNICAL, M + H,
       ["How do you plan your week to hit a sales target?",
        "You are behind target with two weeks to go. What do you change?"],
       r"targets?|quota|exceeded|ranked|revenue|\d+\s?%|growth",
       "knowing your numbers (footfall or pipeline, conversion, average value), where you focus first, and what you stop doing",
       ["knowledge of their own numbers", "a plan, not just effort", "honest about misses"],
       ["Which number do you watch most closely, and why?"], unless=r"marketing|social media|brand|content|seo|copywriter"),
    _c("sl-relationships", TECHNICAL, M,
       ["How do you turn one-time buyers into repeat customers?"],
       r"client book|repeat|loyal\w*|relationship\w*|account\w*|retention|crm|salesforce",
       "a system for remembering customers, useful reasons to get back in touch, and service after the sale",
       ["a concrete clienteling habit", "value in every contact", "measuring repeat business"],
       ["How many customers do you keep in regular contact with?"]),
    _c("sl-objections", SITUATIONAL, M,
       ["A customer wants a discount you are not allowed to give. What do you do?",
        "An unhappy customer wants to return an item outside the policy. How do you handle it?"],
       r"returns?|exchanges?|complaint\w*|resolved|negotiat\w+|objection\w*",
       "staying friendly and firm, offering what you can do, and escalating only when it is justified",
       ["calm under pressure", "options within the rules", "keeping the customer's goodwill"],
       ["When would you involve a manager?"]),
    _c("sl-market", PROBLEM_SOLVING, M + H,
       ["Sales of a product line are falling. How would you find out why and what to do?",
        "How would you plan a campaign to reach a new group of {people}?"],
       r"campaign\w*|launch\w*|market\w*|social media|promotion\w*|display|merchandis\w+",
       "looking at the data and at customers first, testing a change on a small scale, and measuring the result",
       ["data and customer feedback first", "small tests", "a clear success measure"],
       ["How would you know it worked?"]),
    _c("sl-display", TECHNICAL, E,
       ["How do you decide how a display or shop floor should look?"],
       r"display\w*|visual merchandising|merchandis\w+|layout|floor",
       "the customer's path through the space, what sells together, and checking sales after a change",
       ["a reason behind layout choices", "use of sales data", "keeping standards daily"],
       ["Which change to a display made the biggest difference?"], when=RETAIL),
    _c("mk-channels", TECHNICAL, E + M,
       ["Which channel has worked best for you, and how do you know?",
        "How do you decide where to spend a limited marketing budget?"],
       r"campaign\w*|social media|seo|email|ads|channel\w*|followers|engagement|traffic|\d+\s?%",
       "how you compare channels on cost and results, the measures you trust, and what you stopped doing",
       ["measures beyond vanity metrics", "cost per result", "willingness to stop what does not work"],
       ["What would you cut first if the budget halved?"], when=MARKETING),
    _c("mk-content", TECHNICAL, M,
       ["Walk me through how you plan a month of content for a brand.",
        "How do you keep a brand's voice consistent across channels and people?"],
       r"content|posts?|copy|brand\w*|calendar|editorial|social media|blog",
       "audience and goals first, a calendar with themes, a clear voice, and reviewing what performed",
       ["audience understanding", "planning discipline", "learning from results"],
       ["Which post or piece performed best, and why?"], when=MARKETING),
    _c("mk-measure", PROBLEM_SOLVING, M + H,
       ["A campaign got plenty of clicks but few sales. What do you look at?",
        "How do you prove what marketing contributed to sales?"],
       r"conversion|roi|leads?|sales|analytics|attribution|\d+\s?%",
       "following the funnel step by step, checking tracking, forming a hypothesis and testing a fix",
       ["funnel thinking", "data checks", "a test to confirm"],
       ["Which tool do you use to see the funnel?"], when=MARKETING),
    _c("sl-accounts", TECHNICAL, M + H,
       ["Walk me through how you grow an existing account.",
        "How do you build a pipeline for next quarter while closing this one?"],
       r"accounts?|pipeline|quota|revenue|clients?|partners?|deals?|closed",
       "account planning, knowing the client's goals, multi-threading contacts, and a steady prospecting habit",
       ["account planning", "client goals", "pipeline discipline"],
       ["What was your largest deal, and how did it close?"],
       when=r"account|business development|bdr|sdr|sales executive|sales manager|sales representative|partner"),
], office_tools=True)

_bank("finance", "clients", r"accounting|accounts payable|accounts receivable|bookkeeping|reconcil\w+|ifrs|gaap|"
      r"financial reporting|financial analysis|financial model\w*|fp&a|budget\w*|forecast\w*|audit\w*|tax|"
      r"payroll|xero|quickbooks|sage|sap|oracle financials|netsuite|excel|valuation|treasury|variance|"
      r"month-end|close|ledger|invoic\w+|credit|risk|compliance|management accounts", [
    _c("fi-close", TECHNICAL, E + M,
       ["Walk me through your month-end close. Where do the problems usually hide?"],
       r"month-end|close|management accounts|reconcil\w+|ledger|journals?",
       "the order of the close, the reconciliations you never skip, and how you catch errors before reporting",
       ["a clear sequence", "controls and reconciliations", "catching errors early"],
       ["What is the most common error you find, and how do you prevent it?"]),
    _c("fi-standards", TECHNICAL, M + H,
       ["Tell me about a judgement call on accounting treatment you had to defend."],
       r"ifrs|gaap|intercompany|audit\w*|compliance|standards?|tax",
       "knowing where to look in the standard, documenting the reasoning, and agreeing it with reviewers or auditors",
       ["reference to the actual standard", "documentation", "working with auditors"],
       ["How did the auditors respond?"]),
    _c("fi-analysis", PROBLEM_SOLVING, M + H,
       ["Costs are 15% over budget this quarter. How do you find out why?",
        "How would you build a forecast that the business actually trusts?"],
       r"budget\w*|forecast\w*|variance|analysis|model\w*|cost\w*|fp&a",
       "breaking the variance down by driver, checking the data, and explaining it in business terms with options",
       ["structured variance analysis", "data checks", "clear communication to non-finance people"],
       ["How would you present it to a manager who is not in finance?"]),
    _c("fi-controls", SITUATIONAL, M,
       ["A senior manager asks you to book something in a way you think is wrong. What do you do?"],
       r"controls?|compliance|audit\w*|approv\w+",
       "understanding the request, explaining the rule and the risk, proposing a correct alternative, and escalating if needed",
       ["integrity under pressure", "tact", "knowing when to escalate"],
       ["Has this happened to you? What was the outcome?"]),
    _c("fi-efficiency", PROBLEM_SOLVING, M,
       ["How would you shorten a slow month-end close without losing accuracy?"],
       r"days|faster|automat\w+|streamlin\w+|reduced|cut|shorten\w*",
       "mapping the steps, removing waiting and manual re-keying, and keeping the controls",
       ["process mapping", "automation with controls kept", "measured improvement"],
       ["What would you automate first?"]),
], office_tools=True)

_bank("design_creative", "users", r"figma|sketch|adobe\w*|photoshop|illustrator|indesign|after effects|premiere|"
      r"xd|invision|prototyp\w+|wireframing|user research|usability testing|design systems?|"
      r"interaction design|visual design|typography|branding|ui design|ux design|accessibility|"
      r"information architecture|journey mapping|personas|copywriting|video editing|photography|illustration", [
    _c("ds-process", TECHNICAL, E + M,
       ["Walk me through your design process on a recent project."],
       r"designed|redesigned|prototyp\w+|wirefram\w+|flows?|journeys?",
       "how you understood the problem and the users, explored options, tested them, and handed over to build",
       ["users and problem before pixels", "several options explored", "testing before hand-off"],
       ["Which option did you throw away, and why?"], when=r"design\w*|ux|ui"),
    _c("ds-research", TECHNICAL, M,
       ["How do you decide what to test with users, and how do findings change the design?",
        "Tell me about a usability finding that surprised you."],
       r"usability|user research|tests?|interviews?|findings|research",
       "a research question, a method that fits it, and a design change that followed from what you learned",
       ["a clear research question", "fitting method", "evidence changing the design"],
       ["How many participants did you test with, and was that enough?"], when=UX),
    _c("ds-systems", TECHNICAL, M + H,
       ["How do you build and keep a design system that many teams actually use?"],
       r"design systems?|components?|library|tokens|consisten\w+|teams",
       "shared components with clear rules, contribution and review, and measuring adoption",
       ["governance and contribution", "working with engineering", "adoption measured"],
       ["How do you handle a team that wants to break the system?"], when=UX),
    _c("ds-metrics", PROBLEM_SOLVING, M + H,
       ["A redesigned flow looks better but the numbers did not move. What do you do?",
        "How do you show that a design change worked?"],
       r"\d+\s?%|completion|conversion|drop-off|reduced|raised|increased",
       "a success measure agreed before the change, comparing before and after, and learning from a miss",
       ["measures defined up front", "honest reading of results", "iteration"],
       ["Which metric would you refuse to optimise for?"], when=UX),
    _c("ds-critique", SITUATIONAL, M,
       ["A stakeholder insists on a change you believe harms the user experience. How do you respond?"],
       r"stakeholders?|reviews?|critique|roadmap",
       "understanding their goal, showing evidence from users, offering an option that meets both, and accepting the decision gracefully",
       ["curiosity about the stakeholder's goal", "evidence over taste", "a constructive alternative"],
       ["When did you change your mind after feedback?"]),
    _c("ds-accessibility", TECHNICAL, E + M,
       ["How do you make sure your designs are accessible?"],
       r"accessib\w+|wcag|contrast|screen reader",
       "concrete checks (contrast, focus order, labels, text size) built into the process, and testing with assistive technology",
       ["specific checks", "part of the process, not an afterthought", "testing with real tools"],
       ["Which accessibility problem do designers miss most often?"], when=UX),
    _c("cr-brief", TECHNICAL, E + M,
       ["Walk me through how you turn a brief into finished work.",
        "How do you start when a brief is vague?"],
       r"brief\w*|concepts?|created|produced|designed|edited|wrote|campaign\w*",
       "clarifying the goal and audience, exploring ideas, choosing one with reasons, and checking it against the brief",
       ["clarifying questions", "several ideas before one", "checking against the goal"],
       ["Tell me about a brief you pushed back on."], unless=UX),
    _c("cr-feedback", SITUATIONAL, M,
       ["An editor or client asks for changes you disagree with. What do you do?",
        "How do you take critique of your work?"],
       r"edit\w*|feedback|reviews?|clients?|approv\w+",
       "listening for the reason behind the change, explaining your choice briefly, and making the work better either way",
       ["openness", "reasons over taste", "the work improves"],
       ["Which piece of feedback changed how you work?"]),
    _c("cr-deadline", SITUATIONAL, E + M,
       ["How do you keep quality up when a publication or delivery deadline is close?"],
       r"deadlines?|daily|weekly|issues?|publication|deliver\w*|on time",
       "planning backwards from the deadline, deciding what must be perfect and what can be good enough, and flagging risks early",
       ["planning", "prioritising quality where it matters", "early warning"],
       ["Have you ever missed a deadline? What happened?"]),
])

_bank("operations_logistics", "customers", r"supply chain|logistics|inventory|warehous\w+|procurement|purchasing|"
      r"lean|six sigma|kaizen|5s|forklift|wms|sap|erp|oracle|shipping|freight|customs|demand planning|"
      r"forecast\w*|distribution|fleet|scheduling|vendor management|sourcing|kpis?|excel|operations management", [
    _c("op-flow", TECHNICAL, E + M,
       ["Walk me through how an order moves through a warehouse you ran."],
       r"orders?|picking|shipping|slotting|warehouse|distribution|inbound|outbound",
       "the steps from receipt to dispatch, the measures you watch at each, and where delays usually come from",
       ["end-to-end understanding", "the KPIs they manage", "known bottlenecks"],
       ["Which KPI tells you first that something is wrong?"]),
    _c("op-accuracy", TECHNICAL, M,
       ["How do you keep inventory accurate?", "Stock counts keep disagreeing with the system. What do you do?"],
       r"inventory|cycle count\w*|accuracy|stock|audit\w*",
       "cycle counting, finding root causes of discrepancies, and fixing the process rather than the number",
       ["root cause over quick fixes", "a counting routine", "system and floor kept in step"],
       ["What was the most common cause of discrepancies you found?"]),
    _c("op-improve", PROBLEM_SOLVING, M + H,
       ["Picking takes too long and overtime is rising. How would you fix it?"],
       r"cut|reduced|lean|layout|slotting|improv\w+|efficien\w+|\d+\s?%",
       "measuring the current process, finding the biggest waste, testing a change, and holding the gain",
       ["data first", "involving the floor team", "sustaining the change"],
       ["How did you get the team to adopt the change?"]),
    _c("op-disruption", SITUATIONAL, M + H,
       ["A key carrier fails to collect on your busiest day. What do you do?",
        "A supplier delay threatens a customer delivery. How do you handle it?"],
       r"carriers?|suppliers?|freight|bookings|customs|deliver\w*",
       "protecting the customer first, activating alternatives, communicating early, and reviewing afterwards",
       ["customer-first priorities", "backup options", "early communication"],
       ["What would you put in place so it does not happen again?"]),
    _c("op-safety", TECHNICAL, E,
       ["How do you keep people safe in a busy warehouse?"],
       r"safety|incidents?|forklift|training|ppe",
       "clear rules, training, near-miss reporting, and leading by example",
       ["specific safety routines", "near-miss culture", "consistency"],
       ["What did you do the last time someone broke a safety rule?"]),
], office_tools=True)

_bank("people_hr", "employees", r"human resources|hr|recruit\w*|talent acquisition|sourcing|onboarding|"
      r"employee relations|hris|workday|successfactors|bamboohr|payroll|compensation|benefits|"
      r"performance management|learning and development|engagement|employment law|workforce planning|"
      r"coaching|interviewing|excel", [
    _c("hr-hiring", TECHNICAL, E + M,
       ["Walk me through how you fill a hard-to-hire role."],
       r"hired|recruit\w*|hiring|sourc\w+|candidates|vacanc\w+",
       "understanding the role with the manager, sourcing where those people are, a fair structured process, and measuring time and quality of hire",
       ["partnering with the hiring manager", "structured, fair selection", "measures of success"],
       ["How do you reduce bias in interviews?"]),
    _c("hr-relations", SITUATIONAL, M + H,
       ["An employee raises a complaint about their manager. How do you handle it?",
        "How would you handle a performance issue a manager has ignored for months?"],
       r"employee relations|grievanc\w+|disciplin\w+|investigat\w+|complaint\w*|performance",
       "a fair, confidential and documented process that follows policy and law, and support for both sides",
       ["fairness and confidentiality", "policy and legal awareness", "documentation"],
       ["When would you bring in legal advice?"]),
    _c("hr-retention", PROBLEM_SOLVING, M + H,
       ["Turnover in one team has doubled. How do you find out why and what to do?",
        "How would you use engagement survey results to change something real?"],
       r"turnover|retention|engagement|survey|attrition|\d+\s?%",
       "looking at the data and talking to people, finding the few real causes, acting with managers, and tracking the effect",
       ["data plus conversations", "focus on causes", "follow-through with managers"],
       ["Which action made the biggest difference?"]),
    _c("hr-partnering", TECHNICAL, M,
       ["How do you work with managers on workforce planning?",
        "As {role}, how did you earn the trust of the managers you supported?"],
       r"partnered|workforce planning|directors|managers|business partner",
       "understanding the business plan, translating it into people needs, and challenging managers constructively",
       ["business understanding", "constructive challenge", "practical plans"],
       ["Tell me about a time you disagreed with a director."]),
    _c("hr-onboarding", TECHNICAL, E,
       ["What makes onboarding work for a new starter?"],
       r"onboard\w*|induction|new starters?",
       "preparation before day one, a clear first-month plan, a buddy, and checking in at set points",
       ["concrete steps", "manager involvement", "feedback from new starters"],
       ["How do you know onboarding worked?"]),
], office_tools=True)

_bank("education", "students", r"teaching|lesson planning|curriculum\w*|classroom management|assessment|"
      r"differentiat\w+|special education|sen|iep|google classroom|moodle|canvas|blackboard|"
      r"tutoring|coaching|mentoring|pedagog\w+|e-learning|instruction\w*|literacy|numeracy|stem", [
    _c("ed-planning", TECHNICAL, E + M,
       ["Walk me through how you plan a lesson for a mixed-ability class."],
       r"lesson\w*|curriculum|plann\w+|taught|teach\w*|instruct\w*",
       "clear learning objectives, activities matched to different levels, and checks for understanding during the lesson",
       ["objectives first", "differentiation", "checking understanding"],
       ["How do you adjust when a lesson is not working?"]),
    _c("ed-behaviour", SITUATIONAL, M,
       ["A student keeps disrupting your lessons. What do you do?",
        "How do you set up a classroom so that behaviour problems are rare?"],
       r"behaviou?r|classroom management|discipline",
       "clear routines and expectations, calm consistent responses, finding out the cause, and working with parents and colleagues",
       ["routines and consistency", "curiosity about causes", "involving others appropriately"],
       ["What would you do if the usual approach did not work?"]),
    _c("ed-assessment", TECHNICAL, M,
       ["How do you use assessment to change your teaching?",
        "How do you know your students have actually learned something?"],
       r"assess\w+|grades?|results?|progress|exam\w*|\d+\s?%",
       "formative checks, looking at the results for patterns, and changing what you teach next because of them",
       ["formative assessment", "use of data", "concrete change in teaching"],
       ["Give me an example where results changed your plan."]),
    _c("ed-inclusion", TECHNICAL, M + H,
       ["How do you support a student with special educational needs in a mainstream class?"],
       r"special educ\w*|iep|sen|inclusion|support\w*|intervention",
       "knowing the student's plan, adapting materials and environment, working with support staff and parents, and tracking progress",
       ["individual plans", "collaboration", "tracking progress"],
       ["How do you work with a teaching assistant?"]),
    _c("ed-parents", SITUATIONAL, E + M,
       ["A parent is unhappy with their child's grade. How do you handle the meeting?"],
       r"parents?|families|communicat\w+|meetings?",
       "preparing evidence, listening, explaining clearly, and agreeing next steps for the child",
       ["preparation", "listening", "focus on the child"],
       ["When would you involve school leadership?"]),
])

_bank("customer_service", "customers", r"customer service|customer support|customer experience|zendesk|freshdesk|"
      r"intercom|salesforce|crm|live chat\w*|complaint handling|conflict resolution|call cent\w+|"
      r"ticketing|sla|escalation\w*|csat|nps|knowledge base|phone support|email support|itil", [
    _c("cs-difficult", SITUATIONAL, E + M,
       ["A customer is angry and shouting on the phone. Walk me through the call.",
        "How do you calm a customer who has already contacted you three times about the same problem?"],
       r"complaint\w*|resolved|escalat\w+|angry|difficult|conflict",
       "listening without interrupting, acknowledging the problem, owning the next step, and following up",
       ["empathy", "ownership", "follow-up"],
       ["What do you do if you cannot give them what they want?"]),
    _c("cs-quality", TECHNICAL, M,
       ["How do you keep quality high when the queue is long?"],
       r"satisfaction|csat|nps|quality|contacts|tickets|macros|queue|\d+\s?%",
       "knowing the team's measures, templates that stay personal, and fixing repeat problems at their source",
       ["knows their metrics", "balance of speed and quality", "root-cause fixes"],
       ["Which metric matters most to you, and why?"]),
    _c("cs-escalation", TECHNICAL, M + H,
       ["How do you decide when to escalate a case, and to whom?",
        "Tell me how you would write an escalation playbook for a new type of problem."],
       r"escalat\w+|playbooks?|fraud|procedures?|process",
       "clear criteria, the information the next level needs, and closing the loop with the customer",
       ["clear criteria", "complete handovers", "closing the loop"],
       ["What goes wrong most often in escalations?"]),
    _c("cs-team", TECHNICAL, M + H,
       ["How do you coach an agent whose satisfaction scores are falling?",
        "How do you plan staffing for a support team when volume swings?"],
       r"led|team|agents|coach\w*|train\w*|staffing",
       "looking at real contacts, specific feedback, practice, and checking progress",
       ["evidence-based coaching", "specific feedback", "follow-up"],
       ["How do you handle an agent who does not improve?"]),
    _c("cs-voice", PROBLEM_SOLVING, M,
       ["The same complaint keeps coming in. How do you get it fixed for good?"],
       r"root cause|feedback|improv\w+|reduced|product|wrote",
       "collecting examples and numbers, taking them to the team that can fix it, and tracking until it is solved",
       ["data gathering", "influence without authority", "persistence"],
       ["Tell me about a complaint you got fixed at its source."]),
], office_tools=True)

_bank("engineering", "clients", r"cad|autocad|solidworks|ansys|catia|creo|inventor|matlab|simulink|plc|scada|"
      r"gd&t|fea|finite element\w*|cfd|revit|six sigma|lean\w*|fmea|root cause|technical drawing|"
      r"hvac|welding|maintenance|manufactur\w+|quality|iso|tolerances?|prototyp\w+|testing|commissioning|"
      r"electrical|mechanical|structural|civil|process", [
    _c("en-design", TECHNICAL, E + M,
       ["Walk me through a component you designed, from requirements to drawings."],
       r"designed|drawings?|housings?|components?|prototyp\w+|specification\w*",
       "requirements and constraints, the design choices and calculations behind them, and how you verified them",
       ["clear requirements", "engineering reasoning", "verification"],
       ["Which requirement was hardest to meet, and why?"], unless=TRADES),
    _c("en-analysis", TECHNICAL, M + H,
       ["How do you decide whether a simulation result can be trusted?"],
       r"analysis|simulation|fea|ansys|calculat\w+|weight|\d+\s?%",
       "checking assumptions, boundary conditions and mesh, comparing with hand calculations or tests, and documenting limits",
       ["sanity checks", "validation against tests", "awareness of limits"],
       ["Tell me about a result that turned out to be wrong."], unless=TRADES),
    _c("en-manufacture", TECHNICAL, M,
       ["How do you make sure a design can be manufactured at cost?",
        "How do you work with the production floor on a new part?"],
       r"production|plant|manufactur\w+|suppliers?|tolerances?|gd&t|reviews?",
       "involving manufacturing early, sensible tolerances, and design reviews with the people who build it",
       ["design for manufacture", "collaboration with production", "cost awareness"],
       ["What change did the plant ask for that improved the design?"], unless=TRADES),
    _c("en-failure", PROBLEM_SOLVING, M + H,
       ["A part fails in the field. How do you find the root cause?",
        "Walk me through a root cause analysis you would run on a recurring defect."],
       r"failures?|root cause|defects?|fmea|quality|investigat\w+",
       "containment first, data and physical evidence, a structured method (5 whys, fishbone, FMEA), and a verified fix",
       ["containment before analysis", "structured method", "verification of the fix"],
       ["How did you confirm the fix worked?"]),
    _c("en-safety", SITUATIONAL, M,
       ["You find a safety issue in a design that is already in production. What do you do?"],
       r"safety|standards?|compliance|risk",
       "raising it immediately, assessing the risk, containment, and a documented change through the proper process",
       ["speaking up", "risk assessment", "formal change process"],
       ["Who would you tell first?"], unless=TRADES),
    _c("tr-diagnose", TECHNICAL, E + M + H,
       ["A unit breaks down on a call-out and the cause is not obvious. How do you diagnose it?",
        "Walk me through the last difficult fault you found."],
       r"diagnos\w+|repair\w*|troubleshoot\w*|faults?|service\w*|maintain\w*|install\w*",
       "a systematic approach (symptoms, checks from simple to complex, measurements), the right tools, and confirming the fix",
       ["systematic checks", "use of measurements and manuals", "confirming the fix"],
       ["What do you do when the manual does not cover it?"], when=TRADES),
    _c("tr-safety", TECHNICAL, E + M,
       ["How do you make sure a job is safe before you start work on it?",
        "Which safety rules do you never bend, even when you are in a hurry?"],
       r"safety|lockout|osha|compliance|certif\w+|licen[cs]ed|regulations?",
       "isolation and lockout, the right protective equipment, checking the work area, and stopping when something is wrong",
       ["lockout/isolation", "PPE", "willingness to stop work"],
       ["Tell me about a time you stopped a job for safety."], when=TRADES),
    _c("tr-customer", SITUATIONAL, M,
       ["A customer is unhappy that a repair costs more than they expected. How do you handle it?"],
       r"customers?|clients?|estimat\w+|quotes?",
       "explaining the fault and options plainly, agreeing before extra work, and being honest about costs",
       ["plain explanations", "agreement before work", "honesty"],
       ["How do you explain a technical problem to someone who is not technical?"], when=TRADES),
])

_bank("legal", "clients", r"legal research|litigation|contracts?|contract drafting|drafting|negotiat\w+|compliance|"
      r"due diligence|corporate law|employment law|immigration|intellectual property|gdpr|data protection|"
      r"westlaw|lexisnexis|case management|court|advocacy|conveyancing|regulatory|legal writing|discovery", [
    _c("lg-research", TECHNICAL, E + M,
       ["Walk me through how you research a legal question you have not met before."],
       r"research\w*|advis\w+|opinions?|memos?|briefs?",
       "finding the governing law and authorities, checking they are current, and writing a clear answer with its risks",
       ["sound method", "checking authorities are current", "clear practical advice"],
       ["How do you know when you have researched enough?"]),
    _c("lg-drafting", TECHNICAL, M,
       ["How do you draft a contract so that it protects your client but still gets signed?",
        "What do you check first when reviewing a contract from the other side?"],
       r"draft\w*|contracts?|agreements?|review\w*|negotiat\w+",
       "understanding the client's commercial aim, the clauses that carry the risk, and clear wording",
       ["commercial awareness", "risk clauses", "clarity"],
       ["Which clause do people most often get wrong?"]),
    _c("lg-cases", TECHNICAL, M + H,
       ["Tell me about a matter you handled from start to finish.",
        "How do you prepare for a hearing?"],
       r"court|hearings?|cases?|matters?|litigation|represent\w+|tribunal",
       "the issues, your strategy, preparation of evidence and arguments, and the outcome",
       ["clear strategy", "thorough preparation", "honest account of the outcome"],
       ["What would you do differently?"]),
    _c("lg-ethics", SITUATIONAL, M + H,
       ["A client asks you to do something you believe is improper. How do you respond?"],
       r"ethic\w*|compliance|regulat\w+|professional",
       "explaining your duties, offering a lawful alternative, and escalating or withdrawing if needed",
       ["knowledge of professional duties", "firmness", "client care"],
       ["Has your duty to the court ever conflicted with a client's wishes?"]),
    _c("lg-workload", SITUATIONAL, E + M,
       ["You have three deadlines on the same day. How do you manage them?"],
       r"deadlines?|case\w*|matters?|managed",
       "early planning, a reliable system for deadlines, and telling supervisors and clients early if something is at risk",
       ["a deadline system", "early warning", "prioritisation"],
       ["Have you ever missed a deadline? What happened?"]),
])

_bank("management", "stakeholders", r"project management|program management|programme management|agile|scrum|"
      r"kanban|pmp|prince2|jira|risk management|stakeholder management|budget\w*|roadmap\w*|okrs?|"
      r"strategy|strategic planning|change management|product management|business analysis|p&l|"
      r"operations management|excel|ms project|confluence", [
    _c("mg-delivery", TECHNICAL, E + M,
       ["Walk me through how you plan a project from kick-off to delivery."],
       r"delivered|projects?|programmes?|programs?|launched|plann\w+|roadmap",
       "scope and success criteria, a plan with milestones and risks, regular reporting, and how you handle change",
       ["clear scope", "risk management", "honest reporting"],
       ["Tell me about a project that went off track. What did you do?"]),
    _c("mg-stakeholders", SITUATIONAL, M + H,
       ["Two senior stakeholders want opposite things from your project. How do you resolve it?"],
       r"stakeholders?|directors?|board|executives?|sponsors?",
       "understanding each side's goal, making the trade-off visible, and getting a decision from the right person",
       ["neutral framing", "escalation at the right level", "keeping both on side"],
       ["What did you do when the decision went against you?"]),
    _c("mg-budget", TECHNICAL, M + H,
       ["How do you manage a budget that is under pressure?",
        "You are told to cut your budget by 20% mid-year. What do you do?"],
       r"budget\w*|p&l|cost\w*|revenue|\$|€|£",
       "knowing where the money goes, protecting what matters most, and being open about what the cut costs",
       ["financial grip", "prioritisation", "transparency"],
       ["What would you refuse to cut?"]),
    _c("mg-people", TECHNICAL, M + H,
       ["How do you build a team's performance over a year?",
        "How do you handle a strong performer whose behaviour hurts the team?"],
       LEAD,
       "clear goals, regular feedback, developing people, and dealing with problems early",
       ["goal setting", "feedback habits", "courage with hard conversations"],
       ["Tell me about someone you helped grow into a bigger role."]),
    _c("mg-change", PROBLEM_SOLVING, H,
       ["How would you lead a change that most of the team resists?"],
       r"transform\w*|change|restructur\w+|introduced|implemented|rolled out",
       "explaining why, involving people in how, starting small, and following through",
       ["the why explained", "involvement", "follow-through"],
       ["What did you learn from a change that failed?"]),
], office_tools=True)

_bank("general", "customers", r"(?!x)x", [
    _c("gn-day", TECHNICAL, E + M,
       ["Walk me through a typical day in your work as {role}.",
        "What does doing your job well look like, and how do you know you did?"],
       r"managed|handled|responsible|prepared|maintained|processed|served",
       "the main tasks, the standards you hold yourself to, and how you check your own work",
       ["concrete tasks", "own standards", "self-checking"],
       ["Which part of the job do you find hardest?"]),
    _c("gn-quality", TECHNICAL, M,
       ["How do you make sure your work is right the first time?"],
       r"accura\w+|quality|checks?|standards?",
       "the checks you use, how you learn from errors, and asking when unsure",
       ["specific checks", "learning from errors", "asking for help"],
       ["Tell me about an error you caught before it caused trouble."]),
    _c("gn-learning", TECHNICAL, E,
       ["How do you learn a new task or system quickly?"],
       r"learn\w*|trained|certif\w+|courses?",
       "a method (watching, practising, asking, writing it down) and an example",
       ["a method", "initiative", "an example"],
       ["What did you learn most recently?"]),
])

CANDIDATE_FAMILIES = tuple(BANKS)


def bank_for(family: str) -> Bank:
    return BANKS.get(family) or BANKS["general"]
