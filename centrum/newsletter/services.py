"""Writes: keyword-only, atomic, permission checked again, validated, audited. Mail goes through the outbox:
one rendered message per address, stored in chunks (`outbox_enqueue_many`) so thousands of recipients keep
memory flat."""

import html as htmllib
import re
from datetime import datetime, timedelta

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import Min, Q
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.links import centre_url
from centrum.core.models import Centre
from centrum.core.outbox import RenderedMail, outbox_enqueue, outbox_enqueue_many
from centrum.core.richtext import clean_html
from centrum.core.signed_links import read_signed_token, signed_token
from centrum.core.uploads import scan_validate
from centrum.core.workflow import workflow_apply
from centrum.organisations.selectors import activity_area_list, district_list

from .audit_labels import NewsletterAudit as Audit
from .choices import AnnouncementStatus, Frequency, OppFilter, SubscriberStatus
from .models import (
    Announcement,
    AnnouncementOptOut,
    AnnouncementRecipient,
    Subscriber,
    Subscription,
    new_secret,
)
from .permissions import can_edit_announcement, can_manage_newsletter
from .selectors import mailing_rows, subscriber_by_email, topics_for

CONFIRM, MANAGE, UNSUBSCRIBE, ATTACHMENT, STOP = (
    "newsletter.confirm",
    "newsletter.manage",
    "newsletter.unsubscribe",
    "newsletter.attachment",
    "newsletter.announcements_stop",
)
_STOP_SLOT = "@@stop-url@@"  # the body is rendered once per batch; each recipient's own link goes here
ANNOUNCEMENT_FIELDS = ["subject", "body", "legal_forms", "opp", "attachment_name"]
CHUNK = 1000


# --- announcements ------------------------------------------------------------------------------------


def _selection_clean(centre: Centre, data: dict) -> dict:
    """The filters of a selection checked against the catalogue and this centre's districts."""
    from centrum.organisations.choices import LegalForm

    areas = set(data.get("areas") or ())
    known_areas = {a.code: a for a in activity_area_list() if a.code in areas}
    districts = {d.pk: d for d in district_list(centre=centre) if d.pk in set(data.get("districts") or ())}
    if len(known_areas) != len(areas):
        raise ApplicationError(_("Wybierz sfery działalności z listy."), field="areas")
    if len(districts) != len(set(data.get("districts") or ())):
        raise ApplicationError(_("Wybierz dzielnice z listy."), field="districts")
    legal_forms = sorted(set(data.get("legal_forms") or ()))
    if any(form not in LegalForm.values for form in legal_forms):
        raise ApplicationError(_("Wybierz formy prawne z listy."), field="legal_forms")
    opp = data.get("opp") or ""
    if opp not in OppFilter.values:
        raise ApplicationError(_("Wybierz status OPP z listy."), field="opp")
    return {
        "areas": list(known_areas.values()),
        "districts": list(districts.values()),
        "legal_forms": legal_forms,
        "opp": opp,
    }


def _apply(announcement: Announcement, centre: Centre, data: dict) -> tuple[list, list]:
    selection = _selection_clean(centre, data)
    announcement.subject = " ".join((data.get("subject") or "").split())
    announcement.body = clean_html(data.get("body") or "")
    announcement.legal_forms = selection["legal_forms"]
    announcement.opp = selection["opp"]
    if not announcement.subject:
        raise ApplicationError(_("Podaj temat komunikatu."), field="subject")
    if not announcement.body:
        raise ApplicationError(_("Napisz treść komunikatu."), field="body")
    upload = data.get("attachment")
    if upload:
        max_bytes = centre_setting(centre, "newsletter.attachment_max_mb") * 1024 * 1024
        extension = scan_validate(upload, max_bytes=max_bytes, field="attachment")
        announcement.attachment_name = (upload.name or f"zalacznik.{extension}")[-255:]
        upload.name = f"zalacznik.{extension}"  # never a name or an extension the sender chose
        announcement.attachment = upload
    elif data.get("remove_attachment"):
        announcement.attachment = ""
        announcement.attachment_name = ""
    return selection["areas"], selection["districts"]


