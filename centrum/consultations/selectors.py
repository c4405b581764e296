"""Reads. Every selector takes the centre: nothing runs unscoped."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.calendar import warsaw_today
from centrum.core.crossrefs import LinkedRecord, Subject, make_ref
from centrum.core.models import Centre
from centrum.core.portal import CalendarEntry, TopicItem
from centrum.core.selectors import get_for_centre_or_404

from .choices import ANSWERED_STATUSES, PUBLIC_STATUSES, CommentStatus, ConsultationStatus
from .drafting import word_diff
from .models import Comment, Consultation, ConsultationKind, Proposal, ProposalCall, Team, Unit
from .permissions import can_manage_consultations, can_view_comments, can_view_consultation

SOURCE_KEY = "consultations"


def kinds_for(*, centre: Centre, active_only: bool = False) -> QuerySet[ConsultationKind]:
    kinds = ConsultationKind.objects.filter(centre=centre)
    return kinds.filter(active=True) if active_only else kinds.order_by("name", "id")


def kind_get_for(*, centre: Centre, user, pk: int) -> ConsultationKind:
    return get_for_centre_or_404(
        ConsultationKind.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda k: can_manage_consultations(user, centre),
    )


def public_consultations(*, centre: Centre) -> dict[str, list[Consultation]]:
    """Open ones first; then the ended ones, the reported first."""
    rows = list(
        Consultation.objects.filter(centre=centre, status__in=PUBLIC_STATUSES)
        .select_related("kind")
        .annotate(comment_count=Count("comments", filter=~Q(comments__status=CommentStatus.UNCONFIRMED)))
        .order_by("-ends_on", "-id")
    )
    return {
        "open": [c for c in rows if c.status == ConsultationStatus.OPEN],
        "ended": [c for c in rows if c.status != ConsultationStatus.OPEN],
    }


def desk_consultations(
    *, centre: Centre, status: str = "", kind: int | None = None, q: str = ""
) -> QuerySet[Consultation]:
    rows = Consultation.objects.filter(centre=centre).select_related("kind")
    if status in ConsultationStatus.values:
        rows = rows.filter(status=status)
    if kind:
        rows = rows.filter(kind_id=kind)
    if q:
        rows = rows.filter(title__icontains=q)
    return rows.annotate(
        comment_count=Count("comments", filter=~Q(comments__status=CommentStatus.UNCONFIRMED)),
        waiting_count=Count("comments", filter=Q(comments__status=CommentStatus.SUBMITTED)),
    ).order_by("-starts_on", "-id")


def consultation_get_for(*, centre: Centre, user, pk: int) -> Consultation:
    """The loader: one 404 for "missing", "another centre's" and "not yours" alike."""
    return get_for_centre_or_404(
        Consultation.objects.select_related("kind", "meeting_room", "team"),
        centre=centre,
        pk=pk,
        visible=lambda c: can_view_consultation(user, c),
    )


def current_units(consultation: Consultation, version: int | None = None) -> QuerySet[Unit]:
    """The draft's units in `version` (the current one by default), in order, as a queryset (a form's
    choices)."""
    return Unit.objects.filter(
        centre_id=consultation.centre_id,
        consultation=consultation,
        version=version or consultation.version,
    ).order_by("position", "id")


def units_of(consultation: Consultation, version: int | None = None) -> list[Unit]:
    return list(current_units(consultation, version))


def comment_queryset(consultation: Consultation) -> QuerySet[Comment]:
    """Every comment but the unconfirmed, with its unit and who signed it, in the draft's order (a form's
    choices)."""
    return (
        Comment.objects.filter(centre_id=consultation.centre_id, consultation=consultation)
        .exclude(status=CommentStatus.UNCONFIRMED)
        .select_related("unit", "organisation", "author", "answered_by")
        .order_by("unit__position", "created_at", "id")
    )


def comments_of(consultation: Consultation) -> list[Comment]:
    """comment_queryset as a list, with each comment's consultation and centre already loaded (for the
    permission checks of each comment's actions)."""
    comments = list(comment_queryset(consultation))
    for comment in comments:
        comment.consultation = consultation
        comment.centre = consultation.centre
    return comments


def visible_comments(consultation: Consultation, user) -> list[Comment] | None:
    """The comments `user` may read now; None while they are not public yet."""
    return comments_of(consultation) if can_view_comments(user, consultation) else None


def comment_get_for(*, centre: Centre, user, pk: int) -> Comment:
    return get_for_centre_or_404(
        Comment.objects.select_related("consultation__kind", "unit", "organisation"),
        centre=centre,
        pk=pk,
        visible=lambda c: can_manage_consultations(user, centre),
    )


