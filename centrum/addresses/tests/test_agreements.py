"""Agreements: a founding group's request, the staff's decision, the documents, passing the agreement to the
registered organisation; bad input refused clearly with nothing stored."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.accounts.tests.factories import UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting, OutboxMessage
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import AddressUse, AgreementStatus
from ..documents import agreement_pdf
from ..models import AddressAgreement
from ..services import agreement_approve, agreement_request, agreement_transfer
from .factories import AgreementFactory

pytestmark = pytest.mark.django_db

REQUEST = reverse("addresses:agreement_request")


def _form(**extra):
    today = warsaw_today()
    return {
        "use": AddressUse.SEAT,
        "organisation": "",
        "founding_name": "Stowarzyszenie Przyjaciół Babiny",
        "founding_legal_form": "stowarzyszenie",
        "founders": "Anna Nowak\nJan Kowalski\nEwa Zielińska",
        "contact_name": "Anna Nowak",
        "contact_email": "anna@example.org",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=365)).isoformat(),
        "rules_version": "1/2026",
        "accept_rules": "on",
        **extra,
    }


def _pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def founder(db):
    return UserFactory(email="anna@example.org", full_name="Anna Nowak")


def test_founders_request_without_a_registry_entry_and_staff_are_told(client_for, centre, founder):
    response = client_for(centre, founder).post(REQUEST, _form())
    agreement = AddressAgreement.objects.get()
    assert response.status_code == 302 and response["Location"] == agreement.get_absolute_url()
    assert agreement.organisation is None and agreement.founding_name == "Stowarzyszenie Przyjaciół Babiny"
    assert agreement.status == AgreementStatus.REQUESTED and agreement.rules_version == "1/2026"
    assert AuditEntry.objects.filter(
        action="address_agreement.requested", object_id=str(agreement.pk)
    ).exists()
    assert OutboxMessage.objects.filter(event="requested_to_staff").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2026-01-01"}, "Data końca nie może być wcześniejsza"),
        ({"ends_on": (warsaw_today() + timedelta(days=3 * 365)).isoformat()}, "najwyżej na 24 mies."),
        ({"founding_name": ""}, "Podaj nazwę zakładanej organizacji"),
        ({"rules_version": "0/2020"}, "Regulamin zmienił się"),
        ({"accept_rules": ""}, "To pole jest wymagane"),
        (
            {"starts_on": (warsaw_today() - timedelta(days=2)).isoformat()},
            "nie może zaczynać się w przeszłości",
        ),
    ],
)
def test_bad_requests_are_refused_clearly_and_nothing_is_stored(
    client_for, centre, founder, changes, message
):
    response = client_for(centre, founder).post(REQUEST, _form(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AddressAgreement.objects.exists() and not AuditEntry.objects.exists()


def test_over_the_centres_limit_is_refused(client_for, centre, founder, organisation):
    CentreSetting.objects.create(centre=centre, key="addresses.max_organisations", value=1)
    AgreementFactory(centre=centre, organisation=organisation)
    response = client_for(centre, founder).post(REQUEST, _form())
    assert response.status_code == 400 and "limit w tym okresie jest wyczerpany" in response.content.decode()
    assert AddressAgreement.objects.count() == 1


def test_only_an_admin_asks_for_an_organisation(centre, organisation, org_member, org_admin):
    kwargs = {
        "centre": centre,
        "use": AddressUse.CORRESPONDENCE,
        "organisation": organisation,
        "starts_on": warsaw_today(),
        "ends_on": warsaw_today() + timedelta(days=30),
        "accepted_rules_version": "1/2026",
        "contact_name": "Ktoś",
        "contact_email": "k@example.org",
    }
    with pytest.raises(ApplicationError, match="administrator"):
        agreement_request(actor=org_member, **kwargs)
    agreement_request(actor=org_admin, **kwargs)
    with pytest.raises(ApplicationError, match="ma już wniosek"):
        agreement_request(actor=org_admin, **kwargs)
    assert AddressAgreement.objects.count() == 1


def test_request_page_needs_login_and_offers_the_rules(anon, client_for, centre, founder):
    assert anon.get(REQUEST).status_code == 302
    body = client_for(centre, founder).get(REQUEST).content.decode()
    assert "Regulamin udostępniania adresu (wersja 1/2026)" in body


def _requested(centre, founder, **extra):
    return agreement_request(
        centre=centre,
        actor=founder,
        use=AddressUse.SEAT,
        founding_name="Stowarzyszenie Przyjaciół Babiny",
        founding_legal_form="stowarzyszenie",
        founders="Anna Nowak\nJan Kowalski",
        contact_name="Anna Nowak",
        contact_email="anna@example.org",
        starts_on=warsaw_today(),
        ends_on=warsaw_today() + timedelta(days=365),
        accepted_rules_version="1/2026",
        **extra,
    )


def test_staff_approve_on_the_page_and_the_founders_are_told(staff_client, centre, founder):
    agreement = _requested(centre, founder)
    url = reverse("addresses:agreement_action", args=[agreement.pk, "approve"])
    end = warsaw_today() + timedelta(days=200)
    response = staff_client.post(
        url, {"state": "requested", "starts_on": warsaw_today().isoformat(), "ends_on": end.isoformat()}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE and agreement.ends_on == end
    assert agreement.number == f"AD/{warsaw_today().year}/0001"
    mail = OutboxMessage.objects.get(event="approved_to_party")
    assert mail.to == ["anna@example.org"] and "Zgodę na wskazanie adresu siedziby" in mail.body


def test_approval_with_an_end_before_the_start_or_over_the_limit_changes_nothing(
    centre, founder, staff_user, organisation
):
    agreement = _requested(centre, founder)
    with pytest.raises(ApplicationError, match="Data końca"):
        agreement_approve(
            agreement=agreement,
            actor=staff_user,
            starts_on=warsaw_today(),
            ends_on=warsaw_today() - timedelta(days=1),
        )
    CentreSetting.objects.create(centre=centre, key="addresses.max_organisations", value=1)
    AgreementFactory(centre=centre, organisation=organisation)
    agreement = AddressAgreement.objects.get(pk=agreement.pk)
    with pytest.raises(ApplicationError, match="limit"):
        agreement_approve(
            agreement=agreement, actor=staff_user, starts_on=agreement.starts_on, ends_on=agreement.ends_on
        )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.REQUESTED and agreement.number == ""
    assert not AuditEntry.objects.filter(action="address_agreement.approved").exists()


def test_rejection_needs_a_reason(staff_client, centre, founder):
    agreement = _requested(centre, founder)
    url = reverse("addresses:agreement_action", args=[agreement.pk, "reject"])
    staff_client.post(url, {"state": "requested", "reason": ""})
    assert AddressAgreement.objects.get().status == AgreementStatus.REQUESTED
    staff_client.post(url, {"state": "requested", "reason": "Brak miejsca."})
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.REJECTED and agreement.status_reason == "Brak miejsca."


def test_termination_with_a_reason_tells_the_organisation(client_for, centre, agreement, org_admin):
    url = reverse("addresses:agreement_action", args=[agreement.pk, "terminate"])
    client_for(centre, org_admin).post(url, {"state": "active", "reason": "Przenosimy siedzibę."})
    agreement.refresh_from_db()
    assert (
        agreement.status == AgreementStatus.TERMINATED and agreement.status_reason == "Przenosimy siedzibę."
    )
    assert OutboxMessage.objects.filter(event="terminated_to_party").exists()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_seat_consent_and_agreement_are_polish_pdfs_the_founders_download(
    client_for, centre, founder, staff_user, tmp_path
):
    agreement = agreement_approve(
        agreement=_requested(centre, founder),
        actor=staff_user,
        starts_on=warsaw_today(),
        ends_on=warsaw_today() + timedelta(days=300),
    )
    client = client_for(centre, founder)
    response = client.get(reverse("addresses:seat_consent_pdf", args=[agreement.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    for phrase in (
        "Zgoda na wskazanie adresu siedziby",
        "KRS-W20",
        "Stowarzyszenie Przyjaciół Babiny",
        centre.street,
    ):
        assert phrase in text
    text = _pdf_text(agreement_pdf(agreement), tmp_path)
    assert "Porozumienie nr" in text and "wersji 1/2026" in text and "Anna Nowak" in text


def test_no_documents_before_approval(client_for, centre, founder):
    agreement = _requested(centre, founder)
    client = client_for(centre, founder)
    assert client.get(reverse("addresses:seat_consent_pdf", args=[agreement.pk])).status_code == 404
    assert client.get(reverse("addresses:agreement_pdf", args=[agreement.pk])).status_code == 404


def test_the_agreement_passes_to_the_registered_organisation(client_for, centre, founder, staff_user):
    agreement = agreement_approve(
        agreement=_requested(centre, founder),
        actor=staff_user,
        starts_on=warsaw_today(),
        ends_on=warsaw_today() + timedelta(days=300),
    )
    registered = OrganisationFactory(
        centre=centre,
        name="Stowarzyszenie Przyjaciół Babiny",
        status=OrganisationStatus.PENDING,
        submitted_by=founder,
    )
    someone_elses = OrganisationFactory(centre=centre, name="Cudza Fundacja")
    client = client_for(centre, founder)
    url = reverse("addresses:agreement_transfer", args=[agreement.pk])
    page = client.get(url).content.decode()
    assert registered.name in page and someone_elses.name not in page
    assert client.post(url, {"organisation": someone_elses.pk}).status_code == 400
    response = client.post(url, {"organisation": registered.pk})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.organisation == registered and agreement.transferred_at is not None
    entry = AuditEntry.objects.get(action="address_agreement.transferred")
    assert entry.actor == founder and entry.new_state["organisation_id"] == registered.pk
    with pytest.raises(ApplicationError):  # nothing left to pass on
        agreement_transfer(agreement=agreement, organisation=registered, actor=staff_user)


def test_a_stranger_may_not_transfer(client_for, centre, founder):
    agreement = _requested(centre, founder)
    stranger = UserFactory(email="obcy@example.org")
    assert (
        client_for(centre, stranger)
        .get(reverse("addresses:agreement_transfer", args=[agreement.pk]))
        .status_code
        == 404
    )


def test_pages_of_another_centres_agreement_are_404(staff_client, other_centre):
    other = AgreementFactory(centre=other_centre, organisation=OrganisationFactory(centre=other_centre))
    for name in ("agreement_detail", "agreement_pdf", "agreement_transfer"):
        assert staff_client.get(reverse(f"addresses:{name}", args=[other.pk])).status_code == 404
    url = reverse("addresses:agreement_action", args=[other.pk, "terminate"])
    assert staff_client.post(url, {"reason": "x"}).status_code == 404


def test_register_is_for_staff_only(anon, client_for, centre, org_admin, staff_client, agreement):
    url = reverse("addresses:agreement_register")
    assert anon.get(url).status_code == 302
    assert client_for(centre, org_admin).get(url).status_code == 403
    body = staff_client.get(url + "?status=active").content.decode()
    assert agreement.organisation.name in body


def test_the_party_sees_its_agreement_and_a_stranger_does_not(
    client_for, centre, agreement, org_admin, org_member
):
    url = agreement.get_absolute_url()
    assert client_for(centre, org_admin).get(url).status_code == 200
    assert client_for(centre, org_member).get(url).status_code == 200
    assert client_for(centre, UserFactory(email="x@example.org")).get(url).status_code == 404
    assert (
        agreement.organisation.name
        in client_for(centre, org_admin).get(reverse("addresses:my_agreements")).content.decode()
    )


def test_the_farthest_dates_are_refused_not_a_crash(centre, founder, staff_user):
    from datetime import date

    agreement = _requested(centre, founder)
    with pytest.raises(ApplicationError):
        agreement_approve(agreement=agreement, actor=staff_user, starts_on=date.max, ends_on=date(2026, 1, 1))
    assert AddressAgreement.objects.get().status == AgreementStatus.REQUESTED
