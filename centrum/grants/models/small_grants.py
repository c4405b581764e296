"""A small grant without a competition (art. 19a): the simplified offer on the form of Dz.U. 2018 poz. 2055
(I organ, task, title, dates; II the offeror and contact; III description, place, results, a short profile;
IV costs and sources; V declarations), its publication on the three channels, the public comments (uwagi)
with their responses, and the contract it ends in (`contract`)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import Channel, CostCategory, SmallGrantStatus
from .competitions import MONEY
from .contracts import Contract
from .cost_lines import CostLineBase


class SmallGrantOffer(CentreScopedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="small_grant_offers",
        verbose_name=_("oferent"),
    )
    number = models.CharField(_("numer oferty"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SmallGrantStatus.choices, default=SmallGrantStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie zmiany statusu"), blank=True)
    # I. Podstawowe informacje
    organ = models.CharField(_("organ, do którego adresowana jest oferta"), max_length=200, blank=True)
    task_kind = models.CharField(_("rodzaj zadania publicznego"), max_length=300, blank=True)
    title = models.CharField(_("tytuł zadania publicznego"), max_length=300, blank=True)
    start_date = models.DateField(_("data rozpoczęcia"), null=True, blank=True)
    end_date = models.DateField(_("data zakończenia"), null=True, blank=True)
    # II. Dane oferenta (as the registry knew it when the draft began; the offeror may correct them)
    offeror_name = models.CharField(_("nazwa oferenta"), max_length=300, blank=True)
    legal_form = models.CharField(_("forma prawna"), max_length=200, blank=True)
    register_number = models.CharField(_("numer w KRS lub innej ewidencji"), max_length=60, blank=True)
    seat = models.CharField(_("adres siedziby"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail oferenta"), blank=True)
    phone = models.CharField(_("telefon oferenta"), max_length=40, blank=True)
    contact_name = models.CharField(_("osoba do kontaktu – imię i nazwisko"), max_length=200, blank=True)
    contact_email = models.EmailField(_("osoba do kontaktu – e-mail"), blank=True)
    contact_phone = models.CharField(_("osoba do kontaktu – telefon"), max_length=40, blank=True)
    bank_account = models.CharField(_("numer rachunku bankowego do umowy (IBAN)"), max_length=40, blank=True)
    # III. Opis zadania
    place = models.CharField(_("miejsce realizacji zadania"), max_length=300, blank=True)
    description = models.TextField(_("opis zadania"), blank=True)
    profile = models.TextField(_("krótka charakterystyka oferenta"), blank=True)
    # IV. Sources (the total is the sum of the cost lines)
    requested_grant = models.DecimalField(_("wnioskowana kwota dotacji"), default=0, **MONEY)
    own_financial = models.DecimalField(_("wkład własny finansowy"), default=0, **MONEY)
    own_personal = models.DecimalField(_("wkład osobowy (praca społeczna, wolontariat)"), default=0, **MONEY)
    own_material = models.DecimalField(_("wkład rzeczowy"), default=0, **MONEY)
    recipient_fees = models.DecimalField(_("świadczenia pieniężne od odbiorców zadania"), default=0, **MONEY)
    total_cost = models.DecimalField(_("całkowity koszt zadania"), default=0, **MONEY)
    # V. Oświadczenia (each a box the offeror ticks)
    declarations = models.JSONField(_("oświadczenia (V)"), default=dict, blank=True)
    # Filing and the organ's steps
    submitted_at = models.DateTimeField(_("złożono"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_on = models.DateField(_("data wpływu"), null=True, blank=True)
    publish_by = models.DateField(_("termin publikacji (dni robocze od wpływu)"), null=True, blank=True)
    # The day the officials were last reminded to publish it (the job reminds once a day).
    publish_reminded_on = models.DateField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("ocena celowości"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("zapisano publikację"), null=True, blank=True)
    late_publication_reason = models.TextField(_("przyczyna publikacji po terminie"), blank=True)
    comments_until = models.DateField(_("uwagi można zgłaszać do"), null=True, blank=True)
    contract = models.OneToOneField(
        Contract,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="small_grant",
        verbose_name=_("umowa"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("oferta w trybie art. 19a")
        verbose_name_plural = _("oferty w trybie art. 19a")
        indexes = [
            models.Index(fields=["centre", "status"]),
            models.Index(fields=["centre", "organisation", "status"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(requested_grant__gte=0), name="grants_sg_grant_ge_0"),
            models.UniqueConstraint(
                fields=["centre", "number"], condition=~models.Q(number=""), name="grants_sg_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.title or str(_("Oferta uproszczona (szkic)"))

    def get_absolute_url(self) -> str:
        return reverse("grants:small_grant", args=[self.pk])

    @property
    def task_days(self) -> int | None:
        """The task's length in days, both ends counted."""
        if self.start_date is None or self.end_date is None:
            return None
        return (self.end_date - self.start_date).days + 1


