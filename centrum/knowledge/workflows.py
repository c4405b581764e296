"""Declared workflows: a good practice is moderated (submitted → published | rejected; published →
archived), an article of the knowledge base is published or taken back to a draft."""

from django.utils.translation import gettext_lazy

from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import KnowledgeAudit as Audit
from .choices import ArticleStatus as A
from .choices import PracticeStatus as P
from .models import Article, GoodPractice
from .permissions import can_edit_article, can_moderate_practice


def _tell_submitter(step: Step) -> None:
    practice = step.obj
    user = practice.submitted_by
    if user is not None and user.email and user.pk != getattr(step.actor, "pk", None):
        outbox_enqueue(
            centre=practice.centre,
            to=[user.email],
            template="knowledge/emails/practice_decision_to_submitter",
            context={"practice": practice, "reason": step.reason, "status": practice.get_status_display()},
        )


PRACTICE_STATUS = register(
    Workflow(
        key="knowledge.practice",
        model=GoodPractice,
        refused_message=gettext_lazy("Praktyki w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("centre", "submitted_by"),
        transitions=(
            Transition(
                action="publish",
                sources=(P.SUBMITTED,),
                target=P.PUBLISHED,
                label=gettext_lazy("Opublikuj"),
                audit=Audit.PRACTICE_PUBLISHED,
                permission=can_moderate_practice,
                stamps={"published_at": NOW, "moderated_by": ACTOR, "status_reason": REASON},
                after=_tell_submitter,
                done_message=gettext_lazy("Opublikowano praktykę „%(name)s”."),
            ),
            Transition(
                action="reject",
                sources=(P.SUBMITTED,),
                target=P.REJECTED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.PRACTICE_REJECTED,
                permission=can_moderate_practice,
                reason_required=True,
                reason_message=gettext_lazy("Podaj przyczynę odrzucenia – zgłaszający ją otrzyma."),
                stamps={"moderated_by": ACTOR, "status_reason": REASON},
                after=_tell_submitter,
                danger=True,
                done_message=gettext_lazy("Odrzucono praktykę „%(name)s”."),
            ),
            Transition(
                action="archive",
                sources=(P.PUBLISHED,),
                target=P.ARCHIVED,
                label=gettext_lazy("Zdejmij z publikacji (archiwum)"),
                audit=Audit.PRACTICE_ARCHIVED,
                permission=can_moderate_practice,
                stamps={"moderated_by": ACTOR, "status_reason": REASON},
                danger=True,
            ),
        ),
    )
)

ARTICLE_STATUS = register(
    Workflow(
        key="knowledge.article",
        model=Article,
        refused_message=gettext_lazy("Artykułu w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        select_related=("centre", "category"),
        transitions=(
            Transition(
                action="publish",
                sources=(A.DRAFT,),
                target=A.PUBLISHED,
                label=gettext_lazy("Opublikuj"),
                audit=Audit.ARTICLE_PUBLISHED,
                permission=can_edit_article,
                stamps={"published_at": NOW},
                done_message=gettext_lazy("Opublikowano artykuł „%(name)s”."),
            ),
            Transition(
                action="unpublish",
                sources=(A.PUBLISHED,),
                target=A.DRAFT,
                label=gettext_lazy("Wycofaj do szkicu"),
                audit=Audit.ARTICLE_UNPUBLISHED,
                permission=can_edit_article,
                danger=True,
            ),
        ),
    )
)
