"""Who is in each upload, for the uploads list (uploads.listing): analysis registers this
extension in AnalysisConfig.ready(), so `GET /api/uploads` and the /uploads page show candidates
without uploads importing analysis.

Every value comes from the upload's latest *completed* profile (corrections included), the
status from its latest job. Identity keys for grouping uploads into one candidate: the email
(case-folded), the phone (its last 9 digits, when it has at least 7), and the name together with
each employer (both normalised: case, accents, punctuation and company suffixes such as Inc or
GmbH ignored). Two uploads sharing any key are versions of one person.
"""

import json
import re
import unicodedata

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextField,
    Value,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from rest_framework import serializers

from analysis.models import FINISHED_STATUSES, AnalysisJob, JobStatus, UserProfile
from analysis.services import job_start
from resume_analyzer.errors import Rejected
from uploads.listing import ListFilter, ListingExtension

TOP_SKILLS = 6
UNFINISHED = sorted({status.value for status in JobStatus} - FINISHED_STATUSES)
STATUS_CHOICES = [*(status.value for status in JobStatus), "running", "none"]
MAX_FILTER_CHARS = 200
COMPANY_SUFFIXES = {
    "inc", "incorporated", "llc", "ltd", "limited", "plc", "gmbh", "ag", "sa", "sas", "bv", "nv", "co",
    "corp", "corporation", "company", "srl", "spa", "oy", "ab", "as", "kg", "pty", "pvt", "group",
}


class JsonPathArray(Func):
    function = "jsonb_path_query_array"
    template = "%(function)s(%(expressions)s::jsonpath)"
    output_field = TextField()


class JsonPathExists(Func):
    function = "jsonb_path_exists"
    template = "%(function)s(%(expressions)s::jsonpath)"
    output_field = BooleanField()


def _latest_profiles():
    return UserProfile.objects.filter(job__upload=OuterRef("pk"), job__status=JobStatus.COMPLETED).order_by(
        "-job__created_at"
    )


def annotate(queryset: QuerySet) -> QuerySet:
    latest_job = AnalysisJob.objects.filter(upload=OuterRef("pk")).order_by("-created_at")
    profiles = _latest_profiles()
    return queryset.annotate(
        latest_job_id=Subquery(latest_job.values("id")[:1]),
        latest_status=Subquery(latest_job.values("status")[:1]),
        latest_progress=Subquery(latest_job.values("progress")[:1]),
        profile_id=Subquery(profiles.values("id")[:1]),
        candidate_name=Subquery(profiles.annotate(value=KT("personal_info__name")).values("value")[:1]),
        location=Subquery(profiles.annotate(value=KT("personal_info__location")).values("value")[:1]),
        years_experience=Subquery(profiles.values("total_years_experience")[:1], output_field=FloatField()),
    )


def fields() -> dict:
    return {
        "candidate_name": serializers.CharField(read_only=True, allow_null=True,
                                                help_text="From the latest completed analysis; null before one"),
        "current_role": serializers.CharField(read_only=True, allow_null=True,
                                              help_text="The role held now (an entry ending 'Present'), else the first listed"),
        "current_employer": serializers.CharField(read_only=True, allow_null=True),
        "years_experience": serializers.FloatField(read_only=True, allow_null=True),
        "top_skills": serializers.ListField(child=serializers.CharField(), read_only=True,
                                            help_text=f"Up to {TOP_SKILLS} skills, those the experience mentions most first"),
        "location": serializers.CharField(read_only=True, allow_null=True),
        "analysis_status": serializers.CharField(source="latest_status", read_only=True, allow_null=True,
                                                 help_text="The latest analysis job's status; null when never analysed"),
        "analysis_progress": serializers.IntegerField(source="latest_progress", read_only=True, allow_null=True),
        "latest_job_id": serializers.UUIDField(read_only=True, allow_null=True),
    }


SORTS = {"name": "candidate_name", "years": "years_experience", "location": "location", "status": "latest_status"}


