from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import EquipmentCondition, LoanStatus
from .bookers import BookerFields, booker_constraint
from .rooms import EquipmentItem


class Loan(BookerFields, CentreScopedModel):
    """Equipment lent out of the building, with the agreement, the handover and the return on record."""

    number = models.CharField(_("numer umowy"), max_length=30)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    purpose = models.TextField(_("cel (działalność statutowa)"))
    starts_on = models.DateField(_("od dnia"))
    due_on = models.DateField(_("zwrot do dnia"))
    status = models.CharField(
        _("status"), max_length=12, choices=LoanStatus.choices, default=LoanStatus.REQUESTED
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("uzasadnienie"), blank=True)
    handed_over_at = models.DateTimeField(_("wydano"), null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_by_name = models.CharField(_("odebrał(a) w imieniu organizacji"), max_length=150, blank=True)
    handover_condition = models.CharField(
        _("stan przy wydaniu"), max_length=15, choices=EquipmentCondition.choices, blank=True
    )
    handover_notes = models.TextField(_("uwagi przy wydaniu"), blank=True)
    returned_at = models.DateTimeField(_("zwrócono"), null=True, blank=True)
    returned_by_name = models.CharField(_("zwrócił(a) w imieniu organizacji"), max_length=150, blank=True)
    return_received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_condition = models.CharField(
        _("stan przy zwrocie"), max_length=15, choices=EquipmentCondition.choices, blank=True
    )
    return_notes = models.TextField(_("uwagi przy zwrocie"), blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("wypożyczenie")
        verbose_name_plural = _("wypożyczenia")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=F("starts_on")), name="loan_due_after_start"),
            models.UniqueConstraint(fields=["centre", "number"], name="loan_unique_number"),
            booker_constraint("loan_booker_fields", organisation_required=True),
        ]
        indexes = [models.Index(fields=["centre", "status", "due_on"], name="loan_due_idx")]

    def __str__(self):
        return self.number


class LoanItem(CentreScopedModel):
    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="items")
    item = models.ForeignKey(
        EquipmentItem, on_delete=models.RESTRICT, related_name="+", verbose_name=_("sprzęt")
    )
    quantity = models.PositiveSmallIntegerField(_("liczba sztuk"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("pozycja wypożyczenia")
        verbose_name_plural = _("pozycje wypożyczenia")
        constraints = [
            models.UniqueConstraint(fields=["loan", "item"], name="loan_item_unique"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="loan_item_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.item_id} × {self.quantity}"
