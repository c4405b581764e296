"""The volunteer centre: volunteers' profiles (with a guardian's consent for a minor and the consent to be
shown to hosts), hosts (an organisation of the registry or a public body's unit), offers with shifts,
applications, agreements (art. 44) and the hours logged against them; the centre's pages on volunteering
abroad."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import (
    ApplicationStatus,
    ConsentRecord,
    HostKind,
    HoursStatus,
    OfferKind,
    OfferStatus,
    PublicBodyKind,
)


class Availability(models.Model):
    """When a person can help (a volunteer) or when help is needed (an offer): matched one to the other."""

    weekdays = models.BooleanField(_("w dni powszednie"), default=False)
    evenings = models.BooleanField(_("wieczorami"), default=False)
    weekends = models.BooleanField(_("w weekendy"), default=False)

    class Meta:
        abstract = True

    def availability(self) -> set[str]:
        return {name for name in ("weekdays", "evenings", "weekends") if getattr(self, name)}


class Volunteer(Availability, CentreScopedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    full_name = models.CharField(_("imię i nazwisko"), max_length=200)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    birth_date = models.DateField(_("data urodzenia"))
    areas = models.ManyToManyField(
        "organisations.ActivityArea", verbose_name=_("czym chcesz się zajmować"), blank=True, related_name="+"
    )
    skills = models.TextField(_("umiejętności i doświadczenie"), blank=True)
    languages = models.CharField(_("języki"), max_length=200, blank=True)
    district = models.ForeignKey(
        "organisations.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dzielnica"),
    )
    # Shown to hosts only with the volunteer's consent, recorded and withdrawable.
    visible_to_hosts = models.BooleanField(_("pokazuj mój profil organizatorom wolontariatu"), default=False)
    visibility_consent_at = models.DateTimeField(null=True, blank=True)
    visibility_withdrawn_at = models.DateTimeField(null=True, blank=True)
    # A minor's guardian and their consent (required before any agreement).
    guardian_name = models.CharField(_("imię i nazwisko opiekuna prawnego"), max_length=200, blank=True)
    guardian_contact = models.CharField(_("telefon lub e-mail opiekuna"), max_length=200, blank=True)
    guardian_consent = models.CharField(
        _("zgoda opiekuna"), max_length=10, choices=ConsentRecord.choices, blank=True
    )
    guardian_consent_file = models.FileField(
        _("skan zgody opiekuna"), upload_to="volunteers/consents/", blank=True
    )
    guardian_consent_at = models.DateTimeField(null=True, blank=True)
    guardian_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("wolontariusz")
        verbose_name_plural = _("wolontariusze")
        constraints = [models.UniqueConstraint(fields=["centre", "user"], name="volunteers_one_profile")]

    def __str__(self) -> str:
        return self.full_name

    def age_on(self, day: date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def has_guardian_consent(self) -> bool:
        return bool(self.guardian_consent and self.guardian_name and self.guardian_consent_at)


class Host(CentreScopedModel):
    """Who takes volunteers: an organisation of the registry (its members manage the offers) or a public body's
    unit, recorded without being an NGO (people named as its managers act for it)."""

    kind = models.CharField(_("rodzaj"), max_length=20, choices=HostKind.choices)
    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    name = models.CharField(_("nazwa instytucji"), max_length=300, blank=True)
    body_kind = models.CharField(
        _("rodzaj instytucji"), max_length=20, choices=PublicBodyKind.choices, blank=True
    )
    address = models.CharField(_("adres"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("osoby działające w imieniu"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organizator wolontariatu")
        verbose_name_plural = _("organizatorzy wolontariatu")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="organisation", organisation__isnull=False) & Q(name=""))
                | (Q(kind="public_body", organisation__isnull=True) & ~Q(name="")),
                name="volunteers_host_is_one_kind",
            )
        ]

    def __str__(self) -> str:
        return self.organisation.name if self.organisation_id else self.name

    @property
    def display_name(self) -> str:
        return str(self)


class Offer(Availability, CentreScopedModel):
    host = models.ForeignKey(
        Host, on_delete=models.PROTECT, related_name="offers", verbose_name=_("organizator")
    )
    title = models.CharField(_("tytuł"), max_length=200)
    description = models.TextField(_("opis"))
    kind = models.CharField(_("rodzaj"), max_length=20, choices=OfferKind.choices, default=OfferKind.ONE_OFF)
    place = models.CharField(_("miejsce"), max_length=300)
    district = models.ForeignKey(
        "organisations.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dzielnica"),
    )
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(_("do dnia"), null=True, blank=True, help_text=_("Puste – bez końca."))
    schedule = models.CharField(_("kiedy (dni, godziny)"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("ilu wolontariuszy"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    # Places taken by accepted applications (shifts keep their own): kept by the accept guard under a lock.
    taken = models.PositiveIntegerField(default=0, editable=False)
    requirements = models.TextField(_("wymagania"), blank=True)
    for_minors = models.BooleanField(_("odpowiednia dla niepełnoletnich"), default=False)
    areas = models.ManyToManyField(
        "organisations.ActivityArea", verbose_name=_("dziedziny"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("stan"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Folded words of the title, description, place and host (`core.text.search_words`), kept by the services.
    search_text = models.TextField(default="", editable=False)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("oferta wolontariatu")
        verbose_name_plural = _("oferty wolontariatu")
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="volunteers_offer_within_capacity"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="volunteers_offer_dates_ordered",
            ),
        ]
        indexes = [models.Index(fields=["centre", "status", "starts_on"], name="volunteers_offer_list_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("volunteers:offer", args=[self.pk])

    @property
    def has_shifts(self) -> bool:
        return self.kind == OfferKind.EVENT

    @property
    def free_places(self) -> int:
        return max(self.capacity - self.taken, 0)


class Shift(CentreScopedModel):
    """A shift at an event (the centre's picnic, NGO Day) with its own capacity."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="shifts")
    label = models.CharField(_("dyżur"), max_length=200)
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    capacity = models.PositiveIntegerField(
        _("ilu wolontariuszy"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    taken = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("dyżur")
        verbose_name_plural = _("dyżury")
        constraints = [
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="volunteers_shift_within_capacity"
            ),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="volunteers_shift_ordered"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def free_places(self) -> int:
        return max(self.capacity - self.taken, 0)


class Application(CentreScopedModel):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="applications")
    shift = models.ForeignKey(
        Shift, on_delete=models.CASCADE, null=True, blank=True, related_name="applications"
    )
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="applications")
    message = models.TextField(_("wiadomość do organizatora"), blank=True)
    introduced = models.BooleanField(default=False)  # staff introduced them to each other
    status = models.CharField(
        _("stan"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.APPLIED
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("zgłoszenie wolontariusza")
        verbose_name_plural = _("zgłoszenia wolontariuszy")
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "volunteer"],
                condition=Q(status__in=["applied", "accepted"], shift__isnull=True),
                name="volunteers_one_open_application",
            ),
            models.UniqueConstraint(
                fields=["shift", "volunteer"],
                condition=Q(status__in=["applied", "accepted"], shift__isnull=False),
                name="volunteers_one_open_shift_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.offer}"

    def get_absolute_url(self) -> str:
        return reverse("volunteers:application", args=[self.pk])


class Agreement(CentreScopedModel):
    """Porozumienie (art. 44): scope, manner, time and termination; written form, insurance and a minor's consent
    follow the rules of DOMAIN §7 (`rules.py`, limits as the centre's settings)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="agreement")
    number = models.CharField(_("numer"), max_length=40)
    scope = models.TextField(_("zakres świadczeń"))
    manner = models.TextField(_("sposób wykonywania"))
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(
        _("do dnia"), null=True, blank=True, help_text=_("Puste – na czas nieokreślony.")
    )
    termination = models.TextField(_("postanowienia o rozwiązaniu porozumienia"))
    written_form = models.BooleanField(_("w formie pisemnej"), default=True)
    travel_costs_waived = models.BooleanField(
        _("wolontariusz zwalnia z pokrycia kosztów podróży i diet (tylko na piśmie)"), default=False
    )
    insurance_flagged = models.BooleanField(default=False, editable=False)  # NNW the host provides
    opinion = models.TextField(_("opinia o wykonaniu świadczeń"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("porozumienie wolontariackie")
        verbose_name_plural = _("porozumienia wolontariackie")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="volunteers_agreement_dates_ordered",
            ),
            models.UniqueConstraint(fields=["centre", "number"], name="volunteers_agreement_number"),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("volunteers:agreement", args=[self.pk])

    def covers(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)


class HoursEntry(CentreScopedModel):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="hours")
    day = models.DateField(_("dzień"))
    hours = models.DecimalField(
        _("liczba godzin"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("24"))],
    )
    description = models.CharField(_("co zostało zrobione"), max_length=300)
    status = models.CharField(
        _("stan"), max_length=20, choices=HoursStatus.choices, default=HoursStatus.LOGGED
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = _("godziny wolontariatu")
        verbose_name_plural = _("godziny wolontariatu")

    def __str__(self) -> str:
        return f"{self.day:%d.%m.%Y} – {self.hours} h"


class AbroadPage(CentreScopedModel):
    """A page of the centre on volunteering abroad (European Solidarity Corps, exchanges)."""

    title = models.CharField(_("tytuł"), max_length=200)
    body = models.TextField(_("treść"))
    links = models.TextField(_("odnośniki (jeden w wierszu)"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("kolejność"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    published = models.BooleanField(_("opublikowana"), default=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("strona o wolontariacie za granicą")
        verbose_name_plural = _("strony o wolontariacie za granicą")

    def __str__(self) -> str:
        return self.title

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
