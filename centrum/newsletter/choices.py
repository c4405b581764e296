"""Statuses of the newsletter's entities; their transitions are declared in `workflows.py`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AnnouncementStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    SCHEDULED = "scheduled", _("zaplanowany")
    SENDING = "sending", _("w wysyłce")
    SENT = "sent", _("wysłany")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("czeka na potwierdzenie")
    ACTIVE = "active", _("aktywna")
    UNSUBSCRIBED = "unsubscribed", _("wypisana")


class Frequency(models.TextChoices):
    EACH = "each", _("każda nowość (najwyżej raz na dzień)")
    WEEKLY = "weekly", _("cotygodniowe podsumowanie")


class OppFilter(models.TextChoices):
    ANY = "", _("wszystkie")
    OPP = "opp", _("tylko organizacje pożytku publicznego")
    NOT_OPP = "not_opp", _("tylko bez statusu OPP")


class DeliveryState(models.TextChoices):
    """What the record of recipients shows: the outbox message's state, or "planned" before it exists."""

    PLANNED = "planned", _("zaplanowana")
    QUEUED = "pending", _("w kolejce")
    SENT = "sent", _("wysłana")
    FAILED = "failed", _("niewysłana (błąd)")
