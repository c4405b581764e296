"""The durable e-mail outbox.

Services call `outbox_enqueue` inside their transaction, so a mail exists exactly when the
change it reports was committed. `outbox_send_due` (run by `manage.py worker`, `outbox_send` or
the `core.outbox_send` job) sends what is due and retries with back-off; a mail-server outage only
delays mail.

Sending happens in three short steps so no database transaction stays open while we talk SMTP:
claim a batch (lock due rows with SKIP LOCKED, push their next attempt past a lease, commit), send,
then record each outcome. Several workers on PostgreSQL therefore never send the same message; a
worker that dies mid-batch only delays its claimed messages until the lease runs out.
"""

import base64
import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, F, Min, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .audit import audit_log
from .exceptions import ApplicationError
from .models import Centre, CentreSetting, OutboxMessage, OutboxStatus
from .permissions import is_platform_admin

logger = logging.getLogger(__name__)

SENDER_NAME_KEY = "outbox_sender_name"
REPLY_TO_KEY = "outbox_reply_to"
RETENTION_KEY = "outbox_retention_days"


@dataclass(frozen=True)
class Attachment:
    """A file sent with a mail: an ICS invitation (`text/calendar`), a PDF…"""

    filename: str
    content_type: str
    content: bytes

    def as_json(self) -> dict:
        return {
            "filename": self.filename,
            "content_type": self.content_type,
            "content": base64.b64encode(self.content).decode("ascii"),
        }


def outbox_enqueue(
    *,
    centre: Centre | None,
    to: list[str] | str,
    template: str,
    context: dict | None = None,
    language: str | None = None,
    reply_to: str = "",
    attachments: list[Attachment] | tuple[Attachment, ...] = (),
) -> OutboxMessage:
    """Render `<template>_subject.txt` and `<template>.txt` and store the mail (with its attachments) for sending."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    ctx = {"centre": centre, **(context or {})}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", ctx).split())
        body = render_to_string(f"{template}.txt", ctx).strip() + "\n"
    if centre is not None:
        subject = f"[{centre.short_name or centre.name}] {subject}"
    return OutboxMessage.objects.create(
        centre=centre,
        to=recipients,
        subject=subject[:300],
        body=body,
        reply_to=reply_to or _default_reply_to(centre),
        event=template.rsplit("/", 1)[-1][:100],
        attachments=[attachment.as_json() for attachment in attachments],
        next_attempt_at=timezone.now(),
    )


def _default_reply_to(centre: Centre | None) -> str:
    if centre is None:
        return ""
    from .centre_settings import centre_setting

    return centre_setting(centre, REPLY_TO_KEY) or centre.email


def outbox_enqueue_rendered(
    *,
    centre: Centre | None,
    to: list[str] | str,
    subject: str,
    body: str,
    html_body: str = "",
    event: str = "",
    headers: dict[str, str] | None = None,
) -> OutboxMessage:
    """Store a mail that was already rendered elsewhere (e.g. by django-allauth) for sending."""
    return OutboxMessage.objects.create(
        **_rendered_fields(centre, to, subject, body, html_body, event, headers),
        reply_to=_default_reply_to(centre),
        next_attempt_at=timezone.now(),
    )


@dataclass(frozen=True)
class RenderedMail:
    """One mail of a mass sending (`outbox_enqueue_many`), rendered by the caller."""

    to: str
    subject: str
    body: str
    event: str = ""
    headers: dict[str, str] | None = None


def _rendered_fields(centre, to, subject, body, html_body, event, headers) -> dict:
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    return {
        "centre": centre,
        "to": recipients,
        "subject": " ".join(subject.split())[:300],
        "body": body.strip() + "\n",
        "html_body": html_body,
        "event": event[:100],
        "headers": dict(headers or {}),
    }


def outbox_enqueue_many(*, centre: Centre | None, mails, batch_size: int = 500) -> list[OutboxMessage]:
    """Store many rendered mails with one INSERT per `batch_size` (a newsletter to thousands of addresses).

    `mails` is any iterable of `RenderedMail` (a generator keeps memory flat); returns the stored rows with
    their ids, in order, so the caller can record which message went to whom."""
    reply_to, now = _default_reply_to(centre), timezone.now()
    stored: list[OutboxMessage] = []
    chunk: list[OutboxMessage] = []
    for mail in mails:
        chunk.append(
            OutboxMessage(
                **_rendered_fields(centre, mail.to, mail.subject, mail.body, "", mail.event, mail.headers),
                reply_to=reply_to,
                next_attempt_at=now,
            )
        )
        if len(chunk) >= batch_size:
            stored.extend(OutboxMessage.objects.bulk_create(chunk))
            chunk = []
    if chunk:
        stored.extend(OutboxMessage.objects.bulk_create(chunk))
    return stored


def _backoff(attempts: int) -> timedelta:
    """1, 2, 4, 8 … minutes after each failed attempt, at most 6 hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _lease(count: int) -> timedelta:
    """How long claimed messages stay invisible to other workers: long enough for a slow server."""
    per_message = int(getattr(settings, "EMAIL_TIMEOUT", None) or 30)
    return timedelta(seconds=max(settings.OUTBOX_CLAIM_SECONDS, per_message * (count + 2)))


