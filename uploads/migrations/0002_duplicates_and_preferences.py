"""Duplicate uploads (issue 15): uploads are looked up by (owner, sha256), so that pair gets an
index, and every row's sha256 is made trustworthy: a row whose hash is missing or malformed gets
it recomputed from its stored file (rows without a readable file keep what they have). Existing
duplicates are kept; only new uploads are refused. Also the per-user upload preference."""

import hashlib
import re

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SHA256 = re.compile(r"^[0-9a-f]{64}$")


def backfill_sha256(apps, schema_editor) -> None:
    Upload = apps.get_model("uploads", "Upload")
    for upload in Upload.objects.only("id", "file", "sha256").iterator(chunk_size=500):
        if SHA256.match(upload.sha256 or ""):
            continue
        digest = hashlib.sha256()
        try:
            with upload.file.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1024 * 1024), b""):
                    digest.update(chunk)
        except (OSError, ValueError):
            continue  # no stored file to hash: the row keeps its value
        Upload.objects.filter(pk=upload.pk).update(sha256=digest.hexdigest())


class Migration(migrations.Migration):
    dependencies = [
        ("uploads", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="upload",
            index=models.Index(fields=["owner", "sha256"], name="upload_owner_sha256_idx"),
        ),
        migrations.RunPython(backfill_sha256, migrations.RunPython.noop, elidable=True),
        migrations.CreateModel(
            name="UploadPreference",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "analyze_on_upload",
                    models.BooleanField(
                        default=True,
                        help_text="The upload page starts the analysis of each file as soon as it is stored",
                    ),
                ),
                (
                    "owner",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="upload_preference",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
    ]
