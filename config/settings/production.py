"""Production: everything comes from CENTRUM_* environment variables (see README)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = False
if SECRET_KEY.startswith("insecure"):  # noqa: F405
    raise ImproperlyConfigured("Set CENTRUM_SECRET_KEY in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
# TLS: plain http is redirected to https (the proxy says which it was, SECURE_PROXY_SSL_HEADER); HSTS tells
# browsers to use https only, for HSTS_SECONDS (0: not sent). Include-subdomains covers every centre's host
# under the domain; preload is for a domain submitted to the browsers' preload list (hard to undo).
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
# The header as browsers read it ("camera=(), geolocation=(self)"); unset: the default in base.py; empty: none.
if env("PERMISSIONS_POLICY") is not None:
    PERMISSIONS_POLICY = env("PERMISSIONS_POLICY")
STATIC_ROOT = env("STATIC_ROOT", str(STATIC_ROOT))  # noqa: F405

# Uploaded files: local disk by default; S3-compatible object storage when a bucket is set,
# so several stateless app servers can run behind one load balancer.
if env("S3_BUCKET"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL"),
            "access_key": env("S3_ACCESS_KEY_ID"),
            "secret_key": env("S3_SECRET_ACCESS_KEY"),
            "region_name": env("S3_REGION"),
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
    # Logos and room photos are then shown from the bucket's own origin.
    CONTENT_SECURITY_POLICY["img-src"] = [  # noqa: F405
        *CONTENT_SECURITY_POLICY["img-src"],  # noqa: F405
        env("S3_MEDIA_ORIGIN", env("S3_ENDPOINT_URL") or "https://*.amazonaws.com"),
    ]

# Links in e-mails built without a request (invitations, reminders) use https.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Behind a reverse proxy, the lockout counts failures per client address from X-Forwarded-For.
if env_bool("BEHIND_PROXY", True):
    AXES_IPWARE_PROXY_COUNT = int(env("PROXY_COUNT", "1"))
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# One cache shared by every process and server: allauth's rate limits would otherwise be per process.
# Redis when configured, else a table in the database (`manage.py createcachetable`, see README).
if env("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "centrum_cache"}
    }
CACHES["fragments"] = FRAGMENT_CACHE  # noqa: F405
CACHES["pages"] = PAGE_CACHE  # noqa: F405
