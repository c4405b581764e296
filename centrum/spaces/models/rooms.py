from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from ..choices import WALK_IN_UNITS, ApprovalMode, BookingPolicy, EquipmentCondition, EquipmentKind


class Room(CentreScopedModel):
    """A room the centre lends. Booking rules left empty follow the centre's settings."""

    name = models.CharField(_("nazwa"), max_length=120)
    description = models.TextField(_("opis"), blank=True)
    location = models.CharField(
        _("położenie"), max_length=200, blank=True, help_text=_("Np. parter, pokój 12.")
    )
    capacity = models.PositiveSmallIntegerField(_("liczba miejsc"), validators=[MinValueValidator(1)])
    area_m2 = models.PositiveSmallIntegerField(_("powierzchnia (m²)"), null=True, blank=True)
    features = models.JSONField(_("wyposażenie i udogodnienia"), default=list, blank=True)
    is_active = models.BooleanField(
        _("udostępniana"), default=True, help_text=_("Sala wycofana nie przyjmuje nowych rezerwacji.")
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    booking_policy = models.CharField(
        _("kto może rezerwować"),
        max_length=20,
        choices=BookingPolicy.choices,
        default=BookingPolicy.ORGANISATIONS,
    )
    open_to_residents = models.BooleanField(
        _("dostępna dla mieszkańców/grup nieformalnych"),
        default=False,
        help_text=_("Gdy centrum w ustawieniach przyjmuje rezerwacje mieszkańców i grup nieformalnych."),
    )
    approval_mode = models.CharField(
        _("zatwierdzanie"), max_length=10, choices=ApprovalMode.choices, default=ApprovalMode.CENTRE_DEFAULT
    )
    min_notice_hours = models.PositiveSmallIntegerField(
        _("minimalne wyprzedzenie (godziny)"),
        null=True,
        blank=True,
        help_text=_("Puste: jak w ustawieniach centrum."),
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("horyzont rezerwacji (dni)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("Jak daleko naprzód można rezerwować. Puste: jak w ustawieniach centrum."),
    )
    max_length_minutes = models.PositiveSmallIntegerField(
        _("najdłuższa rezerwacja (minuty)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(15)],
        help_text=_("Puste: jak w ustawieniach centrum."),
    )
    rules = models.TextField(_("zasady korzystania z sali"), blank=True)

    class Meta:
        verbose_name = _("sala")
        verbose_name_plural = _("sale")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="room_unique_name")]
        indexes = [models.Index(fields=["centre", "is_active", "position"], name="room_list_idx")]

    def __str__(self):
        return self.name

    def feature_labels(self) -> list[str]:
        from ..choices import RoomFeature

        labels = dict(RoomFeature.choices)
        return [str(labels[code]) for code in self.features if code in labels]


class RoomPhoto(CentreScopedModel):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="photos", verbose_name=_("sala"))
    image = models.ImageField(_("zdjęcie"), upload_to="spaces/rooms/%Y/")
    alt_text = models.CharField(
        _("opis zdjęcia dla czytników ekranu"), max_length=200, help_text=_("Co widać na zdjęciu.")
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("zdjęcie sali")
        verbose_name_plural = _("zdjęcia sal")
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_text


class RoomOpeningHours(CentreScopedModel):
    """When a room may be booked on one weekday (0 = Monday), in Europe/Warsaw time."""

    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("sala")
    )
    weekday = models.PositiveSmallIntegerField(_("dzień tygodnia"), validators=[MaxValueValidator(6)])
    opens = models.TimeField(_("od"))
    closes = models.TimeField(_("do"))

    class Meta:
        verbose_name = _("godziny udostępniania sali")
        verbose_name_plural = _("godziny udostępniania sal")
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(fields=["room", "weekday"], name="room_opening_hours_unique_weekday"),
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="room_opening_hours_order"),
        ]

    def __str__(self):
        return f"{self.room_id}: {self.weekday} {self.opens:%H:%M}–{self.closes:%H:%M}"


class EquipmentItem(CentreScopedModel):
    """A kind of equipment and how many pieces the centre has."""

    name = models.CharField(_("nazwa"), max_length=120)
    description = models.TextField(_("opis"), blank=True)
    quantity = models.PositiveSmallIntegerField(_("liczba sztuk"), validators=[MinValueValidator(1)])
    storage_location = models.CharField(_("miejsce przechowywania"), max_length=200, blank=True)
    may_leave_building = models.BooleanField(_("może być wypożyczany poza budynek"), default=False)
    condition = models.CharField(
        _("stan"), max_length=15, choices=EquipmentCondition.choices, default=EquipmentCondition.GOOD
    )
    inventory_number = models.CharField(_("numer inwentarzowy"), max_length=60, blank=True)
    is_active = models.BooleanField(_("udostępniany"), default=True)
    kind = models.CharField(
        _("rodzaj"),
        max_length=12,
        choices=EquipmentKind.choices,
        default=EquipmentKind.OTHER,
        help_text=_("Z komputera, kopiarki, drukarki, skanera, faksu i telefonu można korzystać na miejscu."),
    )
    monthly_quota = models.PositiveIntegerField(
        _("miesięczny limit na organizację"),
        null=True,
        blank=True,
        help_text=_("Strony albo minuty w miesiącu. Puste: jak w ustawieniach centrum dla tego rodzaju."),
    )

    class Meta:
        verbose_name = _("sprzęt")
        verbose_name_plural = _("sprzęt")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="equipment_unique_name")]

    def __str__(self):
        return self.name

    @property
    def walk_in_unit(self) -> str | None:
        """Pages or minutes for office equipment used on the spot; None for other equipment."""
        return WALK_IN_UNITS.get(self.kind)
