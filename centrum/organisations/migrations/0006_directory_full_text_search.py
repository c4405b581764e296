"""Directory search by words and the Polish order (issue 8; the index of issue 9).

* `search_name` and `name_sort` are added and, with the wider `search_text`, filled for every existing
  organisation by `organisations.search.search_fields` (the function every write path uses).
* `org_directory_sort_idx` (centre, name_sort, name, id) for the public statuses lists the directory's
  first page in Polish order and stops after 20 rows; it replaces 0004's `org_directory_public_idx`
  (the same on `name`).
* PostgreSQL only: the `unaccent` extension, a text-search configuration `centrum_search` (`simple` with
  `unaccent`: no stemming, no stop words, so every word can be found by its beginning), a stored generated
  column `search_vector` = `to_tsvector('centrum_search', search_text)` (not a model field: the database
  keeps it; stored because computing it costs ~50 µs a row, too much for the rows of a large centre when
  the planner filters the centre's rows instead of using the index) and a GIN index on it that
  `search.WordPrefixMatch` queries with `word:*`. A later change of `search_text`'s type must drop and re-add the column. The
  trigram index of 0004 served `LIKE '%word%'`, which the directory no longer runs: it is dropped.
"""

from importlib import import_module

from django.db import migrations, models

from centrum.organisations.search import SEARCHED_FIELDS, search_fields

PostgreSQLOnlyRunSQL = import_module(
    "centrum.organisations.migrations.0004_directory_search_indexes"
).PostgreSQLOnlyRunSQL



def fill_search_fields(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    batch = []
    for org in Organisation.objects.only("id", *SEARCHED_FIELDS).order_by("id").iterator(chunk_size=2000):
        for field, value in search_fields(**{f: getattr(org, f) for f in SEARCHED_FIELDS}).items():
            setattr(org, field, value)
        batch.append(org)
        if len(batch) == 2000:
            Organisation.objects.bulk_update(batch, ["search_text", "search_name", "name_sort"])
            batch = []
    Organisation.objects.bulk_update(batch, ["search_text", "search_name", "name_sort"])


CREATE_CONFIG = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'centrum_search') THEN
        CREATE TEXT SEARCH CONFIGURATION centrum_search (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION centrum_search
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part,
                numword, numhword, hword_numpart
            WITH unaccent, simple;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0005_opp_list_imports"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="name_sort",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_name",
            field=models.CharField(blank=True, editable=False, max_length=450),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="search_text",
            field=models.CharField(blank=True, editable=False, max_length=800),
        ),
        migrations.RunPython(fill_search_fields, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(
                condition=models.Q(("status__in", ["active", "suspended"])),
                fields=["centre", "name_sort", "name", "id"],
                name="org_directory_sort_idx",
            ),
        ),
        PostgreSQLOnlyRunSQL(
            sql="DROP INDEX IF EXISTS org_directory_public_idx",
            reverse_sql=(
                "CREATE INDEX IF NOT EXISTS org_directory_public_idx "
                "ON organisations_organisation (centre_id, name, id) "
                "WHERE status IN ('active', 'suspended')"
            ),
        ),
        PostgreSQLOnlyRunSQL(
            sql="CREATE EXTENSION IF NOT EXISTS unaccent",
            # Other apps may come to use unaccent; the extension stays when this migration is reversed.
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgreSQLOnlyRunSQL(
            sql=CREATE_CONFIG, reverse_sql="DROP TEXT SEARCH CONFIGURATION IF EXISTS centrum_search"
        ),
        PostgreSQLOnlyRunSQL(
            sql=(
                "ALTER TABLE organisations_organisation ADD COLUMN search_vector tsvector "
                "GENERATED ALWAYS AS (to_tsvector('centrum_search'::regconfig, search_text)) STORED"
            ),
            reverse_sql="ALTER TABLE organisations_organisation DROP COLUMN IF EXISTS search_vector",
        ),
        PostgreSQLOnlyRunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS org_search_fts_idx ON organisations_organisation "
                "USING gin (search_vector)"
            ),
            reverse_sql="DROP INDEX IF EXISTS org_search_fts_idx",
        ),
        PostgreSQLOnlyRunSQL(
            sql="DROP INDEX IF EXISTS org_search_trgm_idx",
            reverse_sql=(
                "CREATE INDEX IF NOT EXISTS org_search_trgm_idx "
                "ON organisations_organisation USING gin (search_text gin_trgm_ops)"
            ),
        ),
    ]
