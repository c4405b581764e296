"""The audit log as people read it: labels, tak/nie, dates as pages show them, choices, related objects."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from centrum.core.audit import audit_log, snapshot
from centrum.core.audit_display import audit_rows, display_date, field_label, format_value
from centrum.core.models import AuditEntry, Centre, CentreClosedDay

UTC = ZoneInfo("UTC")


def test_labels_and_values_in_polish(db):
    assert field_label(Centre, "is_active") == "Aktywne"
    assert field_label(Centre, "no_such_key") == "no_such_key"
    assert format_value(Centre, "is_active", False) == "nie"
    assert format_value(Centre, "is_active", True) == "tak"
    assert format_value(Centre, "government_kind", "gmina") == "gmina"
    assert format_value(CentreClosedDay, "date", "2026-07-01") == "1 lipca 2026"
    assert format_value(Centre, "name", None) == "—" and format_value(Centre, "name", "") == "—"
    # A moment stored by `snapshot` (UTC, microseconds) reads in Warsaw time to the minute.
    assert format_value(Centre, "x", "2026-06-17 08:05:59.123456+00:00") == "17-06-2026 10:05"
    # A list of field names reads as their labels.
    assert format_value(Centre, "changed", ["street", "city"]) == "Ulica i numer, Miejscowość"


def test_values_in_english(db):
    with translation.override("en"):
        assert format_value(Centre, "is_active", False) == "no"
        assert format_value(CentreClosedDay, "date", "2026-07-01") == "1 July 2026"
        assert display_date(date(2026, 7, 1)) == "1 July 2026"


def test_rows_name_related_objects_with_one_query_per_model(centre, other_centre, django_assert_num_queries):
    day = CentreClosedDay.objects.create(centre=centre, date="2026-07-01", reason="remont")
    for target in (centre, other_centre):
        audit_log(
            actor=None, obj=day, centre=centre, action="centre.closed_day_added", new={"centre": target.pk}
        )
    entries = list(AuditEntry.objects.filter(centre=centre))
    with django_assert_num_queries(1):
        rows = audit_rows(entries)
    assert [r[0][2] for _, r in rows] == [str(other_centre), str(centre)]


def test_snapshot_of_a_date_reads_as_the_page_shows_it(centre):
    day = CentreClosedDay(centre=centre, date=date(2026, 12, 24), reason="Wigilia")
    stored = snapshot(day, ["date"])["date"]
    assert format_value(CentreClosedDay, "date", stored) == "24 grudnia 2026"
    moment = datetime(2026, 1, 5, 23, 30, 12, 5, tzinfo=UTC)
    assert format_value(CentreClosedDay, "x", str(moment)) == "06-01-2026 00:30"


@pytest.mark.parametrize("lang,label", [("pl", "Zmieniono profil centrum"), ("en", None)])
def test_audit_log_page_shows_action_labels_and_readable_changes(
    staff_client, centre, staff_user, lang, label
):
    audit_log(
        actor=staff_user,
        obj=centre,
        centre=centre,
        action="centre.updated",
        old={"is_active": True},
        new={"is_active": False},
    )
    audit_log(
        actor=staff_user, obj=centre, centre=centre, action="centre.profile_updated", new={"name": "Nowa"}
    )
    headers = {"HTTP_ACCEPT_LANGUAGE": lang}
    response = staff_client.get("/panel/dziennik/", **headers)
    body = response.content.decode()
    assert "centre.updated" not in body.replace('value="centre.updated"', "")
    assert "centre.profile_updated" not in body.replace('value="centre.profile_updated"', "")
    if lang == "pl":
        assert "Zmieniono dane centrum" in body and label in body
        assert "<strong>Aktywne</strong>: tak → nie" in body
        assert '<option value="centre.updated">Zmieniono dane centrum</option>' in body
    else:
        assert "Centre details changed" in body and "<strong>Active</strong>: yes → no" in body


def test_messages_name_dates_as_pages_show_them(staff_client):
    response = staff_client.post(
        "/panel/centrum/dni-zamkniete/", {"date": "2030-07-01", "reason": "Remont"}, follow=True
    )
    assert "Dodano dzień zamknięcia 1 lipca 2030." in response.content.decode()
