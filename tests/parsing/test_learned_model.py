"""The committed CRF: it loads only when its sha256 matches, and its entities index the text."""

import shutil

import pytest

from analysis.parsing.learned import fields, lexicon, model, tokens
from analysis.parsing.learned.evaluate import remove_line_breaks, score_docs
from analysis.parsing.training import dotin

RESUME = ("Priya Sharma\nSenior Software Engineer - Infosys Limited\nBengaluru, Karnataka - "
          "priya.sharma@example.com\n\nEDUCATION\nB.Tech in Computer Science\nVellore Institute of "
          "Technology 2015\n\nSKILLS\nPython, Django, SQL, Machine Learning")


def test_tokens_index_the_text():
    text = "C++/C# dev at Acme, Inc.\n\n2019 – now  a@b.io"
    for t in tokens.tokenize(text):
        assert text[t.start:t.end] == t.text
    assert [t.text for t in tokens.tokenize(text)][:3] == ["C++", "/", "C#"]


def test_model_is_checked_and_loads():
    model.verify(model.MODEL_FILE, lexicon.LEXICON_FILE, model.SUMS_FILE)
    assert model.extractor() is model.extractor()  # loaded once per process


def test_a_tampered_model_is_refused(tmp_path):
    copy = tmp_path / "model.crfsuite"
    shutil.copy(model.MODEL_FILE, copy)
    shutil.copy(model.SUMS_FILE, tmp_path / "model.sha256")
    with open(copy, "ab") as handle:
        handle.write(b"\0")
    with pytest.raises(model.ModelIntegrityError):
        model.Extractor(copy, lexicon.LEXICON_FILE, tmp_path / "model.sha256")


def test_a_model_without_checksums_is_refused(tmp_path):
    with pytest.raises(model.ModelIntegrityError):
        model.Extractor(model.MODEL_FILE, lexicon.LEXICON_FILE, tmp_path / "missing.sha256")


def test_extract_gives_offsets_into_the_text():
    entities = model.extract(RESUME)
    assert entities
    for e in entities:
        assert RESUME[e.start:e.end] == e.text
        assert 0.0 <= e.confidence <= 1.0
    labels = {e.label for e in entities}
    assert {"NAME", "SKILL"} <= labels


def test_fields_keep_offsets_and_confidence():
    result = fields.fields_from_entities(RESUME, model.extract(RESUME))
    assert result["email"]["value"] == "priya.sharma@example.com"
    assert result["name"]["value"] == "Priya Sharma"
    for key in ("companies", "roles", "degrees", "institutions", "skills"):
        for item in result[key]:
            assert RESUME[item["start"]:item["end"]] == item["value"]
            assert 0.0 <= item["confidence"] <= 1.0
    assert any("python" in s["value"].lower() for s in result["skills"])


def test_empty_text():
    assert model.extract("") == []
    assert fields.fields_from_entities("", [])["name"] is None


def test_same_fields_with_and_without_line_breaks():
    docs = [d for d in dotin.load_split("dev") if "\n" in d.text]  # the 21 that keep them
    as_is = score_docs(fields.predict, docs)
    one_line = score_docs(fields.predict, docs, transform=remove_line_breaks)
    for name, score in as_is.items():
        assert abs(score.f1 - one_line[name].f1) <= 0.1, name


@pytest.mark.parametrize(("raw", "clean"), [
    ("Infosys Ltd, Pune", "Infosys Ltd"),
    ("Wipro Technologies - Bangalore", "Wipro Technologies"),
    ("Tata Consultancy Services Chennai", "Tata Consultancy Services"),
    ("Bank of India", "Bank of India"),
    ("IBM India", "IBM India"),
])
def test_companies_lose_their_trailing_city(raw, clean):
    entity = model.Entity("COMP", 0, len(raw), raw, 0.9)
    assert fields.without_city(raw, entity).text == clean


@pytest.mark.parametrize(("raw", "clean"), [
    ("• Institution: Pune University", "Pune University"),
    ("- C++", "C++"),
    (".NET", ".NET"),
    ("Infosys Ltd.,", "Infosys Ltd"),
])
def test_bullets_labels_and_trailing_punctuation_are_trimmed(raw, clean):
    text = "xx " + raw
    entity = model.Entity("COLLEGE", 3, len(text), raw, 0.9)
    got = fields.trimmed(text, entity)
    assert got.text == clean and text[got.start:got.end] == clean
