"""Writes: keyword-only, atomic, permission checked again, validated, audited; mail through the outbox in the
same transaction. Status changes go through the workflow engine (`workflows.py`)."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_settings_cached
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.richtext import clean_html, plain_text
from centrum.core.text import search_words
from centrum.core.uploads import scan_validate

from . import rules
from .audit_labels import VolunteersAudit as Audit
from .choices import ApplicationStatus, ConsentRecord, HostKind, HoursStatus, OfferKind, OfferStatus
from .models import AbroadPage, Agreement, Application, Host, HoursEntry, Offer, Shift, Volunteer
from .permissions import (
    can_edit_abroad,
    can_edit_offer,
    can_introduce,
    can_log_hours,
    can_make_agreement,
    can_manage_host,
    can_record_guardian_consent,
    can_work_in_centre,
    is_volunteer_of,
)
from .workflows import host_addresses

DENIED = "Nie masz uprawnień do tej czynności."
PROFILE_FIELDS = [
    "full_name",
    "phone",
    "birth_date",
    "skills",
    "languages",
    "district",
    "weekdays",
    "evenings",
    "weekends",
    "visible_to_hosts",
]
OFFER_FIELDS = [
    "title",
    "description",
    "kind",
    "place",
    "district",
    "starts_on",
    "ends_on",
    "schedule",
    "capacity",
    "requirements",
    "for_minors",
    "weekdays",
    "evenings",
    "weekends",
]
AGREEMENT_FIELDS = [
    "scope",
    "manner",
    "starts_on",
    "ends_on",
    "termination",
    "written_form",
    "travel_costs_waived",
]
CONSENT_MAX_BYTES = 10 * 1024 * 1024


def _deny(allowed: bool) -> None:
    if not allowed:
        raise ApplicationError(_(DENIED))


def _set_areas(obj, areas) -> None:
    if areas is not None:
        obj.areas.set(areas)


@transaction.atomic
def volunteer_save(
    *, centre: Centre, actor, data: dict, areas=None, volunteer: Volunteer | None = None
) -> Volunteer:
    """Create the signed-in person's profile, or change it (the volunteer only)."""
    if not getattr(actor, "is_authenticated", False):
        raise ApplicationError(_(DENIED))
    # A fresh row: a model form has already written its input into the copy it was given.
    if volunteer is not None and volunteer.pk:
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    else:
        volunteer = Volunteer.objects.filter(centre=centre, user=actor).first() or Volunteer(
            centre=centre, user=actor
        )
    _deny(volunteer.pk is None or is_volunteer_of(actor, volunteer))
    before = snapshot(volunteer, PROFILE_FIELDS) if volunteer.pk else {}
    was_visible = volunteer.visible_to_hosts
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(volunteer, name, data[name].strip() if isinstance(data[name], str) else data[name])
    today = warsaw_today()
    settings = centre_settings_cached(centre)
    if volunteer.birth_date is None or volunteer.birth_date > today:
        raise ApplicationError(_("Podaj prawdziwą datę urodzenia."), field="birth_date")
    if volunteer.age_on(today) < settings["volunteers.min_age"]:
        raise ApplicationError(
            _("Profil wolontariusza można założyć od %(age)s lat.") % {"age": settings["volunteers.min_age"]},
            field="birth_date",
        )
    if volunteer.age_on(today) > 120:
        raise ApplicationError(_("Podaj prawdziwą datę urodzenia."), field="birth_date")
    now = timezone.now()
    if volunteer.visible_to_hosts and not was_visible:
        volunteer.visibility_consent_at, volunteer.visibility_withdrawn_at = now, None
    elif was_visible and not volunteer.visible_to_hosts:
        volunteer.visibility_withdrawn_at = now
    full_clean_or_raise(volunteer)
    volunteer.save()
    _set_areas(volunteer, areas)
    old, new = changes(before, snapshot(volunteer, PROFILE_FIELDS))
    if new:
        audit_log(actor=actor, obj=volunteer, action=Audit.PROFILE_SAVED, old=old, new=new)
    if was_visible != volunteer.visible_to_hosts:
        audit_log(
            actor=actor,
            obj=volunteer,
            action=Audit.VISIBILITY,
            old={"visible_to_hosts": was_visible},
            new={"visible_to_hosts": volunteer.visible_to_hosts},
        )
    return volunteer


