"""No two blocking bookings of one room may overlap.

PostgreSQL: an exclusion constraint over (room, tstzrange(starts_at, ends_at)) with btree_gist,
for rows in a blocking state. SQLite has no such constraint: the booking services run inside
IMMEDIATE transactions (see config/settings/base.py), so the overlap check and the insert are
serialised by the database's write lock. The constraint is not in the model state, so SQLite never
tries to rebuild it.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import RangeBoundary, RangeOperators
from django.db import migrations, models
from django.db.models import Func

CONSTRAINT_NAME = "booking_no_overlap"
BLOCKING = ["offered", "pending", "approved"]


class TsTzRange(Func):
    function = "TSTZRANGE"

    def __init__(self, *expressions, **extra):
        from django.contrib.postgres.fields import DateTimeRangeField

        super().__init__(*expressions, output_field=DateTimeRangeField(), **extra)


def _constraint():
    return ExclusionConstraint(
        name=CONSTRAINT_NAME,
        expressions=[
            ("room", RangeOperators.EQUAL),
            (TsTzRange("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
        ],
        condition=models.Q(status__in=BLOCKING),
    )


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.add_constraint(apps.get_model("spaces", "Booking"), _constraint())


def remove_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_constraint(apps.get_model("spaces", "Booking"), _constraint())


class Migration(migrations.Migration):
    dependencies = [("spaces", "0001_initial")]

    operations = [migrations.RunPython(add_constraint, remove_constraint, elidable=False)]
