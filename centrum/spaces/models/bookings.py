import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from centrum.core.calendar import WARSAW
from centrum.core.models import CentreScopedModel

from ..choices import Attendance, BookingKind, BookingStatus, LetStatus, Recurrence, WaitingStatus
from .bookers import BookerFields, booker_constraint
from .rooms import EquipmentItem, Room

# A resident's or group's booking is always a request to the centre, never an event, block or let.
_PERSONAL_KIND = Q(kind=BookingKind.ORGANISATION)


class BookingSeries(BookerFields, CentreScopedModel):
    """What a person asked for when booking a recurring slot; its occurrences are `Booking` rows."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="series", verbose_name=_("sala"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("tytuł"), max_length=200)
    recurrence = models.CharField(_("powtarzanie"), max_length=20, choices=Recurrence.choices)
    first_date = models.DateField(_("pierwszy termin"))
    until_date = models.DateField(_("do dnia"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("liczba terminów"), null=True, blank=True)
    start_time = models.TimeField(_("od godziny"))
    end_time = models.TimeField(_("do godziny"))
    skipped_dates = models.JSONField(_("pominięte terminy"), default=list, blank=True)

    class Meta:
        verbose_name = _("cykl rezerwacji")
        verbose_name_plural = _("cykle rezerwacji")
        ordering = ["-created_at"]
        constraints = [booker_constraint("series_booker_fields", organisation_required=False)]

    def __str__(self):
        return f"{self.title} ({self.get_recurrence_display()})"


class Booking(BookerFields, CentreScopedModel):
    """One occupation of a room: an organisation's booking, a centre event, a block or a let.

    On PostgreSQL an exclusion constraint (migration 0002) refuses two overlapping rows of the same
    room in a blocking state; on SQLite the booking services run in IMMEDIATE transactions, which
    serialise the check and the insert.
    """

    room = models.ForeignKey(Room, on_delete=models.RESTRICT, related_name="bookings", verbose_name=_("sala"))
    series = models.ForeignKey(
        BookingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occurrences",
        verbose_name=_("cykl"),
    )
    kind = models.CharField(
        _("rodzaj"), max_length=15, choices=BookingKind.choices, default=BookingKind.ORGANISATION
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zgłaszający"),
    )
    title = models.CharField(_("tytuł"), max_length=200)
    purpose = models.TextField(
        _("cel (działalność statutowa)"), blank=True, help_text=_("Jakie działanie statutowe się odbędzie.")
    )
    attendees = models.PositiveSmallIntegerField(
        _("przewidywana liczba uczestników"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    contact_name = models.CharField(_("osoba kontaktowa"), max_length=150, blank=True)
    contact_phone = models.CharField(_("telefon kontaktowy"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail kontaktowy"), blank=True)
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.PENDING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("uzasadnienie"), blank=True)
    offer_expires_at = models.DateTimeField(_("propozycja ważna do"), null=True, blank=True)
    attendance = models.CharField(
        _("obecność"), max_length=10, choices=Attendance.choices, default=Attendance.UNKNOWN
    )
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("rezerwacja")
        verbose_name_plural = _("rezerwacje")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start"),
            booker_constraint(
                "booking_booker_fields", organisation_required=False, extra_personal=_PERSONAL_KIND
            ),
        ]
        indexes = [
            models.Index(fields=["room", "starts_at"], name="booking_room_start_idx"),
            models.Index(fields=["centre", "status", "starts_at"], name="booking_centre_status_idx"),
            models.Index(fields=["organisation", "starts_at"], name="booking_org_start_idx"),
        ]

    def __str__(self):
        # Warsaw time; the room's name only when it is loaded already (lists must not query per row).
        room = self.room.name if Booking.room.is_cached(self) else self.room_id
        starts_at = self.starts_at.astimezone(WARSAW) if self.starts_at else None
        return (
            f"{self.title} – {room} – {starts_at:%Y-%m-%d %H:%M}" if starts_at else f"{self.title} – {room}"
        )

    @property
    def duration_hours(self) -> float:
        return (self.ends_at - self.starts_at).total_seconds() / 3600


class BookingEquipment(CentreScopedModel):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="equipment")
    item = models.ForeignKey(
        EquipmentItem, on_delete=models.RESTRICT, related_name="+", verbose_name=_("sprzęt")
    )
    quantity = models.PositiveSmallIntegerField(_("liczba sztuk"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("sprzęt do rezerwacji")
        verbose_name_plural = _("sprzęt do rezerwacji")
        constraints = [
            models.UniqueConstraint(fields=["booking", "item"], name="booking_equipment_unique_item"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="booking_equipment_quantity_positive"),
        ]

    def __str__(self):
        return f"{self.item_id} × {self.quantity}"


class WaitingListEntry(BookerFields, CentreScopedModel):
    """A request for a taken slot. When the slot frees, the first in line is offered it for a set time."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="waiting", verbose_name=_("sala"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    title = models.CharField(_("tytuł"), max_length=200)
    purpose = models.TextField(_("cel (działalność statutowa)"), blank=True)
    attendees = models.PositiveSmallIntegerField(_("przewidywana liczba uczestników"), null=True, blank=True)
    contact_name = models.CharField(_("osoba kontaktowa"), max_length=150, blank=True)
    contact_phone = models.CharField(_("telefon kontaktowy"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail kontaktowy"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=WaitingStatus.choices, default=WaitingStatus.WAITING
    )
    offered_booking = models.OneToOneField(
        Booking, on_delete=models.SET_NULL, null=True, blank=True, related_name="waiting_entry"
    )
    offered_at = models.DateTimeField(null=True, blank=True)
    # A series that waits: each taken date is an entry of its own, offered as it frees; an accepted
    # date joins the series' bookings.
    series = models.ForeignKey(
        BookingSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="waiting_entries",
        verbose_name=_("cykl"),
    )

    class Meta:
        verbose_name = _("wpis na liście oczekujących")
        verbose_name_plural = _("lista oczekujących")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="waiting_ends_after_start"),
            booker_constraint("waiting_booker_fields", organisation_required=True),
        ]
        indexes = [models.Index(fields=["room", "status", "starts_at"], name="waiting_room_idx")]

    def __str__(self):
        return f"{self.title} – {self.starts_at:%Y-%m-%d %H:%M}"


