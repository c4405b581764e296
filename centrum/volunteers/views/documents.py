"""The PDFs: the agreement (art. 44), the certificate (zaświadczenie, ust. 2) and the opinion (ust. 3)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from centrum.core.calendar import warsaw_today
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.views import centre_required

from ..selectors import agreement_get_for, confirmed_hours, hours_of


def _context(request, agreement) -> dict:
    application = agreement.application
    return {
        "centre": request.centre,
        "agreement": agreement,
        "application": application,
        "volunteer": application.volunteer,
        "offer": application.offer,
        "host": application.offer.host,
        "today": warsaw_today(),
        "minor": application.volunteer.age_on(agreement.starts_on)
        < request.centre_settings["volunteers.adult_age"],
    }


@login_required
@centre_required
@require_GET
def agreement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    content = render_pdf("volunteers/documents/agreement.html", _context(request, agreement))
    return pdf_response(content, f"porozumienie-{agreement.number.replace('/', '-')}.pdf")


@login_required
@centre_required
@require_GET
def certificate_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Issued on the volunteer's request: the scope and the confirmed hours."""
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    context = _context(request, agreement)
    entries = [e for e in hours_of(agreement=agreement) if e.status == "confirmed"]
    context.update(
        {
            "entries": sorted(entries, key=lambda e: e.day),
            "hours": confirmed_hours(agreement=agreement),
            "first_day": min((e.day for e in entries), default=None),
            "last_day": max((e.day for e in entries), default=None),
        }
    )
    content = render_pdf("volunteers/documents/certificate.html", context)
    return pdf_response(content, f"zaswiadczenie-{agreement.number.replace('/', '-')}.pdf")


@login_required
@centre_required
@require_GET
def opinion_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    if not agreement.opinion:
        raise Http404
    context = _context(request, agreement)
    context["hours"] = confirmed_hours(agreement=agreement)
    content = render_pdf("volunteers/documents/opinion.html", context)
    return pdf_response(content, f"opinia-{agreement.number.replace('/', '-')}.pdf")
