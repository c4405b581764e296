"""Writes of kinds, consultations, their draft's units and versions, and the jobs that open and close them."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.crossrefs import subject_units
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import workflow_apply

from ..audit_labels import ConsultationsAudit as Audit
from ..choices import ConsultationStatus, ConsultedGroup, UnitLevel
from ..drafting import ParsedUnit, split_draft
from ..models import Consultation, ConsultationKind, Unit
from ..permissions import can_manage_consultation, can_manage_consultations

KIND_FIELDS = [
    "name",
    "legal_basis",
    "resolution",
    "resolution_url",
    "commenters",
    "min_days",
    "comments_public_at_once",
    "report_days",
    "allows_written",
    "allows_meeting",
    "allows_survey",
    "active",
]
CONSULTATION_FIELDS = [
    "kind",
    "title",
    "description",
    "subject_ref",
    "consulted_group",
    "starts_on",
    "ends_on",
    "form_written",
    "form_meeting",
    "form_survey",
    "survey_url",
    "meeting_room",
    "meeting_starts_at",
    "meeting_ends_at",
    "bip_published_on",
    "bip_url",
]
EDITABLE_STATUSES = (ConsultationStatus.DRAFT, ConsultationStatus.OPEN)


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))


@transaction.atomic
def kind_save(*, centre: Centre, actor, data: dict, kind: ConsultationKind | None = None) -> ConsultationKind:
    _refuse_unless(can_manage_consultations(actor, centre))
    kind = kind or ConsultationKind(centre=centre)
    before = snapshot(kind, KIND_FIELDS) if kind.pk else {}
    for name in KIND_FIELDS:
        if name in data:
            setattr(kind, name, data[name])
    full_clean_or_raise(kind)
    kind.save()
    old, new = changes(before, snapshot(kind, KIND_FIELDS))
    if new:
        audit_log(actor=actor, obj=kind, action=Audit.KIND_SAVED, old=old, new=new)
    return kind


def _check_forms(consultation: Consultation, areas) -> None:
    kind = consultation.kind
    if not (consultation.form_written or consultation.form_meeting or consultation.form_survey):
        raise ApplicationError(_("Wybierz co najmniej jedną formę konsultacji."), field="form_written")
    for used, allowed, field in (
        (consultation.form_written, kind.allows_written, "form_written"),
        (consultation.form_meeting, kind.allows_meeting, "form_meeting"),
        (consultation.form_survey, kind.allows_survey, "form_survey"),
    ):
        if used and not allowed:
            raise ApplicationError(_("Ten rodzaj konsultacji nie przewiduje tej formy."), field=field)
    if consultation.form_survey and not consultation.survey_url:
        raise ApplicationError(_("Podaj adres ankiety."), field="survey_url")
    if consultation.consulted_group == ConsultedGroup.FIELDS and not areas:
        raise ApplicationError(_("Wybierz sfery działalności konsultowanych organizacji."), field="areas")
    if consultation.consulted_group == ConsultedGroup.RESIDENTS and not kind.admits_residents:
        raise ApplicationError(_("Ten rodzaj konsultacji nie obejmuje mieszkańców."), field="consulted_group")
    if consultation.consulted_group != ConsultedGroup.RESIDENTS and not kind.admits_organisations:
        raise ApplicationError(
            _("Ten rodzaj konsultacji obejmuje tylko mieszkańców."), field="consulted_group"
        )
    if consultation.form_meeting:
        if consultation.meeting_room is None:
            raise ApplicationError(_("Wybierz salę spotkania konsultacyjnego."), field="meeting_room")
        if not consultation.meeting_starts_at or not consultation.meeting_ends_at:
            raise ApplicationError(_("Podaj początek i koniec spotkania."), field="meeting_starts_at")
        if consultation.meeting_ends_at <= consultation.meeting_starts_at:
            raise ApplicationError(
                _("Koniec spotkania musi być później niż początek."), field="meeting_ends_at"
            )
        day = timezone.localtime(consultation.meeting_starts_at).date()
        if not consultation.starts_on <= day <= consultation.ends_on:
            raise ApplicationError(_("Spotkanie odbywa się w czasie konsultacji."), field="meeting_starts_at")
    else:
        consultation.meeting_room = consultation.meeting_starts_at = consultation.meeting_ends_at = None


def _meeting_changed(before: dict, consultation: Consultation) -> bool:
    now = snapshot(consultation, ["meeting_room", "meeting_starts_at", "meeting_ends_at", "form_meeting"])
    return any(before.get(k) != v for k, v in now.items())


def _book_meeting(consultation: Consultation, actor) -> None:
    """The meeting's room is booked through the rooms app (conflicts refused by its rules)."""
    from centrum.spaces.choices import BookingKind
    from centrum.spaces.services import booking_cancel, booking_request

    old = consultation.meeting_booking
    if old is not None and old.status in ("pending", "approved") and old.starts_at > timezone.now():
        booking_cancel(booking=old, actor=actor, reason=_("Zmiana terminu spotkania konsultacyjnego."))
    consultation.meeting_booking = None
    if consultation.form_meeting and consultation.meeting_room is not None:
        consultation.meeting_booking = booking_request(
            room=consultation.meeting_room,
            actor=actor,
            organisation=None,
            starts_at=consultation.meeting_starts_at,
            ends_at=consultation.meeting_ends_at,
            title=consultation.title[:200],
            purpose=str(_("Spotkanie konsultacyjne")),
            kind=BookingKind.CENTRE,
        )[0]


