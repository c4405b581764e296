"""Who hears about what: every mail goes through the outbox in the transaction of the change, with the
training's sessions as an ICS invitation where the person should put them in a calendar."""

from django.urls import reverse

from centrum.core.links import centre_url
from centrum.core.outbox import Attachment, outbox_enqueue
from centrum.core.signed_links import signed_token

from ..calendars import ics_bytes, training_calendar

CANCEL_PURPOSE = "trainings.registration.cancel"


def cancel_token(registration) -> str:
    return signed_token(CANCEL_PURPOSE, registration.pk, version=registration.secret)


def cancel_link(registration) -> str:
    path = reverse("trainings:registration_cancel_link", kwargs={"token": cancel_token(registration)})
    return centre_url(registration.centre, path)


def _ics(training, sessions, *, method: str, cancelled: bool = False) -> Attachment:
    calendar = training_calendar(training, sessions, method=method, cancelled=cancelled)
    return Attachment("szkolenie.ics", "text/calendar", ics_bytes(calendar))


def to_registrant(registration, event: str, *, ics: str = "", extra: dict | None = None) -> None:
    """`ics`: "" (none), "REQUEST" (add or update) or "CANCEL" (remove from the calendar)."""
    training = registration.training
    sessions = list(training.sessions.select_related("room"))
    attachments = []
    if ics and sessions:
        attachments.append(_ics(training, sessions, method=ics, cancelled=ics == "CANCEL"))
    outbox_enqueue(
        centre=registration.centre,
        to=[registration.email],
        template=f"trainings/emails/{event}",
        context={
            "registration": registration,
            "training": training,
            "sessions": sessions,
            "training_url": centre_url(registration.centre, training.get_absolute_url()),
            "cancel_url": cancel_link(registration),
            **(extra or {}),
        },
        attachments=attachments,
    )


def to_organisation(*, centre, organisation, to: list[str], event: str, context: dict) -> None:
    recipients = [a for a in dict.fromkeys(to or [organisation.email]) if a]
    if recipients:
        outbox_enqueue(
            centre=centre,
            to=recipients,
            template=f"trainings/emails/{event}",
            context={"organisation": organisation, **context},
        )
