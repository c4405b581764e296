"""The declared workflows: an announcement (draft → scheduled → sending → sent, or draft → sending → sent)
and a subscriber (pending → active → unsubscribed, and back to pending when they subscribe again).

A second send of the same announcement is refused by the engine on the locked row (only a draft can be
sent) and, beneath it, by the database: one recipient row per address and announcement."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.exceptions import ApplicationError
from centrum.core.richtext import plain_text
from centrum.core.workflow import ACTOR, NOW, Step, Transition, Workflow, register

from .audit_labels import NewsletterAudit as Audit
from .choices import AnnouncementStatus as A
from .choices import SubscriberStatus as S
from .models import Announcement, Subscriber
from .permissions import can_edit_announcement, can_send_announcement, can_unsubscribe_subscriber


def _sendable(step: Step) -> None:
    from .selectors import announcement_reach

    announcement = step.obj
    if not announcement.subject.strip() or not plain_text(announcement.body):
        raise ApplicationError(_("Komunikat musi mieć temat i treść."))
    if announcement_reach(announcement=announcement).addresses == 0:
        raise ApplicationError(
            _("Wybrane filtry nie obejmują żadnej organizacji z adresem e-mail – zmień wybór odbiorców.")
        )


def _schedulable(step: Step) -> None:
    when = step.obj.scheduled_for
    if when is None:
        raise ApplicationError(_("Podaj datę i godzinę wysyłki."), field="scheduled_for")
    if when <= timezone.now():
        raise ApplicationError(_("Termin wysyłki musi być w przyszłości."), field="scheduled_for")
    _sendable(step)


def _due(step: Step) -> None:
    if step.obj.scheduled_for is None or step.obj.scheduled_for > timezone.now():
        raise ApplicationError(_("Termin wysyłki jeszcze nie nadszedł."))
    _sendable(step)


def _build_recipients(step: Step) -> None:
    from .services import recipients_build

    recipients_build(announcement=step.obj)


def _all_queued(step: Step) -> None:
    if step.obj.recipients.filter(queued=False).exists():
        raise ApplicationError(_("Nie wszystkie wiadomości trafiły jeszcze do wysyłki."))


ANNOUNCEMENT_STATUS = register(
    Workflow(
        key="newsletter.announcement",
        model=Announcement,
        transitions=(
            Transition(
                action="send",
                sources=(A.DRAFT,),
                target=A.SENDING,
                label=gettext_lazy("Wyślij teraz"),
                audit=Audit.ANNOUNCEMENT_SENT,
                permission=can_send_announcement,
                stamps={"send_started_at": NOW, "sent_by": ACTOR},
                guard=_sendable,
                after=_build_recipients,
                done_message=gettext_lazy("Komunikat „%(name)s” jest w wysyłce."),
            ),
            Transition(
                action="schedule",
                sources=(A.DRAFT,),
                target=A.SCHEDULED,
                label=gettext_lazy("Zaplanuj wysyłkę"),
                audit=Audit.ANNOUNCEMENT_SCHEDULED,
                permission=can_send_announcement,
                stamps={"sent_by": ACTOR},
                guard=_schedulable,
                in_ui=False,
            ),
            Transition(
                action="unschedule",
                sources=(A.SCHEDULED,),
                target=A.DRAFT,
                label=gettext_lazy("Wstrzymaj wysyłkę (wróć do szkicu)"),
                audit=Audit.ANNOUNCEMENT_UNSCHEDULED,
                permission=can_edit_announcement,
            ),
            Transition(
                action="start",
                sources=(A.SCHEDULED,),
                target=A.SENDING,
                label=gettext_lazy("Rozpocznij zaplanowaną wysyłkę"),
                audit=Audit.ANNOUNCEMENT_STARTED,
                system=True,
                stamps={"send_started_at": NOW},
                guard=_due,
                after=_build_recipients,
                in_ui=False,
            ),
            Transition(
                action="finish",
                sources=(A.SENDING,),
                target=A.SENT,
                label=gettext_lazy("Zakończ wysyłkę"),
                audit=Audit.ANNOUNCEMENT_FINISHED,
                system=True,
                stamps={"finished_at": NOW},
                guard=_all_queued,
                in_ui=False,
            ),
        ),
    )
)


SUBSCRIBER_STATUS = register(
    Workflow(
        key="newsletter.subscriber",
        model=Subscriber,
        transitions=(
            Transition(
                action="confirm",
                sources=(S.PENDING,),
                target=S.ACTIVE,
                label=gettext_lazy("Potwierdź zapis"),
                audit=Audit.SUBSCRIBER_CONFIRMED,
                system=True,  # the holder of the mailed link, who has no account
                stamps={"confirmed_at": NOW, "last_sent_at": NOW},
                in_ui=False,
            ),
            Transition(
                action="unsubscribe",
                sources=(S.PENDING, S.ACTIVE),
                target=S.UNSUBSCRIBED,
                label=gettext_lazy("Wypisz z newslettera"),
                audit=Audit.SUBSCRIBER_UNSUBSCRIBED,
                permission=can_unsubscribe_subscriber,
                system=True,  # the signed link in every mail
                stamps={"unsubscribed_at": NOW},
                danger=True,
            ),
            Transition(
                action="resubscribe",
                sources=(S.UNSUBSCRIBED,),
                target=S.PENDING,
                label=gettext_lazy("Zapisz ponownie"),
                audit=Audit.SUBSCRIBER_RESUBSCRIBED,
                system=True,  # the public form: a new confirmation is mailed
                in_ui=False,
            ),
        ),
    )
)
