"""The local parser piece by piece: dates and years, headings, contact details, skills,
experience entries, education, derived insights, and the profile schema."""

from datetime import date

import pytest

from analysis.parsing import parse_resume
from analysis.parsing.contact import find_location, find_name, find_phone
from analysis.parsing.dates import find_ranges, total_years
from analysis.parsing.education import find_degree, parse_education
from analysis.parsing.experience import parse_experience, role_and_company
from analysis.parsing.insights import find_gaps, recommend_roles
from analysis.parsing.sections import HEADING_THRESHOLD, heading_kind, split_lines, split_sections
from analysis.parsing.skills import find_skills, taxonomy

TODAY = date(2026, 11, 28)


# --- dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, start, end, months",
    [
        ("03/2019 – Present", "2019-03", "2026-11", 93),
        ("2019–2021", "2019-01", "2021-12", 36),
        ("Jan. 2018 to Mar 2020", "2018-01", "2020-03", 27),
        ("March 2019 - June 2021", "2019-03", "2021-06", 28),
        ("2019-03 – 2021-06", "2019-03", "2021-06", 28),
        ("09.2017 – 11.2019", "2017-09", "2019-11", 27),
        ("Sep 2017 — Current", "2017-09", "2026-11", 111),
        ("Sept. 2020 until now", "2020-09", "2026-11", 75),
        ("2024 – 2026", "2024-01", "2026-11", 35),  # not past today
        ("Jan-2019 - Mar-2020", "2019-01", "2020-03", 15),
        ("Summer 2019 – Fall 2020", "2019-07", "2020-10", 16),
    ],
)
def test_date_ranges(text, start, end, months):
    [found] = find_ranges(f"Engineer, Acme {text} (Berlin)", today=TODAY)
    assert (found.start.iso(), found.end.iso(), found.months) == (start, end, months)


def test_phone_numbers_and_single_years_are_not_ranges():
    assert find_ranges("+49 30 12345678, graduated 2019", today=TODAY) == []


def test_overlapping_jobs_are_counted_once():
    ranges = find_ranges("2015–2018 and 2017–2019", today=TODAY)
    assert total_years(ranges) == 5.0  # 2015 to 2019, not 4 + 3


# --- headings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Work History", "experience"), ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Employment", "experience"), ("Career History:", "experience"),
        ("Academic Background", "education"), ("EDUCATION & TRAINING", "education"),
        ("Core Competencies", "skills"), ("Technical Skills", "skills"), ("Toolbox", "skills"),
        ("Programming Languages", "skills"), ("About Me", "summary"), ("Languages", "languages"),
        ("S K I L L S", "skills"), ("E D U C A T I O N", "education"),
        ("Volunteer Experience", "other"), ("Research Experience", "experience"), ("INTERNSHIPS", "experience"),
    ],
)
def test_headings_are_scored_not_matched_exactly(line, kind):
    found, score = heading_kind(line)
    assert found == kind and score >= HEADING_THRESHOLD


@pytest.mark.parametrize(
    "line",
    ["Worked on experience design for 3 products.", "Skills matter, said nobody", "Acme Corp",
     "Employment law advice for 40 clients in 2019"],
)
def test_sentences_are_not_headings(line):
    _, score = heading_kind(line)
    assert score < HEADING_THRESHOLD


def test_inline_skills_heading_does_not_end_the_experience_section():
    header, sections = split_sections(split_lines(
        "Experience\nEngineer, Acme 2019–2020\nTechnologies: Python, Go\nAnalyst, Globex 2017–2018"))
    experience = next(s for s in sections if s.kind == "experience")
    assert experience.lines[-1] == "Analyst, Globex 2017–2018"
    assert any(s.kind == "skills" and s.lines == ["Python, Go"] for s in sections)


