"""Evidence and normalisation (issue 13): locate() on tricky cases, pages, the Evidence type with
old rows, degree levels and subjects, institution and company cleanup, phones validated by
phonenumbers, and listed skills the taxonomy lacks kept under "Other". Plain Python, no database."""

import pytest

from analysis.parsing import parse_resume
from analysis.parsing.contact import find_phone, region_for
from analysis.parsing.education import find_degree
from analysis.parsing.evidence import DEFAULT_CONFIDENCE, locate, with_pages
from analysis.parsing.normalise import clean_institution, company_without_city, degree_parts
from analysis.profile import Evidence, Profile, ValidationError, describe


def by_field(evidence: list[dict]) -> dict[str, dict]:
    return {item["field"]: item for item in evidence}


def spans_are_the_text(text: str, evidence: list[dict]) -> bool:
    return all(text[e["start"] : e["end"]] == e["raw"] for e in evidence if e["verified"])


# --- locate ------------------------------------------------------------------------------------


def test_exact_then_folded_then_not_found():
    text = "JANE   DOE\njane@example.com\nSkills: Python"
    profile = {"personal_info": {"name": "Jane Doe", "email": "jane@example.com", "phone": "+1 555 0100"},
               "skills": {"Languages": ["Python", "Rust"]}}  # fmt: skip
    found = by_field(locate(text, profile))
    assert found["personal_info.email"] | {} == {
        "field": "personal_info.email", "value": "jane@example.com", "raw": "jane@example.com",
        "start": 11, "end": 27, "page": None, "confidence": DEFAULT_CONFIDENCE["exact"], "verified": True,
    }  # fmt: skip
    assert found["personal_info.name"]["raw"] == "JANE   DOE"
    assert found["personal_info.name"]["confidence"] == DEFAULT_CONFIDENCE["folded"]
    assert found["personal_info.phone"]["verified"] is False and found["personal_info.phone"]["start"] is None
    assert found["skills.Languages.1"] == {**found["skills.Languages.1"], "verified": False, "confidence": 0.0}
    assert spans_are_the_text(text, list(found.values()))


def test_java_does_not_take_javascript_and_c_not_cpp():
    text = "Skills: JavaScript, C++, Java, C"
    profile = {"skills": {"Languages": ["Java", "JavaScript", "C", "C++"]}}
    found = by_field(locate(text, profile))
    assert found["skills.Languages.0"]["raw"] == "Java" and found["skills.Languages.0"]["start"] == 25
    assert found["skills.Languages.1"]["start"] == 8
    assert found["skills.Languages.2"]["start"] == 31  # the lone "C", not the C of C++
    assert found["skills.Languages.3"]["raw"] == "C++"


def test_java_alone_inside_javascript_is_not_found():
    found = locate("Skills: JavaScript", {"skills": {"Languages": ["Java"]}})
    assert found[0]["verified"] is False


def test_company_is_placed_near_its_role():
    text = ("Summary: five years at Acme.\n\nExperience\nData Analyst, Globex 2015-2017\n"
            "Senior Engineer, Acme 2018-2021\n")  # fmt: skip
    profile = {"experience": [{"company": "Globex", "role": "Data Analyst"},
                              {"company": "Acme", "role": "Senior Engineer"}]}  # fmt: skip
    found = by_field(locate(text, profile))
    role = found["experience.1.role"]
    company = found["experience.1.company"]
    assert text[company["start"] - 17 : company["start"]] == "Senior Engineer, "  # not the summary's Acme
    assert role["start"] < company["start"]


def test_degree_and_skill_aliases_are_found_as_written():
    text = "Education\nB.Sc. Physics, University of Lagos\nSkills: JS, Golang"
    profile = {"education": [{"degree": "Bachelor of Science in Physics", "institution": "University of Lagos"}],
               "skills": {"Languages": ["JavaScript", "Go"]}}  # fmt: skip
    found = by_field(locate(text, profile))
    assert found["education.0.degree"]["raw"] == "B.Sc. Physics"
    assert found["education.0.degree"]["confidence"] == DEFAULT_CONFIDENCE["alias"]
    assert found["skills.Languages.0"]["raw"] == "JS" and found["skills.Languages.1"]["raw"] == "Golang"
    assert spans_are_the_text(text, list(found.values()))


def test_a_canonical_degree_holding_in_is_found_as_written():
    text = "Education\nPGDM in Marketing, Goa Institute of Management, 2016"
    profile = {"education": [{"degree": "Postgraduate Diploma in Management in Marketing",
                              "institution": "Goa Institute of Management"}]}
    found = by_field(locate(text, profile))
    assert found["education.0.degree"]["raw"] == "PGDM in Marketing"


def test_confidences_from_the_caller_win_and_a_missing_value_is_capped():
    text = "Jane Doe"
    profile = {"personal_info": {"name": "Jane Doe", "location": "Paris, France"}}
    found = by_field(locate(text, profile, confidences={"personal_info.name": 0.42, "personal_info.location": 0.99}))
    assert found["personal_info.name"]["confidence"] == 0.42
    assert found["personal_info.location"] == {**found["personal_info.location"], "verified": False, "confidence": 0.5}


