"""Demo data in every centre: a sent announcement (with its record of recipients and mail in the outbox), a
draft, and subscribers in each state. Miechów's first duty is "bieżące informowanie organizacji o sprawach
istotnych dla ich działalności i rozwoju (aspekty prawne, konkursy, wydarzenia)": its announcements say so.
Idempotent."""

import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.core.exceptions import ApplicationError
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import Frequency, SubscriberStatus
from .models import Announcement, Subscriber, Subscription
from .selectors import topics_for
from .services import announcement_create, announcement_send, announcements_deliver

SENT = (
    "Nabór wniosków w otwartym konkursie ofert – spotkanie informacyjne",
    "<p>Szanowni Państwo,</p><p>zapraszamy przedstawicieli organizacji na spotkanie informacyjne o "
    "zasadach składania ofert w otwartym konkursie ofert na realizację zadań publicznych. Omówimy "
    "formularz oferty, kosztorys i sprawozdawczość.</p><p>Prosimy o potwierdzenie udziału telefonicznie "
    "lub mailowo.</p>",
)
DRAFT = (
    "Zmiany w przepisach o sprawozdawczości finansowej organizacji",
    "<p>Przypominamy o terminach sprawozdań finansowych i o bezpłatnych konsultacjach z księgową i radcą "
    "prawnym w centrum.</p>",
)
PEOPLE = ("anna.kowalska", "piotr.wisniewski", "ewa.zielinska", "marek.lewandowski", "joanna.wojcik")


def _staff(centre):
    return get_user_model().objects.filter(email=demo_email("pracownik", centre.slug)).first()


def _areas(centre) -> list[str]:
    """The two fields most of the centre's organisations work in: the announcement goes to them."""
    codes: dict[str, int] = {}
    for organisation in Organisation.objects.filter(
        centre=centre, status=OrganisationStatus.ACTIVE
    ).prefetch_related("areas")[:200]:
        for area in organisation.areas.all():
            codes[area.code] = codes.get(area.code, 0) + 1
    return sorted(codes, key=lambda code: (-codes[code], code))[:2]


def seed(*, centre, rng: random.Random) -> str | None:
    if Announcement.objects.filter(centre=centre).exists():
        return None
    staff = _staff(centre)
    if staff is None:
        return None
    sent = announcement_create(
        centre=centre, actor=staff, data={"subject": SENT[0], "body": SENT[1], "areas": _areas(centre)}
    )
    try:
        announcement_send(announcement=sent, actor=staff)
    except ApplicationError:  # a centre without organisations with an address keeps the draft
        pass
    else:
        while announcements_deliver(centre=centre)["queued"]:
            pass
        announcements_deliver(centre=centre)
    announcement_create(centre=centre, actor=staff, data={"subject": DRAFT[0], "body": DRAFT[1]})
    topics, now = topics_for(centre=centre), timezone.now()
    statuses = (
        SubscriberStatus.ACTIVE,
        SubscriberStatus.ACTIVE,
        SubscriberStatus.ACTIVE,
        SubscriberStatus.PENDING,
        SubscriberStatus.UNSUBSCRIBED,
    )
    for index, (name, status) in enumerate(zip(PEOPLE, statuses, strict=True)):
        subscriber = Subscriber.objects.create(
            centre=centre,
            email=f"{name}@{centre.slug}.demo",
            status=status,
            frequency=Frequency.EACH if index % 2 else Frequency.WEEKLY,
            confirmed_at=now if status == SubscriberStatus.ACTIVE else None,
            last_sent_at=now if status == SubscriberStatus.ACTIVE else None,
            unsubscribed_at=now if status == SubscriberStatus.UNSUBSCRIBED else None,
        )
        for topic in topics[: 1 + index % max(len(topics), 1)]:
            Subscription.objects.create(centre=centre, subscriber=subscriber, topic=topic.key)
    return f"announcements: 2, subscribers: {len(PEOPLE)}"