def _claim_due(*, limit: int, now) -> list[OutboxMessage]:
    with transaction.atomic():
        due = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
        # Several workers may run at once in production: each takes rows the others have not locked.
        ids = list(
            due.order_by("next_attempt_at", "id")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        if not ids:
            return []
        OutboxMessage.objects.filter(id__in=ids).update(next_attempt_at=now + _lease(len(ids)))
    return list(OutboxMessage.objects.filter(id__in=ids).select_related("centre").order_by("id"))


def _sender_names(messages: list[OutboxMessage]) -> dict[int, str]:
    centre_ids = {m.centre_id for m in messages if m.centre_id}
    names = {m.centre_id: m.centre.short_name or m.centre.name for m in messages if m.centre_id}
    for centre_id, value in CentreSetting.objects.filter(
        centre_id__in=centre_ids, key=SENDER_NAME_KEY
    ).values_list("centre_id", "value"):
        if isinstance(value, str) and value.strip():
            names[centre_id] = value.strip()
    return names


def _from_address(message: OutboxMessage, sender_names: dict[int, str]) -> str:
    default_name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    name = sender_names.get(message.centre_id) or default_name
    if not address:
        return settings.DEFAULT_FROM_EMAIL
    return str(Address(display_name=name, addr_spec=address)) if name else address


def _is_permanent(exc: Exception) -> bool:
    """A 5xx answer about this message (bad recipient, rejected content): retrying cannot help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        return 500 <= exc.smtp_code < 600
    return False


def _is_connection_lost(exc: Exception) -> bool:
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code == 421
    # SMTPException subclasses OSError; only a plain OSError (socket error, timeout) means the line is gone.
    return isinstance(exc, OSError) and not isinstance(exc, smtplib.SMTPException)


def outbox_send_due(*, limit: int | None = None, now=None) -> dict[str, int]:
    """Send one batch of due messages; returns counts of sent, retried and failed messages."""
    now = now or timezone.now()
    limit = limit or settings.OUTBOX_BATCH_SIZE
    result = {"claimed": 0, "sent": 0, "retry": 0, "failed": 0}
    messages = _claim_due(limit=limit, now=now)
    result["claimed"] = len(messages)
    if not messages:
        return result
    sender_names = _sender_names(messages)
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as exc:  # the server is down: every message waits for its next attempt
        for message in messages:
            result[_record_failure(message, exc, now)] += 1
        return result
    try:
        for index, message in enumerate(messages):
            email = EmailMultiAlternatives(
                subject=message.subject,
                body=message.body,
                from_email=_from_address(message, sender_names),
                to=message.to,
                reply_to=[message.reply_to] if message.reply_to else None,
                headers=message.headers or None,
                connection=connection,
            )
            if message.html_body:
                email.attach_alternative(message.html_body, "text/html")
            for attachment in message.attachments or ():
                email.attach(
                    attachment["filename"],
                    base64.b64decode(attachment["content"]),
                    attachment["content_type"],
                )
            try:
                email.send()
            except Exception as exc:
                result[_record_failure(message, exc, now)] += 1
                if _is_connection_lost(exc):
                    # The rest of the batch was never tried: make it due again without counting an attempt.
                    rest = [m.pk for m in messages[index + 1 :]]
                    OutboxMessage.objects.filter(pk__in=rest, status=OutboxStatus.PENDING).update(
                        next_attempt_at=now
                    )
                    break
                continue
            _record_sent(message)
            result["sent"] += 1
    finally:
        try:
            connection.close()
        except Exception:  # closing a broken connection must not hide what was sent
            logger.warning("Closing the mail connection failed", exc_info=True)
    return result


def outbox_send_all_due(*, now=None, max_batches: int = 1000) -> dict[str, int]:
    """Send batches until nothing more is due (or the server is down)."""
    totals = {"claimed": 0, "sent": 0, "retry": 0, "failed": 0}
    for _batch in range(max_batches):
        batch = outbox_send_due(now=now)
        for key, value in batch.items():
            totals[key] += value
        if batch["claimed"] < settings.OUTBOX_BATCH_SIZE or batch["sent"] == 0:
            break
    return totals


def _record_sent(message: OutboxMessage) -> None:
    OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.PENDING).update(
        status=OutboxStatus.SENT, attempts=F("attempts") + 1, sent_at=timezone.now(), last_error=""
    )


def _record_failure(message: OutboxMessage, exc: Exception, now) -> str:
    """Store the error and schedule the next attempt; returns "retry" or "failed"."""
    message.attempts += 1
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    permanent = _is_permanent(exc)
    if permanent or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        message.status = OutboxStatus.FAILED
    message.next_attempt_at = now + _backoff(message.attempts)
    OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.PENDING).update(
        attempts=message.attempts,
        last_error=message.last_error,
        status=message.status,
        next_attempt_at=message.next_attempt_at,
    )
    log = logger.error if message.status == OutboxStatus.FAILED else logger.warning
    log("Mail %s not sent (attempt %s): %s", message.pk, message.attempts, message.last_error)
    return "failed" if message.status == OutboxStatus.FAILED else "retry"


@transaction.atomic
def outbox_retry_failed(*, actor, ids: list[int] | None = None, centre: Centre | None = None) -> int:
    """Give failed messages a fresh set of attempts (after the cause was fixed); returns how many.

    Platform admins only. Each message retried leaves an audit record in its centre's log.
    """
    if not is_platform_admin(actor):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    failed = OutboxMessage.objects.filter(status=OutboxStatus.FAILED)
    if ids is not None:
        failed = failed.filter(pk__in=ids)
    if centre is not None:
        failed = failed.filter(centre=centre)
    # Only the message rows are locked: the centre is joined from the nullable side.
    messages = list(failed.select_for_update(of=("self",)).select_related("centre").order_by("id"))
    if not messages:
        return 0
    OutboxMessage.objects.filter(pk__in=[m.pk for m in messages], status=OutboxStatus.FAILED).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
    for message in messages:
        audit_log(
            actor=actor,
            obj=message,
            centre=message.centre,
            action="outbox.retried",
            old={"status": OutboxStatus.FAILED.value, "attempts": message.attempts},
            new={"status": OutboxStatus.PENDING.value, "attempts": 0},
        )
    return len(messages)


def outbox_health(*, centre: Centre) -> dict:
    """Counts of waiting and failed mail of one centre and the age of the oldest waiting one."""
    return OutboxMessage.objects.filter(centre=centre).aggregate(
        pending=Count("id", filter=Q(status=OutboxStatus.PENDING)),
        failed=Count("id", filter=Q(status=OutboxStatus.FAILED)),
        oldest_pending=Min("created_at", filter=Q(status=OutboxStatus.PENDING)),
    )


def outbox_purge_sent(*, now=None) -> int:
    """Delete sent mail older than each centre's retention period: bodies hold personal data."""
    from .centre_settings import REGISTRY

    now = now or timezone.now()
    default_days = REGISTRY[RETENTION_KEY].default
    overrides: dict[int, int] = {}
    for centre_id, value in CentreSetting.objects.filter(key=RETENTION_KEY).values_list("centre_id", "value"):
        try:
            overrides[centre_id] = int(value)
        except (TypeError, ValueError):
            continue
    sent = OutboxMessage.objects.filter(status=OutboxStatus.SENT)
    deleted, _ = (
        sent.filter(sent_at__lt=now - timedelta(days=default_days))
        .exclude(centre_id__in=list(overrides))
        .delete()
    )
    by_days: dict[int, list[int]] = {}
    for centre_id, days in overrides.items():
        by_days.setdefault(days, []).append(centre_id)
    for days, centre_ids in by_days.items():
        count, _ = sent.filter(centre_id__in=centre_ids, sent_at__lt=now - timedelta(days=days)).delete()
        deleted += count
    return deleted
