"""Statuses and choices of the consultations app (transitions in `workflows.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("projekt")
    OPEN = "open", _("trwa")
    CLOSED = "closed", _("zakończona – czeka na odpowiedzi")
    ANSWERED = "answered", _("uwagi rozpatrzone")
    REPORTED = "reported", _("sprawozdanie opublikowane")


PUBLIC_STATUSES = (
    ConsultationStatus.OPEN,
    ConsultationStatus.CLOSED,
    ConsultationStatus.ANSWERED,
    ConsultationStatus.REPORTED,
)


class Commenters(models.TextChoices):
    ORGANISATIONS = "organisations", _("organizacje pozarządowe")
    RESIDENTS = "residents", _("mieszkańcy")
    BOTH = "both", _("organizacje i mieszkańcy")


class ConsultedGroup(models.TextChoices):
    ALL_ORGANISATIONS = "all", _("wszystkie organizacje")
    FIELDS = "fields", _("organizacje działające w wybranych sferach")
    RESIDENTS = "residents", _("mieszkańcy")


class CommentStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("czeka na potwierdzenie e-mailem")
    SUBMITTED = "submitted", _("czeka na odpowiedź")
    ACCEPTED = "accepted", _("uwzględniona")
    PARTLY = "partly", _("uwzględniona częściowo")
    REJECTED = "rejected", _("nieuwzględniona")


ANSWERED_STATUSES = (CommentStatus.ACCEPTED, CommentStatus.PARTLY, CommentStatus.REJECTED)


class UnitLevel(models.IntegerChoices):
    CHAPTER = 0, _("rozdział")
    PARAGRAPH = 1, _("paragraf")
    SECTION = 2, _("ustęp")
    POINT = 3, _("punkt")
