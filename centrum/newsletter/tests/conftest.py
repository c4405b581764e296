from .factories import topics  # noqa: F401 — the fixture for this app's tests
