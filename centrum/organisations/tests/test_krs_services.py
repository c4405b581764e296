from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry
from centrum.organisations.choices import KrsRegisterStatus, LegalForm, OrganisationStatus
from centrum.organisations.models import KrsExtract
from centrum.organisations.services.krs import organisation_refresh_from_krs
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.organisations.tests.fixtures import krs_server
from centrum.organisations.tests.fixtures.krs_server import recorded_payload

fake_krs = krs_server.fake_krs
krs_unreachable = krs_server.krs_unreachable


@pytest.fixture
def biegomania(centre):
    return OrganisationFactory(
        centre=centre,
        name="Biegomania Lubaczów",
        legal_form=LegalForm.OTHER,
        krs="0000466506",
        nip="",
        regon="",
        street="",
        postal_code="",
        city="Lubaczów",
        email="biegi@example.org",
    )


def test_refresh_copies_register_data_and_is_audited(fake_krs, biegomania, staff_user):
    refresh = organisation_refresh_from_krs(organisation=biegomania, actor=staff_user)
    org = refresh.organisation
    org.refresh_from_db()
    # Names and places differing only in capitals are kept as the centre wrote them.
    assert org.name == "Biegomania Lubaczów" and org.city == "Lubaczów"
    assert (org.nip, org.regon, org.legal_form) == ("7931625160", "181006752", LegalForm.ASSOCIATION)
    assert (org.street, org.postal_code, org.registered_on) == ("RYNEK 2/3", "37-600", date(2013, 6, 21))
    assert org.email == "biegi@example.org" and org.krs_checked_at is not None
    assert refresh.changed_fields == ["legal_form", "nip", "postal_code", "registered_on", "regon", "street"]
    updated = AuditEntry.objects.get(action="organisation.updated", object_id=str(org.pk))
    assert updated.new_state["nip"] == "7931625160" and "29 stycznia 2025" in updated.reason
    checked = AuditEntry.objects.get(action="organisation.krs_refreshed", object_id=str(org.pk))
    assert checked.actor == staff_user and checked.new_state["krs_register_status"] == ""


def test_nothing_to_change_still_records_the_check(fake_krs, biegomania, staff_user):
    organisation_refresh_from_krs(organisation=biegomania, actor=staff_user)
    refresh = organisation_refresh_from_krs(organisation=biegomania, actor=staff_user)
    assert refresh.changed_fields == [] and refresh.lookup.from_cache
    assert AuditEntry.objects.filter(action="organisation.krs_refreshed").count() == 2
    assert AuditEntry.objects.filter(action="organisation.updated").count() == 1


def test_specific_legal_form_is_kept(fake_krs, centre, staff_user):
    osp = OrganisationFactory(
        centre=centre, krs="0000466506", nip="", legal_form=LegalForm.VOLUNTEER_FIRE_BRIGADE
    )
    organisation_refresh_from_krs(organisation=osp, actor=staff_user)
    osp.refresh_from_db()
    assert osp.legal_form == LegalForm.VOLUNTEER_FIRE_BRIGADE


def test_refusals(fake_krs, centre, biegomania, plain_user, staff_user):
    with pytest.raises(ApplicationError, match="pracownik"):
        organisation_refresh_from_krs(organisation=biegomania, actor=plain_user)
    no_krs = OrganisationFactory(centre=centre, krs="", nip="")
    with pytest.raises(ApplicationError, match="nie ma numeru KRS"):
        organisation_refresh_from_krs(organisation=no_krs, actor=staff_user)
    unknown = OrganisationFactory(centre=centre, krs="0000999999", nip="")
    with pytest.raises(ApplicationError, match="nie ma podmiotu"):
        organisation_refresh_from_krs(organisation=unknown, actor=staff_user)
    # A NIP from KRS that another organisation of the centre already has is refused, nothing changes.
    OrganisationFactory(centre=centre, nip="7931625160", krs="0000000001")
    with pytest.raises(ApplicationError, match="NIP"):
        organisation_refresh_from_krs(organisation=biegomania, actor=staff_user)
    biegomania.refresh_from_db()
    assert biegomania.nip == "" and biegomania.krs_checked_at is None
    assert not AuditEntry.objects.filter(action="organisation.krs_refreshed").exists()


