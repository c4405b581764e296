"""Choices of the advice service: domains a centre starts with, modes, states."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The domains every centre starts with (names kept in Polish in the database: data per centre, staff add more).
DEFAULT_DOMAINS = (
    "prawo",
    "księgowość",
    "pozyskiwanie funduszy",
    "sprawy organizacyjne",
    "promocja",
    "informatyka",
)


class Mode(models.TextChoices):
    IN_PERSON = "in_person", _("na miejscu")
    ONLINE = "online", _("online")


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", _("umówiona")
    CANCELLED = "cancelled", _("odwołana")
    DONE = "done", _("odbyta")


class AbsenceKind(models.TextChoices):
    SICKNESS = "sickness", _("choroba")
    LEAVE = "leave", _("urlop")
    OTHER = "other", _("inna nieobecność")


class AssignmentKind(models.TextChoices):
    SERVICE = "service", _("stała usługa (np. księgowość, radca prawny)")
    CARETAKER = "caretaker", _("opiekun organizacji")
