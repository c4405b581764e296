"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class VolunteersAudit(AuditAction):
    PROFILE_SAVED = "volunteer.saved", _("Zapisano profil wolontariusza")
    VISIBILITY = "volunteer.visibility", _("Zmieniono zgodę wolontariusza na pokazywanie profilu")
    GUARDIAN_CONSENT = (
        "volunteer.guardian_consent",
        _("Zapisano zgodę opiekuna niepełnoletniego wolontariusza"),
    )
    HOST_SAVED = "host.saved", _("Zapisano organizatora wolontariatu")
    OFFER_SAVED = "offer.saved", _("Zapisano ofertę wolontariatu")
    OFFER_SUBMITTED = "offer.submitted", _("Zgłoszono ofertę wolontariatu do moderacji")
    OFFER_PUBLISHED = "offer.published", _("Opublikowano ofertę wolontariatu")
    OFFER_RETURNED = "offer.returned", _("Zwrócono ofertę wolontariatu do poprawy")
    OFFER_REJECTED = "offer.rejected", _("Odrzucono ofertę wolontariatu")
    OFFER_CLOSED = "offer.closed", _("Zamknięto ofertę wolontariatu")
    SHIFT_SAVED = "shift.saved", _("Dodano dyżur")
    APPLIED = "application.created", _("Wolontariusz zgłosił się do oferty")
    INTRODUCED = "application.introduced", _("Centrum poleciło wolontariusza organizatorowi")
    ACCEPTED = "application.accepted", _("Przyjęto zgłoszenie wolontariusza")
    DECLINED = "application.declined", _("Nie przyjęto zgłoszenia wolontariusza")
    WITHDRAWN = "application.withdrawn", _("Wolontariusz wycofał zgłoszenie")
    AGREEMENT_SAVED = "agreement.saved", _("Zapisano porozumienie wolontariackie")
    OPINION_SAVED = "agreement.opinion", _("Zapisano opinię o wolontariuszu")
    HOURS_LOGGED = "hours.logged", _("Wolontariusz wpisał godziny")
    HOURS_CONFIRMED = "hours.confirmed", _("Potwierdzono godziny wolontariatu")
    HOURS_REJECTED = "hours.rejected", _("Odrzucono godziny wolontariatu")
    ABROAD_SAVED = "abroad_page.saved", _("Zapisano stronę o wolontariacie za granicą")
