"""PostgreSQL: a B-tree on (centre, search_name) with `varchar_pattern_ops`, for the verification queue's
possible duplicates by name (`search_name = 'kolo gospodyn wiejskich w kalisz' OR search_name LIKE '… %'`,
one pair per queued organisation): without it the planner filters every row of a large centre (10,000);
with it, a bitmap scan of the matches. The default collation's B-tree cannot serve a LIKE prefix.

SQLite (development) does nothing here."""

from importlib import import_module

from django.db import migrations



PostgreSQLOnlyRunSQL = import_module(
    "centrum.organisations.migrations.0004_directory_search_indexes"
).PostgreSQLOnlyRunSQL


class Migration(migrations.Migration):
    dependencies = [("organisations", "0007_merge_search_imports_krs_status")]

    operations = [
        PostgreSQLOnlyRunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS org_search_name_prefix_idx "
                "ON organisations_organisation (centre_id, search_name varchar_pattern_ops)"
            ),
            reverse_sql="DROP INDEX IF EXISTS org_search_name_prefix_idx",
        ),
    ]