def _snapshot(announcement: Announcement, areas=None, districts=None) -> dict:
    data = snapshot(announcement, ANNOUNCEMENT_FIELDS)
    data["areas"] = sorted(a.code for a in (areas if areas is not None else announcement.areas.all()))
    data["districts"] = sorted(
        d.pk for d in (districts if districts is not None else announcement.districts.all())
    )
    return data


@transaction.atomic
def announcement_create(*, centre: Centre, actor, data: dict) -> Announcement:
    if not can_manage_newsletter(actor, centre):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    announcement = Announcement(centre=centre, created_by=actor)
    areas, districts = _apply(announcement, centre, data)
    full_clean_or_raise(announcement)
    announcement.save()
    announcement.areas.set(areas)
    announcement.districts.set(districts)
    audit_log(
        actor=actor,
        obj=announcement,
        action=Audit.ANNOUNCEMENT_CREATED,
        new=_snapshot(announcement, areas, districts),
    )
    return announcement


@transaction.atomic
def announcement_update(*, announcement: Announcement, actor, data: dict) -> Announcement:
    if not can_edit_announcement(actor, announcement):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    locked = Announcement.objects.select_for_update().get(pk=announcement.pk, centre=announcement.centre)
    if locked.status != AnnouncementStatus.DRAFT:
        raise ApplicationError(
            _("Zmieniać można tylko szkic – ten komunikat jest już w wysyłce lub wysłany.")
        )
    before = _snapshot(locked)
    areas, districts = _apply(locked, announcement.centre, data)
    full_clean_or_raise(locked)
    locked.save()
    locked.areas.set(areas)
    locked.districts.set(districts)
    old, new = changes(before, _snapshot(locked, areas, districts))
    if new:
        audit_log(actor=actor, obj=locked, action=Audit.ANNOUNCEMENT_UPDATED, old=old, new=new)
    return locked


def announcement_send(*, announcement: Announcement, actor) -> Announcement:
    """Staff send a draft now: the recipients are fixed at once, the mail leaves in batches (`deliver`)."""
    return workflow_apply(obj=announcement, action="send", actor=actor)


def announcement_schedule(*, announcement: Announcement, actor, when: datetime) -> Announcement:
    return workflow_apply(obj=announcement, action="schedule", actor=actor, values={"scheduled_for": when})


def recipients_build(*, announcement: Announcement) -> int:
    """One recipient row per address of the selection (organisations sharing an address share the row),
    written in chunks from a stream of the organisations: memory stays flat with any number of them."""
    count, chunk = 0, []
    current: AnnouncementRecipient | None = None
    for organisation_id, name, address in mailing_rows(announcement=announcement):
        if current is not None and current.email == address:
            names = f"{current.organisation_names}; {name}"
            current.organisation_names = names if len(names) <= 500 else names[:499] + "…"
            continue
        current = AnnouncementRecipient(
            centre_id=announcement.centre_id,
            announcement=announcement,
            email=address,
            organisation_id=organisation_id,
            organisation_names=name[:500],
        )
        chunk.append(current)
        count += 1
        if len(chunk) > CHUNK:  # keep the last one: the next organisation may share its address
            AnnouncementRecipient.objects.bulk_create(chunk[:-1])
            chunk = chunk[-1:]
    AnnouncementRecipient.objects.bulk_create(chunk)
    Announcement.objects.filter(pk=announcement.pk).update(recipient_count=count)
    announcement.recipient_count = count
    return count


