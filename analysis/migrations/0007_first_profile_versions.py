"""Every profile saved before versions existed gets its first version (the analysis), so its
version list is never empty and the analysis can be restored after a correction."""

from django.db import migrations

COLUMNS = ("personal_info", "skills", "experience", "education", "summary", "job_recommendations",
           "strengths", "weaknesses", "total_years_experience", "evidence")  # fmt: skip


def first_versions(apps, schema_editor):
    UserProfile = apps.get_model("analysis", "UserProfile")
    ProfileVersion = apps.get_model("analysis", "ProfileVersion")
    missing = UserProfile.objects.filter(versions__isnull=True).iterator(chunk_size=500)
    batch = []
    for profile in missing:
        data = {name: getattr(profile, name) for name in COLUMNS}
        batch.append(ProfileVersion(profile=profile, number=profile.version, source="analysis", data=data,
                                    fields=[], created_at=profile.created_at))  # fmt: skip
        if len(batch) >= 500:
            ProfileVersion.objects.bulk_create(batch)
            batch = []
    ProfileVersion.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("analysis", "0006_version_source_carried")]

    operations = [migrations.RunPython(first_versions, migrations.RunPython.noop)]
