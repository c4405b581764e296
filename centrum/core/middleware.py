from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject

from .selectors import centre_get_by_host


class CentreMiddleware:
    """Selects the centre (the tenant) from the request's host name.

    A platform host serves the platform pages; a known centre host serves that centre;
    any other host gets a clear 404 page and nothing else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        host = request.get_host().split(":")[0].lower().rstrip(".")
        request.centre = None
        if host in settings.PLATFORM_HOSTS:
            request.urlconf = settings.PLATFORM_URLCONF
            return self.get_response(request)
        centre = centre_get_by_host(host=host)
        if centre is None:
            response = TemplateResponse(request, "core/unknown_host.html", {"host": host}, status=404)
            return response.render()
        request.centre = centre
        request.centre_settings = SimpleLazyObject(lambda: _settings_for(centre))
        return self.get_response(request)


def _settings_for(centre):
    from .centre_settings import CentreSettings

    return CentreSettings(centre)
