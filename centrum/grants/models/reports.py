"""After the results (the `reports` sub-feature): the report on the layout of annex 5 to Dz.U. 2018 poz. 2057
(partial and final; the simplified report of Dz.U. 2018 poz. 2055 for a small grant), the settlement's
returns register, and the control of the task (art. 17) with its recommendations.

A return and a recommendation have no status field: a return is due until its payment is recorded, a
recommendation open until it is marked done; "overdue" is read from the dates."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import ControlPhase, ReportKind, ReportStatus
from .competitions import MONEY
from .contracts import Contract, ContractCostLine, ContractResult


class Report(CentreScopedModel):
    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="reports", verbose_name=_("umowa")
    )
    kind = models.CharField(_("rodzaj sprawozdania"), max_length=20, choices=ReportKind.choices)
    # A partial report covers one budget year of a multi-year contract, or what the official demanded.
    period_year = models.PositiveSmallIntegerField(_("rok budżetowy"), null=True, blank=True)
    demanded = models.BooleanField(_("na wezwanie urzędu"), default=False)
    demanded_reason = models.TextField(_("zakres wezwania"), blank=True)
    due_on = models.DateField(_("termin złożenia"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    correction_due_on = models.DateField(_("termin poprawienia"), null=True, blank=True)
    # Part I: merits
    actions_done = models.TextField(_("opis wykonania zadania (działania zrealizowane)"), blank=True)
    results_description = models.TextField(_("opis osiągniętych rezultatów"), blank=True)
    # Part II: the sources other than the grant (the grant's part is per cost line)
    own_financial = models.DecimalField(_("wkład własny finansowy"), default=0, **MONEY)
    own_personal = models.DecimalField(_("wkład osobowy"), default=0, **MONEY)
    own_material = models.DecimalField(_("wkład rzeczowy"), default=0, **MONEY)
    recipient_fees = models.DecimalField(_("świadczenia pieniężne od odbiorców zadania"), default=0, **MONEY)
    # A line over the tolerance is submitted only when the organisation states its excess is returned.
    excess_acknowledged = models.BooleanField(
        _("przekroczenia pozycji ponad dopuszczalny procent zostaną zwrócone"), default=False
    )
    # Part III: extra information and declarations
    extra_info = models.TextField(_("dodatkowe informacje"), blank=True)
    declarations = models.BooleanField(_("oświadczenia z części III"), default=False)
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(_("przyjęto"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("sprawozdanie")
        verbose_name_plural = _("sprawozdania")
        indexes = [models.Index(fields=["centre", "status", "due_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["contract"],
                condition=models.Q(kind=ReportKind.FINAL),
                name="grants_report_one_final",
            ),
            models.UniqueConstraint(
                fields=["contract", "period_year"],
                condition=models.Q(kind=ReportKind.PARTIAL, demanded=False),
                name="grants_report_one_partial_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.contract.title}"

    def get_absolute_url(self):
        return reverse("grants:report", args=[self.pk])


class ReportCostLine(CentreScopedModel):
    """Part II: what one planned cost line actually cost, in total and from the grant."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="lines", verbose_name=_("sprawozdanie")
    )
    planned = models.ForeignKey(
        ContractCostLine, on_delete=models.CASCADE, related_name="+", verbose_name=_("pozycja kosztorysu")
    )
    actual_value = models.DecimalField(
        _("poniesione koszty ogółem (zł)"), validators=[MinValueValidator(0)], default=0, **MONEY
    )
    actual_grant = models.DecimalField(
        _("w tym z dotacji (zł)"), validators=[MinValueValidator(0)], default=0, **MONEY
    )

    class Meta:
        ordering = ["report", "planned__category", "planned__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "planned"], name="grants_report_line_once"),
            models.CheckConstraint(
                condition=models.Q(actual_grant__lte=models.F("actual_value")),
                name="grants_report_line_grant_le_value",
            ),
        ]