class SmallGrantResult(CentreScopedModel):
    """A row of III: a result with its planned level and how it is monitored."""

    offer = models.ForeignKey(
        SmallGrantOffer, on_delete=models.CASCADE, related_name="results", verbose_name=_("oferta")
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
        ordering = ["offer", "position", "id"]
        verbose_name = _("rezultat oferty uproszczonej")
        verbose_name_plural = _("rezultaty oferty uproszczonej")

    def __str__(self) -> str:
        return self.name


class SmallGrantCostLine(CostLineBase):
    """A line of IV: value = unit cost × units, rounded half-up to the grosz; `grant_part` the part paid
    from the grant."""

    offer = models.ForeignKey(
        SmallGrantOffer, on_delete=models.CASCADE, related_name="cost_lines", verbose_name=_("oferta")
    )
    category = models.CharField(
        _("kategoria"), max_length=20, choices=CostCategory.choices, default=CostCategory.ACTIONS
    )
    grant_part = models.DecimalField(_("w tym z dotacji (zł)"), default=0, **MONEY)

    class Meta:
        ordering = ["offer", "position", "id"]
        verbose_name = _("pozycja kosztorysu oferty uproszczonej")
        verbose_name_plural = _("pozycje kosztorysu oferty uproszczonej")
        constraints = [
            models.CheckConstraint(condition=models.Q(unit_cost__gte=0), name="grants_sgcost_unit_ge_0"),
            models.CheckConstraint(condition=models.Q(units__gt=0), name="grants_sgcost_units_gt_0"),
            models.CheckConstraint(condition=models.Q(grant_part__gte=0), name="grants_sgcost_grant_ge_0"),
        ]


class SmallGrantPublication(CentreScopedModel):
    """One of the three channels (BIP, the notice board, the website) the offer was published on."""

    offer = models.ForeignKey(
        SmallGrantOffer, on_delete=models.CASCADE, related_name="publications", verbose_name=_("oferta")
    )
    channel = models.CharField(_("kanał"), max_length=10, choices=Channel.choices)
    published_on = models.DateField(_("data publikacji"))
    address = models.CharField(_("adres lub miejsce publikacji"), max_length=500)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["offer", "published_on", "id"]
        verbose_name = _("publikacja oferty uproszczonej")
        verbose_name_plural = _("publikacje ofert uproszczonych")
        constraints = [
            models.UniqueConstraint(fields=["offer", "channel"], name="grants_sg_publication_one_per_channel")
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.published_on}"


class SmallGrantComment(CentreScopedModel):
    """A comment (uwaga) anyone may file, without an account, while the published offer is open for comments;
    the official records a response to each before the contract."""

    offer = models.ForeignKey(
        SmallGrantOffer, on_delete=models.CASCADE, related_name="comments", verbose_name=_("oferta")
    )
    name = models.CharField(_("imię i nazwisko lub nazwa"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    body = models.TextField(_("treść uwagi"))
    filed_at = models.DateTimeField(_("zgłoszono"))
    response = models.TextField(_("odpowiedź urzędu"), blank=True)
    responded_at = models.DateTimeField(_("odpowiedziano"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["offer", "filed_at", "id"]
        verbose_name = _("uwaga do oferty uproszczonej")
        verbose_name_plural = _("uwagi do ofert uproszczonych")

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:40]}"
