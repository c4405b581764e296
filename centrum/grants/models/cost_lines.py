"""The columns a cost line has wherever a budget is written on the statutory forms: the offer's V.A, the
updated budget, the contract's annex and the simplified offer's IV. Each table adds its parent, its own
columns and its constraints."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import CostCategory
from .competitions import MONEY


class CostLineBase(CentreScopedModel):
    """value = unit cost × number of units, rounded half-up to the grosz (`centrum.grants.budget`)."""

    category = models.CharField(_("kategoria"), max_length=20, choices=CostCategory.choices)
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    kind = models.CharField(_("rodzaj kosztu"), max_length=300)
    unit = models.CharField(_("rodzaj miary"), max_length=60)
    unit_cost = models.DecimalField(_("koszt jednostkowy (zł)"), **MONEY)
    units = models.DecimalField(_("liczba jednostek"), max_digits=12, decimal_places=2)
    value = models.DecimalField(_("wartość (zł)"), **MONEY)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.kind


class MultiYearCostLine(CostLineBase):
    """A cost line of a task running over up to three budget years: the year columns sum to the value."""

    year_1 = models.DecimalField(_("rok 1"), null=True, blank=True, **MONEY)
    year_2 = models.DecimalField(_("rok 2"), null=True, blank=True, **MONEY)
    year_3 = models.DecimalField(_("rok 3"), null=True, blank=True, **MONEY)

    class Meta:
        abstract = True
