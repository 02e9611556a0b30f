"""The structural parser combined with the learned extractor (analysis/parsing/combine.py)."""

from datetime import date

from analysis.backends.local import analyze_locally
from analysis.parsing import parse_resume
from analysis.parsing.combine import (
    group_by_proximity,
    has_line_structure,
    learned_education,
    learned_jobs,
    learned_values,
    reads_as_degree,
    with_rule_spans,
)
from analysis.parsing.learned import Entity, extract

TODAY = date(2026, 11, 28)
RESUME = """Priya Sharma
Senior Software Engineer
priya.sharma@example.com | Bengaluru, Karnataka

EXPERIENCE
Senior Software Engineer - Infosys Limited
Jan 2019 - Present
Built payment services in Java and Spring Boot.
Software Engineer - Wipro Technologies
Jul 2015 - Dec 2018
Maintained billing systems.

EDUCATION
B.Tech in Computer Science
Vellore Institute of Technology, 2015

SKILLS
Java, Spring Boot, SQL, Kubernetes
"""


def one_line(text: str) -> str:
    return "  ".join(line for line in text.splitlines() if line.strip())


def test_text_without_line_breaks_no_longer_gives_an_empty_profile():
    text = one_line(RESUME)
    combined = parse_resume(text, today=TODAY, entities=extract(text))
    assert combined["personal_info"]["name"] == "Priya Sharma"
    assert combined["personal_info"]["email"] == "priya.sharma@example.com"
    companies = {job["company"] for job in combined["experience"]}
    assert any("Infosys" in (company or "") for company in companies)
    assert combined["education"] and combined["skills"]


def test_the_same_resume_with_and_without_line_breaks_gives_the_same_name_and_email():
    with_breaks = analyze_locally(RESUME).profile["personal_info"]
    without = analyze_locally(one_line(RESUME)).profile["personal_info"]
    assert (with_breaks["name"], with_breaks["email"]) == (without["name"], without["email"])


def test_line_structure_is_told_from_wrapped_or_single_line_text():
    assert has_line_structure(RESUME)
    assert not has_line_structure(one_line(RESUME))
    wrapped = "\n".join(one_line(RESUME)[i : i + 90] for i in range(0, len(one_line(RESUME)), 90))
    assert not has_line_structure(wrapped)


def test_spans_are_paired_into_entries_by_proximity():
    text = "Acme Corp  Data Engineer  2019 - 2021" + " " * 300 + "Globex  Analyst  2016 - 2018"
    entities = [Entity("COMP", 0, 9, "Acme Corp", 0.9), Entity("ROLE", 11, 24, "Data Engineer", 0.8),
                Entity("YEARS", 26, 37, "2019 - 2021", 0.9),
                Entity("COMP", 337, 343, "Globex", 0.7), Entity("ROLE", 345, 352, "Analyst", 0.6),
                Entity("YEARS", 354, 365, "2016 - 2018", 0.9)]
    assert [sorted(e.text for e in entry.values()) for entry in group_by_proximity(entities, ("COMP", "ROLE"))] \
        == [["Acme Corp", "Data Engineer"], ["Analyst", "Globex"]]
    jobs = learned_jobs(learned_values(text, entities), today=TODAY)
    assert [(job["company"], job["role"], job["start_date"], job["end_date"]) for job in jobs] == [
        ("Acme Corp", "Data Engineer", "2019-01", "2021-12"), ("Globex", "Analyst", "2016-01", "2018-12")]


def test_a_role_seen_again_opens_the_next_entry():
    entities = [Entity("ROLE", 0, 3, "Dev", 0.9), Entity("ROLE", 10, 14, "Lead", 0.9), Entity("COMP", 20, 24, "Acme", 0.9)]
    entries = group_by_proximity(entities, ("COMP", "ROLE"))
    assert [sorted(entry) for entry in entries] == [["ROLE"], ["COMP", "ROLE"]]


def test_the_model_confidence_reaches_the_evidence():
    text = one_line(RESUME)
    profile = analyze_locally(text).profile
    learned = {e.text: e.confidence for e in extract(text)}
    name = next(item for item in profile["evidence"] if item["field"] == "personal_info.name")
    assert name["verified"] and text[name["start"]:name["end"]] == "Priya Sharma"
    assert name["confidence"] == round(learned["Priya Sharma"], 3)


def _entity(text: str, label: str, written: str, confidence: float = 0.9) -> Entity:
    start = text.index(written)
    return Entity(label, start, start + len(written), written, confidence)


def test_a_heading_word_or_a_single_word_is_not_taken_for_the_name():
    text = "Education  San  Leontine Schmitt  leontine@example.com"
    entities = [_entity(text, "NAME", "Education"), _entity(text, "NAME", "San"),
                _entity(text, "NAME", "Leontine Schmitt", 0.3)]
    assert learned_values(text, entities).name().text == "Leontine Schmitt"
    assert learned_values(text, entities[:2]).name() is None


def test_learned_degrees_are_kept_as_written_and_prose_tagged_as_a_degree_is_dropped():
    text = "EDUCATION  Bachelor of Laws (LL.B  Honours)  University of Nairobi  Faculty of Law  " \
           "Experience with RADAR-TM (Reflective Agents)"
    entities = [_entity(text, "DEG", "Bachelor of Laws (LL.B  Honours)"), _entity(text, "COLLEGE", "University of Nairobi"),
                _entity(text, "DEG", "Faculty of Law"), _entity(text, "DEG", "RADAR-TM (Reflective Agents")]
    entries = learned_education(learned_values(text, entities))
    assert [(e["degree"], e["institution"]) for e in entries] == [
        ("Bachelor of Laws (LL.B Honours)", "University of Nairobi")]
    assert reads_as_degree("B.E") and reads_as_degree("PGDM in Marketing") and reads_as_degree("Diploma in Law")
    assert not reads_as_degree("Faculty of Law") and not reads_as_degree("Business and Administration")


def test_a_one_line_resume_shows_the_degree_as_written_with_its_level():
    profile = analyze_locally(one_line(RESUME)).profile
    entry = next(e for e in profile["education"] if e["degree"])
    assert entry["degree"].startswith("B.Tech") and entry["level"] == "Bachelor's"
    evidence = next(item for item in profile["evidence"] if item["field"] == "education.0.degree")
    assert evidence["raw"].startswith("B.Tech") and evidence["verified"]


def test_roles_ending_in_a_title_word_and_their_employers_are_added_where_the_model_has_none():
    text = ("EXPERIENCE  Volunteer, Cradles to Crayons \u2022 Conshohocken, PA \u2022 April 2015 - present  "
            "Maintain the database of volunteers and coordinate the program manager visits.  "
            "Senior Analyst, Acme Corp \u2022 May 2012 - March 2015")
    model = [_entity(text, "ROLE", "Senior Analyst"), _entity(text, "COMP", "Acme Corp")]
    added = [e for e in with_rule_spans(text, model) if e not in model]
    assert [(e.label, e.text) for e in added] == [("ROLE", "Volunteer"), ("COMP", "Cradles to Crayons")]
    assert all(e.confidence == 0.5 for e in added)  # marked for review, not shown as certain
    # "program manager" sits inside a sentence: not a role.
