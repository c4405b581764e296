"""The link at the foot of every announcement: the address gets no more announcements (one click from the
mail client, or the page's button), may resume, and is left out of the next selection; staff see how many
were left out. Forged and other centres' links change nothing."""

import re

import pytest

from centrum.core.models import AuditEntry, OutboxMessage

from ..models import AnnouncementOptOut, AnnouncementRecipient
from ..selectors import announcement_reach
from ..services import announcement_create, announcement_send, announcements_deliver
from .factories import organisation_in

pytestmark = pytest.mark.django_db


def _send(centre, staff_user, subject="Konkurs"):
    announcement = announcement_create(
        centre=centre, actor=staff_user, data={"subject": subject, "body": "T"}
    )
    announcement_send(announcement=announcement, actor=staff_user)
    while announcements_deliver(centre=centre)["queued"]:
        pass
    announcements_deliver(centre=centre)
    return announcement


def _stop_path(message) -> str:
    url = re.search(r"https?://\S+/newsletter/komunikaty/rezygnacja/\S+/", message.body).group(0)
    assert message.headers["List-Unsubscribe"] == f"<{url}>"
    return "/" + url.split("/", 3)[3]


def test_an_address_stops_and_resumes_announcements(client_for, centre, staff_user):
    organisation_in(centre, "1", email="Pomoc@example.org")
    organisation_in(centre, "1", email="sport@example.org")
    _send(centre, staff_user)
    message = OutboxMessage.objects.get(to=["pomoc@example.org"])
    path = _stop_path(message)
    other = OutboxMessage.objects.get(to=["sport@example.org"])
    assert _stop_path(other) != path  # each address its own link

    anonymous = client_for(centre)
    page = anonymous.get(path)
    assert page.status_code == 200 and "pomoc@example.org" in page.content.decode()
    assert not AnnouncementOptOut.objects.exists()  # opening the page changes nothing
    # The mail client's one-click POST carries no CSRF token.
    assert anonymous.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert anonymous.post(path).status_code == 200  # twice: still one row
    assert list(AnnouncementOptOut.objects.values_list("email", flat=True)) == ["pomoc@example.org"]
    assert AuditEntry.objects.filter(action="announcement.optout").count() == 1

    second = announcement_create(centre=centre, actor=staff_user, data={"subject": "Drugi", "body": "T"})
    reach = announcement_reach(announcement=second)
    assert (reach.addresses, reach.stopped) == (1, 1)
    staff_page = client_for(centre, staff_user).get(second.get_absolute_url()).content.decode()
    assert "zrezygnowały z komunikatów" in staff_page
    announcement_send(announcement=second, actor=staff_user)
    announcements_deliver(centre=centre)
    assert list(
        AnnouncementRecipient.objects.filter(announcement=second).values_list("email", flat=True)
    ) == ["sport@example.org"]

    assert anonymous.post(path, {"resume": "1"}).status_code == 200
    assert not AnnouncementOptOut.objects.exists()
    assert AuditEntry.objects.filter(action="announcement.optin").count() == 1


def test_forged_and_foreign_links_change_nothing(client_for, centre, other_centre, staff_user):
    organisation_in(centre, "1", email="pomoc@example.org")
    _send(centre, staff_user)
    path = _stop_path(OutboxMessage.objects.get())
    assert client_for(centre).post(path[:-3] + "xx/").status_code == 400
    assert client_for(other_centre).post(path).status_code == 404
    assert not AnnouncementOptOut.objects.exists()