# --- contact ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, phone",
    [
        ("✉ a@b.com ☎ +49 30 12345678 ⌂ Berlin, Germany", "+49 30 12345678"),
        ("Phone: (512) 555-0147 | Austin, TX", "(512) 555-0147"),
        ("a@b.com • 0049 89 1234567", "0049 89 1234567"),
        ("Tel.: +81 3-1234-5678", "+81 3-1234-5678"),
        ("2016 - 2020 | +44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_phones_with_separators_and_icons(line, phone):
    assert find_phone(split_lines(line)) == phone


def test_date_ranges_are_not_phones():
    assert find_phone(["Acme 2016 - 2020", "03/2019 - 05/2021"]) is None


@pytest.mark.parametrize(
    "line, location",
    [
        ("Keizersgracht 123, 1015 CJ Amsterdam, Netherlands", "Amsterdam, Netherlands"),
        ("221B Baker Street, London NW1 6XE, United Kingdom", "London, United Kingdom"),
        ("a@b.com | Boston, MA 02118 | +1 617-555-0199", "Boston, MA"),
        ("⌂ Toronto, ON, Canada", "Toronto, ON, Canada"),
    ],
)
def test_locations_drop_streets_and_postcodes(line, location):
    assert find_location(split_lines(line)) == location


@pytest.mark.parametrize(
    "lines, name",
    [
        (["Curriculum Vitae", "ZOË VAN DER BERG", "Designer"], "Zoë Van Der Berg"),
        (["Michael O'Brien, PhD | Data Scientist"], "Michael O'Brien"),
        (["Resume", "José María García"], "José María García"),
        (["María José García López de la Torre", "Abogada"], "María José García López de la Torre"),
        (["DATA SCIENTIST", "Grace Liu", "grace@example.com"], "Grace Liu"),
        (["Marketing Coordinator | Growth Hacker", "Amara Okafor"], "Amara Okafor"),
    ],
)
def test_names(lines, name):
    assert find_name(split_lines("\n".join(lines))) == name


# --- skills -----------------------------------------------------------------------------------------


def names(text: str) -> list[str]:
    return [skill.name for skill in find_skills([text])]


def test_taxonomy_is_a_few_thousand_skills_with_aliases():
    tax = taxonomy()
    assert len({skill.name for skill in [*tax.folded.values(), *tax.exact.values()]}) >= 2800
    assert tax.folded[("golang",)].name == "Go"
    assert tax.folded[("k8s",)].name == "Kubernetes"


def test_aliases_map_to_canonical_names():
    assert names("Golang, k8s, Postgres, ReactJS, sklearn, GCP") == [
        "Go", "Kubernetes", "PostgreSQL", "React", "scikit-learn", "Google Cloud Platform"]


def test_matching_respects_word_boundaries_and_ordinary_words():
    assert names("JavaScript and TypeScript") == ["JavaScript", "TypeScript"]  # no "Java"
    assert names("we go to market in spring and excel at rest") == []
    assert names("Go, Spring, Excel, REST") == ["Go", "Spring", "Excel", "REST"]
    assert names("C++, C#, .NET, Node.js, CI/CD, Python/Django") == [
        "C++", "C#", ".NET", "Node.js", "CI/CD", "Python", "Django"]


def test_in_prose_an_ordinary_word_opening_a_sentence_is_not_a_skill():
    found = find_skills(["Twisted pair cabling for the office. Built it in Go with Spring."], prose=True)
    assert [skill.name for skill in found] == ["Go", "Spring"]
    assert [skill.name for skill in find_skills(["Twisted, Go"])] == ["Twisted", "Go"]  # a list


def test_longest_match_wins():
    assert names("Google Cloud Platform and Spring Boot") == ["Google Cloud Platform", "Spring Boot"]


# --- experience -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header, role, company",
    [
        (["Senior Software Engineer — Acme Corp, Berlin, Germany |"], "Senior Software Engineer", "Acme Corp"),
        (["Globex GmbH | Munich |", "Data Engineer"], "Data Engineer", "Globex GmbH"),
        (["Initech", "Junior Developer, |"], "Junior Developer", "Initech"),
        (["Product Manager at Hooli ( | )"], "Product Manager", "Hooli"),
        (["| Tyrell Systems Machine Learning Engineer"], "Machine Learning Engineer", "Tyrell Systems"),
        (["| Cyberdyne Systems Platform Engineer"], "Platform Engineer", "Cyberdyne Systems"),
    ],
)
def test_role_and_company(header, role, company):
    assert role_and_company(header) == (role, company)


def test_experience_entries_with_descriptions():
    lines = split_lines(
        "Senior Engineer — Acme Corp\n03/2019 – Present\n• Built things in Go.\n• Led 4 people.\n"
        "Globex Inc.\nAnalyst, Jan. 2016 to Feb 2019\n- Wrote reports.\n"
        "2014–2015\nIntern\nInitech\nMade coffee with Java."
    )
    jobs = parse_experience(lines, today=TODAY)
    assert [(j["role"], j["company"]) for j in jobs] == [
        ("Senior Engineer", "Acme Corp"), ("Analyst", "Globex Inc."), ("Intern", "Initech")]
    assert jobs[0]["description"] == "Built things in Go.\nLed 4 people."
    assert jobs[0]["end_date"] == "Present" and jobs[0]["years"] == 7.8
    assert (jobs[1]["start_date"], jobs[1]["end_date"]) == ("2016-01", "2019-02")
    assert jobs[2]["description"] == "Made coffee with Java."


# --- education --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, degree",
    [
        ("B.Sc. in Computer Science", ("Bachelor of Science", "Computer Science")),
        ("BSc Mathematics", ("Bachelor of Science", "Mathematics")),
        ("B.S., Interaction Design", ("Bachelor of Science", "Interaction Design")),
        ("BA Economics", ("Bachelor of Arts", "Economics")),
        ("M.Sc. Physics", ("Master of Science", "Physics")),
        ("MBA", ("Master of Business Administration", "")),
        ("Ph.D. in Statistics", ("PhD", "Statistics")),
        ("Doctor of Philosophy, Finance", ("PhD", "Finance")),
        ("B.Tech Computer Engineering", ("Bachelor of Technology", "Computer Engineering")),
        ("B.Eng. Electrical Engineering", ("Bachelor of Engineering", "Electrical Engineering")),
    ],
)
def test_degree_normalisation(text, degree):
    assert find_degree(text) == degree


