import pytest
from django.test import Client

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage, OutboxStatus
from centrum.core.outbox import outbox_enqueue, outbox_retry_failed


def _mail(centre, status=OutboxStatus.PENDING):
    message = outbox_enqueue(
        centre=centre, to="a@example.org", template="accounts/emails/centre_role_granted_to_user", context={}
    )
    OutboxMessage.objects.filter(pk=message.pk).update(status=status, attempts=5 if status == "failed" else 0)
    return message


def test_dashboard_is_a_hub(staff_client, centre, other_centre, django_assert_max_num_queries):
    _mail(centre)
    _mail(centre, OutboxStatus.FAILED)
    _mail(other_centre, OutboxStatus.FAILED)
    # The hub's own queries and the rooms' card (10), one query for the advice and the trainings cards, two for the
    # address service's (14); one each for the cards of news, the knowledge platform, promotion and the volunteer
    # centre, two for the newsletter's (things waiting for staff); one each for consultations, councils and
    # surveys.
    with django_assert_max_num_queries(14 + 6 + 3):
        response = staff_client.get("/panel/")
    assert response.status_code == 200
    (outbox,) = [card.context["outbox"] for card in response.context["cards"] if "outbox" in card.context]
    assert outbox["pending"] == 1 and outbox["failed"] == 1
    body = response.content.decode()
    for url in ["/panel/dziennik/", "/panel/ustawienia/", "/panel/centrum/", "/panel/centrum/dni-zamkniete/"]:
        assert f'href="{url}"' in body
    assert "Nie udało się wysłać: 1" in body


def test_admin_is_for_platform_admins_only(platform_admin, staff_user, centre):
    staff_user.is_staff = True
    staff_user.save()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(staff_user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/admin/core/centre/").status_code == 403
    client.force_login(platform_admin, backend="django.contrib.auth.backends.ModelBackend")
    for url in [
        "/admin/core/centre/",
        f"/admin/core/centre/{centre.pk}/change/",
        "/admin/core/auditentry/",
        "/admin/core/outboxmessage/",
        "/admin/core/jobrun/",
        "/admin/core/centresetting/",
        "/admin/core/centreclosedday/",
    ]:
        assert client.get(url).status_code == 200, url


def test_admin_retry_action(platform_admin, centre):
    _mail(centre, OutboxStatus.FAILED)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(platform_admin, backend="django.contrib.auth.backends.ModelBackend")
    message = OutboxMessage.objects.get()
    response = client.post(
        "/admin/core/outboxmessage/", {"action": "retry", "_selected_action": [message.pk]}
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 0
    entry = AuditEntry.objects.get(action="outbox.retried")
    assert entry.actor == platform_admin and entry.centre == centre
    assert entry.object_id == str(message.pk)
    assert entry.old_state == {"status": "failed", "attempts": 5}
    assert entry.new_state == {"status": "pending", "attempts": 0}


def test_retry_audits_each_failed_message_and_skips_the_rest(platform_admin, centre, other_centre):
    failed = [_mail(centre, OutboxStatus.FAILED), _mail(other_centre, OutboxStatus.FAILED)]
    pending = _mail(centre)
    ids = [m.pk for m in [*failed, pending]]
    assert outbox_retry_failed(ids=ids, actor=platform_admin) == 2
    entries = AuditEntry.objects.filter(action="outbox.retried").order_by("object_id")
    assert [(e.object_id, e.centre_id) for e in entries] == [(str(m.pk), m.centre_id) for m in failed]
    assert all(e.actor == platform_admin for e in entries)
    # Nothing failed any more: a second run changes and records nothing.
    assert outbox_retry_failed(ids=ids, actor=platform_admin) == 0
    assert entries.count() == 2


def test_retry_is_for_platform_admins_only(staff_user, centre):
    message = _mail(centre, OutboxStatus.FAILED)
    with pytest.raises(ApplicationError):
        outbox_retry_failed(ids=[message.pk], centre=centre, actor=staff_user)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert not AuditEntry.objects.filter(action="outbox.retried").exists()
