"""Test data: organisations with areas and addresses, announcements in a state, subscribers, topics."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centrum.core import portal
from centrum.organisations.models import ActivityArea
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import AnnouncementStatus, Frequency, SubscriberStatus
from ..models import Announcement, Subscriber, Subscription
from ..services import recipients_build


def organisation_in(centre, *codes, **fields):
    org = OrganisationFactory(centre=centre, **fields)
    org.areas.set(ActivityArea.objects.filter(code__in=codes))
    return org


def announcement_in_state(
    *, centre, state: str = AnnouncementStatus.DRAFT, areas=(), **fields
) -> Announcement:
    """An announcement reaching at least one organisation (one is made when the centre has none)."""
    from centrum.organisations.models import Organisation

    if not Organisation.objects.filter(centre=centre, status="active").exclude(email="").exists():
        organisation_in(centre, "1")
    defaults = {"subject": "Spotkanie informacyjne", "body": "<p>Zapraszamy.</p>", "status": state}
    if state == AnnouncementStatus.SCHEDULED:
        defaults["scheduled_for"] = timezone.now() - timedelta(minutes=1)
    announcement = Announcement.objects.create(centre=centre, **{**defaults, **fields})
    announcement.areas.set(ActivityArea.objects.filter(code__in=areas))
    if state in (AnnouncementStatus.SENDING, AnnouncementStatus.SENT):
        recipients_build(announcement=announcement)
        if state == AnnouncementStatus.SENT:
            announcement.recipients.update(queued=True)
    return announcement


def subscriber_in_state(
    *, centre, state: str = SubscriberStatus.ACTIVE, email: str = "", topics=("test.news",), **fields
):
    now = timezone.now()
    subscriber = Subscriber.objects.create(
        centre=centre,
        email=email or f"osoba{Subscriber.objects.count() + 1}@example.org",
        status=state,
        confirmed_at=now if state == SubscriberStatus.ACTIVE else None,
        **{
            "frequency": Frequency.WEEKLY,
            "last_sent_at": now - timedelta(days=8) if state == SubscriberStatus.ACTIVE else None,
            **fields,
        },
    )
    for topic in topics:
        Subscription.objects.create(centre=centre, subscriber=subscriber, topic=topic)
    return subscriber


class TopicSpy:
    """A topic source that counts how often it was asked."""

    def __init__(self, items):
        self.items, self.calls = items, 0

    def __call__(self, centre, since, until):
        self.calls += 1
        return [i for i in self.items if since <= i.published_at < until]


@pytest.fixture
def topics():
    """Two topics registered for the test (the apps that publish them register theirs in production)."""
    now = timezone.now()
    news = TopicSpy(
        [
            portal.TopicItem(
                title="Dzień Organizacji Pozarządowych",
                url="https://x/1",
                published_at=now - timedelta(days=2),
            ),
            portal.TopicItem(title="Stary wpis", url="https://x/0", published_at=now - timedelta(days=40)),
        ]
    )
    calls = TopicSpy(
        [
            portal.TopicItem(
                title="Konkurs: pomoc społeczna",
                url="https://x/2",
                published_at=now - timedelta(days=1),
                fields=("1",),
            ),
            portal.TopicItem(
                title="Konkurs: sport",
                url="https://x/3",
                published_at=now - timedelta(days=1),
                fields=("13",),
            ),
        ]
    )
    saved = dict(portal.NEWSLETTER_TOPICS)
    portal.register_newsletter_topic(portal.NewsletterTopic(key="test.news", label="Aktualności", items=news))
    portal.register_newsletter_topic(
        portal.NewsletterTopic(key="test.calls", label="Nabory i konkursy", items=calls, by_fields=True)
    )
    yield {"test.news": news, "test.calls": calls}
    portal.NEWSLETTER_TOPICS.clear()
    portal.NEWSLETTER_TOPICS.update(saved)
