"""What a garbage submission did to the database, for tests/test_garbage_forms.py.

`Snapshot.take()` reads every row of the tracked tables (every model of the `centrum.*` apps, their
many-to-many tables, and allauth's e-mail addresses and MFA authenticators, which hold people's data
too). Columns that change on every request by design (`auto_now` timestamps, `last_login`, an API
token's `last_used_at`) are left out. `diff(before, after)` names the rows added, removed or changed.

`stored_problems(diff)` checks the rows a view *accepted*: every changed field must pass the model's
own field validation (max_length, choices, validators) and fit PostgreSQL (no NUL characters, integers
within the column's range), and a centre's row must link only to rows of its own centre. SQLite stores a 10 000-character name in a `max_length=200` column without a
word; PostgreSQL answers with a 500.

`WriteRecorder` notes the tables a request wrote to (every statement goes through the connection's
execute wrappers), so a submission that wrote nothing is judged without reading every table again, and one
that wrote is compared on the tables it touched; a statement it cannot read makes it compare them all.

`FormErrorRecorder` remembers every Django form and formset that ended invalid during a request, so a
view that saves although its form said no is caught even when it answers with a redirect.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations

from centrum.core.models import cross_centre_links

TRACKED_APP_PREFIXES = ("centrum.",)
TRACKED_EXTRA_APPS = {"account", "mfa"}  # allauth: e-mail addresses, authenticators
# Columns that legitimately change on any request (not a "stored" change by the view).
VOLATILE = {("accounts.User", "last_login"), ("accounts.ApiToken", "last_used_at")}


def tracked_models() -> list[type[models.Model]]:
    out = []
    for model in apps.get_models(include_auto_created=True):
        config = apps.get_app_config(model._meta.app_label)
        if not (config.name.startswith(TRACKED_APP_PREFIXES) or config.label in TRACKED_EXTRA_APPS):
            continue
        if model._meta.proxy or not model._meta.managed and not model._meta.auto_created:
            continue
        out.append(model)
    return out


def _columns(model) -> list[models.Field]:
    out = []
    for f in model._meta.concrete_fields:
        if (model._meta.label, f.name) in VOLATILE:
            continue
        if isinstance(f, models.DateTimeField) and getattr(f, "auto_now", False):
            continue
        out.append(f)
    return out


@dataclass
class Table:
    model: type[models.Model]
    fields: list[models.Field]
    sql: str


def _tables() -> list[Table]:
    qn = connection.ops.quote_name
    tables = []
    for model in tracked_models():
        fields = _columns(model)
        pk = model._meta.pk
        cols = ", ".join(qn(f.column) for f in fields)
        sql = f"SELECT {cols} FROM {qn(model._meta.db_table)} ORDER BY {qn(pk.column)}"
        tables.append(Table(model, fields, sql))
    return tables


@dataclass
class Snapshot:
    rows: dict[str, dict[Any, tuple]]  # model label -> pk -> row

    @classmethod
    def take(cls, only: set[str] | None = None) -> Snapshot:
        """Every tracked table, or those whose database table is in `only`."""
        rows: dict[str, dict[Any, tuple]] = {}
        with connection.cursor() as cursor:
            for table in _TABLES():
                if only is not None and table.model._meta.db_table not in only:
                    continue
                cursor.execute(table.sql)
                pk_index = next(i for i, f in enumerate(table.fields) if f.primary_key)
                rows[table.model._meta.label] = {row[pk_index]: tuple(row) for row in cursor.fetchall()}
        return cls(rows)


_cache: list[Table] = []


def _TABLES() -> list[Table]:  # noqa: N802
    if not _cache:
        _cache.extend(_tables())
    return _cache


# The table a writing statement names; statements that only read or manage the transaction.
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?', re.IGNORECASE
)
_NOT_A_WRITE = re.compile(
    r"^\s*(?:SELECT|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|SET|SHOW|PRAGMA|EXPLAIN)\b", re.IGNORECASE
)


class WriteRecorder:
    """The tables the statements run inside `with recorder:` wrote to; `everything` when a statement was
    neither a plain read nor a write it could name (compare every table then)."""

    def __init__(self) -> None:
        self.tables: set[str] = set()
        self.everything = False
        self._stack = contextlib.ExitStack()

    def __call__(self, execute, sql, params, many, context):
        text = sql if isinstance(sql, str) else str(sql)
        match = _WRITE.match(text)
        if match:
            self.tables.add(match.group(1))
        elif not _NOT_A_WRITE.match(text):
            self.everything = True
        return execute(sql, params, many, context)

    def __enter__(self) -> WriteRecorder:
        self._stack.enter_context(connection.execute_wrapper(self))
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def snapshot(self) -> Snapshot | None:
        """What to compare with the baseline: None when nothing was written."""
        if self.everything:
            return Snapshot.take()
        if not self.tables:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")  # still fails if the request broke the transaction (PostgreSQL)
            return None
        return Snapshot.take(only=self.tables)


@dataclass
class Diff:
    added: dict[str, list] = field(default_factory=dict)
    removed: dict[str, list] = field(default_factory=dict)
    changed: dict[str, dict[Any, list[str]]] = field(default_factory=dict)  # label -> pk -> field names

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def summary(self, limit: int = 6) -> str:
        parts = []
        for label, pks in self.added.items():
            parts.append(f"+{len(pks)} {label}")
        for label, pks in self.removed.items():
            parts.append(f"-{len(pks)} {label}")
        for label, rows in self.changed.items():
            names = sorted({n for names in rows.values() for n in names})
            parts.append(f"~{len(rows)} {label}({', '.join(names)})")
        text = "; ".join(parts[:limit])
        return text + ("; …" if len(parts) > limit else "")


def diff(before: Snapshot, after: Snapshot) -> Diff:
    result = Diff()
    fields_by_label = {t.model._meta.label: t.fields for t in _TABLES()}
    for label, rows in after.rows.items():
        old = before.rows.get(label, {})
        added = [pk for pk in rows if pk not in old]
        removed = [pk for pk in old if pk not in rows]
        if added:
            result.added[label] = added
        if removed:
            result.removed[label] = removed
        names = [f.name for f in fields_by_label[label]]
        for pk, row in rows.items():
            if pk in old and old[pk] != row:
                result.changed.setdefault(label, {})[pk] = [
                    n for n, a, b in zip(names, old[pk], row, strict=True) if a != b
                ]
    return result


# --- is what was accepted fit to be stored? ----------------------------------------------------------
INT_RANGES = BaseDatabaseOperations.integer_field_ranges  # PostgreSQL's column ranges are these


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
    return False


def stored_problems(changes: Diff) -> list[str]:
    """What is wrong with the rows a view added or changed (empty when they are fine)."""
    problems = []
    by_label = {t.model._meta.label: t.model for t in _TABLES()}
    touched: dict[str, dict[Any, list[str] | None]] = {}
    for label, pks in changes.added.items():
        touched.setdefault(label, {}).update(dict.fromkeys(pks))
    for label, rows in changes.changed.items():
        touched.setdefault(label, {}).update(rows)
    for label, rows in touched.items():
        model = by_label[label]
        for obj in model._base_manager.filter(pk__in=list(rows)):
            names = rows[obj.pk]
            fields = [f for f in model._meta.concrete_fields if names is None or f.name in names]
            for f in fields:
                value = getattr(obj, f.attname)
                if _has_nul(value):
                    problems.append(
                        f"{label} #{obj.pk}.{f.name} stores a NUL character (PostgreSQL refuses it: a 500)"
                    )
                kind = f.get_internal_type()
                if isinstance(value, int) and not isinstance(value, bool) and kind in INT_RANGES:
                    low, high = INT_RANGES[kind]
                    if not low <= value <= high:
                        problems.append(f"{label} #{obj.pk}.{f.name} = {value} overflows a {kind} column")
            exclude = [f.name for f in model._meta.fields if f not in fields]
            try:
                obj.clean_fields(exclude=exclude)
            except ValidationError as exc:
                for name, messages in exc.message_dict.items():
                    value = getattr(obj, name, None)
                    shown = f"{str(value)[:40]!r}…({len(str(value))} chars)" if value is not None else "None"
                    problems.append(f"{label} #{obj.pk}.{name} = {shown} fails validation: {messages}")
            for name, related in cross_centre_links(obj):
                problems.append(
                    f"{label} #{obj.pk}.{name} links to {related._meta.label} #{related.pk} of another "
                    f"centre (centre {related.centre_id}, the row's centre {obj.centre_id})"
                )
    return problems


# --- forms that ended invalid during a request -------------------------------------------------------
class FormErrorRecorder:
    """Patches BaseForm.full_clean / BaseFormSet.full_clean while active. `.invalid` lists, for every
    form that finished cleaning with errors, its class name and the names (as posted, with the form's
    prefix) of the fields in error; "__all__" stands for an error of the whole form or formset."""

    def __init__(self):
        self.invalid: list[tuple[str, set[str]]] = []
        self._patches = []

    def __enter__(self):
        from django.forms.forms import BaseForm
        from django.forms.formsets import BaseFormSet

        recorder = self

        def form_full_clean(self, _original=BaseForm.full_clean):
            _original(self)
            if self._errors:
                names = {n if n == "__all__" else self.add_prefix(n) for n in self._errors}
                recorder.invalid.append((type(self).__name__, names))

        def formset_full_clean(self, _original=BaseFormSet.full_clean):
            _original(self)
            if getattr(self, "_non_form_errors", None):
                recorder.invalid.append((type(self).__name__, {"__all__"}))

        for cls, wrapped in ((BaseForm, form_full_clean), (BaseFormSet, formset_full_clean)):
            self._patches.append((cls, cls.full_clean))
            cls.full_clean = wrapped
        return self

    def __exit__(self, *exc):
        for cls, original in reversed(self._patches):
            cls.full_clean = original
        self._patches.clear()
        return False

    def errors_in(self, editable: set[str]) -> list[str]:
        """The invalid forms whose errors concern a field the person could edit (or the whole form)."""
        out = []
        for name, fields in self.invalid:
            hit = sorted(f for f in fields if f == "__all__" or f in editable)
            if hit:
                out.append(f"{name}({', '.join(hit[:5])})")
        return out
