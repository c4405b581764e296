"""The declared status workflows of the address service: agreements and pieces of mail."""

import calendar
from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit_display import display_date
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import AddressesAudit as Audit
from .choices import IN_FORCE, AgreementStatus, MailStatus
from .models import AddressAgreement, MailItem
from .notify import agreement_recipients, send, staff_recipients
from .permissions import (
    can_decide_agreement,
    can_hand_over_mail,
    can_withdraw_agreement,
    is_agreement_party,
)

# Agreements


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day: 31 January + 1 = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > date.max.year:
        return date.max
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_term(centre, starts_on, ends_on) -> None:
    """An agreement's period: the end not before the start, no longer than the centre allows."""
    if ends_on < starts_on:
        raise ApplicationError(_("Data końca nie może być wcześniejsza niż data początku."), field="ends_on")
    months = centre_setting(centre, "addresses.max_months")
    if ends_on > add_months(starts_on, months):
        raise ApplicationError(
            _("Centrum udostępnia adres najwyżej na %(months)s mies. – do %(date)s.")
            % {"months": months, "date": display_date(add_months(starts_on, months))},
            field="ends_on",
        )


def check_capacity(centre, starts_on, ends_on, *, exclude_pk=None) -> None:
    """No more organisations at the centre's address in any part of the period than the centre's limit."""
    limit = centre_setting(centre, "addresses.max_organisations")
    overlapping = AddressAgreement.objects.filter(
        centre=centre, status__in=IN_FORCE, starts_on__lte=ends_on, ends_on__gte=starts_on
    ).exclude(pk=exclude_pk)
    if overlapping.count() >= limit:
        raise ApplicationError(
            _(
                "Pod adresem centrum może być zarejestrowanych najwyżej %(limit)s organizacji w tym samym czasie "
                "– limit w tym okresie jest wyczerpany."
            )
            % {"limit": limit},
            field="ends_on",
        )


def _approvable(step: Step) -> None:
    agreement = step.obj
    check_term(agreement.centre, agreement.starts_on, agreement.ends_on)
    # Lock the centre's row: two approvals at once (even with no agreement in force yet) take turns, so they
    # cannot both take the last place under the centre's limit.
    _lock_centre(agreement.centre_id)
    check_capacity(agreement.centre, agreement.starts_on, agreement.ends_on, exclude_pk=agreement.pk)
    if not agreement.number:
        agreement.number = _next_number(agreement)
        step.audit_new["number"] = agreement.number


def _lock_centre(centre_id) -> None:
    """Two decisions that take places under the centre's limit at once (approvals, extensions) take turns."""
    Centre.objects.select_for_update().filter(pk=centre_id).values_list("pk", flat=True).first()


def _extendable(step: Step) -> None:
    """A longer period for an agreement in force: the new last day after the current one, the added part no
    longer than the centre allows and within its limit of organisations. Without a new date the agreement
    runs on for the centre's longest period."""
    agreement = step.obj
    current_end = step.audit_old.get("ends_on", agreement.ends_on)
    if "ends_on" not in step.audit_new:
        agreement.ends_on = add_months(current_end, centre_setting(agreement.centre, "addresses.max_months"))
        step.audit_old["ends_on"], step.audit_new["ends_on"] = current_end, agreement.ends_on
    if agreement.ends_on <= current_end:
        raise ApplicationError(
            _("Nowa data końca musi być późniejsza niż obecna (%(date)s).")
            % {"date": display_date(current_end)},
            field="ends_on",
        )
    added_from = current_end + timedelta(days=1)
    check_term(agreement.centre, added_from, agreement.ends_on)
    _lock_centre(agreement.centre_id)
    check_capacity(agreement.centre, added_from, agreement.ends_on, exclude_pk=agreement.pk)
    # The reminder comes again before the new end.
    agreement.reminded_at = None


def _next_number(agreement) -> str:
    year = warsaw_today().year
    count = AddressAgreement.objects.filter(centre=agreement.centre, number__startswith=f"AD/{year}/").count()
    return f"AD/{year}/{count + 1:04d}"


def _mail_to_party(event: str):
    def after(step: Step) -> None:
        agreement = step.obj
        send(
            centre=agreement.centre,
            to=agreement_recipients(agreement),
            event=event,
            context={"agreement": agreement, "reason": step.reason},
        )

    return after


def _expiring_mail(step: Step) -> None:
    agreement = step.obj
    context = {"agreement": agreement}
    send(
        centre=agreement.centre,
        to=agreement_recipients(agreement),
        event="expiring_to_party",
        context=context,
    )
    send(
        centre=agreement.centre,
        to=staff_recipients(agreement.centre),
        event="expiring_to_staff",
        context=context,
    )
    agreement.reminded_at = step.obj.status_changed_at
    agreement.save(update_fields=["reminded_at"])


def _can_terminate(user, agreement) -> bool:
    return can_decide_agreement(user, agreement) or is_agreement_party(user, agreement)


