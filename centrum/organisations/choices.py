from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    ASSOCIATION = "stowarzyszenie", _("stowarzyszenie rejestrowe")
    ORDINARY_ASSOCIATION = "stowarzyszenie_zwykle", _("stowarzyszenie zwykłe")
    FOUNDATION = "fundacja", _("fundacja")
    VOLUNTEER_FIRE_BRIGADE = "osp", _("ochotnicza straż pożarna")
    SPORTS_CLUB = "klub_sportowy", _("klub sportowy / UKS")
    SPORTS_COMPANY = "spolka_sportowa", _("sportowa spółka kapitałowa (non-profit)")
    SOCIAL_COOPERATIVE = "spoldzielnia_socjalna", _("spółdzielnia socjalna")
    RURAL_WOMENS_CIRCLE = "kgw", _("koło gospodyń wiejskich")
    CHURCH_ENTITY = "koscielna_osoba_prawna", _("kościelna osoba prawna")
    JST_ASSOCIATION = "stowarzyszenie_jst", _("stowarzyszenie jednostek samorządu terytorialnego")
    ASSOCIATION_UNION = "zwiazek_stowarzyszen", _("związek stowarzyszeń")
    OTHER = "inna", _("inna")


class RegistryKind(models.TextChoices):
    KRS_S = "krs_s", _("KRS – rejestr stowarzyszeń (S)")
    KRS_P = "krs_p", _("KRS – rejestr przedsiębiorców (P)")
    STAROSTA = "starosta", _("ewidencja starosty")
    ARIMR = "arimr", _("Krajowy Rejestr Kół Gospodyń Wiejskich (ARiMR)")
    OTHER = "other", _("inny")


KRS_REGISTRY_KINDS = {RegistryKind.KRS_S, RegistryKind.KRS_P}


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("oczekuje na weryfikację")
    ACTIVE = "active", _("aktywna")
    SUSPENDED = "suspended", _("zawieszona")
    REJECTED = "rejected", _("zgłoszenie odrzucone")
    REMOVED = "removed", _("usunięta z rejestru")


class KrsRegisterStatus(models.TextChoices):
    """What the last KRS extract read says about the entity itself (kept when the extract is read)."""

    LIQUIDATION = "liquidation", _("w likwidacji")
    REMOVED = "removed", _("wykreślona z KRS")


# Transitions between these states are declared in workflows.py.
PUBLIC_STATUSES = (OrganisationStatus.ACTIVE, OrganisationStatus.SUSPENDED)
