"""A centre's URLs plus `/_bench/floor/`, a view that does nothing, behind the same middleware: the load
benchmark's floor (bench/load.py; config/settings/bench.py only)."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler403, handler404, handler500  # noqa: F401
from config.urls import urlpatterns as centre_urlpatterns


def floor(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("_bench/floor/", floor), *centre_urlpatterns]
