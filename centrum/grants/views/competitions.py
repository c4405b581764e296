"""Pages of competitions: the public list and announcements, the official's desk."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from centrum.core.pagination import paginate
from centrum.core.views import centre_required

from ..selectors import competitions_public


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    page = paginate(request, competitions_public(centre=request.centre), per_page=20)
    return render(request, "grants/competitions/index.html", {"page": page})
