"""The address service's tables: agreements to use the centre's address, persons authorised to collect the
mail of an organisation (with their postal power of attorney), and the mail log."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import URGENT_KINDS, AddressUse, AgreementStatus, KrsAddressCheck, MailKind, MailStatus


class AddressAgreement(CentreScopedModel):
    """An agreement (porozumienie) letting an organisation, or a founding group before its registration, use
    the centre's address as its registered seat or correspondence address."""

    number = models.CharField(_("numer porozumienia"), max_length=30, blank=True)
    use = models.CharField(_("rodzaj adresu"), max_length=20, choices=AddressUse.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    # A founding group: no KRS, NIP or registry entry yet; the agreement passes to the organisation later.
    founding_name = models.CharField(_("nazwa zakładanej organizacji"), max_length=300, blank=True)
    founding_legal_form = models.CharField(_("forma prawna"), max_length=30, blank=True)
    founders = models.TextField(_("założyciele (imiona i nazwiska)"), blank=True)
    contact_name = models.CharField(_("osoba do kontaktu"), max_length=200)
    contact_email = models.EmailField(_("e-mail do kontaktu"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(_("do dnia (włącznie)"))
    rules_version = models.CharField(_("wersja regulaminu"), max_length=40)
    rules_accepted_at = models.DateTimeField(_("regulamin zaakceptowano"))
    notes = models.TextField(_("uwagi"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.REQUESTED
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    transferred_at = models.DateTimeField(_("przekazano organizacji"), null=True, blank=True)
    krs_check = models.CharField(
        _("sprawdzenie KRS"), max_length=12, choices=KrsAddressCheck.choices, blank=True, default=""
    )
    krs_checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("porozumienie o udostępnieniu adresu")
        verbose_name_plural = _("porozumienia o udostępnieniu adresu")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="address_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.number or self.pk} – {self.holder_name}"

    @property
    def holder_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.founding_name

    @property
    def is_founding(self) -> bool:
        return self.organisation_id is None

    @property
    def in_force(self) -> bool:
        return self.status in (AgreementStatus.ACTIVE, AgreementStatus.EXPIRING)

    def get_absolute_url(self) -> str:
        return reverse("addresses:agreement_detail", args=[self.pk])


class AuthorisedPerson(CentreScopedModel):
    """A person the organisation authorises to collect its mail at the centre (postal power of attorney)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    document = models.CharField(
        _("dokument tożsamości (ostatnie znaki)"),
        max_length=20,
        blank=True,
        help_text=_("Wystarczą ostatnie 4 znaki numeru dowodu – pracownik sprawdzi dokument przy odbiorze."),
    )
    valid_from = models.DateField(_("pełnomocnictwo ważne od"))
    valid_until = models.DateField(_("pełnomocnictwo ważne do"), null=True, blank=True)
    is_active = models.BooleanField(default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("osoba upoważniona do odbioru poczty")
        verbose_name_plural = _("osoby upoważnione do odbioru poczty")
        ordering = ["full_name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="address_poa_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def is_valid_on(self, day) -> bool:
        return (
            self.is_active
            and self.valid_from <= day
            and (self.valid_until is None or day <= self.valid_until)
        )


class MailItem(CentreScopedModel):
    """One piece of incoming mail for an organisation using the centre's address."""

    agreement = models.ForeignKey(AddressAgreement, on_delete=models.RESTRICT, related_name="mail")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    received_on = models.DateField(_("data wpływu"))
    sender = models.CharField(_("nadawca"), max_length=200)
    kind = models.CharField(_("rodzaj"), max_length=12, choices=MailKind.choices)
    reference = models.CharField(_("numer nadania lub sygnatura"), max_length=60, blank=True)
    notes = models.CharField(_("uwagi"), max_length=300, blank=True)
    scan = models.FileField(_("skan"), upload_to="addresses/mail/%Y/%m/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MailStatus.choices, default=MailStatus.WAITING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    collected_by = models.ForeignKey(
        AuthorisedPerson,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="pickups",
        verbose_name=_("odebrał(a)"),
    )
    collected_at = models.DateTimeField(_("odebrano"), null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("przesyłka")
        verbose_name_plural = _("przesyłki")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["centre", "status", "received_on"], name="address_mail_waiting")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.sender}"

    @property
    def urgent(self) -> bool:
        return self.kind in URGENT_KINDS

    def get_absolute_url(self) -> str:
        return reverse("addresses:mail_detail", args=[self.pk])
