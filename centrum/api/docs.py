"""The interactive documentation at /api/v1/docs, served without any CDN.

Swagger UI comes from django-ninja's own static files (`ninja` is in INSTALLED_APPS for that);
the page also lists every endpoint in plain HTML, which is what a person without JavaScript or
with a screen reader gets.
"""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import Swagger

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def endpoint_list(schema: dict[str, Any]) -> list[dict[str, str]]:
    endpoints = []
    for path, operations in schema.get("paths", {}).items():
        for method in HTTP_METHODS:
            operation = operations.get(method)
            if operation:
                endpoints.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "summary": operation.get("summary", ""),
                        "public": {} in operation.get("security", [{}]),
                    }
                )
    return endpoints


class LocalSwagger(Swagger):
    template = "api/docs.html"

    def __init__(self) -> None:
        # No validator badge: it would send the document to an outside service.
        super().__init__(settings={"validatorUrl": None, "docExpansion": "list", "tryItOutEnabled": False})

    def render_page(self, request: HttpRequest, api, **kwargs: Any) -> HttpResponse:
        openapi_url = self.get_openapi_url(api, kwargs)
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "swagger_settings": json.dumps({**self.settings, "url": openapi_url}),
            "api": api,
            "openapi_url": openapi_url,
            "endpoints": endpoint_list(schema),
            # Session users may try writes from the page; the token goes in the X-CSRFToken header.
            "add_csrf": True,
        }
        return render(request, self.template, context)
