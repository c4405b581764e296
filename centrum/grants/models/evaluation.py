"""The evaluation of a competition's offers: the formal check per offer, the commission (officials, NGO
nominees, advisory experts), each member's declaration per offer (KPA art. 24) and their scores per criterion."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import MemberSide, MemberStatus, WithoutNgoReason
from .competitions import Competition, ScoringCriterion
from .offers import Offer


class FormalCheck(CentreScopedModel):
    """The official's check list of one offer: each requirement met or not, with a note (the latest check)."""

    offer = models.OneToOneField(Offer, on_delete=models.CASCADE, related_name="formal_check")
    # [{"key": "...", "label": "...", "met": bool, "fixable": bool, "note": "..."}]
    items = models.JSONField(_("wymogi i ich spełnienie"), default=list)
    notes = models.TextField(_("uwagi"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(_("sprawdzono"))

    class Meta:
        verbose_name = _("ocena formalna")
        verbose_name_plural = _("oceny formalne")

    def __str__(self) -> str:
        return str(self.offer)

    @property
    def unmet(self) -> list[dict]:
        return [item for item in self.items if not item.get("met")]


class Commission(CentreScopedModel):
    """The competition's commission (art. 15 ust. 2a–2f): the call for NGO nominees and how it sits."""

    competition = models.OneToOneField(Competition, on_delete=models.CASCADE, related_name="commission")
    nominations_until = models.DateField(_("zgłoszenia kandydatów do"), null=True, blank=True)
    without_ngo = models.CharField(
        _("komisja bez przedstawicieli organizacji"),
        max_length=20,
        choices=WithoutNgoReason.choices,
        blank=True,
        help_text=_("Tylko w przypadkach z art. 15 ust. 2da ustawy."),
    )
    scoring_closed_at = models.DateTimeField(_("ocena merytoryczna zamknięta"), null=True, blank=True)
    scoring_closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("komisja konkursowa")
        verbose_name_plural = _("komisje konkursowe")

    def __str__(self) -> str:
        return str(self.competition)


class CommissionMember(CentreScopedModel):
    commission = models.ForeignKey(Commission, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    email = models.EmailField(_("e-mail"))
    side = models.CharField(_("kto"), max_length=10, choices=MemberSide.choices)
    nominated_by = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zgłaszająca organizacja"),
    )
    status = models.CharField(_("status"), max_length=20, choices=MemberStatus.choices)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    chair = models.BooleanField(_("przewodniczący komisji"), default=False)

    class Meta:
        ordering = ["commission", "side", "full_name", "id"]
        verbose_name = _("członek komisji")
        verbose_name_plural = _("członkowie komisji")
        constraints = [
            models.UniqueConstraint(fields=["commission", "email"], name="grants_member_one_per_email"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def scores(self) -> bool:
        return self.status == MemberStatus.APPOINTED and self.side != MemberSide.EXPERT


class Declaration(CentreScopedModel):
    """A member's declaration for one offer, made before reading it: no grounds of exclusion (KPA art. 24),
    or a conflict that excludes the member from this offer."""

    member = models.ForeignKey(CommissionMember, on_delete=models.CASCADE, related_name="declarations")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="impartiality_declarations")
    no_conflict = models.BooleanField(_("brak przesłanek wyłączenia"))
    grounds = models.TextField(_("przesłanki wyłączenia"), blank=True)
    declared_at = models.DateTimeField(_("złożono"), auto_now_add=True)

    class Meta:
        ordering = ["offer", "member", "id"]
        verbose_name = _("oświadczenie o bezstronności")
        verbose_name_plural = _("oświadczenia o bezstronności")
        constraints = [models.UniqueConstraint(fields=["member", "offer"], name="grants_declaration_once")]

    def __str__(self) -> str:
        return f"{self.member} – {self.offer}"


class Score(CentreScopedModel):
    member = models.ForeignKey(CommissionMember, on_delete=models.CASCADE, related_name="score_rows")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ScoringCriterion, on_delete=models.CASCADE, related_name="scores")
    points = models.DecimalField(
        _("punkty"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    comment = models.TextField(_("uzasadnienie oceny"), blank=True)

    class Meta:
        ordering = ["offer", "member", "criterion__position"]
        verbose_name = _("ocena")
        verbose_name_plural = _("oceny")
        constraints = [
            models.UniqueConstraint(fields=["member", "offer", "criterion"], name="grants_score_once"),
            models.CheckConstraint(condition=models.Q(points__gte=0), name="grants_score_ge_0"),
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.points}"
