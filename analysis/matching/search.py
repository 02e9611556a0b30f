"""Hybrid search across the owner's candidates (docs/matching.md, "Search").

Three rankings of candidates are fused by reciprocal-rank fusion (RRF, k = 60):

1. semantic: the query's MiniLM embedding against every resume chunk (pgvector cosine distance);
   a candidate ranks by its closest chunk;
2. full text: PostgreSQL full-text search (english configuration, any query word, ts_rank_cd)
   over the chunks' stored tsvector; a candidate ranks by its best chunk;
3. skills: candidates found by 1 or 2, ordered by how many of the query's skills (taxonomy skills
   named in the query, plus the skills filter) their profile lists.

score(candidate) = sum over the rankings it appears in of 1 / (60 + rank), rank from 1.

Filtered vector search on pgvector 0.6.2 (no iterative index scans): an HNSW scan filters only
after it has found its ef_search nearest chunks, so a filter can leave too few. So (vector_plan):
when the allowed chunks are few (<= EXACT_MAX_CHUNKS) the search is exact over them (the job_id
index, then distances for those rows only); otherwise the HNSW index is scanned with an ef_search
sized so that, at the allowed share of all chunks, ~1.5 x MIN_SURVIVORS chunks are expected to
pass the filter, and if fewer than MIN_SURVIVORS do, the search is redone exactly. A share so
small that ef_search would pass pgvector's maximum (1000) goes to exact search directly. Every
path returns only allowed chunks. Full-text search is always exact (GIN index, then the filter).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import connection, transaction

from analysis.matching.candidates import ALLOWED_TABLE, Facets, allowed_table_create, folded_forms
from analysis.parsing.skills import find_skills, tokens
from resume_analyzer.ai.embeddings import embed_text

RRF_K = 60
SEMANTIC_DEPTH = 100  # chunks taken from the vector search
TEXT_DEPTH = 100  # chunks taken from the full-text search
TEXT_ALL_WORDS_ENOUGH = 30  # chunks with every query word that make the any-word ranking unneeded
EXACT_MAX_CHUNKS = 4000  # up to this many allowed chunks, vector search is exact
HNSW_EF_SEARCH = 400  # the least ef_search used (pgvector's default is 40); recall@10 0.963 at 200 on 45,000 chunks
HNSW_EF_MAX = 1000  # pgvector's maximum
MIN_SURVIVORS = 40  # chunks an HNSW scan must keep after the filter, else the search is redone exactly
SURVIVOR_MARGIN = 2.5  # ef_search is sized for this many times MIN_SURVIVORS expected survivors
# A candidate only the semantic ranking found (no query word, no skill) is shown only this similar:
# below it MiniLM is matching the genre of the text (any resume), not the query.
SEMANTIC_ONLY_FLOOR = 0.3
MAX_QUERY_CHARS = 500
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#.'-]*")
SNIPPET_CHARS = 320


@dataclass
class ChunkHit:
    chunk_id: int
    job_id: uuid.UUID
    upload_id: int
    rank: int
    score: float  # similarity (1 - cosine distance) or ts_rank_cd


@dataclass
class SearchResult:
    upload_id: int
    job_id: uuid.UUID
    score: float
    ranks: dict[str, int | None]
    matched_skills: list[str]
    snippet: str = ""
    section: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)
    similarity: float | None = None


@dataclass
class SearchOutcome:
    results: list[SearchResult]
    total_candidates: int  # allowed by the facets
    vector_strategy: str  # "exact", "hnsw" or "hnsw+exact" (fell back), "none"


@lru_cache(maxsize=256)
def query_vector(text: str) -> tuple[float, ...]:
    return tuple(embed_text(text))


def vector_literal(vector) -> str:
    return "[" + ",".join(f"{value:.6f}" for value in vector) + "]"


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


EXACT_SQL = (
    "SELECT c.id, c.job_id, a.upload_id, 1 - (c.embedding <=> %s::vector) FROM analysis_resumechunk c "
    f"JOIN {ALLOWED_TABLE} a ON a.job_id = c.job_id WHERE c.embedding IS NOT NULL "
    # "+ 0": an expression the HNSW index cannot serve, so the planner never answers this with an
    # index scan that filters afterwards (and returns fewer, approximate rows)
    "ORDER BY (c.embedding <=> %s::vector) + 0 LIMIT %s"
)


def semantic_exact(vector: str, depth: int) -> list[tuple]:
    """The nearest allowed chunks, exactly: (chunk id, job id, upload id, similarity)."""
    return _rows(EXACT_SQL, [vector, vector, depth])


HNSW_SQL = (
    "SELECT n.id, n.job_id, a.upload_id, 1 - n.distance FROM ("
    "  SELECT id, job_id, embedding <=> %s::vector AS distance FROM analysis_resumechunk"
    "  ORDER BY embedding <=> %s::vector LIMIT %s"
    f") n JOIN {ALLOWED_TABLE} a ON a.job_id = n.job_id "
    "ORDER BY n.distance LIMIT %s"
)


def semantic_hnsw(vector: str, depth: int, ef_search: int) -> list[tuple]:
    """The ef_search nearest chunks by the HNSW index, then only the allowed ones. Inside the
    search's transaction (the allowed table's), so the setting ends with it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('hnsw.ef_search', %s, true)", [str(ef_search)])
        cursor.execute(HNSW_SQL, [vector, vector, ef_search, depth])
        return cursor.fetchall()


