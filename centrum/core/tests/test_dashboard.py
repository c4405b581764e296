from django.test import Client

from centrum.core.models import OutboxMessage, OutboxStatus
from centrum.core.outbox import outbox_enqueue


def _mail(centre, status=OutboxStatus.PENDING):
    message = outbox_enqueue(
        centre=centre, to="a@example.org", template="accounts/emails/centre_role_granted_to_user", context={}
    )
    OutboxMessage.objects.filter(pk=message.pk).update(status=status)


def test_dashboard_is_a_hub(staff_client, centre, other_centre, django_assert_max_num_queries):
    _mail(centre)
    _mail(centre, OutboxStatus.FAILED)
    _mail(other_centre, OutboxStatus.FAILED)
    with django_assert_max_num_queries(10):
        response = staff_client.get("/panel/")
    assert response.status_code == 200
    assert response.context["outbox"]["pending"] == 1
    assert response.context["outbox"]["failed"] == 1
    body = response.content.decode()
    for url in ["/panel/dziennik/", "/panel/ustawienia/", "/panel/centrum/", "/panel/centrum/dni-zamkniete/"]:
        assert f'href="{url}"' in body
    assert "Nie udało się wysłać: 1" in body


def test_dashboard_survives_missing_pages_of_other_apps(staff_client, monkeypatch):
    from django.urls import NoReverseMatch

    from centrum.core.templatetags import centrum as tags

    def missing(*args, **kwargs):
        raise NoReverseMatch("not yet")

    monkeypatch.setattr(tags, "reverse", missing)
    assert staff_client.get("/panel/").status_code == 200


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