def _render(template: str, context: dict, centre: Centre) -> tuple[str, str]:
    """Subject and body as `outbox_enqueue` renders them (prefixed with the centre's name)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(get_template(f"{template}_subject.txt").render(context).split())
        body = get_template(f"{template}.txt").render(context).strip() + "\n"
    return f"[{centre.short_name or centre.name}] {subject}", body


_BREAKS = re.compile(r"(?i)<br\s*/?>|</(p|li|h[2-4]|blockquote|tr|pre)>")


def plain_paragraphs(html: str) -> str:
    """Rich text as plain text for a mail: a paragraph, list item or line break per line, tags removed."""
    text = nh3.clean(_BREAKS.sub("\n", html or ""), tags=set())
    lines = [" ".join(line.split()) for line in htmllib.unescape(text).splitlines()]
    return "\n\n".join(line for line in lines if line)


def attachment_url(announcement: Announcement) -> str:
    if not announcement.attachment:
        return ""
    token = signed_token(ATTACHMENT, announcement.pk, version=str(announcement.created_at.timestamp()))
    return centre_url(announcement.centre, reverse("newsletter:attachment", args=[token]))


def announcement_from_attachment_token(*, centre: Centre, token: str) -> Announcement | None:
    pk, version = read_signed_token(ATTACHMENT, token)
    announcement = Announcement.objects.filter(centre=centre, pk=pk).exclude(attachment="").first()
    if announcement is None or str(announcement.created_at.timestamp()) != version:
        return None
    return announcement


def _link_messages(pairs: list[tuple[int, int]]) -> None:
    """Record which outbox message went to which recipient, in one UPDATE (a CASE over the ids, plain SQL
    that SQLite and PostgreSQL read alike): `bulk_update` builds the same statement but spends ~2 ms of
    Python per row on it, a minute for 20,000 addresses."""
    table = AnnouncementRecipient._meta.db_table
    cases = " ".join("WHEN %s THEN %s" for _pair in pairs)
    ids = ", ".join("%s" for _pair in pairs)
    params = [value for pair in pairs for value in pair] + [pk for pk, _message in pairs]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET message_id = CASE id {cases} END, queued = %s WHERE id IN ({ids})",  # noqa: S608
            params[: 2 * len(pairs)] + [True] + params[2 * len(pairs) :],
        )


def deliver_batch(*, announcement: Announcement, limit: int) -> int:
    """Hand the next `limit` recipients' mail to the outbox; returns how many. The announcement's row is
    locked, so two workers never queue the same recipients."""
    centre = announcement.centre
    with transaction.atomic():
        locked = Announcement.objects.select_for_update().filter(pk=announcement.pk, centre=centre).first()
        if locked is None or locked.status != AnnouncementStatus.SENDING:
            return 0
        rows = list(
            AnnouncementRecipient.objects.filter(announcement=locked, queued=False)
            .order_by("id")
            .values_list("id", "email")[:limit]
        )
        if not rows:
            return 0
        subject, body = _render(
            "newsletter/emails/announcement_to_organisation",
            {
                "centre": centre,
                "announcement": locked,
                "body_text": plain_paragraphs(locked.body),
                "attachment_url": attachment_url(locked),
                "stop_url": _STOP_SLOT,
            },
            centre,
        )
        base = centre_url(centre, "")

        def mail(pk: int, email: str) -> RenderedMail:
            stop = f"{base}{reverse('newsletter:stop', args=[signed_token(STOP, pk, version=email.lower())])}"
            return RenderedMail(
                to=email,
                subject=subject,
                body=body.replace(_STOP_SLOT, stop),
                event="announcement_to_organisation",
                headers={
                    "List-Unsubscribe": f"<{stop}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )

        mails = (mail(pk, email) for pk, email in rows)
        messages = outbox_enqueue_many(centre=centre, mails=mails, batch_size=limit)
        _link_messages([(pk, message.pk) for (pk, _email), message in zip(rows, messages, strict=True)])
    return len(rows)


def stop_address_from_token(*, centre: Centre, token: str) -> str | None:
    """The address an announcement's "no more announcements" link was sent to; None for a genuine link of
    no recipient of this centre (a 404); ApplicationError for a forged one."""
    pk, email = read_signed_token(STOP, token)
    recipient = AnnouncementRecipient.objects.filter(centre=centre, pk=pk).only("email").first()
    if recipient is None or recipient.email.lower() != email:
        return None
    return email


def announcements_stopped(*, centre: Centre, email: str) -> bool:
    return AnnouncementOptOut.objects.filter(centre=centre, email__iexact=email).exists()


@transaction.atomic
def announcements_stop(*, centre: Centre, email: str) -> None:
    """No more announcements to `email` (the person asked by the link in one): audited; idempotent, and two
    clicks at once store one row (the unique constraint)."""
    if announcements_stopped(centre=centre, email=email):
        return
    try:
        with transaction.atomic():
            optout = AnnouncementOptOut.objects.create(centre=centre, email=email)
    except IntegrityError:
        return  # the other click stored it
    audit_log(actor=None, obj=optout, action=Audit.ANNOUNCEMENTS_STOPPED, new={"email": email})


@transaction.atomic
def announcements_resume(*, centre: Centre, email: str) -> None:
    rows = list(AnnouncementOptOut.objects.filter(centre=centre, email__iexact=email))
    for optout in rows:
        audit_log(actor=None, obj=optout, action=Audit.ANNOUNCEMENTS_RESUMED, old={"email": optout.email})
        optout.delete()


def announcements_deliver(*, centre: Centre, now: datetime | None = None) -> dict[str, int]:
    """The job's work: start what is due, queue the next batch of every sending, close what is done."""
    now = now or timezone.now()
    limit = centre_setting(centre, "newsletter.batch_size")
    result = {"started": 0, "queued": 0, "finished": 0}
    due = Announcement.objects.filter(
        centre=centre, status=AnnouncementStatus.SCHEDULED, scheduled_for__lte=now
    )
    for announcement in due.order_by("scheduled_for", "id"):
        try:
            workflow_apply(row=announcement, action="start", actor=None)
            result["started"] += 1
        except ApplicationError:  # the selection emptied meanwhile: staff see it still scheduled
            continue
    sending = Announcement.objects.filter(centre=centre, status=AnnouncementStatus.SENDING).select_related(
        "centre"
    )
    for announcement in sending.order_by("send_started_at", "id"):
        queued = deliver_batch(announcement=announcement, limit=limit)
        result["queued"] += queued
        if queued < limit and not announcement.recipients.filter(queued=False).exists():
            workflow_apply(row=announcement, action="finish", actor=None)
            result["finished"] += 1
    return result