def corpus_size() -> tuple[float, float]:
    """(chunks, profiles) in the whole database, from the planner's statistics (no count)."""
    rows = _rows(
        "SELECT relname, reltuples FROM pg_class WHERE relname IN ('analysis_resumechunk', 'analysis_userprofile')", []
    )
    sizes = {name: max(float(count), 0.0) for name, count in rows}
    return sizes.get("analysis_resumechunk", 0.0), sizes.get("analysis_userprofile", 0.0)


def vector_plan(allowed_count: int) -> int | None:
    """The ef_search for an HNSW scan whose post-filter should keep SURVIVOR_MARGIN x MIN_SURVIVORS
    chunks (at most pgvector's maximum, 1000), or None for exact search: when the allowed chunks
    are few (exact is cheap), or so rare among all chunks that even ef_search = 1000 would be
    expected to keep fewer than MIN_SURVIVORS."""
    chunks, profiles = corpus_size()
    per_candidate = chunks / profiles if profiles >= 1 else 10.0
    if allowed_count * per_candidate <= EXACT_MAX_CHUNKS or chunks < 1:
        return None
    fraction = min(1.0, allowed_count / max(profiles, 1.0))
    if HNSW_EF_MAX * fraction < MIN_SURVIVORS:  # even pgvector's maximum would keep too few
        return None
    ef_search = int(MIN_SURVIVORS * SURVIVOR_MARGIN / fraction) + 1
    return max(HNSW_EF_SEARCH, min(HNSW_EF_MAX, ef_search))


def semantic_chunks(text: str, allowed: int, depth: int = SEMANTIC_DEPTH) -> tuple[list[ChunkHit], str]:
    """The nearest chunks of the allowed candidates (the temporary table; `allowed` is their count)."""
    if not allowed:
        return [], "none"
    vector = vector_literal(query_vector(text))
    ef_search = vector_plan(allowed)
    if ef_search is None:
        rows, strategy = semantic_exact(vector, depth), "exact"
    else:
        rows, strategy = semantic_hnsw(vector, depth, ef_search), "hnsw"
        if len(rows) < min(MIN_SURVIVORS, depth):
            rows, strategy = semantic_exact(vector, depth), "hnsw+exact"
    return [ChunkHit(row[0], row[1], row[2], rank, float(row[3])) for rank, row in enumerate(rows, 1)], strategy


def tsquery_text(text: str, joiner: str = " | ") -> str:
    """The query's words for to_tsquery, OR-ed (or AND-ed with joiner " & "); words are reduced
    to letters and digits so no tsquery syntax can be injected."""
    words = [re.sub(r"[^0-9A-Za-zÀ-ÿ]", "", word) for word in WORD_RE.findall(text)]
    return joiner.join(word for word in words if word)


TEXT_SQL = (
    "SELECT c.id, c.job_id, a.upload_id, ts_rank_cd(c.search_vector, q, 1) AS r "
    f"FROM analysis_resumechunk c JOIN {ALLOWED_TABLE} a ON a.job_id = c.job_id, "
    "to_tsquery('english', %s) q WHERE c.search_vector @@ q ORDER BY r DESC, c.id LIMIT %s"
)


TEXT_IN_JOBS_SQL = (
    "SELECT c.id, c.job_id, a.upload_id, ts_rank_cd(c.search_vector, q, 1) AS r "
    f"FROM analysis_resumechunk c JOIN {ALLOWED_TABLE} a ON a.job_id = c.job_id, "
    "to_tsquery('english', %s) q WHERE c.job_id = ANY(%s::uuid[]) AND c.search_vector @@ q "
    "ORDER BY r DESC, c.id LIMIT %s"
)


