"""Reads. Every selector takes the centre: nothing runs unscoped."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from centrum.core.calendar import warsaw_today
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from .choices import PUBLIC_STATUSES, CommentOutcome, ProgrammeStatus, ProposalStatus
from .models import (
    CooperationProgramme,
    OwnInitiativeProposal,
    PlannedGrants,
    ProgrammeComment,
    ProgrammeTask,
)
from .permissions import can_manage_programmes, can_view_programme, can_view_proposal


def programmes_for(*, centre: Centre, user) -> QuerySet[CooperationProgramme]:
    programmes = CooperationProgramme.objects.filter(centre=centre)
    if not can_manage_programmes(user, centre):
        programmes = programmes.filter(status__in=PUBLIC_STATUSES)
    return programmes.annotate(
        planned_total=Sum("tasks__planned_amount"), task_count=Count("tasks")
    ).order_by("-first_year", "-id")


def programme_get_for(*, centre: Centre, user, pk: int) -> CooperationProgramme:
    """The loader: one 404 for "missing", "another centre's" and "not yours" alike."""
    return get_for_centre_or_404(
        CooperationProgramme.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda p: can_view_programme(user, p),
    )


def programme_in_force(*, centre: Centre, year: int | None = None) -> CooperationProgramme | None:
    """The adopted programme covering `year` (this year by default)."""
    year = year or warsaw_today().year
    return (
        CooperationProgramme.objects.filter(
            centre=centre, status=ProgrammeStatus.ADOPTED, first_year__lte=year, last_year__gte=year
        )
        .order_by("-first_year", "-id")
        .first()
    )


def programme_tasks(programme: CooperationProgramme) -> list[ProgrammeTask]:
    return list(
        ProgrammeTask.objects.filter(centre_id=programme.centre_id, programme=programme).select_related(
            "sphere"
        )
    )


def funds_by_year(tasks: list[ProgrammeTask], programme: CooperationProgramme) -> list[tuple[int, Decimal]]:
    """Planned funds per year of the programme (a task with no year belongs to the first year)."""
    totals = {year: Decimal("0") for year in programme.years}
    for task in tasks:
        totals[task.year or programme.first_year] = (
            totals.get(task.year or programme.first_year, Decimal("0")) + task.planned_amount
        )
    return sorted(totals.items())


def programme_comments(programme: CooperationProgramme) -> list[ProgrammeComment]:
    return list(
        ProgrammeComment.objects.filter(centre_id=programme.centre_id, programme=programme)
        .select_related("organisation", "author")
        .order_by("created_at", "id")
    )


def comment_get_for(*, centre: Centre, user, pk: int) -> ProgrammeComment:
    return get_for_centre_or_404(
        ProgrammeComment.objects.select_related("programme"),
        centre=centre,
        pk=pk,
        visible=lambda c: can_manage_programmes(user, centre),
    )


def comment_counts(comments: list[ProgrammeComment]) -> dict[str, int]:
    counts = dict.fromkeys(CommentOutcome.values, 0)
    for comment in comments:
        counts[comment.outcome] += 1
    return counts


def planned_ngo_grants(*, centre: Centre, year: int, on: date) -> Decimal | None:
    """The planned NGO grants of budget year `year` as in force on `on` (the base of the art. 19a cap)."""
    return (
        PlannedGrants.objects.filter(centre=centre, year=year, valid_from__lte=on)
        .order_by("-valid_from", "-id")
        .values_list("amount", flat=True)
        .first()
    )


def planned_grants_history(*, centre: Centre) -> QuerySet[PlannedGrants]:
    return (
        PlannedGrants.objects.filter(centre=centre)
        .select_related("recorded_by")
        .order_by("-year", "-valid_from", "-id")
    )


def proposals_for_official(*, centre: Centre) -> QuerySet[OwnInitiativeProposal]:
    return (
        OwnInitiativeProposal.objects.filter(centre=centre)
        .select_related("organisation", "sphere")
        .order_by(
            # waiting first, the soonest answer due first
            "-status",
            "answer_due_on",
            "id",
        )
    )


def proposals_of_user(*, centre: Centre, user) -> QuerySet[OwnInitiativeProposal]:
    from centrum.accounts.models import Membership

    if not getattr(user, "is_authenticated", False):
        return OwnInitiativeProposal.objects.none()
    organisations = Membership.objects.filter(centre=centre, user=user).values("organisation_id")
    return (
        OwnInitiativeProposal.objects.filter(centre=centre, organisation_id__in=organisations)
        .select_related("organisation")
        .order_by("-created_at", "-id")
    )


def proposal_get_for(*, centre: Centre, user, pk: int) -> OwnInitiativeProposal:
    return get_for_centre_or_404(
        OwnInitiativeProposal.objects.select_related("organisation", "sphere", "submitted_by"),
        centre=centre,
        pk=pk,
        visible=lambda p: can_view_proposal(user, p),
    )


def proposals_waiting(*, centre: Centre) -> dict[str, int]:
    today = warsaw_today()
    return OwnInitiativeProposal.objects.filter(centre=centre, status=ProposalStatus.SUBMITTED).aggregate(
        waiting=Count("id"), overdue=Count("id", filter=Q(answer_due_on__lt=today))
    )


def organisations_acting_for(*, centre: Centre, user, admin_only: bool = False):
    from centrum.accounts.models import Membership
    from centrum.organisations.models import Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    memberships = Membership.objects.filter(centre=centre, user=user)
    if admin_only:
        memberships = memberships.filter(role="admin")
    return Organisation.objects.filter(
        centre=centre, pk__in=memberships.values("organisation_id"), status="active"
    ).order_by("name", "id")


# --- what other apps may link to: programme drafts with their parts as numbered units ---------------

SUBJECT_KEY = "programmes"


def _subject(programme: CooperationProgramme):
    from django.utils.translation import gettext as _

    from centrum.core.crossrefs import Subject, make_ref

    return Subject(
        ref=make_ref(SUBJECT_KEY, programme.pk),
        title=programme.title,
        url=programme.get_absolute_url(),
        kind=str(_("Program współpracy")),
    )


def subjects(centre: Centre) -> list:
    """Programmes not yet adopted (drafts and drafts in consultation)."""
    return [
        _subject(p)
        for p in CooperationProgramme.objects.filter(
            centre=centre, status__in=(ProgrammeStatus.DRAFT, ProgrammeStatus.CONSULTATION)
        ).order_by("-first_year", "-id")
    ]


def resolve(centre: Centre, refs: list[str]) -> dict:
    pks = [int(pk) for ref in refs if (pk := ref.partition(":")[2]).isdigit()]
    subjects = (_subject(p) for p in CooperationProgramme.objects.filter(centre=centre, pk__in=pks))
    return {subject.ref: subject for subject in subjects}


def draft_units(centre: Centre, ref: str) -> list:
    """The programme's filled parts as paragraphs (§ 1–§ 11, the statute's order) and its priority tasks as
    points of the paragraph on priorities."""
    from centrum.core.crossrefs import DraftUnit

    from .models import PARTS

    pk = ref.partition(":")[2]
    programme = (
        CooperationProgramme.objects.filter(centre=centre, pk=int(pk)).first() if pk.isdigit() else None
    )
    if programme is None:
        return []
    tasks = programme_tasks(programme)
    units = []
    for number, (name, label) in enumerate(PARTS, start=1):
        text = getattr(programme, name)
        if not text and not (name == "priorities" and tasks):
            continue
        units.append(
            DraftUnit(number=f"§ {number}", heading=str(label).split(". ", 1)[-1], text=text, level=1)
        )
        if name == "priorities":
            units.extend(
                DraftUnit(number=f"§ {number} pkt {n}", text=task.title, level=2)
                for n, task in enumerate(tasks, start=1)
            )
    return units
