"""Statuses and kinds of the local-initiatives app (transitions in `workflows.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IntakeMode(models.TextChoices):
    CALLS = "calls", _("w naborach (terminy naboru)")
    CONTINUOUS = "continuous", _("w trybie ciągłym")


class ApplicantKind(models.TextChoices):
    GROUP = "group", _("grupa mieszkańców")
    ORGANISATION = "organisation", _("za pośrednictwem organizacji")


class InitiativeStatus(models.TextChoices):
    DRAFT = "draft", _("szkic wniosku")
    SUBMITTED = "submitted", _("złożony – w ocenie")
    ACCEPTED = "accepted", _("przyjęty do realizacji")
    REJECTED = "rejected", _("odrzucony")
    AGREEMENT = "agreement", _("umowa w przygotowaniu")
    SIGNED = "signed", _("umowa podpisana – w realizacji")
    COMPLETED = "completed", _("zrealizowany")
    CANCELLED = "cancelled", _("anulowany")


# What the applicant still edits (the application) and what the official edits with them (the agreement).
APPLICANT_EDITS = (InitiativeStatus.DRAFT,)
AGREEMENT_EDITS = (InitiativeStatus.ACCEPTED, InitiativeStatus.AGREEMENT)
# Statuses counted in the public statistics as agreements.
AGREEMENT_STATUSES = (InitiativeStatus.SIGNED, InitiativeStatus.COMPLETED)


class ContributionKind(models.TextChoices):
    WORK = "work", _("praca społeczna")
    MONEY = "money", _("świadczenie pieniężne")
    IN_KIND = "in_kind", _("świadczenie rzeczowe")


class CostPayer(models.TextChoices):
    MUNICIPALITY = "municipality", _("gmina (środki budżetowe)")
    APPLICANT = "applicant", _("wnioskodawca (wkład własny)")
