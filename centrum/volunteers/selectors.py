"""Reads. Every selector takes the centre: nothing runs unscoped."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_settings_cached
from centrum.core.models import Centre
from centrum.core.selectors import get_for_centre_or_404
from centrum.core.text import search_words
from centrum.organisations.models import ActivityArea

from . import rules
from .choices import ApplicationStatus, HostKind, HoursStatus, OfferStatus
from .models import AbroadPage, Agreement, Application, Host, HoursEntry, Offer, Volunteer
from .permissions import (
    can_view_agreement,
    can_view_application,
    can_view_offer,
    can_view_volunteer,
    can_work_in_centre,
    is_coordinator,
)

PUBLIC_OFFERS = (OfferStatus.PUBLISHED,)


def _offers(centre: Centre) -> QuerySet[Offer]:
    return (
        Offer.objects.filter(centre=centre)
        .select_related("host", "host__organisation", "district")
        .prefetch_related(Prefetch("areas", queryset=ActivityArea.objects.order_by("position")))
    )


@dataclass(frozen=True)
class OfferFilters:
    area: int | None = None
    district: int | None = None
    kind: str = ""
    minors: bool = False
    q: str = ""


def offer_list_public(*, centre: Centre, filters: OfferFilters | None = None) -> QuerySet[Offer]:
    """Published offers still running, newest first; filtered and searched (diacritics-insensitive)."""
    filters = filters or OfferFilters()
    today = warsaw_today()
    offers = (
        _offers(centre)
        .filter(status__in=PUBLIC_OFFERS)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )
    if filters.area:
        offers = offers.filter(areas__pk=filters.area)
    if filters.district:
        offers = offers.filter(district_id=filters.district)
    if filters.kind:
        offers = offers.filter(kind=filters.kind)
    if filters.minors:
        offers = offers.filter(for_minors=True)
    for word in search_words(filters.q)[:8]:
        offers = offers.filter(search_text__contains=f" {word}")
    return offers.order_by("-published_at", "-id")


def offer_search(*, centre: Centre, words: list[str], limit: int) -> list[Offer]:
    """For the public search box: published offers with every word, whole words first."""
    offers = list(offer_list_public(centre=centre, filters=OfferFilters(q=" ".join(words)))[: limit * 3])
    offers.sort(key=lambda o: -sum(f" {w} " in o.search_text for w in words))
    return offers[:limit]


def offer_get_for(*, centre: Centre, user, pk) -> Offer:
    return get_for_centre_or_404(
        _offers(centre), centre=centre, pk=pk, visible=lambda o: can_view_offer(user, o)
    )


def offers_of_organisation(*, centre: Centre, organisation) -> list[Offer]:
    return list(
        offer_list_public(centre=centre)
        .filter(host__organisation=organisation)
        .order_by("starts_on", "id")[:20]
    )


def offers_published_between(*, centre: Centre, since, until) -> list[Offer]:
    return list(
        _offers(centre)
        .filter(status=OfferStatus.PUBLISHED, published_at__gte=since, published_at__lt=until)
        .order_by("published_at", "id")
    )


def shifts_between(*, centre: Centre, start, end):
    from .models import Shift

    return list(
        Shift.objects.filter(
            centre=centre, offer__status=OfferStatus.PUBLISHED, starts_at__lt=end, ends_at__gt=start
        )
        .select_related("offer", "offer__host", "offer__host__organisation")
        .order_by("starts_at", "id")
    )


def volunteer_of(*, centre: Centre, user) -> Volunteer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Volunteer.objects.filter(centre=centre, user=user)
        .select_related("district")
        .prefetch_related("areas")
        .first()
    )


def volunteer_get_for(*, centre: Centre, user, pk) -> Volunteer:
    return get_for_centre_or_404(
        Volunteer.objects.select_related("district", "user").prefetch_related("areas"),
        centre=centre,
        pk=pk,
        visible=lambda v: can_view_volunteer(user, v),
    )


def _is_minor(volunteer: Volunteer, centre: Centre, today: date) -> bool:
    return volunteer.age_on(today) < centre_settings_cached(centre)["volunteers.adult_age"]


def offers_ranked_for(*, centre: Centre, volunteer: Volunteer, limit: int = 20) -> list[tuple[Offer, int]]:
    """Published offers ranked by fit for the volunteer (fields, district, time; a minor sees only offers
    suitable for minors)."""
    minor = _is_minor(volunteer, centre, warsaw_today())
    areas = {a.pk for a in volunteer.areas.all()}
    times = volunteer.availability()
    ranked = []
    for offer in offer_list_public(centre=centre):
        score = rules.fit_score(
            volunteer_areas=areas,
            volunteer_district=volunteer.district_id,
            volunteer_times=times,
            minor=minor,
            offer=offer,
            offer_areas={a.pk for a in offer.areas.all()},
        )
        if score >= 0:
            ranked.append((offer, score))
    ranked.sort(key=lambda pair: (-pair[1], pair[0].starts_on, pair[0].pk))
    return ranked[:limit]


def volunteers_suggested_for(*, centre: Centre, offer: Offer, limit: int = 20) -> list[tuple[Volunteer, int]]:
    """Volunteers who consented to be shown to hosts, ranked by fit for the offer; those already applied are
    left out."""
    today = warsaw_today()
    offer_areas = {a.pk for a in offer.areas.all()}
    applied = Application.objects.filter(offer=offer, status__in=["applied", "accepted"]).values(
        "volunteer_id"
    )
    ranked = []
    for volunteer in (
        Volunteer.objects.filter(centre=centre, visible_to_hosts=True, user__is_active=True)
        .exclude(pk__in=applied)
        .select_related("district")
        .prefetch_related("areas")
    ):
        score = rules.fit_score(
            volunteer_areas={a.pk for a in volunteer.areas.all()},
            volunteer_district=volunteer.district_id,
            volunteer_times=volunteer.availability(),
            minor=_is_minor(volunteer, centre, today),
            offer=offer,
            offer_areas=offer_areas,
        )
        if score > 0:
            ranked.append((volunteer, score))
    ranked.sort(key=lambda pair: (-pair[1], pair[0].full_name, pair[0].pk))
    return ranked[:limit]


def hosts_of(*, centre: Centre, user) -> list[Host]:
    """The hosts the person acts for: their organisations' and the public bodies naming them."""
    if not getattr(user, "is_authenticated", False):
        return []
    return list(
        Host.objects.filter(centre=centre)
        .filter(Q(organisation__memberships__user=user) | Q(managers=user))
        .select_related("organisation")
        .distinct()
        .order_by("name", "id")
    )


