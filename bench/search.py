"""Benchmark candidate search and opening ranking at scale (issue 15, part 8).

Builds a synthetic corpus (bench/search_corpus.py: N resumes of ~10 chunks from real material,
embedded by the real MiniLM embedder, cached under DATA_DIR/search-corpus), loads it into its own
database (bench_search, kept between runs and reloaded only when N changes), rebuilds the real
HNSW index (the migration's definition) and the full-text GIN index, then measures through the
real code (analysis/matching/search.py, selectors.py):

- search latency (the whole candidate_search: facets, query embedding, vector, full text, skills,
  fusion, snippets) for 60 queries, p50/p95, first run (query embedded) and repeated (cached);
- recall@10 of the HNSW path against exact search (chunks and candidates);
- EXPLAIN of the unfiltered vector query (the HNSW index must be used);
- filtered searches (skills, years and location, degree, a small second owner): which strategy
  ran, the latency, and that every result passes the filter, and recall against exact;
- ranking an opening's candidates: 1,000 and all of them.

    .venv/bin/python bench/search.py --resumes 1000     # develop small first
    .venv/bin/python bench/search.py                    # 10,000 resumes (~100,000 chunks)

Exit status 1 if a target is missed (p95 <= 100 ms, recall@10 >= 0.95, ranking 1,000 <= 1 s).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.append(str(BASE_DIR / "bench"))  # after the apps: bench/chat.py must not shadow chat/
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
os.environ.setdefault("DATA_DIR", str(BASE_DIR / ".data" / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from search_corpus import FIELDS, build_corpus  # noqa: E402

QUERIES = [
    "payments infrastructure with Kafka", "ICU nurse with ACLS", "senior backend engineer Go and PostgreSQL",
    "machine learning engineer PyTorch", "frontend developer React TypeScript accessibility",
    "financial analyst budgeting SAP", "recruiter talent acquisition onboarding", "mechanical engineer SolidWorks",
    "growth marketer SEO and email campaigns", "pediatric nurse wound care", "data engineer building dashboards in Tableau",
    "platform engineer Kubernetes Terraform", "fraud detection PCI DSS", "critical care nurse ventilated patients",
    "accountant monthly close QuickBooks", "design system in Vue.js", "lean manufacturing six sigma projects",
    "churn prediction models", "payroll and HR business partner", "card payments ledger", "Django Celery Redis",
    "demand forecasting with scikit-learn", "Google Ads paid acquisition", "cardiac surgery ICU", "settlement service Java",
    "microservices migration", "hiring engineers", "hydraulic manifold design", "audit with Excel", "rapid response nurse",
]  # fmt: skip
QUERIES += [f"{q} in {city}" for q, city in zip(QUERIES, ["Berlin", "London", "Austin", "Pune", "Toronto"] * 6, strict=True)]
JOB = """Senior Payments Engineer
Location: Berlin, Germany
Requirements: 5+ years of backend experience; Java, Kafka and PostgreSQL; a Bachelor's degree in Computer Science.
Nice to have: Kubernetes, PCI DSS, Fraud Detection.
"""


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def load(people: list[dict], vectors: np.ndarray, extra_owner: int) -> dict:
    """Owner A gets every resume, owner B copies of the first `extra_owner` (a small owner in a big index)."""
    from accounts.models import User
    from analysis.models import AnalysisJob, UserProfile
    from uploads.models import Upload

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_meta (resumes int, extra int)")
        cursor.execute("SELECT resumes, extra FROM bench_meta")
        row = cursor.fetchone()
    users = {}
    if row == (len(people), extra_owner):
        users["a"] = User.objects.get(email="bench-a@example.com")
        users["b"] = User.objects.get(email="bench-b@example.com")
        return users
    started = time.perf_counter()
    User.objects.filter(email__startswith="bench-").delete()
    users["a"] = User.objects.create_user(email="bench-a@example.com", password="bench-search-pass-1", name="A")
    users["b"] = User.objects.create_user(email="bench-b@example.com", password="bench-search-pass-1", name="B")
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS chunk_embedding_hnsw")
        cursor.execute("DROP INDEX IF EXISTS chunk_search_gin")
    offsets = np.cumsum([0] + [len(p["chunks"]) for p in people])
    for owner, count in [(users["a"], len(people)), (users["b"], extra_owner)]:
        uploads = Upload.objects.bulk_create(
            Upload(owner=owner, file=f"bench/{i}.pdf", filename=f"{people[i]['name']}.pdf", kind="pdf",
                   content_type="application/pdf", file_size=1000, sha256=f"{i:064d}")
            for i in range(count)
        )  # fmt: skip
        jobs = AnalysisJob.objects.bulk_create(
            AnalysisJob(id=uuid.uuid4(), upload=upload, owner=owner, status="completed", progress=100) for upload in uploads
        )
        UserProfile.objects.bulk_create(
            UserProfile(
                job=job,
                personal_info={"name": p["name"], "location": p["location"], "email": f"p{i}@example.com"},
                skills={"Skills": p["skills"]},
                experience=[{"company": "Acme", "role": FIELDS[p["field"]]["roles"][0], "description": ""}],
                education=[{"degree": f"{p['degree']} in {p['subject']}", "level": p["level"], "institution": "U", "year": 2010}],
                total_years_experience=p["years"],
                summary="",
            )
            for i, (job, p) in enumerate(zip(jobs, people, strict=False))
        )
        with connection.cursor() as cursor, cursor.cursor.copy(
            "COPY analysis_resumechunk (job_id, index, section, text, embedding) FROM STDIN"
        ) as copy:
            for i, job in enumerate(jobs):
                for n, (section, text) in enumerate(people[i]["chunks"]):
                    vector = vectors[offsets[i] + n]
                    copy.write_row((job.id, n, section, text, "[" + ",".join(f"{v:.6f}" for v in vector) + "]"))
    loaded = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(
            "CREATE INDEX chunk_embedding_hnsw ON analysis_resumechunk USING hnsw (embedding vector_cosine_ops) "
            "WITH (m = 16, ef_construction = 64)"
        )
        indexed = time.perf_counter()
        cursor.execute("CREATE INDEX chunk_search_gin ON analysis_resumechunk USING gin (search_vector)")
        cursor.execute("VACUUM ANALYZE analysis_resumechunk")
        cursor.execute("ANALYZE analysis_userprofile")
        cursor.execute("ANALYZE analysis_analysisjob")
        cursor.execute("DELETE FROM bench_meta")
        cursor.execute("INSERT INTO bench_meta VALUES (%s, %s)", [len(people), extra_owner])
    print(f"loaded {len(people):,} + {extra_owner} resumes in {loaded - started:.0f} s; HNSW index built in "
          f"{indexed - loaded:.0f} s; GIN + analyze {time.perf_counter() - indexed:.0f} s")  # fmt: skip
    return users


def explain_ms(cursor, sql: str, params: list) -> float:
    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
    plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return float(plan[0]["Execution Time"])


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resumes", type=int, default=10_000)
    parser.add_argument("--extra-owner", type=int, default=200)
    args = parser.parse_args()

    from analysis.matching import search
    from analysis.matching.candidates import Facets, allowed_candidates, allowed_table_create
    from analysis.matching.search import (
        candidate_search,
        semantic_exact,
        semantic_hnsw,
        vector_literal,
    )
    from analysis.matching.selectors import opening_ranking
    from analysis.matching.services import opening_create
    from resume_analyzer.ai.embeddings import embed_texts, local_model

    local_model()
    import torch

    torch.set_num_threads(1)
    people, vectors = build_corpus(Path(settings.DATA_DIR) / "search-corpus", args.resumes, log=print)
    print(f"corpus: {len(people):,} resumes, {len(vectors):,} chunks")
    setup_test_environment()
    settings.DATABASES["default"]["TEST"]["NAME"] = "bench_search"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=True)
    users = load(people, vectors, args.extra_owner)
    a, b = users["a"], users["b"]
    failures: list[str] = []

    embed_texts(["warm up"])
    allowed = allowed_candidates(user=a, facets=Facets())
    first_run, repeated, strategies = [], [], set()
    for query in QUERIES:
        outcome, seconds = timed(candidate_search, user=a, text=query, facets=Facets())
        first_run.append(seconds)
        strategies.add(outcome.vector_strategy)
    for query in QUERIES:
        repeated.append(timed(candidate_search, user=a, text=query, facets=Facets())[1])
    embed_cost = [timed(embed_texts, [f"{q} again"])[1] for q in QUERIES[:20]]
    print(f"search, {len(allowed):,} candidates, unfiltered ({'/'.join(sorted(strategies))}): first run p50 "
          f"{ms(statistics.median(first_run))} ms, p95 {ms(pct(first_run, .95))} ms (query embedded); repeated p50 "
          f"{ms(statistics.median(repeated))} ms, p95 {ms(pct(repeated, .95))} ms; query embedding alone p50 "
          f"{ms(statistics.median(embed_cost))} ms")  # fmt: skip
    if pct(first_run, 0.95) > 0.1:
        failures.append("search p95 > 100 ms")

    # recall@10 of the HNSW path against exact search, chunks and candidates
    chunk_recall, candidate_recall, exact_times = [], [], []
    with transaction.atomic():
        allowed_table_create(user=a, facets=Facets())
        for query in QUERIES:
            vector = vector_literal(search.query_vector(query))
            approx = semantic_hnsw(vector, search.SEMANTIC_DEPTH, search.HNSW_EF_SEARCH)
            exact, seconds = timed(semantic_exact, vector, search.SEMANTIC_DEPTH)
            exact_times.append(seconds)
            chunk_recall.append(len({r[0] for r in approx[:10]} & {r[0] for r in exact[:10]}) / 10)
            top = lambda rows: list(dict.fromkeys(r[1] for r in rows))[:10]  # noqa: E731
            candidate_recall.append(len(set(top(approx)) & set(top(exact))) / 10)
    print(f"recall@10 vs exact (ef_search {search.HNSW_EF_SEARCH}): chunks {statistics.mean(chunk_recall):.3f}, "
          f"candidates {statistics.mean(candidate_recall):.3f}; exact vector search over all "
          f"{len(vectors):,} chunks takes p50 {ms(statistics.median(exact_times))} ms")  # fmt: skip
    if statistics.mean(candidate_recall) < 0.95 or statistics.mean(chunk_recall) < 0.95:
        failures.append("recall@10 < 0.95")

    vector = vector_literal(search.query_vector(QUERIES[0]))
    with transaction.atomic(), connection.cursor() as cursor:
        allowed_table_create(user=a, facets=Facets())
        cursor.execute("SELECT set_config('hnsw.ef_search', %s, true)", [str(search.HNSW_EF_SEARCH)])
        cursor.execute("EXPLAIN " + search.HNSW_SQL, [vector, vector, search.HNSW_EF_SEARCH, 100])
        plan = "\n".join(row[0] for row in cursor.fetchall() if "::vector" not in row[0])  # not the vector
    # What the database itself spends (EXPLAIN ANALYZE's execution time): on a machine shared by
    # many processes the wall-clock figures above are mostly waiting for a CPU.
    server: dict[str, list[float]] = {"allowed table": [], "hnsw": [], "exact, all chunks": [], "full text, any word": [], "full text, every word": []}
    with transaction.atomic(), connection.cursor() as cursor:
        allowed_table_create(user=a, facets=Facets())
        cursor.execute("SELECT set_config('hnsw.ef_search', %s, true)", [str(search.HNSW_EF_SEARCH)])
        for query in QUERIES[:20]:
            v = vector_literal(search.query_vector(query))
            server["hnsw"].append(explain_ms(cursor, search.HNSW_SQL, [v, v, search.HNSW_EF_SEARCH, 100]))
            server["full text, any word"].append(explain_ms(cursor, search.TEXT_SQL, [search.tsquery_text(query), 100]))
            server["full text, every word"].append(explain_ms(cursor, search.TEXT_SQL, [search.tsquery_text(query, " & "), 100]))
        for query in QUERIES[:5]:
            v = vector_literal(search.query_vector(query))
            server["exact, all chunks"].append(explain_ms(cursor, search.EXACT_SQL, [v, v, 100]))
    from analysis.matching.candidates import LATEST_SQL

    with connection.cursor() as cursor:
        for _ in range(5):
            server["allowed table"].append(explain_ms(
                cursor, f"SELECT l.id, l.upload_id FROM ({LATEST_SQL}) l JOIN analysis_userprofile p ON p.job_id = l.id", [a.pk]
            ))  # fmt: skip
    print("database execution time, p50: " + ", ".join(f"{k} {statistics.median(v):.1f} ms" for k, v in server.items()))
    print("EXPLAIN (unfiltered vector query):\n  " + plan.replace("\n", "\n  "))
    if "chunk_embedding_hnsw" not in plan:
        failures.append("EXPLAIN: HNSW index not used")

    filters = {
        "skills=Kafka": (a, Facets(skills=("Kafka",)), lambda p: "Kafka" in p["skills"]),
        "min_years=15, location=Berlin": (a, Facets(min_years=15, location="Berlin"),
                                          lambda p: p["years"] >= 15 and "Berlin" in p["location"]),
        "degree=Master's": (a, Facets(degree="Master's"), lambda p: p["level"] == "Master's"),
        "min_years=2": (a, Facets(min_years=2), lambda p: p["years"] >= 2),
        f"owner B ({args.extra_owner} resumes)": (b, Facets(), lambda p: True),
    }  # fmt: skip
    by_name = {p["name"]: p for p in people}
    for label, (user, facets, passes) in filters.items():
        times, seen, ok, recall = [], set(), True, []
        scope = allowed_candidates(user=user, facets=facets)
        for query in QUERIES[:20]:
            outcome, seconds = timed(candidate_search, user=user, text=query, facets=facets)
            times.append(seconds)
            seen.add(outcome.vector_strategy)
            names = [name.rsplit(".", 1)[0] for name in
                     user.uploads.filter(id__in=[r.upload_id for r in outcome.results]).values_list("filename", flat=True)]  # fmt: skip
            ok = ok and all(passes(by_name[name]) for name in names)
            vector = vector_literal(search.query_vector(query))
            with transaction.atomic():
                count = allowed_table_create(user=user, facets=facets)
                got, _ = search.semantic_chunks(query, count)
                exact = semantic_exact(vector, search.SEMANTIC_DEPTH)
            recall.append(len({h.chunk_id for h in got[:10]} & {r[0] for r in exact[:10]}) / max(1, min(10, len(exact))))
        print(f"filtered search [{label}]: {len(scope):,} candidates pass, strategy {'/'.join(sorted(seen))}, p50 "
              f"{ms(statistics.median(times))} ms, p95 {ms(pct(times, .95))} ms, every result passes: {ok}, "
              f"recall@10 vs exact {statistics.mean(recall):.3f}")  # fmt: skip
        if not ok:
            failures.append(f"filtered search {label} returned a result that fails the filter")
        if pct(times, 0.95) > 0.1:
            failures.append(f"filtered search {label} p95 > 100 ms")

    from analysis.matching.models import Opening

    Opening.objects.filter(owner=a).delete()
    opening = opening_create(owner=a, title="Senior Payments Engineer", description=JOB)
    print(f"opening requirements (local parser): {opening.requirements}")
    sample = tuple(random.Random(7).sample(sorted(allowed.upload_of.values()), min(1000, len(allowed))))
    thousand = [timed(opening_ranking, opening=opening, facets=Facets(upload_ids=sample))[1] for _ in range(5)]
    everyone = [timed(opening_ranking, opening=opening)[1] for _ in range(3)]
    ranked = opening_ranking(opening=opening)
    top_fields = [by_name[n.rsplit(".", 1)[0]]["field"] for n in a.uploads.filter(
        id__in=[f.upload_id for f in ranked[:10]]).values_list("filename", flat=True)]  # fmt: skip
    print(f"ranking for an opening: {len(sample):,} candidates p50 {ms(statistics.median(thousand))} ms, max "
          f"{ms(max(thousand))} ms; all {len(ranked):,} candidates p50 {ms(statistics.median(everyone))} ms; "
          f"fields of the top 10: {sorted(set(top_fields))}")  # fmt: skip
    if max(thousand) > 1.0:
        failures.append("ranking 1,000 candidates > 1 s")
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
