"""`manage.py export_corrections DIR [--owner EMAIL]`

Writes every corrected profile (one people changed: an edit, or corrections carried over from an
earlier analysis, analysis/profile_edits.py `corrected_paths`) as training data for the learned
extractor: `DIR/<job_id>.xml` in the format of analysis/parsing/training/dotin/ (the job's
extracted text, each value of the current profile marked `<label type="...">` where it occurs in
the text), so `train_parser --corrections DIR --output FILE` can train on them beside the CC0
resumes. `DIR/manifest.json` lists what was written: job, owner, version, corrected fields, and
the values that were not found in the text (they cannot be annotated).

Every occurrence of a value is marked (as in the dotin files), case-insensitively and on word
boundaries, together with the verified evidence offsets still backing the current values; where
spans overlap, the earlier and then the longer one wins. The written text is the extracted text
with carriage returns turned into line feeds and characters XML cannot hold replaced by spaces,
so the loader's offsets are those of the written file.

The files hold candidates' personal data: keep DIR private, and never commit a model trained on them.
"""

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr  # noqa: S406 - writing, not parsing

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from analysis.models import JobStatus, UserProfile, VersionSource
from analysis.profile import Profile
from analysis.profile_edits import corrected_paths

# Profile path → dotin annotation type (analysis/parsing/training/dotin/README.md).
TYPE_OF_FIELD = {
    "personal_info.name": "Name",
    "personal_info.email": "Email Address",
    "personal_info.location": "Location",
    "company": "Companies worked at",
    "role": "Designation",
    "institution": "College Name",
    "degree": "Degree",
    "year": "Graduation Year",
    "skills": "Tech Tools",  # the three skill types are one label to the extractor
}
XML_INVALID_RE = re.compile("[^\u0009\u000a\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _type_of(path: str) -> str | None:
    section, _, rest = path.partition(".")
    if section in ("personal_info", "skills"):
        return TYPE_OF_FIELD.get(path if section == "personal_info" else section)
    return TYPE_OF_FIELD.get(rest.rpartition(".")[2]) if section in ("experience", "education") else None


def profile_values(profile: Profile) -> list[tuple[str, str, str]]:
    """(path, annotation type, value) of each annotatable value of the profile."""
    values = [(f"personal_info.{key}", getattr(profile.personal_info, key)) for key in ("name", "email", "location")]
    for i, job in enumerate(profile.experience):
        values += [(f"experience.{i}.company", job.company), (f"experience.{i}.role", job.role)]
    for i, school in enumerate(profile.education):
        values += [(f"education.{i}.{key}", getattr(school, key)) for key in ("institution", "degree", "year")]
    for category, names in profile.skills.items():
        values += [(f"skills.{category}.{i}", name) for i, name in enumerate(names)]
    return [(path, _type_of(path), str(value).strip()) for path, value in values if value not in (None, "") and str(value).strip()]


def _pattern(value: str) -> re.Pattern:
    words = [re.escape(word) for word in value.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def clean_text(text: str) -> str:
    return XML_INVALID_RE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def annotated(text: str, profile: Profile) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The (start, end, type) spans of the profile's values in `text`, and the paths not found."""
    candidates: list[tuple[int, int, str]] = []
    missing = []
    for path, kind, value in profile_values(profile):
        found = [(m.start(), m.end(), kind) for m in _pattern(value).finditer(text)]
        evidence = profile.evidence_for(path)
        if evidence and evidence.verified and evidence.value == value and text[evidence.start : evidence.end] == evidence.raw:
            found.append((evidence.start, evidence.end, kind))
        candidates += [span for span in found if span[1] > span[0]]
        if not found:
            missing.append(path)
    spans, reach = [], 0
    for start, end, kind in sorted(set(candidates), key=lambda s: (s[0], -(s[1] - s[0]))):
        if start >= reach:
            spans.append((start, end, kind))
            reach = end
    return spans, missing


def dotin_xml(text: str, spans: list[tuple[int, int, str]]) -> str:
    parts, at = [], 0
    for start, end, kind in spans:
        parts += [escape(text[at:start]), f"<label type={quoteattr(kind)}>", escape(text[start:end]), "</label>"]
        at = end
    parts.append(escape(text[at:]))
    return '<?xml version="1.0" encoding="UTF-8"?>\n<cv>\n' + "".join(parts) + "\n</cv>\n"


def corrected_profiles(owner=None):
    """Completed profiles with at least one person's change, oldest first."""
    rows = UserProfile.objects.filter(
        job__status=JobStatus.COMPLETED, versions__source__in=[VersionSource.EDIT, VersionSource.CARRIED, VersionSource.RESTORE]
    ).select_related("job", "job__owner").distinct().order_by("job__created_at")
    if owner is not None:
        rows = rows.filter(job__owner=owner)
    for row in rows.iterator():
        paths = corrected_paths(row)
        if paths:
            yield row, paths


def export(directory: Path, owner=None) -> list[dict]:
    directory.mkdir(parents=True, exist_ok=True)
    manifest = []
    for row, paths in corrected_profiles(owner):
        text = clean_text(row.job.extracted_text)
        if not text.strip():
            continue
        spans, missing = annotated(text, row.data)
        name = f"{row.job_id}.xml"
        (directory / name).write_text(dotin_xml(text, spans), encoding="utf-8")
        manifest.append({"file": name, "job_id": str(row.job_id), "owner": row.job.owner.email, "version": row.version,
                         "corrected": paths, "spans": len(spans), "not_in_text": missing})
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


class Command(BaseCommand):
    help = "Write corrected profiles with their text as annotated training data (the dotin format)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="where to write <job_id>.xml files and manifest.json")
        parser.add_argument("--owner", help="only the profiles of this account (email)")

    def handle(self, *args, directory: str, owner: str | None, **options) -> None:
        user = None
        if owner:
            user = get_user_model().objects.filter(email__iexact=owner).first()
            if user is None:
                raise CommandError(f"no account with the email {owner}")
        manifest = export(Path(directory), user)
        spans = sum(item["spans"] for item in manifest)
        self.stdout.write(f"wrote {len(manifest)} corrected profiles ({spans} annotated spans) to {directory}")
