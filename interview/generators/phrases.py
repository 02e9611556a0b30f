"""Sentence variants the local answer composer chooses from (seeded, so sets are reproducible).

A variant is only chosen when every placeholder it uses has a real value from the profile, so an
answer never claims a company, skill or year the resume does not contain. Each list keeps at least
one variant without optional placeholders.
"""

TECH_OPENERS = [
    "I've used {skill} hands-on as {role} at {company}{for_years}.",
    "Most of my {skill} experience comes from {company}, where I worked as {role}{for_years}.",
    "At {company}, as {role}{for_years}, {skill} was part of my everyday work.",
    "My clearest example is my time as {role} at {company}: {skill} sat at the centre of what I delivered there.",
    "I've worked with {skill}{no_exp} in my own projects and studies, and I keep building on it.",
    "I've applied what I know in real projects and code reviews, and I keep building on it.",
]

TECH_MIDDLES = {
    "depth": [
        "I'm comfortable beyond the basics: I know where {skill} shines, where it gets awkward, and how to keep code in it readable for the next person.",
        "What I focus on is using {skill} idiomatically, so the code stays simple to review, test and hand over.",
        "I try to understand the why behind each tool I use, so I can explain choices to teammates rather than just follow habits.",
    ],
    "compare": [
        "My rule of thumb is to reach for {skill} when the problem fits its strengths and the team knows it, and for {skill2} when its ecosystem or performance profile fits better; when unsure, I run a short spike instead of deciding by habit.",
        "I compare {skill} and {skill2} on the things that matter for the task: maturity, team familiarity, operational cost and how easy the result is to test. Familiarity alone is never enough of a reason.",
    ],
    "design": [
        "I start from the requirements and failure modes, keep the first version simple, measure it under realistic load, and only then add caching, queues or partitioning where the numbers show a need.",
        "I write down the constraints first (load, latency, consistency, budget), sketch two options with their trade-offs, and pick the one that is easiest to operate and change later.",
    ],
    "debug": [
        "I reproduce the problem first, narrow it down with logs, metrics and bisecting, capture it in a failing test, and only then fix it, so it cannot quietly come back.",
        "I work from evidence: I collect logs and traces around the failure, form one hypothesis at a time, and check each with the smallest possible experiment.",
    ],
    "quality": [
        "I keep changes small, cover behaviour with automated tests at the right level, and ask for reviews early, which catches design problems while they are still cheap to fix.",
        "For me quality means tests that describe behaviour, clear names, and code a teammate can change without fear; I lean on CI and linters so reviews can focus on design.",
    ],
    "learn": [
        "I learn by building: I read the official documentation, make a small working prototype, and then ask someone experienced to review it.",
        "I learn a tool properly by pairing the documentation with a small real task, then writing down what surprised me so the team benefits too.",
    ],
    "performance": [
        "I measure before changing anything: profile, find the biggest cost, fix that one thing, and verify the gain with the same measurement.",
        "I look at the whole path (queries, network calls, serialisation, memory) with real profiling data, because the slow part is rarely where people first guess.",
    ],
    "security": [
        "I validate every input at the boundary, keep secrets out of code and logs, give each component the least privilege it needs, and keep dependencies patched.",
        "I assume input is hostile: parameterised queries, output escaping, strict authentication checks and regular dependency updates are my defaults.",
    ],
}

RELATED = [
    "I usually combine it with {other1} and {other2}, which are also part of my toolkit.",
    "Alongside it I rely on {other1} and {other2}, so I'm used to seeing how the pieces fit together.",
]

CLOSERS = {
    "junior": [
        "I'm early in my career, so I'm deliberate about asking for feedback and learning from every project.",
        "I'm still growing quickly, and I treat each project as a chance to deepen these skills.",
    ],
    "experienced": [
        "Across my {total} of experience, that habit has saved me from more late-night surprises than any single tool.",
        "Over {total} in the field I've found that this discipline matters more than any particular technology.",
        "After {total} of doing this, I'd bring the same approach to {target_company} from day one.",
        "That is the way of working I'd bring to the {target_role} role.",
    ],
}

