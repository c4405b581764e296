"""Training needs: organisations declare topics; staff see demand ranked and turn a topic into a training
(the organisations that asked are told when it is published)."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.text import fold

from ..audit_labels import TrainingsAudit as Audit
from ..models import Training, TrainingNeed
from ..permissions import can_declare_need, can_manage_trainings
from .trainings import training_save

ALREADY = gettext_lazy("Wasza organizacja zgłosiła już ten temat.")


def topic_key(topic: str) -> str:
    return " ".join(fold(topic).split())[:200]


@transaction.atomic
def need_declare(*, centre, actor, organisation, topic: str, description: str = "") -> TrainingNeed:
    if (
        organisation is None
        or organisation.centre_id != centre.pk
        or not can_declare_need(actor, organisation)
    ):
        raise ApplicationError(_("Potrzebę zgłasza członek organizacji."), field="organisation")
    topic = (topic or "").strip()
    if not topic_key(topic):
        raise ApplicationError(_("Podaj temat szkolenia."), field="topic")
    key = topic_key(topic)
    if TrainingNeed.objects.filter(organisation=organisation, topic_key=key, training__isnull=True).exists():
        raise ApplicationError(str(ALREADY), field="topic")
    need = TrainingNeed(
        centre=centre,
        organisation=organisation,
        topic=topic,
        topic_key=key,
        description=(description or "").strip(),
        requested_by=actor,
    )
    full_clean_or_raise(need, validate_constraints=False)
    try:
        with transaction.atomic():
            need.save()
    except IntegrityError as exc:
        raise ApplicationError(str(ALREADY), field="topic") from exc
    audit_log(actor=actor, obj=need, action=Audit.NEED_DECLARED, new={"topic": topic})
    return need


@transaction.atomic
def need_plan(*, centre, actor, key: str, capacity: int) -> Training:
    """A draft training for one topic, linked to every open need of that topic."""
    if not can_manage_trainings(actor, centre):
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))
    needs = list(
        TrainingNeed.objects.select_for_update().filter(centre=centre, topic_key=key, training__isnull=True)
    )
    if not needs:
        raise ApplicationError(_("Tego tematu nikt teraz nie zgłasza (może ktoś już zaplanował szkolenie)."))
    training = training_save(
        centre=centre,
        actor=actor,
        data={
            "title": needs[0].topic,
            "capacity": capacity,
            "audience": _("Organizacje, które zgłosiły ten temat"),
        },
    )
    TrainingNeed.objects.filter(pk__in=[n.pk for n in needs]).update(training=training)
    audit_log(
        actor=actor,
        obj=training,
        action=Audit.NEED_PLANNED,
        new={"topic": needs[0].topic, "needs": len(needs)},
    )
    return training
