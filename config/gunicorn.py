"""gunicorn settings for production: `gunicorn -c config/gunicorn.py` (README, "Running in production").

The application is loaded once in the master (`preload_app`) and warmed up there (URL resolvers, every
template compiled, translations, the Polish holidays: what each worker's first request would otherwise pay,
0.4–0.9 s), then the workers fork and share those pages of memory. Environment:

    CENTRUM_BIND        address to listen on (default 127.0.0.1:8001)
    CENTRUM_WORKERS     worker processes (default 2 × CPU cores + 1)
    CENTRUM_THREADS     threads per worker (default 1: sync workers)
    CENTRUM_TIMEOUT     seconds before a silent worker is restarted (default 30)
    CENTRUM_MAX_REQUESTS  recycle a worker after this many requests, with jitter (default 0: never)
    CENTRUM_WARM_UP     0 to skip the warm-up (default 1)
"""

import logging
import multiprocessing
import os

wsgi_app = "config.wsgi:application"
bind = os.environ.get("CENTRUM_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("CENTRUM_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
threads = int(os.environ.get("CENTRUM_THREADS", "1"))
timeout = int(os.environ.get("CENTRUM_TIMEOUT", "30"))
max_requests = int(os.environ.get("CENTRUM_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
preload_app = True
keepalive = 5
accesslog = os.environ.get("CENTRUM_ACCESS_LOG") or None
errorlog = "-"


def when_ready(server):
    """In the master, after the application is loaded and before any worker forks."""
    if os.environ.get("CENTRUM_WARM_UP", "1") == "0":
        return
    from django.db import connections

    from centrum.core.warmup import warm_up

    timings = warm_up()
    connections.close_all()  # no database connection may be shared by forked workers
    logging.getLogger("gunicorn.error").info("warm-up: %s", timings)
