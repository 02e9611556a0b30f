"""Summary, strengths, weaknesses and job recommendations derived from the parsed profile.

These are rules over what the parser found, not judgements about the person: they say what a
reader of the resume would notice first (years, breadth, seniority, gaps, short stays, missing
contact details) in plain sentences. docs/parser-quality.md lists the rules.
"""

import re

# Role families: what each needs most, in taxonomy names. A family is recommended by how many
# of its signal skills the profile has (the latest title counts as a strong signal too).
ROLE_FAMILIES: list[tuple[str, set[str], set[str]]] = [
    ("Backend Engineer", {"Python", "Java", "Go", "Django", "Spring Boot", "Node.js", "PostgreSQL",
                          "REST", "Microservices", "C#", ".NET", "Ruby on Rails", "Kafka", "Redis"},
     {"backend", "back-end", "server"}),
    ("Frontend Engineer", {"JavaScript", "TypeScript", "React", "Vue.js", "Angular", "HTML", "CSS",
                           "Next.js", "Svelte", "Tailwind CSS", "Redux", "Webpack"},
     {"frontend", "front-end", "ui"}),
    ("Full-Stack Engineer", {"JavaScript", "TypeScript", "React", "Node.js", "Python", "Django",
                             "PostgreSQL", "REST", "GraphQL", "Docker"}, {"full-stack", "full", "stack"}),
    ("DevOps / Platform Engineer", {"Kubernetes", "Docker", "Terraform", "Amazon Web Services",
                                    "Google Cloud Platform", "Microsoft Azure", "CI/CD", "Ansible",
                                    "Prometheus", "Helm", "Linux", "Jenkins", "GitHub Actions"},
     {"devops", "platform", "sre", "reliability", "infrastructure", "cloud"}),
    ("Data Engineer", {"Apache Spark", "Apache Airflow", "Apache Kafka", "dbt", "Snowflake",
                       "BigQuery", "SQL", "ETL", "Data Pipelines", "Databricks", "PySpark"},
     {"data"}),
    ("Data Scientist", {"Machine Learning", "Python", "pandas", "scikit-learn", "Statistics",
                        "R", "TensorFlow", "PyTorch", "Data Analysis", "NumPy", "Deep Learning"},
     {"scientist", "science"}),
    ("Machine Learning Engineer", {"Machine Learning", "Deep Learning", "PyTorch", "TensorFlow",
                                   "MLOps", "Natural Language Processing", "Computer Vision",
                                   "Large Language Models", "Kubeflow", "MLflow"},
     {"ml", "machine", "learning", "ai"}),
    ("Mobile Engineer", {"Swift", "Kotlin", "iOS Development", "Android Development", "Flutter",
                         "React Native", "SwiftUI", "Jetpack Compose", "Objective-C"},
     {"mobile", "ios", "android"}),
    ("QA / Test Automation Engineer", {"Test Automation", "Selenium", "Cypress", "Playwright",
                                       "pytest", "JUnit", "QA", "Regression Testing", "Postman"},
     {"qa", "test", "tester", "quality"}),
    ("Security Engineer", {"Cybersecurity", "Penetration Testing", "SIEM", "Incident Response",
                           "Network Security", "Application Security", "OWASP", "ISO 27001"},
     {"security"}),
    ("Data Analyst", {"SQL", "Tableau", "Power BI", "Excel", "Data Analysis", "Data Visualization",
                      "Looker BI", "Statistics", "Google Analytics"}, {"analyst", "analytics"}),
    ("Product Manager", {"Product Management", "Product Strategy", "Agile", "Scrum", "Jira",
                         "Stakeholder Management", "A/B Testing", "Product Roadmapping", "User Research"},
     {"product"}),
    ("Project / Program Manager", {"Project Management", "Program Management", "Agile", "Scrum",
                                   "PMP", "Risk Management", "Stakeholder Management", "Budgeting"},
     {"project", "program", "delivery"}),
    ("UX / Product Designer", {"UX Design", "UI Design", "Figma", "Sketch", "Prototyping",
                               "User Research", "Wireframing", "Design Systems", "Adobe XD"},
     {"designer", "design", "ux"}),
    ("Financial Analyst", {"Financial Analysis", "Financial Modeling", "Excel", "FP&A", "Valuation",
                           "Budgeting", "Accounting", "GAAP"}, {"finance", "financial", "accountant"}),
    ("Digital Marketing Manager", {"Digital Marketing", "Search Engine Optimization", "Google Ads",
                                   "Content Marketing", "Email Marketing", "HubSpot",
                                   "Google Analytics", "Social Media Marketing"}, {"marketing"}),
    ("Sales / Account Executive", {"Sales", "B2B Sales", "Salesforce", "Account Management",
                                   "Business Development", "Negotiation", "Lead Generation", "CRM"},
     {"sales", "account"}),
    ("Embedded Software Engineer", {"Embedded Systems", "C", "C++", "RTOS", "Microcontrollers",
                                    "Firmware Development", "FPGA", "Embedded Linux"},
     {"embedded", "firmware"}),
    ("Accountant", {"Accounting", "Bookkeeping", "GAAP", "IFRS", "QuickBooks", "Xero",
                    "Reconciliation", "Accounts Payable", "Accounts Receivable", "Financial Reporting"},
     {"accountant", "accounting", "bookkeeper"}),
    ("Registered Nurse", {"Patient Care", "Nursing", "BLS", "ACLS", "Medication Administration",
                          "Electronic Health Records", "Vital Signs", "Triage", "Wound Care"},
     {"nurse", "nursing", "rn"}),
    ("Teacher", {"Teaching", "Lesson Planning", "Curriculum Development", "Classroom Management",
                 "Student Assessment", "Differentiated Instruction", "Google Classroom"},
     {"teacher", "tutor", "instructor", "lecturer"}),
    ("HR Generalist / Recruiter", {"Human Resources", "Recruiting", "Talent Acquisition", "Onboarding",
                                   "Employee Relations", "HRIS", "Workday", "Payroll"},
     {"hr", "recruiter", "talent", "people"}),
    ("Operations / Supply Chain Manager", {"Supply Chain Management", "Logistics", "Inventory Management",
                                           "Procurement", "Lean Manufacturing", "Six Sigma",
                                           "Operations Management", "SAP", "Demand Planning"},
     {"operations", "supply", "logistics", "procurement"}),
    ("Customer Success Manager", {"Customer Success", "Customer Service", "Account Management",
                                  "Zendesk", "Salesforce", "CRM", "Client Relations"},
     {"customer", "support", "success"}),
]
# "Staff Engineer" is a senior rank in technology; a "Staff Nurse" is not.
PRINCIPAL_RE = re.compile(
    r"\b(?:principal|head|director|chief)\b|\bstaff\b(?:\s+\w+){0,2}\s+(?:engineer|developer|scientist|architect|designer)",
    re.I,
)
LEADERSHIP_RE = re.compile(r"\b(?:lead|head|manager|director|principal|chief|vp|cto|ceo|founder)\b", re.I)
QUANTIFIED_RE = re.compile(r"\d+\s?%|\$\s?\d|\b\d+[kKmM]\b|\b\d{2,}\b")


