"""One full-text index per centre's words (issue 9): GIN on (centre_id, search_vector) with `btree_gin`.

Every search runs inside one centre. With 0006's GIN on `search_vector` alone the planner had to choose
between the words (the whole country's matches, then the centre) and the centre (all its rows, then the
words): for a single word it read all 10,000 rows of a large centre and filtered them. With the centre as
a key of the same GIN index one index scan answers `centre_id = … AND search_vector @@ 'word:*'`, and GIN's
fast scan starts from the rarer key (a small centre, or a rare word). It replaces 0006's index, which no
query used any more, so an import writes one GIN index, not two. SQLite: nothing to do.
"""

from importlib import import_module

from django.db import migrations

PostgreSQLOnlyRunSQL = import_module(
    "centrum.organisations.migrations.0004_directory_search_indexes"
).PostgreSQLOnlyRunSQL


class Migration(migrations.Migration):
    dependencies = [("organisations", "0007_merge_search_imports_krs_status")]

    operations = [
        PostgreSQLOnlyRunSQL(
            sql="CREATE EXTENSION IF NOT EXISTS btree_gin",
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgreSQLOnlyRunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS org_search_centre_fts_idx ON organisations_organisation "
                "USING gin (centre_id, search_vector)"
            ),
            reverse_sql="DROP INDEX IF EXISTS org_search_centre_fts_idx",
        ),
        PostgreSQLOnlyRunSQL(
            sql="DROP INDEX IF EXISTS org_search_fts_idx",
            reverse_sql=(
                "CREATE INDEX IF NOT EXISTS org_search_fts_idx ON organisations_organisation "
                "USING gin (search_vector)"
            ),
        ),
    ]
