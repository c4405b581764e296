"""Statuses and kinds of the grants app (open competitions: announcement, offers, evaluation).

The transitions between statuses are declared in `workflows/` for the one engine (`centrum.core.workflow`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompetitionKind(models.TextChoices):
    # art. 11 ust. 1: wspieranie (co-financing, own contribution required) or powierzanie (full funding)
    SUPPORT = "support", _("wspieranie (wymagany wkład własny)")
    COMMISSIONING = "commissioning", _("powierzenie (pełne finansowanie)")


class CompetitionStatus(models.TextChoices):
    DRAFT = "draft", _("szkic ogłoszenia")
    PUBLISHED = "published", _("ogłoszony – przyjmowanie ofert")
    EVALUATION = "evaluation", _("ocena ofert")
    DECIDED = "decided", _("rozstrzygnięty")
    VOIDED = "voided", _("unieważniony")


class Channel(models.TextChoices):
    BIP = "bip", _("Biuletyn Informacji Publicznej")
    BOARD = "board", _("tablica ogłoszeń urzędu")
    WEBSITE = "website", _("strona internetowa")
    PRESS = "press", _("prasa (nieobowiązkowo)")


# The three channels art. 13 ust. 3 and art. 15 ust. 2h require (press is optional).
REQUIRED_CHANNELS = (Channel.BIP, Channel.BOARD, Channel.WEBSITE)


class PublicationPurpose(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("ogłoszenie konkursu")
    RESULTS = "results", _("wyniki konkursu")
    VOIDING = "voiding", _("unieważnienie konkursu")
    NOMINEES_CALL = "nominees_call", _("nabór kandydatów do komisji")


class OwnContributionBasis(models.TextChoices):
    TOTAL_COST = "total", _("procent całkowitego kosztu zadania")
    GRANT = "grant", _("procent kwoty dotacji")


class OwnContributionType(models.TextChoices):
    FINANCIAL = "financial", _("tylko wkład finansowy")
    ANY = "any", _("wkład finansowy lub niefinansowy")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    SUBMITTED = "submitted", _("złożona")
    CORRECTION = "correction", _("do poprawy (braki formalne)")
    FORMALLY_ACCEPTED = "formally_accepted", _("poprawna formalnie – ocena merytoryczna")
    FORMALLY_REJECTED = "formally_rejected", _("odrzucona formalnie")
    SELECTED = "selected", _("wybrana – dotacja przyznana")
    NOT_SELECTED = "not_selected", _("niewybrana")
    WITHDRAWN = "withdrawn", _("wycofana")


# States in which the offer's content may be edited by the organisation.
EDITABLE_OFFER_STATUSES = (OfferStatus.DRAFT, OfferStatus.CORRECTION)
# States in which the offer counts as filed in the competition (art. 18a: a competition with none is voided).
FILED_OFFER_STATUSES = (
    OfferStatus.SUBMITTED,
    OfferStatus.CORRECTION,
    OfferStatus.FORMALLY_ACCEPTED,
    OfferStatus.FORMALLY_REJECTED,
    OfferStatus.SELECTED,
    OfferStatus.NOT_SELECTED,
)


class CostCategory(models.TextChoices):
    # 2018 layout (Dz.U. 2018 poz. 2057, V.A): I – koszty realizacji działań, II – koszty administracyjne
    ACTIONS = "actions", _("I. Koszty realizacji działań")
    ADMINISTRATIVE = "administrative", _("II. Koszty administracyjne")


class PaperSigning(models.TextChoices):
    PAPER = "paper", _("potwierdzenie podpisane na papierze")
    SIGNED_FILE = "signed_file", _("plik podpisany elektronicznie (PAdES/XAdES)")


# evaluation
class MemberSide(models.TextChoices):
    OFFICIAL = "official", _("przedstawiciel organu")
    NGO = "ngo", _("przedstawiciel organizacji pozarządowych")
    EXPERT = "expert", _("ekspert (głos doradczy)")


class MemberStatus(models.TextChoices):
    NOMINATED = "nominated", _("zgłoszony kandydat")
    APPOINTED = "appointed", _("członek komisji")
    EXCLUDED = "excluded", _("wyłączony – organizacja złożyła ofertę")
    NOT_SELECTED = "not_selected", _("niewybrany")


class WithoutNgoReason(models.TextChoices):
    # art. 15 ust. 2da: the commission works without NGO representatives when...
    NONE_NOMINATED = "none_nominated", _("żadna organizacja nie wskazała osób do komisji")
    ALL_EXCLUDED = "all_excluded", _("wszystkie wskazane osoby podlegają wyłączeniu")
    NONE_ATTEND = "none_attend", _("wskazane osoby nie wzięły udziału w pracach komisji")


# contracts (issue 12: after the results)
class ContractKind(models.TextChoices):
    COMPETITION = "competition", _("umowa po otwartym konkursie ofert (art. 16)")
    SMALL_GRANT = "small_grant", _("umowa w trybie pozakonkursowym – mały grant (art. 19a)")


class ContractStatus(models.TextChoices):
    DRAFT = "draft", _("projekt umowy")
    SIGNED = "signed", _("zawarta – w realizacji")
    SETTLED = "settled", _("rozliczona")
    TERMINATED = "terminated", _("rozwiązana")


# small_grants ---
class SmallGrantStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    RECEIVED = "received", _("złożona – do oceny celowości")
    PURPOSEFUL = "purposeful", _("zadanie celowe – do publikacji")
    NOT_PURPOSEFUL = "not_purposeful", _("zadanie niecelowe")
    PUBLISHED = "published", _("opublikowana – uwagi")
    CONTRACTED = "contracted", _("umowa zawarta")
    REJECTED = "rejected", _("odrzucona")
    WITHDRAWN = "withdrawn", _("wycofana")


# The channels an art. 19a offer is published on (art. 19a ust. 3): all three are required.
SMALL_GRANT_CHANNELS = (Channel.BIP, Channel.BOARD, Channel.WEBSITE)
# States in which the offer is public (the list, its page, its comments).
PUBLIC_SMALL_GRANT_STATUSES = (SmallGrantStatus.PUBLISHED, SmallGrantStatus.CONTRACTED)


# contracts ---
class BudgetUpdateStatus(models.TextChoices):
    DRAFT = "draft", _("w przygotowaniu")
    SUBMITTED = "submitted", _("złożona – czeka na urząd")
    ACCEPTED = "accepted", _("przyjęta")
    RETURNED = "returned", _("zwrócona do poprawy")


class AnnexStatus(models.TextChoices):
    DRAFT = "draft", _("projekt aneksu")
    SIGNED = "signed", _("zawarty")


# reports ---
class ReportKind(models.TextChoices):
    PARTIAL = "partial", _("sprawozdanie częściowe")
    FINAL = "final", _("sprawozdanie końcowe")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("w przygotowaniu")
    SUBMITTED = "submitted", _("złożone – do sprawdzenia")
    CORRECTION = "correction", _("do poprawy")
    ACCEPTED = "accepted", _("przyjęte")


class ControlPhase(models.TextChoices):
    DURING = "during", _("w trakcie realizacji zadania")
    AFTER = "after", _("po zakończeniu zadania")
