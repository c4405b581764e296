"""Kinds and statuses of trainings, registrations and exhibitors (transitions live in workflows.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingKind(models.TextChoices):
    TRAINING = "training", _("szkolenie")
    WORKSHOP = "workshop", _("warsztaty")
    SEMINAR = "seminar", _("seminarium")
    CONFERENCE = "conference", _("konferencja")
    STUDY_VISIT = "study_visit", _("wizyta studyjna")
    CENTRE_EVENT = "centre_event", _("wydarzenie centrum")


class TrainingStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    PUBLISHED = "published", _("opublikowane")
    CANCELLED = "cancelled", _("odwołane")
    FINISHED = "finished", _("zakończone")


PUBLIC_STATUSES = (TrainingStatus.PUBLISHED, TrainingStatus.FINISHED)


class PlaceKind(models.TextChoices):
    ROOM = "room", _("sala centrum")
    ELSEWHERE = "elsewhere", _("inne miejsce")
    ONLINE = "online", _("online")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("potwierdzone")
    WAITING = "waiting", _("lista oczekujących")
    CANCELLED = "cancelled", _("anulowane")


ACTIVE_REGISTRATION = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class ExhibitorStatus(models.TextChoices):
    REQUESTED = "requested", _("zgłoszone")
    CONFIRMED = "confirmed", _("potwierdzone")
    DECLINED = "declined", _("odrzucone")
    WITHDRAWN = "withdrawn", _("wycofane")
