# Issue 14: a job's document warnings (hidden text, injected instructions, OCR), the hidden text
# kept for audit, and the `ocr` stage.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('analysis', '0009_profile_occupation_seniority'),
    ]

    operations = [
        migrations.AddField(
            model_name='analysisjob',
            name='warnings',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name='analysisjob',
            name='hidden_text',
            field=models.TextField(blank=True, default=''),
        ),
        migrations.AlterField(
            model_name='analysisjob',
            name='status',
            field=models.CharField(choices=[('queued', 'Queued'), ('extracting_text', 'Extracting text'), ('ocr', 'Reading scanned pages'), ('chunking', 'Chunking text'), ('generating_embeddings', 'Generating embeddings'), ('analyzing', 'Analyzing'), ('completed', 'Completed'), ('failed', 'Failed')], db_index=True, default='queued', max_length=32),
        ),
    ]
