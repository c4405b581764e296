"""The public list comes from the agreements in force; the directory finds organisations by the centre's
street; the API gives agreements and mail to the organisation's own members and staff; the page costs are
fixed; the staff card, the support history and the reach for the statistics."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.organisations.sections import support_deadlines, support_reach
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import AddressUse, AgreementStatus, MailStatus
from .factories import AgreementFactory, MailFactory, PersonFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/addresses"


def test_the_public_list_shows_organisations_with_an_agreement_in_force(anon, centre, other_centre):
    here = OrganisationFactory(centre=centre, name="Fundacja Pod Adresem Centrum")
    AgreementFactory(centre=centre, organisation=here)
    waiting = OrganisationFactory(centre=centre, name="Stowarzyszenie Czekające")
    AgreementFactory(centre=centre, organisation=waiting, status=AgreementStatus.REQUESTED)
    gone = OrganisationFactory(centre=centre, name="Klub Który Odszedł")
    AgreementFactory(centre=centre, organisation=gone, status=AgreementStatus.ENDED)
    elsewhere = OrganisationFactory(centre=other_centre, name="Z Innego Centrum")
    AgreementFactory(centre=other_centre, organisation=elsewhere)
    body = anon.get(reverse("addresses:home")).content.decode()
    assert "Fundacja Pod Adresem Centrum" in body
    for name in ("Stowarzyszenie Czekające", "Klub Który Odszedł", "Z Innego Centrum"):
        assert name not in body
    listed = anon.get(f"{API}/registered").json()
    assert [row["name"] for row in listed] == ["Fundacja Pod Adresem Centrum"]


def test_the_directory_finds_the_organisations_at_the_centres_street(anon, centre):
    here = OrganisationFactory(
        centre=centre, name="Fundacja Pod Adresem Centrum", street=centre.street, city="Kalisz"
    )
    OrganisationFactory(centre=centre, name="Fundacja Gdzie Indziej", street="ul. Polna 7", city="Kalisz")
    AgreementFactory(centre=centre, organisation=here)
    body = anon.get("/organizacje/", {"q": "Babina 1"}).content.decode()
    assert "Fundacja Pod Adresem Centrum" in body and "Fundacja Gdzie Indziej" not in body


def test_home_page_tags_the_address_service(anon, centre):
    centre.services = [
        {"title": "Adres rejestrowy", "description": "Dla nowych organizacji.", "kind": "address"}
    ]
    centre.save()
    body = anon.get("/").content.decode()
    assert reverse("addresses:home") in body


def test_the_founding_guide_links_the_service(anon, centre):
    centre.services = [
        {
            "title": "Adres rejestrowy",
            "description": "Adres dla nowo powstających organizacji.",
            "kind": "address",
        }
    ]
    centre.save()
    body = anon.get(reverse("organisations:guide_checklist", args=["stowarzyszenie"])).content.decode()
    assert f'href="{reverse("addresses:home")}"' in body


def test_api_gives_members_their_own_and_staff_everything(
    client_for, centre, organisation, org_member, staff_client, agreement
):
    other = OrganisationFactory(centre=centre, name="Inna")
    other_agreement = AgreementFactory(centre=centre, organisation=other)
    MailFactory(centre=centre, organisation=organisation, agreement=agreement, kind="court")
    MailFactory(centre=centre, organisation=other, agreement=other_agreement)
    member = client_for(centre, org_member)
    mine = member.get(f"{API}/agreements").json()
    assert [row["id"] for row in mine["results"]] == [agreement.pk]
    mail = member.get(f"{API}/mail").json()
    assert mail["count"] == 1 and mail["results"][0]["urgent"] is True
    assert member.get(f"{API}/agreements/{other_agreement.pk}").status_code == 404
    assert staff_client.get(f"{API}/agreements").json()["count"] == 2
    assert staff_client.get(f"{API}/mail", {"status": "waiting"}).json()["count"] == 2
    assert client_for(centre).get(f"{API}/mail").status_code == 401


def test_api_of_another_centre_is_404(client_for, other_centre, centre, staff_client):
    org = OrganisationFactory(centre=other_centre)
    foreign = AgreementFactory(centre=other_centre, organisation=org)
    assert staff_client.get(f"{API}/agreements/{foreign.pk}").status_code == 404
    mail = MailFactory(centre=other_centre, organisation=org, agreement=foreign)
    assert staff_client.get(f"{API}/mail/{mail.pk}").status_code == 404


def _many(centre, n):
    for i in range(n):
        org = OrganisationFactory(centre=centre, name=f"Organizacja {i:02d}", nip="")
        agreement = AgreementFactory(centre=centre, organisation=org, use=AddressUse.CORRESPONDENCE)
        MailFactory(centre=centre, organisation=org, agreement=agreement)
        PersonFactory(centre=centre, organisation=org)


@pytest.mark.parametrize(
    "url",
    [
        reverse("addresses:home"),
        reverse("addresses:agreement_register"),
        reverse("addresses:mail_log"),
        reverse("addresses:mail_new"),
        reverse("addresses:my_agreements"),
        "/panel/",
    ],
)
def test_page_costs_do_not_grow_with_rows(staff_client, centre, url, django_assert_max_num_queries):
    _many(centre, 2)
    staff_client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert staff_client.get(url).status_code == 200
    _many(centre, 12)
    with django_assert_max_num_queries(len(small)):
        staff_client.get(url)


def test_detail_pages_have_fixed_costs(
    client_for,
    centre,
    organisation,
    org_admin,
    agreement,
    mail,
    person,
    staff_client,
    django_assert_max_num_queries,
):
    pages = [
        (staff_client, agreement.get_absolute_url(), 30),
        (staff_client, mail.get_absolute_url(), 30),
        (client_for(centre, org_admin), reverse("addresses:organisation_mail", args=[organisation.pk]), 25),
    ]
    for client, url, limit in pages:
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200


def test_staff_card_counts_requests_expiring_and_mail(staff_client, centre, organisation, agreement):
    AgreementFactory(
        centre=centre, organisation=OrganisationFactory(centre=centre), status=AgreementStatus.REQUESTED
    )
    AgreementFactory(
        centre=centre, organisation=OrganisationFactory(centre=centre), status=AgreementStatus.EXPIRING
    )
    MailFactory(
        centre=centre,
        organisation=organisation,
        agreement=agreement,
        received_on=warsaw_today() - timedelta(days=20),
    )
    body = staff_client.get("/panel/").content.decode()
    assert "Wnioski do rozpatrzenia: 1." in body and "Porozumienia, które się kończą: 1." in body
    assert "Czeka na odbiór: 1." in body and "Długo nieodebrane: 1" in body


@pytest.mark.dates
def test_reach_and_deadlines_for_the_statistics_and_the_caretaker(centre, organisation, agreement, org_admin):
    today = warsaw_today()
    AgreementFactory(
        centre=centre,
        organisation=OrganisationFactory(centre=centre),
        status=AgreementStatus.REQUESTED,
        decided_at=None,
    )
    reach = support_reach(centre=centre, start=today - timedelta(days=10), end=today)
    source = next(s for s in reach["sources"] if s["key"] == "addresses.agreements")
    assert source == {
        "key": "addresses.agreements",
        "label": source["label"],
        "people": 1,
        "organisations": 1,
    }
    old_period = support_reach(centre=centre, start=date(2000, 1, 1), end=date(2000, 12, 31))
    assert next(s for s in old_period["sources"] if s["key"] == "addresses.agreements")["organisations"] == 0
    MailFactory(
        centre=centre, organisation=organisation, agreement=agreement, received_on=today - timedelta(days=20)
    )
    found = support_deadlines(
        centre=centre,
        organisation_ids=[organisation.pk],
        start=today,
        end=agreement.ends_on + timedelta(days=1),
    )
    labels = [d.label for d in found]
    assert any("Koniec porozumienia" in label for label in labels)
    assert any("Nieodebrana przesyłka" in label for label in labels)


def test_support_history_on_the_organisation_page(staff_client, organisation, agreement, mail):
    body = staff_client.get(reverse("organisations:detail", args=[organisation.pk])).content.decode()
    assert "Adres centrum – porozumienia i poczta" in body and "Przesyłki czekające na odbiór: 1." in body
    assert mail.status == MailStatus.WAITING
