"""A world of rows built once for many tests (a module's or a class's), inside a transaction rolled back
after the last of them; each test runs in its own savepoint within it (the `db` fixture), so a test that
changes the world changes it for itself only.

    @pytest.fixture(scope="module")
    def world(django_db_setup, django_db_blocker):
        with shared_world(django_db_blocker):
            built = build_it()
        yield built
        close_shared_world(django_db_blocker)
"""

from __future__ import annotations

import contextlib

from django.db import transaction

_open: list[transaction.Atomic] = []


@contextlib.contextmanager
def shared_world(django_db_blocker):
    """Open the outer transaction and build the world in it (rolled back at once if building fails)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    _open.append(outer)


def close_shared_world(django_db_blocker) -> None:
    """Roll the world back (the transaction opened last)."""
    outer = _open.pop()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