def host_get_for(*, centre: Centre, user, pk) -> Host:
    from .permissions import can_manage_host

    return get_for_centre_or_404(
        Host.objects.select_related("organisation"),
        centre=centre,
        pk=pk,
        visible=lambda h: can_manage_host(user, h),
    )


def public_bodies(*, centre: Centre) -> QuerySet[Host]:
    return Host.objects.filter(centre=centre, kind=HostKind.PUBLIC_BODY).order_by("name", "id")


def public_body_get(*, centre: Centre, pk: int) -> Host:
    """A public body recorded as a host, for staff (the view checks the role); 404 for any other host."""
    return get_for_centre_or_404(Host.objects.filter(kind=HostKind.PUBLIC_BODY), centre=centre, pk=pk)


def abroad_page_get(*, centre: Centre, pk: int) -> AbroadPage:
    return get_for_centre_or_404(AbroadPage.objects.all(), centre=centre, pk=pk)


def offers_of_hosts(*, centre: Centre, hosts: list[Host]) -> list[Offer]:
    return list(
        _offers(centre)
        .filter(host__in=hosts)
        .annotate(waiting=Count("applications", filter=Q(applications__status=ApplicationStatus.APPLIED)))
        .order_by("-created_at", "-id")
    )


def offers_to_moderate(*, centre: Centre) -> QuerySet[Offer]:
    return _offers(centre).filter(status=OfferStatus.SUBMITTED).order_by("submitted_at", "id")


def offers_for_desk(*, centre: Centre, status: str = "") -> QuerySet[Offer]:
    offers = _offers(centre).exclude(status=OfferStatus.DRAFT)
    if status:
        offers = offers.filter(status=status)
    return offers.order_by("-created_at", "-id")


def _applications(centre: Centre) -> QuerySet[Application]:
    return Application.objects.filter(centre=centre).select_related(
        "offer",
        "offer__host",
        "offer__host__organisation",
        "shift",
        "volunteer",
        "volunteer__user",
        "agreement",
    )


def applications_of_volunteer(*, centre: Centre, volunteer: Volunteer) -> list[Application]:
    return list(_applications(centre).filter(volunteer=volunteer).order_by("-created_at", "-id"))


def applications_for_offer(*, centre: Centre, offer: Offer) -> list[Application]:
    return list(_applications(centre).filter(offer=offer).order_by("status", "created_at", "id"))