@transaction.atomic
def consultation_save(
    *, centre: Centre, actor, data: dict, areas=(), consultation: Consultation | None = None
) -> Consultation:
    """Create or change a consultation (a draft, or an open one's dates, BIP record and meeting)."""
    _refuse_unless(can_manage_consultations(actor, centre))
    creating = consultation is None
    if creating:
        consultation = Consultation(centre=centre, created_by=actor if getattr(actor, "pk", None) else None)
    else:
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk, centre=centre)
        if consultation.status not in EDITABLE_STATUSES:
            raise ApplicationError(_("Zakończonych konsultacji nie zmienia się."))
    before = snapshot(consultation, CONSULTATION_FIELDS) if not creating else {}
    meeting_before = snapshot(
        consultation, ["meeting_room", "meeting_starts_at", "meeting_ends_at", "form_meeting"]
    )
    for name in CONSULTATION_FIELDS:
        if name in data:
            setattr(consultation, name, data[name])
    if consultation.kind_id and consultation.kind.centre_id != centre.pk:
        raise ApplicationError(_("Wybierz rodzaj konsultacji."), field="kind")
    if consultation.status == ConsultationStatus.OPEN and consultation.ends_on < warsaw_today():
        raise ApplicationError(_("Koniec konsultacji nie może być w przeszłości."), field="ends_on")
    full_clean_or_raise(consultation)
    _check_forms(consultation, list(areas))
    if creating or _meeting_changed(meeting_before, consultation):
        _book_meeting(consultation, actor)
    consultation.save()
    consultation.areas.set(areas if consultation.consulted_group == ConsultedGroup.FIELDS else [])
    if creating:
        audit_log(
            actor=actor,
            obj=consultation,
            action=Audit.CONSULTATION_CREATED,
            new=snapshot(consultation, CONSULTATION_FIELDS),
        )
    else:
        old, new = changes(before, snapshot(consultation, CONSULTATION_FIELDS))
        if new:
            audit_log(actor=actor, obj=consultation, action=Audit.CONSULTATION_UPDATED, old=old, new=new)
    return consultation


def _editable_draft(consultation: Consultation, actor) -> Consultation:
    _refuse_unless(can_manage_consultation(actor, consultation))
    locked = Consultation.objects.select_for_update().get(
        pk=consultation.pk, centre_id=consultation.centre_id
    )
    if locked.status != ConsultationStatus.DRAFT:
        raise ApplicationError(
            _("Treść projektu zmienia się przed konsultacjami albo w nowej wersji po nich.")
        )
    return locked


def _next_position(consultation: Consultation) -> int:
    last = consultation.units.filter(version=consultation.version).order_by("-position").first()
    return (last.position + 1) if last else 1


@transaction.atomic
def unit_add(
    *, consultation: Consultation, actor, number: str, text: str, heading: str = "", level: int = 1
) -> Unit:
    consultation = _editable_draft(consultation, actor)
    unit = Unit(
        centre_id=consultation.centre_id,
        consultation=consultation,
        version=consultation.version,
        position=_next_position(consultation),
        level=level,
        number=number.strip(),
        heading=heading.strip(),
        text=text.strip(),
    )
    if not unit.number and not unit.text:
        raise ApplicationError(_("Podaj oznaczenie i treść jednostki."), field="number")
    full_clean_or_raise(unit)
    unit.save()
    audit_log(actor=actor, obj=consultation, action=Audit.UNITS_CHANGED, new={"added": unit.number})
    return unit


