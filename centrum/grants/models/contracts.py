"""A contract on the layout of annex 3 to Dz.U. 2018 poz. 2057 (umowa o realizację zadania publicznego):
after an open competition (from the selected offer) or without one (a small grant, art. 19a). Its
variables are kept on the row; the statuses are the `grants.contract` workflow's.

Sub-features around it: `contracts` (the updated budget, the contract, its signing and annexes),
`reports` (reports, settlement and returns, control) and `small_grants` (art. 19a)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import (
    AnnexStatus,
    BudgetUpdateStatus,
    ContractKind,
    ContractStatus,
    PaperSigning,
)
from .competitions import MONEY, PERCENT
from .cost_lines import MultiYearCostLine
from .offers import Offer, Offeror


class Contract(CentreScopedModel):
    kind = models.CharField(_("tryb"), max_length=20, choices=ContractKind.choices)
    # The selected offer of an open competition (kind=competition); a small grant's offer points here
    # from its own table (`SmallGrantOffer.contract`).
    offer = models.OneToOneField(
        Offer,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contract",
        verbose_name=_("oferta"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="grant_contracts",
        verbose_name=_("zleceniobiorca"),
    )
    number = models.CharField(_("numer umowy"), max_length=60, blank=True)
    title = models.CharField(_("tytuł zadania publicznego"), max_length=300)
    concluded_on = models.DateField(_("data zawarcia umowy"), null=True, blank=True)
    start_date = models.DateField(_("data rozpoczęcia realizacji zadania"))
    end_date = models.DateField(_("data zakończenia realizacji zadania"))
    # § 3: the grant and how it is paid; § 4: the contribution (annex 3 keeps each source apart)
    grant_amount = models.DecimalField(_("kwota dotacji"), validators=[MinValueValidator(0)], **MONEY)
    own_financial = models.DecimalField(_("wkład własny finansowy"), default=0, **MONEY)
    own_personal = models.DecimalField(_("wkład osobowy"), default=0, **MONEY)
    own_material = models.DecimalField(_("wkład rzeczowy"), default=0, **MONEY)
    recipient_fees = models.DecimalField(_("świadczenia pieniężne od odbiorców zadania"), default=0, **MONEY)
    total_cost = models.DecimalField(_("całkowity koszt zadania"), default=0, **MONEY)
    grant_share_percent = models.DecimalField(
        _("udział dotacji w całkowitym koszcie (%)"), default=0, **PERCENT
    )
    # The grant's share may move by at most this many percentage points in the report (0: not checked).
    share_tolerance_points = models.DecimalField(
        _("dopuszczalna zmiana udziału dotacji (punkty procentowe)"), default=0, **PERCENT
    )
    # "A cost line is consistent with the budget if it did not increase by more than …%" (annex 3).
    line_tolerance_percent = models.DecimalField(
        _("dopuszczalne zwiększenie pozycji kosztorysu (%)"), default=0, **PERCENT
    )
    spending_deadline = models.DateField(_("termin wykorzystania dotacji"))
    bank_account = models.CharField(_("numer rachunku bankowego (IBAN)"), max_length=40)
    final_report_due_on = models.DateField(_("termin złożenia sprawozdania końcowego"))
    status = models.CharField(
        _("status"), max_length=20, choices=ContractStatus.choices, default=ContractStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    # Signing, recorded as the offer's confirmation is: on paper, or an uploaded signed file.
    signing = models.CharField(
        _("sposób podpisania"), max_length=20, choices=PaperSigning.choices, blank=True
    )
    signed_at = models.DateTimeField(_("podpisano"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    # contracts --- (the contracts helper's fields: the parties' signatories, the signed document)
    organ = models.CharField(_("organ zlecający"), max_length=300, blank=True)
    organ_representative = models.CharField(
        _("w imieniu organu podpisuje (imię, nazwisko, funkcja)"), max_length=300, blank=True
    )
    # The persons who signed for the organisation (from the KRS extract's representation or typed by the
    # official): [{"name": …, "function": …}].
    representatives = models.JSONField(_("osoby reprezentujące zleceniobiorcę"), default=list, blank=True)
    # SHA-256 of the contract's canonical content (variables, cost lines, results): the signed file carries it.
    checksum = models.CharField(_("suma kontrolna"), max_length=64, blank=True)
    signed_file = models.FileField(
        _("podpisana umowa"), upload_to="grants/contracts/%Y/", blank=True, max_length=300
    )
    signed_file_sha256 = models.CharField(_("skrót pliku z podpisem"), max_length=64, blank=True)
    # Partial reports of a multi-year task: one per budget year before the last (ISO dates).
    partial_report_due_dates = models.JSONField(_("terminy sprawozdań częściowych"), default=list, blank=True)

    class Meta:
        ordering = ["-concluded_on", "-id"]
        verbose_name = _("umowa")
        verbose_name_plural = _("umowy")
        indexes = [
            models.Index(fields=["centre", "organisation", "status"]),
            models.Index(fields=["centre", "kind", "concluded_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grant_amount__gte=0), name="grants_contract_grant_ge_0"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="grants_contract_dates"
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ContractKind.SMALL_GRANT) | models.Q(offer__isnull=False),
                name="grants_contract_competition_has_offer",
            ),
            models.UniqueConstraint(
                fields=["centre", "number"],
                condition=~models.Q(number=""),
                name="grants_contract_number_unique",
            ),
        ]

    def __str__(self):
        return f"{self.number or _('umowa')} – {self.title}"

    def get_absolute_url(self):
        return reverse("grants:contract", args=[self.pk])


class ContractCostLine(MultiYearCostLine):
    """A planned cost line of the contract's budget (its annex): copied from the offer's V.A, or from the
    accepted updated budget. Reports compare the actual spending against these, line by line."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="cost_lines", verbose_name=_("umowa")
    )
    action_name = models.CharField(_("działanie"), max_length=300, blank=True)
    # The part of the line paid from the grant, where the budget says so (the tolerance applies to it;
    # without it, to the line's value).
    grant_part = models.DecimalField(_("w tym z dotacji (zł)"), null=True, blank=True, **MONEY)

    class Meta:
        ordering = ["contract", "category", "position", "id"]
        verbose_name = _("pozycja kosztorysu umowy")
        verbose_name_plural = _("pozycje kosztorysu umowy")
        constraints = [
            models.CheckConstraint(condition=models.Q(unit_cost__gte=0), name="grants_ccost_unit_ge_0"),
            models.CheckConstraint(condition=models.Q(units__gt=0), name="grants_ccost_units_gt_0"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="grants_ccost_value_ge_0"),
        ]