def test_pages_from_page_starts():
    text = "page one\n\npage two"
    evidence = locate(text, {"personal_info": {"name": "page one", "location": "page two", "email": "x@y.zz"}})
    paged = by_field(with_pages(evidence, [0, 10]))
    assert (paged["personal_info.name"]["page"], paged["personal_info.location"]["page"]) == (1, 2)
    assert paged["personal_info.email"]["page"] is None  # not found, no page
    assert with_pages(evidence, []) == evidence  # DOCX/DOC: no pages


def test_every_located_value_of_a_parsed_resume_validates():
    text = "\n".join(["Jane Doe", "jane@example.com | +44 20 7946 0958 | London, United Kingdom", "",
                      "Experience", "Senior Engineer — Acme Ltd, London", "Jan 2019 – Present", "",
                      "Education", "B.E in Computer Science Engineering", "Anna University, Chennai, 2016", "",
                      "Skills", "Python, Kubernetes, Grafana Loki, Zephyr Scale"])  # fmt: skip
    profile = parse_resume(text)
    evidence = locate(text, profile)
    assert spans_are_the_text(text, evidence)
    checked = Profile.from_analysis({**profile, "evidence": evidence})
    assert checked.evidence_for("personal_info.name").verified
    assert checked.evidence_for("experience.0.company").raw == "Acme Ltd"


# --- the Evidence type -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"field": "nowhere", "value": "x"}, "'nowhere' is not a profile path"),
        ({"field": "personal_info.name", "value": "x", "confidence": 1.5}, "confidence: must be between 0 and 1"),
        ({"field": "personal_info.name", "value": "x", "start": 3}, "start/end: both or neither"),
        ({"field": "personal_info.name", "value": "x", "start": 5, "end": 2}, "start not after end"),
        ({"field": "personal_info.name", "value": "x", "verified": True}, "a verified value needs its offsets"),
        ({"field": "personal_info.name", "value": "x", "page": 0}, "page: Input should be greater than or equal to 1"),
    ],
)
def test_bad_evidence_is_refused(item, message):
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate({"evidence": [item]})
    assert message in describe(caught.value)


def test_old_rows_read_without_evidence_and_broken_evidence_is_dropped():
    assert Profile.from_stored({"personal_info": {"name": "Ada"}}).evidence == []
    good = {"field": "personal_info.name", "value": "Ada", "raw": "Ada", "start": 0, "end": 3, "page": None,
            "confidence": 0.9, "verified": True}  # fmt: skip
    stored = Profile.from_stored({"personal_info": {"name": 7}, "evidence": [good, {"field": "x"}, "junk"]})
    assert stored.evidence == [Evidence(**good)]
    assert "evidence" not in Profile(personal_info={"name": "Ada"}).stored_form()  # none: not stored


# --- degrees -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "level", "subject"),
    [
        ("B.E in Computer Science Engineering", "Bachelor's", "Computer Science Engineering"),
        ("BE (Computer Science)", "Bachelor's", "Computer Science"),
        ("B.Tech in Information Technology", "Bachelor's", "Information Technology"),
        ("M.Tech, VLSI Design", "Master's", "VLSI Design"),
        ("MCA", "Master's", None),
        ("BCA", "Bachelor's", None),
        ("B.Sc Physics", "Bachelor's", "Physics"),
        ("BSc Chemistry", "Bachelor's", "Chemistry"),
        ("M.Sc. Mathematics", "Master's", "Mathematics"),
        ("PGDM", "Postgraduate Diploma", "Management"),
        ("MBA in Finance", "Master's", "Finance"),
        ("BBA", "Bachelor's", None),
        ("B.Com", "Bachelor's", None),
        ("M.Com", "Master's", None),
        ("PhD in Molecular Biology", "Doctorate", "Molecular Biology"),
        ("M.S. Computer Science", "Master's", "Computer Science"),
        ("B.S. in Mathematics", "Bachelor's", "Mathematics"),
        ("B.A. English", "Bachelor's", "English"),
        ("M.A. History", "Master's", "History"),
        ("HSC", "Secondary", None),
        ("SSC", "Secondary", None),
        ("12th", "Secondary", None),
        ("10th", "Secondary", None),
        ("Diploma in Mechanical Engineering", "Diploma", "Mechanical Engineering"),
        ("Associate Degree in Nursing", "Associate", "Nursing"),
        ("Bachelor of Science in Physics", "Bachelor's", "Physics"),
    ],
)
def test_degree_level_and_subject(written, level, subject):
    assert degree_parts(written) == (level, subject)


@pytest.mark.parametrize("text", ["Boston, MA", "10th March 2015", "Be a team player", "Acme Corp"])
def test_not_degrees(text):
    assert find_degree(text) is None