def _store_units(consultation: Consultation, parsed, *, replace: bool) -> int:
    if replace:
        consultation.units.filter(version=consultation.version).delete()
    position = _next_position(consultation)
    units = []
    for offset, item in enumerate(parsed):
        unit = Unit(
            centre_id=consultation.centre_id,
            consultation=consultation,
            version=consultation.version,
            position=position + offset,
            level=item.level,
            number=(item.number or "")[:40],
            heading=(item.heading or "")[:300],
            text=item.text,
        )
        full_clean_or_raise(unit)
        units.append(unit)
    Unit.objects.bulk_create(units)
    return len(units)


@transaction.atomic
def units_paste(*, consultation: Consultation, actor, text: str, replace: bool = False) -> int:
    """Split pasted text on "Rozdział", "§", sections and points and store the units."""
    consultation = _editable_draft(consultation, actor)
    if "\x00" in (text or ""):
        raise ApplicationError(_("Tekst zawiera niedozwolone znaki."), field="text")
    parsed = split_draft(text)
    if not parsed:
        raise ApplicationError(_("Wklej treść projektu."), field="text")
    count = _store_units(consultation, parsed, replace=replace)
    audit_log(actor=actor, obj=consultation, action=Audit.UNITS_CHANGED, new={"pasted": count})
    return count


@transaction.atomic
def units_import(*, consultation: Consultation, actor) -> int:
    """Take the units of the consulted document (a programme draft, say) in place of the current ones."""
    consultation = _editable_draft(consultation, actor)
    if not consultation.subject_ref:
        raise ApplicationError(_("Konsultacje nie mają wskazanego dokumentu."))
    # The seam numbers levels 0 chapter, 1 paragraph, 2 point; our units also know sections.
    levels = {0: UnitLevel.CHAPTER, 1: UnitLevel.PARAGRAPH, 2: UnitLevel.POINT}
    parsed = [
        ParsedUnit(
            number=u.number, level=levels.get(u.level, UnitLevel.PARAGRAPH), heading=u.heading, text=u.text
        )
        for u in subject_units(consultation.centre, consultation.subject_ref)
    ]
    if not parsed:
        raise ApplicationError(_("Wskazany dokument nie ma treści do przeniesienia."))
    count = _store_units(consultation, parsed, replace=True)
    audit_log(actor=actor, obj=consultation, action=Audit.UNITS_CHANGED, new={"imported": count})
    return count


@transaction.atomic
def unit_remove(*, unit: Unit, actor) -> None:
    consultation = _editable_draft(unit.consultation, actor)
    audit_log(actor=actor, obj=consultation, action=Audit.UNITS_CHANGED, old={"removed": unit.number})
    unit.delete()


@transaction.atomic
def version_create(*, consultation: Consultation, actor) -> Consultation:
    """The draft's next version: every unit copied, each remembering the one it continues. The version the
    person saw (`consultation.version`) must still be the newest: a double click makes one version."""
    _refuse_unless(can_manage_consultation(actor, consultation))
    locked = Consultation.objects.select_for_update().get(
        pk=consultation.pk, centre_id=consultation.centre_id
    )
    if locked.version != consultation.version:
        raise ApplicationError(
            _("Ktoś właśnie przygotował wersję %(version)s projektu.") % {"version": locked.version}
        )
    if locked.status not in (ConsultationStatus.CLOSED, ConsultationStatus.ANSWERED):
        raise ApplicationError(_("Nową wersję projektu przygotowuje się po zakończeniu konsultacji."))
    current = list(locked.units.filter(version=locked.version).order_by("position", "id"))
    locked.version += 1
    Unit.objects.bulk_create(
        Unit(
            centre_id=locked.centre_id,
            consultation=locked,
            version=locked.version,
            position=unit.position,
            level=unit.level,
            number=unit.number,
            heading=unit.heading,
            text=unit.text,
            previous=unit,
        )
        for unit in current
    )
    locked.save(update_fields=["version", "updated_at"])
    audit_log(actor=actor, obj=locked, action=Audit.VERSION_CREATED, new={"version": locked.version})
    return locked


