"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class SpacesAudit(AuditAction):
    BOOKING_CREATED = "booking.created", _("Złożono rezerwację")
    BOOKING_APPROVE = "booking.approve", _("Zatwierdzono rezerwację")
    BOOKING_REJECT = "booking.reject", _("Odrzucono rezerwację")
    BOOKING_CANCEL = "booking.cancel", _("Anulowano rezerwację")
    BOOKING_RESCHEDULE = "booking.reschedule", _("Zmieniono termin rezerwacji")
    BOOKING_ATTENDANCE = "booking.attendance", _("Odnotowano obecność")
    BOOKING_OFFERED = "booking.offered", _("Zaproponowano termin z listy oczekujących")
    BOOKING_ACCEPT = "booking.accept", _("Przyjęto proponowany termin")
    BOOKING_DECLINE = "booking.decline", _("Odrzucono proponowany termin")
    BOOKING_EXPIRE = "booking.expire", _("Propozycja terminu wygasła")
    WAITING_JOINED = "waiting.joined", _("Zapisano na listę oczekujących")
    WAITING_WITHDRAWN = "waiting.withdrawn", _("Wycofano z listy oczekujących")
    LOAN_REQUESTED = "loan.requested", _("Złożono wniosek o wypożyczenie")
    LOAN_APPROVE = "loan.approve", _("Zatwierdzono wypożyczenie")
    LOAN_REJECT = "loan.reject", _("Odrzucono wypożyczenie")
    LOAN_CANCEL = "loan.cancel", _("Anulowano wypożyczenie")
    LOAN_HAND_OVER = "loan.hand_over", _("Wydano sprzęt")
    LOAN_RETURN = "loan.return", _("Przyjęto zwrot sprzętu")
    LET_CREATED = "let.created", _("Wpisano najem")
    LET_ENDED = "let.ended", _("Zakończono najem")
    ROOM_CREATED = "room.created", _("Dodano salę")
    ROOM_UPDATED = "room.updated", _("Zmieniono salę")
    ROOM_PHOTO_ADDED = "room.photo_added", _("Dodano zdjęcie sali")
    ROOM_PHOTO_DESCRIBED = "room.photo_described", _("Zmieniono opis zdjęcia sali")
    ROOM_PHOTO_REMOVED = "room.photo_removed", _("Usunięto zdjęcie sali")
    ROOM_PHOTOS_REORDERED = "room.photos_reordered", _("Zmieniono kolejność zdjęć sali")
    EQUIPMENT_CREATED = "equipment.created", _("Dodano sprzęt")
    EQUIPMENT_UPDATED = "equipment.updated", _("Zmieniono sprzęt")
    EQUIPMENT_CONDITION = "equipment.condition", _("Zmieniono stan sprzętu")
    CALENDAR_FEED_REGENERATED = "calendar_feed.regenerated", _("Utworzono nowy adres kalendarza")
    BOOKING_NO_SHOW = "booking.no_show", _("Odnotowano nieobecność")
    WAITING_OFFERED = "waiting.offered", _("Zaproponowano termin oczekującym")
    WAITING_ACCEPTED = "waiting.accepted", _("Oczekujący przyjęli termin")
    WAITING_EXPIRED = "waiting.expired", _("Propozycja dla oczekujących wygasła")
    EQUIPMENT_USE_RECORDED = "equipment_use.recorded", _("Zapisano korzystanie ze sprzętu na miejscu")
    EQUIPMENT_USE_OVER_QUOTA = "equipment_use.over_quota", _("Zapisano korzystanie ze sprzętu ponad limit")
    EQUIPMENT_USE_REMOVED = "equipment_use.removed", _("Usunięto wpis korzystania ze sprzętu")