def unit_get_for(*, centre: Centre, user, pk: int) -> Unit:
    return get_for_centre_or_404(
        Unit.objects.select_related("consultation__kind"),
        centre=centre,
        pk=pk,
        visible=lambda u: can_manage_consultations(user, centre),
    )


@dataclass
class Report:
    consultation: Consultation
    comments: list[Comment]
    counts: dict[str, int]
    organisations: list[str]
    residents: int
    by_unit: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.comments)

    @property
    def answered(self) -> int:
        return sum(self.counts.get(s, 0) for s in ANSWERED_STATUSES)

    @property
    def justification_text(self) -> str:
        """A paragraph to paste into the justification of the draft resolution."""
        c = self.consultation
        text = _(
            "Projekt był przedmiotem konsultacji (%(kind)s) w dniach od %(start)s do %(end)s. "
            "Zgłoszono %(total)s uwag: uwzględniono %(accepted)s, uwzględniono częściowo %(partly)s, "
            "nie uwzględniono %(rejected)s. W konsultacjach wzięło udział %(orgs)s organizacji i %(residents)s "
            "mieszkańców."
        ) % {
            "kind": c.kind.name,
            "start": c.starts_on.strftime("%d.%m.%Y"),
            "end": c.ends_on.strftime("%d.%m.%Y"),
            "total": self.total,
            "accepted": self.counts.get(CommentStatus.ACCEPTED, 0),
            "partly": self.counts.get(CommentStatus.PARTLY, 0),
            "rejected": self.counts.get(CommentStatus.REJECTED, 0),
            "orgs": len(self.organisations),
            "residents": self.residents,
        }
        if c.bip_url:
            text += " " + _("Ogłoszenie o konsultacjach opublikowano w BIP: %(url)s.") % {"url": c.bip_url}
        return text


def consultation_report(consultation: Consultation) -> Report:
    comments = comments_of(consultation)
    counts = Counter(c.status for c in comments)
    organisations = sorted({c.organisation.name for c in comments if c.organisation_id})
    residents = len({(c.author_email or c.author_name).lower() for c in comments if not c.organisation_id})
    by_unit = Counter(c.unit.number if c.unit_id else _("uwagi ogólne") for c in comments)
    return Report(
        consultation=consultation,
        comments=comments,
        counts=dict(counts),
        organisations=organisations,
        residents=residents,
        by_unit=sorted(by_unit.items(), key=lambda item: -item[1]),
    )


def report_is_public(consultation: Consultation) -> bool:
    return consultation.status == ConsultationStatus.REPORTED


def version_diff(consultation: Consultation, old: int, new: int) -> list[dict]:
    """Unit by unit: the older text, the newer one, word pieces and the comments that led to the change."""
    new_units = list(
        Unit.objects.filter(centre_id=consultation.centre_id, consultation=consultation, version=new)
        .select_related("previous")
        .prefetch_related(
            Prefetch("changed_by", queryset=Comment.objects.select_related("organisation", "author"))
        )
        .order_by("position", "id")
    )
    rows = []
    for unit in new_units:
        before = unit.previous.text if unit.previous is not None and unit.previous.version == old else ""
        rows.append(
            {
                "unit": unit,
                "changed": before != unit.text,
                "pieces": word_diff(before, unit.text),
                "comments": list(unit.changed_by.all()),
            }
        )
    return rows


def linked_records(centre: Centre, ref: str) -> list[LinkedRecord]:
    """The consultations of a subject (a programme draft, say), for that subject's page."""
    return [
        LinkedRecord(
            title=c.title,
            url=c.get_absolute_url(),
            kind=str(_("Konsultacje")),
            status=c.get_status_display(),
            when=c.starts_on,
        )
        for c in Consultation.objects.filter(
            centre=centre, subject_ref=ref, status__in=PUBLIC_STATUSES
        ).order_by("-starts_on", "-id")
    ]


def _subject(c: Consultation) -> Subject:
    return Subject(
        ref=make_ref(SOURCE_KEY, c.pk),
        title=c.title,
        url=c.get_absolute_url(),
        kind=str(_("Konsultacje")),
        when=c.starts_on,
    )


def subjects(centre: Centre) -> list[Subject]:
    return [
        _subject(c)
        for c in Consultation.objects.filter(centre=centre)
        .exclude(status=ConsultationStatus.REPORTED)
        .order_by("-starts_on", "-id")[:100]
    ]


