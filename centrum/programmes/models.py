"""The cooperation programme (art. 5a of the Act on public-benefit activity): yearly or multi-year, with its
required parts, priority tasks and the funds planned for each; comments on its draft; the planned NGO grants of
each budget year as dated figures; and organisations' own-initiative proposals (art. 12)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import CommentOutcome, ProgrammeStatus, ProposalStatus

MONEY = {"max_digits": 14, "decimal_places": 2}
YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]

# The eleven parts art. 5a ust. 4 requires, in the statute's order: (field, label).
PARTS = (
    ("objectives", _("1. Cel główny i cele szczegółowe programu")),
    ("principles", _("2. Zasady współpracy")),
    ("scope", _("3. Zakres przedmiotowy")),
    ("forms", _("4. Formy współpracy (art. 5 ust. 2)")),
    ("priorities", _("5. Priorytetowe zadania publiczne – opis")),
    ("period", _("6. Okres realizacji programu")),
    ("implementation", _("7. Sposób realizacji programu")),
    ("funding", _("8. Wysokość środków planowanych na realizację programu – opis")),
    ("evaluation", _("9. Sposób oceny realizacji programu")),
    ("creation", _("10. Informacja o sposobie tworzenia programu i przebiegu konsultacji")),
    ("commissions", _("11. Tryb powoływania i zasady działania komisji konkursowych")),
)
PART_FIELDS = tuple(name for name, _label in PARTS)


class CooperationProgramme(CentreScopedModel):
    title = models.CharField(_("tytuł programu"), max_length=300)
    first_year = models.PositiveSmallIntegerField(_("pierwszy rok programu"), validators=YEAR)
    last_year = models.PositiveSmallIntegerField(_("ostatni rok programu"), validators=YEAR)
    status = models.CharField(
        _("status"), max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    objectives = models.TextField(PARTS[0][1], blank=True)
    principles = models.TextField(PARTS[1][1], blank=True)
    scope = models.TextField(PARTS[2][1], blank=True)
    forms = models.TextField(PARTS[3][1], blank=True)
    priorities = models.TextField(PARTS[4][1], blank=True)
    period = models.TextField(PARTS[5][1], blank=True)
    implementation = models.TextField(PARTS[6][1], blank=True)
    funding = models.TextField(PARTS[7][1], blank=True)
    evaluation = models.TextField(PARTS[8][1], blank=True)
    creation = models.TextField(PARTS[9][1], blank=True)
    commissions = models.TextField(PARTS[10][1], blank=True)
    consultation_starts_on = models.DateField(_("konsultacje projektu od"), null=True, blank=True)
    consultation_ends_on = models.DateField(_("konsultacje projektu do (włącznie)"), null=True, blank=True)
    council_opinion = models.TextField(_("opinia Rady Działalności Pożytku Publicznego"), blank=True)
    resolution_number = models.CharField(_("numer uchwały rady"), max_length=100, blank=True)
    adopted_on = models.DateField(_("data uchwalenia"), null=True, blank=True)
    adopted_late_reason = models.TextField(_("dlaczego uchwalono po terminie"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-first_year", "-id"]
        verbose_name = _("program współpracy")
        verbose_name_plural = _("programy współpracy")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(first_year__lte=models.F("last_year")), name="programmes_years_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", args=[self.pk])

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def parts(self) -> list[tuple[str, str, str]]:
        return [(name, label, getattr(self, name)) for name, label in PARTS]


class ProgrammeTask(CentreScopedModel):
    """A priority task of the programme (art. 5a ust. 4 pkt 5) with the funds planned for it (pkt 8)."""

    programme = models.ForeignKey(
        CooperationProgramme, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("program")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    sphere = models.ForeignKey(
        "organisations.ActivityArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sfera pożytku publicznego"),
    )
    title = models.CharField(_("zadanie priorytetowe"), max_length=500)
    planned_amount = models.DecimalField(
        _("planowane środki (zł)"), default=0, validators=[MinValueValidator(0)], **MONEY
    )
    year = models.PositiveSmallIntegerField(
        _("rok"),
        null=True,
        blank=True,
        help_text=_("W programie wieloletnim: rok, na który zaplanowano środki."),
    )

    class Meta:
        ordering = ["programme", "year", "position", "id"]
        verbose_name = _("zadanie priorytetowe")
        verbose_name_plural = _("zadania priorytetowe")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_amount__gte=0), name="programmes_task_amount_ge_0"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProgrammeComment(CentreScopedModel):
    """A comment on a draft in consultation, on one part or the whole, with the official's answer."""

    programme = models.ForeignKey(CooperationProgramme, on_delete=models.CASCADE, related_name="comments")
    part = models.CharField(
        _("część programu"), max_length=20, blank=True, choices=[("", _("cały program")), *PARTS]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("w imieniu organizacji"),
    )
    proposal = models.TextField(_("proponowane brzmienie lub uwaga"))
    justification = models.TextField(_("uzasadnienie"), blank=True)
    outcome = models.CharField(
        _("rozstrzygnięcie"), max_length=20, choices=CommentOutcome.choices, default=CommentOutcome.PENDING
    )
    answer = models.TextField(_("odpowiedź"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("odpowiedziano"), null=True, blank=True)

    class Meta:
        ordering = ["programme", "created_at", "id"]
        verbose_name = _("uwaga do projektu programu")
        verbose_name_plural = _("uwagi do projektu programu")

    def __str__(self) -> str:
        return self.proposal[:60]


class PlannedGrants(CentreScopedModel):
    """The planned NGO grants of a budget year as in force from a date (the base of the art. 19a cap): a new
    figure is added whenever the budget resolution changes; the history is kept."""

    year = models.PositiveSmallIntegerField(_("rok budżetowy"), validators=YEAR)
    amount = models.DecimalField(
        _("planowane dotacje dla organizacji (zł)"), validators=[MinValueValidator(0)], **MONEY
    )
    valid_from = models.DateField(_("obowiązuje od"))
    resolution = models.CharField(_("uchwała budżetowa lub jej zmiana"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "-valid_from", "-id"]
        verbose_name = _("planowane dotacje roku budżetowego")
        verbose_name_plural = _("planowane dotacje lat budżetowych")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year", "valid_from"], name="programmes_planned_one_per_day"
            ),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="programmes_planned_ge_0"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.amount}"


class OwnInitiativeProposal(CentreScopedModel):
    """An organisation's proposal to commission a public task (art. 12); the organ answers within a month."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("zadanie publiczne"), max_length=300)
    sphere = models.ForeignKey(
        "organisations.ActivityArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sfera pożytku publicznego"),
    )
    description = models.TextField(_("opis zadania"))
    expected_results = models.TextField(_("zakładane rezultaty"), blank=True)
    estimated_cost = models.DecimalField(
        _("szacunkowy koszt (zł)"), null=True, blank=True, validators=[MinValueValidator(0)], **MONEY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("odpowiedź organu"), blank=True)
    answer_due_on = models.DateField(_("termin odpowiedzi"))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["answer_due_on", "id"]
        verbose_name = _("oferta z własnej inicjatywy")
        verbose_name_plural = _("oferty z własnej inicjatywy")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:proposal", args=[self.pk])
