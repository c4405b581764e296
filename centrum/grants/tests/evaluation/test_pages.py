"""The evaluation pages: who may open them, and their query counts do not grow with offers or members."""

import pytest
from django.urls import reverse

from ...choices import OfferStatus
from ...models import CommissionMember, Declaration
from ..factories import OfferFactory

pytestmark = pytest.mark.django_db


def _more_offers(competition, n, status=OfferStatus.FORMALLY_ACCEPTED):
    return [OfferFactory(competition=competition, centre=competition.centre, status=status) for _ in range(n)]


def test_the_official_page_queries_do_not_grow_with_offers(
    client_for, centre, competition, commission, official_user, django_assert_max_num_queries
):
    client = client_for(centre, official_user)
    url = reverse("grants:evaluation", args=[competition.pk])
    _more_offers(competition, 2)
    _more_offers(competition, 1, OfferStatus.SUBMITTED)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    _more_offers(competition, 8)
    _more_offers(competition, 4, OfferStatus.SUBMITTED)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url)
    assert page.status_code == 200 and "Zamknij ocenę merytoryczną" in page.content.decode()


def test_the_desk_queries_do_not_grow_with_offers(
    client_for, centre, competition, commission, evaluator, django_assert_max_num_queries
):
    member = CommissionMember.objects.get(user=evaluator)
    client = client_for(centre, evaluator)
    for offer in _more_offers(competition, 2):
        Declaration.objects.create(centre=centre, member=member, offer=offer, no_conflict=True)
    with django_assert_max_num_queries(20) as small:
        assert client.get(reverse("grants:evaluator_desk")).status_code == 200
    for offer in _more_offers(competition, 8):
        Declaration.objects.create(centre=centre, member=member, offer=offer, no_conflict=True)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("grants:evaluator_desk")).content.decode()
    assert page.count("Oceń") >= 10


@pytest.mark.parametrize("name", ["grants:evaluation", "grants:protocol_pdf"])
def test_only_officials_open_the_official_pages(
    client_for, centre, competition, commission, evaluator, org_admin, staff_user, name
):
    url = reverse(name, args=[competition.pk])
    assert client_for(centre).get(url).status_code == 302  # to the login page
    for user in (evaluator, org_admin, staff_user):
        assert client_for(centre, user).get(url).status_code in (403, 404)


def test_the_protocol_pdf_lists_members_and_ranking(
    client_for, centre, competition, commission, offers, official_user, tmp_path
):
    import subprocess

    response = client_for(centre, official_user).get(reverse("grants:protocol_pdf", args=[competition.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "p.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert (
        "Protokół z prac komisji konkursowej" in text
        and "Adam Oceniający" in text
        and "Kryteria oceny" in text
    )


def test_a_person_outside_the_commission_cannot_declare_or_score(
    client_for, centre, offers, commission, org_admin
):
    offer = offers[0]
    offer.status = OfferStatus.FORMALLY_ACCEPTED
    offer.save()
    for name in ("grants:declare", "grants:score"):
        assert client_for(centre, org_admin).get(reverse(name, args=[offer.pk])).status_code == 404


def test_the_evaluator_desk_lists_seats_and_the_menu_links_it(
    client_for, centre, competition, commission, evaluator
):
    page = client_for(centre, evaluator).get(reverse("grants:evaluator_desk")).content.decode()
    assert competition.title in page and reverse("grants:evaluator_desk") in page
