"""Agreements to use the centre's address: a request (by an organisation or a founding group), the staff's
decision through the workflow engine, passing a founding group's agreement to its registered organisation,
and the daily work on agreements that end."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.permissions import is_centre_staff
from centrum.core.workflow import workflow_apply
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.permissions import is_organisation_admin

from ..audit_labels import AddressesAudit
from ..choices import IN_FORCE, OPEN, AgreementStatus
from ..models import AddressAgreement
from ..notify import send, staff_recipients
from ..permissions import can_request_agreement, can_transfer_agreement
from ..workflows import AGREEMENT_STATUS, check_capacity, check_term

REQUEST_FIELDS = [
    "use",
    "organisation_id",
    "founding_name",
    "founding_legal_form",
    "founders",
    "contact_name",
    "contact_email",
    "starts_on",
    "ends_on",
    "rules_version",
]
# An organisation being registered (or whose registration waits for staff) may take over a founders' agreement.
_TRANSFERABLE_TO = (OrganisationStatus.ACTIVE, OrganisationStatus.PENDING)


def _refuse_duplicate(centre, organisation, use, *, exclude_pk=None) -> None:
    if (
        AddressAgreement.objects.filter(centre=centre, organisation=organisation, use=use, status__in=OPEN)
        .exclude(pk=exclude_pk)
        .exists()
    ):
        raise ApplicationError(
            _("Ta organizacja ma już wniosek lub porozumienie o ten rodzaj adresu."), field="organisation"
        )


@transaction.atomic
def agreement_request(
    *,
    centre: Centre,
    actor,
    use: str,
    starts_on,
    ends_on,
    accepted_rules_version: str,
    contact_name: str,
    contact_email: str,
    organisation=None,
    founding_name: str = "",
    founding_legal_form: str = "",
    founders: str = "",
    notes: str = "",
) -> AddressAgreement:
    """A request for the centre's address, by an organisation's admin or by a founding group (no registry
    entry yet). The rules' version the person accepted is recorded; it must be the centre's current one."""
    if not can_request_agreement(actor, centre):
        raise ApplicationError(_("Zaloguj się, aby złożyć wniosek."))
    current_version = centre_setting(centre, "addresses.rules_version")
    if accepted_rules_version != current_version:
        raise ApplicationError(
            _(
                "Regulamin zmienił się w międzyczasie – przeczytaj aktualną wersję (%(version)s) i zaakceptuj ją."
            )
            % {"version": current_version},
            field="accept_rules",
        )
    if organisation is not None:
        if organisation.centre_id != centre.pk or not (
            is_organisation_admin(actor, organisation) or is_centre_staff(actor, centre)
        ):
            raise ApplicationError(
                _("Wniosek w imieniu organizacji składa jej administrator."), field="organisation"
            )
        _refuse_duplicate(centre, organisation, use)
        founding_name = founding_legal_form = founders = ""
    elif not founding_name.strip():
        raise ApplicationError(
            _("Podaj nazwę zakładanej organizacji albo wybierz organizację z bazy."), field="founding_name"
        )
    if starts_on < warsaw_today():
        raise ApplicationError(_("Porozumienie nie może zaczynać się w przeszłości."), field="starts_on")
    check_term(centre, starts_on, ends_on)
    check_capacity(centre, starts_on, ends_on)
    agreement = AddressAgreement(
        centre=centre,
        use=use,
        organisation=organisation,
        founding_name=founding_name.strip(),
        founding_legal_form=founding_legal_form,
        founders=founders.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        requested_by=actor,
        starts_on=starts_on,
        ends_on=ends_on,
        rules_version=current_version,
        rules_accepted_at=timezone.now(),
        notes=notes.strip(),
    )
    full_clean_or_raise(agreement)
    agreement.save()
    audit_log(
        actor=actor,
        obj=agreement,
        action=AddressesAudit.AGREEMENT_REQUESTED,
        new=snapshot(agreement, [*REQUEST_FIELDS, "status"]),
    )
    send(
        centre=centre,
        to=staff_recipients(centre),
        event="requested_to_staff",
        context={"agreement": agreement},
    )
    return agreement


def agreement_approve(*, agreement: AddressAgreement, actor, starts_on, ends_on) -> AddressAgreement:
    """Staff approve under the agreement's period (they may shorten or move it); limits checked on the lock."""
    return workflow_apply(
        obj=agreement,
        action="approve",
        actor=actor,
        workflow=AGREEMENT_STATUS,
        values={"starts_on": starts_on, "ends_on": ends_on},
    )


