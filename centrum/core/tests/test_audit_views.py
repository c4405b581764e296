from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from centrum.core.audit import audit_log
from centrum.core.models import AuditEntry, Centre, CentreClosedDay

pytestmark = pytest.mark.dates


def _entries(centre, actor, n, action="centre.profile_updated"):
    for i in range(n):
        audit_log(
            actor=actor,
            obj=centre,
            centre=centre,
            action=action,
            old={"name": f"a{i}"},
            new={"name": f"b{i}"},
        )


def test_audit_log_lists_only_this_centres_entries(staff_client, centre, other_centre, staff_user):
    audit_log(
        actor=staff_user, obj=centre, centre=centre, action="centre.profile_updated", new={"name": "tu"}
    )
    audit_log(actor=None, obj=other_centre, centre=other_centre, action="centre.updated", new={"name": "tam"})
    body = staff_client.get("/panel/dziennik/").content.decode()
    assert "centre.profile_updated" in body
    assert "centre.secret" not in body
    assert other_centre.name not in body


def test_filters_narrow_the_list(staff_client, centre, staff_user, platform_admin):
    _entries(centre, staff_user, 2)
    day = CentreClosedDay.objects.create(centre=centre, date="2026-07-01", reason="remont")
    audit_log(actor=platform_admin, obj=day, action="centre.closed_day_added", new={"date": "2026-07-01"})
    old = AuditEntry.objects.filter(centre=centre).order_by("id").first()
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))

    ct = ContentType.objects.get_for_model(CentreClosedDay)
    page = staff_client.get("/panel/dziennik/", {"content_type": ct.pk}).context["page"]
    assert [e.action for e in page] == ["centre.closed_day_added"]

    page = staff_client.get("/panel/dziennik/", {"action": "centre.profile_updated"}).context["page"]
    assert len(page) == 2
    page = staff_client.get("/panel/dziennik/", {"actor": "root@"}).context["page"]
    assert [e.actor_label for e in page] == ["root@example.org"]
    since = (timezone.now() - timedelta(days=1)).date().isoformat()
    page = staff_client.get("/panel/dziennik/", {"date_from": since}).context["page"]
    assert len(page) == 2
    until = (timezone.now() - timedelta(days=30)).date().isoformat()
    page = staff_client.get("/panel/dziennik/", {"date_to": until}).context["page"]
    assert [e.pk for e in page] == [old.pk]


def test_garbage_filters_show_errors_and_everything(staff_client, centre, staff_user):
    _entries(centre, staff_user, 3)
    response = staff_client.get(
        "/panel/dziennik/",
        {"content_type": "abc", "action": "nope", "date_from": "2026-13-45", "date_to": "x", "page": "zzz"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert len(response.context["page"]) == 3


def test_date_range_backwards_is_an_error(staff_client, centre, staff_user):
    _entries(centre, staff_user, 1)
    response = staff_client.get("/panel/dziennik/", {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "date_to" in response.context["form"].errors


def test_pagination_and_constant_queries(staff_client, centre, staff_user, django_assert_max_num_queries):
    _entries(centre, staff_user, 5)
    with django_assert_max_num_queries(12) as few:
        staff_client.get("/panel/dziennik/")
    _entries(centre, staff_user, 120)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = staff_client.get("/panel/dziennik/", {"page": 2})
    assert response.context["page"].number == 2
    assert len(response.context["page"]) == 50
    assert 'rel="next"' in response.content.decode()


def test_object_history(staff_client, centre, other_centre, staff_user, django_assert_max_num_queries):
    _entries(centre, staff_user, 3)
    ct = ContentType.objects.get_for_model(Centre)
    with django_assert_max_num_queries(10):
        response = staff_client.get(f"/panel/dziennik/{ct.pk}/{centre.pk}/")
    assert response.status_code == 200
    assert len(response.context["page"]) == 3
    body = response.content.decode()
    assert "a0" in body and "b0" in body


def test_object_history_of_another_centre_is_404(staff_client, centre, other_centre):
    audit_log(
        actor=None, obj=other_centre, centre=other_centre, action="centre.profile_updated", new={"x": 1}
    )
    ct = ContentType.objects.get_for_model(Centre)
    assert staff_client.get(f"/panel/dziennik/{ct.pk}/{other_centre.pk}/").status_code == 404
