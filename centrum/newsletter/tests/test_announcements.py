"""Announcements to organisations: selection, the empty selection refused, one mail per address, batches
through the outbox, the record of who got what, a second send refused, scheduling."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.outbox import outbox_send_all_due
from centrum.organisations.choices import LegalForm
from centrum.organisations.models import District

from ..choices import AnnouncementStatus
from ..models import Announcement, AnnouncementRecipient
from ..selectors import announcement_reach
from ..services import (
    announcement_create,
    announcement_schedule,
    announcement_send,
    announcement_update,
    announcements_deliver,
)
from .factories import organisation_in

pytestmark = pytest.mark.django_db


def _deliver_all(centre):
    while announcements_deliver(centre=centre)["queued"]:
        pass
    announcements_deliver(centre=centre)


def test_each_organisation_of_two_fields_gets_exactly_one_mail_and_others_none(
    centre, other_centre, staff_user
):
    social = organisation_in(centre, "1", email="pomoc@example.org")
    sport = organisation_in(centre, "13", email="sport@example.org")
    both = organisation_in(centre, "1", "13", email="oba@example.org")
    shared_a = organisation_in(centre, "1", email="Wspolny@example.org")
    shared_b = organisation_in(centre, "13", email="wspolny@example.org")
    culture = organisation_in(centre, "16", email="kultura@example.org")
    no_mail = organisation_in(centre, "1", email="")
    suspended = organisation_in(centre, "1", email="zawieszona@example.org", status="suspended")
    elsewhere = organisation_in(other_centre, "1", email="zory@example.org")
    announcement = announcement_create(
        centre=centre, actor=staff_user, data={"subject": "Konkurs", "body": "Treść", "areas": ["1", "13"]}
    )
    reach = announcement_reach(announcement=announcement)
    assert (reach.organisations, reach.without_email, reach.addresses) == (6, 1, 4)
    announcement_send(announcement=announcement, actor=staff_user)
    _deliver_all(centre)
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SENT and announcement.recipient_count == 4
    to = sorted(address for message in OutboxMessage.objects.filter(centre=centre) for address in message.to)
    assert to == ["oba@example.org", "pomoc@example.org", "sport@example.org", "wspolny@example.org"]
    shared = AnnouncementRecipient.objects.get(announcement=announcement, email="wspolny@example.org")
    assert shared.organisation_names.count(";") == 1
    assert not {culture.email, suspended.email, elsewhere.email} & set(to)
    assert no_mail.pk not in set(AnnouncementRecipient.objects.values_list("organisation_id", flat=True))
    assert {social.pk, sport.pk, both.pk} <= set(
        AnnouncementRecipient.objects.values_list("organisation_id", flat=True)
    )
    assert shared.organisation_id in (shared_a.pk, shared_b.pk)
    outbox_send_all_due()
    assert all(r.state == "sent" for r in AnnouncementRecipient.objects.select_related("message"))


def test_batches_follow_the_setting(centre, staff_user):
    for n in range(7):
        organisation_in(centre, "1", email=f"o{n}@example.org")
    announcement = announcement_create(centre=centre, actor=staff_user, data={"subject": "A", "body": "B"})
    announcement_send(announcement=announcement, actor=staff_user)
    from ..services import deliver_batch

    assert deliver_batch(announcement=announcement, limit=3) == 3
    assert deliver_batch(announcement=announcement, limit=3) == 3
    assert deliver_batch(announcement=announcement, limit=3) == 1
    assert deliver_batch(announcement=announcement, limit=3) == 0
    assert OutboxMessage.objects.count() == 7
    assert announcements_deliver(centre=centre)["finished"] == 1


def test_filters_district_legal_form_and_opp(centre, staff_user):
    district = District.objects.create(centre=centre, name="Śródmieście")
    target = organisation_in(centre, "1", district=district, legal_form=LegalForm.FOUNDATION, is_opp=True)
    organisation_in(centre, "1", district=district, legal_form=LegalForm.FOUNDATION, is_opp=False)
    organisation_in(centre, "1", legal_form=LegalForm.FOUNDATION, is_opp=True)
    organisation_in(centre, "1", district=district, legal_form=LegalForm.ASSOCIATION, is_opp=True)
    announcement = announcement_create(
        centre=centre,
        actor=staff_user,
        data={
            "subject": "OPP",
            "body": "1,5%",
            "districts": [district.pk],
            "legal_forms": [LegalForm.FOUNDATION],
            "opp": "opp",
        },
    )
    announcement_send(announcement=announcement, actor=staff_user)
    assert list(announcement.recipients.values_list("organisation_id", flat=True)) == [target.pk]


def test_an_empty_selection_is_refused_and_nothing_is_sent(centre, staff_user):
    organisation_in(centre, "1")
    announcement = announcement_create(
        centre=centre, actor=staff_user, data={"subject": "Sport", "body": "x", "areas": ["13"]}
    )
    with pytest.raises(ApplicationError, match="żadnej organizacji"):
        announcement_send(announcement=announcement, actor=staff_user)
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT
    assert not AnnouncementRecipient.objects.exists() and not OutboxMessage.objects.exists()


def test_a_second_send_is_refused(centre, staff_user):
    organisation_in(centre, "1")
    announcement = announcement_create(centre=centre, actor=staff_user, data={"subject": "A", "body": "B"})
    seen = Announcement.objects.get(pk=announcement.pk)
    announcement_send(announcement=announcement, actor=staff_user)
    with pytest.raises(ApplicationError):
        announcement_send(announcement=seen, actor=staff_user)
    with pytest.raises(ApplicationError):
        announcement_send(announcement=announcement, actor=staff_user)
    assert AnnouncementRecipient.objects.count() == 1
    assert AuditEntry.objects.filter(action="announcement.sent").count() == 1


def test_the_database_keeps_one_row_per_address(centre, staff_user):
    from django.db import IntegrityError, transaction

    organisation_in(centre, "1", email="a@example.org")
    announcement = announcement_create(centre=centre, actor=staff_user, data={"subject": "A", "body": "B"})
    announcement_send(announcement=announcement, actor=staff_user)
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnouncementRecipient.objects.create(
            centre=centre, announcement=announcement, email="A@example.org", organisation_names="x"
        )


def test_script_in_the_body_is_removed_and_the_subject_kept_as_text(centre, staff_user):
    announcement = announcement_create(
        centre=centre,
        actor=staff_user,
        data={"subject": "<b>Ważne</b>", "body": "<p onclick='x()'>Tekst</p><script>alert(1)</script>"},
    )
    assert "script" not in announcement.body and "onclick" not in announcement.body
    assert announcement.subject == "<b>Ważne</b>"


def test_an_attachment_must_be_a_real_pdf_or_image(centre, staff_user):
    fake = SimpleUploadedFile("umowa.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ApplicationError):
        announcement_create(
            centre=centre, actor=staff_user, data={"subject": "A", "body": "B", "attachment": fake}
        )
    assert not Announcement.objects.exists()
    pdf = SimpleUploadedFile("regulamin.pdf", b"%PDF-1.4\n%...", content_type="application/pdf")
    announcement = announcement_create(
        centre=centre, actor=staff_user, data={"subject": "A", "body": "B", "attachment": pdf}
    )
    assert announcement.attachment_name == "regulamin.pdf" and announcement.attachment.name.endswith(".pdf")


def test_only_a_draft_can_be_changed(centre, staff_user):
    organisation_in(centre, "1")
    announcement = announcement_create(centre=centre, actor=staff_user, data={"subject": "A", "body": "B"})
    announcement_update(announcement=announcement, actor=staff_user, data={"subject": "A2", "body": "B"})
    announcement_send(announcement=announcement, actor=staff_user)
    with pytest.raises(ApplicationError):
        announcement_update(announcement=announcement, actor=staff_user, data={"subject": "A3", "body": "B"})
    announcement.refresh_from_db()
    assert announcement.subject == "A2"


def test_a_scheduled_announcement_starts_when_due(centre, staff_user, time_machine):
    organisation_in(centre, "1")
    announcement = announcement_create(centre=centre, actor=staff_user, data={"subject": "A", "body": "B"})
    with pytest.raises(ApplicationError, match="przyszłości"):
        announcement_schedule(
            announcement=announcement, actor=staff_user, when=timezone.now() - timedelta(hours=1)
        )
    when = timezone.now() + timedelta(hours=2)
    announcement_schedule(announcement=announcement, actor=staff_user, when=when)
    assert announcements_deliver(centre=centre) == {"started": 0, "queued": 0, "finished": 0}
    time_machine.move_to(when + timedelta(minutes=1))
    assert announcements_deliver(centre=centre)["started"] == 1
    announcements_deliver(centre=centre)
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SENT
    assert OutboxMessage.objects.count() == 1


def test_non_staff_cannot_write(centre, plain_user):
    with pytest.raises(ApplicationError):
        announcement_create(centre=centre, actor=plain_user, data={"subject": "A", "body": "B"})