@transaction.atomic
def guardian_consent_record(
    *, volunteer: Volunteer, actor, guardian_name: str, guardian_contact: str, record: str, upload=None
) -> Volunteer:
    """The coordinator records a minor's guardian's consent: a scan of the signed paper, or a note that the
    paper is in the centre's files."""
    _deny(can_record_guardian_consent(actor, volunteer))
    volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
    if not guardian_name.strip():
        raise ApplicationError(_("Podaj imię i nazwisko opiekuna prawnego."), field="guardian_name")
    if not guardian_contact.strip():
        raise ApplicationError(_("Podaj telefon lub e-mail opiekuna."), field="guardian_contact")
    if record not in ConsentRecord.values:
        raise ApplicationError(_("Wybierz, jak zapisano zgodę."), field="record")
    if record == ConsentRecord.FILE:
        extension = scan_validate(upload, max_bytes=CONSENT_MAX_BYTES, field="upload")
        volunteer.guardian_consent_file.save(f"zgoda-{volunteer.pk}.{extension}", upload, save=False)
    volunteer.guardian_name, volunteer.guardian_contact = guardian_name.strip(), guardian_contact.strip()
    volunteer.guardian_consent = record
    volunteer.guardian_consent_at, volunteer.guardian_consent_by = timezone.now(), actor
    full_clean_or_raise(volunteer)
    volunteer.save()
    audit_log(
        actor=actor,
        obj=volunteer,
        action=Audit.GUARDIAN_CONSENT,
        new={"guardian_name": volunteer.guardian_name, "guardian_consent": record},
    )
    return volunteer


@transaction.atomic
def host_for_organisation(*, organisation, actor) -> Host:
    """The organisation as a host (created the first time one of its members offers volunteering)."""
    host = Host.objects.filter(centre=organisation.centre, organisation=organisation).first()
    if host is not None:
        return host
    host = Host(centre=organisation.centre, kind=HostKind.ORGANISATION, organisation=organisation)
    _deny(can_manage_host(actor, host))
    full_clean_or_raise(host)
    host.save()
    audit_log(actor=actor, obj=host, action=Audit.HOST_SAVED, new={"organisation": organisation.pk})
    return host


@transaction.atomic
def public_body_save(*, centre: Centre, actor, data: dict, managers=(), host: Host | None = None) -> Host:
    """The coordinator records a public body's unit (a social welfare centre, a labour office, a school) as a
    host without it being an NGO, and names the people who act for it."""
    _deny(can_work_in_centre(actor, centre))
    host = host or Host(centre=centre, kind=HostKind.PUBLIC_BODY)
    fields = ["name", "body_kind", "address", "email", "phone"]
    before = snapshot(host, fields) if host.pk else {}
    for name in fields:
        if name in data:
            setattr(host, name, (data[name] or "").strip())
    if not host.name:
        raise ApplicationError(_("Podaj nazwę instytucji."), field="name")
    full_clean_or_raise(host)
    host.save()
    host.managers.set(managers)
    old, new = changes(before, snapshot(host, fields))
    audit_log(actor=actor, obj=host, action=Audit.HOST_SAVED, old=old, new=new)
    return host


def _check_offer(offer: Offer) -> None:
    if offer.ends_on is not None and offer.ends_on < offer.starts_on:
        raise ApplicationError(_("Oferta nie może kończyć się przed początkiem."), field="ends_on")
    if offer.kind == OfferKind.ONE_OFF and offer.ends_on not in (None, offer.starts_on):
        raise ApplicationError(_("Jednorazowa oferta trwa jeden dzień – usuń datę końca."), field="ends_on")
    if offer.kind == OfferKind.PERIOD and offer.ends_on is None:
        raise ApplicationError(_("Podaj, do kiedy trwa oferta w określonym okresie."), field="ends_on")
    limit = centre_settings_cached(offer.centre)["volunteers.max_capacity"]
    if not offer.capacity or offer.capacity > limit:
        raise ApplicationError(_("Liczba miejsc: od 1 do %(max)s.") % {"max": limit}, field="capacity")
    if offer.capacity < offer.taken:
        raise ApplicationError(
            _("Przyjęto już %(taken)s osób – nie można zmniejszyć liczby miejsc poniżej tej liczby.")
            % {"taken": offer.taken},
            field="capacity",
        )
    if not offer.description:
        raise ApplicationError(_("Opisz, na czym polega wolontariat."), field="description")


@transaction.atomic
def offer_save(*, host: Host, actor, data: dict, areas=None, offer: Offer | None = None) -> Offer:
    if offer is None:
        _deny(can_manage_host(actor, host))
        offer = Offer(centre=host.centre, host=host, created_by=actor)
    else:
        _deny(can_edit_offer(actor, offer))
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
    before = snapshot(offer, OFFER_FIELDS) if offer.pk else {}
    for name in OFFER_FIELDS:
        if name in data:
            setattr(offer, name, data[name].strip() if isinstance(data[name], str) else data[name])
    offer.description = clean_html(offer.description)
    words = search_words(" ".join([offer.title, plain_text(offer.description), offer.place, str(host)]))
    offer.search_text = f" {' '.join(words)} "
    _check_offer(offer)
    full_clean_or_raise(offer)
    offer.save()
    _set_areas(offer, areas)
    old, new = changes(before, snapshot(offer, OFFER_FIELDS))
    audit_log(actor=actor, obj=offer, action=Audit.OFFER_SAVED, old=old, new=new)
    return offer


