"""PostgreSQL indexes for the public directory at national scale (about 150 000 organisations).

* A GIN trigram index on `search_text`: the directory searches with `search_text LIKE '%word%'`, which a
  B-tree cannot serve; pg_trgm can.
* A partial B-tree on (centre, name, id) for the public statuses: the directory lists
  `status IN ('active', 'suspended') ORDER BY name, id LIMIT 20`. `org_directory_idx` (centre, status, name)
  yields names ordered only within one status, so with two statuses PostgreSQL would sort every row of the
  centre; this index returns the first page in order and stops after 20 rows. For a rare search word the
  planner uses the trigram index and sorts the few matches instead.

SQLite (development) has neither need nor pg_trgm: the operations do nothing there.
"""

from django.db import migrations


class PostgreSQLOnlyRunSQL(migrations.RunSQL):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_import_batches_krs_cache")]

    operations = [
        PostgreSQLOnlyRunSQL(
            sql="CREATE EXTENSION IF NOT EXISTS pg_trgm",
            # Other apps may come to use pg_trgm too; the extension stays when this migration is reversed.
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgreSQLOnlyRunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS org_search_trgm_idx "
                "ON organisations_organisation USING gin (search_text gin_trgm_ops)"
            ),
            reverse_sql="DROP INDEX IF EXISTS org_search_trgm_idx",
        ),
        PostgreSQLOnlyRunSQL(
            sql=(
                "CREATE INDEX IF NOT EXISTS org_directory_public_idx "
                "ON organisations_organisation (centre_id, name, id) "
                "WHERE status IN ('active', 'suspended')"
            ),
            reverse_sql="DROP INDEX IF EXISTS org_directory_public_idx",
        ),
    ]
