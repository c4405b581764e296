"""Who may do what with rooms, bookings and loans. Pure predicates: views, services and the API use the same."""

from centrum.core.centre_settings import centre_settings_cached
from centrum.core.permissions import has_centre_role, is_centre_staff
from centrum.core.roles import OFFICIAL
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.permissions import is_organisation_member

from .choices import BookerKind, BookingKind, BookingPolicy, BookingStatus, LoanStatus


def _authenticated(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _setting(centre, key: str):
    return centre_settings_cached(centre)[key]


def residents_may_book(centre) -> bool:
    return bool(_setting(centre, "spaces.residents_may_book"))


def can_book_as_resident(user, room=None, *, centre=None) -> bool:
    """A signed-in person, without an organisation, for themselves or an informal group: where the centre
    allows it, and only rooms marked open to residents (any such room when `room` is None)."""
    centre = room.centre if room is not None else centre
    if not _authenticated(user) or centre is None or not residents_may_book(centre):
        return False
    if room is None:
        return True
    return room.is_active and room.booking_policy == BookingPolicy.ORGANISATIONS and room.open_to_residents


def can_request_loan_as_resident(user, centre) -> bool:
    return _authenticated(user) and residents_may_book(centre)


def can_manage_rooms(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_view_planner(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_act_for_organisation(user, organisation) -> bool:
    """A member of an active organisation may book and borrow for it."""
    return (
        _authenticated(user)
        and organisation is not None
        and organisation.status == OrganisationStatus.ACTIVE
        and is_organisation_member(user, organisation)
    )


def can_book_room(user, room, organisation=None) -> bool:
    if not _authenticated(user) or not room.is_active:
        return False
    if is_centre_staff(user, room.centre):
        return True
    if room.booking_policy != BookingPolicy.ORGANISATIONS or organisation is None:
        return False
    return organisation.centre_id == room.centre_id and can_act_for_organisation(user, organisation)


def can_book_for_centre(user, centre) -> bool:
    """Centre events (councils, consultations, trainings), blocks and lets are staff work; where the centre is
    a unit of the city office, an official may book centre events too (see `is_booking_official`)."""
    return is_centre_staff(user, centre) or is_booking_official(user, centre)


def is_booking_official(user, centre) -> bool:
    """An official of a centre whose settings let officials book rooms for councils and consultations,
    as the centre does, without the staff role (nor its other powers: decisions, settings, blocks, lets)."""
    return (
        _authenticated(user)
        and has_centre_role(user, centre, OFFICIAL)
        and bool(_setting(centre, "spaces.officials_book_for_centre"))
    )


def _acts_for_booking(user, booking) -> bool:
    if not _authenticated(user):
        return False
    if booking.organisation_id and is_organisation_member(user, booking.organisation):
        return True
    if booking.kind == BookingKind.CENTRE and booking.requested_by_id == user.pk:
        return is_booking_official(user, booking.centre)
    return booking.requested_by_id == user.pk and booking.kind == BookingKind.ORGANISATION


def can_view_booking(user, booking) -> bool:
    return is_centre_staff(user, booking.centre) or _acts_for_booking(user, booking)


def can_approve_booking(user, booking) -> bool:
    return booking.kind == BookingKind.ORGANISATION and is_centre_staff(user, booking.centre)


def can_reject_booking(user, booking) -> bool:
    return can_approve_booking(user, booking)


def can_cancel_booking(user, booking) -> bool:
    if booking.kind == BookingKind.LET:
        return False  # a let ends through its own service
    return is_centre_staff(user, booking.centre) or (
        booking.kind in (BookingKind.ORGANISATION, BookingKind.CENTRE) and _acts_for_booking(user, booking)
    )


def can_reschedule_booking(user, booking) -> bool:
    return can_cancel_booking(user, booking)


def can_respond_to_offer(user, booking) -> bool:
    if booking.status != BookingStatus.OFFERED:
        return False
    if booking.booker_kind != BookerKind.ORGANISATION:
        return _authenticated(user) and booking.requested_by_id == user.pk
    return booking.organisation_id is not None and can_act_for_organisation(user, booking.organisation)


def _own_personal_request(user, obj) -> bool:
    """A resident's or an informal group's entry or loan: the person who asked for it acts for it."""
    return (
        _authenticated(user)
        and obj.booker_kind != BookerKind.ORGANISATION
        and obj.requested_by_id is not None
        and obj.requested_by_id == user.pk
    )


def can_mark_attendance(user, booking) -> bool:
    return booking.kind == BookingKind.ORGANISATION and is_centre_staff(user, booking.centre)


def can_withdraw_waiting(user, entry) -> bool:
    return (
        is_centre_staff(user, entry.centre)
        or _own_personal_request(user, entry)
        or (
            _authenticated(user)
            and entry.organisation_id
            and is_organisation_member(user, entry.organisation)
        )
    )


def can_request_loan(user, organisation) -> bool:
    return can_act_for_organisation(user, organisation)


def can_view_loan(user, loan) -> bool:
    return (
        is_centre_staff(user, loan.centre)
        or _own_personal_request(user, loan)
        or (_authenticated(user) and loan.organisation_id and is_organisation_member(user, loan.organisation))
    )


def can_decide_loan(user, loan) -> bool:
    return is_centre_staff(user, loan.centre)


def can_cancel_loan(user, loan) -> bool:
    if is_centre_staff(user, loan.centre):
        return True
    return loan.status == LoanStatus.REQUESTED and can_view_loan(user, loan)


def can_manage_lets(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_view_organisation_calendar(user, organisation) -> bool:
    return is_centre_staff(user, organisation.centre) or (
        _authenticated(user) and is_organisation_member(user, organisation)
    )


def can_decline_offer(user, booking) -> bool:
    """The organisation turns an offered slot down; staff may do it for it (e.g. withdrawing its entry)."""
    return can_respond_to_offer(user, booking) or (
        booking.status == BookingStatus.OFFERED and is_centre_staff(user, booking.centre)
    )


def can_end_let(user, let) -> bool:
    return can_manage_lets(user, let.centre)


def can_record_equipment_use(user, centre) -> bool:
    return is_centre_staff(user, centre)
