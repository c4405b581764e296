"""Settings shared by every environment. Values that differ per deployment come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"CENTRUM_{name}", default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "insecure-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "*")

INSTALLED_APPS = [
    "centrum.core.sites.CentrumAdminConfig",  # the admin site of platform hosts only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "centrum.core",
    "centrum.accounts",
    "centrum.organisations",
    "centrum.spaces",
    "centrum.advice",
    "centrum.trainings",
    "centrum.programmes",
    "centrum.grants",
    "centrum.initiatives",
    "centrum.promotion",
    "centrum.addresses",
    "centrum.volunteers",
    "centrum.news",
    "centrum.knowledge",
    "centrum.newsletter",
    "centrum.consultations",
    "centrum.councils",
    "centrum.surveys",
    "centrum.api",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "centrum.core.csp.ContentSecurityPolicyMiddleware",
    "centrum.core.csp.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "centrum.core.middleware.CentreMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last: a public page served from memory still passes every middleware above (centrum.core.page_cache).
    "centrum.core.page_cache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
PLATFORM_URLCONF = "config.urls_platform"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "centrum.core.context_processors.centrum",
            ],
            # {% error_summary form %} on every page with a form, without a {% load %}.
            "builtins": [
                "centrum.core.templatetags.centrum_forms",
                "centrum.core.templatetags.content_language",
            ],
        },
    },
]

# One field template and one form template for every form of every app (centrum/core/forms.py).
FORM_RENDERER = "centrum.core.forms.CentrumFormRenderer"

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'centrum.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock at BEGIN, so two writers racing for the same
    # slot are serialised by the database instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "pl"
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGES = [("pl", _("polski")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# `fragments`: rendered page fragments keyed on a centre's data version (centrum.core.versions), kept in each
# process's memory: reading one costs no query; the version in the centre's row keeps processes consistent.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# `pages`: whole public pages for visitors not signed in (centrum.core.page_cache), per process too; fewer
# entries (a page is ~5–20 KB) so a process holds at most ~20 MB of them.
PAGE_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": FRAGMENT_CACHE,
    "pages": PAGE_CACHE,
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: e-mail is the login, verified before the account is used.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_ADAPTER = "centrum.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Centrum"

# django-axes: lock a login after repeated failures.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
# allauth authenticates with {"email": …}, not {"login": …}: read the address from either, lower-cased.
AXES_USERNAME_CALLABLE = "centrum.accounts.lockout.login_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Centrum <no-reply@centrum.localhost>")

# The outbox is sent by `manage.py outbox_send` / `manage.py worker`; these govern retries.
OUTBOX_MAX_ATTEMPTS = int(env("OUTBOX_MAX_ATTEMPTS", "10"))
OUTBOX_BATCH_SIZE = int(env("OUTBOX_BATCH_SIZE", "100"))
# Claimed messages stay invisible to other workers this long (at least), so a crashed worker delays only.
OUTBOX_CLAIM_SECONDS = int(env("OUTBOX_CLAIM_SECONDS", "600"))
# `manage.py worker` sends the outbox and runs due jobs every this many seconds.
WORKER_INTERVAL_SECONDS = int(env("WORKER_INTERVAL_SECONDS", "10"))
# Links in e-mails: <scheme>://<centre's primary host>[:<port>]/… (no request to take them from).
CENTRE_URL_SCHEME = env("URL_SCHEME", "https")
CENTRE_URL_PORT = env("URL_PORT", "")
# Largest centre logo accepted on the centre profile page.
CENTRE_LOGO_MAX_BYTES = int(env("CENTRE_LOGO_MAX_BYTES", str(1024 * 1024)))

KRS_API_URL = env("KRS_API_URL", "https://api-krs.ms.gov.pl/api/krs")
KRS_API_TIMEOUT = float(env("KRS_API_TIMEOUT", "5"))

# Shown on the login page in development only.
SHOW_DEMO_ACCOUNTS = False
DEMO_PASSWORD = "centrum-demo-2026"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
# Sent with every response (centrum/core/csp.py): scripts and styles only from our own static files,
# never 'unsafe-inline'. Templates therefore carry no <script>…</script>, no style="…" and no on…= handler.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Permissions-Policy (centrum/core/csp.py): no page needs the camera, microphone, location, payments or
# sensors; fullscreen for our own pages only. Production may replace it with CENTRUM_PERMISSIONS_POLICY.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# A query of a centre-owned model outside a centre or platform scope (centrum.core.scopes):
# "raise" (development, tests), "log" (production default: a warning with the stack) or "off".
SCOPE_ENFORCEMENT = env("SCOPE_ENFORCEMENT", "log")

# Hosts that serve the platform (list of centres, platform administration) rather than one centre.
PLATFORM_HOSTS = env_list("PLATFORM_HOSTS", "127.0.0.1,localhost")
