"""Reads of small grants (art. 19a): the organisation's offers, the official's desk, the public list and
page, the comments, the document (page and PDF), the limits shown while filling."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from centrum.core.calendar import warsaw_today
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404

from .. import budget as B
from ..choices import (
    PUBLIC_SMALL_GRANT_STATUSES,
    SMALL_GRANT_CHANNELS,
    ContractKind,
    ContractStatus,
    SmallGrantStatus,
)
from ..models import Contract, SmallGrantComment, SmallGrantOffer, SmallGrantPublication
from ..permissions import can_view_small_grant, is_grants_official
from ..simplified_offer import Limits


def _with_children(rows: QuerySet[SmallGrantOffer]) -> QuerySet[SmallGrantOffer]:
    return rows.select_related("organisation", "contract").prefetch_related(
        "results", "cost_lines", "publications"
    )


def small_grant_get_visible(*, centre: Centre, pk, user) -> SmallGrantOffer:
    """The organisation's members and officials: any state; a 404 for others and another centre's id."""
    return get_for_centre_or_404(
        _with_children(SmallGrantOffer.objects.all()),
        centre=centre,
        pk=pk,
        visible=lambda offer: can_view_small_grant(user, offer),
    )


def small_grant_get_for_official(*, centre: Centre, pk, user) -> SmallGrantOffer:
    return get_for_centre_or_404(
        _with_children(SmallGrantOffer.objects.all()),
        centre=centre,
        pk=pk,
        visible=lambda offer: is_grants_official(user, centre),
    )


def small_grant_get_public(*, centre: Centre, pk) -> SmallGrantOffer:
    """A published (or contracted) offer: its public page, for anyone."""
    return get_for_centre_or_404(
        _with_children(SmallGrantOffer.objects.filter(status__in=PUBLIC_SMALL_GRANT_STATUSES)),
        centre=centre,
        pk=pk,
    )


def small_grant_comment_get_for_official(*, centre: Centre, pk, user) -> SmallGrantComment:
    return get_for_centre_or_404(
        SmallGrantComment.objects.select_related("offer"),
        centre=centre,
        pk=pk,
        visible=lambda comment: is_grants_official(user, centre),
    )


def small_grants_for_user(*, centre: Centre, user) -> QuerySet[SmallGrantOffer]:
    """The offers of the organisations the user belongs to, the newest first."""
    if not getattr(user, "is_authenticated", False):
        return SmallGrantOffer.objects.none()
    return (
        SmallGrantOffer.objects.filter(centre=centre, organisation__memberships__user=user)
        .select_related("organisation")
        .distinct()
        .order_by("-id")
    )


def small_grants_public(*, centre: Centre) -> QuerySet[SmallGrantOffer]:
    """Published offers (comment period first, the newest first), with their publications."""
    return (
        SmallGrantOffer.objects.filter(centre=centre, status__in=PUBLIC_SMALL_GRANT_STATUSES)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("publications", queryset=SmallGrantPublication.objects.order_by("published_on"))
        )
        .annotate(comment_count=Count("comments"))
        .order_by("-comments_until", "-id")
    )


def small_grant_desk(*, centre: Centre) -> dict:
    """The official's desk in four parts: received (to decide), to publish (by date, overdue flagged), in
    comments, ready for the contract (period over; with the count of comments still without a response)."""
    today = warsaw_today()
    rows = list(
        SmallGrantOffer.objects.filter(
            centre=centre,
            status__in=(SmallGrantStatus.RECEIVED, SmallGrantStatus.PURPOSEFUL, SmallGrantStatus.PUBLISHED),
        )
        .select_related("organisation")
        .annotate(
            comment_count=Count("comments"),
            unanswered=Count("comments", filter=Q(comments__responded_at__isnull=True)),
        )
        .order_by("publish_by", "comments_until", "id")
    )
    received = [o for o in rows if o.status == SmallGrantStatus.RECEIVED]
    to_publish = [o for o in rows if o.status == SmallGrantStatus.PURPOSEFUL]
    for offer in [*received, *to_publish]:
        offer.overdue = offer.publish_by is not None and offer.publish_by < today
    published = [o for o in rows if o.status == SmallGrantStatus.PUBLISHED]
    in_comments = [o for o in published if o.comments_until is None or o.comments_until >= today]
    ready = [o for o in published if o.comments_until is not None and o.comments_until < today]
    return {"received": received, "to_publish": to_publish, "in_comments": in_comments, "ready": ready}


def small_grant_desk_count(*, centre: Centre) -> int:
    return SmallGrantOffer.objects.filter(
        centre=centre, status__in=(SmallGrantStatus.RECEIVED, SmallGrantStatus.PURPOSEFUL)
    ).count()


def comments_of(offer: SmallGrantOffer) -> list[SmallGrantComment]:
    return list(offer.comments.select_related("responded_by").order_by("filed_at", "id"))


def comments_public(offer: SmallGrantOffer) -> bool:
    """Comments and their responses are public once the comment period is over."""
    if offer.status == SmallGrantStatus.CONTRACTED:
        return True
    return offer.comments_until is not None and offer.comments_until < warsaw_today()


def small_grant_document_context(offer: SmallGrantOffer) -> dict:
    """What the offer's pages and its PDF show: sections I–V with the sums of IV."""
    from ..services.small_grants import content_of
    from ..simplified_offer import DECLARATIONS, summary_of

    summary = summary_of(content_of(offer))
    publications = {p.channel: p for p in offer.publications.all()}
    return {
        "centre": offer.centre,
        "offer": offer,
        "summary": summary,
        "results": list(offer.results.all()),
        "lines": list(offer.cost_lines.all()),
        "declarations": [(text, bool((offer.declarations or {}).get(key))) for key, text, _r in DECLARATIONS],
        "publications": [(channel, publications.get(channel)) for channel in SMALL_GRANT_CHANNELS],
        "own_non_financial": offer.own_personal + offer.own_material,
        "zero": B.ZERO,
    }


