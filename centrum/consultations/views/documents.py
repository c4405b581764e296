"""The report of a consultation: a page, a tagged PDF, a DOCX, and the text for the resolution's justification."""

from io import BytesIO

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.views import centre_required

from ..choices import ConsultationStatus
from ..permissions import can_manage_consultation
from ..selectors import consultation_get_for, consultation_report, report_is_public

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _report(request: HttpRequest, pk: int):
    """Public once published; the officer sees it (as a preview) from the consultation's end."""
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    officer = can_manage_consultation(request.user, consultation)
    if report_is_public(consultation):
        return consultation_report(consultation), officer
    if officer and consultation.status not in (ConsultationStatus.DRAFT, ConsultationStatus.OPEN):
        return consultation_report(consultation), officer
    raise Http404


@centre_required
@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    data, officer = _report(request, pk)
    return render(
        request,
        "consultations/report.html",
        {"report": data, "consultation": data.consultation, "officer": officer},
    )


@centre_required
@require_GET
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    data, _officer = _report(request, pk)
    content = render_pdf(
        "consultations/documents/report.html",
        {"centre": request.centre, "report": data, "consultation": data.consultation},
    )
    return pdf_response(content, f"sprawozdanie-konsultacje-{data.consultation.pk}.pdf")


def report_document(data) -> bytes:
    """The report as a Word document people edit (python-docx)."""
    from docx import Document

    c = data.consultation
    doc = Document()
    doc.core_properties.title = _("Sprawozdanie z konsultacji: %(title)s") % {"title": c.title}
    doc.core_properties.language = "pl-PL"
    doc.add_heading(_("Sprawozdanie z konsultacji"), level=0)
    doc.add_paragraph(c.title)
    doc.add_paragraph(
        _("%(kind)s; od %(start)s do %(end)s. Podstawa prawna: %(basis)s")
        % {
            "kind": c.kind.name,
            "start": c.starts_on.strftime("%d.%m.%Y"),
            "end": c.ends_on.strftime("%d.%m.%Y"),
            "basis": c.kind.legal_basis,
        }
    )
    doc.add_heading(_("Podsumowanie"), level=1)
    doc.add_paragraph(data.justification_text)
    if data.organisations:
        doc.add_heading(_("Organizacje, które zgłosiły uwagi"), level=1)
        for name in data.organisations:
            doc.add_paragraph(name, style="List Bullet")
    doc.add_heading(_("Uwagi i odpowiedzi"), level=1)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        [_("Lp."), _("Jednostka"), _("Zgłaszający"), _("Uwaga i uzasadnienie"), _("Rozstrzygnięcie")],
        strict=True,
    ):
        cell.text = str(text)
    for n, comment in enumerate(data.comments, start=1):
        cells = table.add_row().cells
        cells[0].text = str(n)
        cells[1].text = comment.unit.number if comment.unit_id else str(_("uwaga ogólna"))
        cells[2].text = comment.signed_by
        cells[3].text = f"{comment.proposal}\n{_('Uzasadnienie:')} {comment.justification}"
        cells[4].text = f"{comment.get_status_display()}: {comment.answer}"
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@centre_required
@require_GET
def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    data, _officer = _report(request, pk)
    response = HttpResponse(report_document(data), content_type=DOCX)
    response["Content-Disposition"] = (
        f'attachment; filename="sprawozdanie-konsultacje-{data.consultation.pk}.docx"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
