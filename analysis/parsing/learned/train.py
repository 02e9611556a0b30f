"""Rebuild the CRF from the annotated resumes (the future `manage.py train_parser` calls train()).

Trained on the train split only, on each resume twice: as written and with its line breaks
turned into spaces, so the model does not lean on line breaks that real text often loses.
python-crfsuite's L-BFGS is single-threaded and has no random state, and the data, the
feature order and the lexicon are fixed, so the same inputs give a byte-identical model.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from analysis.parsing.learned import evaluate, lexicon
from analysis.parsing.learned.features import doc_features
from analysis.parsing.learned.labels import bio_tags
from analysis.parsing.learned.tokens import Token, tokenize
from analysis.parsing.training import dotin

PARAMS = {
    "c1": 0.05,  # L1: drops useless features, keeps the file small
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}

Featurise = Callable[[list[Token]], list[dict]]


def sequences(docs: list[dotin.Doc], augment: bool = True):
    """(tokens, tags) of each document, plus its one-line version when it had line breaks."""
    for doc in docs:
        texts = [doc.text]
        if augment and "\n" in doc.text:
            texts.append(evaluate.remove_line_breaks(doc.text))  # same length, same offsets
        for text in texts:
            tokens = tokenize(text)
            yield tokens, bio_tags(tokens, doc.spans)


def fit(docs: list[dotin.Doc], output_path: Path, *, featurise: Featurise = doc_features,
        params: dict | None = None, augment: bool = True) -> tuple[float, float]:
    """Train a CRF on the documents into output_path; returns (wall, CPU) seconds, since the
    wall time depends on what else the machine runs."""
    import pycrfsuite

    began = time.perf_counter()
    cpu_began = time.process_time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, tags in sequences(docs, augment):
        trainer.append(featurise(tokens), tags)
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(output_path))
    return time.perf_counter() - began, time.process_time() - cpu_began


def data_file(name: str) -> Path:
    """The project's taxonomy/places file (analysis/parsing/data/ now, analysis/data/ before)."""
    parsing = Path(__file__).resolve().parent.parent
    for folder in (parsing / "data", parsing.parent / "data"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(name)


def rebuild_lexicon(output: Path = lexicon.LEXICON_FILE) -> Path:
    """Rewrite lexicon.json from the skills taxonomy and places lists. Run it only when those
    change, and retrain after it: the model's features depend on the lexicon."""
    data = lexicon.build(data_file("skills.json"), data_file("places.json"))
    output.write_text(json.dumps(data, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return output


def write_sums(model_file: Path, lexicon_file: Path, sums_file: Path) -> None:
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in (model_file, lexicon_file)]
    sums_file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def dev_figures(model_file: Path, sums_file: Path) -> dict:
    """Dev-split F1 per field of one model file, as-is and without line breaks."""
    from analysis.parsing.learned.fields import predict_with
    from analysis.parsing.learned.model import Extractor

    predict = predict_with(Extractor(model_file, lexicon.LEXICON_FILE, sums_file))
    dev = dotin.load_split("dev")
    metrics = {}
    for name, transform in (("as_is", None), ("no_line_breaks", evaluate.remove_line_breaks)):
        totals = evaluate.score_docs(predict, dev, transform=transform)
        metrics[name] = {f: round(s.f1, 4) for f, s in totals.items()}
    return metrics


def train(output_path: Path | str, *, evaluate_dev: bool = True, limit: int | None = None) -> dict:
    """Rebuild the model into output_path (and its .sha256 beside it); returns timings and
    dev-split figures so the caller can compare them with the committed model's. `limit` trains
    on the first N training documents only (for tests of determinism; not a usable model)."""
    output_path = Path(output_path)
    lexicon_file = lexicon.LEXICON_FILE
    docs = dotin.load_split("train")
    seconds, cpu_seconds = fit(docs[:limit] if limit else docs, output_path)
    sums_file = output_path.with_suffix(".sha256")
    write_sums(output_path, lexicon_file, sums_file)
    metrics: dict = {"train_seconds": round(seconds, 1), "train_cpu_seconds": round(cpu_seconds, 1),
                     "sha256": hashlib.sha256(output_path.read_bytes()).hexdigest(),
                     "bytes": output_path.stat().st_size}
    if evaluate_dev:
        metrics.update(dev_figures(output_path, sums_file))
    return metrics


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "model.crfsuite"
    print(json.dumps(train(target), indent=2))
