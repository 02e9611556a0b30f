"""analysis/parsing/occupation.py on its own: the ESCO data and matrix, seniority, recommendations.
(Matching real resumes with MiniLM is measured in test_quality.py.)"""

from collections import Counter

import pytest

from analysis.parsing import occupation as o


def test_the_esco_data_and_its_matrix_belong_together():
    items = o.occupations()
    assert len(items) == 3039 and len({item.uri for item in items}) == len(items)
    assert all(item.uri.startswith("http://data.europa.eu/esco/occupation/") and item.label for item in items)
    families = Counter(item.family for item in items)
    assert set(families) <= set(o.FAMILIES) and all(families[f] >= 5 for f in o.FAMILIES), families
    matrix = o._read_matrix(o.MATRIX_FILE, o.labels_digest(items))  # the committed one is not stale
    assert matrix is not None and matrix.shape == (3039, 384)
    assert o._read_matrix(o.MATRIX_FILE, "another digest") is None  # a changed data file is recomputed


def test_labels_split_from_esco_s_run_together_text():
    label, aliases, description = o._split(
        "technical director technical and operations director head of technical Technical directors "
        "realise the artistic visions of the creators. They coordinate."
    )
    assert label == "technical director" and aliases.startswith("technical and operations director")
    assert description == "Technical directors realise the artistic visions of the creators."
    assert o._split("ICT help desk manager software support manager ICT help desk managers supervise the desk.")[0] == (
        "ICT help desk manager"
    )


@pytest.mark.parametrize(
    ("titles", "years", "level"),
    [
        (["Charge Nurse", "Staff Nurse"], 8, "lead"),
        (["Lead Product Designer"], 10, "lead"),
        (["Staff Nurse"], 8, "senior"),  # a staff nurse is not a staff engineer
        (["Junior Developer"], 1, "junior"),
        (["Junior Developer"], 12, "senior"),  # ten years are never junior
        (["Marketing Intern"], 0.3, "entry"),
        (["HR Business Partner"], 7, "senior"),  # a business partner is not a partner of the firm
        (["Chief Executive Officer"], 20, "executive"),
        ([], 4, "mid"),
    ],
)
def test_seniority_from_titles_and_years(titles, years, level):
    assert o.seniority_of(titles, years) == level


def test_recommendations_take_the_candidate_s_seniority():
    nurse = {"label": "nurse responsible for general care", "confidence": 0.8, "family": "healthcare"}
    assert o.recommendations(["Junior Registered Nurse"], nurse, "lead") == [
        "Lead Nurse responsible for general care", "Lead Registered Nurse",
    ]  # fmt: skip
    weak = {"label": "nurse assistant", "confidence": 0.48}
    assert o.recommendations(["Junior Registered Nurse"], weak, "lead") == ["Lead Registered Nurse"]
    assert o.recommendations(["Junior UX / Product Designer"], {}, "mid") == ["UX / Product Designer"]
    assert o.recommendations(["Senior Sales manager"], {}, "senior") == ["Sales manager"]  # a rank already


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Charge Nurse", "healthcare"), ("Senior Sales Associate", "sales_marketing"),
        ("Lead Product Designer", "design_creative"), ("Site Reliability Engineer", "software_data"),
        ("Mechanical Design Engineer", "engineering"), ("HR Business Partner", "people_hr"),
        ("Customer Support Team Lead", "customer_service"), ("Warehouse Operations Manager", "operations_logistics"),
        ("Senior Accountant", "finance"), ("Paralegal", "legal"), ("Special Education Teacher", "education"),
        ("Program Manager", "management"), ("HVAC Technician", "engineering"),
    ],
)  # fmt: skip
def test_family_from_title_words(title, family):
    assert o.family_of_title(title) == family
