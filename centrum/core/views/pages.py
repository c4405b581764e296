from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from ..registry import dashboard_cards_for, home_sections_for, services_for
from ..selectors import centre_list_public
from .access import centre_required, staff_required
from .platform import centre_search_page


@centre_required
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/home.html", {"sections": home_sections_for(request), "services": services_for(request)}
    )


@centre_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@require_GET
def ui_preferences(request: HttpRequest) -> HttpResponse:
    """Font size and contrast, kept in cookies so they work without JavaScript or an account."""
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    one_year = 365 * 24 * 3600
    if request.GET.get("fontsize") in {"normal", "large", "larger"}:
        response.set_cookie("fontsize", request.GET["fontsize"], max_age=one_year, samesite="Lax")
    if request.GET.get("contrast") in {"normal", "high"}:
        response.set_cookie("contrast", request.GET["contrast"], max_age=one_year, samesite="Lax")
    return response


def platform_home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/platform_home.html", centre_search_page(request, centre_list_public))


@staff_required
def staff_dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "core/staff_dashboard.html", {"cards": dashboard_cards_for(request)})
