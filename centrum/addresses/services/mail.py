"""The mail log: staff record each piece of incoming mail for an organisation with an agreement in force, the
organisation is told at once (court and tax-office letters marked urgent), the pickup is recorded against the
persons the organisation authorised (with a valid postal power of attorney), uncollected mail is reminded."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.uploads import scan_validate
from centrum.core.workflow import workflow_apply

from ..audit_labels import AddressesAudit
from ..choices import IN_FORCE, MailStatus
from ..models import AddressAgreement, AuthorisedPerson, MailItem
from ..notify import organisation_recipients, send
from ..permissions import can_manage_authorised_persons, can_record_mail
from ..workflows import MAIL_STATUS

SCAN_MAX_BYTES = 10 * 1024 * 1024
MAIL_FIELDS = ["organisation_id", "received_on", "sender", "kind", "reference", "notes"]
PERSON_FIELDS = ["organisation_id", "full_name", "document", "valid_from", "valid_until"]


def agreement_in_force_for(*, centre: Centre, organisation, day) -> AddressAgreement | None:
    return (
        AddressAgreement.objects.filter(
            centre=centre,
            organisation=organisation,
            status__in=IN_FORCE,
            starts_on__lte=day,
            ends_on__gte=day,
        )
        .order_by("-ends_on")
        .first()
    )


@transaction.atomic
def mail_record(
    *,
    centre: Centre,
    actor,
    organisation,
    received_on,
    sender: str,
    kind: str,
    reference: str = "",
    notes: str = "",
    scan=None,
) -> MailItem:
    if not can_record_mail(actor, centre):
        raise ApplicationError(_("Pocztę zapisują pracownicy centrum."))
    if received_on > warsaw_today():
        raise ApplicationError(_("Data wpływu nie może być z przyszłości."), field="received_on")
    agreement = (
        agreement_in_force_for(centre=centre, organisation=organisation, day=received_on)
        if organisation is not None and organisation.centre_id == centre.pk
        else None
    )
    if agreement is None:
        raise ApplicationError(
            _(
                "Ta organizacja nie ma obowiązującego porozumienia o adresie centrum w dniu wpływu – przesyłki nie "
                "można przyjąć. Zwróć ją nadawcy."
            ),
            field="organisation",
        )
    extension = scan_validate(scan, max_bytes=SCAN_MAX_BYTES, field="scan") if scan else ""
    mail = MailItem(
        centre=centre,
        agreement=agreement,
        organisation=organisation,
        received_on=received_on,
        sender=sender.strip(),
        kind=kind,
        reference=reference.strip(),
        notes=notes.strip(),
        recorded_by=actor,
    )
    full_clean_or_raise(mail)
    if scan:
        scan.name = f"przesylka.{extension}"
        mail.scan = scan
    mail.save()
    audit_log(actor=actor, obj=mail, action=AddressesAudit.MAIL_RECORDED, new=snapshot(mail, MAIL_FIELDS))
    send(
        centre=centre,
        to=organisation_recipients(organisation),
        event="mail_to_organisation",
        context={"mail": mail, "organisation": organisation},
    )
    return mail


def mail_hand_over(*, mail: MailItem, person: AuthorisedPerson | None, actor) -> MailItem:
    """Staff record the pickup by an authorised person; the engine checks the power of attorney on the lock."""
    return workflow_apply(
        obj=mail, action="collect", actor=actor, workflow=MAIL_STATUS, values={"collected_by": person}
    )


def mail_remind_uncollected(*, centre: Centre) -> int:
    """Mail waiting longer than the centre's days is reminded once to the organisation."""
    days = centre_setting(centre, "addresses.uncollected_days")
    waiting = (
        MailItem.objects.filter(
            centre=centre,
            status=MailStatus.WAITING,
            reminded_at__isnull=True,
            received_on__lte=warsaw_today() - timedelta(days=days),
        )
        .select_related("organisation")
        .order_by("organisation_id", "received_on")
    )
    by_organisation: dict[int, list[MailItem]] = {}
    for mail in waiting:
        by_organisation.setdefault(mail.organisation_id, []).append(mail)
    for items in by_organisation.values():
        with transaction.atomic():
            organisation = items[0].organisation
            send(
                centre=centre,
                to=organisation_recipients(organisation),
                event="uncollected_to_organisation",
                context={"organisation": organisation, "items": items, "days": days},
            )
            MailItem.objects.filter(pk__in=[m.pk for m in items]).update(reminded_at=timezone.now())
    return sum(len(items) for items in by_organisation.values())


@transaction.atomic
def authorised_person_add(
    *, organisation, actor, full_name: str, valid_from, valid_until=None, document: str = ""
) -> AuthorisedPerson:
    if not can_manage_authorised_persons(actor, organisation):
        raise ApplicationError(
            _("Osoby upoważnione wskazuje administrator organizacji albo pracownik centrum.")
        )
    if valid_until is not None and valid_until < valid_from:
        raise ApplicationError(
            _("Data końca pełnomocnictwa nie może być wcześniejsza niż data początku."), field="valid_until"
        )
    person = AuthorisedPerson(
        centre=organisation.centre,
        organisation=organisation,
        full_name=full_name.strip(),
        document=document.strip(),
        valid_from=valid_from,
        valid_until=valid_until,
        added_by=actor,
    )
    full_clean_or_raise(person)
    person.save()
    audit_log(
        actor=actor, obj=person, action=AddressesAudit.PERSON_ADDED, new=snapshot(person, PERSON_FIELDS)
    )
    return person


@transaction.atomic
def authorised_person_remove(*, person: AuthorisedPerson, actor) -> AuthorisedPerson:
    if not can_manage_authorised_persons(actor, person.organisation):
        raise ApplicationError(
            _("Osoby upoważnione wskazuje administrator organizacji albo pracownik centrum.")
        )
    locked = AuthorisedPerson.objects.select_for_update().get(pk=person.pk, centre=person.centre)
    if not locked.is_active:
        raise ApplicationError(_("Ta osoba została już usunięta z listy."))
    locked.is_active = False
    locked.save(update_fields=["is_active", "updated_at"])
    audit_log(
        actor=actor,
        obj=locked,
        action=AddressesAudit.PERSON_REMOVED,
        old={"is_active": True},
        new={"is_active": False},
    )
    return locked