# --- subscriptions ------------------------------------------------------------------------------------


def subscriber_token(subscriber: Subscriber, purpose: str) -> str:
    return signed_token(purpose, subscriber.pk, version=subscriber.secret)


def subscriber_link(subscriber: Subscriber, purpose: str, *, base: str = "") -> str:
    """The absolute link; `base` (the centre's address, `centre_url(centre, "")`) saves a query per mail."""
    name = {
        CONFIRM: "newsletter:confirm",
        MANAGE: "newsletter:manage",
        UNSUBSCRIBE: "newsletter:unsubscribe",
    }[purpose]
    path = reverse(name, args=[subscriber_token(subscriber, purpose)])
    return f"{base}{path}" if base else centre_url(subscriber.centre, path)


def subscriber_from_token(*, centre: Centre, token: str, purpose: str) -> Subscriber | None:
    """The subscriber a mailed link names; None for a genuine link naming nobody of this centre (a 404);
    ApplicationError for a forged, expired or superseded link."""
    max_age = (
        timedelta(days=centre_setting(centre, "newsletter.confirm_link_days")) if purpose == CONFIRM else None
    )
    pk, version = read_signed_token(purpose, token, max_age=max_age)
    subscriber = Subscriber.objects.filter(centre=centre, pk=pk).first()
    if subscriber is not None and subscriber.secret != version:
        raise ApplicationError(_("Ten link już nie działa: wysłaliśmy nowszy."))
    return subscriber


def _topics_clean(centre: Centre, topics: dict[str, list[str]]) -> dict[str, list[str]]:
    known = {t.key: t for t in topics_for(centre=centre)}
    if not topics:
        raise ApplicationError(_("Wybierz co najmniej jeden temat."), field="topics")
    codes = set(activity_area_list().values_list("code", flat=True))
    cleaned = {}
    for key, fields in topics.items():
        if key not in known:
            raise ApplicationError(_("Wybierz tematy z listy."), field="topics")
        fields = sorted(set(fields or ())) if known[key].by_fields else []
        if any(code not in codes for code in fields):
            raise ApplicationError(_("Wybierz sfery działalności z listy."), field="areas")
        cleaned[key] = fields
    return cleaned


