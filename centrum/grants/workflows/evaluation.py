"""The offer's evaluation: the formal check (accept, ask for corrections with a deadline, reject with the
reason) and the decision on the offers that passed it (select with the amount awarded, or not). All of it
happens once the competition is closed for offers."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.calendar import WARSAW, is_working_day, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.outbox import outbox_enqueue
from centrum.core.selectors import centre_add_working_days
from centrum.core.workflow import REASON, Step, Transition

from ..audit_labels import OfferAudit as Audit
from ..centre_settings import CORRECTION_DAYS_KIND, CORRECTION_DAYS_WORKING
from ..choices import CompetitionStatus
from ..choices import OfferStatus as S
from ..permissions import is_grants_official


def _official(user, offer) -> bool:
    return is_grants_official(user, offer.centre)


def _in_evaluation(step: Step) -> None:
    if step.obj.competition.status != CompetitionStatus.EVALUATION:
        raise ApplicationError(
            _("Oferty ocenia się po zamknięciu naboru – konkurs nie jest teraz w ocenie („%(status)s”).")
            % {"status": step.obj.competition.get_status_display()}
        )


def correction_deadline(offer):
    """The end (23:59:59 Warsaw) of the day the announcement's number of days after today. The days are
    calendar days by default (KPA art. 57: a deadline ending on a Saturday or a day off moves to the next
    working day) or the centre's working days (setting `grants.correction_days_kind`)."""
    centre, days = offer.centre, offer.competition.correction_days
    if centre_setting(centre, CORRECTION_DAYS_KIND.key) == CORRECTION_DAYS_WORKING:
        day = centre_add_working_days(centre, warsaw_today(), days)
    else:
        day = warsaw_today() + timedelta(days=days)
        if not is_working_day(day):
            day = centre_add_working_days(centre, day, 1)
    return datetime.combine(day, time(23, 59, 59), tzinfo=WARSAW)


def _correction(step: Step) -> None:
    _in_evaluation(step)
    offer = step.obj
    if "correction_due_at" not in step.audit_new:
        step.audit_old["correction_due_at"] = offer.correction_due_at
        offer.correction_due_at = correction_deadline(offer)
        step.audit_new["correction_due_at"] = offer.correction_due_at


def _lapsed(step: Step) -> None:
    due = step.obj.correction_due_at
    if due is not None and due >= timezone.now():
        raise ApplicationError(_("Termin na usunięcie braków jeszcze trwa."))
    if not step.reason:
        step.reason = _("Braki formalne nie zostały usunięte w wyznaczonym terminie.")


def offeror_addresses(offer) -> list[str]:
    addresses = [offer.contact_email, getattr(offer.submitted_by, "email", ""), offer.organisation.email]
    return list(dict.fromkeys(a for a in addresses if a))


def _tell_offeror(event: str):
    def after(step: Step) -> None:
        offer = step.obj
        to = offeror_addresses(offer)
        if to:
            outbox_enqueue(
                centre=offer.centre,
                to=to,
                template=f"grants/emails/{event}",
                context={"offer": offer, "competition": offer.competition, "reason": step.reason},
            )

    return after


