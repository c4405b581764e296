"""Statuses of the programmes app (transitions in `workflows.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("projekt")
    CONSULTATION = "consultation", _("projekt w konsultacjach")
    ADOPTED = "adopted", _("uchwalony")
    ARCHIVED = "archived", _("zakończony")


# A draft is public once it is put to consultation.
PUBLIC_STATUSES = (ProgrammeStatus.CONSULTATION, ProgrammeStatus.ADOPTED, ProgrammeStatus.ARCHIVED)


class CommentOutcome(models.TextChoices):
    PENDING = "pending", _("czeka na odpowiedź")
    ACCEPTED = "accepted", _("uwzględniona")
    PARTLY = "partly", _("uwzględniona częściowo")
    REJECTED = "rejected", _("nieuwzględniona")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("złożona – czeka na odpowiedź")
    ACCEPTED = "accepted", _("uznana za celową")
    REFUSED = "refused", _("nieuwzględniona")
