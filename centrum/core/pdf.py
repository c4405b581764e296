"""PDF documents people sign or file: HTML templates rendered by WeasyPrint.

An app keeps its document as a template (`<app>/documents/<name>.html`, extending
`core/documents/base.html` for the page, fonts and the centre's letterhead) and calls `render_pdf`.
The PDF is tagged (PDF/UA-1) so screen readers can read it, and carries the document's title and language.
"""

from django.template.loader import render_to_string
from django.utils import translation


def render_html(template: str, context: dict, *, language: str = "pl") -> str:
    with translation.override(language):
        return render_to_string(template, context)


def render_pdf(template: str, context: dict, *, language: str = "pl", base_url: str | None = None) -> bytes:
    """Render `template` with `context` to a tagged PDF (documents are Polish unless `language` says so)."""
    from weasyprint import HTML

    html = render_html(template, context, language=language)
    return HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(content: bytes, filename: str, *, inline: bool = True):
    """An HttpResponse serving a PDF under an ASCII-safe file name."""
    from django.http import HttpResponse

    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
