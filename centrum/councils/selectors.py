"""Reads of councils. Every selector takes the centre. Councils are public bodies: their composition,
meetings, resolutions, elections and opinions are public; writes are the secretary's (staff or official)."""

from datetime import date

from django.db.models import Count, Exists, Q, QuerySet
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import ElectionStatus, OpinionStatus, Side
from .models import (
    Body,
    BodyKind,
    Candidate,
    Election,
    JointRequest,
    JointRequestSignature,
    Meeting,
    MeetingDocument,
    Member,
    OpinionRequest,
    Vote,
)


def kind_list(*, centre: Centre) -> QuerySet[BodyKind]:
    return BodyKind.objects.filter(centre=centre).annotate(body_count=Count("bodies")).order_by("name", "id")


def kind_get_for(*, centre: Centre, pk: int) -> BodyKind:
    return get_for_centre_or_404(BodyKind.objects.all(), centre=centre, pk=pk)


def _current(day: date) -> Q:
    return Q(from_date__lte=day) & (Q(to_date__isnull=True) | Q(to_date__gte=day))


def body_list(*, centre: Centre) -> QuerySet[Body]:
    today = warsaw_today()
    return (
        Body.objects.filter(centre=centre)
        .select_related("kind")
        .annotate(
            member_count=Count(
                "members",
                filter=Q(members__from_date__lte=today)
                & (Q(members__to_date__isnull=True) | Q(members__to_date__gte=today)),
            ),
        )
        .order_by("-active", "name", "id")
    )


def body_get_for(*, centre: Centre, pk: int) -> Body:
    return get_for_centre_or_404(Body.objects.select_related("kind"), centre=centre, pk=pk)


def current_member_rows(body: Body, day: date | None = None) -> list[Member]:
    return list(
        Member.objects.filter(body=body)
        .filter(_current(day or warsaw_today()))
        .select_related("organisation")
        .order_by("role", "person_name", "id")
    )


def composition(body: Body) -> dict:
    members = current_member_rows(body)
    ngo = sum(1 for m in members if m.side == Side.NGO)
    share = round(ngo * 100 / len(members)) if members else 0
    return {"members": members, "ngo": ngo, "total": len(members), "share": share}


def body_page(*, body: Body) -> dict:
    return {
        "composition": composition(body),
        "past_members": list(
            Member.objects.filter(body=body, to_date__lt=warsaw_today()).order_by("-to_date", "id")
        ),
        "meetings": list(body.meetings.order_by("-starts_at", "id")[:50]),
        "resolutions": list(body.resolutions.order_by("-adopted_on", "id")[:50]),
        "opinions": list(body.opinion_requests.order_by("-received_on", "-id")[:50]),
        "elections": list(body.elections.order_by("-nominations_until", "id")),
    }


def meeting_get_for(*, centre: Centre, pk: int) -> Meeting:
    return get_for_centre_or_404(
        Meeting.objects.select_related("body__kind", "room", "minutes_approved_at"), centre=centre, pk=pk
    )


def meetings_after(meeting: Meeting) -> QuerySet[Meeting]:
    return Meeting.objects.filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at).order_by(
        "starts_at", "id"
    )


def opinion_list(*, centre: Centre) -> QuerySet[OpinionRequest]:
    return OpinionRequest.objects.filter(centre=centre).select_related("body").order_by("-received_on", "-id")


def opinion_get_for(*, centre: Centre, pk: int) -> OpinionRequest:
    return get_for_centre_or_404(OpinionRequest.objects.select_related("body__kind"), centre=centre, pk=pk)


def election_get_for(*, centre: Centre, pk: int) -> Election:
    return get_for_centre_or_404(Election.objects.select_related("body__kind"), centre=centre, pk=pk)


def candidate_get_for(*, centre: Centre, pk: int) -> Candidate:
    return get_for_centre_or_404(Candidate.objects.select_related("election"), centre=centre, pk=pk)


def candidates_of(election: Election) -> list[Candidate]:
    return list(election.candidates.select_related("organisation").order_by("created_at", "id"))


