"""The local knowledge platform (Mysłowice's "Lokalna Platforma Wiedzy"): good practices with the metadata
of the national database of good practices (Żory's seed page), opt-in profiles of local leaders, the
knowledge base (articles in categories, documents) and funding calls staff enter. Searchable rows keep their
folded search columns (`search.py`)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import (
    ArticleStatus,
    CallKind,
    DocumentKind,
    GovernmentKind,
    Licence,
    PracticeStatus,
    Voivodeship,
)

MONEY = {"max_digits": 14, "decimal_places": 2}


class Searchable(models.Model):
    search_title = models.CharField(max_length=420, blank=True, editable=False)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True


class GoodPractice(CentreScopedModel, Searchable):
    """A good practice ("dobra praktyka") with its metryka: who did it where, how big the place is."""

    title = models.CharField(_("tytuł praktyki"), max_length=300)
    summary = models.CharField(_("skrót"), max_length=600)
    description = models.TextField(_("pełna prezentacja"))
    government_kind = models.CharField(_("typ jednostki"), max_length=20, choices=GovernmentKind.choices)
    locality = models.CharField(_("miejscowość"), max_length=120)
    voivodeship = models.CharField(_("województwo"), max_length=2, choices=Voivodeship.choices)
    implementing_unit = models.CharField(_("jednostka wdrażająca"), max_length=300)
    population = models.PositiveIntegerField(
        _("liczba mieszkańców"), null=True, blank=True, validators=[MaxValueValidator(10_000_000)]
    )
    source = models.CharField(
        _("źródło"), max_length=300, help_text=_("Skąd pochodzi opis: publikacja, strona, autor.")
    )
    source_url = models.URLField(_("adres źródła"), blank=True)
    licence = models.CharField(_("licencja"), max_length=20, choices=Licence.choices, default=Licence.CC_BY)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja zgłaszająca"),
    )
    added_on = models.DateField(_("data wprowadzenia"))
    updated_on = models.DateField(_("data aktualizacji"))
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.SUBMITTED
    )
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-added_on", "-id"]
        verbose_name = _("dobra praktyka")
        verbose_name_plural = _("dobre praktyki")
        indexes = [models.Index(fields=["centre", "status", "voivodeship"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice", args=[self.pk])


class PracticeAttachment(CentreScopedModel):
    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("nazwa załącznika"), max_length=200)
    file = models.FileField(_("plik"), upload_to="knowledge/practices/%Y/%m/")
    extension = models.CharField(max_length=5, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["id"]
        verbose_name = _("załącznik praktyki")
        verbose_name_plural = _("załączniki praktyk")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:attachment", args=[self.practice_id, self.pk])


class Leader(CentreScopedModel):
    """A local leader's or activist's profile, shown only with the person's consent and only the fields
    the person chose. Withdrawing the consent hides it at once (the consent's record stays)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    display_name = models.CharField(_("imię i nazwisko (lub pseudonim)"), max_length=150)
    bio = models.TextField(_("o mnie i mojej działalności"), max_length=3000, blank=True)
    activities = models.CharField(_("obszary działania"), max_length=300, blank=True)
    organisation_name = models.CharField(_("organizacja lub grupa"), max_length=200, blank=True)
    district = models.CharField(_("dzielnica lub miejscowość"), max_length=120, blank=True)
    email = models.EmailField(_("adres e-mail do kontaktu"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    visible_fields = models.JSONField(_("pola widoczne publicznie"), default=list, blank=True)
    consent_text = models.TextField(_("treść zgody"), blank=True)
    consent_at = models.DateTimeField(_("zgoda wyrażona"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("zgoda wycofana"), null=True, blank=True)

    class Meta:
        ordering = ["display_name", "id"]
        verbose_name = _("lider lub społecznik")
        verbose_name_plural = _("liderzy i społecznicy")
        constraints = [
            models.UniqueConstraint(fields=["centre", "user"], name="knowledge_one_leader_per_user")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_public(self) -> bool:
        return self.consent_at is not None and self.withdrawn_at is None

    def shown(self, field: str) -> str:
        return (
            getattr(self, field if field != "organisation" else "organisation_name")
            if (field in self.visible_fields)
            else ""
        )

    def get_absolute_url(self) -> str:
        return reverse("knowledge:leader", args=[self.pk])


class ArticleCategory(CentreScopedModel):
    slug = models.SlugField(_("adres (slug)"), max_length=60)
    name = models.CharField(_("nazwa kategorii"), max_length=120)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "name", "id"]
        verbose_name = _("kategoria bazy wiedzy")
        verbose_name_plural = _("kategorie bazy wiedzy")
        constraints = [models.UniqueConstraint(fields=["centre", "slug"], name="knowledge_category_slug")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:category", args=[self.slug])


class Article(CentreScopedModel, Searchable):
    category = models.ForeignKey(
        ArticleCategory, on_delete=models.PROTECT, related_name="articles", verbose_name=_("kategoria")
    )
    title = models.CharField(_("tytuł"), max_length=300)
    lead = models.CharField(_("wprowadzenie"), max_length=600, blank=True)
    body = models.TextField(_("treść"))
    status = models.CharField(
        _("status"), max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("artykuł bazy wiedzy")
        verbose_name_plural = _("artykuły bazy wiedzy")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", args=[self.pk])


class Document(CentreScopedModel):
    """A regulation of the third sector or research results, as a checked file (PDF or a scan)."""

    kind = models.CharField(_("rodzaj"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("tytuł"), max_length=300)
    description = models.TextField(_("opis"), max_length=2000, blank=True)
    published_on = models.DateField(_("data dokumentu"))
    file = models.FileField(_("plik"), upload_to="knowledge/documents/%Y/%m/")
    extension = models.CharField(max_length=5, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenty")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:document_file", args=[self.pk])


class FundingCall(CentreScopedModel, Searchable):
    """A call for funding staff enter: the municipality's own (outside the grants module) or an external one."""

    kind = models.CharField(_("rodzaj naboru"), max_length=20, choices=CallKind.choices)
    title = models.CharField(_("tytuł naboru"), max_length=300)
    funder = models.CharField(_("grantodawca"), max_length=200)
    deadline = models.DateField(_("termin składania wniosków"))
    amount = models.DecimalField(
        _("kwota (zł)"), null=True, blank=True, validators=[MinValueValidator(0)], **MONEY
    )
    url = models.URLField(_("adres ogłoszenia"))
    description = models.TextField(_("opis"), max_length=3000, blank=True)
    fields = models.ManyToManyField(
        "organisations.ActivityArea", blank=True, related_name="+", verbose_name=_("sfery działalności")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("nabór")
        verbose_name_plural = _("nabory")
        indexes = [models.Index(fields=["centre", "deadline"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:call", args=[self.pk])
