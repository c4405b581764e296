from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SHOW_DEMO_ACCOUNTS = True
# Mail is written to the outbox; in development the worker "sends" it to the console.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Links in e-mails point at `make run`'s development server.
CENTRE_URL_SCHEME = env("URL_SCHEME", "http")
CENTRE_URL_PORT = env("URL_PORT", "8000")
# A centre's rows queried outside a centre or platform scope is a bug: fail loudly.
SCOPE_ENFORCEMENT = env("SCOPE_ENFORCEMENT", "raise")