def acting_organisations(*, centre: Centre, user, admin: bool) -> QuerySet[Organisation]:
    """Active organisations of `centre` the user acts for (admins only where `admin`)."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    memberships = {"memberships__user": user}
    if admin:
        memberships["memberships__role"] = "admin"
    return Organisation.objects.filter(
        centre=centre, status=OrganisationStatus.ACTIVE, **memberships
    ).order_by("name", "id")


def voted_organisation_ids(election: Election, organisations) -> set[int]:
    return set(
        Vote.objects.filter(election=election, organisation__in=organisations).values_list(
            "organisation_id", flat=True
        )
    )


def request_list(*, centre: Centre) -> QuerySet[JointRequest]:
    return (
        JointRequest.objects.filter(centre=centre)
        .select_related("kind", "body")
        .annotate(signature_count=Count("signatures"))
        .order_by("-created_at", "id")
    )


def request_get_for(*, centre: Centre, pk: int) -> JointRequest:
    return get_for_centre_or_404(JointRequest.objects.select_related("kind", "body"), centre=centre, pk=pk)


def signatures_of(request: JointRequest) -> list[JointRequestSignature]:
    return list(request.signatures.select_related("organisation").order_by("created_at", "id"))


def desk(*, centre: Centre) -> dict:
    today = warsaw_today()
    return {
        "today": today,
        "opinions": list(
            OpinionRequest.objects.filter(centre=centre, status=OpinionStatus.AWAITING)
            .select_related("body")
            .order_by("deadline", "id")
        ),
        "elections": list(
            Election.objects.filter(centre=centre)
            .exclude(status=ElectionStatus.PUBLISHED)
            .select_related("body")
            .order_by("nominations_until", "id")
        ),
        "requests": list(
            JointRequest.objects.filter(centre=centre, body__isnull=True)
            .select_related("kind")
            .annotate(signature_count=Count("signatures"))
            .order_by("deadline", "id")
        ),
    }


def desk_card(*, centre: Centre) -> dict:
    return {
        "awaiting": OpinionRequest.objects.filter(centre=centre, status=OpinionStatus.AWAITING).count(),
    }


def account_card(*, centre: Centre, user) -> dict:
    """For a member of organisations: elections open for them, joint requests to sign."""
    now = timezone.now()
    admin_orgs = acting_organisations(centre=centre, user=user, admin=True)
    member_orgs = acting_organisations(centre=centre, user=user, admin=False)
    # Two queries, the person's organisations as subqueries: the card costs the page no more than that.
    elections = list(
        Election.objects.filter(centre=centre, status=ElectionStatus.OPEN)
        .filter(Q(nominations_until__gte=now) | Q(voting_from__lte=now, voting_until__gte=now))
        .filter(Exists(admin_orgs))
        .select_related("body")
        .order_by("nominations_until", "id")
    )
    requests = list(
        JointRequest.objects.filter(centre=centre, body__isnull=True)
        .filter(Exists(member_orgs))
        .exclude(signatures__organisation__in=member_orgs)
        .order_by("-created_at", "id")[:10]
    )
    return {"elections": elections, "requests": requests}


def opinions_about(*, centre: Centre, ref: str) -> list[OpinionRequest]:
    return list(
        OpinionRequest.objects.filter(centre=centre, subject_ref=ref)
        .select_related("body")
        .order_by("received_on", "id")
    )


def public_meetings_between(*, centre: Centre, start, end) -> list[Meeting]:
    return list(
        Meeting.objects.filter(centre=centre, public=True, starts_at__lt=end, ends_at__gt=start)
        .select_related("body", "room")
        .order_by("starts_at", "id")
    )


def bodies_active_in(*, centre: Centre, year: int) -> int:
    start, end = date(year, 1, 1), date(year, 12, 31)
    return (
        Body.objects.filter(centre=centre)
        .filter(Q(term_start__isnull=True) | Q(term_start__lte=end))
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=start))
        .filter(Q(meetings__starts_at__year=year) | Q(active=True))
        .distinct()
        .count()
    )


def meetings_held_in(*, centre: Centre, year: int) -> int:
    return Meeting.objects.filter(centre=centre, starts_at__year=year, starts_at__lte=timezone.now()).count()


def rooms_for_meetings(*, centre: Centre):
    from centrum.core.registry import module_is_active
    from centrum.spaces.models import Room

    if not module_is_active(centre, "spaces"):
        return Room.objects.none()
    return Room.objects.filter(centre=centre, is_active=True).order_by("name", "id")


def active_organisations(*, centre: Centre) -> QuerySet[Organisation]:
    """The registry's active organisations (the choices of a member's organisation)."""
    return Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name", "id")


def members_on_meeting_day(meeting: Meeting) -> QuerySet[Member]:
    """The body's members on the day of `meeting`, by name (the choices of its attendance list)."""
    ids = [m.pk for m in current_member_rows(meeting.body, meeting.starts_at.date())]
    return Member.objects.filter(centre_id=meeting.centre_id, pk__in=ids).order_by("person_name", "id")


def member_get_for(*, centre: Centre, pk: int) -> Member:
    return get_for_centre_or_404(Member.objects.select_related("body"), centre=centre, pk=pk)


def meeting_document_get_for(*, centre: Centre, pk: int) -> MeetingDocument:
    return get_for_centre_or_404(MeetingDocument.objects.all(), centre=centre, pk=pk)