STAR = {
    "leadership": {
        "situation": [
            "we had a delivery that was slipping and a team that had lost confidence in the plan.",
            "our team took on a project that touched several systems and had no clear owner.",
        ],
        "task": [
            "I had to get the work back on track without burning people out.",
            "My task was to own the plan and keep everyone pulling in the same direction.",
        ],
        "action": [
            "I split the work into small milestones, set up short daily check-ins, paired with whoever was blocked and took on the riskiest {skill} work myself.",
            "I made priorities explicit, gave each person a clear area of ownership, removed blockers every day and kept stakeholders updated weekly.",
        ],
        "result": [
            "We delivered the part the business cared about most, and the team kept those habits afterwards.",
            "The project shipped, and I was asked to lead the next one.",
        ],
    },
    "conflict": {
        "situation": [
            "a colleague and I disagreed about how to approach an important change in {skill}.",
            "a colleague and I had opposite views on how a key part of the system should work.",
        ],
        "task": [
            "We needed a decision we could both commit to, without damaging our working relationship."
        ],
        "action": [
            "I asked to hear their reasoning first, wrote both options down with their trade-offs, and proposed a small experiment to compare them.",
            "I set up a short meeting with the facts on one page, agreed the decision criteria with them before discussing solutions, and we chose together.",
        ],
        "result": [
            "The evidence settled it, we kept a good working relationship, and we reused that approach for later disagreements.",
            "We reached a decision within a day, and that colleague became one of my closest collaborators.",
        ],
    },
    "failure": {
        "situation": [
            "I shipped a change that I had not tested thoroughly enough, and it caused a problem for users.",
            "I underestimated a piece of work and had to tell my team it would be late.",
        ],
        "task": ["I had to fix the immediate problem and make sure it would not happen again."],
        "action": [
            "I owned the mistake openly, rolled back, found the root cause, and added the missing tests and a checklist step to our release process.",
            "I raised it early rather than hoping to catch up, re-planned with the team, and changed how I estimate so unknowns are called out explicitly.",
        ],
        "result": [
            "The issue never recurred, and I learned to treat testing as part of the work, not a step after it.",
            "My estimates became noticeably more reliable, and the team started using the same habit.",
        ],
    },
    "deadline": {
        "situation": [
            "a client-facing release date was fixed, and the scope was larger than the time we had.",
            "a key deliverable was moved forward by two weeks.",
        ],
        "task": ["I had to deliver what mattered most on time without cutting corners on quality."],
        "action": [
            "I listed every piece of scope with the stakeholder, agreed what was essential, automated the repetitive checks with {skill}, and kept the rest for a follow-up release.",
            "I focused on the critical path, cut nice-to-haves after agreeing it with the stakeholder, and kept testing in scope.",
        ],
        "result": [
            "We shipped on the date with the essentials working, and the follow-up release landed shortly after.",
            "The release went out on time with no incidents, and the remaining scope followed in the next sprint.",
        ],
    },
    "learning": {
        "situation": [
            "a project needed {skill}, which I had not yet used in depth.",
            "a project needed a technology that was new to me.",
        ],
        "task": [
            "I had to become productive with it quickly and still deliver on the original timeline."
        ],
        "action": [
            "I worked through the official documentation, built a small prototype first, and asked an experienced colleague to review my first pull requests.",
            "I time-boxed a learning spike, kept notes of the pitfalls I hit, and applied them immediately to the real task.",
        ],
        "result": [
            "We delivered on schedule, and {skill} became one of the skills I now rely on.",
            "We delivered on schedule, and my notes became the team's onboarding guide for it.",
        ],
    },
    "feedback": {
        "situation": [
            "a senior colleague told me my code reviews were too terse and came across as dismissive.",
            "my manager pointed out that I was not sharing progress early enough.",
        ],
        "task": ["I wanted to understand the feedback properly and change how I worked."],
        "action": [
            "I asked for concrete examples, started explaining the why behind each review comment, and checked back a month later.",
            "I began posting short written updates twice a week and flagging risks as soon as I saw them.",
        ],
        "result": [
            "The feedback I got afterwards was clearly better, and people started asking me for reviews.",
            "Surprises disappeared from our planning meetings, and I still keep that habit.",
        ],
    },
    "initiative": {
        "situation": [
            "I noticed we were losing hours every week to a manual, error-prone process.",
            "I saw that a recurring problem kept reaching users because nobody owned it.",
        ],
        "task": ["Nobody had asked me to fix it, but I believed it was worth doing."],
        "action": [
            "I measured the cost, proposed a small fix using {skill}, built it in my own time-boxed slots and documented it for the team.",
            "I wrote a one-page proposal with the cost of doing nothing, got agreement, and delivered the fix incrementally.",
        ],
        "result": [
            "The manual work disappeared and the team adopted the tool as standard.",
            "The problem stopped recurring, and it became part of how the team works.",
        ],
    },
    "ambiguity": {
        "situation": [
            "we were asked to build a feature with only a one-line description.",
            "requirements for a project kept shifting as stakeholders changed their minds.",
        ],
        "task": ["I had to turn the request into something the team could build and verify."],
        "action": [
            "I interviewed the stakeholders, wrote down assumptions and open questions, built a thin first version and reviewed it with them early.",
            "I proposed a short discovery phase, agreed on success criteria, and delivered in small increments that stakeholders could react to.",
        ],
        "result": [
            "We converged on the real need quickly and avoided building the wrong thing.",
            "The final feature matched what users needed, and the approach became our default for vague requests.",
        ],
    },
    "teamwork": {
        "situation": [
            "a feature depended on work from another team with different priorities.",
            "we needed design, product and operations to agree before we could ship.",
        ],
        "task": ["I had to align everyone without any authority over the other teams."],
        "action": [
            "I explained what was in it for them, agreed a shared timeline, and kept a simple tracker everyone could see.",
            "I set up a short weekly sync, made decisions and owners explicit in writing, and handled the integration work on our side with {skill}.",
        ],
        "result": [
            "We shipped together on time and kept the working relationship for later projects.",
            "The launch went smoothly and the other team asked to use the same process again.",
        ],
    },
}

