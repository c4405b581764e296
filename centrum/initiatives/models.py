"""Local initiatives (art. 19b–19h of the Act on public-benefit activity): the council's resolution as the
centre's data (intake, calls, criteria, the catalogue of areas), the residents' application with its group and
contribution lines, the official's assessment, the agreement's schedule and costing, the completion record."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import ApplicantKind, ContributionKind, CostPayer, InitiativeStatus, IntakeMode

MONEY = {"max_digits": 14, "decimal_places": 2}
ZERO = Decimal("0")


class InitiativeRules(CentreScopedModel):
    """The council's resolution on the procedure and criteria (art. 19c ust. 1): one per centre."""

    resolution_number = models.CharField(_("numer uchwały rady"), max_length=100, blank=True)
    resolution_date = models.DateField(_("data uchwały"), null=True, blank=True)
    resolution_url = models.URLField(_("adres uchwały (BIP, dziennik urzędowy)"), blank=True)
    intake_mode = models.CharField(
        _("tryb składania wniosków"), max_length=20, choices=IntakeMode.choices, default=IntakeMode.CONTINUOUS
    )
    notes = models.TextField(_("inne postanowienia uchwały"), blank=True)

    class Meta:
        verbose_name = _("zasady inicjatywy lokalnej")
        verbose_name_plural = _("zasady inicjatywy lokalnej")
        constraints = [models.UniqueConstraint(fields=["centre"], name="initiatives_one_rules_per_centre")]

    def __str__(self) -> str:
        return self.resolution_number or str(_("zasady inicjatywy lokalnej"))


