"""Statuses and fixed vocabularies of councils and joint teams. The rules that differ by legal basis (term,
NGO share, days for an opinion…) are not here: they are fields of `BodyKind`, data per centre."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Selection(models.TextChoices):
    ELECTION = "election", _("wybory – organizacje zgłaszają kandydatów i głosują")
    APPOINTMENT = "appointment", _("powołanie przez prezydenta/burmistrza spośród zgłoszonych")
    NONE = "none", _("bez wyboru – skład ustala organ")


class TieRule(models.TextChoices):
    EARLIEST = "earliest", _("wygrywa kandydat zgłoszony wcześniej")
    LOT = "lot", _("losowanie (zapisane w wyniku)")


class Side(models.TextChoices):
    NGO = "ngo", _("organizacje pozarządowe")
    MUNICIPALITY = "municipality", _("organ wykonawczy")
    COUNCIL = "council", _("rada gminy")
    OTHER = "other", _("inne")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("przewodniczący")
    DEPUTY = "deputy", _("wiceprzewodniczący")
    SECRETARY = "secretary", _("sekretarz")
    MEMBER = "member", _("członek")


class ElectionStatus(models.TextChoices):
    OPEN = "open", _("trwa")
    CLOSED = "closed", _("zamknięte – wynik policzony")
    PUBLISHED = "published", _("wynik ogłoszony")


class OpinionStatus(models.TextChoices):
    AWAITING = "awaiting", _("czeka na opinię")
    GIVEN = "given", _("opinia wydana")
    WAIVED = "waived", _("bez opinii – upływ terminu")


class Verdict(models.TextChoices):
    POSITIVE = "positive", _("pozytywna")
    NEGATIVE = "negative", _("negatywna")
    REMARKS = "remarks", _("z uwagami")