def applications_to_decide(*, centre: Centre, hosts: list[Host]) -> list[Application]:
    return list(
        _applications(centre)
        .filter(offer__host__in=hosts, status=ApplicationStatus.APPLIED)
        .order_by("created_at", "id")
    )


def application_get_for(*, centre: Centre, user, pk) -> Application:
    return get_for_centre_or_404(
        _applications(centre), centre=centre, pk=pk, visible=lambda a: can_view_application(user, a)
    )


def _agreements(centre: Centre) -> QuerySet[Agreement]:
    return Agreement.objects.filter(centre=centre).select_related(
        "application",
        "application__volunteer",
        "application__volunteer__user",
        "application__offer",
        "application__offer__host",
        "application__offer__host__organisation",
    )


def agreement_get_for(*, centre: Centre, user, pk) -> Agreement:
    return get_for_centre_or_404(
        _agreements(centre), centre=centre, pk=pk, visible=lambda a: can_view_agreement(user, a)
    )


def agreements_of_volunteer(*, centre: Centre, volunteer: Volunteer) -> list[Agreement]:
    return list(_agreements(centre).filter(application__volunteer=volunteer).order_by("-starts_on", "-id"))


def hours_of(*, agreement: Agreement) -> list[HoursEntry]:
    return list(agreement.hours.select_related("decided_by").order_by("-day", "-id"))


def hours_to_confirm(*, centre: Centre, hosts: list[Host]) -> list[HoursEntry]:
    return list(
        HoursEntry.objects.filter(
            centre=centre, agreement__application__offer__host__in=hosts, status=HoursStatus.LOGGED
        )
        .select_related("agreement", "agreement__application__volunteer", "agreement__application__offer")
        .order_by("day", "id")
    )


def confirmed_hours(*, agreement: Agreement) -> Decimal:
    return agreement.hours.filter(status=HoursStatus.CONFIRMED).aggregate(s=Sum("hours"))["s"] or Decimal("0")


@dataclass(frozen=True)
class ContributionRow:
    volunteer: str
    offer: str
    hours: Decimal
    value: Decimal


def contribution_of(
    *, centre: Centre, host: Host, start: date, end: date, personal: bool
) -> tuple[list, Decimal, Decimal]:
    """Confirmed hours of the host's volunteers in [start, end] valued at the centre's hour value: the
    personal contribution (wkład osobowy) for grant offers and reports. Names only for the host's own use."""
    hour_value = centre_settings_cached(centre)["volunteers.hour_value"]
    rows = (
        HoursEntry.objects.filter(
            centre=centre,
            agreement__application__offer__host=host,
            status=HoursStatus.CONFIRMED,
            day__gte=start,
            day__lte=end,
        )
        .values("agreement__application__volunteer__full_name", "agreement__application__offer__title")
        .annotate(total=Sum("hours"))
        .order_by("agreement__application__volunteer__full_name", "agreement__application__offer__title")
    )
    result, total = [], Decimal("0")
    for index, row in enumerate(rows, start=1):
        total += row["total"]
        name = row["agreement__application__volunteer__full_name"] if personal else f"#{index}"
        result.append(
            ContributionRow(
                volunteer=name,
                offer=row["agreement__application__offer__title"],
                hours=row["total"],
                value=rules.contribution(row["total"], hour_value),
            )
        )
    return result, total, rules.contribution(total, hour_value)


def volunteers_for_desk(*, centre: Centre, user) -> QuerySet[Volunteer]:
    """The coordinator's list (personal data); other staff get only counts (see `statistics`)."""
    if not is_coordinator(user, centre):
        return Volunteer.objects.none()
    return (
        Volunteer.objects.filter(centre=centre).select_related("district", "user").order_by("full_name", "id")
    )


