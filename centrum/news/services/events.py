"""Events of the local calendar: organisations', the centre's and public bodies'; an event ending before it
starts is refused."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.richtext import clean_html

from ..audit_labels import NewsAudit
from ..choices import Accessibility, OrganiserKind
from ..models import Event
from ..permissions import can_edit, can_moderate
from .common import check_submitter, clean_text, publish_if_staff, submitted_stamps

FIELDS = [
    "title", "description", "organiser_kind", "organiser_name", "organisation", "place", "starts_at",
    "ends_at", "audience", "accessibility", "accessibility_notes", "registration_url", "price",
]  # fmt: skip
TEXTS = ["title", "organiser_name", "place", "audience", "accessibility_notes", "registration_url"]


def _fill(event: Event, data: dict, *, actor) -> None:
    for name in TEXTS:
        if name in data:
            setattr(event, name, clean_text(data[name]))
    if "description" in data:
        event.description = clean_html(data["description"] or "")
    for name in ("starts_at", "ends_at", "price"):
        if name in data:
            setattr(event, name, data[name])
    if "organiser_kind" in data:
        event.organiser_kind = data["organiser_kind"]
    if "accessibility" in data:
        known = set(Accessibility.values)
        event.accessibility = [
            code for code in Accessibility.values if code in set(data["accessibility"] or ())
        ]
        if set(data["accessibility"] or ()) - known:
            raise ApplicationError(_("Wybierz udogodnienia z listy."), field="accessibility")
    if not event.title:
        raise ApplicationError(_("Podaj tytuł."), field="title")
    if not event.place:
        raise ApplicationError(_("Podaj miejsce wydarzenia."), field="place")
    if event.starts_at is None or event.ends_at is None:
        raise ApplicationError(_("Podaj początek i koniec wydarzenia."), field="starts_at")
    if event.ends_at < event.starts_at:
        raise ApplicationError(_("Wydarzenie nie może skończyć się przed początkiem."), field="ends_at")
    if event.price is not None and event.price < Decimal("0"):
        raise ApplicationError(_("Cena nie może być ujemna."), field="price")
    if event.organiser_kind != OrganiserKind.ORGANISATION and not can_moderate(actor, event.centre):
        raise ApplicationError(
            _("Wydarzenia centrum i instytucji publicznych dodają pracownicy centrum."),
            field="organiser_kind",
        )
    if event.organiser_kind == OrganiserKind.ORGANISATION and event.organisation_id is None:
        raise ApplicationError(_("Wybierz organizację – organizatora."), field="organisation")
    if event.organiser_kind == OrganiserKind.PUBLIC_BODY and not event.organiser_name:
        raise ApplicationError(_("Podaj nazwę instytucji – organizatora."), field="organiser_name")


@transaction.atomic
def event_create(*, centre: Centre, actor, organisation=None, **data) -> Event:
    check_submitter(centre=centre, actor=actor, organisation=organisation)
    event = Event(centre=centre, organisation=organisation, author=actor)
    _fill(event, data, actor=actor)
    submitted_stamps(event)
    full_clean_or_raise(event)
    event.save()
    audit_log(actor=actor, obj=event, action=NewsAudit.EVENT_CREATED, new=snapshot(event, FIELDS))
    publish_if_staff(item=event, actor=actor)
    return event


@transaction.atomic
def event_update(*, event: Event, actor, **data) -> Event:
    if not can_edit(actor, event):
        raise ApplicationError(_("Nie możesz już zmienić tego wpisu."))
    locked = Event.objects.select_for_update().get(pk=event.pk, centre=event.centre)
    if locked.status != event.status:
        raise ApplicationError(_("Ktoś właśnie zmienił ten wpis. Odśwież stronę."))
    before = snapshot(locked, FIELDS)
    if "organisation" in data:
        organisation = data.pop("organisation")
        if organisation != locked.organisation:
            check_submitter(centre=locked.centre, actor=actor, organisation=organisation)
        locked.organisation = organisation
    _fill(locked, data, actor=actor)
    full_clean_or_raise(locked)
    locked.save()
    old, new = changes(before, snapshot(locked, FIELDS))
    if new:
        audit_log(actor=actor, obj=locked, action=NewsAudit.EVENT_UPDATED, old=old, new=new)
    return locked
