"""Reads of the address service. Every selector takes the centre; each loader is one 404 for missing,
another centre's and not-yours alike."""

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from centrum.accounts.models import Membership
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.models import Centre
from centrum.core.permissions import is_centre_staff
from centrum.core.selectors import get_for_centre_or_404
from centrum.organisations.models import Organisation
from centrum.organisations.sections import SupportDeadline, person_key_for

from .choices import IN_FORCE, AgreementStatus, KrsAddressCheck, MailStatus
from .models import AddressAgreement, AuthorisedPerson, MailItem
from .permissions import can_view_agreement, can_view_mail, can_view_organisation_mail

_AGREEMENT_RELATED = ("organisation", "requested_by", "centre")


# Agreements


def agreement_get_for(*, centre: Centre, user, pk) -> AddressAgreement:
    return get_for_centre_or_404(
        AddressAgreement.objects.select_related(*_AGREEMENT_RELATED),
        centre=centre,
        pk=pk,
        visible=lambda agreement: can_view_agreement(user, agreement),
    )


def agreement_register(*, centre: Centre, status: str = "") -> QuerySet[AddressAgreement]:
    """The staff register of agreements, optionally one state, the newest first."""
    rows = AddressAgreement.objects.filter(centre=centre).select_related("organisation")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-id")


def agreement_register_counts(*, centre: Centre) -> dict[str, int]:
    return dict(
        AddressAgreement.objects.filter(centre=centre)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )


def _my_organisation_ids(centre: Centre, user) -> QuerySet:
    return Membership.objects.filter(centre=centre, user=user).values("organisation_id")


def agreement_list_for_user(*, centre: Centre, user) -> QuerySet[AddressAgreement]:
    """Agreements the person asked for, and those of organisations they belong to."""
    if not getattr(user, "is_authenticated", False):
        return AddressAgreement.objects.none()
    return (
        AddressAgreement.objects.filter(centre=centre)
        .filter(Q(requested_by=user) | Q(organisation_id__in=_my_organisation_ids(centre, user)))
        .select_related("organisation")
        .order_by("-created_at", "-id")
    )


def public_registered_list(*, centre: Centre) -> QuerySet[AddressAgreement]:
    """Organisations at the centre's address today: agreements in force, by the organisation's name."""
    today = warsaw_today()
    return (
        AddressAgreement.objects.filter(
            centre=centre,
            status__in=IN_FORCE,
            organisation__isnull=False,
            starts_on__lte=today,
            organisation__status__in=("active", "suspended"),
        )
        .select_related("organisation")
        .order_by("organisation__name_sort", "organisation__name", "id")
    )


def transfer_candidates(*, centre: Centre, user, agreement: AddressAgreement) -> QuerySet[Organisation]:
    """Registry entries a founding group's agreement may pass to: staff pick any active or pending
    organisation; the founder those they registered or administer."""
    rows = Organisation.objects.filter(centre=centre, status__in=("active", "pending"))
    if not is_centre_staff(user, centre):
        rows = rows.filter(Q(submitted_by=user) | Q(pk__in=_my_organisation_ids(centre, user)))
    return rows.order_by("name", "id")


def organisations_user_admins(*, centre: Centre, user) -> QuerySet[Organisation]:
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    ids = Membership.objects.filter(centre=centre, user=user, role="admin").values("organisation_id")
    return Organisation.objects.filter(centre=centre, pk__in=ids, status="active").order_by("name", "id")


# Mail and authorised persons


def organisations_with_agreement_in_force(*, centre: Centre) -> QuerySet[Organisation]:
    """Organisations whose mail the centre accepts today (the mail form's choices)."""
    today = warsaw_today()
    ids = AddressAgreement.objects.filter(
        centre=centre, status__in=IN_FORCE, starts_on__lte=today, ends_on__gte=today
    ).values("organisation_id")
    return Organisation.objects.filter(centre=centre, pk__in=ids).order_by("name", "id")


def mail_get_for(*, centre: Centre, user, pk) -> MailItem:
    return get_for_centre_or_404(
        MailItem.objects.select_related("organisation", "collected_by", "handed_over_by", "centre"),
        centre=centre,
        pk=pk,
        visible=lambda mail: can_view_mail(user, mail),
    )


def mail_log(*, centre: Centre, status: str = "") -> QuerySet[MailItem]:
    rows = MailItem.objects.filter(centre=centre).select_related("organisation", "collected_by")
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-received_on", "-id")