def test_a_state_code_is_not_a_degree():
    assert find_degree("Boston University, Boston, MA") is None


def test_education_entries():
    entries = parse_education(split_lines(
        "University of Toronto\nBSc Computer Science, 2012–2016\n"
        "M.Sc. in Statistics — ETH Zurich, 2018"), today=TODAY)
    assert entries == [
        {"degree": "Bachelor of Science in Computer Science", "institution": "University of Toronto", "year": 2016},
        {"degree": "Master of Science in Statistics", "institution": "ETH Zurich", "year": 2018},
    ]


# --- insights and the whole profile ----------------------------------------------------------------

RESUME = """JANE DOE
jane.doe@example.com | +1 (415) 555-0132 | San Francisco, CA | linkedin.com/in/janedoe

Work History
Senior Software Engineer — Acme Corp, San Francisco, CA
03/2019 – Present
• Built Kubernetes operators in Golang; cut deploy time by 40%.
Software Engineer | Globex Inc. | Jan. 2016 to Feb 2018
• Developed REST APIs with Django.

Education
B.Sc. in Computer Science — University of California, Berkeley, 2015

Skills
Python, Go, Docker, AWS, Terraform, PostgreSQL, Leadership
"""


def test_profile_schema_and_derived_fields():
    profile = parse_resume(RESUME, today=TODAY)
    assert set(profile) == {"personal_info", "skills", "experience", "education", "summary",
                            "job_recommendations", "strengths", "weaknesses", "total_years_experience"}
    assert profile["personal_info"] == {
        "name": "Jane Doe", "email": "jane.doe@example.com", "phone": "+1 (415) 555-0132",
        "location": "San Francisco, CA", "linkedin": "https://linkedin.com/in/janedoe", "github": None}
    assert profile["total_years_experience"] == 9.9  # 26 + 93 months
    assert profile["skills"]["Practices & Soft Skills"] == ["Leadership"]
    assert {"Python", "Go"} <= set(profile["skills"]["Programming Languages"])
    assert "Kubernetes" in profile["skills"]["Cloud & DevOps"]  # named only in a job's bullet
    assert profile["summary"].startswith("Senior Software Engineer with 9.9 years of experience, most recently at Acme Corp")
    assert "Employment gap of 12 months" in profile["weaknesses"]
    assert "No LinkedIn or GitHub profile linked" not in profile["weaknesses"]
    assert any(s.startswith("Extensive experience") for s in profile["strengths"])
    assert profile["job_recommendations"][0] == "Senior Backend Engineer"  # 9.9 years, a senior title


