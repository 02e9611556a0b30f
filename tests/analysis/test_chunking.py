"""Chunks are section-aware, fit MiniLM's 256-token window, and lose no text."""

from analysis.documents.chunking import MODEL_WINDOW, chunk_text, count_tokens, heading_of
from analysis.documents.extraction import extract_text
from tests.analysis.conftest import FILES


def test_resume_chunks_follow_its_sections():
    chunks = chunk_text(extract_text(FILES / "resume.pdf"))
    sections = [chunk.section for chunk in chunks]
    for name in ["Header", "Summary", "Experience", "Education", "Skills", "Languages"]:
        assert name in sections
    education = next(chunk for chunk in chunks if chunk.section == "Education")
    assert "University of Edinburgh" in education.text and "Northwind" not in education.text
    assert [chunk.index for chunk in chunks] == list(range(len(chunks)))


def test_every_chunk_fits_the_model_window_and_no_word_is_lost():
    words = [f"word{n}" for n in range(3000)]
    text = "Summary\n" + " ".join(words) + "\nSkills\n" + ", ".join(words[:400])
    chunks = chunk_text(text)
    assert len(chunks) > 10
    for chunk in chunks:
        assert count_tokens(chunk.embedding_text) + 2 <= MODEL_WINDOW  # + [CLS] and [SEP]
    joined = " ".join(c.text for c in chunks if c.section == "Summary").split()
    assert joined == words


def test_wrapped_pdf_lines_are_rejoined_but_contact_lines_are_not():
    chunks = chunk_text(
        "Experience\nBuilt services that cut cost\nby 18%.\nTeam lead\nann@example.com"
    )
    assert chunks[0].text.splitlines() == [
        "Built services that cut cost by 18%.",
        "Team lead",
        "ann@example.com",
    ]


def test_headings():
    assert heading_of("EXPERIENCE") == "Experience"
    assert heading_of("Work Experience:") == "Work Experience"
    assert heading_of("• SQL") is None
    assert heading_of("AWS") is None
    assert heading_of("Led a team of six engineers") is None