class IntakeCall(CentreScopedModel):
    """A call for applications (when the resolution sets call-based intake): open from one day to another."""

    rules = models.ForeignKey(InitiativeRules, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("nabór"), max_length=200)
    opens_on = models.DateField(_("nabór od"))
    closes_on = models.DateField(_("nabór do (włącznie)"))

    class Meta:
        ordering = ["-opens_on", "id"]
        verbose_name = _("nabór wniosków")
        verbose_name_plural = _("nabory wniosków")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_on__lte=models.F("closes_on")), name="initiatives_call_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(CentreScopedModel):
    """A criterion of the resolution with its weight; the social-work contribution weighs most (art. 19c)."""

    rules = models.ForeignKey(InitiativeRules, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("lp."), default=1)
    name = models.CharField(_("kryterium"), max_length=300)
    weight = models.PositiveSmallIntegerField(
        _("waga"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_points = models.PositiveSmallIntegerField(
        _("najwięcej punktów"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    social_work = models.BooleanField(_("wkład pracy społecznej"), default=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("kryterium oceny")
        verbose_name_plural = _("kryteria oceny")

    def __str__(self) -> str:
        return self.name


class Area(CentreScopedModel):
    """A point of the closed catalogue of art. 19b ust. 1, kept as the centre's data."""

    code = models.CharField(_("punkt"), max_length=10)
    name = models.CharField(_("obszar"), max_length=300)
    description = models.TextField(_("przykłady"), blank=True)
    active = models.BooleanField(_("przyjmuje wnioski"), default=True)

    class Meta:
        ordering = ["code", "id"]
        verbose_name = _("obszar inicjatywy lokalnej")
        verbose_name_plural = _("obszary inicjatywy lokalnej")
        constraints = [
            models.UniqueConstraint(fields=["centre", "code"], name="initiatives_area_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Initiative(CentreScopedModel):
    """An application for a local initiative and, once accepted, its agreement and completion."""

    number = models.CharField(_("numer"), max_length=40, blank=True)
    applicant_kind = models.CharField(
        _("wnioskodawca"), max_length=20, choices=ApplicantKind.choices, default=ApplicantKind.GROUP
    )
    # A leader who removes their account leaves the application (its name and address stay on it).
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lider grupy / osoba składająca"),
    )
    leader_name = models.CharField(_("imię i nazwisko lidera"), max_length=200)
    leader_address = models.CharField(_("adres zamieszkania lidera"), max_length=300)
    leader_phone = models.CharField(_("telefon"), max_length=40, blank=True)
    group_name = models.CharField(_("nazwa grupy"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    residents_declared = models.BooleanField(_("oświadczenie o zamieszkaniu"), default=False)
    call = models.ForeignKey(
        IntakeCall, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("nabór")
    )
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+", verbose_name=_("obszar"))
    title = models.CharField(_("nazwa inicjatywy"), max_length=300)
    description = models.TextField(_("opis inicjatywy"))
    needs = models.TextField(_("na jakie potrzeby mieszkańców odpowiada"))
    place = models.CharField(_("miejsce realizacji"), max_length=300)
    starts_on = models.DateField(_("początek realizacji"))
    ends_on = models.DateField(_("koniec realizacji"))
    requested_support = models.TextField(_("wnioskowany wkład gminy (opis)"), blank=True)
    requested_amount = models.DecimalField(
        _("wnioskowana kwota z budżetu gminy (zł)"), default=ZERO, validators=[MinValueValidator(0)], **MONEY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InitiativeStatus.choices, default=InitiativeStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    decided_at = models.DateTimeField(_("rozstrzygnięto"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The municipality's part, agreed for the agreement: its budget line and in-kind support.
    budget_line = models.CharField(
        _("klasyfikacja budżetowa (dział, rozdział, paragraf)"), max_length=100, blank=True
    )
    municipality_amount = models.DecimalField(
        _("środki z budżetu gminy (zł)"), default=ZERO, validators=[MinValueValidator(0)], **MONEY
    )
    municipality_in_kind = models.TextField(_("wkład rzeczowy gminy"), blank=True)
    municipality_in_kind_value = models.DecimalField(
        _("wartość wkładu rzeczowego gminy (zł)"), default=ZERO, validators=[MinValueValidator(0)], **MONEY
    )
    signed_on = models.DateField(_("data podpisania umowy"), null=True, blank=True)
    signed_for_municipality = models.CharField(_("w imieniu gminy podpisał(a)"), max_length=200, blank=True)
    signed_for_applicant = models.CharField(
        _("w imieniu wnioskodawcy podpisał(a)"), max_length=300, blank=True
    )
    signed_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_on = models.DateField(_("data zakończenia"), null=True, blank=True)
    completion_report = models.TextField(_("co zostało zrobione"), blank=True)
    actual_work_hours = models.DecimalField(
        _("przepracowane godziny pracy społecznej"), null=True, blank=True, max_digits=10, decimal_places=2
    )
    actual_money = models.DecimalField(_("faktyczny wkład pieniężny (zł)"), null=True, blank=True, **MONEY)
    actual_in_kind = models.DecimalField(_("faktyczny wkład rzeczowy (zł)"), null=True, blank=True, **MONEY)
    completion_photo = models.ImageField(_("zdjęcie"), upload_to="inicjatywy/%Y/", blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("inicjatywa lokalna")
        verbose_name_plural = _("inicjatywy lokalne")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")), name="initiatives_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:detail", args=[self.pk])

    @property
    def applicant_name(self) -> str:
        if self.applicant_kind == ApplicantKind.ORGANISATION and self.organisation_id:
            return self.organisation.name
        return self.group_name or self.leader_name


class GroupMember(CentreScopedModel):
    """A resident in the applying group besides the leader (no account needed)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    address = models.CharField(_("adres zamieszkania"), max_length=300)

    class Meta:
        ordering = ["id"]
        verbose_name = _("członek grupy")
        verbose_name_plural = _("członkowie grupy")

    def __str__(self) -> str:
        return self.full_name


class Contribution(CentreScopedModel):
    """The applicant's contribution: social work (hours × the hourly value in force), money or things."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("rodzaj wkładu"), max_length=20, choices=ContributionKind.choices)
    description = models.CharField(_("opis"), max_length=300)
    hours = models.DecimalField(_("liczba godzin"), null=True, blank=True, max_digits=10, decimal_places=2)
    hour_value = models.DecimalField(_("wartość godziny (zł)"), null=True, blank=True, **MONEY)
    value = models.DecimalField(_("wartość (zł)"), validators=[MinValueValidator(0)], **MONEY)

    class Meta:
        ordering = ["kind", "id"]
        verbose_name = _("wkład wnioskodawcy")
        verbose_name_plural = _("wkład wnioskodawcy")
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0), name="initiatives_value_ge_0")
        ]

    def __str__(self) -> str:
        return self.description


class Score(CentreScopedModel):
    """The official's score on one criterion, with the reasons."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    points = models.PositiveSmallIntegerField(_("punkty"))
    reason = models.TextField(_("uzasadnienie"))
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["criterion__position", "id"]
        verbose_name = _("ocena kryterium")
        verbose_name_plural = _("oceny kryteriów")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "criterion"], name="initiatives_one_score_per_criterion"
            )
        ]


class ScheduleItem(CentreScopedModel):
    """A step of the agreed schedule (harmonogram)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="schedule")
    action = models.CharField(_("działanie"), max_length=300)
    starts_on = models.DateField(_("od"))
    ends_on = models.DateField(_("do"))
    responsible = models.CharField(_("kto wykonuje"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("pozycja harmonogramu")
        verbose_name_plural = _("harmonogram")

    def __str__(self) -> str:
        return self.action


class CostItem(CentreScopedModel):
    """A line of the agreed costing (kosztorys): what it costs and who pays."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="costs")
    item = models.CharField(_("pozycja kosztorysu"), max_length=300)
    amount = models.DecimalField(_("kwota (zł)"), validators=[MinValueValidator(0)], **MONEY)
    payer = models.CharField(_("kto pokrywa"), max_length=20, choices=CostPayer.choices)

    class Meta:
        ordering = ["payer", "id"]
        verbose_name = _("pozycja kosztorysu")
        verbose_name_plural = _("kosztorys")

    def __str__(self) -> str:
        return self.item
