"""Database functions the ORM lacks, written once for both databases.

`Epoch`: a timestamp as whole seconds since 1970 (UTC). Django reads `timestamptz` columns through a
pure-Python loader (it must attach the connection's time zone), which costs ~25 µs a value; a selector
that walks tens of thousands of booking boundaries reads them as integers and makes datetimes only for
what it returns. `TsTzRange`: PostgreSQL's range of two timestamps, the expression the bookings'
exclusion constraint (a GiST index) is built on, so an overlap written with it can use that index.
"""

from django.db.models import BigIntegerField, Func


class Epoch(Func):
    output_field = BigIntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(EXTRACT(EPOCH FROM %(expressions)s) AS BIGINT)"
        )

    def as_sqlite(self, compiler, connection, **extra):
        # '%%%%s' survives both formattings: the template's (→ '%%s') and the backend's (→ '%s').
        return self.as_sql(
            compiler, connection, template="CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)"
        )


class TsTzRange(Func):
    """PostgreSQL only: `TSTZRANGE(start, end)`, half-open like every booking."""

    function = "TSTZRANGE"

    def __init__(self, *expressions, **extra):
        from django.contrib.postgres.fields import DateTimeRangeField

        super().__init__(*expressions, output_field=DateTimeRangeField(), **extra)
