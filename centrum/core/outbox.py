"""The durable e-mail outbox.

Services call `outbox_enqueue` inside their transaction, so a mail exists exactly when the
change it reports was committed. `outbox_send_due` (run by the worker or a scheduled command)
sends what is due and retries with back-off; a mail-server outage only delays mail.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Centre, OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)


def outbox_enqueue(
    *,
    centre: Centre | None,
    to: list[str] | str,
    template: str,
    context: dict | None = None,
    language: str | None = None,
    reply_to: str = "",
) -> OutboxMessage:
    """Render `<template>_subject.txt` and `<template>.txt` and store the mail for sending."""
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
        reply_to=reply_to or (centre.email if centre else ""),
        event=template.rsplit("/", 1)[-1][:100],
        next_attempt_at=timezone.now(),
    )


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def outbox_send_due(*, limit: int | None = None, now=None) -> dict[str, int]:
    """Send due messages; returns counts of sent, retried and failed messages."""
    now = now or timezone.now()
    limit = limit or settings.OUTBOX_BATCH_SIZE
    result = {"sent": 0, "retry": 0, "failed": 0}
    with transaction.atomic():
        due = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now).order_by(
            "id"
        )
        # Several workers may run at once in production: each takes rows the others have not locked.
        ids = list(due.select_for_update(skip_locked=True).values_list("id", flat=True)[:limit])
        messages = list(OutboxMessage.objects.filter(id__in=ids).order_by("id"))
        if not messages:
            return result
        connection = get_connection(fail_silently=False)
        try:
            connection.open()
        except Exception as exc:  # the server is down: every message waits for its next attempt
            for message in messages:
                _record_failure(message, exc, now)
                result["retry" if message.status == OutboxStatus.PENDING else "failed"] += 1
            return result
        try:
            for message in messages:
                email = EmailMultiAlternatives(
                    subject=message.subject,
                    body=message.body,
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    to=message.to,
                    reply_to=[message.reply_to] if message.reply_to else None,
                    connection=connection,
                )
                if message.html_body:
                    email.attach_alternative(message.html_body, "text/html")
                try:
                    email.send()
                except Exception as exc:
                    _record_failure(message, exc, now)
                    result["retry" if message.status == OutboxStatus.PENDING else "failed"] += 1
                    continue
                message.status = OutboxStatus.SENT
                message.attempts += 1
                message.sent_at = timezone.now()
                message.last_error = ""
                message.save(update_fields=["status", "attempts", "sent_at", "last_error"])
                result["sent"] += 1
        finally:
            try:
                connection.close()
            except Exception:  # closing a broken connection must not hide what was sent
                logger.warning("Closing the mail connection failed", exc_info=True)
    return result


def _record_failure(message: OutboxMessage, exc: Exception, now) -> None:
    message.attempts += 1
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        message.status = OutboxStatus.FAILED
    message.next_attempt_at = now + _backoff(message.attempts)
    message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    logger.warning("Mail %s not sent (attempt %s): %s", message.pk, message.attempts, message.last_error)
