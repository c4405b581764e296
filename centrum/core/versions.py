"""A centre's data version, and page fragments cached on it.

`Centre.data_version` is a counter bumped whenever a row of a model an app registered here is saved or
deleted (or its many-to-many links change), in the same transaction as the change: a rollback undoes the
bump too. The middleware loads the centre on every request anyway, so reading the version costs no query.
A fragment cached under (centre, version, language, its own key parts) is therefore never stale: any
change makes a new key. Apps register their models in their `features.py`, so core knows none of them:

    versions.register_versioned_model(Organisation)

A write that sends no signals (`QuerySet.update()`, `bulk_create()`) calls `bump_data_version(centre_id)`.
Fragments live in the per-process cache `fragments` (settings.CACHES): no query, no network, forgotten
at restart; the version keeps every process consistent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import caches
from django.db.models import F, Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from .models import Centre

FRAGMENT_CACHE = "fragments"
FRAGMENT_TIMEOUT = 60 * 60

_registered: set[type[Model]] = set()


def bump_data_version(centre_id: int | None) -> None:
    if centre_id:
        Centre.objects.filter(pk=centre_id).update(data_version=F("data_version") + 1)


def _bump_for(sender, instance, **kwargs) -> None:
    bump_data_version(getattr(instance, "centre_id", None))


def _bump_for_links(sender, instance, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump_data_version(getattr(instance, "centre_id", None))


def register_versioned_model(model: type[Model]) -> type[Model]:
    """Every save or delete of `model` (a centre's rows: it has `centre_id`) bumps its centre's data version."""
    if model in _registered:
        return model
    _registered.add(model)
    uid = f"centrum.versions.{model._meta.label}"
    post_save.connect(_bump_for, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(_bump_for, sender=model, dispatch_uid=uid, weak=False)
    for field in model._meta.many_to_many:
        m2m_changed.connect(_bump_for_links, sender=field.remote_field.through, dispatch_uid=uid, weak=False)
    return model


def versioned_models() -> frozenset[type[Model]]:
    return frozenset(_registered)


def cached_on_version(centre: Centre, name: str, load: Callable[[], object]):
    """What `load()` reads of this centre's versioned data (its settings, …), read once per data version in
    each process. The value is shared between requests: never change it, never put a person's data in it."""
    cache = caches[FRAGMENT_CACHE]
    key = f"data:{name}:{centre.pk}:{centre.data_version}"
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, FRAGMENT_TIMEOUT)
    return value


def fragment_key(centre: Centre, name: str, parts: Iterable[object] = ()) -> str:
    digest = hashlib.blake2b(repr(tuple(parts)).encode(), digest_size=12).hexdigest()
    return f"fragment:{name}:{centre.pk}:{centre.data_version}:{get_language()}:{digest}"


def cached_fragment(
    centre: Centre, name: str, parts: Iterable[object], render: Callable[[], str]
) -> SafeString:
    """The HTML `render()` makes (a rendered template) for this centre's data as it is now, rendered once per
    version and key. `parts` must hold everything else the HTML depends on (query string, …), never a person."""
    cache = caches[FRAGMENT_CACHE]
    key = fragment_key(centre, name, parts)
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, FRAGMENT_TIMEOUT)
    return mark_safe(html)  # noqa: S308 - our own rendered template
