"""The mail log: recorded only for an organisation with an agreement in force, the organisation told at once
(court and tax-office letters urgent), pickup only by an authorised person with a valid power of attorney,
uncollected mail reminded; the organisation sees its mail and manages its authorised persons."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centrum.accounts.tests.factories import UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import AgreementStatus, MailKind, MailStatus
from ..models import AuthorisedPerson, MailItem
from ..services import mail_hand_over, mail_record, mail_remind_uncollected
from .factories import AgreementFactory, MailFactory, PersonFactory

pytestmark = pytest.mark.django_db

NEW = reverse("addresses:mail_new")


def _form(organisation, **extra):
    return {
        "organisation": organisation.pk,
        "received_on": warsaw_today().isoformat(),
        "sender": "Sąd Rejonowy w Kaliszu, V Wydział Gospodarczy KRS",
        "kind": MailKind.COURT,
        "reference": "KA.V NS-REJ.KRS/1234/26/123",
        "notes": "",
        **extra,
    }


def test_staff_record_a_court_letter_and_the_organisation_is_told_urgently(
    staff_client, agreement, organisation
):
    organisation.email = "biuro@inicjatywy.example.org"
    organisation.save()
    response = staff_client.post(NEW, _form(organisation))
    mail = MailItem.objects.get()
    assert response.status_code == 302 and response["Location"] == mail.get_absolute_url()
    assert mail.agreement == agreement and mail.urgent and mail.status == MailStatus.WAITING
    message = OutboxMessage.objects.get(event="mail_to_organisation")
    assert message.subject.startswith("[") and "PILNE" in message.subject
    assert set(message.to) == {"biuro@inicjatywy.example.org", "prezes@example.org"}
    assert "KA.V NS-REJ.KRS/1234/26/123" in message.body
    assert AuditEntry.objects.filter(action="address_mail.recorded").exists()


def test_an_ordinary_letter_is_not_urgent(staff_client, agreement, organisation):
    staff_client.post(NEW, _form(organisation, kind=MailKind.LETTER))
    assert "PILNE" not in OutboxMessage.objects.get(event="mail_to_organisation").subject


@pytest.mark.parametrize(
    "state", [AgreementStatus.REQUESTED, AgreementStatus.ENDED, AgreementStatus.TERMINATED]
)
def test_no_mail_for_an_organisation_without_an_agreement_in_force(
    staff_client, staff_user, centre, organisation, state
):
    AgreementFactory(centre=centre, organisation=organisation, status=state)
    response = staff_client.post(NEW, _form(organisation))
    assert response.status_code == 400
    assert "nie ma obowiązującego porozumienia" in response.content.decode()
    with pytest.raises(ApplicationError, match="nie ma obowiązującego porozumienia"):
        mail_record(
            centre=centre,
            actor=staff_user,
            organisation=organisation,
            received_on=warsaw_today(),
            sender="X",
            kind="letter",
        )
    assert (
        not MailItem.objects.exists()
        and not OutboxMessage.objects.filter(event="mail_to_organisation").exists()
    )


def test_mail_in_the_future_is_refused(staff_client, agreement, organisation):
    response = staff_client.post(
        NEW, _form(organisation, received_on=(warsaw_today() + timedelta(days=1)).isoformat())
    )
    assert response.status_code == 400 and not MailItem.objects.exists()


def test_a_pdf_scan_is_kept_and_a_fake_one_refused(
    staff_client, agreement, organisation, client_for, centre, org_member
):
    fake = SimpleUploadedFile("skan.pdf", b"MZ not a pdf at all", content_type="application/pdf")
    response = staff_client.post(NEW, {**_form(organisation), "scan": fake})
    assert response.status_code == 400 and "PDF, JPEG albo PNG" in response.content.decode()
    assert not MailItem.objects.exists()
    scan = SimpleUploadedFile("koperta.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    staff_client.post(NEW, {**_form(organisation), "scan": scan})
    mail = MailItem.objects.get()
    response = client_for(centre, org_member).get(reverse("addresses:mail_scan", args=[mail.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    stranger = client_for(centre, UserFactory(email="obcy@example.org"))
    assert stranger.get(reverse("addresses:mail_scan", args=[mail.pk])).status_code == 404


def _collect(client, mail, person):
    return client.post(
        reverse("addresses:mail_action", args=[mail.pk, "collect"]),
        {"state": "waiting", "person": person.pk if person else ""},
    )


def test_pickup_by_an_authorised_person_is_recorded_by_staff(staff_client, staff_user, mail, person):
    assert _collect(staff_client, mail, person).status_code == 302
    mail.refresh_from_db()
    assert mail.status == MailStatus.COLLECTED and mail.collected_by == person
    assert mail.handed_over_by == staff_user and mail.collected_at is not None
    assert AuditEntry.objects.filter(action="address_mail.collected", object_id=str(mail.pk)).exists()


def test_pickup_with_an_expired_power_of_attorney_is_refused(
    staff_client, centre, organisation, mail, staff_user
):
    expired = PersonFactory(
        centre=centre,
        organisation=organisation,
        full_name="Halina Wygasła",
        valid_from=warsaw_today() - timedelta(days=400),
        valid_until=warsaw_today() - timedelta(days=1),
    )
    response = _collect(staff_client, mail, expired)
    assert response.status_code == 302
    follow = staff_client.get(response["Location"]).content.decode()
    assert "nie jest dziś ważne" in follow
    with pytest.raises(ApplicationError, match="nie jest dziś ważne"):
        mail_hand_over(mail=mail, person=expired, actor=staff_user)
    mail.refresh_from_db()
    assert mail.status == MailStatus.WAITING and mail.collected_by is None
    assert not AuditEntry.objects.filter(action="address_mail.collected").exists()


def test_pickup_by_someone_not_authorised_is_refused(staff_client, centre, mail, staff_user):
    other = PersonFactory(
        centre=centre, organisation=OrganisationFactory(centre=centre), full_name="Obcy Pełnomocnik"
    )
    _collect(staff_client, mail, other)
    removed = PersonFactory(centre=centre, organisation=mail.organisation, is_active=False)
    for person in (other, removed, None):
        with pytest.raises(ApplicationError):
            mail_hand_over(mail=MailItem.objects.get(pk=mail.pk), person=person, actor=staff_user)
    mail.refresh_from_db()
    assert mail.status == MailStatus.WAITING and mail.collected_by is None


def test_only_staff_record_the_pickup(client_for, centre, mail, person, org_admin):
    assert _collect(client_for(centre, org_admin), mail, person).status_code == 403
    assert MailItem.objects.get().status == MailStatus.WAITING


def test_return_to_sender_needs_a_reason(staff_client, mail):
    url = reverse("addresses:mail_action", args=[mail.pk, "return_to_sender"])
    staff_client.post(url, {"state": "waiting", "reason": ""})
    assert MailItem.objects.get().status == MailStatus.WAITING
    staff_client.post(url, {"state": "waiting", "reason": "Nieodebrana przez 30 dni."})
    assert MailItem.objects.get().status == MailStatus.RETURNED


@pytest.mark.dates
def test_uncollected_mail_is_reminded_once_after_the_set_days(centre, organisation, agreement):
    old = MailFactory(
        centre=centre,
        organisation=organisation,
        agreement=agreement,
        received_on=warsaw_today() - timedelta(days=15),
    )
    MailFactory(
        centre=centre,
        organisation=organisation,
        agreement=agreement,
        received_on=warsaw_today() - timedelta(days=3),
    )
    assert mail_remind_uncollected(centre=centre) == 1
    message = OutboxMessage.objects.get(event="uncollected_to_organisation")
    assert old.sender in message.body and "prezes@example.org" in message.to
    assert mail_remind_uncollected(centre=centre) == 0


def test_the_organisation_sees_its_mail_and_manages_authorised_persons(
    client_for, centre, organisation, org_admin, org_member, mail
):
    page = reverse("addresses:organisation_mail", args=[organisation.pk])
    assert mail.sender in client_for(centre, org_member).get(page).content.decode()
    new = reverse("addresses:authorised_person_new", args=[organisation.pk])
    assert client_for(centre, org_member).get(new).status_code == 403
    admin = client_for(centre, org_admin)
    bad = admin.post(
        new, {"full_name": "Jan Kowalski", "valid_from": "2026-06-10", "valid_until": "2026-06-01"}
    )
    assert bad.status_code == 400 and not AuthorisedPerson.objects.exists()
    ok = admin.post(
        new, {"full_name": "Jan Kowalski", "valid_from": "2026-06-10", "valid_until": "2027-06-10"}
    )
    assert ok.status_code == 302
    person = AuthorisedPerson.objects.get()
    admin.post(reverse("addresses:authorised_person_remove", args=[organisation.pk, person.pk]))
    assert not AuthorisedPerson.objects.get().is_active
    assert AuditEntry.objects.filter(action__startswith="address_person.").count() == 2


def test_mail_pages_of_another_centre_are_404_and_staff_only_pages_403(
    client_for, staff_client, other_centre, centre, org_admin
):
    org = OrganisationFactory(centre=other_centre)
    other = MailFactory(
        centre=other_centre,
        organisation=org,
        agreement=AgreementFactory(centre=other_centre, organisation=org),
    )
    assert staff_client.get(reverse("addresses:mail_detail", args=[other.pk])).status_code == 404
    assert staff_client.get(reverse("addresses:organisation_mail", args=[org.pk])).status_code == 404
    assert staff_client.post(reverse("addresses:mail_action", args=[other.pk, "collect"])).status_code == 404
    for name in ("mail_log", "mail_new"):
        assert client_for(centre, org_admin).get(reverse(f"addresses:{name}")).status_code == 403