APPROACHES = {
    "priorities": [
        "clarify the impact and urgency of each item with the people who raised it",
        "handle anything that is actively hurting users or revenue first",
        "agree the order openly with my manager so nobody is surprised",
        "communicate timelines for the rest and follow up as promised",
    ],
    "disagree": [
        "make sure I understand the reasons behind the decision",
        "put my concerns in writing with evidence and the risks I see",
        "suggest a small experiment or a reversible first step",
        "commit fully to the decision once it is made, and revisit it only with new data",
    ],
    "incident": [
        "stabilise first: roll back or switch off the change",
        "communicate clearly who is leading and where updates will be posted",
        "collect logs and metrics before they are lost",
        "run a blameless review afterwards and track the follow-up actions",
    ],
    "legacy": [
        "read the code and run it locally before changing anything",
        "add characterisation tests around the parts I need to touch",
        "make small, reversible changes behind those tests",
        "document what I learn so the next person has an easier start",
    ],
    "ambiguity": [
        "write down what is known, what is assumed and what is open",
        "agree a small first milestone with the stakeholders",
        "deliver it quickly and use their reaction to refine the rest",
        "keep a short change log so shifting requirements stay visible",
    ],
    "onboarding": [
        "meet the people I will work with and learn how decisions are made",
        "get the system running locally and ship a small fix in the first week",
        "learn the product from the users' point of view",
        "agree with my manager what success looks like at 30, 60 and 90 days",
    ],
    "people": [
        "talk to my teammate privately and ask what is getting in the way",
        "offer concrete help, such as pairing or splitting the work",
        "agree clear, small next steps and check in on them",
        "involve our manager only if things do not improve, and say so openly",
    ],
    "estimate": [
        "break the work into pieces small enough to reason about",
        "do a short spike on the riskiest unknown",
        "give a range with my confidence rather than a single date",
        "update the estimate as soon as I learn something that changes it",
    ],
    "quality": [
        "make the risk concrete: what could break and what it would cost",
        "propose a reduced but meaningful test scope on the critical paths",
        "offer options, such as a feature flag or a staged rollout",
        "agree the decision with the product owner and record it",
    ],
    "performance": [
        "measure the current behaviour with real data and set a target",
        "profile the hot path to find the single biggest cost",
        "fix that one bottleneck and verify the gain with the same measurement",
        "add monitoring so a regression is caught early",
    ],
    "debug": [
        "gather logs, metrics and traces around the failures",
        "look for what the failing cases have in common",
        "reproduce it under similar load or data in a safe environment",
        "fix the root cause and add a test and an alert for it",
    ],
    "tradeoff": [
        "define what success means and the constraints",
        "list two or three realistic options with their costs and risks",
        "prototype the riskiest option cheaply",
        "decide, write the reasoning down and set a point to revisit it",
    ],
    "migration": [
        "add the new schema alongside the old one",
        "write to both and backfill existing data in batches",
        "switch reads over gradually while comparing results",
        "remove the old schema only once everything is verified",
    ],
    "design": [
        "clarify the users, the main use cases and the expected load",
        "design the data model and API around those use cases",
        "choose storage and indexing for the queries that matter most",
        "plan for validation, permissions and tests from the start",
    ],
}

SOLVE_LEADINS = [
    "I'd work through it in clear steps.",
    "Here is how I would approach it.",
    "I like to keep this structured.",
    "My approach would be calm and methodical.",
]

EXPERIENCE_LINKS = [
    "I've faced something similar as {role} at {company}, where {deed}.",
    "That is close to how I worked at {company}{for_years}, with {skill} as my main tool.",
    "It's the approach I used as {role} at {company}.",
    "I'd lean on my experience with {skill} and {skill2} to move quickly.",
    "It's the same discipline I apply in all my work.",
]

STAR_PLACES = [
    "While I was {role} at {company}, ",
    "At {company}, where I worked as {role}{for_years}, ",
    "During my {degree}{no_exp} at {institution}, ",
    "On a recent project, ",
]
