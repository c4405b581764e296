""" "Zgłoś błąd": the footer link on every page with its address, the form behind spam guards and a rate
limit, a mail to staff, the staff list with new/handled and a note."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from centrum.core.models import OutboxMessage

from ..models import ErrorReport
from .factories import ErrorReportFactory

pytestmark = pytest.mark.django_db


def _form(client, page="/organizacje/"):
    html = client.get(reverse("reports:new"), {"strona": page}).content.decode()
    stamp = re.search(r'name="stamp" value="([^"]+)"', html).group(1)
    return html, {"page_url": page, "message": "Zły numer telefonu.", "email": "", "stamp": stamp}


def test_every_page_links_to_the_report_with_its_address(anon):
    body = anon.get(reverse("news:list")).content.decode()
    assert 'href="/zglos-blad/?strona=%2Faktualnosci%2F"' in body


def test_a_report_is_stored_and_mailed_to_staff(anon, centre, staff_user):
    html, data = _form(anon)
    assert 'value="/organizacje/"' in html
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        response = anon.post(reverse("reports:new"), data)
    assert response.status_code == 302 and response["Location"] == "/organizacje/"
    report = ErrorReport.objects.get()
    assert (report.centre, report.status, report.page_url) == (centre, "new", "/organizacje/")
    assert staff_user.email in OutboxMessage.objects.get().to


def test_spam_and_bad_input_are_refused(anon):
    _html, data = _form(anon)
    assert anon.post(reverse("reports:new"), data).status_code == 400  # too fast
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        assert anon.post(reverse("reports:new"), {**data, "website": "http://spam"}).status_code == 400
        assert anon.post(reverse("reports:new"), {**data, "stamp": "forged"}).status_code == 400
        assert (
            anon.post(reverse("reports:new"), {**data, "page_url": "https://evil.example/"}).status_code
            == 400
        )
        assert anon.post(reverse("reports:new"), {**data, "message": "  "}).status_code == 400
    assert not ErrorReport.objects.exists()


def test_reports_are_rate_limited(anon, centre):
    _html, data = _form(anon)
    with time_machine.travel(timezone.now() + timedelta(seconds=10)):
        codes = [anon.post(reverse("reports:new"), data).status_code for _ in range(7)]
    assert codes[:5] == [302] * 5 and codes[5:] == [400, 400]
    assert ErrorReport.objects.count() == 5


def test_staff_handle_a_report_with_a_note(
    client_for, centre, staff_user, other_centre, django_assert_max_num_queries
):
    report = ErrorReportFactory(centre=centre)
    client = client_for(centre, staff_user)
    client.get(reverse("reports:list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("reports:list")).status_code == 200
    for _ in range(5):
        ErrorReportFactory(centre=centre)
    with django_assert_max_num_queries(len(one)):  # no query per report
        assert client.get(reverse("reports:list")).status_code == 200
    client.post(
        reverse("reports:action", args=[report.pk, "handle"]), {"state": "new", "reason": "Poprawione."}
    )
    report.refresh_from_db()
    assert (report.status, report.note, report.handled_by) == ("handled", "Poprawione.", staff_user)
    other = ErrorReportFactory(centre=other_centre)
    assert (
        client.post(reverse("reports:action", args=[other.pk, "handle"]), {"state": "new"}).status_code == 404
    )


def test_only_staff_see_reports(anon, client_for, centre, org_member):
    assert anon.get(reverse("reports:list")).status_code == 302
    assert client_for(centre, org_member).get(reverse("reports:list")).status_code == 403
