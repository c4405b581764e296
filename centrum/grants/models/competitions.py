"""An open competition (art. 11–15, 18a of the Act on public-benefit activity): the announcement with every
item art. 13 requires, its own rules, formal requirements, scoring criteria and each publication channel."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import (
    Channel,
    CompetitionKind,
    CompetitionStatus,
    OwnContributionBasis,
    OwnContributionType,
    PublicationPurpose,
)

MONEY = {"max_digits": 14, "decimal_places": 2}
PERCENT = {
    "max_digits": 5,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
}


class Competition(CentreScopedModel):
    """The announcement of an open competition (ogłoszenie otwartego konkursu ofert) and its rules."""

    number = models.CharField(_("znak / numer ogłoszenia"), max_length=60, blank=True)
    title = models.CharField(_("tytuł konkursu"), max_length=300)
    organ = models.CharField(
        _("organ ogłaszający (adresat oferty, I.1)"),
        max_length=300,
        help_text=_("Np. Prezydent Miasta Częstochowy."),
    )
    # art. 13 ust. 2 pkt 1: rodzaj zadania (goes to the offer's I.2)
    task_kind = models.CharField(_("rodzaj zadania publicznego"), max_length=500)
    sphere = models.ForeignKey(
        "organisations.ActivityArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sfera pożytku publicznego (art. 4)"),
    )
    programme_task = models.ForeignKey(
        "programmes.ProgrammeTask",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competitions",
        verbose_name=_("zadanie priorytetowe programu współpracy"),
    )
    kind = models.CharField(
        _("forma zlecenia"), max_length=20, choices=CompetitionKind.choices, default=CompetitionKind.SUPPORT
    )
    budget_year = models.PositiveSmallIntegerField(_("rok budżetowy"))
    # art. 13 ust. 2 pkt 2
    funds_total = models.DecimalField(_("wysokość środków publicznych na realizację zadania (zł)"), **MONEY)
    # art. 13 ust. 2 pkt 3 and 4
    award_rules = models.TextField(_("zasady przyznawania dotacji"))
    implementation_terms = models.TextField(_("terminy i warunki realizacji zadania"))
    # art. 13 ust. 2 pkt 5 (the moment is enforced by the server, Europe/Warsaw)
    offers_deadline = models.DateTimeField(_("termin składania ofert"))
    # art. 13 ust. 2 pkt 6
    selection_procedure = models.TextField(_("tryb i kryteria wyboru ofert"))
    selection_date = models.DateField(_("termin dokonania wyboru ofert"))
    # art. 13 ust. 2 pkt 7: entered by hand until Centrum holds contracts of the same kind
    previous_funding = models.TextField(
        _("zadania tego samego rodzaju zrealizowane w tym i ubiegłym roku (z kosztami i dotacjami)"),
        blank=True,
    )
    task_start = models.DateField(_("zadanie może się zacząć najwcześniej"))
    task_end = models.DateField(_("zadanie musi się skończyć najpóźniej"))
    # The announcement's own rules, checked by the offer form and the formal check.
    max_grant = models.DecimalField(
        _("maksymalna kwota dotacji na ofertę (zł)"), null=True, blank=True, **MONEY
    )
    min_own_contribution_percent = models.DecimalField(
        _("minimalny wkład własny (%)"), default=Decimal("0"), **PERCENT
    )
    own_contribution_basis = models.CharField(
        _("podstawa wkładu własnego"),
        max_length=10,
        choices=OwnContributionBasis.choices,
        default=OwnContributionBasis.TOTAL_COST,
    )
    own_contribution_type = models.CharField(
        _("rodzaj wymaganego wkładu własnego"),
        max_length=10,
        choices=OwnContributionType.choices,
        default=OwnContributionType.ANY,
    )
    admin_costs_cap_percent = models.DecimalField(
        _("limit kosztów administracyjnych (% całkowitego kosztu)"), null=True, blank=True, **PERCENT
    )
    results_table_required = models.BooleanField(
        _("wymagana tabela rezultatów (sekcja III.6 oferty)"), default=True
    )
    multi_year = models.BooleanField(_("zadanie wieloletnie"), default=False)
    # Signing the confirmation of an electronic submission (the generator model)
    confirmation_days = models.PositiveSmallIntegerField(
        _("dni na dostarczenie podpisanego potwierdzenia złożenia oferty"), default=3
    )
    correction_days = models.PositiveSmallIntegerField(_("dni na usunięcie braków formalnych"), default=7)
    status = models.CharField(
        _("status"), max_length=20, choices=CompetitionStatus.choices, default=CompetitionStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    published_at = models.DateTimeField(_("ogłoszono w Centrum"), null=True, blank=True)
    results_published_at = models.DateTimeField(_("ogłoszono wyniki"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-offers_deadline", "-id"]
        verbose_name = _("otwarty konkurs ofert")
        verbose_name_plural = _("otwarte konkursy ofert")
        indexes = [models.Index(fields=["centre", "status", "offers_deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(task_start__lte=models.F("task_end")),
                name="grants_competition_task_window_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(funds_total__gte=0), name="grants_competition_funds_ge_0"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("grants:competition", args=[self.pk])


class CompetitionPublication(CentreScopedModel):
    """One channel an announcement, its results or its voiding was published on: date and address."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="publications", verbose_name=_("konkurs")
    )
    purpose = models.CharField(_("co opublikowano"), max_length=20, choices=PublicationPurpose.choices)
    channel = models.CharField(_("kanał"), max_length=10, choices=Channel.choices)
    published_on = models.DateField(_("data publikacji"))
    address = models.CharField(
        _("adres lub miejsce publikacji"),
        max_length=500,
        help_text=_("Adres strony BIP, strony www lub tablicy."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["competition", "purpose", "published_on", "id"]
        verbose_name = _("publikacja")
        verbose_name_plural = _("publikacje")
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "purpose", "channel"], name="grants_publication_one_per_channel"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.published_on}"