def _set_subscriptions(subscriber: Subscriber, topics: dict[str, list[str]]) -> None:
    Subscription.objects.filter(subscriber=subscriber).exclude(topic__in=list(topics)).delete()
    existing = {s.topic: s for s in Subscription.objects.filter(subscriber=subscriber)}
    for key, fields in topics.items():
        row = existing.get(key) or Subscription(centre=subscriber.centre, subscriber=subscriber, topic=key)
        row.fields = fields
        row.save()


def _mail(subscriber: Subscriber, template: str) -> None:
    outbox_enqueue(
        centre=subscriber.centre,
        to=subscriber.email,
        template=f"newsletter/emails/{template}",
        context={
            "subscriber": subscriber,
            "confirm_url": subscriber_link(subscriber, CONFIRM),
            "manage_url": subscriber_link(subscriber, MANAGE),
            "days": centre_setting(subscriber.centre, "newsletter.confirm_link_days"),
        },
    )


@transaction.atomic
def subscribe(
    *, centre: Centre, email: str, topics: dict[str, list[str]], frequency: str, actor=None
) -> Subscriber:
    """The public form. A new address (or one that left) waits for the confirmation mailed to it; an
    address already subscribed is not changed by whoever typed it: its owner gets a link to manage it."""
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ApplicationError(_("Podaj poprawny adres e-mail."), field="email") from exc
    if frequency not in Frequency.values:
        raise ApplicationError(_("Wybierz, jak często chcesz dostawać wiadomości."), field="frequency")
    topics = _topics_clean(centre, topics)
    subscriber = subscriber_by_email(centre=centre, email=email)
    if subscriber is not None:
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber is not None and subscriber.status == SubscriberStatus.ACTIVE:
        _mail(subscriber, "manage_to_subscriber")
        return subscriber
    if subscriber is None:
        subscriber = Subscriber(centre=centre, email=email, frequency=frequency)
        full_clean_or_raise(subscriber, validate_constraints=False)
        subscriber.save()
        audit_log(
            actor=actor, obj=subscriber, action=Audit.SUBSCRIBER_SUBSCRIBED, new={"topics": sorted(topics)}
        )
    else:
        if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            subscriber = workflow_apply(row=subscriber, action="resubscribe", actor=None)
        # A new confirmation voids the links mailed before.
        Subscriber.objects.filter(pk=subscriber.pk).update(secret=new_secret(), frequency=frequency)
        subscriber.refresh_from_db()
    _set_subscriptions(subscriber, topics)
    _mail(subscriber, "confirm_to_subscriber")
    return subscriber


def subscriber_confirm(*, subscriber: Subscriber) -> Subscriber:
    return workflow_apply(row=subscriber, action="confirm", actor=None)


def subscriber_unsubscribe(*, subscriber: Subscriber, actor=None) -> Subscriber:
    """By the signed link (actor None) or by staff on request; an address already off the list stays so."""
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return subscriber
    return workflow_apply(row=subscriber, action="unsubscribe", actor=actor)


@transaction.atomic
def subscriber_update(*, subscriber: Subscriber, topics: dict[str, list[str]], frequency: str) -> Subscriber:
    """The person's own settings, through the signed link."""
    locked = Subscriber.objects.select_for_update().get(pk=subscriber.pk, centre=subscriber.centre)
    if locked.status == SubscriberStatus.UNSUBSCRIBED:
        raise ApplicationError(_("Ten adres jest wypisany – zapisz się ponownie w formularzu."))
    if frequency not in Frequency.values:
        raise ApplicationError(_("Wybierz, jak często chcesz dostawać wiadomości."), field="frequency")
    topics = _topics_clean(locked.centre, topics)
    before = {
        "frequency": locked.frequency,
        "topics": sorted(Subscription.objects.filter(subscriber=locked).values_list("topic", flat=True)),
    }
    locked.frequency = frequency
    locked.save(update_fields=["frequency", "updated_at"])
    _set_subscriptions(locked, topics)
    old, new = changes(before, {"frequency": frequency, "topics": sorted(topics)})
    if new:
        audit_log(actor=None, obj=locked, action=Audit.SUBSCRIBER_CHANGED, old=old, new=new)
    return locked


