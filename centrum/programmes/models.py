"""The cooperation programme (art. 5a of the Act on public-benefit activity): yearly or multi-year, with its
required parts, priority tasks and the funds planned for each."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import ProgrammeStatus

MONEY = {"max_digits": 14, "decimal_places": 2}


class CooperationProgramme(CentreScopedModel):
    title = models.CharField(_("tytuł programu"), max_length=300)
    first_year = models.PositiveSmallIntegerField(_("pierwszy rok programu"))
    last_year = models.PositiveSmallIntegerField(_("ostatni rok programu"))
    status = models.CharField(
        _("status"), max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    resolution_number = models.CharField(_("numer uchwały rady"), max_length=100, blank=True)
    adopted_on = models.DateField(_("data uchwalenia"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
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
    planned_amount = models.DecimalField(_("planowane środki (zł)"), default=0, **MONEY)

    class Meta:
        ordering = ["programme", "position", "id"]
        verbose_name = _("zadanie priorytetowe")
        verbose_name_plural = _("zadania priorytetowe")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_amount__gte=0), name="programmes_task_amount_ge_0"
            )
        ]

    def __str__(self) -> str:
        return self.title