def agreement_extend(*, agreement: AddressAgreement, actor, ends_on) -> AddressAgreement:
    """Staff extend an agreement in force to a later last day; limits checked on the lock."""
    return workflow_apply(
        obj=agreement, action="extend", actor=actor, workflow=AGREEMENT_STATUS, values={"ends_on": ends_on}
    )


@transaction.atomic
def agreement_transfer(*, agreement: AddressAgreement, organisation, actor) -> AddressAgreement:
    """A founding group's agreement passes to its organisation once registered: staff or the founder who
    asked pick the registry entry (the founder only an organisation they registered or administer)."""
    if not can_transfer_agreement(actor, agreement):
        raise ApplicationError(
            _("Porozumienie przekazuje pracownik centrum albo osoba, która złożyła wniosek.")
        )
    locked = AddressAgreement.objects.select_for_update().get(pk=agreement.pk, centre=agreement.centre)
    if locked.organisation_id is not None:
        raise ApplicationError(_("To porozumienie zostało już przekazane organizacji."))
    if locked.status not in OPEN:
        raise ApplicationError(_("Przekazać można tylko wniosek albo obowiązujące porozumienie."))
    if organisation is None or organisation.centre_id != locked.centre_id:
        raise ApplicationError(_("Wybierz organizację z bazy centrum."), field="organisation")
    if organisation.status not in _TRANSFERABLE_TO:
        raise ApplicationError(_("Tej organizacji nie można przekazać porozumienia."), field="organisation")
    if not is_centre_staff(actor, locked.centre) and not (
        organisation.submitted_by_id == actor.pk or is_organisation_admin(actor, organisation)
    ):
        raise ApplicationError(
            _("Wybierz organizację, którą zgłosiłeś(-aś) do bazy albo której jesteś administratorem."),
            field="organisation",
        )
    _refuse_duplicate(locked.centre, organisation, locked.use, exclude_pk=locked.pk)
    locked.organisation = organisation
    locked.transferred_at = timezone.now()
    full_clean_or_raise(locked)
    locked.save()
    audit_log(
        actor=actor,
        obj=locked,
        action=AddressesAudit.AGREEMENT_TRANSFERRED,
        old={"organisation_id": None, "founding_name": locked.founding_name},
        new={"organisation_id": organisation.pk, "organisation": organisation.name},
    )
    send(
        centre=locked.centre,
        to=staff_recipients(locked.centre),
        event="transferred_to_staff",
        context={"agreement": locked},
    )
    return locked


def agreements_remind(*, centre: Centre) -> int:
    """Agreements in force ending within the centre's reminder days become "expiring"; both sides are told."""
    horizon = warsaw_today() + timedelta(days=centre_setting(centre, "addresses.reminder_days"))
    due = AddressAgreement.objects.filter(
        centre=centre, status=AgreementStatus.ACTIVE, ends_on__lte=horizon
    ).values_list("pk", flat=True)
    done = 0
    for pk in list(due):
        try:
            workflow_apply(model=AddressAgreement, pk=pk, centre=centre, action="expire_soon", actor=None)
        except ApplicationError:
            continue  # someone ended it meanwhile
        done += 1
    return done


def agreements_end(*, centre: Centre) -> int:
    """Agreements in force whose last day has passed end (the KRS check follows in its own job)."""
    due = AddressAgreement.objects.filter(
        centre=centre, status__in=IN_FORCE, ends_on__lt=warsaw_today()
    ).values_list("pk", flat=True)
    done = 0
    for pk in list(due):
        try:
            workflow_apply(model=AddressAgreement, pk=pk, centre=centre, action="end", actor=None)
        except ApplicationError:
            continue
        done += 1
    return done
