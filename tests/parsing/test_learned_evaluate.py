"""The dotin matching rule and its per-field precision/recall on hand-made examples."""

import pytest

from analysis.parsing.learned import evaluate as ev


def test_normalise_keeps_plus_and_hash():
    assert ev.normalise("  C++, C#  &  .NET!") == "c++ c# net"


@pytest.mark.parametrize(("a", "b", "same"), [
    ("oracle", "oracle india pvt ltd", True),  # containment, shorter ≥ 3
    ("ab", "ab c", True),  # word Jaccard 1/2
    ("c", "c++ developer", False),  # containment needs 3 characters
    ("bachelor of engineering", "master of engineering", True),  # {of, engineering} 2/4
    ("java", "python", False),
    ("", "java", False),
])
def test_matches(a, b, same):
    assert ev.matches(ev.normalise(a), ev.normalise(b)) is same


def test_precision_and_recall_count_differently():
    score = ev.score_values(["Oracle", "Infosys", "", "ORACLE"], ["Oracle India Pvt Ltd", "Oracle Corp", "TCS"])
    # predictions deduplicated: oracle (matches), infosys (no); gold: both oracles found, TCS not.
    assert (score.predicted, score.predicted_ok, score.gold, score.gold_found) == (2, 1, 3, 2)
    assert score.precision == 0.5 and score.recall == pytest.approx(2 / 3)


def test_location_is_one_slot_per_document():
    score = ev.score_values(["Pune, Maharashtra"], ["Bangalore", "Pune", "Mumbai"], one_slot=True)
    assert (score.predicted_ok, score.gold, score.gold_found) == (1, 1, 1)
    assert ev.score_values([], ["Pune"], one_slot=True).recall == 0.0


def test_score_docs_sums_over_documents():
    from analysis.parsing.training.dotin import Doc, Span

    doc = Doc("a.xml", "Ana Lee, Python and SQL", [Span("Name", 0, 7), Span("Tech Tools", 9, 15),
                                                    Span("Tech Tools", 20, 23)])
    totals = ev.score_docs(lambda text: {"name": ["Ana Lee"], "skills": ["python", "Go"]}, [doc, doc])
    assert totals["name"].f1 == 1.0
    assert (totals["skills"].predicted, totals["skills"].predicted_ok) == (4, 2)
    assert totals["skills"].recall == 0.5
    assert totals["email"].f1 == 0.0  # nothing predicted, nothing to find


def test_remove_line_breaks_keeps_offsets():
    text = "Ana\nLee\n\nPython"
    assert ev.remove_line_breaks(text) == "Ana Lee  Python"
    assert len(ev.remove_line_breaks(text)) == len(text)
