"""States and kinds of rooms, bookings, waiting-list entries and loans (their workflows: workflows.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoomFeature(models.TextChoices):
    PROJECTOR = "projector", _("rzutnik multimedialny")
    SCREEN = "screen", _("ekran")
    SOUND = "sound", _("nagłośnienie")
    WHEELCHAIR = "wheelchair", _("dostępna dla osób na wózkach")
    INDUCTION_LOOP = "induction_loop", _("pętla indukcyjna")
    KITCHEN = "kitchen", _("aneks kuchenny")
    WIFI = "wifi", _("bezprzewodowy internet")
    WHITEBOARD = "whiteboard", _("tablica suchościeralna")
    FLIPCHART = "flipchart", _("flipchart")
    COMPUTERS = "computers", _("stanowiska komputerowe")
    DESK = "desk", _("biurka do pracy biurowej")


class BookingPolicy(models.TextChoices):
    ORGANISATIONS = "organisations", _("organizacje i centrum")
    STAFF_ONLY = "staff_only", _("tylko centrum")


class ApprovalMode(models.TextChoices):
    CENTRE_DEFAULT = "default", _("jak w ustawieniach centrum")
    AUTOMATIC = "automatic", _("automatycznie")
    STAFF = "staff", _("po akceptacji pracownika")


class EquipmentCondition(models.TextChoices):
    GOOD = "good", _("sprawny")
    WORN = "worn", _("sprawny, ślady zużycia")
    DAMAGED = "damaged", _("uszkodzony")
    OUT_OF_ORDER = "out_of_order", _("niesprawny")


USABLE_CONDITIONS = (EquipmentCondition.GOOD, EquipmentCondition.WORN)


class EquipmentKind(models.TextChoices):
    """What an item is; office equipment used on the spot (walk-in use) is counted in its kind's unit."""

    OTHER = "other", _("inny sprzęt")
    COMPUTER = "computer", _("komputer")
    COPIER = "copier", _("kopiarka")
    PRINTER = "printer", _("drukarka")
    SCANNER = "scanner", _("skaner")
    FAX = "fax", _("faks")
    PHONE = "phone", _("telefon")


class UsageUnit(models.TextChoices):
    PAGES = "pages", _("strony")
    MINUTES = "minutes", _("minuty")


# The kinds staff record walk-in use of, and what one unit of use is.
WALK_IN_UNITS = {
    EquipmentKind.COMPUTER: UsageUnit.MINUTES,
    EquipmentKind.COPIER: UsageUnit.PAGES,
    EquipmentKind.PRINTER: UsageUnit.PAGES,
    EquipmentKind.SCANNER: UsageUnit.PAGES,
    EquipmentKind.FAX: UsageUnit.PAGES,
    EquipmentKind.PHONE: UsageUnit.MINUTES,
}


class OverQuota(models.TextChoices):
    WARN = "warn", _("zapisz z ostrzeżeniem")
    REFUSE = "refuse", _("odmów (pracownik może zapisać, podając powód)")


class BookingKind(models.TextChoices):
    ORGANISATION = "organisation", _("rezerwacja organizacji")
    CENTRE = "centre", _("wydarzenie centrum")
    BLOCK = "block", _("blokada sali")
    LET = "let", _("najem długoterminowy")


class BookerKind(models.TextChoices):
    """On whose behalf a booking, a series, a waiting-list entry or a loan is made."""

    ORGANISATION = "organisation", _("organizacja")
    RESIDENT = "resident", _("mieszkaniec / mieszkanka")
    GROUP = "group", _("grupa nieformalna")


# Residents and informal groups: no organisation, approval always, a lower monthly limit per person.
PERSONAL_BOOKERS = (BookerKind.RESIDENT, BookerKind.GROUP)


class BookingStatus(models.TextChoices):
    OFFERED = "offered", _("zaproponowana z listy oczekujących")
    PENDING = "pending", _("czeka na akceptację")
    APPROVED = "approved", _("zatwierdzona")
    REJECTED = "rejected", _("odrzucona")
    CANCELLED = "cancelled", _("anulowana")
    EXPIRED = "expired", _("propozycja wygasła")


# A booking in one of these states holds its room: the database refuses any overlap among them.
BLOCKING_STATUSES = (BookingStatus.OFFERED, BookingStatus.PENDING, BookingStatus.APPROVED)

# Transitions between these states are declared in workflows.py.


class Attendance(models.TextChoices):
    UNKNOWN = "unknown", _("nieodnotowana")
    ATTENDED = "attended", _("odbyła się")
    NO_SHOW = "no_show", _("nieobecność (nikt nie przyszedł)")


class Recurrence(models.TextChoices):
    ONCE = "once", _("jednorazowo")
    WEEKLY = "weekly", _("co tydzień")
    BIWEEKLY = "biweekly", _("co dwa tygodnie")
    MONTHLY_WEEKDAY = "monthly_weekday", _("co miesiąc w ten sam dzień tygodnia (np. 2. wtorek)")
    MONTHLY_DATE = "monthly_date", _("co miesiąc tego samego dnia miesiąca")


class WaitingStatus(models.TextChoices):
    WAITING = "waiting", _("oczekuje")
    OFFERED = "offered", _("termin zaproponowany")
    ACCEPTED = "accepted", _("przyjęta")
    EXPIRED = "expired", _("propozycja wygasła")
    WITHDRAWN = "withdrawn", _("wycofana")


class LoanStatus(models.TextChoices):
    REQUESTED = "requested", _("wniosek złożony")
    APPROVED = "approved", _("zatwierdzone, do wydania")
    HANDED_OVER = "handed_over", _("wydane")
    RETURNED = "returned", _("zwrócone")
    REJECTED = "rejected", _("odrzucone")
    CANCELLED = "cancelled", _("anulowane")


# Loans in these states hold their equipment for their term.
LOAN_HOLDING_STATUSES = (LoanStatus.REQUESTED, LoanStatus.APPROVED, LoanStatus.HANDED_OVER)

# Transitions between these states are declared in workflows.py.


class LetStatus(models.TextChoices):
    ACTIVE = "active", _("obowiązuje")
    ENDED = "ended", _("zakończony")
