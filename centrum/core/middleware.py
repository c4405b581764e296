from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .registry import module_is_active, module_of_request
from .scopes import centre_scope, no_scope
from .selectors import centre_get_by_host

API_PREFIX = "/api/"


class CentreMiddleware:
    """Selects the centre (the tenant) from the request's host name.

    A platform host serves the platform pages; a known centre host serves that centre, inside its
    scope (`centrum.core.scopes`: a centre's rows are read only in a scope); any other host gets a
    clear 404 page (a JSON 404 under /api/) and nothing else. Platform pages open a platform scope
    by name where they read several centres' rows.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        host = request.get_host().split(":")[0].lower().rstrip(".")
        request.centre = None
        if host in settings.PLATFORM_HOSTS:
            request.urlconf = settings.PLATFORM_URLCONF
            with no_scope():  # a platform page opens a platform scope by name where it needs one
                return self.get_response(request)
        centre = centre_get_by_host(host=host)
        if centre is None:
            if _is_api_path(request.path_info):
                return _unknown_host_json(request)
            response = TemplateResponse(request, "core/unknown_host.html", {"host": host}, status=404)
            return response.render()
        request.centre = centre
        request.centre_settings = SimpleLazyObject(lambda: _settings_for(centre))
        with centre_scope(centre):
            return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        """A module the centre does not run has no pages there: 404 (JSON under /api/)."""
        centre = getattr(request, "centre", None)
        if centre is None:
            return None
        module = module_of_request(request.resolver_match.namespace, request.path_info)
        if module is None or module_is_active(centre, module.label, settings=request.centre_settings):
            return None
        if _is_api_path(request.path_info):
            return _json_not_found(request, _("Nie ma takiego punktu końcowego API."))
        raise Http404


def _is_api_path(path: str) -> bool:
    return path == API_PREFIX.rstrip("/") or path.startswith(API_PREFIX)


def _unknown_host_json(request: HttpRequest) -> HttpResponse:
    return _json_not_found(request, gettext_lazy("Nie ma takiego centrum"))


def _json_not_found(request: HttpRequest, message) -> HttpResponse:
    """API clients read JSON errors: the same `{"detail": ...}` as every other API error, in their language.

    This runs before LocaleMiddleware, so the language is picked here from the request.
    """
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = JsonResponse({"detail": str(message)}, status=404)
    response.headers["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def _settings_for(centre):
    from .centre_settings import centre_settings_cached

    return centre_settings_cached(centre)