def seniority(years: float, latest_role: str | None) -> str:
    if latest_role and PRINCIPAL_RE.search(latest_role):
        return "Principal"
    if years >= 10 or (latest_role and re.search(r"\blead\b", latest_role, re.I)):
        return "Lead"
    if years >= 5 or (latest_role and re.search(r"\b(?:senior|sr)\b", latest_role, re.I)):
        return "Senior"
    if years >= 2:
        return ""
    return "Junior"


def recommend_roles(skill_names: set[str], years: float, roles: list[str]) -> list[str]:
    title_words = set(re.findall(r"[a-z][a-z\-]*", " ".join(roles[:1]).lower()))
    scored = []
    for family, signals, words in ROLE_FAMILIES:
        score = len(skill_names & signals) + 2 * len(title_words & words)
        if score >= 2:
            scored.append((score, family))
    scored.sort(key=lambda item: -item[0])
    level = seniority(years, roles[0] if roles else None)
    return [f"{level} {family}".strip() for _, family in scored[:3]]


def find_gaps(jobs: list[dict]) -> list[int]:
    """Gaps between jobs in months, longest first (overlaps are not gaps)."""
    spans = sorted((job["_range"].start.index, job["_range"].end.index) for job in jobs)
    gaps, reach = [], None
    for start, end in spans:
        if reach is not None and start - reach > 1:
            gaps.append(start - reach - 1)
        reach = end if reach is None else max(reach, end)
    return sorted(gaps, reverse=True)


