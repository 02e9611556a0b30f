from django.conf import settings
from django.db import migrations


def make_cache_unlogged(apps, schema_editor):
    # Cache rows are disposable: skipping the write-ahead log makes every throttled request cheaper.
    # A crash empties an unlogged table, which for a cache is exactly right.
    location = settings.CACHES["default"].get("LOCATION")
    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache") and location:
        schema_editor.execute(f'ALTER TABLE "{location}" SET UNLOGGED')


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_cache_table")]
    operations = [migrations.RunPython(make_cache_unlogged, migrations.RunPython.noop)]