class ContractResult(CentreScopedModel):
    """A result the contract commits to (III.6 of the offer): the report states the level achieved."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="results", verbose_name=_("umowa")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    name = models.CharField(_("nazwa rezultatu"), max_length=300)
    target_value = models.DecimalField(
        _("planowany poziom osiągnięcia rezultatu"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    monitoring = models.CharField(_("sposób monitorowania / źródło informacji"), max_length=500, blank=True)

    class Meta:
        ordering = ["contract", "position", "id"]
        verbose_name = _("rezultat umowy")
        verbose_name_plural = _("rezultaty umowy")

    def __str__(self) -> str:
        return self.name


# contracts ---


class BudgetUpdate(CentreScopedModel):
    """The updated budget (aktualizacja kosztorysu) of a selected offer awarded less than it requested: the
    cost lines and sources of V.A/V.B again, with the grant equal to the awarded amount, and the updated
    schedule. The organisation prepares it, the official accepts it or returns it with a reason; the
    contract takes its lines from the accepted one."""

    offer = models.OneToOneField(
        Offer, on_delete=models.CASCADE, related_name="budget_update", verbose_name=_("oferta")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=BudgetUpdateStatus.choices, default=BudgetUpdateStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zwrotu"), blank=True)
    start_date = models.DateField(_("data rozpoczęcia"))
    end_date = models.DateField(_("data zakończenia"))
    grant = models.DecimalField(_("kwota dotacji"), **MONEY)
    own_financial = models.DecimalField(_("wkład własny finansowy"), default=0, **MONEY)
    own_personal = models.DecimalField(_("wkład osobowy"), default=0, **MONEY)
    own_material = models.DecimalField(_("wkład rzeczowy"), default=0, **MONEY)
    recipient_fees = models.DecimalField(_("świadczenia pieniężne od odbiorców zadania"), default=0, **MONEY)
    total_cost = models.DecimalField(_("całkowity koszt zadania"), default=0, **MONEY)
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("rozpatrzono"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("aktualizacja kosztorysu")
        verbose_name_plural = _("aktualizacje kosztorysu")
        constraints = [
            models.CheckConstraint(condition=models.Q(grant__gte=0), name="grants_bupdate_grant_ge_0"),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="grants_bupdate_dates"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Aktualizacja kosztorysu: %(offer)s") % {"offer": self.offer})

    def get_absolute_url(self) -> str:
        return reverse("grants:budget_update", args=[self.offer_id])


class BudgetUpdateAction(CentreScopedModel):
    """A row of the updated schedule (III.4): the offer's action with its new term."""

    update = models.ForeignKey(
        BudgetUpdate, on_delete=models.CASCADE, related_name="actions", verbose_name=_("aktualizacja")
    )
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    name = models.CharField(_("nazwa działania"), max_length=300)
    planned_term = models.CharField(_("planowany termin realizacji"), max_length=200, blank=True)

    class Meta:
        ordering = ["update", "position", "id"]
        verbose_name = _("działanie zaktualizowanego harmonogramu")
        verbose_name_plural = _("działania zaktualizowanego harmonogramu")

    def __str__(self) -> str:
        return self.name


