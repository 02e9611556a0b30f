"""Corrections to a profile: a partial edit or a restore, each a new version.

An edit is a JSON merge patch (RFC 7396) against the profile: objects merge key by key (so
`{"personal_info": {"name": "Ada"}}` changes the name alone), `null` removes a key (the field
then reads as its default), anything else, lists included, replaces what was there. The result
is validated by the typed Profile (analysis/profile.py), strictly: a wrong type or an unknown key
is refused naming the field, and nothing is saved.

Every change that changes something bumps `UserProfile.version` (the export cache is keyed by it,
analysis/exports/service.py) and records a ProfileVersion: who, when, which paths, and the whole
profile after it, so any version can be restored (which is itself a new version). The Q&A bank is
rebuilt in the same transaction, so chat answers from the corrected values.

Evidence of an edited value: an entry under a changed path is kept only while the value at its
path still reads as the evidence's value; otherwise it is dropped, since the text no longer backs
what the profile shows (a reordered entry loses its evidence too: it is found again on the next
analysis). A restore brings back the evidence the restored version had.

A re-analysis of the same upload (a new job) does not drop corrections: `corrections_carry` puts
the corrected paths of the upload's previous profile onto the new one, as a version of its own
after the fresh extraction, which stays listed and restorable beside it.
"""

from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from analysis.models import (
    PROFILE_FIELDS,
    AnalysisJob,
    JobStatus,
    ProfileVersion,
    UserProfile,
    VersionSource,
)
from analysis.profile import Evidence, PersonalInfo, Profile, ValidationError
from analysis.qa_bank import qa_bank_build
from resume_analyzer.errors import Conflict, NotFound, Rejected

# What the profile API shows beside the fields; never written through an edit.
READ_ONLY = ("job_id", "evidence", "confidence", "version", "updated_at")
MAX_VERSION_DIGITS = 9


class VersionConflict(Conflict):
    """The profile changed since the client read it (a stale If-Match)."""


class VersionNotFound(NotFound):
    pass


def parse_if_match(value: str | None) -> int | None:
    """The version an If-Match header names ('"3"', 'W/"3"' or '3'); None when absent or '*'."""
    text = (value or "").strip()
    if not text or text == "*":
        return None
    text = text.removeprefix("W/").strip().strip('"')
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_VERSION_DIGITS:
        raise Rejected("Invalid If-Match header", 'If-Match must be the profile\'s version, e.g. "3"', field="If-Match")
    return int(text)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396: `patch` applied to `target`."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _check_keys(changes: object) -> dict:
    if not isinstance(changes, dict):
        raise Rejected("Validation error", "The body must be a JSON object of the fields to change")
    for key in changes:
        if key in READ_ONLY:
            raise Rejected("Validation error", f"{key} is read-only", field=key)
        if key not in PROFILE_FIELDS:
            raise Rejected("Validation error", f"{key}: unknown field", field=key)
    return changes


def _validated(data: dict) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = "unknown field" if first["type"] == "extra_forbidden" else first["msg"].removeprefix("Value error, ")
        raise Rejected("Validation error", f"{field or 'profile'}: {message}", **({"field": field} if field else {})) from exc


def changed_paths(old: Profile, new: Profile) -> list[str]:
    """The fields that differ; personal_info by its keys ("personal_info.name")."""
    paths = []
    for name in PROFILE_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name == "personal_info":
            paths += [f"{name}.{key}" for key in PersonalInfo.model_fields if getattr(before, key) != getattr(after, key)]
        else:
            paths.append(name)
    return paths


_MISSING = object()


def _value_at(profile: Profile, path: str) -> Any:
    """The value an evidence path names, or _MISSING."""
    section, _, rest = path.partition(".")
    if section == "skills":  # a category may hold dots: skills.<category>.<index>
        category, _, index = rest.rpartition(".")
        names = profile.skills.get(category, [])
        return names[int(index)] if index.isdigit() and int(index) < len(names) else _MISSING
    if section == "personal_info":
        return getattr(profile.personal_info, rest, _MISSING)
    number, _, key = rest.partition(".")
    entries = getattr(profile, section, [])
    if not number.isdigit() or int(number) >= len(entries):
        return _MISSING
    return getattr(entries[int(number)], key, _MISSING)


def _shown(value: Any) -> str | None:
    if value is _MISSING or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def evidence_kept(evidence: list[Evidence], profile: Profile, changed: list[str]) -> list[Evidence]:
    """The evidence still true of `profile`: entries off the changed paths, and those on them whose
    value is still what the profile shows."""

    def touched(field: str) -> bool:
        return any(field == path or field.startswith(path + ".") for path in changed)

    return [item for item in evidence if not touched(item.field) or _shown(_value_at(profile, item.field)) == item.value]


def _locked(job: AnalysisJob, expected_version: int | None) -> UserProfile:
    """The job's profile, locked for this transaction, at the version the client expects; its
    first version is recorded if it has none yet (profiles saved before versions existed)."""
    profile = UserProfile.objects.select_for_update().get(job=job)
    if expected_version is not None and expected_version != profile.version:
        raise VersionConflict(
            "Profile changed",
            f"The profile is at version {profile.version}, not {expected_version}; reload it and apply the change again",
            field="If-Match",
            version=profile.version,
        )
    if not profile.versions.exists():
        version_record(profile=profile, source=VersionSource.ANALYSIS)
    return profile


