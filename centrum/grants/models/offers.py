"""An offer on the form of annex 1 to Dz.U. 2018 poz. 2057 (oferta / oferta wspólna): sections I–VII, the
cost table (V.A), the sources (V.B) and, for a joint offer, the split of costs between the offerors (V.C)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import OfferStatus, PaperSigning
from .competitions import MONEY, Competition
from .cost_lines import MultiYearCostLine


class Offer(CentreScopedModel):
    competition = models.ForeignKey(
        Competition, on_delete=models.PROTECT, related_name="offers", verbose_name=_("konkurs")
    )
    # The lead offeror (the first in section II); a joint offer lists the others in Offeror rows.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="grant_offers",
        verbose_name=_("oferent"),
    )
    number = models.CharField(_("numer oferty"), max_length=40, blank=True)
    is_joint = models.BooleanField(_("oferta wspólna"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    # II.2 contact person for explanations
    contact_name = models.CharField(_("osoba do kontaktu – imię i nazwisko"), max_length=200, blank=True)
    contact_email = models.EmailField(_("osoba do kontaktu – e-mail"), blank=True)
    contact_phone = models.CharField(_("osoba do kontaktu – telefon"), max_length=40, blank=True)
    # III. Opis zadania
    title = models.CharField(_("tytuł zadania publicznego"), max_length=300, blank=True)
    start_date = models.DateField(_("data rozpoczęcia"), null=True, blank=True)
    end_date = models.DateField(_("data zakończenia"), null=True, blank=True)
    synopsis = models.TextField(_("syntetyczny opis zadania (III.3)"), blank=True)
    results_description = models.TextField(_("opis zakładanych rezultatów (III.5)"), blank=True)
    # IV. Charakterystyka oferenta
    past_activity = models.TextField(_("informacja o wcześniejszej działalności (IV.1)"), blank=True)
    resources = models.TextField(_("zasoby kadrowe, rzeczowe i finansowe (IV.2)"), blank=True)
    # V.B sources (the total is the sum of V.A; each source is kept as entered, in złoty and grosze)
    requested_grant = models.DecimalField(_("wnioskowana kwota dotacji"), default=0, **MONEY)
    own_financial = models.DecimalField(_("wkład własny finansowy"), default=0, **MONEY)
    own_personal = models.DecimalField(_("wkład osobowy (praca społeczna, wolontariat)"), default=0, **MONEY)
    own_material = models.DecimalField(_("wkład rzeczowy"), default=0, **MONEY)
    recipient_fees = models.DecimalField(_("świadczenia pieniężne od odbiorców zadania"), default=0, **MONEY)
    total_cost = models.DecimalField(_("całkowity koszt zadania"), default=0, **MONEY)
    # VI. Inne informacje
    paid_activity = models.BooleanField(
        _("zadanie realizowane w ramach działalności odpłatnej (VI.1)"), default=False
    )
    paid_activity_note = models.TextField(
        _("deklaracja o zamiarze odpłatnego lub nieodpłatnego wykonania"), blank=True
    )
    other_information = models.TextField(_("inne informacje istotne dla oceny oferty (VI.3)"), blank=True)
    # VII. Oświadczenia (each a box the offeror ticks)
    declarations = models.JSONField(_("oświadczenia (VII)"), default=dict, blank=True)
    # Submission and signing (the generator model: the confirmation carries the offer's checksum)
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    # SET_NULL (offers): removing a person's account keeps the filed offer (its content is frozen anyway).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    checksum = models.CharField(_("suma kontrolna"), max_length=64, blank=True)
    signing = models.CharField(
        _("sposób podpisania potwierdzenia"), max_length=20, choices=PaperSigning.choices, blank=True
    )
    confirmation_received_at = models.DateTimeField(_("potwierdzenie przyjęto"), null=True, blank=True)
    confirmation_received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set by the formal check's request for corrections: the offeror may edit and resubmit until then.
    correction_due_at = models.DateTimeField(_("termin usunięcia braków"), null=True, blank=True)
    awarded_grant = models.DecimalField(_("przyznana kwota dotacji"), null=True, blank=True, **MONEY)
    cloned_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skopiowano z"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The filed content exactly as the checksum was computed over it (canonical JSON), kept with the offer.
    filed_content = models.JSONField(_("treść złożonej oferty"), default=dict, blank=True, editable=False)
    # The signed confirmation uploaded as a file (PAdES PDF or XAdES XML): its name, digest and what was checked.
    signed_file = models.FileField(
        _("podpisane potwierdzenie"), upload_to="grants/confirmations/%Y/", blank=True, max_length=300
    )
    signed_file_sha256 = models.CharField(_("skrót pliku z podpisem"), max_length=64, blank=True)
    # The checksum whose confirmation (mail with the PDF) went out: a job sends it for every filing, so a
    # deadline rush stores offers without waiting for PDFs.
    confirmation_mailed_checksum = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["competition", "number", "id"]
        verbose_name = _("oferta")
        verbose_name_plural = _("oferty")
        indexes = [
            models.Index(fields=["centre", "competition", "status"]),
            models.Index(fields=["centre", "organisation", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(requested_grant__gte=0), name="grants_offer_grant_ge_0"
            ),
            models.CheckConstraint(condition=models.Q(total_cost__gte=0), name="grants_offer_total_ge_0"),
            models.UniqueConstraint(
                fields=["competition", "number"],
                condition=~models.Q(number=""),
                name="grants_offer_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(_("Oferta (szkic)"))

    def get_absolute_url(self) -> str:
        return reverse("grants:offer", args=[self.pk])

    @property
    def confirmation_due_at(self):
        """The signed confirmation is due `confirmation_days` after the submission."""
        if self.submitted_at is None:
            return None
        from datetime import timedelta

        return self.submitted_at + timedelta(days=self.competition.confirmation_days)


class Offeror(CentreScopedModel):
    """One offeror of section II.1 (for a joint offer, each of them), as the registry knew it when filed."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="offerors", verbose_name=_("oferta")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja z rejestru"),
    )
    name = models.CharField(_("nazwa oferenta"), max_length=300)
    legal_form = models.CharField(_("forma prawna"), max_length=200, blank=True)
    register_number = models.CharField(_("numer w KRS lub innej ewidencji"), max_length=60, blank=True)
    seat = models.CharField(_("adres siedziby"), max_length=300, blank=True)
    website = models.CharField(_("strona www"), max_length=300, blank=True)
    correspondence_address = models.CharField(_("adres do korespondencji"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    # VI.2 (joint offer): what this offeror does
    actions_scope = models.TextField(_("działania tego oferenta (VI.2)"), blank=True)

    class Meta:
        ordering = ["offer", "position", "id"]
        verbose_name = _("oferent")
        verbose_name_plural = _("oferenci")

    def __str__(self) -> str:
        return self.name


class OfferAction(CentreScopedModel):
    """A row of III.4 (plan and schedule): one action of the task."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="actions", verbose_name=_("oferta")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    year = models.PositiveSmallIntegerField(_("rok"), null=True, blank=True)
    name = models.CharField(_("nazwa działania"), max_length=300)
    description = models.TextField(_("opis"), blank=True)
    target_group = models.CharField(_("grupa docelowa"), max_length=300, blank=True)
    planned_term = models.CharField(_("planowany termin realizacji"), max_length=200, blank=True)
    subcontracted_scope = models.CharField(
        _("zakres realizowany przez podmiot niebędący stroną umowy"), max_length=300, blank=True
    )

    class Meta:
        ordering = ["offer", "year", "position", "id"]
        verbose_name = _("działanie")
        verbose_name_plural = _("działania")

    def __str__(self) -> str:
        return self.name


class OfferResult(CentreScopedModel):
    """A row of III.6: a result with its target value and how it is monitored."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="results", verbose_name=_("oferta")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    name = models.CharField(_("nazwa rezultatu"), max_length=300)
    target_value = models.DecimalField(
        _("planowany poziom osiągnięcia rezultatu"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    monitoring = models.CharField(_("sposób monitorowania / źródło informacji"), max_length=500)

    class Meta:
        ordering = ["offer", "position", "id"]
        verbose_name = _("rezultat")
        verbose_name_plural = _("rezultaty")

    def __str__(self) -> str:
        return self.name


class OfferCostLine(MultiYearCostLine):
    """A line of V.A: value = unit cost × number of units, rounded half-up to the grosz; the year columns of a
    multi-year task sum to the value."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="cost_lines", verbose_name=_("oferta")
    )
    action = models.ForeignKey(
        OfferAction,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="cost_lines",
        verbose_name=_("działanie"),
    )

    class Meta:
        ordering = ["offer", "category", "action__position", "position", "id"]
        verbose_name = _("pozycja kosztorysu")
        verbose_name_plural = _("pozycje kosztorysu")
        constraints = [
            models.CheckConstraint(condition=models.Q(unit_cost__gte=0), name="grants_cost_unit_ge_0"),
            models.CheckConstraint(condition=models.Q(units__gt=0), name="grants_cost_units_gt_0"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="grants_cost_value_ge_0"),
        ]


class OfferCostShare(CentreScopedModel):
    """A cell of V.C (joint offer): one offeror's share of the costs in one year."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="cost_shares", verbose_name=_("oferta")
    )
    offeror = models.ForeignKey(
        Offeror, on_delete=models.CASCADE, related_name="cost_shares", verbose_name=_("oferent")
    )
    year = models.PositiveSmallIntegerField(_("rok"), default=1)
    amount = models.DecimalField(_("kwota (zł)"), **MONEY)

    class Meta:
        ordering = ["offer", "offeror__position", "year"]
        verbose_name = _("podział kosztów")
        verbose_name_plural = _("podział kosztów")
        constraints = [
            models.UniqueConstraint(fields=["offeror", "year"], name="grants_cost_share_one_per_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="grants_cost_share_ge_0"),
        ]

    def __str__(self) -> str:
        return f"{self.offeror} {self.year}"


class OfferReviewer(CentreScopedModel):
    """A draft shared for comments with the organisation's caretaker or an adviser of the centre."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="reviewers", verbose_name=_("oferta")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("doradca")
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    shared_at = models.DateTimeField(_("udostępniono"), auto_now_add=True)

    class Meta:
        ordering = ["offer", "shared_at", "id"]
        verbose_name = _("udostępnienie oferty do konsultacji")
        verbose_name_plural = _("udostępnienia ofert do konsultacji")
        constraints = [models.UniqueConstraint(fields=["offer", "user"], name="grants_offer_reviewer_once")]

    def __str__(self) -> str:
        return f"{self.offer} → {self.user}"


class OfferComment(CentreScopedModel):
    """A comment on a shared draft (the adviser's, or the organisation's answer)."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="comments", verbose_name=_("oferta")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("autor"),
    )
    body = models.TextField(_("uwaga"), max_length=4000)
    created_at = models.DateTimeField(_("dodano"), auto_now_add=True)

    class Meta:
        ordering = ["offer", "created_at", "id"]
        verbose_name = _("uwaga do oferty")
        verbose_name_plural = _("uwagi do ofert")

    def __str__(self) -> str:
        return self.body[:60]
