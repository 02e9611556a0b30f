"""The AI layer: embeddings and LLM calls behind one interface, local or OpenAI-compatible.

Backends are chosen by settings (EMBEDDING_BACKEND, AI_BACKEND), never by code edits; their
names are defined once in backends.py and checked when the settings load. Every failure
surfaces as `AIError`, whose `permanent` flag says whether retrying can help.
"""

from resume_analyzer.ai.errors import AIError

__all__ = ["AIError"]