def test_view_refreshes_and_reports_liquidation(fake_krs, centre, staff_client):
    org = OrganisationFactory(centre=centre, krs="0000696141", nip="")
    url = reverse("organisations:organisation_krs_refresh", args=[org.pk])
    response = staff_client.post(url, {"next": "/organizacje/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/organizacje/"
    text = response.content.decode()
    assert "Zaktualizowano dane z KRS (stan na 13 lutego 2025)" in text
    assert "Według KRS organizacja jest w likwidacji" in text
    org.refresh_from_db()
    assert org.nip == "8181722007" and org.krs_register_status == KrsRegisterStatus.LIQUIDATION


@pytest.mark.dates
def test_view_with_register_down_uses_stale_copy_or_says_so(krs_unreachable, centre, staff_client):
    org = OrganisationFactory(centre=centre, krs="0000466506", nip="")
    url = reverse("organisations:organisation_krs_refresh", args=[org.pk])
    text = staff_client.post(url, follow=True).content.decode()
    assert "Rejestr KRS nie odpowiada" in text
    org.refresh_from_db()
    assert org.nip == "" and org.krs_checked_at is None
    KrsExtract.objects.create(
        krs="0000466506",
        register="S",
        payload=recorded_payload("0000466506"),
        fetched_at=timezone.now() - timedelta(days=5),
    )
    text = staff_client.post(url, {"next": "https://evil.example.com/"}, follow=True).content.decode()
    assert "użyto zapisanej wcześniej kopii" in text
    org.refresh_from_db()
    assert org.nip == "7931625160"


def test_view_permissions(anon, client_for, centre, other_centre, official_user, staff_client):
    org = OrganisationFactory(centre=centre, krs="0000466506", nip="")
    url = reverse("organisations:organisation_krs_refresh", args=[org.pk])
    response = anon.post(url)
    assert response.status_code == 302 and "/konto/" in response.url
    assert client_for(centre, official_user).post(url).status_code == 403
    assert client_for(centre, official_user).get(url).status_code == 403
    assert staff_client.put(url).status_code == 405
    foreign = OrganisationFactory(centre=other_centre, krs="0000466506", nip="")
    url = reverse("organisations:organisation_krs_refresh", args=[foreign.pk])
    assert staff_client.post(url).status_code == 404


def test_staff_page_has_the_button_and_the_diff_page_changes_nothing(
    fake_krs, centre, staff_client, biegomania
):
    detail = staff_client.get(reverse("organisations:detail", args=[biegomania.pk])).content.decode()
    url = reverse("organisations:organisation_krs_refresh", args=[biegomania.pk])
    assert f'href="{url}"' in detail and "Odśwież z KRS" in detail
    response = staff_client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    # Field label, the centre's value, the register's value, as people read them.
    assert '<th scope="row">NIP</th><td>—</td><td>7931625160</td>' in body
    assert '<th scope="row">Data rejestracji</th><td>—</td><td>21 czerwca 2013</td>' in body
    assert '<th scope="row">Forma prawna</th><td>inna</td><td>stowarzyszenie rejestrowe</td>' in body
    assert "29 stycznia 2025" in body and "Zastosuj zmiany z KRS" in body
    biegomania.refresh_from_db()
    assert biegomania.nip == "" and biegomania.krs_checked_at is None
    assert not AuditEntry.objects.filter(object_id=str(biegomania.pk)).exists()
    # Confirming applies it and is audited; the history names the changed fields by their labels.
    response = staff_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("organisations:detail", args=[biegomania.pk])
    biegomania.refresh_from_db()
    assert biegomania.nip == "7931625160"
    assert AuditEntry.objects.filter(action="organisation.krs_refreshed").count() == 1
    body = response.content.decode()
    assert "Zmienione pola</strong>: Forma prawna, NIP, Kod pocztowy" in body
    # Nothing left to change: the page says so.
    body = staff_client.get(url).content.decode()
    assert "Dane organizacji zgadzają się z KRS." in body and "Zapisz sprawdzenie w KRS" in body


def test_diff_page_in_english(fake_krs, centre, staff_client, biegomania):
    url = reverse("organisations:organisation_krs_refresh", args=[biegomania.pk])
    body = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "21 June 2013" in body and "29 January 2025" in body


@pytest.mark.dates
def test_diff_page_with_register_down_says_so_and_changes_nothing(krs_unreachable, centre, staff_client):
    org = OrganisationFactory(centre=centre, krs="0000466506", nip="")
    url = reverse("organisations:organisation_krs_refresh", args=[org.pk])
    response = staff_client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Rejestr KRS nie odpowiada" in body and "Dane organizacji się nie zmieniły." in body
    assert "Zastosuj zmiany" not in body
    org.refresh_from_db()
    assert org.nip == "" and org.krs_checked_at is None
    assert not AuditEntry.objects.exists()


def test_liquidation_flag_is_stored_and_reaches_staff(fake_krs, centre, client_for, staff_client, anon):
    org = OrganisationFactory(centre=centre, krs="0000242593", nip="", status=OrganisationStatus.PENDING)
    assert org.krs_register_status == ""
    staff_client.post(reverse("organisations:organisation_krs_refresh", args=[org.pk]))
    org.refresh_from_db()
    assert org.krs_register_status == KrsRegisterStatus.LIQUIDATION
    queue = staff_client.get(reverse("organisations:verification_queue")).content.decode()
    assert "Według KRS organizacja jest w likwidacji." in queue
    page = staff_client.get(reverse("organisations:detail", args=[org.pk])).content.decode()
    assert "Według KRS organizacja jest w likwidacji." in page
    # Once public, visitors see a discreet badge.
    OrganisationFactory._meta.model.objects.filter(pk=org.pk).update(status=OrganisationStatus.ACTIVE)
    public = anon.get(reverse("organisations:detail", args=[org.pk])).content.decode()
    assert "Według KRS: w likwidacji" in public and "Rozważ zmianę" not in public


def test_liquidation_read_at_registration_is_flagged(fake_krs, centre, client_for, plain_user, staff_client):
    from centrum.organisations.tests.views_support import VALID_REGISTRATION

    person = client_for(centre, plain_user)
    # The person fetches the extract while registering, then sends the form.
    person.post("/organizacje/zglos/", {**VALID_REGISTRATION, "krs": "0000242593", "krs_prefill": "1"})
    data = {**VALID_REGISTRATION, "krs": "0000242593", "nip": "", "regon": ""}
    assert person.post("/organizacje/zglos/", data).status_code == 302
    org = OrganisationFactory._meta.model.objects.get(krs="0000242593")
    assert org.krs_register_status == KrsRegisterStatus.LIQUIDATION
    queue = staff_client.get(reverse("organisations:verification_queue")).content.decode()
    assert "Według KRS organizacja jest w likwidacji." in queue


def test_removal_from_the_register_is_read():
    from centrum.organisations.integrations.krs import parse_extract

    payload = recorded_payload("0000466506")
    payload["odpis"]["naglowekA"]["dataWykresleniaZRejestruStowarzyszen"] = "01.02.2025"
    result = parse_extract(payload)
    assert result.register_status == KrsRegisterStatus.REMOVED and result.is_liquidated
    assert parse_extract(recorded_payload("0000673918")).register_status == KrsRegisterStatus.LIQUIDATION
    assert parse_extract(recorded_payload("0000466506")).register_status == ""
