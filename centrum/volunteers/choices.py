"""Statuses and kinds of the volunteer centre (transitions in `workflows.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HostKind(models.TextChoices):
    ORGANISATION = "organisation", _("organizacja z rejestru")
    PUBLIC_BODY = "public_body", _("instytucja publiczna lub jej jednostka")


class PublicBodyKind(models.TextChoices):
    WELFARE = "welfare", _("ośrodek pomocy społecznej")
    LABOUR = "labour", _("urząd pracy")
    SCHOOL = "school", _("szkoła lub przedszkole")
    CULTURE = "culture", _("instytucja kultury")
    HEALTH = "health", _("placówka ochrony zdrowia")
    OFFICE = "office", _("urząd lub inna jednostka samorządu")
    OTHER = "other", _("inna jednostka publiczna")


class OfferKind(models.TextChoices):
    ONE_OFF = "one_off", _("jednorazowa")
    REGULAR = "regular", _("stała (regularnie)")
    PERIOD = "period", _("w określonym okresie")
    EVENT = "event", _("dyżury na wydarzeniu")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    SUBMITTED = "submitted", _("zgłoszona – czeka na moderację")
    PUBLISHED = "published", _("opublikowana")
    RETURNED = "returned", _("zwrócona do poprawy")
    REJECTED = "rejected", _("odrzucona")
    CLOSED = "closed", _("zamknięta")


HOST_EDITS = (OfferStatus.DRAFT, OfferStatus.RETURNED)


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("zgłoszenie – czeka na decyzję")
    ACCEPTED = "accepted", _("przyjęte")
    DECLINED = "declined", _("nieprzyjęte")
    WITHDRAWN = "withdrawn", _("wycofane")


# An application holding a place or waiting for one: a volunteer has one such per offer and shift.
OPEN_APPLICATION = (ApplicationStatus.APPLIED, ApplicationStatus.ACCEPTED)


class HoursStatus(models.TextChoices):
    LOGGED = "logged", _("wpisane – czeka na potwierdzenie")
    CONFIRMED = "confirmed", _("potwierdzone")
    REJECTED = "rejected", _("odrzucone")


class ConsentRecord(models.TextChoices):
    FILE = "file", _("skan podpisanej zgody")
    PAPER = "paper", _("zgoda na papierze w aktach centrum")