class FormalRequirement(CentreScopedModel):
    """A formal requirement of the announcement (the Act lists none; art. 13 ust. 2 pkt 6)."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="formal_requirements", verbose_name=_("konkurs")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    text = models.CharField(_("wymóg formalny"), max_length=500)
    fixable = models.BooleanField(
        _("brak można uzupełnić"), default=True, help_text=_("Czy oferent może poprawić ten brak w terminie.")
    )

    class Meta:
        ordering = ["competition", "position", "id"]
        verbose_name = _("wymóg formalny")
        verbose_name_plural = _("wymogi formalne")

    def __str__(self) -> str:
        return self.text


class ScoringCriterion(CentreScopedModel):
    """A merit criterion (art. 15 ust. 1 and the announcement) with its weight and maximum points."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("konkurs")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    name = models.CharField(_("kryterium"), max_length=500)
    statutory_point = models.PositiveSmallIntegerField(
        _("punkt art. 15 ust. 1"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
        help_text=_("Puste dla kryterium dodanego w ogłoszeniu."),
    )
    max_points = models.DecimalField(
        _("maksymalna liczba punktów"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    weight = models.DecimalField(
        _("waga"), max_digits=5, decimal_places=2, default=Decimal("1"), validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["competition", "position", "id"]
        verbose_name = _("kryterium oceny")
        verbose_name_plural = _("kryteria oceny")

    def __str__(self) -> str:
        return self.name


class ReasonsRequest(CentreScopedModel):
    """A request for the reasons of selecting or rejecting an offer, which anyone may file after the results
    are published (no account needed); the official's answer has its own deadline."""

    competition = models.ForeignKey(
        Competition, on_delete=models.CASCADE, related_name="reasons_requests", verbose_name=_("konkurs")
    )
    offer = models.ForeignKey(
        "grants.Offer",
        on_delete=models.CASCADE,
        related_name="reasons_requests",
        verbose_name=_("oferta"),
    )
    name = models.CharField(_("imię i nazwisko lub nazwa"), max_length=200)
    email = models.EmailField(_("adres e-mail do odpowiedzi"))
    question = models.TextField(_("treść wniosku"), blank=True)
    filed_at = models.DateTimeField(_("złożono"))
    answer_due_on = models.DateField(_("termin odpowiedzi"))
    answer = models.TextField(_("uzasadnienie"), blank=True)
    answered_at = models.DateTimeField(_("udzielono odpowiedzi"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reminded_on = models.DateField(_("przypomniano"), null=True, blank=True)

    class Meta:
        ordering = ["answer_due_on", "id"]
        verbose_name = _("wniosek o uzasadnienie")
        verbose_name_plural = _("wnioski o uzasadnienie")
        indexes = [models.Index(fields=["centre", "answered_at", "answer_due_on"])]

    def __str__(self) -> str:
        return f"{self.name} – {self.offer}"
