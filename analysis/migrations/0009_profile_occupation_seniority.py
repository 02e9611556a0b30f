# Issue 17: the ESCO occupation and seniority level of a profile (analysis/parsing/occupation.py).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0008_openings_and_chunk_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="userprofile",
            name="occupation",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="userprofile",
            name="seniority",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
    ]
