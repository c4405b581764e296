"""Announcements to organisations (with the record of who got what) and subscriptions of people to topics."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel, OutboxMessage

from .choices import AnnouncementStatus, DeliveryState, Frequency, OppFilter, SubscriberStatus


def new_secret() -> str:
    return secrets.token_urlsafe(12)


class Announcement(CentreScopedModel):
    """A message from the centre's staff to all organisations or a filtered set of them."""

    subject = models.CharField(_("temat"), max_length=200)
    body = models.TextField(_("treść"))  # rich text, cleaned by nh3 on input and on output
    attachment = models.FileField(_("załącznik"), upload_to="newsletter/%Y/%m/", blank=True)
    attachment_name = models.CharField(max_length=255, blank=True)
    # The selection: an empty filter means "all"; filters add up (AND), values within one filter are OR.
    areas = models.ManyToManyField(
        "organisations.ActivityArea", verbose_name=_("sfery działalności"), blank=True, related_name="+"
    )
    districts = models.ManyToManyField(
        "organisations.District", verbose_name=_("dzielnice"), blank=True, related_name="+"
    )
    legal_forms = models.JSONField(_("formy prawne"), default=list, blank=True)
    opp = models.CharField(_("status OPP"), max_length=10, choices=OppFilter.choices, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=AnnouncementStatus.choices, default=AnnouncementStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    scheduled_for = models.DateTimeField(_("wyślij o"), null=True, blank=True)
    send_started_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    recipient_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("komunikat")
        verbose_name_plural = _("komunikaty")

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("newsletter:announcement", args=[self.pk])


class AnnouncementRecipient(CentreScopedModel):
    """One address an announcement goes to: one row (and one mail) however many organisations share it."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="recipients")
    email = models.EmailField(_("adres"))
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organisation_names = models.CharField(_("organizacje"), max_length=500)
    # The outbox purges sent mail after its retention period: `queued` remembers that it was handed over.
    message = models.ForeignKey(
        OutboxMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    queued = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            # Database-enforced: one mail per address per announcement, even if two sends raced.
            models.UniqueConstraint(Lower("email"), "announcement", name="newsletter_recipient_once"),
        ]
        indexes = [models.Index(fields=["announcement", "queued"], name="newsletter_recipient_queue")]

    def __str__(self) -> str:
        return self.email

    @property
    def state(self) -> str:
        if self.message_id:
            return self.message.status
        return DeliveryState.SENT if self.queued else DeliveryState.PLANNED

    def get_state_display(self) -> str:
        return DeliveryState(self.state).label


class AnnouncementOptOut(CentreScopedModel):
    """An address that asked, by the link at the foot of an announcement, to get no more announcements."""

    email = models.EmailField(_("adres"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint("centre", Lower("email"), name="newsletter_optout_once")]
        verbose_name = _("rezygnacja z komunikatów")
        verbose_name_plural = _("rezygnacje z komunikatów")

    def __str__(self) -> str:
        return self.email


class Subscriber(CentreScopedModel):
    """A person who subscribed to topics with their address (no account): managed by signed links."""

    email = models.EmailField(_("adres e-mail"))
    status = models.CharField(
        _("status"), max_length=20, choices=SubscriberStatus.choices, default=SubscriberStatus.PENDING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    frequency = models.CharField(
        _("jak często"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    # Part of every signed link: a new secret voids the links mailed before.
    secret = models.CharField(max_length=32, default=new_secret)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # Items published since this moment go into the next mail.
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["email", "id"]
        verbose_name = _("subskrybent")
        verbose_name_plural = _("subskrybenci")
        constraints = [models.UniqueConstraint(Lower("email"), "centre", name="newsletter_subscriber_once")]
        indexes = [models.Index(fields=["centre", "status", "frequency"], name="newsletter_subscriber_due")]

    def __str__(self) -> str:
        return self.email


class Subscription(CentreScopedModel):
    """One topic (a `centrum.core.portal` NewsletterTopic key) a subscriber follows, maybe narrowed to fields."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    topic = models.CharField(_("temat"), max_length=60)
    fields = models.JSONField(_("sfery działalności"), default=list, blank=True)  # ActivityArea codes

    class Meta:
        ordering = ["topic", "id"]
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "topic"], name="newsletter_subscription_once")
        ]

    def __str__(self) -> str:
        return self.topic
