"""Build the matching tests' own resumes (committed; run once, never at test time):

    .venv/bin/python tests/matching/files/make_resumes.py tests/matching/files

payments_engineer.docx (python-docx), icu_nurse.pdf (WeasyPrint from HTML) and ward_nurse.docx
(python-docx): the people the search tests must find first, and a near miss for the nurse query
(a nurse, but no ICU and no ACLS).
"""

import sys
from pathlib import Path

from docx import Document

PEOPLE = {
    "payments_engineer": {
        "name": "Marta Kowalczyk",
        "contact": "marta.kowalczyk@example.com | +48 22 123 45 67 | Warsaw, Poland",
        "summary": "Backend engineer with eight years of experience building payments infrastructure: "
        "card authorisation, ledgers and payouts on Kafka, Java and PostgreSQL.",
        "jobs": [
            ("Staff Engineer, Payments Platform", "Stark Payments", "Jan 2021 – Present", [
                "Designed the payments infrastructure behind card authorisation and settlement, 3,000 transactions per second.",
                "Built an event-sourced ledger on Kafka and PostgreSQL with exactly-once processing.",
                "Led PCI DSS scope reduction by tokenising card data at the edge.",
            ]),
            ("Senior Backend Engineer", "Contoso Bank", "Mar 2017 – Dec 2020", [
                "Built the payouts pipeline in Java and Spring Boot with Kafka Streams.",
                "Cut reconciliation time from hours to minutes with idempotent consumers.",
            ]),
        ],
        "education": ("Master of Science in Computer Science", "Warsaw University of Technology", "2016"),
        "skills": "Java, Kafka, PostgreSQL, Spring Boot, Kubernetes, PCI DSS, Fraud Detection, gRPC",
        "years": 8,
    },
    "icu_nurse": {
        "name": "Grace Okonkwo",
        "contact": "grace.okonkwo@example.com | +1 312 555 0142 | Chicago, Illinois",
        "summary": "ICU registered nurse with six years in adult critical care. ACLS and BLS certified; "
        "experienced with ventilated patients, vasoactive drips and rapid response.",
        "jobs": [
            ("ICU Registered Nurse", "Northwestern Memorial Hospital", "Jun 2020 – Present", [
                "Care for two to three critically ill patients per shift in a 24-bed medical intensive care unit.",
                "Titrate vasoactive infusions, manage mechanical ventilation and arterial lines.",
                "Member of the rapid response team; lead ACLS resuscitation during code blue events.",
            ]),
            ("Registered Nurse, Step-Down Unit", "Rush University Medical Center", "Aug 2018 – May 2020", [
                "Provided patient care on a cardiac step-down unit and precepted new graduate nurses.",
            ]),
        ],
        "education": ("Bachelor of Science in Nursing", "University of Illinois Chicago", "2018"),
        "skills": "ACLS, BLS, Critical Care, Patient Care, IV Therapy, Medication Administration, Triage",
        "years": 6,
    },
    "ward_nurse": {
        "name": "Daniel Moreau",
        "contact": "daniel.moreau@example.com | +44 161 496 0321 | Manchester, United Kingdom",
        "summary": "Registered nurse on a pediatric ward with a focus on family education and wound care.",
        "jobs": [
            ("Staff Nurse, Pediatric Ward", "Royal Manchester Children's Hospital", "Sep 2019 – Present", [
                "Provide patient care for up to eight children per shift on a general pediatric ward.",
                "Educate families on discharge plans, medication schedules and wound care.",
            ]),
            ("Healthcare Assistant", "Salford Royal", "Jan 2017 – Aug 2019", [
                "Supported nurses with observations, phlebotomy and patient hygiene.",
            ]),
        ],
        "education": ("Bachelor of Science in Nursing", "University of Manchester", "2019"),
        "skills": "Nursing, Patient Care, Pediatrics, Wound Care, Phlebotomy, BLS",
        "years": 7,
    },
}  # fmt: skip


def write_docx(person: dict, path: Path) -> None:
    doc = Document()
    doc.add_heading(person["name"], level=0)
    doc.add_paragraph(person["contact"])
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(person["summary"])
    doc.add_heading("Experience", level=1)
    for role, company, dates, bullets in person["jobs"]:
        doc.add_heading(f"{role} — {company}", level=2)
        doc.add_paragraph(dates)
        for bullet in bullets:
            doc.add_paragraph(bullet, style="List Bullet")
    doc.add_heading("Education", level=1)
    degree, school, year = person["education"]
    doc.add_paragraph(f"{degree} — {school}, {year}")
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(person["skills"])
    doc.save(path)


def write_pdf(person: dict, path: Path) -> None:
    from html import escape

    from weasyprint import HTML

    jobs = "".join(
        f"<h3>{escape(role)} — {escape(company)}</h3><p>{escape(dates)}</p><ul>"
        + "".join(f"<li>{escape(bullet)}</li>" for bullet in bullets)
        + "</ul>"
        for role, company, dates, bullets in person["jobs"]
    )
    degree, school, year = person["education"]
    html = (
        f"<h1>{escape(person['name'])}</h1><p>{escape(person['contact'])}</p><h2>Summary</h2>"
        f"<p>{escape(person['summary'])}</p><h2>Experience</h2>{jobs}<h2>Education</h2>"
        f"<p>{escape(degree)} — {escape(school)}, {year}</p><h2>Skills</h2><p>{escape(person['skills'])}</p>"
    )
    HTML(string=html).write_pdf(path)


if __name__ == "__main__":
    out = Path(sys.argv[1])
    write_docx(PEOPLE["payments_engineer"], out / "payments_engineer.docx")
    write_pdf(PEOPLE["icu_nurse"], out / "icu_nurse.pdf")
    write_docx(PEOPLE["ward_nurse"], out / "ward_nurse.docx")