def statistics(*, centre: Centre, year: int) -> dict:
    """Counts for staff, no personal data: volunteers, offers, matches (accepted applications), confirmed hours
    by month and by field."""
    volunteers = Volunteer.objects.filter(centre=centre)
    offers = Offer.objects.filter(centre=centre).exclude(status=OfferStatus.DRAFT)
    accepted = Application.objects.filter(centre=centre, status=ApplicationStatus.ACCEPTED)
    hours = HoursEntry.objects.filter(centre=centre, status=HoursStatus.CONFIRMED, day__year=year)
    by_month = {
        row["month"].month if hasattr(row["month"], "month") else row["month"]: row["total"]
        for row in hours.annotate(month=TruncMonth("day")).values("month").annotate(total=Sum("hours"))
    }
    by_field: Counter = Counter()
    area_names = {}
    for row in hours.values(
        "agreement__application__offer__areas__code", "agreement__application__offer__areas__name"
    ).annotate(total=Sum("hours")):
        code = row["agreement__application__offer__areas__code"] or ""
        by_field[code] += row["total"]
        area_names[code] = row["agreement__application__offer__areas__name"] or ""
    status_counts = defaultdict(
        int, {r["status"]: r["n"] for r in offers.values("status").annotate(n=Count("id"))}
    )
    return {
        "year": year,
        "volunteers": volunteers.count(),
        "volunteers_visible": volunteers.filter(visible_to_hosts=True).count(),
        "offers": sum(status_counts.values()),
        "offers_published": status_counts[OfferStatus.PUBLISHED],
        "applications": Application.objects.filter(centre=centre).count(),
        "matches": accepted.count(),
        "agreements": Agreement.objects.filter(centre=centre).count(),
        "hours_total": sum(by_month.values(), Decimal("0")),
        "by_month": [(month, by_month.get(month, Decimal("0"))) for month in range(1, 13)],
        "by_field": sorted(
            ((code, area_names[code], total) for code, total in by_field.items()), key=lambda r: r[0]
        ),
    }


def abroad_pages(*, centre: Centre, user) -> QuerySet[AbroadPage]:
    pages = AbroadPage.objects.filter(centre=centre)
    if not can_work_in_centre(user, centre):
        pages = pages.filter(published=True)
    return pages.order_by("position", "id")


def abroad_page_get_for(*, centre: Centre, user, pk) -> AbroadPage:
    return get_for_centre_or_404(
        AbroadPage.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda p: p.published or can_work_in_centre(user, centre),
    )


def dashboard_counts(*, centre: Centre, user) -> dict:
    hosts = hosts_of(centre=centre, user=user)
    volunteer = volunteer_of(centre=centre, user=user)
    return {
        "volunteer": volunteer,
        "applications": Application.objects.filter(
            volunteer=volunteer, status__in=["applied", "accepted"]
        ).count()
        if volunteer
        else 0,
        "agreements": Agreement.objects.filter(application__volunteer=volunteer).count() if volunteer else 0,
        "hosts": hosts,
        "to_decide": Application.objects.filter(
            centre=centre, offer__host__in=hosts, status="applied"
        ).count()
        if hosts
        else 0,
        "to_confirm": HoursEntry.objects.filter(
            centre=centre, agreement__application__offer__host__in=hosts, status="logged"
        ).count()
        if hosts
        else 0,
    }


def takes_part(*, centre: Centre, user) -> bool:
    """Whether the person volunteers here or acts for a host (one query): "Moje konto" then shows their card."""
    if not getattr(user, "is_authenticated", False):
        return False
    volunteers = Volunteer.objects.filter(centre=centre, user=user)
    hosts = Host.objects.filter(centre=centre).filter(
        Q(organisation__memberships__user=user) | Q(managers=user)
    )
    return Centre.objects.filter(pk=centre.pk).filter(Q(Exists(volunteers)) | Q(Exists(hosts))).exists()


def contribution_figure(centre: Centre, organisation, start: date, end: date):
    """The organisation's volunteers' confirmed hours in [start, end], valued: the grants forms' suggestion
    for the personal contribution (centrum.core.indicators' contribution source)."""
    from django.urls import reverse
    from django.utils.http import urlencode
    from django.utils.translation import gettext_lazy

    from centrum.core.indicators import ContributionFigure

    host = Host.objects.filter(centre=centre, organisation=organisation).first()
    if host is None:
        return None
    _rows, hours, value = contribution_of(centre=centre, host=host, start=start, end=end, personal=False)
    query = urlencode({"start": start.isoformat(), "end": end.isoformat()})
    return ContributionFigure(
        label=gettext_lazy("Potwierdzone godziny wolontariuszy"),
        hours=hours,
        value=value,
        url=f"{reverse('volunteers:contribution', args=[host.pk])}?{query}",
    )


def own_organisation_get_for(*, centre: Centre, user, pk):
    """One of the organisations `user` acts for (the host an offer is made for); any other is a 404."""
    from centrum.organisations.models import Organisation
    from centrum.organisations.selectors import organisation_list_for_user

    return get_for_centre_or_404(
        Organisation.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda o: organisation_list_for_user(centre=centre, user=user).filter(pk=o.pk).exists(),
    )
