from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .rooms import EquipmentItem

MAX_AMOUNT = 10_000


class EquipmentUse(CentreScopedModel):
    """Office equipment used on the spot (a copier's pages, a computer's minutes), without a room booking."""

    item = models.ForeignKey(
        EquipmentItem, on_delete=models.RESTRICT, related_name="uses", verbose_name=_("sprzęt")
    )
    person_name = models.CharField(_("kto korzystał"), max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("konto osoby"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    used_on = models.DateField(_("dzień"))
    amount = models.PositiveIntegerField(
        _("ile (strony albo minuty)"), validators=[MinValueValidator(1), MaxValueValidator(MAX_AMOUNT)]
    )
    note = models.TextField(_("uwagi"), blank=True)
    over_quota_reason = models.TextField(_("powód przekroczenia limitu"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("zapisano"), auto_now_add=True)

    class Meta:
        verbose_name = _("korzystanie ze sprzętu na miejscu")
        verbose_name_plural = _("korzystanie ze sprzętu na miejscu")
        ordering = ["-used_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=1), name="equipment_use_amount_positive"),
        ]
        indexes = [
            models.Index(fields=["centre", "used_on"], name="equipment_use_day_idx"),
            models.Index(fields=["organisation", "used_on"], name="equipment_use_org_idx"),
        ]

    def __str__(self):
        return f"{self.item_id}: {self.person_name}, {self.used_on}"