def _text(value: str, name: str) -> str:
    if len(value) > MAX_FILTER_CHARS or "\x00" in value:
        raise Rejected(f"Invalid {name}", f"'{name}' must be at most {MAX_FILTER_CHARS} characters", field=name)
    return value


def _filter_q(queryset: QuerySet, value: str) -> QuerySet:
    value = _text(value, "q")
    experience = UserProfile.objects.filter(pk=OuterRef("profile_id")).annotate(
        employers=Cast(JsonPathArray(F("experience"), Value("$[*].company")), TextField()),
        roles=Cast(JsonPathArray(F("experience"), Value("$[*].role")), TextField()),
    ).filter(Q(employers__icontains=value) | Q(roles__icontains=value))
    return queryset.filter(Q(candidate_name__icontains=value) | Q(filename__icontains=value) | Exists(experience))


def skill_path(skill: str) -> str:
    """A jsonpath true when any category lists `skill` (case-insensitive, whole name). The skill
    goes in as an escaped regex inside a JSON string literal, so it cannot change the path."""
    pattern = "^" + re.escape(skill) + "$"
    return f"$.*[*] ? (@ like_regex {json.dumps(pattern)} flag \"i\")"


def _filter_skills(queryset: QuerySet, value: str) -> QuerySet:
    skills = [part.strip() for part in _text(value, "skills").split(",") if part.strip()]
    for skill in skills:
        having = UserProfile.objects.filter(pk=OuterRef("profile_id")).annotate(
            has=JsonPathExists(F("skills"), Value(skill_path(skill)))
        ).filter(has=True)
        queryset = queryset.filter(Exists(having))
    return queryset


def _filter_location(queryset: QuerySet, value: str) -> QuerySet:
    return queryset.filter(location__icontains=_text(value, "location"))


