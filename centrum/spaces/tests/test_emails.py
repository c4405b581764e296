"""Loan decisions reach the organisation by e-mail (audited as every change); links use the centre's host."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.links import centre_url
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.spaces.choices import LoanStatus
from centrum.spaces.services import booking_request, loan_approve, loan_reject, loan_request

from .factories import next_open_day, slot

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def loan(centre, org_member, organisation, projector):
    start = warsaw_today() + timedelta(days=1)
    return loan_request(
        centre=centre,
        actor=org_member,
        organisation=organisation,
        purpose="Piknik sąsiedzki",
        starts_on=start,
        due_on=start + timedelta(days=2),
        items={projector: 1},
    )


def test_approval_mails_the_organisation_with_the_agreement_link(centre, loan, staff_user, org_member):
    loan_approve(loan=loan, actor=staff_user)
    mail = OutboxMessage.objects.get(event="loan_approved_to_organisation")
    assert mail.to == [org_member.email]
    assert loan.number in mail.subject
    assert "Rzutnik multimedialny × 1" in mail.body
    assert centre_url(centre, reverse("spaces:loan_agreement", args=[loan.pk])) in mail.body
    assert centre_url(centre, reverse("spaces:loan_detail", args=[loan.pk])) in mail.body
    assert AuditEntry.objects.filter(action="loan.approve", object_id=str(loan.pk)).count() == 1


def test_rejection_mails_the_reason(centre, loan, staff_user, org_member):
    loan_reject(loan=loan, actor=staff_user, reason="Rzutnik jest w naprawie.")
    mail = OutboxMessage.objects.get(event="loan_rejected_to_organisation")
    assert mail.to == [org_member.email]
    assert "Rzutnik jest w naprawie." in mail.body
    assert centre_url(centre, reverse("spaces:loan_detail", args=[loan.pk])) in mail.body
    entry = AuditEntry.objects.get(action="loan.reject", object_id=str(loan.pk))
    assert entry.reason == "Rzutnik jest w naprawie."


def test_rejection_without_a_reason_stores_and_mails_nothing(loan, staff_user):
    with pytest.raises(ApplicationError, match="powód"):
        loan_reject(loan=loan, actor=staff_user, reason="  ")
    loan.refresh_from_db()
    assert loan.status == LoanStatus.REQUESTED
    assert not OutboxMessage.objects.filter(event__startswith="loan_rejected").exists()
    assert not AuditEntry.objects.filter(action="loan.reject").exists()


def test_a_member_cannot_decide_and_nothing_is_mailed(loan, org_member):
    with pytest.raises(ApplicationError):
        loan_approve(loan=loan, actor=org_member)
    assert not OutboxMessage.objects.filter(event="loan_approved_to_organisation").exists()


def test_links_in_mails_follow_the_configured_scheme_and_port(
    settings, centre, room, organisation, org_member, staff_user
):
    settings.CENTRE_URL_SCHEME, settings.CENTRE_URL_PORT = "http", "8000"
    start, end = slot(next_open_day(), 17, 19)
    booking_request(
        room=room,
        actor=org_member,
        organisation=organisation,
        starts_at=start,
        ends_at=end,
        title="Warsztaty",
        purpose="Działalność statutowa",
        attendees=10,
    )
    mail = OutboxMessage.objects.get(event="request_received_to_staff")
    assert f"http://{centre.primary_host}:8000/sale/kolejka/" in mail.body
    assert "https://" not in mail.body


def test_staff_notices_go_to_the_shared_mailbox_or_else_to_active_staff(centre, other_centre, staff_user):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
    from centrum.spaces.services.notify import staff_recipients

    centre.email = "biuro@kalisz.example.org"
    assert staff_recipients(centre) == ["biuro@kalisz.example.org"]
    centre.email = ""
    gone = UserFactory(email="byly@example.org", is_active=False)
    CentreRoleFactory(centre=centre, user=gone, role=CentreRoleKind.STAFF)
    CentreRoleFactory(
        centre=other_centre, user=UserFactory(email="zory@example.org"), role=CentreRoleKind.STAFF
    )
    assert staff_recipients(centre) == [staff_user.email]
