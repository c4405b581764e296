"""The offer pages: "Moje oferty", a new draft, the form (save, add a row, live check), the offer page, the PDF,
filing through the action URL; roles, tenancy and query counts."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from centrum.core.models import OutboxMessage
from centrum.grants.choices import OfferStatus
from centrum.grants.jobs import offer_confirmations
from centrum.grants.models import Offer
from centrum.grants.tests.factories import CompetitionFactory, complete_offer

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def offer(organisation, org_admin):
    return complete_offer(competition__centre=organisation.centre, organisation=organisation)


def _post_data(client, offer) -> dict:
    """The edit page's form as a browser would post it (every field with its shown value)."""
    import re

    html = client.get(reverse("grants:offer_edit", args=[offer.pk])).content.decode()
    form = html[html.index('class="offer-form"') :]
    form = form[: form.index("</form>")]
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form):
        data[name] = value
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if name and 'type="checkbox"' in tag:
            data.pop(name.group(1), None)
            if "checked" in tag:
                data[name.group(1)] = "on"
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[name] = body.strip()
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    return data


def test_my_offers_lists_offers_and_open_competitions(
    client_for, centre, offer, org_admin, django_assert_max_num_queries
):
    client = client_for(centre, org_admin)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("grants:my_offers"))
    assert response.status_code == 200
    assert offer.title in response.content.decode()
    assert reverse("grants:offer_new", args=[offer.competition_id]) in response.content.decode()


def test_new_offer_creates_a_draft_and_clones(client_for, centre, offer, org_admin, organisation):
    other = CompetitionFactory(centre=centre)
    client = client_for(centre, org_admin)
    url = reverse("grants:offer_new", args=[other.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"organisation": organisation.pk, "clone_from": offer.pk})
    clone = Offer.objects.get(competition=other)
    assert response.status_code == 302 and clone.cloned_from == offer
    assert clone.cost_lines.count() == 2


def test_a_person_of_no_organisation_may_not_start_an_offer(client_for, centre, offer, plain_user):
    response = client_for(centre, plain_user).get(reverse("grants:offer_new", args=[offer.competition_id]))
    assert response.status_code == 403