def text_chunks(text: str, allowed: int, found: list[ChunkHit] = (), depth: int = TEXT_DEPTH) -> list[ChunkHit]:
    """Full-text ranking. Chunks with every query word are looked up in the whole allowed set
    (few, and the best by cover density anyway); when fewer than TEXT_ALL_WORDS_ENOUGH have them
    all, chunks with any word are ranked among the candidates found so far (`found`, the semantic
    hits, plus those every-word chunks) rather than the whole set, where a common word
    ("engineer") would make thousands of chunks to rank."""
    query = tsquery_text(text)
    if not query or not allowed:
        return []
    rows = _rows(TEXT_SQL, [tsquery_text(text, " & "), depth]) if " | " in query else []
    if len(rows) < TEXT_ALL_WORDS_ENOUGH:
        if found or rows:
            job_ids = list(dict.fromkeys([*(hit.job_id for hit in found), *(row[1] for row in rows)]))
            rows = _rows(TEXT_IN_JOBS_SQL, [query, job_ids, depth])
        else:
            rows = _rows(TEXT_SQL, [query, depth])
    return [ChunkHit(row[0], row[1], row[2], rank, float(row[3])) for rank, row in enumerate(rows, 1)]


def query_lexemes(text: str) -> list[str]:
    """The english stems of the query's words ('nurses' -> 'nurs'), for highlighting."""
    query = tsquery_text(text)
    if not query:
        return []
    rows = _rows("SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', %s))", [text])
    return sorted(row[0] for row in rows)


def query_skills(text: str, facets: Facets) -> list[str]:
    """Taxonomy skills the query names (any case; ordinary words only as the taxonomy writes
    them), then the skills filter."""
    named = [skill.name for skill in find_skills([text], prose=True)]
    forms, longest = folded_forms()
    words = [word.lower() for word in tokens(text)]
    position = 0
    while position < len(words):
        step = 1
        for size in range(min(longest, len(words) - position), 0, -1):
            name = forms.get(tuple(words[position : position + size]))
            if name:
                named.append(name)
                step = size
                break
        position += step
    return list(dict.fromkeys([*named, *facets.skills]))


def candidate_order(hits: list[ChunkHit]) -> dict[uuid.UUID, int]:
    """Each job's rank (1 = best) by its best chunk."""
    order: dict[uuid.UUID, int] = {}
    for hit in hits:
        if hit.job_id not in order:
            order[hit.job_id] = len(order) + 1
    return order


def json_value(value):
    """A jsonb column read by a raw cursor (Django's psycopg setup leaves it as text)."""
    return json.loads(value) if isinstance(value, str) else value


