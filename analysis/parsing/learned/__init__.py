"""The learned resume entity extractor (Django-free, CPU-only, offline).

    text ─ tokens.py (offsets, no reliance on line breaks)
         ─ features.py (word, shape, layout gaps, section, gazetteers from lexicon.json)
         ─ model.py (CRF in model.crfsuite, sha256-checked; extract(text) -> [Entity])
         ─ fields.py (fields_from_entities: name, email, location, companies, roles, degrees,
                      institutions, skills, each with start/end/confidence)

train.py rebuilds the model from analysis/parsing/training/ (train split only); evaluate.py
scores any predict(text) -> {field: [values]} with the dotin matching rule.
"""

from analysis.parsing.learned.fields import fields_from_entities
from analysis.parsing.learned.model import Entity, ModelIntegrityError, extract

__all__ = ["Entity", "ModelIntegrityError", "extract", "fields_from_entities"]
