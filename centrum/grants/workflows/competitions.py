"""A competition: announced (once every required channel is recorded and the deadline keeps its distance),
closed for offers after the deadline, decided when the results are published, or voided (art. 18a)."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import NOW, REASON, Transition, Workflow, register

from ..audit_labels import CompetitionAudit as Audit
from ..choices import CompetitionStatus as S
from ..models import Competition
from ..permissions import is_grants_official


def _official(user, competition) -> bool:
    return is_grants_official(user, competition.centre)


COMPETITION_STATUS = register(
    Workflow(
        key="grants.competition",
        model=Competition,
        refused_message=gettext_lazy("Konkursu w stanie „%(status)s” nie można teraz zmienić w ten sposób."),
        transitions=(
            Transition(
                action="publish",
                sources=(S.DRAFT,),
                target=S.PUBLISHED,
                label=gettext_lazy("Ogłoś konkurs"),
                audit=Audit.PUBLISH,
                permission=_official,
                stamps={"published_at": NOW},
            ),
            Transition(
                action="close",
                sources=(S.PUBLISHED,),
                target=S.EVALUATION,
                label=gettext_lazy("Zamknij przyjmowanie ofert"),
                audit=Audit.CLOSE,
                permission=_official,
                system=True,
            ),
            Transition(
                action="publish_results",
                sources=(S.EVALUATION,),
                target=S.DECIDED,
                label=gettext_lazy("Ogłoś wyniki"),
                audit=Audit.PUBLISH_RESULTS,
                permission=_official,
                stamps={"results_published_at": NOW},
            ),
            Transition(
                action="void",
                sources=(S.PUBLISHED, S.EVALUATION),
                target=S.VOIDED,
                label=gettext_lazy("Unieważnij konkurs"),
                audit=Audit.VOID,
                permission=_official,
                reason_required=True,
                stamps={"status_reason": REASON},
                danger=True,
            ),
        ),
    )
)
