"""Reads. Every selector takes the centre (or a row of it): nothing runs unscoped."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower

from centrum.core import portal
from centrum.core.models import Centre, OutboxStatus
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.selectors import organisation_mailing_selection

from .choices import AnnouncementStatus, OppFilter, SubscriberStatus
from .models import Announcement, AnnouncementOptOut, AnnouncementRecipient, Subscriber, Subscription
from .permissions import can_manage_newsletter


@dataclass(frozen=True)
class Reach:
    """Whom an announcement's selection reaches: organisations, of them without an address, addresses."""

    organisations: int
    without_email: int
    addresses: int  # without those that asked for no more announcements
    stopped: int = 0  # addresses of the selection that asked for no more announcements


def selection_queryset(*, centre: Centre, areas, districts, legal_forms, opp: str):
    return organisation_mailing_selection(
        centre=centre,
        areas=list(areas),
        districts=list(districts),
        legal_forms=list(legal_forms),
        opp={OppFilter.OPP: True, OppFilter.NOT_OPP: False}.get(opp),
    )


def announcement_selection(*, announcement: Announcement):
    return selection_queryset(
        centre=announcement.centre,
        areas=announcement.areas.values_list("code", flat=True),
        districts=announcement.districts.values_list("pk", flat=True),
        legal_forms=announcement.legal_forms,
        opp=announcement.opp,
    )


def _stopped_addresses(centre_id: int):
    return (
        AnnouncementOptOut.objects.filter(centre_id=centre_id)
        .annotate(address=Lower("email"))
        .values("address")
    )


def reach_of(qs, *, centre_id: int) -> Reach:
    with_email = Q(email__gt="")
    stopped = Q(address__in=_stopped_addresses(centre_id))
    counts = qs.annotate(address=Lower("email")).aggregate(
        organisations=Count("id"),
        without_email=Count("id", filter=~with_email),
        addresses=Count("address", filter=with_email & ~stopped, distinct=True),
        stopped=Count("address", filter=with_email & stopped, distinct=True),
    )
    return Reach(**counts)


def announcement_reach(*, announcement: Announcement) -> Reach:
    return reach_of(announcement_selection(announcement=announcement), centre_id=announcement.centre_id)


def mailing_rows(*, announcement: Announcement):
    """(id, name, address) of every organisation with an address, by address: the sender groups equal
    addresses; streamed, so memory stays flat with any number of organisations."""
    return (
        announcement_selection(announcement=announcement)
        .filter(email__gt="")
        .annotate(address=Lower("email"))
        .exclude(address__in=_stopped_addresses(announcement.centre_id))
        .order_by("address", "name", "id")
        .values_list("id", "name", "address")
        .iterator(chunk_size=2000)
    )


def announcement_list(*, centre: Centre) -> QuerySet[Announcement]:
    return Announcement.objects.filter(centre=centre).select_related("created_by", "sent_by")


def announcement_get_for(*, centre: Centre, user, pk: int) -> Announcement:
    """Staff only: one 404 for missing, another centre's and not yours alike."""
    return get_for_centre_or_404(
        Announcement.objects.prefetch_related("areas", "districts"),
        centre=centre,
        pk=pk,
        visible=lambda a: can_manage_newsletter(user, centre),
    )


def delivery_progress(*, announcement: Announcement) -> dict[str, int]:
    """How far the sending got: recipients, handed to the outbox, and the outbox's sent and failed."""
    counts = announcement.recipients.aggregate(
        n_total=Count("id"),
        n_queued=Count("id", filter=Q(queued=True)),
        n_sent=Count(
            "id", filter=Q(message__status=OutboxStatus.SENT) | Q(queued=True, message__isnull=True)
        ),
        n_failed=Count("id", filter=Q(message__status=OutboxStatus.FAILED)),
    )
    return {key.removeprefix("n_"): value for key, value in counts.items()}


def recipient_list(*, announcement: Announcement, state: str = "") -> QuerySet[AnnouncementRecipient]:
    # The bodies stay in the database: a page of the record needs the outbox's state, not the mail.
    qs = announcement.recipients.select_related("message").defer(
        "message__body", "message__html_body", "message__attachments"
    )
    if state == "planned":
        qs = qs.filter(queued=False)
    elif state in (OutboxStatus.PENDING, OutboxStatus.FAILED):
        qs = qs.filter(message__status=state)
    elif state == OutboxStatus.SENT:
        qs = qs.filter(Q(message__status=OutboxStatus.SENT) | Q(queued=True, message__isnull=True))
    return qs.order_by("id")


def desk_card(*, centre: Centre) -> dict:
    """The staff dashboard: drafts, what is being sent and how far, subscribers."""
    counts = Announcement.objects.filter(centre=centre).aggregate(
        drafts=Count("id", filter=Q(status=AnnouncementStatus.DRAFT)),
        scheduled=Count("id", filter=Q(status=AnnouncementStatus.SCHEDULED)),
    )
    sending = list(
        Announcement.objects.filter(centre=centre, status=AnnouncementStatus.SENDING)
        .annotate(
            total=Count("recipients"),
            handed=Count("recipients", filter=Q(recipients__queued=True)),
        )
        .only("id", "subject", "status")
        .order_by("send_started_at", "id")[:5]
    )
    subscribers = Subscriber.objects.filter(centre=centre, status=SubscriberStatus.ACTIVE).count()
    return {**counts, "sending": sending, "subscribers": subscribers}


def subscriber_list(*, centre: Centre, status: str = "") -> QuerySet[Subscriber]:
    qs = Subscriber.objects.filter(centre=centre).annotate(topics=Count("subscriptions"))
    if status in SubscriberStatus.values:
        qs = qs.filter(status=status)
    return qs.order_by("email", "id")


def subscriber_get(*, centre: Centre, pk: int) -> Subscriber:
    """A subscriber of the centre, for staff (the view checks the role); 404 for another centre's."""
    return get_for_centre_or_404(Subscriber.objects.all(), centre=centre, pk=pk)


def subscriber_counts(*, centre: Centre) -> dict[str, int]:
    return Subscriber.objects.filter(centre=centre).aggregate(
        **{s.value: Count("id", filter=Q(status=s)) for s in SubscriberStatus}
    )


def topics_for(*, centre: Centre, settings=None) -> list[portal.NewsletterTopic]:
    """The topics people may subscribe to in `centre`: every registered topic of a module the centre runs."""
    return portal.sources_for(portal.NEWSLETTER_TOPICS, centre, settings=settings)


def subscriptions_of(*, subscriber: Subscriber) -> dict[str, list[str]]:
    return {s.topic: list(s.fields or []) for s in Subscription.objects.filter(subscriber=subscriber)}


def subscriber_by_email(*, centre: Centre, email: str) -> Subscriber | None:
    return Subscriber.objects.filter(centre=centre, email__iexact=email).first()
