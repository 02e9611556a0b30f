"""Recruiter workflows across candidates: hybrid search (search.py), job openings parsed into
requirements (requirements.py, services.py), fit scores (fit.py), shortlist exports and the
comparison page. docs/matching.md describes the rules."""
