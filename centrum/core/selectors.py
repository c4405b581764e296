from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .calendar import WARSAW, add_working_days, is_public_holiday
from .models import AuditEntry, Centre, CentreClosedDay, CentreHost


def centre_get_by_host(*, host: str) -> Centre | None:
    """Centre served on `host`: one query on the unique host index (every request asks), always current in
    every process, so a host moved or removed and a centre switched off take effect at once."""
    return Centre.objects.filter(hosts__host=host, is_active=True).first()


def centre_list_public(*, q: str = "") -> QuerySet[Centre]:
    """Active centres with their hosts (the platform's home page); `q` as in `centre_list_for_platform`."""
    return _centre_search(
        Centre.objects.filter(is_active=True).prefetch_related("hosts").order_by("name", "pk"), q
    )


def centres_marker() -> tuple:
    """A cheap mark of the state of every centre and host (one query): it changes whenever a centre is
    added, removed or saved (`updated_at`), or a host is added, removed or made primary."""
    from django.db.models import Count, Max, Sum

    marker = Centre.objects.aggregate(
        centres=Count("pk", distinct=True),
        changed=Max("updated_at"),
        host_count=Count("hosts"),
        last_host=Max("hosts__id"),
        primary=Sum("hosts__id", filter=Q(hosts__is_primary=True)),
    )
    return tuple(marker.values())


def centre_list_for_platform(*, q: str = "") -> QuerySet[Centre]:
    """Every centre, active or not, with its hosts (platform administration); `q` narrows by name,
    short name, local government or host."""
    return _centre_search(Centre.objects.prefetch_related("hosts").order_by("-is_active", "name", "pk"), q)


def _centre_search(centres: QuerySet[Centre], q: str) -> QuerySet[Centre]:
    q = q.strip()
    if not q:
        return centres
    return centres.filter(
        Q(name__icontains=q)
        | Q(short_name__icontains=q)
        | Q(municipality__icontains=q)
        | Q(slug__icontains=q)
        | Q(pk__in=CentreHost.objects.filter(host__icontains=q).values("centre_id"))
    )


def centre_get_fresh(*, centre: Centre) -> Centre:
    """`centre` as stored now, read afresh rather than the request's copy (the page that edits its profile)."""
    return Centre.objects.get(pk=centre.pk)


def centre_hosts(*, centre: Centre) -> list[str]:
    """Host names of `centre`, the primary one first."""
    return list(centre.hosts.order_by("-is_primary", "host").values_list("host", flat=True))


# --- closed days ------------------------------------------------------------------------------


def centre_closed_day_list(*, centre: Centre, since: date | None = None) -> QuerySet[CentreClosedDay]:
    days = CentreClosedDay.objects.filter(centre=centre)
    if since is not None:
        days = days.filter(date__gte=since)
    return days.order_by("date")


def centre_closed_days(centre: Centre, start: date, end: date) -> set[date]:
    """The centre's own closed days in [start, end] (public holidays are not included)."""
    return set(
        CentreClosedDay.objects.filter(centre=centre, date__gte=start, date__lte=end).values_list(
            "date", flat=True
        )
    )


def is_centre_open_day(centre: Centre, day: date) -> bool:
    """Whether the centre is open on `day`.

    Closed on Polish public holidays and on the centre's own closed days. On other days its opening
    hours decide (a centre may open on Saturdays); without opening hours, Monday to Friday.
    """
    if is_public_holiday(day) or day in centre_closed_days(centre, day, day):
        return False
    if centre.opening_hours:
        return any(int(entry.get("weekday", -1)) == day.weekday() for entry in centre.opening_hours)
    return day.weekday() < 5


def centre_add_working_days(centre: Centre, start: date, days: int) -> date:
    """`add_working_days` that also skips the centre's own closed days (deadlines counted by a centre)."""
    span = timedelta(days=abs(days) * 3 + 31)
    low, high = (start, start + span) if days >= 0 else (start - span, start)
    return add_working_days(start, days, extra_closed=frozenset(centre_closed_days(centre, low, high)))


# --- audit log --------------------------------------------------------------------------------


def audit_list_for_object(*, centre: Centre | None, obj: Model) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(
            centre=centre,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
    )


def audit_list_for_centre(
    *,
    centre: Centre,
    content_type_id: int | None = None,
    action: str = "",
    actor: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEntry]:
    """The centre's audit entries, newest first, narrowed by the given filters (dates in Europe/Warsaw)."""
    entries = AuditEntry.objects.filter(centre=centre)
    if content_type_id:
        entries = entries.filter(content_type_id=content_type_id)
    if action:
        entries = entries.filter(action__startswith=action)
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if date_from:
        entries = entries.filter(created_at__gte=datetime.combine(date_from, time.min, tzinfo=WARSAW))
    if date_to:
        entries = entries.filter(
            created_at__lt=datetime.combine(date_to + timedelta(days=1), time.min, tzinfo=WARSAW)
        )
    return entries.select_related("actor", "content_type").order_by("-created_at", "-id")


def audit_list_for_object_id(*, centre: Centre, content_type_id: int, object_id: str) -> QuerySet[AuditEntry]:
    """History of one object of the centre by its content type and id; 404 when the centre has none."""
    entries = (
        AuditEntry.objects.filter(centre=centre, content_type_id=content_type_id, object_id=object_id)
        .select_related("actor", "content_type")
        .order_by("-created_at", "-id")
    )
    if not entries.exists():
        raise Http404
    return entries


def audit_content_types_for_centre(*, centre: Centre) -> list[ContentType]:
    """The kinds of objects that appear in the centre's audit log, for the filter."""
    ids = (
        AuditEntry.objects.filter(centre=centre)
        .order_by()
        .values_list("content_type_id", flat=True)
        .distinct()
    )
    return sorted(
        ContentType.objects.filter(id__in=ids),
        key=lambda ct: str(ct.model_class()._meta.verbose_name if ct.model_class() else ct.model),
    )


def audit_actions_for_centre(*, centre: Centre) -> list[str]:
    return list(
        AuditEntry.objects.filter(centre=centre)
        .order_by("action")
        .values_list("action", flat=True)
        .distinct()
    )


def get_for_centre_or_404(queryset: QuerySet, *, centre: Centre, pk, visible=None) -> Model:
    """The one way an id from a request becomes an object: `queryset`'s row `pk` of `centre`.

    One disclosure policy, as Zulip's `access_stream_by_id`: a missing id, another centre's id, a
    malformed id and a row `visible(obj)` refuses are the same 404, so an id tells nothing about
    rows the user may not see. A 403 is left to actions on a row the user may see.
    """
    try:
        obj = queryset.filter(centre=centre, pk=pk).first()
    except (TypeError, ValueError):
        obj = None
    if obj is None or (visible is not None and not visible(obj)):
        raise Http404
    return obj