def test_education_entries_keep_the_degree_and_gain_level_and_subject():
    from analysis.backends.local import analyze_locally

    text = "Asha Rao\nasha@example.com\n\nEducation\nBE (Computer Science)\nPES University, 2018\n"
    [entry] = analyze_locally(text).profile["education"]
    # Too short for line structure, so the learned entry: the degree as written, normalised in level and subject.
    assert entry == {"degree": "BE (Computer Science)", "institution": "PES University",
                     "year": 2018, "level": "Bachelor's", "subject": "Computer Science"}  # fmt: skip


# --- institutions and companies ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("M.S. Computer Science, Carnegie Mellon University", "Carnegie Mellon University"),
        ("• Institution: Carnegie Mellon University, Pittsburgh, PA", "Carnegie Mellon University"),
        ("College: St. Xavier's College, Mumbai", "St. Xavier's College"),
        ("Delhi University May 2015", "Delhi University"),
        ("Anna University, Chennai, India", "Anna University"),
        ("IIT Bombay (2012 - 2016)", "IIT Bombay"),
        ("University of California, Berkeley", "University of California, Berkeley"),
        ("University of Texas, Austin", "University of Texas, Austin"),
    ],
)
def test_institution_cleanup(written, clean):
    assert clean_institution(written) == clean


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("Infosys Ltd, Pune", "Infosys Ltd"),
        ("Infosys Ltd (Pune)", "Infosys Ltd"),
        ("Infosys Bangalore", "Infosys"),
        ("Acme GmbH, Berlin, Germany", "Acme GmbH"),
        ("Bank of America", "Bank of America"),
        ("Nordlicht AB", "Nordlicht AB"),  # a company suffix, not Alberta
        ("New York Life", "New York Life"),
    ],
)
def test_company_without_city(written, clean):
    assert company_without_city(written) == clean


def test_institution_in_a_parsed_resume_loses_the_degree_text():
    text = "Sam Lee\nsam@example.com\n\nEducation\nM.S. Computer Science, Carnegie Mellon University, 2019\n"
    [entry] = parse_resume(text)["education"]
    assert (entry["degree"], entry["institution"]) == ("Master of Science in Computer Science",
                                                       "Carnegie Mellon University")  # fmt: skip


# --- phones ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "region", "phone"),
    [
        (["Phone: +91 98765 43210"], None, "+91 98765 43210"),
        (["Mobile: 98765 43210"], "IN", "98765 43210"),
        (["07700 900123"], "GB", "07700 900123"),
        (["0049 89 1234567"], "DE", "0049 89 1234567"),
        (["(512) 555-0147"], "US", "(512) 555-0147"),
    ],
)
def test_valid_phones(lines, region, phone):
    assert find_phone(lines, region=region) == phone


@pytest.mark.parametrize(
    "line",
    ["Acme 2017.64117 Berlin", "2019 - 2021", "03/2019 - 05/2021", "2015 2016 2017 2018", "12.05.2019",
     "Roll No: 1234567890", "Employee ID 98765432", "Passport: 8877665544", "GPA 3.85 of 4.00, 2016"],
)
def test_dates_years_and_ids_are_not_phones(line):
    assert find_phone([line], region="IN") is None


@pytest.mark.parametrize(
    ("location", "region"),
    [("Austin, TX", "US"), ("Pune, Maharashtra, India", "IN"), ("Berlin, Germany", "DE"),
     ("Toronto, ON, Canada", "CA"), ("London, United Kingdom", "GB"), ("Singapore", "SG"), (None, None)],
)
def test_region_from_location(location, region):
    assert region_for(location) == region


def test_the_resume_location_reads_a_national_number():
    text = "Asha Rao\nBengaluru, Karnataka, India\nPhone: 080 2345 6789\n"
    assert parse_resume(text)["personal_info"]["phone"] == "080 2345 6789"
    assert parse_resume("Asha Rao\nWorked 2017.64117\n")["personal_info"]["phone"] is None


# --- skills the taxonomy lacks -----------------------------------------------------------------


def test_listed_unknown_skills_are_kept_under_other():
    text = "\n".join(["Jane Doe", "jane@example.com", "", "Skills",
                      "Python, Golang | Quux Studio; Frobnicator / Tricentis Tosca",
                      "• Xyzzy Framework • Managed small teams across regions",
                      "• 2019 • Skills: • Jane Doe — Resume"])  # fmt: skip
    skills = parse_resume(text)["skills"]
    assert "Python" in skills["Programming Languages"] and "Go" in skills["Programming Languages"]  # aliases
    assert skills["Other"] == ["Quux Studio", "Frobnicator", "Tricentis Tosca", "Xyzzy Framework"]


def test_unknown_words_in_prose_are_not_skills():
    text = "Jane Doe\n\nExperience\nEngineer, Acme 2019 – 2021\nBuilt Quux Studio dashboards with Python.\n"
    assert "Other" not in parse_resume(text)["skills"]