def test_edit_saves_polish_amounts_and_refuses_non_numbers(client_for, centre, offer, org_admin):
    client = client_for(centre, org_admin)
    data = _post_data(client, offer)
    data["requested_grant"] = "9 000,00"
    data["lines-0-unit_cost"] = "150,50"
    response = client.post(reverse("grants:offer_edit", args=[offer.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    offer.refresh_from_db()
    assert str(offer.total_cost) == "10030.00"
    data["lines-0-unit_cost"] = "sto złotych"
    response = client.post(reverse("grants:offer_edit", args=[offer.pk]), data)
    assert response.status_code == 200 and "Wpisz liczbę" in response.content.decode()
    offer.refresh_from_db()
    assert str(offer.total_cost) == "10030.00"


def test_add_a_row_and_remove_one(client_for, centre, offer, org_admin):
    client = client_for(centre, org_admin)
    data = _post_data(client, offer)
    response = client.post(reverse("grants:offer_edit", args=[offer.pk]), {**data, "add": "lines"})
    assert 'name="lines-2-kind"' in response.content.decode()
    data["lines-1-DELETE"] = "on"
    client.post(reverse("grants:offer_edit", args=[offer.pk]), data)
    assert offer.cost_lines.count() == 1


def test_live_check_shows_sums_and_problems_next_to_fields(
    client_for, centre, offer, org_admin, django_assert_max_num_queries
):
    client = client_for(centre, org_admin)
    data = _post_data(client, offer)
    data["requested_grant"] = "9 500,00"
    with django_assert_max_num_queries(20):
        response = client.post(reverse("grants:offer_check", args=[offer.pk]), data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "10\u00a0000,00 zł" in html and "nie równają się" in html
    assert 'id="problem-sources" class="offer-problem" hx-swap-oob="true"><p' in html
    data["requested_grant"] = "-5"
    html = client.post(reverse("grants:offer_check", args=[offer.pk]), data).content.decode()
    assert 'id="problem-requested_grant" class="offer-problem" hx-swap-oob="true"><p' in html


def test_the_offer_page_files_and_the_pdf_shows_the_statutory_sections(
    client_for, centre, offer, org_admin, django_assert_max_num_queries
):
    client = client_for(centre, org_admin)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("grants:offer", args=[offer.pk])).status_code == 200
    response = client.post(reverse("grants:offer_action", args=[offer.pk, "submit"]), {"state": "draft"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SUBMITTED
    offer_confirmations(centre)
    assert OutboxMessage.objects.count() == 1
    pdf = client.get(reverse("grants:offer_pdf", args=[offer.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True
        ).stdout.decode()
        for heading in (
            "OFERTA",
            "I. Podstawowe informacje",
            "II. Dane oferenta",
            "III. Opis zadania",
            "IV. Charakterystyka oferenta",
            "V. Kalkulacja",
            "VI. Inne informacje",
            "VII. Oświadczenia",
        ):
            assert heading in text
        assert offer.checksum in text.replace("\n", "").replace(" ", "")
        assert "nie dotyczy" in text
    # After filing the form is closed.
    response = client.get(reverse("grants:offer_edit", args=[offer.pk]))
    assert response.status_code == 302


def test_a_member_prepares_but_may_not_file(client_for, centre, offer, org_member):
    client = client_for(centre, org_member)
    assert client.get(reverse("grants:offer_edit", args=[offer.pk])).status_code == 200
    response = client.post(reverse("grants:offer_action", args=[offer.pk, "submit"]))
    assert response.status_code == 403
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.DRAFT


@pytest.mark.parametrize("name", ["grants:offer", "grants:offer_pdf", "grants:offer_edit"])
def test_a_stranger_gets_404(client_for, centre, offer, plain_user, name):
    assert client_for(centre, plain_user).get(reverse(name, args=[offer.pk])).status_code == 404


def test_anonymous_goes_to_login(anon, offer):
    response = anon.get(reverse("grants:offer", args=[offer.pk]))
    assert (
        response.status_code == 302 and "login" in response["Location"] or "logowanie" in response["Location"]
    )


def test_an_official_reads_but_does_not_edit(client_for, centre, offer, official_user):
    client = client_for(centre, official_user)
    assert client.get(reverse("grants:offer", args=[offer.pk])).status_code == 200
    assert client.get(reverse("grants:offer_edit", args=[offer.pk])).status_code == 403


def test_signed_file_share_and_comment_forms(client_for, centre, offer, org_admin, plain_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
    from centrum.grants.services.offers import offer_submit

    adviser = UserFactory(email="doradca@example.org", full_name="Dorota Doradca")
    CentreRoleFactory(user=adviser, centre=centre, role="adviser")
    client = client_for(centre, org_admin)
    client.post(reverse("grants:offer_share", args=[offer.pk]), {"user": adviser.pk})
    assert offer.reviewers.get().user == adviser
    adviser_client = client_for(centre, adviser)
    assert adviser_client.get(reverse("grants:offer", args=[offer.pk])).status_code == 200
    adviser_client.post(reverse("grants:offer_comment", args=[offer.pk]), {"body": "Dopiszcie rezultaty."})
    assert "Dopiszcie rezultaty." in client.get(reverse("grants:offer", args=[offer.pk])).content.decode()
    assert (
        client_for(centre, plain_user)
        .post(reverse("grants:offer_comment", args=[offer.pk]), {"body": "x"})
        .status_code
        == 404
    )
    offer_submit(offer=offer, actor=org_admin)
    offer.refresh_from_db()
    wrong = SimpleUploadedFile(
        "p.pdf", b"%PDF-1.7 /Sig /ByteRange " + b"0" * 64, content_type="application/pdf"
    )
    response = client.post(
        reverse("grants:offer_signed_file", args=[offer.pk]), {"signed_file": wrong}, follow=True
    )
    assert "nie zawiera sumy kontrolnej" in response.content.decode()
    assert Offer.objects.get(pk=offer.pk).confirmation_received_at is None