def resolve(centre: Centre, refs: list[str]) -> dict[str, Subject]:
    pks = [int(pk) for ref in refs if (pk := ref.partition(":")[2]).isdigit()]
    return {
        make_ref(SOURCE_KEY, c.pk): _subject(c)
        for c in Consultation.objects.filter(centre=centre, pk__in=pks)
    }


def consultations_held(centre: Centre, year: int) -> int | None:
    """How many consultations ended in `year` (the hard indicator of the index)."""
    return (
        Consultation.objects.filter(centre=centre, ends_on__year=year)
        .exclude(status__in=(ConsultationStatus.DRAFT, ConsultationStatus.OPEN))
        .count()
    )


def calendar_entries(centre: Centre, start: datetime, end: datetime) -> list[CalendarEntry]:
    rows = Consultation.objects.filter(
        centre=centre,
        status__in=PUBLIC_STATUSES,
        form_meeting=True,
        meeting_starts_at__lt=end,
        meeting_ends_at__gt=start,
    ).select_related("meeting_room")
    return [
        CalendarEntry(
            uid=f"consultation-meeting-{c.pk}@{centre.slug}",
            title=_("Spotkanie konsultacyjne: %(title)s") % {"title": c.title},
            starts_at=c.meeting_starts_at,
            ends_at=c.meeting_ends_at,
            url=c.get_absolute_url(),
            place=c.meeting_room.name if c.meeting_room_id else "",
            kind=SOURCE_KEY,
        )
        for c in rows
    ]


def topic_items(centre: Centre, since: datetime, until: datetime) -> list[TopicItem]:
    """Consultations that opened in [since, until)."""
    return [
        TopicItem(
            title=c.title,
            url=c.get_absolute_url(),
            published_at=c.status_changed_at or timezone.now(),
            summary=_("Uwagi do %(day)s.") % {"day": c.ends_on.strftime("%d.%m.%Y")},
        )
        for c in Consultation.objects.filter(
            centre=centre,
            status__in=PUBLIC_STATUSES,
            status_changed_at__gte=since,
            status_changed_at__lt=until,
        ).order_by("status_changed_at", "id")
        if c.status == ConsultationStatus.OPEN
    ]


def consultations_waiting(*, centre: Centre) -> dict[str, int]:
    today = warsaw_today()
    return Consultation.objects.filter(centre=centre).aggregate(
        open=Count("id", filter=Q(status=ConsultationStatus.OPEN)),
        to_answer=Count("id", filter=Q(status=ConsultationStatus.CLOSED)),
        overdue=Count("id", filter=Q(status=ConsultationStatus.CLOSED, ends_on__lt=today)),
    )


def calls_for(*, centre: Centre) -> QuerySet[ProposalCall]:
    return (
        ProposalCall.objects.filter(centre=centre)
        .select_related("kind")
        .annotate(proposal_count=Count("proposals", distinct=True))
        .order_by("-ends_on", "-id")
    )


def call_get_for(*, centre: Centre, user, pk: int) -> ProposalCall:
    return get_for_centre_or_404(ProposalCall.objects.select_related("kind"), centre=centre, pk=pk)


def call_proposals(call: ProposalCall) -> list[Proposal]:
    return list(
        Proposal.objects.filter(centre_id=call.centre_id, call=call)
        .select_related("organisation")
        .order_by("created_at", "id")
    )


def call_teams(call: ProposalCall) -> list[Team]:
    return list(
        Team.objects.filter(centre_id=call.centre_id, call=call).prefetch_related(
            Prefetch("drafts", queryset=Consultation.objects.order_by("id"))
        )
    )


def proposal_get_for(*, centre: Centre, user, pk: int) -> Proposal:
    return get_for_centre_or_404(
        Proposal.objects.select_related("call"),
        centre=centre,
        pk=pk,
        visible=lambda p: can_manage_consultations(user, centre),
    )


def team_get_for(*, centre: Centre, user, pk: int) -> Team:
    return get_for_centre_or_404(
        Team.objects.select_related("call__kind"),
        centre=centre,
        pk=pk,
        visible=lambda t: can_manage_consultations(user, centre),
    )


def organisations_acting_for(*, centre: Centre, user):
    """The active organisations `user` may sign for (the registry's own list of a person's organisations)."""
    from centrum.organisations.selectors import organisation_list_for_user

    return organisation_list_for_user(centre=centre, user=user).filter(status="active")


def rooms_for_meetings(*, centre: Centre):
    from centrum.core.registry import module_is_active
    from centrum.spaces.models import Room

    if not module_is_active(centre, "spaces"):
        return Room.objects.none()
    return Room.objects.filter(centre=centre, is_active=True).order_by("name", "id")
