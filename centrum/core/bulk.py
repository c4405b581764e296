"""Inserting many rows of a model at once, from plain values: PostgreSQL's COPY, `bulk_create` elsewhere.

For writes of thousands of rows (a CSV import: its checked rows, organisations, their spheres and audit
entries) where a model instance and Django's per-value preparation cost more than the insert itself, and
`bulk_create`'s one big INSERT … UNNEST quotes every value of every array in Python. The caller has
validated the values (a service's rules); nothing here runs `save()`, `full_clean()` or signals, so a
versioned model's caller bumps the centre's data version itself (`core.versions.bump_data_version`).
"""

import json
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import JSONField, Model
from django.utils import timezone

COPY_VENDORS = {"postgresql"}


def bulk_insert(model: type[Model], rows: Iterable[dict[str, Any]], *, with_ids: bool = False) -> list[int]:
    """Insert `rows` (each a dict of field attname → value: `district_id`, a JSON field's Python data) and
    return their ids in the same order when `with_ids` (else []).

    A column a row leaves out gets its field's default; `auto_now`/`auto_now_add` columns the time of the
    call. On PostgreSQL the ids come from the table's sequence in one query and the rows go in by COPY; on
    other databases through `bulk_create`.
    """
    rows = list(rows)
    if not rows:
        return []
    if connection.vendor not in COPY_VENDORS:
        objects = [model(**row) for row in rows]
        model._base_manager.bulk_create(objects, batch_size=500)
        return [obj.pk for obj in objects] if with_ids else []
    from psycopg import sql

    meta = model._meta
    now = timezone.now()
    fields = [f for f in meta.concrete_fields if not (f.primary_key and not with_ids)]
    columns = []  # (attname, default, is_json, encoder)
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            default = now
        elif field.primary_key:
            default = None
        else:
            default = field.get_default()
        is_json = isinstance(field, JSONField)
        columns.append((field.attname, default, is_json, field.encoder if is_json else None))
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(meta.db_table), sql.SQL(", ").join(sql.Identifier(f.column) for f in fields)
    )
    with connection.cursor() as cursor:
        ids: list[int] = []
        if with_ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rows)],
            )
            ids = sorted(row[0] for row in cursor.fetchall())
            for row, pk in zip(rows, ids, strict=True):
                row[meta.pk.attname] = pk
        with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
            for row in rows:
                values = []
                for attname, default, is_json, encoder in columns:
                    value = row.get(attname, default)
                    if is_json and value is not None:
                        value = json.dumps(value, cls=encoder)
                    values.append(value)
                copy.write_row(values)
    return ids