@transaction.atomic
def shift_add(*, offer: Offer, actor, label: str, starts_at, ends_at, capacity: int) -> Shift:
    _deny(can_edit_offer(actor, offer))
    if offer.kind != OfferKind.EVENT:
        raise ApplicationError(_("Dyżury mają tylko oferty na wydarzeniu."))
    if ends_at <= starts_at:
        raise ApplicationError(_("Dyżur musi kończyć się po początku."), field="ends_at")
    limit = centre_settings_cached(offer.centre)["volunteers.max_capacity"]
    if not capacity or capacity > limit:
        raise ApplicationError(_("Liczba miejsc: od 1 do %(max)s.") % {"max": limit}, field="capacity")
    shift = Shift(
        centre=offer.centre,
        offer=offer,
        label=label.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
    )
    full_clean_or_raise(shift)
    shift.save()
    audit_log(
        actor=actor, obj=offer, action=Audit.SHIFT_SAVED, new={"shift": shift.label, "capacity": capacity}
    )
    return shift


@transaction.atomic
def application_create(
    *,
    offer: Offer,
    volunteer: Volunteer,
    actor,
    shift: Shift | None = None,
    message: str = "",
    introduced=False,
) -> Application:
    """The volunteer applies (or the coordinator introduces them: `introduced`); the host gets a mail."""
    _deny(can_introduce(actor, offer.centre) if introduced else is_volunteer_of(actor, volunteer))
    if offer.status != OfferStatus.PUBLISHED:
        raise ApplicationError(_("Ta oferta nie przyjmuje teraz zgłoszeń."))
    if offer.has_shifts and shift is None:
        raise ApplicationError(_("Wybierz dyżur."), field="shift")
    if shift is not None and shift.offer_id != offer.pk:
        raise ApplicationError(_("Wybierz dyżur tej oferty."), field="shift")
    place = shift or offer
    if place.free_places <= 0:
        raise ApplicationError(_("Nie ma już wolnych miejsc."))
    today = warsaw_today()
    minor = volunteer.age_on(today) < centre_settings_cached(offer.centre)["volunteers.adult_age"]
    if minor and not offer.for_minors:
        raise ApplicationError(_("Ta oferta nie jest przeznaczona dla osób niepełnoletnich."))
    if offer.ends_on is not None and offer.ends_on < today:
        raise ApplicationError(_("Ta oferta już się skończyła."))
    application = Application(
        centre=offer.centre,
        offer=offer,
        shift=shift,
        volunteer=volunteer,
        message=message.strip(),
        introduced=introduced,
    )
    full_clean_or_raise(application)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:
        raise ApplicationError(_("To zgłoszenie już jest – zajrzyj do swoich zgłoszeń.")) from exc
    audit_log(
        actor=actor,
        obj=application,
        action=Audit.INTRODUCED if introduced else Audit.APPLIED,
        new={"offer": offer.pk, "shift": shift.pk if shift else None},
    )
    context = {"application": application}
    outbox_enqueue(
        centre=offer.centre,
        to=host_addresses(offer.host),
        template="volunteers/emails/applied_to_host",
        context=context,
    )
    if introduced:
        outbox_enqueue(
            centre=offer.centre,
            to=[volunteer.user.email],
            template="volunteers/emails/introduced_to_volunteer",
            context=context,
        )
    return application


def _next_agreement_number(centre: Centre, year: int) -> str:
    count = Agreement.objects.filter(centre=centre, number__startswith=f"POR/{year}/").count()
    return f"POR/{year}/{count + 1:04d}"


