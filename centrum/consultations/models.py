"""Consultations with organisations and residents: kinds with their own rules (as data, per centre), the
consultation with its draft split into numbered units and versions, comments with the official's answer, and
co-creation before the draft (a call for proposals, thematic teams)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import Commenters, CommentStatus, ConsultationStatus, ConsultedGroup, UnitLevel


class ConsultationKind(CentreScopedModel):
    """A kind of consultation with the rules its legal basis and the council's resolution set."""

    name = models.CharField(_("nazwa"), max_length=200)
    legal_basis = models.TextField(_("podstawa prawna"))
    resolution = models.CharField(
        _("uchwała rady o trybie konsultacji (numer i data)"), max_length=300, blank=True
    )
    resolution_url = models.URLField(_("adres uchwały"), blank=True)
    commenters = models.CharField(
        _("kto może zgłaszać uwagi"), max_length=20, choices=Commenters.choices, default=Commenters.BOTH
    )
    min_days = models.PositiveSmallIntegerField(
        _("najkrótszy czas trwania (dni)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    comments_public_at_once = models.BooleanField(
        _("uwagi jawne od razu"),
        default=False,
        help_text=_("Bez zaznaczenia uwagi stają się jawne po zakończeniu konsultacji."),
    )
    report_days = models.PositiveSmallIntegerField(
        _("termin opublikowania sprawozdania (dni od końca)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    allows_written = models.BooleanField(_("dopuszcza uwagi pisemne"), default=True)
    allows_meeting = models.BooleanField(_("dopuszcza spotkanie konsultacyjne"), default=True)
    allows_survey = models.BooleanField(_("dopuszcza ankietę"), default=False)
    active = models.BooleanField(_("w użyciu"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("rodzaj konsultacji")
        verbose_name_plural = _("rodzaje konsultacji")

    def __str__(self) -> str:
        return self.name

    @property
    def admits_organisations(self) -> bool:
        return self.commenters in (Commenters.ORGANISATIONS, Commenters.BOTH)

    @property
    def admits_residents(self) -> bool:
        return self.commenters in (Commenters.RESIDENTS, Commenters.BOTH)


class Consultation(CentreScopedModel):
    kind = models.ForeignKey(
        ConsultationKind, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("rodzaj")
    )
    title = models.CharField(_("tytuł"), max_length=300)
    description = models.TextField(_("opis i cel konsultacji"), blank=True)
    subject_ref = models.CharField(_("konsultowany dokument"), max_length=100, blank=True)
    consulted_group = models.CharField(
        _("kogo konsultujemy"),
        max_length=20,
        choices=ConsultedGroup.choices,
        default=ConsultedGroup.ALL_ORGANISATIONS,
    )
    areas = models.ManyToManyField(
        "organisations.ActivityArea", blank=True, related_name="+", verbose_name=_("sfery działalności")
    )
    starts_on = models.DateField(_("początek"))
    ends_on = models.DateField(_("koniec (włącznie)"))
    form_written = models.BooleanField(_("uwagi pisemne (formularz)"), default=True)
    form_meeting = models.BooleanField(_("spotkanie konsultacyjne"), default=False)
    form_survey = models.BooleanField(_("ankieta"), default=False)
    survey_url = models.URLField(_("adres ankiety"), blank=True)
    meeting_room = models.ForeignKey(
        "spaces.Room",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sala spotkania"),
    )
    meeting_starts_at = models.DateTimeField(_("spotkanie – początek"), null=True, blank=True)
    meeting_ends_at = models.DateTimeField(_("spotkanie – koniec"), null=True, blank=True)
    meeting_booking = models.ForeignKey(
        "spaces.Booking", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bip_published_on = models.DateField(_("ogłoszono w BIP dnia"), null=True, blank=True)
    bip_url = models.URLField(_("adres ogłoszenia w BIP"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ConsultationStatus.choices, default=ConsultationStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uwagi do zmiany statusu"), blank=True)
    version = models.PositiveSmallIntegerField(_("wersja projektu"), default=1)
    report_summary = models.TextField(_("podsumowanie sprawozdania"), blank=True)
    report_published_at = models.DateTimeField(_("sprawozdanie opublikowano"), null=True, blank=True)
    report_reminded_on = models.DateField(_("przypomniano o sprawozdaniu"), null=True, blank=True)
    team = models.ForeignKey(
        "consultations.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("zespół, który przygotował projekt"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("konsultacje")
        verbose_name_plural = _("konsultacje")
        indexes = [models.Index(fields=["centre", "status", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")), name="consultations_dates_ordered"
            )
        ]

    @property
    def report_due_on(self):
        """The day the report must be published by: the kind's days after the last day."""
        return self.ends_on + timedelta(days=self.kind.report_days)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.kind_id:
            if self.ends_on < self.starts_on:
                raise ValidationError({"ends_on": _("Konsultacje nie mogą skończyć się przed początkiem.")})
            days = (self.ends_on - self.starts_on).days
            if days < self.kind.min_days:
                raise ValidationError(
                    {
                        "ends_on": _(
                            "Konsultacje tego rodzaju trwają co najmniej %(days)s dni (wybrano %(chosen)s)."
                        )
                        % {"days": self.kind.min_days, "chosen": days}
                    }
                )


class Unit(CentreScopedModel):
    """One numbered unit of a version of the draft (chapter, paragraph, section, point)."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="units")
    version = models.PositiveSmallIntegerField(_("wersja"), default=1)
    position = models.PositiveIntegerField(_("kolejność"), default=1)
    level = models.PositiveSmallIntegerField(
        _("poziom"), choices=UnitLevel.choices, default=UnitLevel.PARAGRAPH
    )
    number = models.CharField(
        _("oznaczenie"), max_length=40, blank=True, help_text=_("np. § 3, Rozdział II, pkt 4")
    )
    heading = models.CharField(_("tytuł"), max_length=300, blank=True)
    text = models.TextField(_("treść"), blank=True)
    # The unit of the previous version it continues (None: new in this version).
    previous = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    changed_by = models.ManyToManyField(
        "consultations.Comment", blank=True, related_name="changes", verbose_name=_("zmiana wynika z uwag")
    )
    change_note = models.TextField(_("opis zmiany"), blank=True)

    class Meta:
        ordering = ["consultation", "version", "position", "id"]
        verbose_name = _("jednostka projektu")
        verbose_name_plural = _("jednostki projektu")

    def __str__(self) -> str:
        return f"{self.number} {self.heading}".strip()


class Comment(CentreScopedModel):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="comments")
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("dotyczy"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("w imieniu organizacji"),
    )
    author_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    author_email = models.EmailField(_("e-mail"), blank=True)
    current_wording = models.TextField(_("obecny zapis"), blank=True)
    proposal = models.TextField(_("proponowane brzmienie lub uwaga"))
    justification = models.TextField(_("uzasadnienie"))
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.SUBMITTED
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    answer = models.TextField(_("odpowiedź"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("odpowiedziano"), null=True, blank=True)

    class Meta:
        ordering = ["consultation", "created_at", "id"]
        verbose_name = _("uwaga")
        verbose_name_plural = _("uwagi")

    def __str__(self) -> str:
        return self.proposal[:60]

    @property
    def signed_by(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        return self.author_name or (self.author.full_name if self.author_id else "")


class ProposalCall(CentreScopedModel):
    """Co-creation before the draft: a call for proposals (e.g. next year's priority tasks)."""

    title = models.CharField(_("tytuł naboru"), max_length=300)
    description = models.TextField(_("o co prosimy"), blank=True)
    kind = models.ForeignKey(
        ConsultationKind,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("rodzaj konsultacji projektu"),
    )
    ends_on = models.DateField(_("propozycje do (włącznie)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-ends_on", "-id"]
        verbose_name = _("nabór propozycji")
        verbose_name_plural = _("nabory propozycji")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:call", args=[self.pk])


class Proposal(CentreScopedModel):
    call = models.ForeignKey(ProposalCall, on_delete=models.CASCADE, related_name="proposals")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("propozycja"), max_length=300)
    text = models.TextField(_("opis"))
    accepted = models.BooleanField(_("przyjęta do projektu"), default=False)

    class Meta:
        ordering = ["call", "created_at", "id"]
        verbose_name = _("propozycja")
        verbose_name_plural = _("propozycje")

    def __str__(self) -> str:
        return self.title


class Team(CentreScopedModel):
    """A thematic team (organisations' people and officials) that works proposals into a draft."""

    call = models.ForeignKey(ProposalCall, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("nazwa zespołu"), max_length=200)
    members = models.TextField(
        _("skład zespołu"), help_text=_("Jedna osoba w wierszu: imię, nazwisko, kogo reprezentuje.")
    )

    class Meta:
        ordering = ["call", "name", "id"]
        verbose_name = _("zespół tematyczny")
        verbose_name_plural = _("zespoły tematyczne")

    def __str__(self) -> str:
        return self.name

    @property
    def member_lines(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]
