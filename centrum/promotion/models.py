"""The app's tables: an organisation's own page content ("wspólna wizytówka"), socially responsible
companies (CSR) and public bodies' activation offers. Every row is a CentreScopedModel."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel
from centrum.organisations.identifiers import validate_nip

from .choices import LIVE_COMPANY_STATUSES, Audience, BodyKind, CompanyStatus, PageVisibility


class OrganisationPage(CentreScopedModel):
    """What an organisation's members write on its public page beyond the registry data. `about` is rich
    text stored cleaned by nh3 (`centrum.core.richtext`)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="promotion_page"
    )
    logo = models.ImageField(_("logo"), upload_to="promotion/logos/", blank=True)
    logo_alt = models.CharField(_("opis logo (tekst alternatywny)"), max_length=200, blank=True)
    about = models.TextField(_("o nas"), blank=True)
    website = models.URLField(_("strona internetowa"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    visibility = models.CharField(
        _("widoczność"), max_length=10, choices=PageVisibility.choices, default=PageVisibility.VISIBLE
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("powód ukrycia"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("wizytówka organizacji")
        verbose_name_plural = _("wizytówki organizacji")

    def __str__(self) -> str:
        return str(self.organisation_id)

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.organisation_id])

    def links(self) -> list[tuple[str, str]]:
        return [
            (str(self._meta.get_field(name).verbose_name), getattr(self, name))
            for name in ("website", "facebook", "instagram", "youtube", "linkedin")
            if getattr(self, name)
        ]


# What staff and the proposing company fill in, in the order the form shows it.
COMPANY_FIELDS = [
    "name",
    "nip",
    "city",
    "description",
    "offers_volunteering",
    "offers_in_kind",
    "offers_money",
    "offer_details",
    "contact_person",
    "email",
    "phone",
    "www",
    "logo_alt",
]


class Company(CentreScopedModel):
    """A socially responsible company's profile: entered by staff or proposed through the public form."""

    name = models.CharField(_("nazwa firmy"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=10, validators=[validate_nip])
    description = models.TextField(_("o firmie"), blank=True)
    offers_volunteering = models.BooleanField(_("wolontariat pracowniczy"), default=False)
    offers_in_kind = models.BooleanField(_("wsparcie rzeczowe"), default=False)
    offers_money = models.BooleanField(_("wsparcie finansowe"), default=False)
    offer_details = models.TextField(_("co oferujemy organizacjom"), blank=True)
    contact_person = models.CharField(_("osoba do kontaktu"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    www = models.URLField(_("strona internetowa"), blank=True)
    city = models.CharField(_("miejscowość"), max_length=100, blank=True)
    logo = models.ImageField(_("logo"), upload_to="promotion/companies/", blank=True)
    logo_alt = models.CharField(_("opis logo (tekst alternatywny)"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CompanyStatus.choices, default=CompanyStatus.PROPOSED
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    proposed_by_email = models.EmailField(_("e-mail zgłaszającego"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    search_text = models.CharField(max_length=600, blank=True, editable=False)

    class Meta:
        verbose_name = _("firma społecznie odpowiedzialna")
        verbose_name_plural = _("firmy społecznie odpowiedzialne")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "nip"],
                condition=Q(status__in=LIVE_COMPANY_STATUSES),
                name="promotion_company_unique_live_nip",
            )
        ]
        indexes = [models.Index(fields=["centre", "status", "name"], name="promotion_company_list_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("promotion:company_detail", args=[self.pk])

    def offer_kinds(self) -> list[str]:
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in ("offers_volunteering", "offers_in_kind", "offers_money")
            if getattr(self, name)
        ]


class ActivationOffer(CentreScopedModel):
    """A public body's offer of social activation (programme, internship, support for NGOs), by staff."""

    body = models.CharField(_("instytucja"), max_length=200)
    body_kind = models.CharField(_("rodzaj instytucji"), max_length=20, choices=BodyKind.choices)
    title = models.CharField(_("tytuł"), max_length=200)
    description = models.TextField(_("opis"), blank=True)
    audience = models.CharField(_("dla kogo"), max_length=20, choices=Audience.choices)
    starts_on = models.DateField(_("od"), null=True, blank=True)
    ends_on = models.DateField(_("do"), null=True, blank=True)
    link = models.URLField(_("odnośnik"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    search_text = models.CharField(max_length=600, blank=True, editable=False)

    class Meta:
        verbose_name = _("oferta aktywizacyjna")
        verbose_name_plural = _("oferty aktywizacyjne")
        ordering = ["-starts_on", "title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="promotion_activation_dates_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("promotion:activation_detail", args=[self.pk])
