from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-secret"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
KRS_API_URL = env("KRS_API_URL", "http://127.0.0.1:9/api/krs")  # unreachable unless a test fakes it
KRS_API_TIMEOUT = 1
ACCOUNT_RATE_LIMITS = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Tests reach centres by host name: the test client sends `<slug>.localhost`, the browser tests open
# http://kalisz.localhost:<port>/ on the live server, and some tests send unknown hosts on purpose.
ALLOWED_HOSTS = ["*"]
# A centre's rows queried outside a centre or platform scope is a bug: fail loudly.
SCOPE_ENFORCEMENT = env("SCOPE_ENFORCEMENT", "raise")
AUDIT_REFUSE_UNDECLARED_ACTIONS = True  # audit_log() raises on a code no app declared
# Cached page fragments (centrum.core.versions) would let a repeated request skip its view's queries and
# templates, so a test could not read the context of a second response: off here, on in the tests of the
# cache itself (the `fragment_cache` fixture of centrum/core/tests/test_versions.py).
CACHES = {  # noqa: F405
    **CACHES,  # noqa: F405
    "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