class ReportResult(CentreScopedModel):
    """Part I: the level achieved of one result of III.6."""

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="results", verbose_name=_("sprawozdanie")
    )
    result = models.ForeignKey(
        ContractResult, on_delete=models.CASCADE, related_name="+", verbose_name=_("rezultat")
    )
    achieved_value = models.DecimalField(
        _("osiągnięty poziom rezultatu"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        default=0,
    )
    comment = models.CharField(_("uwagi (np. przyczyny nieosiągnięcia)"), max_length=500, blank=True)

    class Meta:
        ordering = ["report", "result__position", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "result"], name="grants_report_result_once")]


class GrantReturn(CentreScopedModel):
    """One return of the grant, set when the final report is accepted: the unspent part, the part spent
    against the contract (lines over the tolerance) and what the official added with a reason."""

    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="grant_returns", verbose_name=_("umowa")
    )
    report = models.ForeignKey(
        Report,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_returns",
        verbose_name=_("sprawozdanie"),
    )
    unspent = models.DecimalField(_("niewykorzystana dotacja"), default=0, **MONEY)
    over_tolerance = models.DecimalField(_("dotacja wykorzystana niezgodnie z umową"), default=0, **MONEY)
    extra_amount = models.DecimalField(_("kwota dodana przez urząd"), default=0, **MONEY)
    extra_reason = models.TextField(_("uzasadnienie kwoty dodanej"), blank=True)
    amount = models.DecimalField(_("kwota do zwrotu"), validators=[MinValueValidator(0)], **MONEY)
    due_on = models.DateField(_("termin zwrotu"))
    paid_on = models.DateField(_("data wpłaty"), null=True, blank=True)
    amount_paid = models.DecimalField(_("wpłacono"), null=True, blank=True, **MONEY)
    interest = models.DecimalField(_("odsetki"), default=0, **MONEY)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("zwrot dotacji")
        verbose_name_plural = _("zwroty dotacji")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="grants_return_amount_ge_0"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} zł – {self.contract.title}"


class Control(CentreScopedModel):
    """A control of the task (art. 17): planned, then its protocol recorded."""

    contract = models.ForeignKey(
        Contract, on_delete=models.PROTECT, related_name="controls", verbose_name=_("umowa")
    )
    phase = models.CharField(_("kontrola"), max_length=20, choices=ControlPhase.choices)
    scope = models.TextField(_("zakres kontroli"))
    planned_on = models.DateField(_("planowana data kontroli"))
    controllers = models.CharField(_("kontrolujący"), max_length=300)
    protocol_on = models.DateField(_("data protokołu"), null=True, blank=True)
    findings = models.TextField(_("ustalenia"), blank=True)
    protocol_file = models.FileField(
        _("plik protokołu"), upload_to="grants/controls/%Y/", blank=True, max_length=300
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)

    class Meta:
        ordering = ["-planned_on", "-id"]
        verbose_name = _("kontrola")
        verbose_name_plural = _("kontrole")

    def __str__(self) -> str:
        return f"{self.get_phase_display()} – {self.contract.title}"

    def get_absolute_url(self):
        return reverse("grants:control", args=[self.pk])


class ControlRecommendation(CentreScopedModel):
    control = models.ForeignKey(
        Control, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("kontrola")
    )
    text = models.TextField(_("zalecenie"))
    due_on = models.DateField(_("termin wykonania"))
    done_on = models.DateField(_("wykonano"), null=True, blank=True)
    done_note = models.CharField(_("sposób wykonania"), max_length=500, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("zalecenie pokontrolne")
        verbose_name_plural = _("zalecenia pokontrolne")

    def __str__(self) -> str:
        return self.text[:80]


class DeadlineReminder(CentreScopedModel):
    """A reminder sent once (report, return or recommendation deadline; before or after it)."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["contract", "key"], name="grants_reminder_once")]