def small_grants_export_rows(*, centre: Centre) -> QuerySet[SmallGrantOffer]:
    return (
        SmallGrantOffer.objects.filter(centre=centre)
        .exclude(status=SmallGrantStatus.DRAFT)
        .select_related("organisation", "contract")
    )


def small_grants_register_rows(*, centre: Centre):
    """The register of small-grant offers (art. 19a): the header, then one row per filed offer."""
    header = [
        _("Numer oferty"),
        _("Oferent"),
        _("Tytuł zadania"),
        _("Data wpływu"),
        _("Ocena celowości"),
        _("Termin publikacji"),
        _("Opublikowano"),
        _("Uwagi do"),
        _("Liczba uwag"),
        _("Bez odpowiedzi"),
        _("Wnioskowana dotacja"),
        _("Koszt całkowity"),
        _("Rozpoczęcie"),
        _("Zakończenie"),
        _("Status"),
        _("Numer umowy"),
        _("Kwota umowy"),
    ]
    rows = (
        [
            o.number,
            o.organisation.name if o.organisation_id else o.offeror_name,
            o.title,
            o.received_on,
            o.decided_at,
            o.publish_by,
            o.published_at,
            o.comments_until,
            o.comment_count,
            o.unanswered_count,
            o.requested_grant,
            o.total_cost,
            o.start_date,
            o.end_date,
            o.get_status_display(),
            o.contract.number if o.contract else "",
            o.contract.grant_amount if o.contract else None,
        ]
        for o in small_grants_export_rows(centre=centre)
        .annotate(
            comment_count=Count("comments"),
            unanswered_count=Count("comments", filter=Q(comments__responded_at__isnull=True)),
        )
        .order_by("received_on", "id")
        .iterator(chunk_size=500)
    )
    return header, rows


# --- the limits that depend on other contracts ----------------------------------------------------------------


def _counted_contracts(centre, year: int):
    """The municipality's art. 19a contracts of a calendar year (a draft terminated before signing does not
    count)."""
    return Contract.objects.filter(
        centre=centre, kind=ContractKind.SMALL_GRANT, concluded_on__year=year
    ).exclude(status=ContractStatus.TERMINATED, signed_at__isnull=True)


def granted_in_year(*, centre, year: int, organisation=None) -> Decimal:
    rows = _counted_contracts(centre, year)
    if organisation is not None:
        rows = rows.filter(organisation=organisation)
    return rows.aggregate(total=Sum("grant_amount"))["total"] or B.ZERO


def limit_problems(
    *, centre, organisation, grant: Decimal, on: date, limits: Limits | None = None
) -> list[B.Problem]:
    """The organisation's yearly limit and the municipality's cap for a grant of `grant` contracted on
    `on`: shown while filling, decided (under a lock) when the contract is stored."""
    from centrum.programmes.selectors import planned_ngo_grants

    limits = limits or Limits.of(centre)
    problems = []
    year = on.year
    org_total = granted_in_year(centre=centre, year=year, organisation=organisation)
    if org_total + grant > limits.org_year_max:
        problems.append(
            B.Problem(
                "requested_grant",
                _(
                    "Limit roczny organizacji: w %(year)s r. organizacja ma już małe granty na %(have)s; "
                    "z tą dotacją (%(grant)s) przekroczyłaby %(max)s."
                )
                % {
                    "year": year,
                    "have": B._fmt(org_total),
                    "grant": B._fmt(grant),
                    "max": B._fmt(limits.org_year_max),
                },
            )
        )
    planned = planned_ngo_grants(centre=centre, year=year, on=on)
    if planned is None:
        problems.append(
            B.Problem(
                "cap",
                _(
                    "Brak kwoty planowanych dotacji dla organizacji na %(year)s r. (obowiązującej %(on)s): "
                    "urzędnik musi ją wpisać w programie współpracy, zanim zawrze umowę małego grantu."
                )
                % {"year": year, "on": on.strftime("%d.%m.%Y")},
            )
        )
        return problems
    cap = B.money(planned * limits.cap_percent / B.HUNDRED)
    used = granted_in_year(centre=centre, year=year)
    if used + grant > cap:
        problems.append(
            B.Problem(
                "cap",
                _(
                    "Limit gminy: małe granty w %(year)s r. mogą wynieść najwyżej %(cap)s (%(percent)s%% "
                    "planowanych dotacji); zawarto już %(used)s, zostało %(left)s."
                )
                % {
                    "year": year,
                    "cap": B._fmt(cap),
                    "percent": limits.cap_percent.normalize(),
                    "used": B._fmt(used),
                    "left": B._fmt(max(cap - used, B.ZERO)),
                },
            )
        )
    return problems
