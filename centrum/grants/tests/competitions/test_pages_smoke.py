"""Every page of competitions answers for the people it is for."""

import pytest
from django.urls import reverse

from centrum.grants.choices import CompetitionStatus
from centrum.grants.tests.factories import competition_in_state

pytestmark = pytest.mark.django_db


def test_pages_render(centre, official_client, anon):
    draft = competition_in_state(centre=centre, state=CompetitionStatus.DRAFT)
    decided = competition_in_state(centre=centre, state=CompetitionStatus.DECIDED)
    for name, kwargs in [
        ("grants:index", {}),
        ("grants:desk", {}),
        ("grants:competition_new", {}),
        ("grants:reasons_requests", {}),
        ("grants:competition", {"pk": draft.pk}),
        ("grants:board", {"pk": draft.pk}),
        ("grants:competition_edit", {"pk": draft.pk}),
        ("grants:publications", {"pk": draft.pk}),
        ("grants:results", {"pk": decided.pk}),
        ("grants:reasons_request_new", {"pk": decided.pk}),
        ("grants:competition_pdf", {"pk": decided.pk}),
        ("grants:results_pdf", {"pk": decided.pk}),
        ("grants:competition_bip", {"pk": decided.pk}),
    ]:
        response = official_client.get(reverse(name, kwargs=kwargs))
        assert response.status_code == 200, (name, response.status_code)
    for what in ("oferty", "wyniki"):
        for fmt in ("csv", "xlsx"):
            response = official_client.get(
                reverse("grants:competition_export", kwargs={"pk": decided.pk, "what": what, "fmt": fmt})
            )
            assert response.status_code == 200
            b"".join(response.streaming_content)


def test_days_on_the_announcement_in_polish_plural_forms_and_in_english(centre, anon):
    from centrum.core.pdf import render_html
    from centrum.grants.models import FormalRequirement

    competition = competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED, confirmation_days=1)
    FormalRequirement.objects.create(
        centre=centre, competition=competition, text="Oferta w terminie", fixable=True
    )
    text = anon.get(reverse("grants:competition", args=[competition.pk])).content.decode()
    assert "w ciągu 1 dnia od złożenia oferty" in text and "w ciągu 7 dni od wezwania" in text
    context = {
        "competition": competition,
        "centre": centre,
        "requirements": list(competition.formal_requirements.all()),
    }
    english = render_html("grants/documents/announcement.html", context, language="en")
    assert "5. Offers deadline" in english and "within 7 days of the request" in english


def test_announcement_pdf_holds_every_item_of_art_13(centre, anon, tmp_path):
    import subprocess

    competition = competition_in_state(centre=centre, state=CompetitionStatus.PUBLISHED)
    response = anon.get(reverse("grants:competition_pdf", args=[competition.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "ogloszenie.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for item in (
        "1. Rodzaj zadania",
        "2. Wysokość środków publicznych",
        "3. Zasady przyznawania dotacji",
        "4. Terminy i warunki realizacji",
        "5. Termin składania ofert",
        "6. Tryb i kryteria wyboru ofert",
        "7. Zadania tego samego rodzaju",
        "Biuletyn Informacji Publicznej",
    ):
        assert item in text, item
