"""This app's audit action codes with the labels the history tables show instead of the codes."""

from django.utils.translation import gettext_lazy as _

from centrum.core.audit import AuditAction, audit_actions


@audit_actions
class CouncilsAudit(AuditAction):
    KIND_SAVED = "body_kind.saved", _("Zapisano rodzaj ciała")
    BODY_CREATED = "body.created", _("Utworzono radę lub zespół")
    BODY_UPDATED = "body.updated", _("Zmieniono dane rady lub zespołu")
    MEMBER_ADDED = "member.added", _("Dodano członka")
    MEMBER_ENDED = "member.ended", _("Zakończono członkostwo")
    REQUEST_CREATED = "joint_request.created", _("Założono wniosek o powołanie")
    REQUEST_SIGNED = "joint_request.signed", _("Organizacja przystąpiła do wniosku")
    ELECTION_CREATED = "election.created", _("Ogłoszono wybory")
    CANDIDATE_NOMINATED = "election.nominated", _("Zgłoszono kandydata")
    VOTE_CAST = "election.voted", _("Oddano głos")
    CANDIDATE_APPOINTED = "election.appointed", _("Powołano kandydata")
    ELECTION_CLOSED = "election.closed", _("Zamknięto wybory i policzono głosy")
    ELECTION_PUBLISHED = "election.published", _("Ogłoszono wynik wyborów")
    MEETING_SAVED = "meeting.saved", _("Zapisano posiedzenie")
    MEETING_ATTENDANCE = "meeting.attendance", _("Zapisano obecność")
    MEETING_MINUTES = "meeting.minutes", _("Zapisano protokół")
    MEETING_DOCUMENT = "meeting.document", _("Dodano dokument posiedzenia")
    RESOLUTION_ADDED = "body_resolution.added", _("Dodano uchwałę")
    OPINION_REQUESTED = "opinion.requested", _("Zarejestrowano wniosek o opinię")
    OPINION_GIVEN = "opinion.given", _("Zarejestrowano opinię")
    OPINION_WAIVED = "opinion.waived", _("Upłynął termin – brak opinii")