class BudgetUpdateLine(MultiYearCostLine):
    """A cost line of the updated budget (V.A): value = unit cost × units, half-up to the grosz."""

    update = models.ForeignKey(
        BudgetUpdate, on_delete=models.CASCADE, related_name="lines", verbose_name=_("aktualizacja")
    )
    # The position of its action in the schedule (category I), 1-based.
    action_position = models.PositiveSmallIntegerField(_("działanie"), null=True, blank=True)

    class Meta:
        ordering = ["update", "category", "action_position", "position", "id"]
        verbose_name = _("pozycja zaktualizowanego kosztorysu")
        verbose_name_plural = _("pozycje zaktualizowanego kosztorysu")
        constraints = [
            models.CheckConstraint(condition=models.Q(unit_cost__gte=0), name="grants_bline_unit_ge_0"),
            models.CheckConstraint(condition=models.Q(units__gt=0), name="grants_bline_units_gt_0"),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="grants_bline_value_ge_0"),
        ]


class BudgetUpdateShare(CentreScopedModel):
    """A cell of the updated budget's V.C (joint offer): one offeror's share of the costs in one year."""

    update = models.ForeignKey(
        BudgetUpdate, on_delete=models.CASCADE, related_name="shares", verbose_name=_("aktualizacja")
    )
    offeror = models.ForeignKey(
        Offeror, on_delete=models.CASCADE, related_name="+", verbose_name=_("oferent")
    )
    year = models.PositiveSmallIntegerField(_("rok"), default=1)
    amount = models.DecimalField(_("kwota (zł)"), **MONEY)

    class Meta:
        ordering = ["update", "offeror__position", "year"]
        verbose_name = _("podział kosztów w aktualizacji")
        verbose_name_plural = _("podział kosztów w aktualizacji")
        constraints = [
            models.UniqueConstraint(fields=["update", "offeror", "year"], name="grants_bshare_one_per_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="grants_bshare_ge_0"),
        ]

    def __str__(self) -> str:
        return f"{self.offeror} {self.year}"


class ContractAnnex(CentreScopedModel):
    """An annex (aneks) to a signed contract: what it changes (`changes`: the new amount, dates, bank
    account, cost lines) and, once signed, what those were before (`previous`), so the contract's row holds
    the current values and the annexes are its history."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="annexes", verbose_name=_("umowa")
    )
    number = models.PositiveSmallIntegerField(_("numer aneksu"))
    concluded_on = models.DateField(_("data zawarcia aneksu"))
    description = models.TextField(_("czego dotyczy zmiana"), max_length=4000)
    changes = models.JSONField(_("zmiany"), default=dict, blank=True)
    previous = models.JSONField(_("wartości sprzed zmiany"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AnnexStatus.choices, default=AnnexStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    checksum = models.CharField(_("suma kontrolna"), max_length=64, blank=True)
    representatives = models.JSONField(_("osoby reprezentujące zleceniobiorcę"), default=list, blank=True)
    signing = models.CharField(
        _("sposób podpisania"), max_length=20, choices=PaperSigning.choices, blank=True
    )
    signed_file = models.FileField(
        _("podpisany aneks"), upload_to="grants/contracts/%Y/", blank=True, max_length=300
    )
    signed_file_sha256 = models.CharField(_("skrót pliku z podpisem"), max_length=64, blank=True)
    signed_at = models.DateTimeField(_("podpisano"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)

    class Meta:
        ordering = ["contract", "number", "id"]
        verbose_name = _("aneks do umowy")
        verbose_name_plural = _("aneksy do umów")
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="grants_annex_number_unique"),
        ]

    def __str__(self) -> str:
        return str(
            _("Aneks nr %(number)s do umowy %(contract)s")
            % {"number": self.number, "contract": self.contract.number}
        )

    def get_absolute_url(self) -> str:
        return reverse("grants:contract", args=[self.contract_id]) + f"#aneks-{self.pk}"
