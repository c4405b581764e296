"""The load benchmark's server (bench/load.py): production settings on the throwaway database, plus a bare
view as the floor (config/urls_bench.py). Never used outside the benchmark."""

import os

os.environ.setdefault("CENTRUM_SECRET_KEY", "bench-only-" + "k" * 50)
os.environ.setdefault("CENTRUM_SECURE_COOKIES", "0")
os.environ.setdefault("CENTRUM_ALLOWED_HOSTS", "*")
os.environ.setdefault("CENTRUM_BEHIND_PROXY", "0")
# Plain http on 127.0.0.1, no TLS proxy in front: a redirect to https would measure nothing.
os.environ.setdefault("CENTRUM_SSL_REDIRECT", "0")

from .production import *  # noqa: E402, F403

ROOT_URLCONF = "config.urls_bench"
