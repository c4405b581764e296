"""Tenancy as a scope: a centre's rows are read only inside a centre scope or a named platform scope.

`CentreMiddleware` opens `centre_scope(request.centre)` for every request on a centre's host. Code
that works across centres (platform pages, the admin, management commands, scheduled jobs, the
outbox worker, demo seeding) says so by name with `platform_scope("why")`. A query of a
centre-owned model (`CentreScopedModel`) evaluated with neither open raises `ScopeError` in
development and tests, and is logged in production (setting `SCOPE_ENFORCEMENT`: raise, log, off).

The check runs when a query is evaluated, not when it is built, so querysets built at import time
or passed around lazily are fine; what counts is where they hit the database.
"""

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.db import models

logger = logging.getLogger(__name__)


class ScopeError(RuntimeError):
    """A centre's rows were queried with no centre scope and no platform scope open."""


@dataclass(frozen=True)
class Scope:
    centre_id: int | None  # None: a platform scope, across centres
    label: str


_current: ContextVar[Scope | None] = ContextVar("centrum_scope", default=None)


@contextmanager
def centre_scope(centre) -> Iterator[Scope]:
    """Work for one centre (a request on its host, one centre's run of a scheduled job)."""
    token = _current.set(Scope(centre_id=centre.pk, label=f"centre {centre.slug}"))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@contextmanager
def platform_scope(reason: str) -> Iterator[Scope]:
    """Work across centres, on purpose: `reason` names who does it (a job, a command, the admin)."""
    token = _current.set(Scope(centre_id=None, label=reason))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


@contextmanager
def no_scope() -> Iterator[None]:
    """No scope at all: what code outside a request sees (used by tests of the guard itself)."""
    token = _current.set(None)
    try:
        yield
    finally:
        _current.reset(token)


def active_scope() -> Scope | None:
    return _current.get()


def platform_view(view):
    """A view of the platform host that reads several centres' rows (the admin, the list of centres)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with platform_scope(f"platform view {view.__name__}"):
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            return response

    return wrapped


def scoped_iterator(iterable: Iterable, scope: Scope | None) -> Iterator:
    """`iterable` consumed inside `scope`: a streaming response is iterated after the middleware returned."""
    iterator = iter(iterable)
    while True:
        token = _current.set(scope)
        try:
            item = next(iterator)
        except StopIteration:
            return
        finally:
            _current.reset(token)
        yield item


def check_scope(model) -> None:
    if _current.get() is not None:
        return
    mode = getattr(settings, "SCOPE_ENFORCEMENT", "raise")
    if mode == "off":
        return
    message = (
        f"A query of {model._meta.label} was evaluated outside a centre scope. Open "
        "centre_scope(centre) for one centre's work or platform_scope(reason) for work across centres."
    )
    if mode == "raise":
        raise ScopeError(message)
    logger.warning(message, stack_info=True)


class CentreScopedQuerySet(models.QuerySet):
    """Refuses to reach the database outside a scope (see the module's docstring)."""

    def for_centre(self, centre):
        return self.filter(centre=centre)

    def _fetch_all(self):
        if self._result_cache is None:
            check_scope(self.model)
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        check_scope(self.model)
        return super().iterator(*args, **kwargs)

    def count(self):
        check_scope(self.model)
        return super().count()

    def exists(self):
        check_scope(self.model)
        return super().exists()

    def aggregate(self, *args, **kwargs):
        check_scope(self.model)
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        check_scope(self.model)
        return super().update(**kwargs)

    def delete(self):
        check_scope(self.model)
        return super().delete()

    def contains(self, obj):
        check_scope(self.model)
        return super().contains(obj)


class CentreScopedManager(models.Manager.from_queryset(CentreScopedQuerySet)):
    pass
