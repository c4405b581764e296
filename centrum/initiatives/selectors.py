"""Reads. Every selector takes the centre: nothing runs unscoped."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from centrum.core.calendar import warsaw_today
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from .choices import AGREEMENT_STATUSES, ContributionKind, InitiativeStatus
from .models import Area, Contribution, CostItem, Criterion, Initiative, InitiativeRules, IntakeCall, Score
from .permissions import can_view_initiative

S = InitiativeStatus
CARRIED_OUT = (S.COMPLETED,)


def rules_for(*, centre: Centre) -> InitiativeRules | None:
    return InitiativeRules.objects.filter(centre=centre).first()


def calls_of(*, centre: Centre) -> list[IntakeCall]:
    return list(IntakeCall.objects.filter(centre=centre).order_by("-opens_on", "id"))


def open_call(*, centre: Centre, day: date | None = None) -> IntakeCall | None:
    day = day or warsaw_today()
    return (
        IntakeCall.objects.filter(centre=centre, opens_on__lte=day, closes_on__gte=day)
        .order_by("closes_on")
        .first()
    )


def criteria_of(*, centre: Centre) -> list[Criterion]:
    return list(Criterion.objects.filter(centre=centre).order_by("position", "id"))


def areas_of(*, centre: Centre, active_only: bool = False) -> QuerySet[Area]:
    areas = Area.objects.filter(centre=centre)
    return areas.filter(active=True) if active_only else areas


def area_get_for(*, centre: Centre, pk: int) -> Area:
    return get_for_centre_or_404(Area.objects.all(), centre=centre, pk=pk)


def call_get_for(*, centre: Centre, pk: int) -> IntakeCall:
    return get_for_centre_or_404(IntakeCall.objects.all(), centre=centre, pk=pk)


def criterion_get_for(*, centre: Centre, pk: int) -> Criterion:
    return get_for_centre_or_404(Criterion.objects.all(), centre=centre, pk=pk)


def initiative_get_for(*, centre: Centre, user, pk: int) -> Initiative:
    """The loader: one 404 for "missing", "another centre's" and "not yours" alike."""
    return get_for_centre_or_404(
        Initiative.objects.select_related("leader", "organisation", "area", "call", "decided_by"),
        centre=centre,
        pk=pk,
        visible=lambda i: can_view_initiative(user, i),
    )


def contributions_of(initiative: Initiative) -> list[Contribution]:
    return list(
        Contribution.objects.filter(centre_id=initiative.centre_id, initiative=initiative).order_by(
            "kind", "id"
        )
    )


def members_of(initiative: Initiative) -> list:
    return list(initiative.members.filter(centre_id=initiative.centre_id).order_by("id"))


def schedule_of(initiative: Initiative) -> list:
    return list(initiative.schedule.filter(centre_id=initiative.centre_id).order_by("starts_on", "id"))


def costs_of(initiative: Initiative) -> list[CostItem]:
    return list(
        CostItem.objects.filter(centre_id=initiative.centre_id, initiative=initiative).order_by("payer", "id")
    )


def scores_of(initiative: Initiative) -> list[Score]:
    return list(
        Score.objects.filter(centre_id=initiative.centre_id, initiative=initiative)
        .select_related("criterion", "scored_by")
        .order_by("criterion__position", "id")
    )


def organisations_of_member(*, centre: Centre, user):
    """The active organisations of the centre `user` belongs to (a member files through one)."""
    from centrum.accounts.models import Membership
    from centrum.organisations.models import Organisation

    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        centre=centre,
        pk__in=Membership.objects.filter(centre=centre, user=user).values("organisation_id"),
        status="active",
    ).order_by("name", "id")


def _with_totals(initiatives: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return initiatives.annotate(
        work_value=Sum("contributions__value", filter=Q(contributions__kind=ContributionKind.WORK)),
        work_hours=Sum("contributions__hours", filter=Q(contributions__kind=ContributionKind.WORK)),
        money_value=Sum("contributions__value", filter=Q(contributions__kind=ContributionKind.MONEY)),
        in_kind_value=Sum("contributions__value", filter=Q(contributions__kind=ContributionKind.IN_KIND)),
    )


def initiatives_of_user(*, centre: Centre, user) -> QuerySet[Initiative]:
    from centrum.accounts.models import Membership

    if not getattr(user, "is_authenticated", False):
        return Initiative.objects.none()
    organisations = Membership.objects.filter(centre=centre, user=user, role="admin").values(
        "organisation_id"
    )
    return (
        Initiative.objects.filter(centre=centre)
        .filter(Q(leader=user) | Q(organisation_id__in=organisations))
        .select_related("area", "organisation")
        .order_by("-created_at", "-id")
    )


def initiatives_for_desk(
    *, centre: Centre, status: str = "", area: int | None = None, year: int | None = None, q: str = ""
) -> QuerySet[Initiative]:
    """What officials see: every application but drafts, filtered."""
    rows = Initiative.objects.filter(centre=centre).exclude(status=S.DRAFT)
    if status:
        rows = rows.filter(status=status)
    if area:
        rows = rows.filter(area_id=area)
    if year:
        rows = rows.filter(starts_on__year=year)
    if q:
        rows = rows.filter(
            Q(title__icontains=q)
            | Q(number__icontains=q)
            | Q(group_name__icontains=q)
            | Q(organisation__name__icontains=q)
        )
    return _with_totals(rows).select_related("area", "organisation").order_by("-submitted_at", "-id")


def initiatives_carried_out(*, centre: Centre, year: int | None = None) -> QuerySet[Initiative]:
    rows = Initiative.objects.filter(centre=centre, status__in=CARRIED_OUT)
    if year:
        rows = rows.filter(completed_on__year=year)
    return _with_totals(rows).select_related("area", "organisation").order_by("-completed_on", "-id")


def carried_out_years(*, centre: Centre) -> list[int]:
    return list(
        Initiative.objects.filter(centre=centre, status__in=CARRIED_OUT, completed_on__isnull=False)
        .annotate(year=ExtractYear("completed_on"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def statistics(*, centre: Centre, year: int | None = None) -> dict:
    """Applications, accepted, agreements and the value of social work of a year (by the day filed)."""
    rows = Initiative.objects.filter(centre=centre).exclude(status=S.DRAFT)
    if year:
        rows = rows.filter(submitted_at__year=year)
    counts = rows.aggregate(
        applications=Count("id"),
        accepted=Count("id", filter=Q(status__in=(S.ACCEPTED, S.AGREEMENT, S.SIGNED, S.COMPLETED))),
        agreements=Count("id", filter=Q(status__in=AGREEMENT_STATUSES)),
        completed=Count("id", filter=Q(status=S.COMPLETED)),
    )
    work = Contribution.objects.filter(
        centre=centre, initiative__in=rows.filter(status__in=AGREEMENT_STATUSES), kind=ContributionKind.WORK
    ).aggregate(value=Sum("value"), hours=Sum("hours"))
    counts["work_value"] = work["value"] or Decimal("0.00")
    counts["work_hours"] = work["hours"] or Decimal("0")
    counts["year"] = year
    return counts


def completion_due(*, centre: Centre, today: date, after_days: int) -> QuerySet[Initiative]:
    """Signed initiatives whose end date passed `after_days` ago or more and that nobody was reminded of."""
    from datetime import timedelta

    return Initiative.objects.filter(
        centre=centre,
        status=S.SIGNED,
        reminded_at__isnull=True,
        ends_on__lte=today - timedelta(days=after_days),
    ).select_related("leader", "organisation")


def export_rows(*, centre: Centre):
    """Header and rows of the desk's export (CSV, XLSX and the API)."""
    header = [
        "Numer",
        "Nazwa",
        "Wnioskodawca",
        "Obszar",
        "Status",
        "Złożono",
        "Początek",
        "Koniec",
        "Godziny pracy społecznej",
        "Wartość pracy społecznej",
        "Wkład pieniężny",
        "Wkład rzeczowy",
        "Środki gminy",
        "Wkład rzeczowy gminy",
        "Umowa podpisana",
        "Zakończono",
    ]
    rows = (
        [
            i.number,
            i.title,
            i.applicant_name,
            str(i.area),
            i.get_status_display(),
            i.submitted_at,
            i.starts_on,
            i.ends_on,
            i.work_hours or 0,
            i.work_value or 0,
            i.money_value or 0,
            i.in_kind_value or 0,
            i.municipality_amount,
            i.municipality_in_kind_value,
            i.signed_on,
            i.completed_on,
        ]
        for i in initiatives_for_desk(centre=centre)
    )
    return header, rows


def official_card(*, centre: Centre) -> dict:
    return Initiative.objects.filter(centre=centre).aggregate(
        waiting=Count("id", filter=Q(status=S.SUBMITTED)),
        preparing=Count("id", filter=Q(status__in=(S.ACCEPTED, S.AGREEMENT))),
        running=Count("id", filter=Q(status=S.SIGNED)),
    )


def applicant_card(*, centre: Centre, user, today: date) -> dict:
    """The applicant's open initiatives (theirs or their organisations') with the next step each awaits."""
    steps = {
        S.DRAFT: _("dokończ i złóż wniosek"),
        S.SUBMITTED: _("wniosek w ocenie"),
        S.ACCEPTED: _("uzgodnij z urzędem harmonogram i kosztorys"),
        S.AGREEMENT: _("umowa w przygotowaniu"),
        S.SIGNED: _("w realizacji"),
    }
    rows = []
    for initiative in initiatives_of_user(centre=centre, user=user).filter(status__in=list(steps))[:6]:
        step = steps[initiative.status]
        if initiative.status == S.SIGNED and initiative.ends_on and initiative.ends_on < today:
            step = _("złóż sprawozdanie z wykonania")
        rows.append({"initiative": initiative, "step": step})
    return {"rows": rows}