def _selectable(step: Step) -> None:
    """The amount awarded: more than nothing, no more than asked, and the competition's funds not exceeded
    (counted on the locked competition row, so two decisions at once take turns)."""
    from ..models import Commission, Competition, Offer

    _in_evaluation(step)
    offer = step.obj
    if offer.awarded_grant is None:
        offer.awarded_grant = offer.requested_grant
        step.audit_new["awarded_grant"] = offer.awarded_grant
    amount = Decimal(offer.awarded_grant)
    if amount <= 0:
        raise ApplicationError(_("Kwota dotacji musi być większa od zera."), field="awarded_grant")
    if amount > offer.requested_grant:
        raise ApplicationError(
            _("Przyznana kwota nie może przekroczyć wnioskowanej (%(requested)s zł).")
            % {"requested": offer.requested_grant},
            field="awarded_grant",
        )
    competition = Competition.objects.select_for_update().get(pk=offer.competition_id, centre=offer.centre)
    commission = Commission.objects.filter(competition=competition).first()
    if commission is not None and commission.members.exists() and commission.scoring_closed_at is None:
        raise ApplicationError(_("Najpierw komisja musi zakończyć ocenę merytoryczną."))
    awarded = Offer.objects.filter(competition=competition, status=S.SELECTED).exclude(pk=offer.pk).aggregate(
        total=Sum("awarded_grant")
    )["total"] or Decimal("0")
    if awarded + amount > competition.funds_total:
        raise ApplicationError(
            _(
                "Suma przyznanych dotacji przekroczyłaby środki konkursu (%(funds)s zł): przyznano już "
                "%(awarded)s zł, zostało %(left)s zł."
            )
            % {
                "funds": competition.funds_total,
                "awarded": awarded,
                "left": competition.funds_total - awarded,
            },
            field="awarded_grant",
        )


def _not_selected(step: Step) -> None:
    _in_evaluation(step)
    if step.obj.awarded_grant is not None:
        step.audit_old["awarded_grant"], step.audit_new["awarded_grant"] = step.obj.awarded_grant, None
        step.obj.awarded_grant = None


EVALUATION_TRANSITIONS = (
    Transition(
        action="request_correction",
        sources=(S.SUBMITTED,),
        target=S.CORRECTION,
        label=gettext_lazy("Wezwij do usunięcia braków"),
        audit=Audit.REQUEST_CORRECTION,
        permission=_official,
        reason_required=True,
        reason_message=gettext_lazy("Wypisz braki, które oferent ma usunąć."),
        stamps={"status_reason": REASON},
        guard=_correction,
        after=_tell_offeror("correction_to_offeror"),
        in_ui=False,
    ),
    Transition(
        action="accept_formally",
        sources=(S.SUBMITTED,),
        target=S.FORMALLY_ACCEPTED,
        label=gettext_lazy("Poprawna formalnie"),
        audit=Audit.ACCEPT_FORMALLY,
        permission=_official,
        guard=_in_evaluation,
        in_ui=False,
    ),
    Transition(
        action="reject_formally",
        sources=(S.SUBMITTED, S.CORRECTION),
        target=S.FORMALLY_REJECTED,
        label=gettext_lazy("Odrzuć z przyczyn formalnych"),
        audit=Audit.REJECT_FORMALLY,
        permission=_official,
        reason_required=True,
        reason_message=gettext_lazy("Podaj przyczynę odrzucenia – oferent ją zobaczy."),
        stamps={"status_reason": REASON},
        guard=_in_evaluation,
        after=_tell_offeror("rejected_to_offeror"),
        danger=True,
        in_ui=False,
    ),
    Transition(
        action="correction_lapsed",
        sources=(S.CORRECTION,),
        target=S.FORMALLY_REJECTED,
        label=gettext_lazy("Odrzuć – braki nieusunięte w terminie"),
        audit=Audit.CORRECTION_LAPSED,
        system=True,
        stamps={"status_reason": REASON},
        guard=_lapsed,
        after=_tell_offeror("rejected_to_offeror"),
        in_ui=False,
    ),
    Transition(
        action="select",
        sources=(S.FORMALLY_ACCEPTED,),
        target=S.SELECTED,
        label=gettext_lazy("Wybierz i przyznaj dotację"),
        audit=Audit.SELECT,
        permission=_official,
        guard=_selectable,
        in_ui=False,
    ),
    Transition(
        action="not_select",
        sources=(S.FORMALLY_ACCEPTED,),
        target=S.NOT_SELECTED,
        label=gettext_lazy("Nie wybieraj oferty"),
        audit=Audit.NOT_SELECT,
        permission=_official,
        reason_required=True,
        stamps={"status_reason": REASON},
        guard=_not_selected,
        in_ui=False,
    ),
)
