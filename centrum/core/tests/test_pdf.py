import subprocess

from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.tests.factories import CentreFactory


def test_documents_are_tagged_pdfs_with_the_letterhead(db, tmp_path):
    centre = CentreFactory(
        name="Centrum Organizacji Pozarządowych w Kaliszu", city="Kalisz", street="ul. Nowa 1"
    )
    content = render_pdf("core/documents/base.html", {"centre": centre})
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info  # readable by screen readers
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Centrum Organizacji Pozarządowych w Kaliszu, ul. Nowa 1" in text
    response = pdf_response(content, "zgoda.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="zgoda.pdf"'