class RoomLet(CentreScopedModel):
    """A long-term let of an office to a resident organisation; its blocking booking takes the room out of the pool."""

    room = models.ForeignKey(Room, on_delete=models.RESTRICT, related_name="lets", verbose_name=_("sala"))
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.RESTRICT,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    booking = models.OneToOneField(Booking, on_delete=models.RESTRICT, related_name="let")
    starts_on = models.DateField(_("od dnia"))
    ends_on = models.DateField(_("do dnia (włącznie)"))
    agreement_number = models.CharField(_("numer umowy"), max_length=60, blank=True)
    notes = models.TextField(_("uwagi"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=LetStatus.choices, default=LetStatus.ACTIVE)
    ended_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("najem długoterminowy")
        verbose_name_plural = _("najmy długoterminowe")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="let_ends_after_start")
        ]

    def __str__(self):
        return f"{self.room_id} → {self.organisation_id} ({self.starts_on}–{self.ends_on})"


class OrganisationCalendarFeed(CentreScopedModel):
    """The secret token in the URL of an organisation's ICS feed; replacing it cuts old subscribers off."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)

    class Meta:
        verbose_name = _("kalendarz ICS organizacji")
        verbose_name_plural = _("kalendarze ICS organizacji")

    def __str__(self):
        return str(self.organisation_id)


__all__ = [
    "Booking",
    "BookingEquipment",
    "BookingSeries",
    "OrganisationCalendarFeed",
    "RoomLet",
    "WaitingListEntry",
]