def strengths_for(profile: dict, skills: dict[str, list[str]], jobs: list[dict]) -> list[str]:
    result = []
    years = profile["total_years_experience"]
    if years >= 8:
        result.append(f"Extensive experience: {years:g} years in the workforce")
    elif years >= 3:
        result.append(f"Solid experience: {years:g} years")
    if len(skills) >= 4:
        result.append(f"Broad skill set across {len(skills)} areas ({', '.join(list(skills)[:4])})")
    top = max(skills.items(), key=lambda item: len(item[1]), default=None)
    if top and len(top[1]) >= 4:
        result.append(f"Depth in {top[0]}: {', '.join(top[1][:5])}")
    if any(LEADERSHIP_RE.search(job["role"] or "") for job in jobs):
        result.append("Leadership experience (lead or management titles)")
    long_stays = [job for job in jobs if job["years"] >= 4]
    if long_stays:
        result.append(f"Long tenure: {long_stays[0]['years']:g} years at {long_stays[0]['company'] or 'one employer'}")
    if any((entry["degree"] or "").startswith(("Master", "PhD", "Doctor")) for entry in profile["education"]):
        result.append("Advanced degree")
    if any(QUANTIFIED_RE.search(job["description"]) for job in jobs):
        result.append("Quantified achievements in the experience descriptions")
    return result


def weaknesses_for(profile: dict, skills: dict[str, list[str]], jobs: list[dict]) -> list[str]:
    result = []
    info = profile["personal_info"]
    if not jobs:
        result.append("No dated work experience found")
    gaps = find_gaps(jobs)
    if gaps and gaps[0] >= 6:
        result.append(f"Employment gap of {gaps[0]} months")
    short = [job for job in jobs if job["years"] < 1 and job["end_date"] != "Present"]
    if len(short) >= 2:
        result.append(f"{len(short)} positions held for less than a year")
    if sum(len(names) for names in skills.values()) < 5:
        result.append("Few identifiable skills listed")
    if not profile["education"]:
        result.append("No education listed")
    if jobs and not any(QUANTIFIED_RE.search(job["description"]) for job in jobs):
        result.append("Achievements are not quantified (no figures in the experience descriptions)")
    if not info.get("phone") or not info.get("email"):
        result.append("Incomplete contact details")
    if not info.get("linkedin") and not info.get("github"):
        result.append("No LinkedIn or GitHub profile linked")
    return result


def summary_for(profile: dict, skills: dict[str, list[str]], jobs: list[dict], stated: str) -> str:
    if stated:
        sentences = re.split(r"(?<=[.!?])\s+", stated.strip())
        return " ".join(sentences[:3])
    parts = []
    latest = jobs[0] if jobs else None
    years = profile["total_years_experience"]
    title = (latest and latest["role"]) or "Professional"
    parts.append(f"{title} with {years:g} years of experience" if years else title)
    if latest and latest["company"]:
        parts[-1] += f", most recently at {latest['company']}"
    top_skills = [name for names in skills.values() for name in names[:2]][:5]
    if top_skills:
        parts.append(f"Skills include {', '.join(top_skills)}")
    if profile["education"] and profile["education"][0]["degree"]:
        entry = profile["education"][0]
        where = f" from {entry['institution']}" if entry["institution"] else ""
        parts.append(f"Holds a {entry['degree']}{where}")
    return ". ".join(parts) + "."
