"""Subscriptions: double opt-in, signed links (confirm, manage, one-click unsubscribe), digests that ask
each topic once, the List-Unsubscribe header, spam protection and the rate limit of the public form."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from centrum.core.antispam import form_stamp
from centrum.core.exceptions import ApplicationError
from centrum.core.models import OutboxMessage

from ..choices import Frequency, SubscriberStatus
from ..models import Subscriber, Subscription
from ..services import (
    CONFIRM,
    MANAGE,
    UNSUBSCRIBE,
    digests_send,
    subscribe,
    subscriber_confirm,
    subscriber_token,
)
from .factories import subscriber_in_state

pytestmark = pytest.mark.django_db


def _form(email="jan@example.org", **extra):
    stamp = signing.TimestampSigner(salt="centrum.newsletter.subscribe").sign(
        str(int((timezone.now() - timedelta(minutes=1)).timestamp()))
    )
    return {
        "email": email,
        "topics": ["test.news", "test.calls"],
        "areas": ["1"],
        "frequency": "weekly",
        "stamp": stamp,
        **extra,
    }


def _link(body: str, word: str) -> str:
    """The path of the mailed link to `/newsletter/<word>/…/`."""
    return re.search(rf"https?://[^/\s]+(/newsletter/{word}/[^\s]+/)", body).group(1)


def test_subscribe_confirm_manage_and_unsubscribe_by_the_links(anon, centre, topics):
    response = anon.post(reverse("newsletter:index"), _form())
    assert response.status_code == 302 and response["Location"] == reverse("newsletter:subscribed")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    assert dict(Subscription.objects.values_list("topic", "fields")) == {"test.news": [], "test.calls": ["1"]}
    confirm_url = _link(OutboxMessage.objects.get().body, "potwierdz")
    # Opening the link (a mail scanner does) confirms nothing; the button does.
    assert anon.get(confirm_url).status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    response = anon.post(confirm_url)
    assert response.status_code == 302
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE
    manage_url = response["Location"]
    response = anon.post(manage_url, {"topics": ["test.news"], "frequency": "each"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.frequency == Frequency.EACH
    assert list(Subscription.objects.values_list("topic", flat=True)) == ["test.news"]
    unsubscribe_url = reverse("newsletter:unsubscribe", args=[subscriber_token(subscriber, UNSUBSCRIBE)])
    assert anon.get(unsubscribe_url).status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE
    assert anon.post(unsubscribe_url).status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED


def test_one_click_unsubscribe_needs_no_csrf_token(centre, topics):
    subscriber = subscriber_in_state(centre=centre)
    client = Client(HTTP_HOST=centre.primary_host, enforce_csrf_checks=True)
    url = reverse("newsletter:unsubscribe", args=[subscriber_token(subscriber, UNSUBSCRIBE)])
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED


def test_forged_expired_and_superseded_links_are_refused(anon, centre, other_centre, topics, time_machine):
    subscriber = subscriber_in_state(centre=centre, state=SubscriberStatus.PENDING)
    assert anon.get(reverse("newsletter:confirm", args=["forged"])).status_code == 400
    token = subscriber_token(subscriber, CONFIRM)
    # A token for one purpose never opens another.
    assert anon.post(reverse("newsletter:unsubscribe", args=[token])).status_code == 400
    time_machine.move_to(timezone.now() + timedelta(days=8))
    assert anon.post(reverse("newsletter:confirm", args=[token])).status_code == 400
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING
    # Another centre's subscriber: 404.
    elsewhere = subscriber_in_state(centre=other_centre)
    assert (
        anon.get(reverse("newsletter:manage", args=[subscriber_token(elsewhere, MANAGE)])).status_code == 404
    )


def test_subscribing_again_supersedes_the_old_confirmation_link(centre, topics):
    first = subscribe(centre=centre, email="a@example.org", topics={"test.news": []}, frequency="weekly")
    old = subscriber_token(first, CONFIRM)
    second = subscribe(centre=centre, email="A@example.org", topics={"test.news": []}, frequency="weekly")
    assert first.pk == second.pk and Subscriber.objects.count() == 1
    client = Client(HTTP_HOST=centre.primary_host)
    assert client.post(reverse("newsletter:confirm", args=[old])).status_code == 400


def test_an_active_address_is_not_changed_by_whoever_types_it(centre, topics):
    subscriber = subscriber_in_state(centre=centre, email="a@example.org", topics=("test.news",))
    subscribe(centre=centre, email="a@example.org", topics={"test.calls": []}, frequency="each")
    subscriber.refresh_from_db()
    assert subscriber.frequency == Frequency.WEEKLY
    assert list(Subscription.objects.values_list("topic", flat=True)) == ["test.news"]
    client = Client(HTTP_HOST=centre.primary_host)
    assert (
        "a@example.org" in client.get(_link(OutboxMessage.objects.get().body, "ustawienia")).content.decode()
    )


def test_an_unsubscribed_address_subscribes_again_with_a_new_confirmation(centre, topics):
    subscriber = subscriber_in_state(
        centre=centre, state=SubscriberStatus.UNSUBSCRIBED, email="a@example.org"
    )
    subscribe(centre=centre, email="a@example.org", topics={"test.news": []}, frequency="weekly")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING
    subscriber_confirm(subscriber=subscriber)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


@pytest.mark.parametrize(
    "change, field",
    [
        ({"email": "nie-adres"}, "email"),
        ({"topics": []}, "topics"),
        ({"topics": ["nieznany"]}, "topics"),
        ({"areas": ["999"]}, "areas"),
        ({"frequency": "hourly"}, "frequency"),
        ({"website": "http://spam.example"}, None),
        ({"stamp": "zly"}, None),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(anon, centre, topics, change, field):
    response = anon.post(reverse("newsletter:index"), _form(**change))
    assert response.status_code == 400
    assert not Subscriber.objects.exists() and not OutboxMessage.objects.exists()


def test_a_form_sent_at_once_is_refused(anon, centre, topics):
    response = anon.post(
        reverse("newsletter:index"), {**_form(), "stamp": form_stamp("centrum.newsletter.subscribe")}
    )
    assert response.status_code == 400 and not Subscriber.objects.exists()


def test_the_public_form_is_rate_limited(anon, centre, topics):
    for n in range(5):
        assert anon.post(reverse("newsletter:index"), _form(email=f"o{n}@example.org")).status_code == 302
    response = anon.post(reverse("newsletter:index"), _form(email="o6@example.org"))
    assert response.status_code == 400 and "Za dużo" in response.content.decode()
    assert Subscriber.objects.count() == 5


def test_services_refuse_unknown_topics(centre, topics):
    with pytest.raises(ApplicationError):
        subscribe(centre=centre, email="a@example.org", topics={"nieznany": []}, frequency="weekly")


def test_digest_asks_each_topic_once_and_sends_what_each_subscriber_chose(centre, topics):
    social = subscriber_in_state(centre=centre, email="social@example.org", topics=())
    Subscription.objects.create(centre=centre, subscriber=social, topic="test.calls", fields=["1"])
    everything = subscriber_in_state(
        centre=centre, email="all@example.org", topics=("test.news", "test.calls")
    )
    subscriber_in_state(
        centre=centre, email="new@example.org", last_sent_at=timezone.now() - timedelta(hours=1)
    )
    subscriber_in_state(centre=centre, state=SubscriberStatus.PENDING, email="pending@example.org")
    subscriber_in_state(centre=centre, state=SubscriberStatus.UNSUBSCRIBED, email="gone@example.org")
    result = digests_send(centre=centre)
    assert result == {"subscribers": 2, "mails": 2}
    assert topics["test.news"].calls == 1 and topics["test.calls"].calls == 1
    social_mail = OutboxMessage.objects.get(to=["social@example.org"])
    assert "Konkurs: pomoc społeczna" in social_mail.body and "sport" not in social_mail.body
    assert "Dzień Organizacji" not in social_mail.body
    all_mail = OutboxMessage.objects.get(to=["all@example.org"])
    assert "Konkurs: sport" in all_mail.body and "Dzień Organizacji" in all_mail.body
    assert "Stary wpis" not in all_mail.body
    unsubscribe = _link(all_mail.body, "wypisz")
    assert all_mail.headers["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert all_mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client = Client(HTTP_HOST=centre.primary_host)
    assert client.post(unsubscribe).status_code == 200
    everything.refresh_from_db()
    assert everything.status == SubscriberStatus.UNSUBSCRIBED
    # Nothing new since: the next run sends nothing and asks no topic.
    assert digests_send(centre=centre) == {"subscribers": 0, "mails": 0}
    assert topics["test.news"].calls == 1


def test_the_list_unsubscribe_header_reaches_the_mail(centre, topics, mailoutbox):
    from centrum.core.outbox import outbox_send_all_due

    subscriber_in_state(centre=centre, email="all@example.org")
    digests_send(centre=centre)
    outbox_send_all_due()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "List-Unsubscribe" in mailoutbox[0].message()


def test_each_item_subscribers_get_mail_sooner_than_weekly(centre, topics):
    subscriber_in_state(
        centre=centre,
        email="each@example.org",
        frequency=Frequency.EACH,
        last_sent_at=timezone.now() - timedelta(days=3),
    )
    subscriber_in_state(
        centre=centre, email="weekly@example.org", last_sent_at=timezone.now() - timedelta(days=3)
    )
    assert digests_send(centre=centre) == {"subscribers": 1, "mails": 1}
    assert OutboxMessage.objects.get().to == ["each@example.org"]