def test_gaps_and_recommendations():
    jobs = parse_experience(split_lines("Engineer, Acme 2015–2016\nEngineer, Globex 2018–2019"), today=TODAY)
    assert find_gaps(jobs) == [12]
    assert recommend_roles({"Figma", "Sketch", "Prototyping"}, 1.0, ["UX Designer"]) == ["Junior UX / Product Designer"]


def test_empty_and_garbage_text_give_an_empty_profile_not_an_error():
    for text in ("", "   \n\n", "%%%% 1234 ####", "x" * 10000):
        profile = parse_resume(text, today=TODAY)
        assert profile["experience"] == [] and profile["personal_info"]["email"] is None


US_RESUME = """John Smith
123 Main Street, Springfield, IL 62704 • (217) 555-0198 • john.smith@email.com
OBJECTIVE
Marketing professional seeking a management role.
EXPERIENCE
ABC Company, Springfield, IL                                June 2018 – Present
Marketing Manager
 • Grew email list by 40% using Mailchimp and HubSpot.
XYZ Corp., Chicago, IL                                       Jan 2015 – May 2018
Marketing Specialist
 • Ran budgeting for Google Ads campaigns.
EDUCATION
Bachelor of Arts in Communications, University of Illinois, 2014
SKILLS
Microsoft Office, Adobe Photoshop, SEO
"""

EU_RESUME = """Curriculum Vitae
Personal Information
Name: Maria Rossi
Date of birth: 12/03/1990
Address: Via Roma 10, 20121 Milano, Italy
Phone: +39 333 123 4567
Work Experience
2018 - present    Software Developer at Fintech S.p.A., Milan
2015 - 2018       Junior Developer at Web Agency Srl, Turin
Education
2010 - 2015       Laurea Magistrale in Ingegneria Informatica, Politecnico di Milano
"""


def test_a_us_style_resume():
    profile = parse_resume(US_RESUME, today=TODAY)
    assert profile["personal_info"]["location"] == "Springfield, IL"
    assert profile["personal_info"]["phone"] == "(217) 555-0198"
    assert [(j["company"], j["role"]) for j in profile["experience"]] == [
        ("ABC Company", "Marketing Manager"), ("XYZ Corp.", "Marketing Specialist")]
    # Named products count from job bullets; a generic business word there ("budgeting") does not.
    assert profile["skills"]["Business Software"] == ["Microsoft Office", "Mailchimp", "HubSpot", "Google Ads"]
    assert "Budgeting" not in str(profile["skills"])


def test_a_european_cv_with_labels_and_a_laurea():
    profile = parse_resume(EU_RESUME, today=TODAY)
    info = profile["personal_info"]
    assert (info["name"], info["phone"], info["location"]) == ("Maria Rossi", "+39 333 123 4567", "Milano, Italy")
    assert [(j["company"], j["role"]) for j in profile["experience"]] == [
        ("Fintech S.p.A.", "Software Developer"), ("Web Agency Srl", "Junior Developer")]
    assert profile["education"] == [{"degree": "Master's Degree in Ingegneria Informatica",
                                     "institution": "Politecnico di Milano", "year": 2015}]
    assert profile["total_years_experience"] == 11.9  # 2015 to Nov 2026, the shared 2018 once


