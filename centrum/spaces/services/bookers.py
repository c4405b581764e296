"""Residents and informal groups as bookers: who they are, where the centre lets them book, their limit."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.exceptions import ApplicationError

from ..choices import BLOCKING_STATUSES, PERSONAL_BOOKERS, BookerKind, BookingKind
from ..models import Booking, Room
from ..permissions import can_book_as_resident, can_request_loan_as_resident
from .booking_checks import _hours, _hours_by_month, _month_range


@dataclass(frozen=True)
class Booker:
    """On whose behalf a request is made; an organisation's request carries the organisation beside it."""

    kind: str = BookerKind.ORGANISATION
    group_name: str = ""
    group_responsible: str = ""
    group_contact: str = ""

    @property
    def personal(self) -> bool:
        return self.kind in PERSONAL_BOOKERS

    def fields(self) -> dict[str, str]:
        group = self.kind == BookerKind.GROUP
        return {
            "booker_kind": self.kind,
            "group_name": self.group_name.strip() if group else "",
            "group_responsible": self.group_responsible.strip() if group else "",
            "group_contact": self.group_contact.strip() if group else "",
        }

    def validate(
        self, *, actor, centre, room: Room | None = None, organisation=None, loan: bool = False
    ) -> None:
        """A resident or group: allowed by the centre (and the room), no organisation, a group's details."""
        if self.kind not in BookerKind.values:
            raise ApplicationError(_("Wybierz, w czyim imieniu składasz wniosek."), field="booker_kind")
        if not self.personal:
            return
        if organisation is not None:
            raise ApplicationError(
                _("Mieszkaniec ani grupa nieformalna nie rezerwuje w imieniu organizacji."),
                field="organisation",
            )
        allowed = (
            can_request_loan_as_resident(actor, centre)
            if loan
            else can_book_as_resident(actor, room, centre=centre)
        )
        if not allowed:
            raise ApplicationError(
                _("Centrum nie udostępnia tej sali mieszkańcom ani grupom nieformalnym.")
                if room is not None and can_book_as_resident(actor, centre=centre)
                else _("Centrum nie przyjmuje wniosków mieszkańców ani grup nieformalnych."),
                field="room" if room is not None else "booker_kind",
            )
        if self.kind == BookerKind.GROUP:
            for field, value, message in (
                ("group_name", self.group_name, _("Podaj nazwę grupy nieformalnej.")),
                ("group_responsible", self.group_responsible, _("Podaj osobę odpowiedzialną za grupę.")),
                ("group_contact", self.group_contact, _("Podaj telefon albo e-mail osoby odpowiedzialnej.")),
            ):
                if not (value or "").strip():
                    raise ApplicationError(message, field=field)


ORGANISATION = Booker()


def person_hours_used(
    *, centre, user, months: Iterable[tuple[int, int]], exclude_ids: Iterable[int] = ()
) -> dict[tuple[int, int], float]:
    """Hours a person booked as a resident or for informal groups, per month (their own monthly limit)."""
    months = sorted(set(months))
    if not months or user is None or user.pk is None:
        return dict.fromkeys(months, 0.0)
    first, after = _month_range(months)
    rows = (
        Booking.objects.filter(
            centre=centre,
            requested_by=user,
            kind=BookingKind.ORGANISATION,
            booker_kind__in=PERSONAL_BOOKERS,
            status__in=BLOCKING_STATUSES,
            starts_at__gte=first,
            starts_at__lt=after,
        )
        .exclude(pk__in=list(exclude_ids))
        .values_list("starts_at", "ends_at")
    )
    used = _hours_by_month(rows)
    return {month: used.get(month, 0.0) for month in months}


def lock_person(user) -> None:
    """Two requests of one person at once must not both slip under the person's monthly limit."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def check_person_quota(
    *, quota: int, used: dict[tuple[int, int], float], requested: dict[tuple[int, int], float]
) -> None:
    if not quota:
        return
    for month, hours in sorted(requested.items()):
        if used.get(month, 0.0) + hours > quota:
            raise ApplicationError(
                ngettext(
                    "Limit centrum dla mieszkańców i grup nieformalnych to %(quota)s godzina w miesiącu "
                    "na osobę. W %(month)02d/%(year)s masz już %(used)s h, a ta rezerwacja to %(hours)s h.",
                    "Limit centrum dla mieszkańców i grup nieformalnych to %(quota)s godzin w miesiącu "
                    "na osobę. W %(month)02d/%(year)s masz już %(used)s h, a ta rezerwacja to %(hours)s h.",
                    quota,
                )
                % {
                    "quota": quota,
                    "month": month[1],
                    "year": month[0],
                    "used": _hours(used.get(month, 0.0)),
                    "hours": _hours(hours),
                }
            )