def _number(value: str, name: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not (0 <= number <= 100):
        raise Rejected(f"Invalid {name}", f"'{name}' must be a number between 0 and 100", field=name)
    return number


def _filter_min_years(queryset: QuerySet, value: str) -> QuerySet:
    return queryset.filter(years_experience__gte=_number(value, "min_years"))


def _filter_max_years(queryset: QuerySet, value: str) -> QuerySet:
    return queryset.filter(years_experience__lte=_number(value, "max_years"))


def _filter_status(queryset: QuerySet, value: str) -> QuerySet:
    if value not in STATUS_CHOICES:
        raise Rejected("Invalid status", f"'status' must be one of: {', '.join(STATUS_CHOICES)}", field="status")
    if value == "none":
        return queryset.filter(latest_status__isnull=True)
    if value == "running":
        return queryset.filter(latest_status__in=UNFINISHED)
    return queryset.filter(latest_status=value)


FILTERS = (
    ListFilter("q", "Text in the candidate's name, a role, an employer or the filename (case-insensitive)",
               {"type": "string", "maxLength": MAX_FILTER_CHARS}, _filter_q),
    ListFilter("skills", "Comma-separated skills the candidate must all have (whole names, any case)",
               {"type": "string", "maxLength": MAX_FILTER_CHARS}, _filter_skills),
    ListFilter("location", "Text in the candidate's location", {"type": "string", "maxLength": MAX_FILTER_CHARS},
               _filter_location),
    ListFilter("min_years", "At least this many years of experience", {"type": "number", "minimum": 0, "maximum": 100},
               _filter_min_years),
    ListFilter("max_years", "At most this many years of experience", {"type": "number", "minimum": 0, "maximum": 100},
               _filter_max_years),
    ListFilter("status", "The latest analysis' status; 'running' for any unfinished, 'none' for never analysed",
               {"type": "string", "enum": STATUS_CHOICES}, _filter_status),
)


# --- identity ------------------------------------------------------------------------------------


def _plain(text: object) -> str:
    folded = unicodedata.normalize("NFKD", str(text or "")).casefold()
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[^\W_]+", folded))


def company_key(company: object) -> str:
    words = _plain(company).split()
    while words and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def keys_of(personal_info: object, employers: object) -> set[str]:
    info = personal_info if isinstance(personal_info, dict) else {}
    keys = set()
    email = str(info.get("email") or "").strip().casefold()
    if "@" in email:
        keys.add(f"email:{email}")
    digits = re.sub(r"\D", "", str(info.get("phone") or ""))
    if len(digits) >= 7:
        keys.add(f"phone:{digits[-9:]}")
    name = _plain(info.get("name"))
    if name:
        for employer in employers if isinstance(employers, list) else []:
            if company := company_key(employer):
                keys.add(f"name:{name}|{company}")
    return keys


def identity_keys(user) -> dict[int, set[str]]:
    """{upload id: keys} from each upload's latest completed profile (one query, DISTINCT ON)."""
    rows = (
        UserProfile.objects.filter(job__owner=user, job__status=JobStatus.COMPLETED)
        .order_by("job__upload_id", "-job__created_at")
        .distinct("job__upload_id")
        .annotate(employers=JsonPathArray(F("experience"), Value("$[*].company")))
        .values_list("job__upload_id", "personal_info", "employers")
    )
    found = {}
    for upload_id, info, employers in rows:
        if isinstance(employers, str):
            employers = json.loads(employers)
        if keys := keys_of(info, employers):
            found[upload_id] = keys
    return found


def identity_version(user) -> tuple:
    """Changes whenever identity_keys(user) may: a completed profile added or removed (count, id
    sum), or changed (profile_save and profile_edits set updated_at on every write)."""
    found = UserProfile.objects.filter(job__owner=user, job__status=JobStatus.COMPLETED).aggregate(
        count=Count("id"), ids=Sum("id"), changed=Max("updated_at"), jobs=Max("job__created_at")
    )
    return tuple(found.values())


# --- per page ------------------------------------------------------------------------------------


def _current(experience: object) -> dict:
    entries = [entry for entry in experience if isinstance(entry, dict)] if isinstance(experience, list) else []
    for entry in entries:
        if str(entry.get("end_date") or "").strip().lower() in {"present", "current", "now"}:
            return entry
    return entries[0] if entries else {}


def _top_skills(skills: object, experience: object) -> list[str]:
    """The skills the candidate's experience mentions most, then the rest in the stored order."""
    names: list[str] = []
    for values in (skills.values() if isinstance(skills, dict) else []):
        for name in values if isinstance(values, list) else []:
            if isinstance(name, str) and name.strip() and name.strip() not in names:
                names.append(name.strip())
    entries = experience if isinstance(experience, list) else []
    text = " ".join(str(entry.get("description") or "") for entry in entries if isinstance(entry, dict)).casefold()

    def mentions(name: str) -> int:
        return len(re.findall(r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)", text))

    return sorted(names, key=lambda name: -mentions(name))[:TOP_SKILLS]


def decorate(items: list) -> None:
    ids = [item.profile_id for item in items if getattr(item, "profile_id", None)]
    profiles = {row["id"]: row for row in UserProfile.objects.filter(id__in=ids).values("id", "skills", "experience")}
    for item in items:
        row = profiles.get(getattr(item, "profile_id", None)) or {}
        current = _current(row.get("experience"))
        item.current_role = current.get("role") or None
        item.current_employer = current.get("company") or None
        item.top_skills = _top_skills(row.get("skills"), row.get("experience"))
        item.status_label = JobStatus(item.latest_status).label if getattr(item, "latest_status", None) else None
        item.is_running = getattr(item, "latest_status", None) in UNFINISHED


EXTENSION = ListingExtension(
    annotate=annotate, fields=fields, sorts=SORTS, filters=FILTERS, identity_keys=identity_keys, decorate=decorate,
    identity_version=identity_version,
)


# --- analysis on upload ----------------------------------------------------------------------------


def analysis_on_upload(upload) -> dict:
    """uploads.hooks' starter: the analysis job for a new upload, queued on commit."""
    job = job_start(upload=upload)
    return {"job_id": str(job.id), "status": job.status}