def test_random_damage_never_raises():
    """Cut, shuffled and noisy text must give a profile, never an exception."""
    import random

    rng = random.Random(5)
    lines = (RESUME + US_RESUME + EU_RESUME).splitlines()
    noise = "abcXYZ019 ,.;:|•–—-/()@+#\t\n✉☎\u200b\ue000é"
    for _ in range(300):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 40)))
        cut = rng.randint(0, len(text))
        text = text[:cut] + "".join(rng.choice(noise) for _ in range(rng.randint(0, 80))) + text[cut:]
        profile = parse_resume(text, today=TODAY)
        assert isinstance(profile["total_years_experience"], float)


def test_a_resume_whose_line_breaks_were_lost_is_cut_again():
    """A Word layout table read as one paragraph per cell: headings and sentences split again."""
    line = ("Contact Email: ana@example.com Phone: +34 912 345 678 Address: Madrid, Spain "
            "Technical Skills Python, Golang, k8s, Postgres Education and Training "
            "Universidad Complutense de Madrid B.Sc. Physics, 2010–2014 | Profile Backend engineer. "
            "Work Experience 03/2019 – Present Backend Engineer | Acme Corp. "
            "Built Go services for Tata Infotech Pvt. Ltd. customers.")
    profile = parse_resume("Ana Ruiz\n" + line, today=TODAY)
    info = profile["personal_info"]
    assert (info["email"], info["phone"], info["location"]) == ("ana@example.com", "+34 912 345 678", "Madrid, Spain")
    assert {"Python", "Go", "Kubernetes", "PostgreSQL"} <= {n for names in profile["skills"].values() for n in names}
    assert profile["education"] == [{"degree": "Bachelor of Science in Physics",
                                     "institution": "Universidad Complutense de Madrid", "year": 2014}]
    assert profile["experience"][0]["start_date"] == "2019-03"
    assert "Tata Infotech Pvt. Ltd. customers." in profile["experience"][0]["description"]


def test_recommendations_reach_beyond_software():
    assert recommend_roles({"Patient Care", "BLS", "Triage"}, 6.0, ["Staff Nurse"])[0] == "Senior Registered Nurse"
    assert recommend_roles({"Lesson Planning", "Classroom Management"}, 3.0, ["Teacher"])[0] == "Teacher"


LINKEDIN_EXPORT = """Contact
www.linkedin.com/in/samlee
Top Skills
Kubernetes
Go
Distributed Systems
Sam Lee
Staff Software Engineer at Google
Experience
Google
Staff Software Engineer
January 2020 - Present (6 years 11 months)
Mountain View, California, United States
Led the scheduling team.
Senior Software Engineer
June 2017 - December 2019 (2 years 7 months)
Stripe
Software Engineer
August 2014 - May 2017 (2 years 10 months)
Education
Stanford University
Master of Science - MS, Computer Science · (2012 - 2014)
"""


def test_a_linkedin_pdf_export():
    profile = parse_resume(LINKEDIN_EXPORT, today=TODAY)
    assert profile["personal_info"]["name"] == "Sam Lee"  # not the sidebar's "Distributed Systems"
    assert [(j["company"], j["role"]) for j in profile["experience"]] == [
        ("Google", "Staff Software Engineer"), ("Google", "Senior Software Engineer"),
        ("Stripe", "Software Engineer")]
    assert profile["experience"][0]["description"] == "Led the scheduling team."  # the place is not
    assert profile["education"][0]["degree"] == "Master of Science in Computer Science"
    assert {"Kubernetes", "Go", "Distributed Systems"} <= {n for names in profile["skills"].values() for n in names}
