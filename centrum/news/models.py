"""News of the centre and its organisations, the local events calendar, and reports of errors on the public
site ("Zgłoś błąd"). News and events are moderated by staff (`workflows.py`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import ModerationStatus, OrganiserKind, ReportStatus


class Moderated(CentreScopedModel):
    """What news and events share: the author, the organisation, the moderation state and its stamps."""

    title = models.CharField(_("tytuł"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    # An author who removes their account leaves the item (its organisation and text stay).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("autor"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ModerationStatus.choices, default=ModerationStatus.SUBMITTED
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uwagi moderatora"), blank=True)
    submitted_at = models.DateTimeField(_("zgłoszono"), null=True, blank=True)
    published_at = models.DateTimeField(_("opublikowano"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class NewsItem(Moderated):
    lead = models.TextField(_("zajawka"), max_length=600)
    body = models.TextField(_("treść"))

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")
        indexes = [models.Index(fields=["centre", "status", "-published_at"], name="news_item_public")]

    def get_absolute_url(self) -> str:
        return reverse("news:detail", args=[self.pk])


class NewsImage(CentreScopedModel):
    news = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("zdjęcie"), upload_to="news/images/%Y/%m/")
    alt_text = models.CharField(_("tekst alternatywny"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("zdjęcie")
        verbose_name_plural = _("zdjęcia")

    def __str__(self) -> str:
        return self.alt_text


class NewsAttachment(CentreScopedModel):
    news = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("plik"), upload_to="news/files/%Y/%m/")
    name = models.CharField(_("nazwa pliku"), max_length=200)

    class Meta:
        ordering = ["id"]
        verbose_name = _("załącznik")
        verbose_name_plural = _("załączniki")

    def __str__(self) -> str:
        return self.name


class Event(Moderated):
    description = models.TextField(_("opis"), blank=True)
    organiser_kind = models.CharField(
        _("organizator"), max_length=20, choices=OrganiserKind.choices, default=OrganiserKind.ORGANISATION
    )
    organiser_name = models.CharField(_("nazwa organizatora"), max_length=300, blank=True)
    place = models.CharField(_("miejsce"), max_length=300)
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    audience = models.CharField(_("dla kogo"), max_length=300, blank=True)
    accessibility = models.JSONField(_("dostępność"), default=list, blank=True)
    accessibility_notes = models.TextField(_("dostępność – szczegóły"), blank=True)
    registration_url = models.URLField(_("zapisy (adres strony)"), blank=True)
    price = models.DecimalField(_("cena (zł)"), max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        indexes = [models.Index(fields=["centre", "status", "starts_at"], name="news_event_public")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="news_event_ends_after"
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    def organiser_label(self) -> str:
        if self.organiser_kind == OrganiserKind.ORGANISATION and self.organisation_id:
            return self.organisation.name
        if self.organiser_kind == OrganiserKind.CENTRE and not self.organiser_name:
            return self.centre.name
        return self.organiser_name


class ErrorReport(CentreScopedModel):
    """A visitor's report of an error on a public page ("Zgłoś błąd"), handled by staff."""

    page_url = models.CharField(_("adres strony"), max_length=500)
    message = models.TextField(_("opis błędu"), max_length=3000)
    email = models.EmailField(_("e-mail do odpowiedzi"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    note = models.TextField(_("notatka"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("załatwił(a)"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("zgłoszenie błędu")
        verbose_name_plural = _("zgłoszenia błędów")

    def __str__(self) -> str:
        return f"{self.page_url}: {self.message[:80]}"
