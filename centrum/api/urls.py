"""URLs of the API. Everything under /api/v1/ answers in JSON, also a wrong path or method."""

from functools import wraps

from django.http import HttpRequest, HttpResponseNotAllowed, JsonResponse
from django.urls import URLPattern, include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .api import api


def _json_method_not_allowed(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if isinstance(response, HttpResponseNotAllowed):
            allowed = response["Allow"]
            response = JsonResponse(
                {"detail": _("Ta metoda HTTP nie jest tu dozwolona.")},
                status=405,
                json_dumps_params={"ensure_ascii": False},
            )
            response["Allow"] = allowed
        return response

    return wrapper


@csrf_exempt
def endpoint_not_found(request: HttpRequest, unknown: str = ""):
    return JsonResponse(
        {"detail": _("Nie ma takiego punktu końcowego API.")},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )


# Not module-level `app_name`/`namespace`: Django would read those as this module's own namespace.
_api_patterns, _api_app_name, _api_namespace = api.urls
for _pattern in _api_patterns:
    if isinstance(_pattern, URLPattern):
        _pattern.callback = _json_method_not_allowed(_pattern.callback)

urlpatterns = [
    path("", include((_api_patterns, _api_app_name), namespace=_api_namespace)),
    re_path(r"^(?P<unknown>.*)$", endpoint_not_found),
]
