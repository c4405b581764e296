"""Thin views: load scoped to the centre and the user (404 otherwise), one service call each."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from centrum.core.views import centre_required

from .selectors import programme_get_for, programmes_for


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    programmes = programmes_for(centre=request.centre, user=request.user)
    return render(request, "programmes/index.html", {"programmes": programmes})


@centre_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = programme_get_for(centre=request.centre, user=request.user, pk=pk)
    tasks = programme.tasks.select_related("sphere")
    return render(request, "programmes/detail.html", {"programme": programme, "tasks": tasks})
