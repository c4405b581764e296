"""Every page: anonymous, a forbidden role, another centre's object (404), bad input (400, nothing stored),
and its number of queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centrum.core.models import OutboxMessage

from ..choices import AnnouncementStatus, SubscriberStatus
from ..models import Announcement
from ..services import ATTACHMENT, UNSUBSCRIBE, announcements_deliver, subscriber_token
from .factories import announcement_in_state, organisation_in, subscriber_in_state

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["newsletter:announcements", "newsletter:announcement_new", "newsletter:subscribers"]


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_staff_pages_need_staff(anon, client_for, centre, plain_user, org_admin, name):
    url = reverse(name)
    assert anon.get(url).status_code == 302
    assert client_for(centre, plain_user).get(url).status_code == 403
    assert client_for(centre, org_admin).get(url).status_code == 403


@pytest.mark.parametrize(
    "name", ["newsletter:announcement", "newsletter:announcement_edit", "newsletter:recipients"]
)
def test_announcement_pages_forbidden_role_and_another_centre(
    client_for, centre, other_centre, staff_user, org_admin, name
):
    mine = announcement_in_state(centre=centre)
    theirs = announcement_in_state(centre=other_centre)
    staff = client_for(centre, staff_user)
    assert staff.get(reverse(name, args=[mine.pk])).status_code == 200
    assert staff.get(reverse(name, args=[theirs.pk])).status_code == 404
    assert client_for(centre, org_admin).get(reverse(name, args=[mine.pk])).status_code == 403


def test_actions_of_another_centre_are_404_and_of_a_forbidden_role_403(
    client_for, centre, other_centre, staff_user, org_admin
):
    theirs = announcement_in_state(centre=other_centre)
    mine = announcement_in_state(centre=centre)
    staff = client_for(centre, staff_user)
    assert staff.post(reverse("newsletter:action", args=[theirs.pk, "send"])).status_code == 404
    assert (
        client_for(centre, org_admin).post(reverse("newsletter:action", args=[mine.pk, "send"])).status_code
        == 403
    )
    subscriber = subscriber_in_state(centre=other_centre)
    url = reverse("newsletter:subscriber_action", args=[subscriber.pk, "unsubscribe"])
    assert staff.post(url).status_code == 404
    assert Announcement.objects.get(pk=theirs.pk).status == AnnouncementStatus.DRAFT


def test_staff_write_preview_and_send_an_announcement(staff_client, centre):
    organisation_in(centre, "1", email="a@example.org")
    organisation_in(centre, "1", email="A@example.org")
    organisation_in(centre, "13", email="b@example.org")
    response = staff_client.post(
        reverse("newsletter:announcement_new"),
        {
            "subject": "Konkurs ofert",
            "body": "<p>Zapraszamy</p><script>x()</script>",
            "areas": ["1"],
            "opp": "",
        },
    )
    announcement = Announcement.objects.get()
    assert response.status_code == 302 and response["Location"] == announcement.get_absolute_url()
    body = staff_client.get(announcement.get_absolute_url()).content.decode()
    assert "Komunikat trafi na 1 adres e-mail." in body and "Wybrane 2 organizacje." in body
    assert "<script>x()" not in body
    response = staff_client.post(
        reverse("newsletter:action", args=[announcement.pk, "send"]), {"state": "draft"}
    )
    assert response.status_code == 302
    announcements_deliver(centre=centre)
    announcements_deliver(centre=centre)
    assert OutboxMessage.objects.get().to == ["a@example.org"]
    # the second send (a double click, a stale page) is refused
    response = staff_client.post(
        reverse("newsletter:action", args=[announcement.pk, "send"]), {"state": "draft"}
    )
    assert response.status_code == 302 and OutboxMessage.objects.count() == 1
    page = staff_client.get(reverse("newsletter:recipients", args=[announcement.pk])).content.decode()
    assert "a@example.org" in page and "w kolejce" in page


def test_an_empty_selection_is_refused_on_the_page(staff_client, centre):
    organisation_in(centre, "1")
    announcement = announcement_in_state(centre=centre, areas=["13"])
    response = staff_client.post(
        reverse("newsletter:action", args=[announcement.pk, "send"]), {"state": "draft"}, follow=True
    )
    assert "żadnej organizacji" in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT and not announcement.recipients.exists()


def test_scheduling_in_the_past_is_a_form_error(staff_client, centre):
    announcement = announcement_in_state(centre=centre)
    response = staff_client.post(
        reverse("newsletter:action", args=[announcement.pk, "schedule"]),
        {"state": "draft", "day": "2020-01-01", "time": "10:00"},
    )
    assert response.status_code == 400 and "przyszłości" in response.content.decode()
    response = staff_client.post(
        reverse("newsletter:action", args=[announcement.pk, "schedule"]),
        {"state": "draft", "day": "2099-01-01", "time": "10:00"},
    )
    assert response.status_code == 302
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SCHEDULED


@pytest.mark.parametrize(
    "data",
    [
        {"subject": "", "body": "x"},
        {"subject": "A", "body": "<script>x</script>"},
        {"subject": "A", "body": "x", "areas": ["999"]},
        {"subject": "A", "body": "x", "legal_forms": ["nieznana"]},
        {"subject": "A", "body": "x", "opp": "moze"},
        {"subject": "A" * 201, "body": "x"},
    ],
)
def test_bad_announcement_input_is_a_form_error_and_nothing_stored(staff_client, data):
    response = staff_client.post(reverse("newsletter:announcement_new"), data)
    assert response.status_code == 400
    assert not Announcement.objects.exists()


def test_a_fake_attachment_is_refused(staff_client):
    fake = SimpleUploadedFile("plik.pdf", b"<html>nie pdf</html>", content_type="application/pdf")
    response = staff_client.post(
        reverse("newsletter:announcement_new"), {"subject": "A", "body": "x", "attachment": fake}
    )
    assert response.status_code == 400 and not Announcement.objects.exists()


def test_attachment_by_signed_link_and_for_staff(anon, staff_client, centre, other_centre):
    from centrum.core.signed_links import signed_token

    pdf = SimpleUploadedFile("regulamin.pdf", b"%PDF-1.4 regulamin", content_type="application/pdf")
    staff_client.post(
        reverse("newsletter:announcement_new"), {"subject": "A", "body": "x", "attachment": pdf}
    )
    announcement = Announcement.objects.get()
    assert (
        staff_client.get(reverse("newsletter:announcement_attachment", args=[announcement.pk])).status_code
        == 200
    )
    token = signed_token(ATTACHMENT, announcement.pk, version=str(announcement.created_at.timestamp()))
    response = anon.get(reverse("newsletter:attachment", args=[token]))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert anon.get(reverse("newsletter:attachment", args=["zly"])).status_code == 400
    wrong = signed_token(ATTACHMENT, announcement.pk, version="inna")
    assert anon.get(reverse("newsletter:attachment", args=[wrong])).status_code == 404


def test_staff_unsubscribe_someone_on_request(staff_client, centre):
    subscriber = subscriber_in_state(centre=centre)
    response = staff_client.post(
        reverse("newsletter:subscriber_action", args=[subscriber.pk, "unsubscribe"]), {"state": "active"}
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_public_pages_answer_everyone(anon, centre, topics):
    assert anon.get(reverse("newsletter:index")).status_code == 200
    assert anon.get(reverse("newsletter:subscribed")).status_code == 200


def test_subscription_form_without_topics_says_so(anon, centre):
    from unittest import mock

    from centrum.core import portal

    with mock.patch.dict(portal.NEWSLETTER_TOPICS, clear=True):  # no app registered a topic
        assert "nie prowadzi jeszcze" in anon.get(reverse("newsletter:index")).content.decode()


# --- query counts -------------------------------------------------------------------------------------


def test_announcement_list_queries_do_not_grow(staff_client, centre, django_assert_max_num_queries):
    for n in range(12):
        announcement_in_state(
            centre=centre, subject=f"Komunikat {n}", state=AnnouncementStatus.SENT if n % 2 else "draft"
        )
    with django_assert_max_num_queries(14):
        assert staff_client.get(reverse("newsletter:announcements")).status_code == 200


def test_detail_and_recipients_queries_do_not_grow(staff_client, centre, django_assert_max_num_queries):
    for n in range(15):
        organisation_in(centre, "1", email=f"o{n}@example.org")
    announcement = announcement_in_state(centre=centre, areas=["1"])
    with django_assert_max_num_queries(16):
        assert staff_client.get(announcement.get_absolute_url()).status_code == 200
    sent = announcement_in_state(centre=centre, state=AnnouncementStatus.SENDING)
    announcements_deliver(centre=centre)
    with django_assert_max_num_queries(16):
        assert staff_client.get(sent.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(16):
        assert staff_client.get(reverse("newsletter:recipients", args=[sent.pk])).status_code == 200


def test_subscribers_queries_do_not_grow(staff_client, centre, topics, django_assert_max_num_queries):
    for n in range(12):
        subscriber_in_state(centre=centre, email=f"s{n}@example.org")
    with django_assert_max_num_queries(14):
        assert staff_client.get(reverse("newsletter:subscribers")).status_code == 200


def test_public_pages_queries(anon, centre, topics, django_assert_max_num_queries):
    subscriber = subscriber_in_state(centre=centre)
    with django_assert_max_num_queries(6):
        assert anon.get(reverse("newsletter:index")).status_code == 200
    url = reverse("newsletter:unsubscribe", args=[subscriber_token(subscriber, UNSUBSCRIBE)])
    with django_assert_max_num_queries(6):
        assert anon.get(url).status_code == 200


def test_dashboard_card_shows_drafts_and_progress(staff_client, centre):
    announcement_in_state(centre=centre, subject="Szkic komunikatu")
    sending = announcement_in_state(centre=centre, subject="W drodze", state=AnnouncementStatus.SENDING)
    body = staff_client.get(reverse("core:staff_dashboard")).content.decode()
    assert "Szkice: 1." in body and "W drodze" in body and sending.get_absolute_url() in body


def test_pages_in_english(staff_client, anon, centre, topics):
    staff_client.cookies["django_language"] = "en"
    body = staff_client.get(reverse("newsletter:announcements"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Announcements to organisations" in body
    anon.cookies["django_language"] = "en"
    assert "Subscribe me" in anon.get(reverse("newsletter:index"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
