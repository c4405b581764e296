"""The declared workflow of an initiative: draft → submitted → accepted | rejected → agreement → signed →
completed, or cancelled on the way."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from . import rules
from .audit_labels import InitiativesAudit as Audit
from .choices import ApplicantKind, CostPayer, IntakeMode
from .choices import InitiativeStatus as S
from .models import Initiative
from .permissions import can_assess, can_cancel, can_complete, can_edit_agreement, can_submit


def applicant_addresses(initiative) -> list[str]:
    addresses = [initiative.leader.email if initiative.leader_id else ""]
    if initiative.organisation_id and initiative.organisation.email:
        addresses.append(initiative.organisation.email)
    return list(dict.fromkeys(a for a in addresses if a))


def _submittable(step: Step) -> None:
    from .selectors import open_call, rules_for

    initiative, today = step.obj, warsaw_today()
    if not initiative.area.active:
        raise ApplicationError(
            _("Ten obszar nie przyjmuje już wniosków – wybierz inny z katalogu."), field="area"
        )
    if initiative.applicant_kind == ApplicantKind.GROUP:
        if not initiative.group_name.strip():
            raise ApplicationError(_("Podaj nazwę grupy mieszkańców."), field="group_name")
        if not initiative.members.exists():
            raise ApplicationError(_("Dopisz członków grupy – co najmniej jedną osobę oprócz lidera."))
    elif initiative.organisation_id is None:
        raise ApplicationError(_("Wybierz organizację, przez którą składasz wniosek."), field="organisation")
    if not initiative.residents_declared:
        raise ApplicationError(
            _("Potwierdź, że wnioskodawcy są mieszkańcami gminy (art. 19b ust. 1)."),
            field="residents_declared",
        )
    if initiative.ends_on < today:
        raise ApplicationError(_("Inicjatywa nie może kończyć się w przeszłości."), field="ends_on")
    lines = list(initiative.contributions.all())
    if not lines:
        raise ApplicationError(_("Dodaj wkład wnioskodawcy: pracę społeczną, pieniądze lub rzeczy."))
    minimum = centre_setting(initiative.centre, "initiatives.min_work_share_percent")
    share = rules.work_share(lines) or 0
    if minimum and share < minimum:
        raise ApplicationError(
            _("Praca społeczna to %(share)s%% wkładu; uchwała wymaga co najmniej %(min)s%%.")
            % {"share": share, "min": minimum}
        )
    policy = rules_for(centre=initiative.centre)
    if policy is not None and policy.intake_mode == IntakeMode.CALLS:
        call = open_call(centre=initiative.centre, day=today)
        if call is None:
            raise ApplicationError(_("Nabór wniosków nie trwa – wniosek złożysz w terminie naboru."))
        initiative.call = call
    if not initiative.number:
        initiative.number = f"IL/{today.year}/{initiative.pk:04d}"


def _assessed(step: Step) -> None:
    from .selectors import criteria_of, scores_of

    criteria = criteria_of(centre=step.obj.centre)
    if rules.weighted_score(scores_of(step.obj), criteria) is None:
        raise ApplicationError(_("Oceń wniosek według każdego kryterium uchwały przed rozstrzygnięciem."))


def _tell_applicant(template: str):
    def after(step: Step) -> None:
        addresses = applicant_addresses(step.obj)
        if addresses:
            outbox_enqueue(
                centre=step.obj.centre,
                to=addresses,
                template=f"initiatives/emails/{template}",
                context={"initiative": step.obj, "reason": step.reason, "status": step.target},
            )

    return after


def _agreed(step: Step) -> None:
    initiative = step.obj
    if not initiative.schedule.exists():
        raise ApplicationError(_("Uzgodnij z wnioskodawcą harmonogram – dodaj jego pozycje."))
    costs = list(initiative.costs.all())
    if not costs:
        raise ApplicationError(_("Uzgodnij z wnioskodawcą kosztorys – dodaj jego pozycje."))
    municipality = sum((c.amount for c in costs if c.payer == CostPayer.MUNICIPALITY), rules.money(0))
    if municipality and not initiative.budget_line.strip():
        raise ApplicationError(_("Podaj klasyfikację budżetową wydatku gminy."), field="budget_line")
    initiative.municipality_amount = municipality


def _signable(step: Step) -> None:
    initiative = step.obj
    if initiative.signed_on is None:
        raise ApplicationError(_("Podaj datę podpisania umowy."), field="signed_on")
    if initiative.signed_on > warsaw_today():
        raise ApplicationError(_("Data podpisania nie może być w przyszłości."), field="signed_on")
    if not initiative.signed_for_municipality.strip():
        raise ApplicationError(
            _("Podaj, kto podpisał umowę w imieniu gminy."), field="signed_for_municipality"
        )
    if not initiative.signed_for_applicant.strip():
        raise ApplicationError(
            _("Podaj, kto podpisał umowę w imieniu wnioskodawcy."), field="signed_for_applicant"
        )


def _completable(step: Step) -> None:
    initiative = step.obj
    if not initiative.completion_report.strip():
        raise ApplicationError(_("Opisz, co zostało zrobione."), field="completion_report")
    if initiative.completed_on is None:
        raise ApplicationError(_("Podaj datę zakończenia."), field="completed_on")
    if initiative.completed_on > warsaw_today():
        raise ApplicationError(_("Data zakończenia nie może być w przyszłości."), field="completed_on")
    if initiative.completed_on < initiative.starts_on:
        raise ApplicationError(_("Inicjatywa nie mogła skończyć się przed początkiem."), field="completed_on")
    limit = centre_setting(initiative.centre, "initiatives.max_hours_per_line") * 10
    for name in ("actual_work_hours", "actual_money", "actual_in_kind"):
        value = getattr(initiative, name)
        if value is not None and value < 0:
            raise ApplicationError(_("Wartość nie może być ujemna."), field=name)
    if initiative.actual_work_hours is not None and initiative.actual_work_hours > limit:
        raise ApplicationError(
            _("Sprawdź liczbę godzin – najwięcej %(max)s.") % {"max": limit}, field="actual_work_hours"
        )


INITIATIVE_STATUS = register(
    Workflow(
        key="initiatives.initiative",
        model=Initiative,
        refused_message=gettext_lazy(
            "Inicjatywy w stanie „%(status)s” nie można teraz zmienić w ten sposób."
        ),
        select_related=("leader", "organisation", "area", "centre"),
        transitions=(
            Transition(
                action="submit",
                sources=(S.DRAFT,),
                target=S.SUBMITTED,
                label=gettext_lazy("Złóż wniosek"),
                audit=Audit.SUBMITTED,
                permission=can_submit,
                guard=_submittable,
                stamps={"submitted_at": NOW},
                done_message=gettext_lazy("Złożono wniosek „%(name)s”."),
            ),
            Transition(
                action="accept",
                sources=(S.SUBMITTED,),
                target=S.ACCEPTED,
                label=gettext_lazy("Przyjmij do realizacji"),
                audit=Audit.ACCEPTED,
                permission=can_assess,
                reason_required=True,
                reason_message=gettext_lazy("Uzasadnij rozstrzygnięcie – wnioskodawca je otrzyma."),
                guard=_assessed,
                stamps={"status_reason": REASON, "decided_at": NOW, "decided_by": ACTOR},
                after=_tell_applicant("decision_to_applicant"),
            ),
            Transition(
                action="reject",
                sources=(S.SUBMITTED,),
                target=S.REJECTED,
                label=gettext_lazy("Odrzuć wniosek"),
                audit=Audit.REJECTED,
                permission=can_assess,
                reason_required=True,
                reason_message=gettext_lazy("Podaj przyczynę odrzucenia – wnioskodawca ją otrzyma."),
                guard=_assessed,
                stamps={"status_reason": REASON, "decided_at": NOW, "decided_by": ACTOR},
                after=_tell_applicant("decision_to_applicant"),
                danger=True,
            ),
            Transition(
                action="agree",
                sources=(S.ACCEPTED,),
                target=S.AGREEMENT,
                label=gettext_lazy("Harmonogram i kosztorys uzgodnione – przygotuj umowę"),
                audit=Audit.AGREEMENT,
                permission=can_edit_agreement,
                guard=_agreed,
            ),
            Transition(
                action="sign",
                sources=(S.AGREEMENT,),
                target=S.SIGNED,
                label=gettext_lazy("Zapisz podpisanie umowy"),
                audit=Audit.SIGNED,
                permission=can_edit_agreement,
                guard=_signable,
                stamps={"signed_recorded_by": ACTOR},
                after=_tell_applicant("signed_to_applicant"),
                in_ui=False,
            ),
            Transition(
                action="complete",
                sources=(S.SIGNED,),
                target=S.COMPLETED,
                label=gettext_lazy("Zapisz sprawozdanie z wykonania"),
                audit=Audit.COMPLETED,
                permission=can_complete,
                guard=_completable,
                stamps={"completed_by": ACTOR},
                in_ui=False,
            ),
            Transition(
                action="cancel",
                sources=(S.DRAFT, S.SUBMITTED, S.ACCEPTED, S.AGREEMENT, S.SIGNED),
                target=S.CANCELLED,
                label=gettext_lazy("Anuluj"),
                audit=Audit.CANCELLED,
                permission=can_cancel,
                reason_required=True,
                reason_message=gettext_lazy("Podaj przyczynę anulowania."),
                stamps={"status_reason": REASON},
                after=_tell_applicant("cancelled_to_applicant"),
                danger=True,
            ),
        ),
    )
)