@transaction.atomic
def agreement_save(*, application: Application, actor, data: dict) -> Agreement:
    """The host draws up the agreement; the rules of DOMAIN §7 decide what it may be (see `rules.py`)."""
    _deny(can_make_agreement(actor, application))
    application = Application.objects.select_for_update().select_related("volunteer").get(pk=application.pk)
    if application.status != ApplicationStatus.ACCEPTED:
        raise ApplicationError(_("Porozumienie zawiera się z przyjętym wolontariuszem."))
    agreement = getattr(application, "agreement", None) or Agreement(
        centre=application.centre, application=application, created_by=actor
    )
    before = snapshot(agreement, AGREEMENT_FIELDS) if agreement.pk else {}
    for name in AGREEMENT_FIELDS:
        if name in data:
            setattr(agreement, name, data[name].strip() if isinstance(data[name], str) else data[name])
    for name in ("scope", "manner", "termination"):
        if not getattr(agreement, name):
            raise ApplicationError(_("To pole jest wymagane."), field=name)
    terms = rules.AgreementTerms(
        starts_on=agreement.starts_on,
        ends_on=agreement.ends_on,
        written_form=agreement.written_form,
        travel_costs_waived=agreement.travel_costs_waived,
    )
    agreement.insurance_flagged = rules.check_agreement(
        terms, volunteer=application.volunteer, settings=centre_settings_cached(application.centre)
    )
    if (
        agreement.pk
        and agreement.hours.exclude(status=HoursStatus.REJECTED)
        .exclude(
            day__gte=agreement.starts_on, **({"day__lte": agreement.ends_on} if agreement.ends_on else {})
        )
        .exists()
    ):
        raise ApplicationError(_("Wpisane godziny wypadłyby poza czas porozumienia."), field="starts_on")
    if not agreement.number:
        agreement.number = _next_agreement_number(application.centre, agreement.starts_on.year)
    full_clean_or_raise(agreement)
    agreement.save()
    old, new = changes(before, snapshot(agreement, AGREEMENT_FIELDS))
    audit_log(actor=actor, obj=agreement, action=Audit.AGREEMENT_SAVED, old=old, new=new)
    return agreement


@transaction.atomic
def opinion_save(*, agreement: Agreement, actor, opinion: str) -> Agreement:
    _deny(can_manage_host(actor, agreement.application.offer.host))
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    old = agreement.opinion
    agreement.opinion = opinion.strip()
    full_clean_or_raise(agreement)
    agreement.save(update_fields=["opinion"])
    audit_log(
        actor=actor,
        obj=agreement,
        action=Audit.OPINION_SAVED,
        old={"opinion": old},
        new={"opinion": agreement.opinion},
    )
    return agreement


@transaction.atomic
def hours_log(*, agreement: Agreement, actor, day, hours: Decimal, description: str) -> HoursEntry:
    """The volunteer logs hours: only within the agreement's dates, never ahead, and up to a daily maximum."""
    _deny(can_log_hours(actor, agreement))
    # Locks the agreement so two entries for one day cannot both pass the daily maximum.
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if not description.strip():
        raise ApplicationError(_("Napisz krótko, co zostało zrobione."), field="description")
    already = (
        agreement.hours.filter(day=day).exclude(status=HoursStatus.REJECTED).aggregate(s=Sum("hours"))["s"]
    )
    rules.check_hours(
        agreement=agreement,
        day=day,
        hours=hours,
        already=already or Decimal("0"),
        today=warsaw_today(),
        max_per_day=centre_settings_cached(agreement.centre)["volunteers.max_hours_per_day"],
    )
    entry = HoursEntry(
        centre=agreement.centre, agreement=agreement, day=day, hours=hours, description=description.strip()
    )
    full_clean_or_raise(entry)
    entry.save()
    audit_log(actor=actor, obj=entry, action=Audit.HOURS_LOGGED, new={"day": day, "hours": hours})
    return entry


@transaction.atomic
def abroad_page_save(*, centre: Centre, actor, data: dict, page: AbroadPage | None = None) -> AbroadPage:
    _deny(can_edit_abroad(actor, centre))
    page = (
        AbroadPage.objects.select_for_update().get(pk=page.pk)
        if page is not None
        else AbroadPage(centre=centre)
    )
    fields = ["title", "body", "links", "position", "published"]
    before = snapshot(page, fields) if page.pk else {}
    for name in fields:
        if name in data:
            setattr(page, name, data[name].strip() if isinstance(data[name], str) else data[name])
    page.body = clean_html(page.body)
    if not page.body:
        raise ApplicationError(_("Napisz treść strony."), field="body")
    for link in page.link_list():
        if not link.startswith(("https://", "http://")):
            raise ApplicationError(_("Każdy odnośnik zaczyna się od https:// lub http://."), field="links")
    full_clean_or_raise(page)
    page.save()
    old, new = changes(before, snapshot(page, fields))
    audit_log(actor=actor, obj=page, action=Audit.ABROAD_SAVED, old=old, new=new)
    return page


def offers_close_ended(*, centre: Centre) -> int:
    """The system closes published offers whose last day has passed (the workflow's `close`, system allowed)."""
    from centrum.core.workflow import workflow_apply

    from .workflows import OFFER_STATUS

    closed = 0
    for offer in Offer.objects.filter(
        centre=centre, status=OfferStatus.PUBLISHED, ends_on__lt=warsaw_today()
    ):
        try:
            workflow_apply(obj=offer, action="close", actor=None, workflow=OFFER_STATUS)
        except ApplicationError:
            continue
        closed += 1
    return closed