def version_record(
    *, profile: UserProfile, source: str, author=None, fields: list[str] | None = None, restored_from: int | None = None
) -> ProfileVersion:
    """Record the profile as it now is as its version `profile.version`. An analysis records no
    fields: it wrote the whole profile."""
    return ProfileVersion.objects.create(
        profile=profile, number=profile.version, source=source, author=author,
        fields=fields or [], data=profile.as_dict(), restored_from=restored_from,
    )  # fmt: skip


def _save(profile: UserProfile, new: Profile, *, author, source: str, changed: list[str], restored_from=None) -> UserProfile:
    columns = {**new.stored_form(), "evidence": [item.model_dump() for item in new.evidence]}
    UserProfile.objects.filter(pk=profile.pk).update(**columns, version=F("version") + 1, updated_at=timezone.now())
    profile.refresh_from_db()
    version_record(profile=profile, source=source, author=author, fields=changed, restored_from=restored_from)
    qa_bank_build(profile=profile)  # chat answers from the bank: it must say what the profile now says
    return profile


def profile_patched(*, profile: Profile, changes: object) -> Profile:
    """What `changes` would make of `profile`, validated, nothing saved (the admin's form checks
    with it). Raises Rejected naming the field."""
    return _validated(merge_patch({**profile.stored_form(), "evidence": profile.evidence}, _check_keys(changes)))


def profile_edit(*, job: AnalysisJob, author, changes: object, expected_version: int | None = None) -> UserProfile:
    """Apply a merge patch to the job's profile as a new version; a patch that changes nothing
    makes no version. Raises Rejected (naming the field) or VersionConflict."""
    _check_keys(changes)
    with transaction.atomic():
        profile = _locked(job, expected_version)
        current = profile.data
        new = profile_patched(profile=current, changes=changes)
        changed = changed_paths(current, new)
        if not changed:
            return profile
        new = new.model_copy(update={"evidence": evidence_kept(current.evidence, new, changed)})
        return _save(profile, new, author=author, source=VersionSource.EDIT, changed=changed)


def profile_restore(*, job: AnalysisJob, author, number: int, expected_version: int | None = None) -> UserProfile:
    """Make version `number` the current profile again, as a new version (with that version's
    evidence). Restoring what the profile already holds makes no version. Raises VersionNotFound."""
    with transaction.atomic():
        profile = _locked(job, expected_version)
        version = profile.versions.filter(number=number).first()
        if version is None:
            raise VersionNotFound("Version not found", f"This profile has no version {number}", version=number)
        current, target = profile.data, Profile.from_stored(version.data)
        changed = changed_paths(current, target)
        if not changed and current.evidence == target.evidence:
            return profile
        return _save(profile, target, author=author, source=VersionSource.RESTORE, changed=changed, restored_from=number)


# --- re-analysis keeps corrections ------------------------------------------------------------------


def corrected_paths(profile: UserProfile) -> list[str]:
    """The paths people changed (edits, carried corrections) since the profile's last analysis,
    oldest first; a restore brings back what was corrected at the version it restored."""
    paths: list[str] = []
    at: dict[int, list[str]] = {}
    rows = profile.versions.order_by("number").values_list("number", "source", "fields", "restored_from")
    for number, source, fields, restored_from in rows:
        if source == VersionSource.ANALYSIS:
            paths = []
        elif source == VersionSource.RESTORE:
            paths = list(at.get(restored_from, paths))
        else:
            paths = paths + [path for path in fields if path not in paths]
        at[number] = paths
    return paths


def _corrections(previous: Profile, current: Profile, paths: list[str]) -> dict:
    """A merge patch putting `previous`'s values at `paths` onto `current`, whole fields replaced."""
    changes: dict = {}
    for path in paths:
        section, _, key = path.partition(".")
        if section == "personal_info":
            changes.setdefault(section, {})[key] = getattr(previous.personal_info, key)
        elif section == "skills":  # a dict: categories the correction dropped must go too
            changes[section] = {**{name: None for name in current.skills}, **previous.skills}
        else:
            changes[section] = previous.model_dump(mode="json")[section]
    return changes


def corrections_carry(*, profile: UserProfile) -> UserProfile:
    """A new analysis of an upload keeps what people corrected in its previous completed profile.
    The fresh extraction stays as this profile's version 1 (listed and restorable); the carried
    values are the next version (`source: carried`). Nothing to carry: the profile as it is."""
    previous = (
        UserProfile.objects.filter(job__upload_id=profile.job.upload_id, job__status=JobStatus.COMPLETED)
        .exclude(pk=profile.pk)
        .order_by("-job__created_at")
        .first()
    )
    paths = corrected_paths(previous) if previous else []
    if not paths:
        return profile
    with transaction.atomic():
        locked = _locked(profile.job, None)
        current = locked.data
        new = profile_patched(profile=current, changes=_corrections(previous.data, current, paths))
        changed = changed_paths(current, new)
        if not changed:
            return locked
        new = new.model_copy(update={"evidence": evidence_kept(current.evidence, new, changed)})
        return _save(locked, new, author=None, source=VersionSource.CARRIED, changed=changed)


def profile_versions(*, profile: UserProfile) -> QuerySet[ProfileVersion]:
    """Newest first (every profile has its first one: profile_save records it, and migration 0007
    gave one to the profiles saved before versions existed)."""
    return profile.versions.select_related("author").order_by("-number")
