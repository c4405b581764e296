"""The declared workflow of a survey: draft → open → closed, and a closed one may be reopened (before its
close date). Staff open and close; the jobs open a draft whose opening date came and close an open one
whose closing date passed."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.exceptions import ApplicationError
from centrum.core.workflow import NOW, Step, Transition, Workflow, register

from .audit_labels import SurveysAudit as Audit
from .choices import SurveyStatus as S
from .models import Survey
from .permissions import can_close_survey, can_open_survey


def _openable(step: Step) -> None:
    survey = step.obj
    if not survey.questions.exists():
        raise ApplicationError(_("Dodaj co najmniej jedno pytanie, zanim otworzysz ankietę."))
    if survey.closes_at and survey.closes_at <= timezone.now():
        raise ApplicationError(_("Data zamknięcia już minęła: zmień ją, zanim otworzysz ankietę."))


SURVEY_STATUS = register(
    Workflow(
        key="surveys.survey",
        model=Survey,
        refused_message=gettext_lazy("Ankiety w stanie „%(status)s” nie można teraz tak zmienić."),
        transitions=(
            Transition(
                action="open",
                sources=(S.DRAFT,),
                target=S.OPEN,
                label=gettext_lazy("Otwórz ankietę"),
                audit=Audit.SURVEY_OPENED,
                permission=can_open_survey,
                system=True,
                guard=_openable,
                stamps={"opened_at": NOW},
                done_message=gettext_lazy("Ankieta „%(name)s” jest otwarta."),
            ),
            Transition(
                action="close",
                sources=(S.OPEN,),
                target=S.CLOSED,
                label=gettext_lazy("Zamknij ankietę"),
                audit=Audit.SURVEY_CLOSED,
                permission=can_close_survey,
                system=True,
                danger=True,
                stamps={"closed_at": NOW},
                done_message=gettext_lazy("Ankieta „%(name)s” jest zamknięta."),
            ),
            Transition(
                action="reopen",
                sources=(S.CLOSED,),
                target=S.OPEN,
                label=gettext_lazy("Otwórz ponownie"),
                audit=Audit.SURVEY_REOPENED,
                permission=can_open_survey,
                guard=_openable,
            ),
        ),
    )
)
