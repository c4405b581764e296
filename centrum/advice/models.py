"""The advice service's tables: advisers and their domains, office hours and absences, appointments with
their advice log, referrals, ongoing assignments (services and caretakers) and the centre's reach targets."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import AbsenceKind, AppointmentStatus, AssignmentKind, Mode


def new_secret() -> str:
    return secrets.token_hex(8)


class AdviceDomain(CentreScopedModel):
    name = models.CharField(_("nazwa"), max_length=100)
    order = models.PositiveSmallIntegerField(_("kolejność"), default=100)
    is_active = models.BooleanField(_("aktywna"), default=True)

    class Meta:
        ordering = ["order", "name", "id"]
        verbose_name = _("dziedzina doradztwa")
        verbose_name_plural = _("dziedziny doradztwa")
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="advice_domain_unique_name")]

    def __str__(self) -> str:
        return self.name


class Adviser(CentreScopedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="adviser_profiles",
        verbose_name=_("osoba"),
    )
    title = models.CharField(_("opis funkcji"), max_length=200, blank=True)
    bio = models.TextField(_("o doradcy"), blank=True)
    domains = models.ManyToManyField(
        AdviceDomain, blank=True, related_name="advisers", verbose_name=_("dziedziny")
    )
    first_contact = models.BooleanField(_("porady pierwszego kontaktu"), default=False)
    is_active = models.BooleanField(_("przyjmuje"), default=True)

    class Meta:
        ordering = ["user__full_name", "id"]
        verbose_name = _("doradca")
        verbose_name_plural = _("doradcy")
        constraints = [models.UniqueConstraint(fields=["centre", "user"], name="advice_adviser_unique_user")]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def name(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("advice:adviser_detail", args=[self.pk])


class OfficeHours(CentreScopedModel):
    adviser = models.ForeignKey(Adviser, on_delete=models.CASCADE, related_name="office_hours")
    weekday = models.PositiveSmallIntegerField(_("dzień tygodnia"))
    starts_at = models.TimeField(_("od godziny"))
    ends_at = models.TimeField(_("do godziny"))
    slot_minutes = models.PositiveSmallIntegerField(_("długość porady (minuty)"), default=60)
    mode = models.CharField(_("forma"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(_("miejsce lub link"), max_length=200, blank=True)
    valid_from = models.DateField(_("obowiązuje od"))
    valid_until = models.DateField(_("obowiązuje do"), null=True, blank=True)

    class Meta:
        ordering = ["weekday", "starts_at", "id"]
        verbose_name = _("dyżur")
        verbose_name_plural = _("dyżury")

    def __str__(self) -> str:
        return f"{self.adviser} {self.weekday} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


class Absence(CentreScopedModel):
    adviser = models.ForeignKey(Adviser, on_delete=models.CASCADE, related_name="absences")
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(_("do dnia"))
    kind = models.CharField(
        _("rodzaj"), max_length=20, choices=AbsenceKind.choices, default=AbsenceKind.SICKNESS
    )
    note = models.CharField(_("uwagi"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("nieobecność doradcy")
        verbose_name_plural = _("nieobecności doradców")

    def __str__(self) -> str:
        return f"{self.adviser} {self.starts_on}–{self.ends_on}"


class Appointment(CentreScopedModel):
    adviser = models.ForeignKey(Adviser, on_delete=models.PROTECT, related_name="appointments")
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    mode = models.CharField(_("forma"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField(_("miejsce lub link"), max_length=200, blank=True)
    domain = models.ForeignKey(
        AdviceDomain, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("dziedzina")
    )
    topic = models.CharField(_("temat"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_appointments",
        verbose_name=_("organizacja"),
    )
    organisation_name = models.CharField(_("nazwa organizacji"), max_length=300, blank=True)
    founding = models.BooleanField(_("zakładam nową organizację"), default=False)
    question = models.TextField(_("pytanie"))
    accessibility_needs = models.TextField(_("potrzeby dostępności"), blank=True)
    name = models.CharField(_("imię i nazwisko"), max_length=150)
    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_appointments",
    )
    referral = models.ForeignKey(
        "Referral", on_delete=models.SET_NULL, null=True, blank=True, related_name="appointments"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("powód"), blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The signed cancellation link carries it: a new secret voids the old links.
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("porada")
        verbose_name_plural = _("porady")
        constraints = [
            # A slot can't be taken twice: the database says so, whoever races.
            models.UniqueConstraint(
                fields=["adviser", "starts_at"],
                condition=Q(status="booked"),
                name="advice_one_booking_per_slot",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="advice_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["centre", "starts_at"], name="advice_appt_centre_start_idx")]

    def __str__(self) -> str:
        return f"{self.topic} ({self.name})"

    def get_absolute_url(self) -> str:
        return reverse("advice:appointment_detail", args=[self.pk])

    @property
    def organisation_label(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        if self.founding:
            return str(_("zakłada nową organizację"))
        return self.organisation_name


class Referral(CentreScopedModel):
    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="referrals")
    domain = models.ForeignKey(
        AdviceDomain, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("dziedzina")
    )
    adviser = models.ForeignKey(
        Adviser,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_in",
        verbose_name=_("specjalista"),
    )
    note = models.TextField(_("uwagi dla osoby"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("skierowanie")
        verbose_name_plural = _("skierowania")

    def __str__(self) -> str:
        return f"{self.appointment} → {self.adviser or self.domain}"


class Assignment(CentreScopedModel):
    """An adviser working for an organisation over a period: an ongoing service (bookkeeping, legal counsel)
    or its caretaker."""

    adviser = models.ForeignKey(
        Adviser, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("doradca")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="advice_assignments",
        verbose_name=_("organizacja"),
    )
    kind = models.CharField(
        _("rodzaj"), max_length=20, choices=AssignmentKind.choices, default=AssignmentKind.SERVICE
    )
    domain = models.ForeignKey(
        AdviceDomain, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("dziedzina")
    )
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(_("do dnia"), null=True, blank=True)
    note = models.TextField(_("zakres"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("przydział doradcy")
        verbose_name_plural = _("przydziały doradców")

    def __str__(self) -> str:
        return f"{self.adviser} – {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("advice:assignment_detail", args=[self.pk])


class AdviceEntry(CentreScopedModel):
    """The advice log: one entry per meeting, or per piece of work of an ongoing assignment."""

    adviser = models.ForeignKey(Adviser, on_delete=models.PROTECT, related_name="entries")
    appointment = models.OneToOneField(
        Appointment, on_delete=models.CASCADE, null=True, blank=True, related_name="entry"
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, null=True, blank=True, related_name="entries"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_entries",
        verbose_name=_("organizacja"),
    )
    held_on = models.DateField(_("data"))
    domain = models.ForeignKey(AdviceDomain, on_delete=models.PROTECT, verbose_name=_("dziedzina"))
    duration_minutes = models.PositiveSmallIntegerField(_("czas (minuty)"))
    topic = models.CharField(_("temat"), max_length=200)
    outcome = models.TextField(_("wynik"), blank=True)
    follow_up_on = models.DateField(_("termin kontaktu zwrotnego"), null=True, blank=True)
    confidential_notes = models.TextField(_("notatki poufne (widzą tylko doradcy)"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("wpis dziennika porad")
        verbose_name_plural = _("dziennik porad")

    def __str__(self) -> str:
        return f"{self.held_on} {self.topic}"


class ReachTarget(CentreScopedModel):
    label = models.CharField(_("nazwa (np. projekt)"), max_length=200)
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(_("do dnia"))
    people = models.PositiveIntegerField(_("osoby (cel)"))
    organisations = models.PositiveIntegerField(_("organizacje (cel)"))

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("cel wsparcia")
        verbose_name_plural = _("cele wsparcia")

    def __str__(self) -> str:
        return self.label
