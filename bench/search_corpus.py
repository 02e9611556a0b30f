"""The synthetic resume corpus for bench/search.py: texts made from real material, embedded by the
real MiniLM embedder, cached under DATA_DIR/bench-corpus so reruns skip the embedding.

Each synthetic resume is a person in one of nine fields (backend, payments, data, frontend, ICU
nursing, ward nursing, marketing, finance, HR, mechanical engineering) with taxonomy skills of that
field, three jobs and an education entry, written as ~10 chunks (summary, two per job, skills,
education, certifications). Every job's second chunk also carries lines of the 308 real dotin
resumes (analysis/parsing/training/dotin), so the vectors are not all template-shaped. Chunks are
short (~40 word pieces) so 100,000 of them embed in ~20 minutes on one shared core; the real
pipeline's chunks are longer, which changes embedding cost, not search cost (a vector is 384
floats however long its text).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import numpy as np

CORPUS_VERSION = 1
FIELDS: dict[str, dict] = {
    "backend": {
        "roles": ["Backend Engineer", "Senior Software Engineer", "Platform Engineer", "Staff Engineer"],
        "skills": ["Python", "Go", "Java", "PostgreSQL", "Redis", "Kafka", "Docker", "Kubernetes",
                   "Django", "gRPC", "Terraform", "RabbitMQ", "Amazon Web Services", "Celery"],
        "bullets": ["Built {a} services handling {n} requests per second with {b}",
                    "Migrated the {thing} from a monolith to {a} microservices on {b}",
                    "Cut p99 latency of the {thing} by {p}% by rewriting hot paths in {a}"],
        "things": ["order API", "search backend", "notification platform", "inventory system"],
        "degree": ("Bachelor of Science", "Computer Science"),
    },
    "payments": {
        "roles": ["Payments Engineer", "Senior Backend Engineer, Payments", "Fintech Platform Engineer"],
        "skills": ["Java", "Kafka", "PostgreSQL", "PCI DSS", "Fraud Detection", "Go", "Kubernetes",
                   "Python", "Redis", "gRPC"],
        "bullets": ["Designed the {thing} on {a} and {b}, settling {n} transactions a day",
                    "Led the PCI DSS scope reduction of the {thing} using {a}",
                    "Built idempotent {thing} consumers on {a} with exactly-once delivery"],
        "things": ["card payments ledger", "payouts pipeline", "payment gateway", "settlement service"],
        "degree": ("Master of Science", "Computer Science"),
    },
    "data": {
        "roles": ["Data Scientist", "Machine Learning Engineer", "Data Engineer"],
        "skills": ["Python", "Pandas", "scikit-learn", "TensorFlow", "PyTorch", "SQL", "Tableau",
                   "Statistics", "Machine Learning", "Deep Learning", "NumPy"],
        "bullets": ["Trained {a} models for {thing} improving AUC by {p}%",
                    "Built {thing} dashboards in {a} used by {n} analysts",
                    "Productionised a {thing} model with {a} and {b}"],
        "things": ["churn prediction", "demand forecasting", "credit scoring", "recommendations"],
        "degree": ("Master of Science", "Statistics"),
    },
    "frontend": {
        "roles": ["Frontend Developer", "UI Engineer", "Full Stack Developer"],
        "skills": ["JavaScript", "TypeScript", "React", "Vue.js", "CSS", "HTML", "Node.js", "Jest",
                   "Webpack", "Figma"],
        "bullets": ["Rebuilt the {thing} in {a} with {b}, raising conversion by {p}%",
                    "Led accessibility work on the {thing} using {a}",
                    "Shipped a design system in {a} used by {n} engineers"],
        "things": ["checkout flow", "customer dashboard", "mobile web app", "admin console"],
        "degree": ("Bachelor of Science", "Software Engineering"),
    },
    "icu_nurse": {
        "roles": ["ICU Registered Nurse", "Critical Care Nurse", "Intensive Care Unit Nurse"],
        "skills": ["ACLS", "BLS", "Critical Care", "Patient Care", "Nursing", "IV Therapy",
                   "Medication Administration", "Triage", "Electronic Health Records", "Infection Control"],
        "bullets": ["Cared for {n} ventilated patients a shift in a {thing}",
                    "Certified in {a} and {b}; responded to rapid-response and code blue calls",
                    "Titrated vasoactive drips and monitored haemodynamics in the {thing}"],
        "things": ["24-bed medical ICU", "cardiac surgery ICU", "neuro intensive care unit", "trauma ICU"],
        "degree": ("Bachelor of Science", "Nursing"),
    },
    "ward_nurse": {
        "roles": ["Registered Nurse", "Staff Nurse", "Pediatric Nurse"],
        "skills": ["Nursing", "Patient Care", "BLS", "Wound Care", "Pediatrics", "Phlebotomy",
                   "Medication Administration", "CPR", "Electronic Health Records"],
        "bullets": ["Provided patient care for {n} patients on a {thing}",
                    "Educated families on discharge plans and {a}",
                    "Supported {a} audits on the {thing}"],
        "things": ["medical-surgical ward", "pediatric ward", "oncology ward", "outpatient clinic"],
        "degree": ("Bachelor of Science", "Nursing"),
    },
    "marketing": {
        "roles": ["Marketing Manager", "Growth Marketer", "Digital Marketing Specialist"],
        "skills": ["Google Ads", "Search Engine Optimization", "Email Marketing", "HubSpot",
                   "Mailchimp", "A/B Testing", "Google Analytics", "Copywriting", "Social Media Marketing"],
        "bullets": ["Grew {thing} by {p}% with {a} and {b}",
                    "Ran {n} campaigns a quarter in {a}",
                    "Owned the {thing} budget and reporting in {a}"],
        "things": ["organic traffic", "newsletter signups", "paid acquisition", "brand awareness"],
        "degree": ("Bachelor of Arts", "Marketing"),
    },
    "finance": {
        "roles": ["Financial Analyst", "Accountant", "Finance Manager"],
        "skills": ["Accounting", "Financial Analysis", "Budgeting", "Excel", "SAP", "QuickBooks",
                   "Auditing", "Financial Modeling"],
        "bullets": ["Prepared the {thing} for {n} cost centres in {a}",
                    "Automated the {thing} in {a}, closing the books {p}% faster",
                    "Led the {thing} audit with {a} and {b}"],
        "things": ["monthly close", "annual budget", "cash-flow forecast", "variance report"],
        "degree": ("Master of Business Administration", "Finance"),
    },
    "hr": {
        "roles": ["HR Business Partner", "Recruiter", "Talent Acquisition Specialist"],
        "skills": ["Recruiting", "Onboarding", "Payroll", "Talent Acquisition", "Negotiation", "CRM"],
        "bullets": ["Hired {n} engineers a year through {a}",
                    "Redesigned the {thing} with {a} and {b}",
                    "Cut time-to-hire by {p}% on the {thing}"],
        "things": ["onboarding programme", "graduate scheme", "interview process", "payroll run"],
        "degree": ("Bachelor of Arts", "Psychology"),
    },
    "mechanical": {
        "roles": ["Mechanical Engineer", "Design Engineer", "Manufacturing Engineer"],
        "skills": ["AutoCAD", "SolidWorks", "Lean Manufacturing", "Six Sigma", "MATLAB"],
        "bullets": ["Designed the {thing} in {a}, cutting part count by {p}%",
                    "Ran {b} projects on the {thing} line saving {n} hours a year",
                    "Validated the {thing} with {a} simulations"],
        "things": ["gearbox housing", "cooling assembly", "conveyor line", "hydraulic manifold"],
        "degree": ("Bachelor of Engineering", "Mechanical Engineering"),
    },
}  # fmt: skip
FIRST = ["Anna", "Ravi", "Chen", "Maria", "Tom", "Aisha", "Lukas", "Sofia", "Kenji", "Amara", "Omar",
         "Elena", "Noah", "Priya", "Jonas", "Fatima", "Diego", "Grace", "Ivan", "Zoe"]  # fmt: skip
LAST = ["Schmidt", "Patel", "Wang", "Garcia", "Brown", "Khan", "Meyer", "Rossi", "Sato", "Okafor",
        "Haddad", "Popescu", "Fischer", "Iyer", "Berg", "Zahra", "Lopez", "Liu", "Petrov", "Martin"]  # fmt: skip
CITIES = ["Berlin, Germany", "London, United Kingdom", "Austin, Texas", "Pune, India", "Toronto, Canada",
          "Sydney, Australia", "Lagos, Nigeria", "Madrid, Spain", "Tokyo, Japan", "Chicago, Illinois"]  # fmt: skip
COMPANIES = ["Northwind", "Globex", "Initech", "Umbrella Health", "Stark Payments", "Acme Corp",
             "Kestrel Labs", "Atlas Logistics", "Soylent Foods", "Lumen Media", "St. Mary's Hospital",
             "City General Hospital", "Kiwi Payments", "Contoso Bank"]  # fmt: skip
LEVEL_DEGREES = {"Bachelor of Science": "Bachelor's", "Bachelor of Arts": "Bachelor's",
                 "Bachelor of Engineering": "Bachelor's", "Master of Science": "Master's",
                 "Master of Business Administration": "Master's"}  # fmt: skip


def real_lines() -> list[str]:
    from analysis.parsing.training.dotin import load_all

    lines = [line.strip(" •-*\t") for doc in load_all() for line in doc.text.splitlines()]
    keep = [line for line in lines if 40 <= len(line) <= 160 and not re.search(r"@|http|indeed|\d{5,}", line, re.I)]
    return sorted(set(keep))


def person(rng: random.Random, number: int, lines: list[str]) -> dict:
    field = rng.choice(list(FIELDS))
    spec = FIELDS[field]
    skills = rng.sample(spec["skills"], k=min(len(spec["skills"]), rng.randint(4, 8)))
    years = round(rng.uniform(0.5, 20), 1)
    degree, subject = spec["degree"]
    if rng.random() < 0.2:
        degree = "Master of Science" if degree.startswith("Bachelor") else degree
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}"
    location = rng.choice(CITIES)
    role = rng.choice(spec["roles"])

    def bullet() -> str:
        a, b = rng.sample(skills, 2)
        return rng.choice(spec["bullets"]).format(
            a=a, b=b, thing=rng.choice(spec["things"]), n=rng.randint(3, 900), p=rng.randint(5, 60)
        )

    chunks = [
        ("Summary", f"{name}. {location}. {role} with {years} years of experience; strengths in "
                    f"{', '.join(skills[:3])}. {bullet()}."),
    ]
    end_year = 2026
    for _ in range(3):
        start_year = end_year - rng.randint(1, 5)
        company = rng.choice(COMPANIES)
        chunks.append(("Experience", f"{rng.choice(spec['roles'])} at {company}, {start_year} – {end_year}. {bullet()}."))
        chunks.append(("Experience", f"{bullet()}. {rng.choice(lines)} {rng.choice(lines)}"))
        end_year = start_year
    chunks.append(("Skills", ", ".join(skills)))
    chunks.append(("Education", f"{degree} in {subject}, University of {location.split(',')[0]}, {end_year - 1}"))
    chunks.append(("Certifications", f"{rng.choice(skills)} certificate. {rng.choice(lines)}"))
    return {
        "field": field,
        "name": name,
        "location": location,
        "years": years,
        "skills": skills,
        "degree": degree,
        "level": LEVEL_DEGREES[degree],
        "subject": subject,
        "chunks": chunks,
    }


def corpus_path(directory: Path, resumes: int) -> Path:
    return directory / f"corpus-v{CORPUS_VERSION}-{resumes}.npz"


def build_corpus(directory: Path, resumes: int, *, log=print) -> tuple[list[dict], np.ndarray]:
    """The people and one vector per chunk (in order), from the cache when it exists. Embedding
    is checkpointed every 4,096 chunks, so an interrupted build resumes where it stopped."""
    from resume_analyzer.ai.embeddings import embed_texts

    directory.mkdir(parents=True, exist_ok=True)
    final = corpus_path(directory, resumes)
    rng = random.Random(20261201)
    lines = real_lines()
    people = [person(rng, number, lines) for number in range(resumes)]
    if final.exists():
        return people, np.load(final)["vectors"]
    needed = sum(len(p["chunks"]) for p in people)
    prefix = _prefix_of_larger(directory, resumes, needed)
    if prefix is not None:  # the first N people of a larger corpus are these N people
        return people, prefix
    texts = [f"{section}: {text}" for p in people for section, text in p["chunks"]]
    partial = directory / f"partial-v{CORPUS_VERSION}-{resumes}.npy"
    done = np.load(partial) if partial.exists() else np.zeros((0, 384), dtype=np.float32)
    step = 4096
    while len(done) < len(texts):
        batch = texts[len(done) : len(done) + step]
        vectors = np.asarray(embed_texts(batch), dtype=np.float32)
        done = np.concatenate([done, vectors])
        np.save(partial, done)
        log(f"embedded {len(done):,} / {len(texts):,} chunks")
    np.savez(final, vectors=done, people=json.dumps([p["name"] for p in people]))
    partial.unlink(missing_ok=True)
    return people, done


def _prefix_of_larger(directory: Path, resumes: int, needed: int) -> np.ndarray | None:
    for path in sorted(directory.glob(f"corpus-v{CORPUS_VERSION}-*.npz")):
        if int(path.stem.rsplit("-", 1)[1]) > resumes:
            return np.load(path)["vectors"][:needed]
    for path in sorted(directory.glob(f"partial-v{CORPUS_VERSION}-*.npy")):
        if int(path.stem.rsplit("-", 1)[1]) > resumes:
            vectors = np.load(path, mmap_mode="r")
            if len(vectors) >= needed:
                return np.array(vectors[:needed])
    return None