def profile_skills(job_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    rows = _rows("SELECT job_id, skills FROM analysis_userprofile WHERE job_id = ANY(%s::uuid[])", [job_ids])
    result: dict[uuid.UUID, list[str]] = {}
    for job_id, skills in rows:
        skills = json_value(skills)
        values = skills.values() if isinstance(skills, dict) else []
        result[job_id] = [item for items in values if isinstance(items, list) for item in items if isinstance(item, str)]
    return result


def skills_order(job_ids: list[uuid.UUID], wanted: list[str], skills: dict) -> tuple[dict, dict]:
    """Rank of each job by the number of wanted skills it lists (none listed: not ranked), and
    which it lists."""
    wanted_folded = {skill.casefold(): skill for skill in wanted}
    matched = {
        job_id: [wanted_folded[s.casefold()] for s in skills.get(job_id, []) if s.casefold() in wanted_folded]
        for job_id in job_ids
    }
    ranked = sorted((job_id for job_id in job_ids if matched[job_id]), key=lambda job_id: -len(matched[job_id]))
    return {job_id: rank for rank, job_id in enumerate(ranked, 1)}, matched


def rrf(*rankings: dict[uuid.UUID, int]) -> dict[uuid.UUID, float]:
    scores: dict[uuid.UUID, float] = {}
    for ranking in rankings:
        for job_id, rank in ranking.items():
            scores[job_id] = scores.get(job_id, 0.0) + 1.0 / (RRF_K + rank)
    return scores


def candidate_search(*, user, text: str, facets: Facets, limit: int = 20) -> SearchOutcome:
    """The owner's candidates best matching `text` (and passing the facets), best first."""
    text = " ".join(text.split())[:MAX_QUERY_CHARS]
    with transaction.atomic():
        allowed = allowed_table_create(user=user, facets=facets)
        if not text:
            return _filter_only(allowed, facets, limit)
        semantic, strategy = semantic_chunks(text, allowed)
        textual = text_chunks(text, allowed, semantic)
    upload_of = {hit.job_id: hit.upload_id for hit in [*semantic, *textual]}
    semantic_rank, text_rank = candidate_order(semantic), candidate_order(textual)
    found = list(dict.fromkeys([*semantic_rank, *text_rank]))
    wanted = query_skills(text, facets)
    skills_rank, matched = skills_order(found, wanted, profile_skills(found))
    scores = rrf(semantic_rank, text_rank, skills_rank)
    similarity: dict[uuid.UUID, float] = {}
    for hit in semantic:
        similarity.setdefault(hit.job_id, hit.score)
    found = [
        job_id for job_id in found
        if job_id in text_rank or job_id in skills_rank or similarity.get(job_id, 0.0) >= SEMANTIC_ONLY_FLOOR
    ]  # fmt: skip
    best = sorted(found, key=lambda job_id: (-scores[job_id], semantic_rank.get(job_id, 10**6)))[:limit]
    results = [
        SearchResult(
            upload_id=upload_of[job_id],
            job_id=job_id,
            score=round(scores[job_id], 6),
            ranks={"semantic": semantic_rank.get(job_id), "text": text_rank.get(job_id), "skills": skills_rank.get(job_id)},
            matched_skills=matched.get(job_id, []),
            similarity=similarity.get(job_id),
        )
        for job_id in best
    ]
    _add_snippets(results, semantic, textual, text, wanted)
    return SearchOutcome(results=results, total_candidates=allowed, vector_strategy=strategy)


def _filter_only(allowed: int, facets: Facets, limit: int) -> SearchOutcome:
    """No query: the allowed candidates, newest upload first, with their matched filter skills."""
    rows = _rows(f"SELECT job_id, upload_id FROM {ALLOWED_TABLE} ORDER BY upload_id DESC LIMIT %s", [limit])
    _, matched = skills_order([row[0] for row in rows], list(facets.skills), profile_skills([row[0] for row in rows]))
    results = [
        SearchResult(upload_id=upload_id, job_id=job_id, score=0.0, ranks={}, matched_skills=matched[job_id])
        for job_id, upload_id in rows
    ]
    return SearchOutcome(results=results, total_candidates=allowed, vector_strategy="none")


def _add_snippets(results: list[SearchResult], semantic: list[ChunkHit], textual: list[ChunkHit], text: str, skills: list[str]) -> None:
    """Each result's best chunk (by the same fusion over chunk ranks) as its snippet, with the
    query's words and matched skills marked as character ranges of the snippet."""
    chunk_score: dict[int, float] = {}
    chunk_job: dict[int, uuid.UUID] = {}
    for hits in (semantic, textual):
        for hit in hits:
            chunk_score[hit.chunk_id] = chunk_score.get(hit.chunk_id, 0.0) + 1.0 / (RRF_K + hit.rank)
            chunk_job[hit.chunk_id] = hit.job_id
    best: dict[uuid.UUID, int] = {}
    for chunk_id in sorted(chunk_score, key=lambda c: -chunk_score[c]):
        best.setdefault(chunk_job[chunk_id], chunk_id)
    ids = [best[result.job_id] for result in results if result.job_id in best]
    chunks = {row[0]: (row[1], row[2]) for row in _rows(
        "SELECT id, section, text FROM analysis_resumechunk WHERE id = ANY(%s)", [ids]
    )}  # fmt: skip
    lexemes = query_lexemes(text)
    for result in results:
        chunk = chunks.get(best.get(result.job_id, -1))
        if chunk:
            result.section = chunk[0]
            result.snippet, result.highlights = highlight(chunk[1], lexemes, [*result.matched_skills, *skills])


def highlight(text: str, lexemes: list[str], phrases: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around its first match, and the ranges to mark: words that start with
    a query stem, and the skills as written. Ranges never overlap and are in order."""
    ranges: list[tuple[int, int]] = []
    for match in WORD_RE.finditer(text):
        word = match.group(0).lower().rstrip(".'")
        if any(word.startswith(lexeme) for lexeme in lexemes if len(lexeme) >= 2):
            ranges.append((match.start(), match.start() + len(word)))
    for phrase in phrases:
        for match in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.I):
            ranges.append(match.span())
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    first = merged[0][0] if merged else 0
    begin = max(0, min(first - SNIPPET_CHARS // 3, len(text) - SNIPPET_CHARS))
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first else begin
    end = min(len(text), begin + SNIPPET_CHARS)
    window = text[begin:end]
    prefix, suffix = ("…" if begin else ""), ("…" if end < len(text) else "")
    shift = len(prefix) - begin
    marks = [(max(s, begin) + shift, min(e, end) + shift) for s, e in merged if e > begin and s < end]
    return prefix + window + suffix, marks