AGREEMENT_STATUS = register(
    Workflow(
        key="addresses.agreement",
        model=AddressAgreement,
        refused_message=gettext_lazy(
            "Porozumienia w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("centre", "organisation", "requested_by"),
        transitions=(
            Transition(
                action="approve",
                sources=(AgreementStatus.REQUESTED,),
                target=AgreementStatus.ACTIVE,
                label=gettext_lazy("Zatwierdź porozumienie"),
                audit=Audit.AGREEMENT_APPROVED,
                permission=can_decide_agreement,
                denied_message=gettext_lazy("Porozumienia zatwierdzają pracownicy centrum."),
                stamps={"decided_by": ACTOR, "decided_at": NOW},
                guard=_approvable,
                after=_mail_to_party("approved_to_party"),
                in_ui=False,
                done_message=gettext_lazy("Porozumienie zatwierdzone."),
            ),
            Transition(
                action="reject",
                sources=(AgreementStatus.REQUESTED,),
                target=AgreementStatus.REJECTED,
                label=gettext_lazy("Odrzuć wniosek"),
                audit=Audit.AGREEMENT_REJECTED,
                permission=can_decide_agreement,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód odrzucenia – wnioskodawca go zobaczy."),
                denied_message=gettext_lazy("Wnioski rozpatrują pracownicy centrum."),
                stamps={"decided_by": ACTOR, "decided_at": NOW, "status_reason": REASON},
                after=_mail_to_party("rejected_to_party"),
                danger=True,
                done_message=gettext_lazy("Wniosek odrzucony."),
            ),
            Transition(
                action="withdraw",
                sources=(AgreementStatus.REQUESTED,),
                target=AgreementStatus.WITHDRAWN,
                label=gettext_lazy("Wycofaj wniosek"),
                audit=Audit.AGREEMENT_WITHDRAWN,
                permission=can_withdraw_agreement,
                denied_message=gettext_lazy("Wniosek może wycofać tylko osoba, która go złożyła."),
                stamps={"status_reason": REASON},
                danger=True,
                done_message=gettext_lazy("Wniosek wycofany."),
            ),
            Transition(
                action="expire_soon",
                sources=(AgreementStatus.ACTIVE,),
                target=AgreementStatus.EXPIRING,
                label=gettext_lazy("Przypomnij o końcu porozumienia"),
                audit=Audit.AGREEMENT_EXPIRING,
                system=True,
                after=_expiring_mail,
                in_ui=False,
            ),
            Transition(
                action="end",
                sources=(AgreementStatus.ACTIVE, AgreementStatus.EXPIRING),
                target=AgreementStatus.ENDED,
                label=gettext_lazy("Zakończ porozumienie"),
                audit=Audit.AGREEMENT_ENDED,
                system=True,
                after=_mail_to_party("ended_to_party"),
                in_ui=False,
            ),
            Transition(
                action="extend",
                sources=(AgreementStatus.ACTIVE, AgreementStatus.EXPIRING),
                target=AgreementStatus.ACTIVE,
                label=gettext_lazy("Przedłuż porozumienie"),
                audit=Audit.AGREEMENT_EXTENDED,
                permission=can_decide_agreement,
                denied_message=gettext_lazy("Porozumienia przedłużają pracownicy centrum."),
                guard=_extendable,
                after=_mail_to_party("extended_to_party"),
                in_ui=False,
                done_message=gettext_lazy("Porozumienie przedłużone."),
            ),
            Transition(
                action="terminate",
                sources=(AgreementStatus.ACTIVE, AgreementStatus.EXPIRING),
                target=AgreementStatus.TERMINATED,
                label=gettext_lazy("Rozwiąż porozumienie"),
                audit=Audit.AGREEMENT_TERMINATED,
                permission=_can_terminate,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód rozwiązania porozumienia."),
                denied_message=gettext_lazy("Porozumienie rozwiązuje centrum albo organizacja."),
                stamps={"status_reason": REASON},
                after=_mail_to_party("terminated_to_party"),
                danger=True,
                done_message=gettext_lazy("Porozumienie rozwiązane."),
            ),
        ),
    )
)


# Mail


def _valid_pickup(step: Step) -> None:
    mail = step.obj
    person = mail.collected_by
    if person is None:
        raise ApplicationError(_("Wybierz osobę, która odbiera przesyłkę."), field="person")
    if person.organisation_id != mail.organisation_id or not person.is_active:
        raise ApplicationError(
            _("Ta osoba nie jest upoważniona do odbioru poczty tej organizacji."), field="person"
        )
    today = warsaw_today()
    if not person.is_valid_on(today):
        raise ApplicationError(
            _("Pełnomocnictwo pocztowe osoby %(name)s nie jest dziś ważne (ważne %(period)s).")
            % {
                "name": person.full_name,
                "period": f"{display_date(person.valid_from)} – "
                + (display_date(person.valid_until) if person.valid_until else _("bezterminowo")),
            },
            field="person",
        )


MAIL_STATUS = register(
    Workflow(
        key="addresses.mail",
        model=MailItem,
        refused_message=gettext_lazy("Przesyłki w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("centre", "organisation", "collected_by"),
        transitions=(
            Transition(
                action="collect",
                sources=(MailStatus.WAITING,),
                target=MailStatus.COLLECTED,
                label=gettext_lazy("Zapisz odbiór"),
                audit=Audit.MAIL_COLLECTED,
                permission=can_hand_over_mail,
                denied_message=gettext_lazy("Odbiór przesyłki zapisuje pracownik centrum."),
                stamps={"collected_at": NOW, "handed_over_by": ACTOR},
                guard=_valid_pickup,
                in_ui=False,
                done_message=gettext_lazy("Odbiór zapisany."),
            ),
            Transition(
                action="return_to_sender",
                sources=(MailStatus.WAITING,),
                target=MailStatus.RETURNED,
                label=gettext_lazy("Zwróć nadawcy"),
                audit=Audit.MAIL_RETURNED,
                permission=can_hand_over_mail,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód zwrotu przesyłki."),
                denied_message=gettext_lazy("Przesyłki zwraca pracownik centrum."),
                stamps={"status_reason": REASON},
                danger=True,
                done_message=gettext_lazy("Przesyłka zwrócona nadawcy."),
            ),
        ),
    )
)
