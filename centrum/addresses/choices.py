"""Statuses and kinds of the address service: agreements (registered seat or correspondence address) and mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AddressUse(models.TextChoices):
    SEAT = "seat", _("adres siedziby (rejestrowy)")
    CORRESPONDENCE = "correspondence", _("adres do korespondencji")


class AgreementStatus(models.TextChoices):
    REQUESTED = "requested", _("wniosek")
    ACTIVE = "active", _("obowiązuje")
    EXPIRING = "expiring", _("kończy się")
    ENDED = "ended", _("zakończone")
    TERMINATED = "terminated", _("rozwiązane")
    REJECTED = "rejected", _("odrzucone")
    WITHDRAWN = "withdrawn", _("wycofane")


# The organisation uses the centre's address: mail is accepted, the public list shows it.
IN_FORCE = (AgreementStatus.ACTIVE, AgreementStatus.EXPIRING)
OPEN = (AgreementStatus.REQUESTED, *IN_FORCE)
FINISHED = (AgreementStatus.ENDED, AgreementStatus.TERMINATED)


class KrsAddressCheck(models.TextChoices):
    NOT_CHECKED = "", _("nie sprawdzono")
    MOVED = "moved", _("adres zmieniony w KRS")
    STILL_HERE = "still_here", _("w KRS nadal adres centrum")
    NO_KRS = "no_krs", _("organizacja bez numeru KRS")


class MailKind(models.TextChoices):
    LETTER = "letter", _("list zwykły")
    REGISTERED = "registered", _("list polecony")
    PARCEL = "parcel", _("paczka")
    COURT = "court", _("pismo z sądu")
    TAX_OFFICE = "tax_office", _("pismo z urzędu skarbowego")


URGENT_KINDS = (MailKind.COURT, MailKind.TAX_OFFICE)


class MailStatus(models.TextChoices):
    WAITING = "waiting", _("czeka na odbiór")
    COLLECTED = "collected", _("odebrana")
    RETURNED = "returned", _("zwrócona nadawcy")
