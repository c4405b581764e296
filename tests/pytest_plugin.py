"""Loaded for the whole suite (pyproject: addopts = -p tests.pytest_plugin): isolation between tests."""

import pytest


@pytest.fixture(autouse=True)
def _clear_cache():
    """The cache outlives a test's database: e.g. host → centre id is cached, and on PostgreSQL (whose
    sequences are not rolled back) the next test's centre gets another id, so a stale entry would 404."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
