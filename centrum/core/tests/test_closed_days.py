from datetime import date

import pytest

from centrum.core.models import AuditEntry, CentreClosedDay

pytestmark = pytest.mark.dates


def test_add_and_remove_closed_day(staff_client, centre, django_assert_max_num_queries):
    response = staff_client.post("/panel/centrum/dni-zamkniete/", {"date": "2030-07-01", "reason": "Remont"})
    assert response.status_code == 302
    day = CentreClosedDay.objects.get(centre=centre)
    assert day.date == date(2030, 7, 1) and day.reason == "Remont"
    assert AuditEntry.objects.filter(action="centre.closed_day_added").exists()
    with django_assert_max_num_queries(10):
        body = staff_client.get("/panel/centrum/dni-zamkniete/").content.decode()
    assert "Remont" in body
    assert staff_client.post(f"/panel/centrum/dni-zamkniete/{day.pk}/usun/").status_code == 302
    assert not CentreClosedDay.objects.exists()
    assert AuditEntry.objects.filter(action="centre.closed_day_removed").exists()


def test_duplicate_and_garbage_dates_are_refused(staff_client, centre):
    CentreClosedDay.objects.create(centre=centre, date=date(2030, 7, 1))
    response = staff_client.post("/panel/centrum/dni-zamkniete/", {"date": "2030-07-01"})
    assert response.status_code == 200
    assert "już" in response.context["form"].errors["date"][0]
    for garbage in ["", "jutro", "2030-02-30", "9999999-01-01"]:
        response = staff_client.post("/panel/centrum/dni-zamkniete/", {"date": garbage, "reason": "x" * 300})
        assert response.status_code == 200
    assert CentreClosedDay.objects.count() == 1


def test_another_centres_closed_day_cannot_be_removed(staff_client, other_centre):
    day = CentreClosedDay.objects.create(centre=other_centre, date=date(2030, 7, 1))
    assert staff_client.post(f"/panel/centrum/dni-zamkniete/{day.pk}/usun/").status_code == 404
    assert CentreClosedDay.objects.filter(pk=day.pk).exists()


def test_past_days_are_hidden_until_asked(staff_client, centre):
    CentreClosedDay.objects.create(centre=centre, date=date(2001, 1, 2), reason="Dawno temu")
    assert "Dawno temu" not in staff_client.get("/panel/centrum/dni-zamkniete/").content.decode()
    assert "Dawno temu" in staff_client.get("/panel/centrum/dni-zamkniete/?archiwum=1").content.decode()