# --- digests ------------------------------------------------------------------------------------------


def _wanted(item, since, fields: list[str]) -> bool:
    if item.published_at < since:
        return False
    return not fields or not item.fields or bool(set(item.fields) & set(fields))


def digests_send(*, centre: Centre, now: datetime | None = None) -> dict[str, int]:
    """Mail each subscriber whose turn it is the items of their topics published since their last mail.

    Each topic is asked once per run (for the earliest moment any due subscriber needs), never per
    subscriber; subscribers are streamed and their mail stored in chunks. Subscribers who get the same
    items share one rendering of them: only the links (their own, signed) differ."""
    now = now or timezone.now()
    each = now - timedelta(hours=centre_setting(centre, "newsletter.each_hours"))
    weekly = now - timedelta(days=centre_setting(centre, "newsletter.digest_days"))
    due = Subscriber.objects.filter(centre=centre, status=SubscriberStatus.ACTIVE).filter(
        Q(frequency=Frequency.EACH, last_sent_at__lte=each)
        | Q(frequency=Frequency.WEEKLY, last_sent_at__lte=weekly)
    )
    result = {"subscribers": 0, "mails": 0}
    earliest = due.aggregate(earliest=Min("last_sent_at"))["earliest"]
    if earliest is None:
        return result
    since = max(earliest, now - timedelta(days=62))
    topics = {t.key: t for t in topics_for(centre=centre)}
    items = {
        key: sorted(topic.items(centre, since, now), key=lambda i: i.published_at)
        for key, topic in topics.items()
    }
    limit = centre_setting(centre, "newsletter.batch_size")
    base = centre_url(centre, "")
    sections_template = get_template("newsletter/emails/digest_to_subscriber.txt")
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(
            get_template("newsletter/emails/digest_to_subscriber_subject.txt")
            .render({"centre": centre})
            .split()
        )
        manage_label, unsubscribe_label = (
            _("Zmień tematy lub częstotliwość:"),
            _("Wypisz się jednym kliknięciem:"),
        )
    subject = f"[{centre.short_name or centre.name}] {subject}"
    rendered: dict[tuple, str] = {}

    def render(sections: list) -> str:
        key = tuple((topic, tuple(id(i) for i in found)) for topic, found in sections)
        if key not in rendered:
            if len(rendered) > 1000:  # many different selections: keep memory bounded
                rendered.clear()
            with translation.override(settings.LANGUAGE_CODE):
                labelled = [(topics[topic].label, found) for topic, found in sections]
                rendered[key] = sections_template.render({"centre": centre, "sections": labelled}).strip()
        return rendered[key]

    def flush(mails: list, ids: list) -> None:
        with transaction.atomic():
            outbox_enqueue_many(centre=centre, mails=mails, batch_size=limit)
            Subscriber.objects.filter(pk__in=ids).update(last_sent_at=now)

    mails, ids = [], []
    rows = due.order_by("id").prefetch_related("subscriptions").iterator(chunk_size=limit)
    for subscriber in rows:
        ids.append(subscriber.pk)
        result["subscribers"] += 1
        sections = []
        for subscription in subscriber.subscriptions.all():
            if subscription.topic not in topics:
                continue
            found = [
                i
                for i in items[subscription.topic]
                if _wanted(i, subscriber.last_sent_at, subscription.fields)
            ]
            if found:
                sections.append((subscription.topic, found))
        if sections:
            unsubscribe_url = subscriber_link(subscriber, UNSUBSCRIBE, base=base)
            manage_url = subscriber_link(subscriber, MANAGE, base=base)
            body = f"{render(sections)}\n\n--\n{manage_label} {manage_url}\n{unsubscribe_label} {unsubscribe_url}\n"
            mails.append(
                RenderedMail(
                    to=subscriber.email,
                    subject=subject,
                    body=body,
                    event="digest_to_subscriber",
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe_url}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                )
            )
        if len(ids) >= limit:
            flush(mails, ids)
            result["mails"] += len(mails)
            mails, ids = [], []
    if ids:
        flush(mails, ids)
        result["mails"] += len(mails)
    return result
