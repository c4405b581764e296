"""Readable labels of this app's audit actions (the history tables show them instead of the codes)."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import register_action_labels

register_action_labels(
    {
        "booking.created": _("Złożono rezerwację"),
        "booking.approve": _("Zatwierdzono rezerwację"),
        "booking.reject": _("Odrzucono rezerwację"),
        "booking.cancel": _("Anulowano rezerwację"),
        "booking.reschedule": _("Zmieniono termin rezerwacji"),
        "booking.attendance": _("Odnotowano obecność"),
        "booking.offered": _("Zaproponowano termin z listy oczekujących"),
        "booking.accept": _("Przyjęto proponowany termin"),
        "booking.decline": _("Odrzucono proponowany termin"),
        "booking.expire": _("Propozycja terminu wygasła"),
        "waiting.joined": _("Zapisano na listę oczekujących"),
        "waiting.withdrawn": _("Wycofano z listy oczekujących"),
        "loan.requested": _("Złożono wniosek o wypożyczenie"),
        "loan.approve": _("Zatwierdzono wypożyczenie"),
        "loan.reject": _("Odrzucono wypożyczenie"),
        "loan.cancel": _("Anulowano wypożyczenie"),
        "loan.hand_over": _("Wydano sprzęt"),
        "loan.return": _("Przyjęto zwrot sprzętu"),
        "let.created": _("Wpisano najem"),
        "let.ended": _("Zakończono najem"),
        "room.created": _("Dodano salę"),
        "room.updated": _("Zmieniono salę"),
        "room.photo_added": _("Dodano zdjęcie sali"),
        "room.photo_described": _("Zmieniono opis zdjęcia sali"),
        "room.photo_removed": _("Usunięto zdjęcie sali"),
        "room.photos_reordered": _("Zmieniono kolejność zdjęć sali"),
        "equipment.created": _("Dodano sprzęt"),
        "equipment.updated": _("Zmieniono sprzęt"),
        "equipment.condition": _("Zmieniono stan sprzętu"),
        "calendar_feed.regenerated": _("Utworzono nowy adres kalendarza"),
    }
)
