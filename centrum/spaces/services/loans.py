"""Loans of equipment out of the building: request, decision, handover, return, overdue reminders."""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.permissions import is_centre_staff
from centrum.core.workflow import workflow_apply
from centrum.organisations.models import Organisation

from ..availability import equipment_in_use, loan_range
from ..choices import USABLE_CONDITIONS, EquipmentCondition, LoanStatus
from ..models import EquipmentItem, Loan, LoanItem
from ..permissions import can_request_loan
from ..workflows import LOAN_STATUS
from . import notify
from .bookers import ORGANISATION, Booker


def _next_number(centre, year: int) -> str:
    prefix = f"UŻ/{year}/"
    numbers = Loan.objects.filter(centre=centre, number__startswith=prefix).values_list("number", flat=True)
    last = max((int(n.rsplit("/", 1)[1]) for n in numbers if n.rsplit("/", 1)[1].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"


def _check_stock(
    items: dict[EquipmentItem, int], starts_on: date, due_on: date, exclude_loan_id=None
) -> None:
    start, end = loan_range(starts_on, due_on, LoanStatus.APPROVED, timezone.now())
    in_use = equipment_in_use(
        item_ids=[i.pk for i in items], start=start, end=end, exclude_loan_id=exclude_loan_id
    )
    for item, quantity in items.items():
        free = item.quantity - in_use.get(item.pk, 0)
        if quantity > free:
            raise ApplicationError(
                _("Sprzęt „%(item)s”: w tym okresie wolnych jest %(free)s szt., a zamówiono %(quantity)s.")
                % {"item": item.name, "free": max(free, 0), "quantity": quantity},
                field="items",
            )


@transaction.atomic
def loan_request(
    *,
    centre,
    actor,
    organisation: Organisation | None,
    purpose: str,
    starts_on: date,
    due_on: date,
    items: dict[EquipmentItem, int],
    booker: Booker = ORGANISATION,
) -> Loan:
    """An organisation (or, where the centre allows it, a resident or an informal group) asks to borrow
    equipment; the pieces are held for the term while staff decide."""
    staff = is_centre_staff(actor, centre)
    if booker.personal:
        booker.validate(actor=actor, centre=centre, organisation=organisation, loan=True)
    elif organisation is None:
        raise ApplicationError(_("Wybierz organizację."), field="organisation")
    elif organisation.centre_id != centre.pk:
        raise ApplicationError(_("Ta organizacja nie należy do tego centrum."), field="organisation")
    elif not staff and not can_request_loan(actor, organisation):
        raise ApplicationError(
            _("Nie możesz wypożyczać sprzętu w imieniu tej organizacji."), field="organisation"
        )
    if not (purpose or "").strip():
        raise ApplicationError(
            _("Opisz działanie statutowe, do którego potrzebny jest sprzęt."), field="purpose"
        )
    if due_on < starts_on:
        raise ApplicationError(_("Data zwrotu jest przed datą wydania."), field="due_on")
    if starts_on < warsaw_today():
        raise ApplicationError(_("Data wydania już minęła."), field="starts_on")
    max_days = CentreSettings(centre)["spaces.loan_max_days"]
    if not staff and (due_on - starts_on).days + 1 > max_days:
        raise ApplicationError(
            ngettext(
                "Sprzęt można wypożyczyć najwyżej na %(days)s dzień.",
                "Sprzęt można wypożyczyć najwyżej na %(days)s dni.",
                max_days,
            )
            % {"days": max_days},
            field="due_on",
        )
    items = {item: qty for item, qty in items.items() if qty}
    if not items:
        raise ApplicationError(_("Wybierz co najmniej jeden sprzęt."), field="items")
    locked = {
        i.pk: i
        for i in EquipmentItem.objects.select_for_update(of=("self",))
        .filter(pk__in=[i.pk for i in items])
        .order_by("pk")
    }
    for item, quantity in items.items():
        current = locked.get(item.pk)
        if current is None or current.centre_id != centre.pk or not current.is_active:
            raise ApplicationError(_("Tego sprzętu nie ma w centrum."), field="items")
        if not current.may_leave_building:
            raise ApplicationError(
                _("Sprzęt „%(item)s” nie może opuszczać budynku.") % {"item": current.name}, field="items"
            )
        if current.condition not in USABLE_CONDITIONS:
            raise ApplicationError(
                _("Sprzęt „%(item)s” jest teraz niesprawny.") % {"item": current.name}, field="items"
            )
        if quantity > current.quantity:
            raise ApplicationError(
                _("Centrum ma %(stock)s szt. sprzętu „%(item)s”, a zamówiono %(quantity)s.")
                % {"stock": current.quantity, "item": current.name, "quantity": quantity},
                field="items",
            )
    items = {locked[i.pk]: q for i, q in items.items()}
    _check_stock(items, starts_on, due_on)
    loan = None
    for _attempt in range(5):
        loan = Loan(
            centre=centre,
            number=_next_number(centre, starts_on.year),
            organisation=None if booker.personal else organisation,
            **booker.fields(),
            requested_by=actor,
            purpose=purpose.strip(),
            starts_on=starts_on,
            due_on=due_on,
            status=LoanStatus.REQUESTED,
            status_changed_at=timezone.now(),
        )
        loan.full_clean(validate_constraints=False, validate_unique=False)
        try:
            with transaction.atomic():
                loan.save()
            break
        except IntegrityError:
            loan = None
    if loan is None:
        raise ApplicationError(_("Nie udało się nadać numeru umowy – spróbuj ponownie."))
    LoanItem.objects.bulk_create(
        [LoanItem(centre=centre, loan=loan, item=i, quantity=q) for i, q in items.items()]
    )
    audit_log(
        actor=actor,
        obj=loan,
        action="loan.requested",
        new={"status": loan.status, "starts_on": starts_on, "due_on": due_on},
    )
    notify.send(
        centre=centre,
        to=notify.staff_recipients(centre),
        event="loan_requested_to_staff",
        context={
            "loan": loan,
            "items": list(loan.items.select_related("item")),
            "organisation": None if booker.personal else organisation,
            "booker": loan.booker_label,
        },
    )
    return loan


def _apply(loan: Loan, action: str, actor, reason: str = "", values=None) -> Loan:
    return workflow_apply(
        obj=loan,
        action=action,
        actor=actor,
        reason=reason,
        values=values,
        workflow=LOAN_STATUS,
    )


def loan_approve(*, loan: Loan, actor) -> Loan:
    return _apply(loan, "approve", actor)


def loan_reject(*, loan: Loan, actor, reason: str) -> Loan:
    return _apply(loan, "reject", actor, reason)


def loan_cancel(*, loan: Loan, actor, reason: str = "") -> Loan:
    return _apply(loan, "cancel", actor, reason)


def _person_and_condition(person: str, condition: str, *, person_field: str, missing: str) -> str:
    if not (person or "").strip():
        raise ApplicationError(missing, field=person_field)
    if condition not in EquipmentCondition.values:
        raise ApplicationError(_("Wybierz stan sprzętu."), field="condition")
    return person.strip()


def loan_hand_over(*, loan: Loan, actor, received_by_name: str, condition: str, notes: str = "") -> Loan:
    """Record the handover: who took the equipment for the organisation, when, in what condition."""
    person = _person_and_condition(
        received_by_name, condition, person_field="received_by_name", missing=_("Podaj, kto odebrał sprzęt.")
    )
    values = {"received_by_name": person, "handover_condition": condition, "handover_notes": notes.strip()}
    return _apply(loan, "hand_over", actor, values=values)


def loan_return(*, loan: Loan, actor, returned_by_name: str, condition: str, notes: str = "") -> Loan:
    """Record the return; equipment that comes back damaged is marked so in the inventory."""
    person = _person_and_condition(
        returned_by_name, condition, person_field="returned_by_name", missing=_("Podaj, kto zwrócił sprzęt.")
    )
    values = {"returned_by_name": person, "return_condition": condition, "return_notes": notes.strip()}
    return _apply(loan, "return", actor, values=values)


def loans_overdue_notify(*, centre: Centre | None = None, now: datetime | None = None) -> int:
    """Remind organisations of equipment not returned on time, every few days (per centre setting).

    The scheduled job runs it per active centre; without `centre` it covers every centre.
    """
    now = now or timezone.now()
    today = warsaw_today(now)
    sent = 0
    overdue = Loan.objects.filter(status=LoanStatus.HANDED_OVER, due_on__lt=today).select_related(
        "organisation", "requested_by", "centre"
    )
    if centre is not None:
        overdue = overdue.filter(centre=centre)
    for loan in overdue:
        every = CentreSettings(loan.centre)["spaces.loan_overdue_reminder_every_days"]
        if loan.overdue_notified_at and loan.overdue_notified_at > now - timedelta(days=every):
            continue
        with transaction.atomic():
            notify.send(
                centre=loan.centre,
                to=notify.organisation_recipients(
                    requested_by=loan.requested_by, organisation=loan.organisation
                ),
                event="loan_overdue_to_organisation",
                context={
                    "loan": loan,
                    "items": list(loan.items.select_related("item")),
                    "days": (today - loan.due_on).days,
                },
            )
            Loan.objects.filter(pk=loan.pk).update(overdue_notified_at=now)
        sent += 1
    return sent
