"""A competition: announced (once every required channel is recorded and the deadline keeps its distance),
closed for offers after the deadline, decided when the results are published, or voided (art. 18a)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.links import centre_url
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import NOW, REASON, Transition, Workflow, register

from ..audit_labels import CompetitionAudit as Audit
from ..choices import REQUIRED_CHANNELS, OfferStatus, PublicationPurpose
from ..choices import CompetitionStatus as S
from ..models import Competition, CompetitionPublication, Offer
from ..permissions import is_grants_official
from ..rules import check_announcement, check_deadline_distance

# Offers that count as decided before the results are published.
DECIDED_OFFER_STATUSES = (
    OfferStatus.SELECTED,
    OfferStatus.NOT_SELECTED,
    OfferStatus.FORMALLY_REJECTED,
    OfferStatus.WITHDRAWN,
)
# Offers that met the announcement's requirements (art. 18a: none of them voids the competition).
VALID_OFFER_STATUSES = (
    OfferStatus.SUBMITTED,
    OfferStatus.CORRECTION,
    OfferStatus.FORMALLY_ACCEPTED,
    OfferStatus.SELECTED,
    OfferStatus.NOT_SELECTED,
)


def _official(user, competition) -> bool:
    return is_grants_official(user, competition.centre)


def missing_channels(competition, purpose: str) -> list:
    recorded = set(
        CompetitionPublication.objects.filter(competition=competition, purpose=purpose).values_list(
            "channel", flat=True
        )
    )
    return [channel for channel in REQUIRED_CHANNELS if channel not in recorded]


def _require_channels(competition, purpose: str, what: str) -> list:
    missing = missing_channels(competition, purpose)
    if missing:
        raise ApplicationError(
            _("Zapisz najpierw %(what)s we wszystkich wymaganych miejscach; brakuje: %(missing)s.")
            % {"what": what, "missing": ", ".join(str(c.label) for c in missing)}
        )
    return list(
        CompetitionPublication.objects.filter(competition=competition, purpose=purpose).values_list(
            "published_on", flat=True
        )
    )


def _guard_publish(step) -> None:
    competition = step.obj
    check_announcement(
        kind=competition.kind,
        task_start=competition.task_start,
        task_end=competition.task_end,
        min_own_contribution_percent=competition.min_own_contribution_percent,
        funds_total=competition.funds_total,
        max_grant=competition.max_grant,
        admin_costs_cap_percent=competition.admin_costs_cap_percent,
    )
    if competition.offers_deadline <= timezone.now():
        raise ApplicationError(
            _("Termin składania ofert już minął: ustaw termin w przyszłości."), field="offers_deadline"
        )
    dates = _require_channels(competition, PublicationPurpose.ANNOUNCEMENT, _("publikację ogłoszenia"))
    check_deadline_distance(
        offers_deadline=competition.offers_deadline,
        last_publication=max(dates),
        min_days=centre_setting(competition.centre, "grants.announcement_min_days"),
    )
    if not competition.criteria.exists():
        raise ApplicationError(_("Dodaj kryteria oceny ofert (art. 15 ust. 1) przed ogłoszeniem konkursu."))


def _guard_close(step) -> None:
    if step.obj.offers_deadline > timezone.now():
        raise ApplicationError(
            _("Przyjmowanie ofert można zamknąć dopiero po terminie składania ofert (%(deadline)s).")
            % {"deadline": timezone.localtime(step.obj.offers_deadline).strftime("%d.%m.%Y %H:%M")}
        )


def _guard_publish_results(step) -> None:
    competition = step.obj
    undecided = (
        Offer.objects.filter(competition=competition)
        .exclude(status=OfferStatus.DRAFT)
        .exclude(status__in=DECIDED_OFFER_STATUSES)
        .count()
    )
    if undecided:
        raise ApplicationError(
            _("Nie rozstrzygnięto jeszcze wszystkich ofert (zostało: %(count)s): zdecyduj o każdej.")
            % {"count": undecided}
        )
    _require_channels(competition, PublicationPurpose.RESULTS, _("publikację wyników"))


def _after_publish_results(step) -> None:
    competition = step.obj
    offers = (
        Offer.objects.filter(competition=competition)
        .exclude(status=OfferStatus.DRAFT)
        .select_related("organisation")
    )
    recipients = {}
    for offer in offers:
        email = offer.contact_email or offer.organisation.email
        if email:
            recipients.setdefault(email, []).append(offer)
    for email, own in recipients.items():
        outbox_enqueue(
            centre=competition.centre,
            to=email,
            template="grants/emails/results_to_offeror",
            context={
                "competition": competition,
                "offers": own,
                "link": centre_url(competition.centre, reverse("grants:results", args=[competition.pk])),
            },
        )


def _guard_void(step) -> None:
    competition = step.obj
    if Offer.objects.filter(competition=competition, status__in=VALID_OFFER_STATUSES).exists():
        raise ApplicationError(
            _(
                "Konkurs można unieważnić (art. 18a) tylko, gdy nie złożono żadnej oferty albo żadna nie "
                "spełniła wymogów ogłoszenia. Ten konkurs ma oferty spełniające wymogi."
            )
        )
    _require_channels(competition, PublicationPurpose.VOIDING, _("publikację unieważnienia"))


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
                guard=_guard_publish,
                done_message=gettext_lazy("Konkurs „%(name)s” ogłoszono."),
            ),
            Transition(
                action="close",
                sources=(S.PUBLISHED,),
                target=S.EVALUATION,
                label=gettext_lazy("Zamknij przyjmowanie ofert"),
                audit=Audit.CLOSE,
                permission=_official,
                system=True,
                guard=_guard_close,
            ),
            Transition(
                action="publish_results",
                sources=(S.EVALUATION,),
                target=S.DECIDED,
                label=gettext_lazy("Ogłoś wyniki"),
                audit=Audit.PUBLISH_RESULTS,
                permission=_official,
                stamps={"results_published_at": NOW},
                guard=_guard_publish_results,
                after=_after_publish_results,
                done_message=gettext_lazy("Wyniki konkursu „%(name)s” ogłoszono."),
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
                guard=_guard_void,
                danger=True,
            ),
        ),
    )
)
