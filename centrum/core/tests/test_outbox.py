import socket
import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from centrum.core.models import CentreSetting, OutboxMessage, OutboxStatus
from centrum.core.outbox import (
    outbox_enqueue,
    outbox_health,
    outbox_purge_sent,
    outbox_retry_failed,
    outbox_send_all_due,
    outbox_send_due,
)
from centrum.core.services import centre_staff_appoint

from .smtp_server import FakeSMTPServer

pytestmark = pytest.mark.dates

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def _enqueue(centre, to="osoba@example.org"):
    return outbox_enqueue(
        centre=centre,
        to=to,
        template="accounts/emails/centre_role_granted_to_user",
        context={
            "centre_role": {"get_role_display": "Pracownik"},
            "dashboard_url": "https://kalisz.localhost/moje/",
        },
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mail_server_outage_loses_nothing_and_sends_exactly_once(centre):
    messages = [_enqueue(centre, f"osoba{i}@example.org") for i in range(3)]
    start = timezone.now()

    # 1. Nothing listens on the port: connection refused.
    with override_settings(
        EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=_free_port(), EMAIL_TIMEOUT=2
    ):
        result = outbox_send_due(now=start)
    assert result["retry"] == 3 and result["sent"] == 0
    for message in OutboxMessage.objects.all():
        assert message.status == OutboxStatus.PENDING
        assert message.attempts == 1
        assert "ConnectionRefusedError" in message.last_error
        assert message.next_attempt_at > start

    with (
        FakeSMTPServer(mode="refuse") as server,
        override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=server.port),
    ):
        # Not due yet: back-off holds them back.
        assert outbox_send_due(now=start)["claimed"] == 0
        # 2. The server answers 421 at the greeting.
        result = outbox_send_due(now=start + timedelta(minutes=5))
        assert result["retry"] == 3
        assert server.received == []
        server.mode = "tempfail"
        # 3. The server takes the connection but refuses recipients with 451.
        result = outbox_send_due(now=start + timedelta(hours=1))
        assert result["retry"] == 3
        assert server.received == []
        for message in OutboxMessage.objects.all():
            assert message.status == OutboxStatus.PENDING
            assert message.attempts == 3
            assert "451" in message.last_error
        # 4. The server is back.
        server.mode = "accept"
        result = outbox_send_all_due(now=start + timedelta(hours=2))
        assert result["sent"] == 3
        # Sending again finds nothing: every message went exactly once.
        assert outbox_send_all_due(now=start + timedelta(days=2))["claimed"] == 0

    assert sorted(r["to"][0] for r in server.received) == sorted(m.to[0] for m in messages)
    for message in OutboxMessage.objects.all():
        assert message.status == OutboxStatus.SENT
        assert message.attempts == 4
        assert message.last_error == ""
        assert message.sent_at is not None
    sent = server.received[0]["message"]
    assert str(sent["Subject"]).strip() == f"[{centre.name}] Nowa rola w centrum: Pracownik"
    assert sent["Reply-To"] == centre.email


@override_settings(OUTBOX_MAX_ATTEMPTS=2)
def test_message_fails_after_max_attempts(centre, platform_admin):
    message = _enqueue(centre)
    now = timezone.now()
    with override_settings(
        EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=_free_port(), EMAIL_TIMEOUT=2
    ):
        assert outbox_send_due(now=now)["retry"] == 1
        assert outbox_send_due(now=now + timedelta(days=1))["failed"] == 1
        assert outbox_send_due(now=now + timedelta(days=2))["claimed"] == 0
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 2
    assert outbox_health(centre=centre)["failed"] == 1

    assert outbox_retry_failed(centre=centre, actor=platform_admin) == 1
    outbox_send_due()
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1


def test_sender_name_comes_from_the_centre_setting(centre):
    _enqueue(centre)
    CentreSetting.objects.create(centre=centre, key="outbox_sender_name", value="COP Kalisz – biuro")
    outbox_send_due()
    assert mail.outbox[0].from_email.startswith("COP Kalisz")
    assert "no-reply@centrum.localhost" in mail.outbox[0].from_email


def test_reply_to_setting_is_used(centre):
    CentreSetting.objects.create(centre=centre, key="outbox_reply_to", value="biuro@example.org")
    assert _enqueue(centre).reply_to == "biuro@example.org"


def test_claimed_messages_are_not_taken_by_another_worker(centre):
    _enqueue(centre)
    from centrum.core.outbox import _claim_due

    now = timezone.now()
    assert len(_claim_due(limit=10, now=now)) == 1
    assert _claim_due(limit=10, now=now) == []


def test_outbox_row_is_written_in_the_same_transaction_as_the_change(centre, platform_admin):
    from centrum.accounts.models import CentreRole, User

    with pytest.raises(RuntimeError), transaction.atomic():
        centre_staff_appoint(centre=centre, email="nowa@example.org", actor=platform_admin)
        assert OutboxMessage.objects.filter(to=["nowa@example.org"]).exists()
        raise RuntimeError("the change fails after the mail was queued")
    assert not User.objects.filter(email="nowa@example.org").exists()
    assert not CentreRole.objects.filter(centre=centre).exists()
    assert not OutboxMessage.objects.exists()

    centre_staff_appoint(centre=centre, email="nowa@example.org", actor=platform_admin)
    assert OutboxMessage.objects.count() == 1


def test_purge_deletes_old_sent_mail_per_centre_retention(centre, other_centre):
    now = timezone.now()
    old_here, old_there, fresh = _enqueue(centre), _enqueue(other_centre), _enqueue(centre)
    OutboxMessage.objects.filter(pk__in=[old_here.pk, old_there.pk]).update(
        status=OutboxStatus.SENT, sent_at=now - timedelta(days=30)
    )
    OutboxMessage.objects.filter(pk=fresh.pk).update(
        status=OutboxStatus.SENT, sent_at=now - timedelta(days=1)
    )
    CentreSetting.objects.create(centre=centre, key="outbox_retention_days", value=7)
    assert outbox_purge_sent(now=now) == 1
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {old_there.pk, fresh.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks with SKIP LOCKED need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_never_claim_the_same_message():
    from centrum.core.outbox import _claim_due
    from centrum.core.tests.factories import CentreFactory

    centre = CentreFactory(slug="rownolegle")
    for i in range(40):
        _enqueue(centre, f"osoba{i}@example.org")
    barrier = threading.Barrier(3)
    claimed: list[list[int]] = [[], [], []]

    def worker(index):
        try:
            barrier.wait()
            while batch := _claim_due(limit=3, now=timezone.now()):
                claimed[index].extend(m.pk for m in batch)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    all_ids = [pk for ids in claimed for pk in ids]
    assert len(all_ids) == 40 == len(set(all_ids))


def test_attachments_are_stored_and_sent(centre):
    from centrum.core.outbox import Attachment

    invitation = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    message = outbox_enqueue(
        centre=centre,
        to="osoba@example.org",
        template="accounts/emails/centre_role_granted_to_user",
        context={"centre_role": {"get_role_display": "Pracownik"}, "dashboard_url": "https://x/"},
        attachments=[Attachment("spotkanie.ics", "text/calendar", invitation)],
    )
    message.refresh_from_db()
    assert message.attachments[0]["filename"] == "spotkanie.ics"
    outbox_send_due()
    (sent,) = mail.outbox
    assert sent.attachments == [("spotkanie.ics", invitation.decode(), "text/calendar")]