@transaction.atomic
def unit_revise(*, unit: Unit, actor, text: str, comments=(), note: str = "") -> Unit:
    """Change a unit of the newest version, recording which comments led to the change."""
    consultation = unit.consultation
    _refuse_unless(can_manage_consultation(actor, consultation))
    locked = Consultation.objects.select_for_update().get(
        pk=consultation.pk, centre_id=consultation.centre_id
    )
    if locked.version < 2 or unit.version != locked.version or locked.status == ConsultationStatus.REPORTED:
        raise ApplicationError(_("Zmienia się tylko najnowszą wersję projektu, przed sprawozdaniem."))
    comments = list(comments)
    if any(c.consultation_id != locked.pk for c in comments):
        raise ApplicationError(_("Wybierz uwagi z tych konsultacji."), field="comments")
    old_text = unit.text
    unit.text, unit.change_note = text.strip(), note.strip()
    full_clean_or_raise(unit)
    unit.save()
    unit.changed_by.set(comments)
    audit_log(
        actor=actor,
        obj=locked,
        action=Audit.UNITS_CHANGED,
        old={unit.number: old_text},
        new={unit.number: unit.text, "comments": [c.pk for c in comments]},
    )
    return unit


def consultations_open_due(*, centre: Centre) -> int:
    """Open the drafts whose first day has come (the job); a draft without text waits for staff."""
    today, opened = warsaw_today(), 0
    for consultation in Consultation.objects.filter(
        centre=centre, status=ConsultationStatus.DRAFT, starts_on__lte=today, ends_on__gte=today
    ):
        if consultation.units.filter(version=consultation.version).exists():
            workflow_apply(row=consultation, action="open", actor=None)
            opened += 1
    return opened


def consultations_close_due(*, centre: Centre) -> int:
    today, closed = warsaw_today(), 0
    for consultation in Consultation.objects.filter(
        centre=centre, status=ConsultationStatus.OPEN, ends_on__lt=today
    ):
        workflow_apply(row=consultation, action="close", actor=None)
        closed += 1
    return closed


@transaction.atomic
def reports_remind(*, centre: Centre) -> int:
    """Whoever runs a closed consultation is reminded, once, that its report is due: the kind's days after
    the end, `consultations.report_remind_days` ahead (or at once where the day is nearer or past)."""
    today = warsaw_today()
    ahead = timedelta(days=centre_setting(centre, "consultations.report_remind_days"))
    waiting = (
        Consultation.objects.select_for_update(of=("self",))
        .filter(
            centre=centre,
            status__in=(ConsultationStatus.CLOSED, ConsultationStatus.ANSWERED),
            report_reminded_on__isnull=True,
        )
        .select_related("kind", "created_by", "centre")
    )
    sent = 0
    for consultation in waiting:
        if consultation.report_due_on - ahead > today:
            continue
        to = [
            address
            for address in dict.fromkeys(
                [getattr(consultation.created_by, "email", "") or "", centre.email or ""]
            )
            if address
        ]
        if to:
            outbox_enqueue(
                centre=centre,
                to=to,
                template="consultations/emails/report_due_to_officer",
                context={"consultation": consultation, "overdue": consultation.report_due_on < today},
            )
            sent += 1
        consultation.report_reminded_on = today
        consultation.save(update_fields=["report_reminded_on", "updated_at"])
    return sent


@transaction.atomic
def kinds_ensure_defaults(*, centre: Centre, actor=None) -> int:
    """The three kinds a centre starts with, added once (a centre that has any kind keeps its own)."""
    from ..catalogue import DEFAULT_KINDS

    if actor is not None:
        _refuse_unless(can_manage_consultations(actor, centre))
    if ConsultationKind.objects.filter(centre=centre).exists():
        return 0
    for row in DEFAULT_KINDS:
        kind = ConsultationKind(
            centre=centre, **{**row, "name": _(row["name"]), "legal_basis": _(row["legal_basis"])}
        )
        full_clean_or_raise(kind)
        kind.save()
        audit_log(actor=actor, obj=kind, action=Audit.KIND_SAVED, new=snapshot(kind, KIND_FIELDS))
    return len(DEFAULT_KINDS)
