"""The declared workflows of promotion: staff hide (and show again) an organisation's page content, and
moderate companies' profiles: proposed → published | rejected; published ⇄ hidden."""

from django.utils.translation import gettext_lazy

from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import PromotionAudit as Audit
from .choices import CompanyStatus as C
from .choices import PageVisibility as V
from .models import Company, OrganisationPage
from .permissions import can_moderate_company, can_moderate_page

_STAFF_ONLY = gettext_lazy("Tylko pracownik centrum może to zrobić.")

PAGE_VISIBILITY = register(
    Workflow(
        key="promotion.page",
        model=OrganisationPage,
        field="visibility",
        select_related=("centre", "organisation"),
        refused_message=gettext_lazy("Nie można tego zrobić, gdy wizytówka jest „%(status)s”."),
        transitions=(
            Transition(
                action="hide",
                sources=(V.VISIBLE,),
                target=V.HIDDEN,
                label=gettext_lazy("Ukryj treść wizytówki"),
                audit=Audit.PAGE_HIDE,
                permission=can_moderate_page,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód ukrycia – zobaczą go członkowie organizacji."),
                denied_message=_STAFF_ONLY,
                stamps={"status_reason": REASON, "hidden_by": ACTOR},
                danger=True,
                done_message=gettext_lazy("Treść wizytówki jest ukryta."),
            ),
            Transition(
                action="show",
                sources=(V.HIDDEN,),
                target=V.VISIBLE,
                label=gettext_lazy("Przywróć treść wizytówki"),
                audit=Audit.PAGE_SHOW,
                permission=can_moderate_page,
                denied_message=_STAFF_ONLY,
                stamps={"status_reason": REASON},
                done_message=gettext_lazy("Treść wizytówki jest znowu widoczna."),
            ),
        ),
    )
)


def _tell_proposer(step: Step) -> None:
    company = step.obj
    if company.proposed_by_email:
        outbox_enqueue(
            centre=company.centre,
            to=[company.proposed_by_email],
            template=f"promotion/emails/company_{step.transition.action}_to_proposer",
            context={"company": company, "reason": step.reason},
        )


COMPANY_STATUS = register(
    Workflow(
        key="promotion.company",
        model=Company,
        select_related=("centre",),
        refused_message=gettext_lazy("Nie można tego zrobić, gdy profil firmy ma status „%(status)s”."),
        transitions=(
            Transition(
                action="approve",
                sources=(C.PROPOSED,),
                target=C.PUBLISHED,
                label=gettext_lazy("Opublikuj"),
                audit=Audit.COMPANY_APPROVE,
                permission=can_moderate_company,
                denied_message=_STAFF_ONLY,
                stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
                after=_tell_proposer,
                done_message=gettext_lazy("Profil firmy jest opublikowany."),
            ),
            Transition(
                action="reject",
                sources=(C.PROPOSED,),
                target=C.REJECTED,
                label=gettext_lazy("Odrzuć"),
                audit=Audit.COMPANY_REJECT,
                permission=can_moderate_company,
                reason_required=True,
                reason_message=gettext_lazy("Podaj powód odrzucenia – dostanie go zgłaszający."),
                denied_message=_STAFF_ONLY,
                stamps={"decided_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
                after=_tell_proposer,
                danger=True,
                done_message=gettext_lazy("Zgłoszenie firmy zostało odrzucone."),
            ),
            Transition(
                action="hide",
                sources=(C.PUBLISHED,),
                target=C.HIDDEN,
                label=gettext_lazy("Ukryj"),
                audit=Audit.COMPANY_HIDE,
                permission=can_moderate_company,
                reason_required=True,
                denied_message=_STAFF_ONLY,
                stamps={"status_reason": REASON},
                danger=True,
                done_message=gettext_lazy("Profil firmy jest ukryty."),
            ),
            Transition(
                action="restore",
                sources=(C.HIDDEN,),
                target=C.PUBLISHED,
                label=gettext_lazy("Przywróć"),
                audit=Audit.COMPANY_RESTORE,
                permission=can_moderate_company,
                denied_message=_STAFF_ONLY,
                stamps={"status_reason": REASON},
                done_message=gettext_lazy("Profil firmy jest znowu opublikowany."),
            ),
        ),
    )
)
