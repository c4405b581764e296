"""Trainings and events, their sessions, registrations (with the waiting list), attendance, certificates'
basis, feedback, exhibitors and the organisations' declared training needs."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import (
    ACTIVE_REGISTRATION,
    ExhibitorStatus,
    PlaceKind,
    RegistrationStatus,
    TrainingKind,
    TrainingStatus,
)


def new_secret() -> str:
    return secrets.token_hex(8)


class Training(CentreScopedModel):
    title = models.CharField(_("tytuł"), max_length=200)
    kind = models.CharField(
        _("rodzaj"), max_length=20, choices=TrainingKind.choices, default=TrainingKind.TRAINING
    )
    description = models.TextField(_("opis"), blank=True)
    programme = models.TextField(_("program"), blank=True)
    trainer = models.CharField(_("prowadzący"), max_length=200, blank=True)
    audience = models.CharField(_("dla kogo"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(_("liczba miejsc"), validators=[MinValueValidator(1)])
    registration_opens_at = models.DateTimeField(_("zapisy od"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("zapisy do"), null=True, blank=True)
    per_organisation_cap = models.PositiveIntegerField(
        _("najwyżej osób z jednej organizacji"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    required_sessions = models.PositiveIntegerField(
        _("spotkania wymagane do zaświadczenia"),
        null=True,
        blank=True,
        help_text=_("Puste: wszystkie spotkania."),
    )
    exhibitors_welcome = models.BooleanField(_("organizacje mogą zgłaszać stoiska"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=TrainingStatus.choices, default=TrainingStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("szkolenie lub wydarzenie")
        verbose_name_plural = _("szkolenia i wydarzenia")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("trainings:detail", args=[self.pk])


class Session(CentreScopedModel):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    place_kind = models.CharField(
        _("miejsce"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.ROOM
    )
    room = models.ForeignKey(
        "spaces.Room",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sala"),
    )
    booking = models.ForeignKey(
        "spaces.Booking", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    address = models.CharField(_("adres"), max_length=300, blank=True)
    online_url = models.URLField(_("link do spotkania online"), blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("spotkanie")
        verbose_name_plural = _("spotkania")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="training_session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.training} – {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def place_label(self) -> str:
        if self.place_kind == PlaceKind.ROOM and self.room_id:
            return self.room.name
        if self.place_kind == PlaceKind.ONLINE:
            return str(_("online"))
        return self.address


class Registration(CentreScopedModel):
    """One person at one training: confirmed, on the waiting list, or cancelled.

    "One registration per person per event" is a unique constraint on the active rows (by e-mail, lower-cased);
    the seats are counted on the training's row, locked while a registration is decided."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("imię i nazwisko"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    accessibility_needs = models.TextField(_("potrzeby dostępności"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("zgłoszenie")
        verbose_name_plural = _("zgłoszenia")
        constraints = [
            models.UniqueConstraint(
                "training",
                Lower("email"),
                condition=Q(status__in=ACTIVE_REGISTRATION),
                name="training_one_active_registration_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.training}"


class Attendance(CentreScopedModel):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendance")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("obecność"), default=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("obecność")
        verbose_name_plural = _("obecności")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="training_attendance_once")
        ]


class Feedback(CentreScopedModel):
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        _("ocena"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    useful = models.TextField(_("co było przydatne"), blank=True)
    comments = models.TextField(_("uwagi"), blank=True)

    class Meta:
        verbose_name = _("ocena szkolenia")
        verbose_name_plural = _("oceny szkoleń")


class Exhibitor(CentreScopedModel):
    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="exhibitors")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    stand = models.CharField(_("stoisko"), max_length=300)
    needs = models.TextField(_("potrzeby (prąd, stół, namiot…)"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ExhibitorStatus.choices, default=ExhibitorStatus.REQUESTED
    )
    status_changed_at = models.DateTimeField(_("zmiana statusu"), null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("wystawca")
        verbose_name_plural = _("wystawcy")
        constraints = [
            models.UniqueConstraint(
                fields=["training", "organisation"],
                condition=Q(status__in=(ExhibitorStatus.REQUESTED, ExhibitorStatus.CONFIRMED)),
                name="training_one_stand_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.training}"


class TrainingNeed(CentreScopedModel):
    """A topic an organisation needs training in; staff rank topics by demand and plan a training."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    topic = models.CharField(_("temat"), max_length=200)
    topic_key = models.CharField(max_length=200, editable=False, db_index=True)
    description = models.TextField(_("czego dokładnie potrzebujecie"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    training = models.ForeignKey(
        Training, on_delete=models.SET_NULL, null=True, blank=True, related_name="needs"
    )

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("potrzeba szkoleniowa")
        verbose_name_plural = _("potrzeby szkoleniowe")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "topic_key"],
                condition=Q(training__isnull=True),
                name="training_need_once_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.topic
