"""The learned entity extractor: a linear-chain CRF (python-crfsuite) over token features.

The artefact (model.crfsuite) and the gazetteers it was trained with (lexicon.json) are
checked against the sha256 sums in model.sha256 before they are used, so a corrupted or
swapped file is refused instead of silently giving other answers. The tagger loads once per
process (`extractor()`), so each worker pays the load only on its first resume.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.parsing.learned import lexicon
from analysis.parsing.learned.features import doc_features
from analysis.parsing.learned.tokens import Token, tokenize

HERE = Path(__file__).resolve().parent
MODEL_FILE = HERE / "model.crfsuite"
SUMS_FILE = HERE / "model.sha256"
_lock = threading.Lock()
DEFAULT_THRESHOLD = 0.5
PROBABILITY_FLOOR = 0.1  # below every threshold: tokens under it are O without further look-ups
# Per-type probability thresholds, chosen on the dev split (see /tmp/parser-lab/RESULTS.md).
THRESHOLDS: dict[str, float] = {"NAME": 0.1, "LOC": 0.4, "COMP": 0.15, "ROLE": 0.3, "DEG": 0.2,
                                 "COLLEGE": 0.3, "SKILL": 0.15}


class ModelIntegrityError(RuntimeError):
    """The model or lexicon file is missing or is not the one whose sha256 is recorded."""


@dataclass(frozen=True)
class Entity:
    label: str  # NAME, EMAIL, LOC, COMP, ROLE, YEARS, COLLEGE, DEG, GRAD, SKILL
    start: int
    end: int
    text: str
    confidence: float  # mean marginal probability of the entity's tags, in [0, 1]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def recorded_sums(path: Path = SUMS_FILE) -> dict[str, str]:
    """'<sha256>  <file name>' lines, as sha256sum writes them."""
    sums = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            sums[name.strip().lstrip("*")] = digest
    return sums


def verify(model_file: Path, lexicon_file: Path, sums_file: Path) -> None:
    """Refuse files whose sha256 differs from the recorded one."""
    if not sums_file.is_file():
        raise ModelIntegrityError(f"no checksum file {sums_file}")
    sums = recorded_sums(sums_file)
    for path in (model_file, lexicon_file):
        if not path.is_file():
            raise ModelIntegrityError(f"missing {path}")
        if sums.get(path.name) != sha256_of(path):
            raise ModelIntegrityError(f"{path.name} does not match its recorded sha256")


class Extractor:
    """A loaded CRF tagger plus the decoding of its tags into entities."""

    def __init__(self, model_file: Path = MODEL_FILE, lexicon_file: Path = lexicon.LEXICON_FILE,
                 sums_file: Path | None = SUMS_FILE, featurise=None):
        import pycrfsuite

        if sums_file is not None:
            verify(model_file, lexicon_file, sums_file)
        lexicon.load(lexicon_file)  # fail here, not on the first resume
        self.lexicon_file = lexicon_file
        # Experiments swap in other feature functions; the committed model uses doc_features.
        self.featurise = featurise or (lambda tokens: doc_features(tokens, lexicon.load(lexicon_file)))
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_file))
        # The tagger keeps the current sequence between set() and marginal(): one caller at a time.
        self.busy = threading.Lock()

    def tag(self, tokens: list[Token]) -> tuple[list[str], list[float]]:
        """The best tag sequence and each tag's marginal probability."""
        if not tokens:
            return [], []
        features = self.featurise(tokens)
        with self.busy:
            tags = self.tagger.tag(features)
            marginals = [self.tagger.marginal(tag, i) for i, tag in enumerate(tags)]
        return tags, marginals

    def type_probabilities(self, tokens: list[Token]) -> list[dict[str, tuple[float, float]]]:
        """Per token, {type: (P(B-type), P(I-type))} from the CRF's marginals."""
        if not tokens:
            return []
        features = self.featurise(tokens)
        with self.busy:
            self.tagger.set(features)
            return self._marginals(len(tokens))

    def _marginals(self, count: int) -> list[dict[str, tuple[float, float]]]:
        labels = [label for label in self.tagger.labels() if label != "O"]
        floor = PROBABILITY_FLOOR
        result = []
        for i in range(count):
            probs: dict[str, tuple[float, float]] = {}
            if 1.0 - self.tagger.marginal("O", i) < floor:
                result.append(probs)  # no type can reach its threshold: skip the 20 look-ups
                continue
            for label in labels:
                kind, _, name = label.partition("-")
                b, inside = probs.get(name, (0.0, 0.0))
                p = self.tagger.marginal(label, i)
                probs[name] = (b + p, inside) if kind == "B" else (b, inside + p)
            result.append(probs)
        return result

    def extract(self, text: str, thresholds: dict[str, float] | None = None) -> list[Entity]:
        """Entities where a type's marginal probability reaches its threshold (recall over the
        Viterbi path, which a CRF trained on sparse annotations keeps too cautious)."""
        tokens = tokenize(text)
        probs = self.type_probabilities(tokens)
        return decode_marginals(text, tokens, probs, thresholds or THRESHOLDS)


def decode(text: str, tokens: list[Token], tags: list[str], marginals: list[float]) -> list[Entity]:
    """Join B-/I- runs into entities; an I- without its B- opens one (CRFs do emit those)."""
    entities: list[Entity] = []
    run: list[int] = []
    label = ""

    def close() -> None:
        if run:
            start, end = tokens[run[0]].start, tokens[run[-1]].end
            confidence = sum(marginals[k] for k in run) / len(run)
            entities.append(Entity(label, start, end, text[start:end], round(confidence, 4)))

    for i, tag in enumerate(tags):
        kind, _, name = tag.partition("-")
        if kind == "I" and run and name == label:
            run.append(i)
            continue
        close()
        run, label = ([i], name) if kind in ("B", "I") else ([], "")
    close()
    return entities


def decode_marginals(text: str, tokens: list[Token], probs: list[dict[str, tuple[float, float]]],
                     thresholds: dict[str, float]) -> list[Entity]:
    """A token belongs to its most probable type when that type's probability reaches the
    type's threshold; it continues the previous token's entity unless B- outweighs I-."""
    tags: list[str] = []
    confidences: list[float] = []
    previous = ""
    for token_probs in probs:
        name, (b, inside) = max(token_probs.items(), key=lambda item: sum(item[1])) if token_probs else ("", (0, 0))
        if name and b + inside >= thresholds.get(name, DEFAULT_THRESHOLD):
            tags.append(("I-" if previous == name and inside >= b else "B-") + name)
            confidences.append(min(1.0, b + inside))
            previous = name
        else:
            tags.append("O")
            confidences.append(0.0)
            previous = ""
    return decode(text, tokens, tags, confidences)


@lru_cache(maxsize=1)
def extractor() -> Extractor:
    """The process-wide extractor, loaded (and checked) on first use."""
    with _lock:
        return Extractor()


def extract(text: str) -> list[Entity]:
    """Entities in the text, with character offsets into it and a confidence."""
    return extractor().extract(text)