def mail_for_organisation(*, centre: Centre, organisation) -> QuerySet[MailItem]:
    return (
        MailItem.objects.filter(centre=centre, organisation=organisation)
        .select_related("collected_by")
        .order_by("-received_on", "-id")
    )


def organisation_get_for_mail(*, centre: Centre, user, pk) -> Organisation:
    return get_for_centre_or_404(
        Organisation.objects.all(),
        centre=centre,
        pk=pk,
        visible=lambda org: can_view_organisation_mail(user, org),
    )


def authorised_persons(*, centre: Centre, organisation) -> QuerySet[AuthorisedPerson]:
    return AuthorisedPerson.objects.filter(centre=centre, organisation=organisation, is_active=True).order_by(
        "full_name", "id"
    )


def authorised_person_get(*, centre: Centre, organisation, pk) -> AuthorisedPerson:
    return get_for_centre_or_404(
        AuthorisedPerson.objects.filter(organisation=organisation, is_active=True).select_related(
            "organisation"
        ),
        centre=centre,
        pk=pk,
    )


# The staff dashboard, the organisation's support history, the statistics and the caretaker


def staff_dashboard_counts(*, centre: Centre, uncollected_days: int) -> dict[str, int]:
    """The staff card: requests to decide, agreements ending, KRS flags, mail waiting (two queries)."""
    overdue_since = warsaw_today() - timedelta(days=uncollected_days)
    agreements = AddressAgreement.objects.filter(centre=centre).aggregate(
        requested=Count("id", filter=Q(status=AgreementStatus.REQUESTED)),
        expiring=Count("id", filter=Q(status=AgreementStatus.EXPIRING)),
        krs_flagged=Count("id", filter=Q(krs_check=KrsAddressCheck.STILL_HERE)),
    )
    mail = MailItem.objects.filter(centre=centre, status=MailStatus.WAITING).aggregate(
        mail_waiting=Count("id"), mail_overdue=Count("id", filter=Q(received_on__lte=overdue_since))
    )
    return {**agreements, **mail}


def organisation_address_history(*, centre: Centre, organisation) -> dict:
    return {
        "agreements": list(
            AddressAgreement.objects.filter(centre=centre, organisation=organisation).order_by("-starts_on")[
                :10
            ]
        ),
        "mail_waiting": MailItem.objects.filter(
            centre=centre, organisation=organisation, status=MailStatus.WAITING
        ).count(),
        "organisation_id": organisation.pk,
    }


def agreement_reach(centre, start: date, end: date):
    """Organisations (and the people who asked) with an agreement in force at any time in [start, end]."""
    rows = (
        AddressAgreement.objects.filter(
            centre=centre,
            status__in=(*IN_FORCE, AgreementStatus.ENDED, AgreementStatus.TERMINATED),
            decided_at__isnull=False,
            starts_on__lte=end,
            ends_on__gte=start,
        )
        .values_list("requested_by_id", "contact_email", "organisation_id")
        .distinct()
    )
    return [
        (person_key_for(user_id=user_id, email=email), organisation_id)
        for user_id, email, organisation_id in rows
    ]


def address_deadlines(centre, organisation_ids, start: date, end: date):
    """Agreements ending and mail waiting past the centre's days, for the organisations' caretaker."""
    found = [
        SupportDeadline(
            organisation_id=organisation_id,
            due_on=ends_on,
            label=_("Koniec porozumienia o adresie nr %(number)s") % {"number": number},
            url=reverse("addresses:agreement_detail", args=[pk]),
        )
        for pk, organisation_id, ends_on, number in AddressAgreement.objects.filter(
            centre=centre,
            organisation_id__in=organisation_ids,
            status__in=IN_FORCE,
            ends_on__gte=start,
            ends_on__lte=end,
        ).values_list("pk", "organisation_id", "ends_on", "number")
    ]
    days = centre_setting(centre, "addresses.uncollected_days")
    for _pk, organisation_id, received_on in MailItem.objects.filter(
        centre=centre, organisation_id__in=organisation_ids, status=MailStatus.WAITING
    ).values_list("pk", "organisation_id", "received_on"):
        due = max(received_on + timedelta(days=days), start)
        if due <= end:
            found.append(
                SupportDeadline(
                    organisation_id=organisation_id,
                    due_on=due,
                    label=_("Nieodebrana przesyłka z %(date)s") % {"date": received_on.strftime("%d.%m.%Y")},
                    url=reverse("addresses:organisation_mail", args=[organisation_id]),
                )
            )
    return found
