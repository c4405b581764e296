"""The declared workflows: news and events go submitted → published | changes requested (the author edits
and resubmits) | rejected (with a reason); staff may take a published one down again. Error reports go
new → handled (with a note) and may be reopened. Every decision mails the author through the outbox."""

from django.utils.translation import gettext_lazy

from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import ACTOR, NOW, REASON, Step, Transition, Workflow, register

from .audit_labels import NewsAudit as Audit
from .choices import ModerationStatus as S
from .choices import ReportStatus
from .models import ErrorReport, Event, NewsItem
from .permissions import can_decide, can_handle_report, can_resubmit


def author_addresses(item) -> list[str]:
    addresses = [item.author.email if item.author_id else ""]
    if not addresses[0] and item.organisation_id and item.organisation.email:
        addresses.append(item.organisation.email)
    return list(dict.fromkeys(a for a in addresses if a))


def _tell_author(kind: str):
    def after(step: Step) -> None:
        item = step.obj
        # Staff publishing their own item need no mail about it.
        if step.actor is not None and item.author_id == getattr(step.actor, "pk", None):
            return
        addresses = author_addresses(item)
        if addresses:
            outbox_enqueue(
                centre=item.centre,
                to=addresses,
                template="news/emails/decision_to_author",
                context={"item": item, "kind": kind, "status": step.target, "reason": step.reason},
            )

    return after


def _moderation(model, *, key: str, kind: str, audits: dict, noun) -> Workflow:
    tell = _tell_author(kind)
    return register(
        Workflow(
            key=key,
            model=model,
            refused_message=gettext_lazy("Tego wpisu w stanie „%(status)s” nie można teraz tak zmienić."),
            select_related=("author", "organisation", "centre"),
            transitions=(
                Transition(
                    action="approve",
                    sources=(S.SUBMITTED,),
                    target=S.PUBLISHED,
                    label=gettext_lazy("Opublikuj"),
                    audit=audits["approve"],
                    permission=can_decide,
                    stamps={"published_at": NOW, "decided_by": ACTOR, "status_reason": REASON},
                    after=tell,
                    done_message=noun["approve"],
                ),
                Transition(
                    action="request_changes",
                    sources=(S.SUBMITTED,),
                    target=S.CHANGES_REQUESTED,
                    label=gettext_lazy("Poproś o poprawki"),
                    audit=audits["request_changes"],
                    permission=can_decide,
                    reason_required=True,
                    reason_message=gettext_lazy("Napisz, co trzeba poprawić – autor dostanie tę uwagę."),
                    stamps={"decided_by": ACTOR, "status_reason": REASON},
                    after=tell,
                ),
                Transition(
                    action="reject",
                    sources=(S.SUBMITTED, S.CHANGES_REQUESTED),
                    target=S.REJECTED,
                    label=gettext_lazy("Odrzuć"),
                    audit=audits["reject"],
                    permission=can_decide,
                    reason_required=True,
                    reason_message=gettext_lazy("Podaj przyczynę odrzucenia – autor ją otrzyma."),
                    stamps={"decided_by": ACTOR, "status_reason": REASON},
                    after=tell,
                    danger=True,
                ),
                Transition(
                    action="resubmit",
                    sources=(S.CHANGES_REQUESTED,),
                    target=S.SUBMITTED,
                    label=gettext_lazy("Zgłoś ponownie do publikacji"),
                    audit=audits["resubmit"],
                    permission=can_resubmit,
                    stamps={"submitted_at": NOW},
                ),
                Transition(
                    action="unpublish",
                    sources=(S.PUBLISHED,),
                    target=S.CHANGES_REQUESTED,
                    label=gettext_lazy("Wycofaj z publikacji do poprawy"),
                    audit=audits["unpublish"],
                    permission=can_decide,
                    reason_required=True,
                    reason_message=gettext_lazy(
                        "Napisz, dlaczego wycofujesz wpis – autor dostanie tę uwagę."
                    ),
                    stamps={"decided_by": ACTOR, "status_reason": REASON},
                    after=tell,
                    danger=True,
                ),
            ),
        )
    )


def _audits(entity: str) -> dict:
    """The audit codes of one entity's moderation steps (`NEWS_APPROVED`, `EVENT_REJECTED`, …)."""
    names = {
        "approve": "APPROVED",
        "request_changes": "CHANGES",
        "reject": "REJECTED",
        "resubmit": "RESUBMITTED",
        "unpublish": "UNPUBLISHED",
    }
    return {action: getattr(Audit, f"{entity}_{name}") for action, name in names.items()}


NEWS_STATUS = _moderation(
    NewsItem,
    key="news.news_item",
    kind="news",
    audits=_audits("NEWS"),
    noun={"approve": gettext_lazy("Opublikowano aktualność „%(name)s”.")},
)
EVENT_STATUS = _moderation(
    Event,
    key="news.event",
    kind="event",
    audits=_audits("EVENT"),
    noun={"approve": gettext_lazy("Opublikowano wydarzenie „%(name)s”.")},
)
REPORT_STATUS = register(
    Workflow(
        key="news.error_report",
        model=ErrorReport,
        transitions=(
            Transition(
                action="handle",
                sources=(ReportStatus.NEW,),
                target=ReportStatus.HANDLED,
                label=gettext_lazy("Załatwione"),
                audit=Audit.REPORT_HANDLED,
                permission=can_handle_report,
                stamps={"handled_by": ACTOR, "note": REASON},
            ),
            Transition(
                action="reopen",
                sources=(ReportStatus.HANDLED,),
                target=ReportStatus.NEW,
                label=gettext_lazy("Otwórz ponownie"),
                audit=Audit.REPORT_REOPENED,
                permission=can_handle_report,
            ),
        ),
    )
)
