"""Reads about people: roles in a centre, memberships, invitations, API tokens. Always scoped to a centre."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from centrum.core.models import Centre
from centrum.organisations.models import Organisation

from .models import (
    ApiToken,
    CentreRole,
    CentreRoleInvitation,
    CentreRoleKind,
    InvitationStatus,
    Membership,
    MembershipInvitation,
    MembershipRole,
)

ACTIVE_ORGANISATION_SESSION_KEY = "active_organisation_id"
_REQUEST_CACHE = "_active_organisation"


def active_organisation_for(request: HttpRequest) -> Organisation | None:
    """The organisation the signed-in person acts for now, in `request.centre`, or None.

    It is the one chosen on the account page (kept in the session) while the person is still its
    member; otherwise their first organisation in this centre by name. Never another centre's
    organisation and never one the person does not belong to.
    """
    if hasattr(request, _REQUEST_CACHE):
        return getattr(request, _REQUEST_CACHE)
    organisation = None
    centre = getattr(request, "centre", None)
    user = getattr(request, "user", None)
    if centre is not None and getattr(user, "is_authenticated", False) and user.is_active:
        mine = Organisation.objects.filter(centre=centre, memberships__user=user)
        chosen = getattr(request, "session", {}).get(ACTIVE_ORGANISATION_SESSION_KEY)
        if isinstance(chosen, int):
            organisation = mine.filter(pk=chosen).first()
        if organisation is None:
            organisation = mine.order_by("name", "id").first()
    setattr(request, _REQUEST_CACHE, organisation)
    return organisation


def membership_list_for_user(*, centre: Centre, user) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(centre=centre, user=user)
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id")
    )


def membership_get(*, organisation: Organisation, pk: int) -> Membership:
    membership = (
        Membership.objects.filter(centre=organisation.centre, organisation=organisation, pk=pk)
        .select_related("user", "organisation")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def organisation_member_list(*, organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(centre=organisation.centre, organisation=organisation)
        .select_related("user")
        .order_by("role", "user__full_name", "user__email")
    )


def membership_invitation_list_pending(*, organisation: Organisation) -> QuerySet[MembershipInvitation]:
    return (
        MembershipInvitation.objects.filter(
            centre=organisation.centre, organisation=organisation, status=InvitationStatus.PENDING
        )
        .select_related("invited_by")
        .order_by("email")
    )


def membership_invitation_get(*, organisation: Organisation, pk: int) -> MembershipInvitation:
    invitation = MembershipInvitation.objects.filter(
        centre=organisation.centre, organisation=organisation, pk=pk
    ).first()
    if invitation is None:
        raise Http404
    return invitation


def membership_invitation_get_by_token(*, centre: Centre, token: str) -> MembershipInvitation:
    """An invitation of this centre by its token; another centre's token is a 404."""
    invitation = (
        MembershipInvitation.objects.filter(centre=centre, token=token)
        .select_related("organisation", "invited_by")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def membership_invitation_list_for_user(*, centre: Centre, user) -> list[MembershipInvitation]:
    """Pending, unexpired invitations of `centre` addressed to one of the person's verified e-mails."""
    from django.utils import timezone

    emails = verified_emails(user)
    if not emails:
        return []
    pending = (
        MembershipInvitation.objects.filter(
            centre=centre, status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        )
        .select_related("organisation")
        .order_by("organisation__name")
    )
    return [invitation for invitation in pending if invitation.email.lower() in emails]


def verified_emails(user) -> set[str]:
    """The person's verified e-mail addresses, lower-cased."""
    from allauth.account.models import EmailAddress

    if not getattr(user, "is_authenticated", False):
        return set()
    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    }


@dataclass
class TeamMember:
    user: object
    roles: list[CentreRole] = field(default_factory=list)


def centre_team_list(*, centre: Centre) -> list[TeamMember]:
    """People with a role in `centre`, each with their roles, ordered by name."""
    team: dict[int, TeamMember] = {}
    order = {kind.value: index for index, kind in enumerate(CentreRoleKind)}
    roles = CentreRole.objects.filter(centre=centre).select_related("user")
    for role in sorted(roles, key=lambda r: order.get(r.role, 99)):
        team.setdefault(role.user_id, TeamMember(user=role.user)).roles.append(role)
    return sorted(team.values(), key=lambda m: ((m.user.full_name or m.user.email).lower(), m.user.pk))


def centre_role_holders(*, centre: Centre, role: str) -> QuerySet[CentreRole]:
    """The `role` rows of `centre` with their people, by e-mail (the platform administration lists staff)."""
    return CentreRole.objects.filter(centre=centre, role=role).select_related("user").order_by("user__email")


def centre_staff_list(*, centre: Centre) -> QuerySet[CentreRole]:
    """Staff roles of `centre` with their people, by e-mail."""
    return centre_role_holders(centre=centre, role=CentreRoleKind.STAFF)


def centre_staff_emails(*, centre: Centre) -> list[str]:
    """E-mail addresses of the centre's active staff, each once, sorted: recipients of staff notices."""
    return sorted(
        set(
            CentreRole.objects.filter(
                centre=centre, role=CentreRoleKind.STAFF, user__is_active=True
            ).values_list("user__email", flat=True)
        )
    )


def organisation_admin_emails(*, organisation: Organisation) -> list[str]:
    """E-mail addresses of the organisation's administrators (its members with the admin role), sorted."""
    return sorted(
        set(
            Membership.objects.filter(
                centre_id=organisation.centre_id,
                organisation=organisation,
                role=MembershipRole.ADMIN,
            ).values_list("user__email", flat=True)
        )
    )


def centre_role_get(*, centre: Centre, pk: int) -> CentreRole:
    role = CentreRole.objects.filter(centre=centre, pk=pk).select_related("user").first()
    if role is None:
        raise Http404
    return role


def centre_role_invitation_list_pending(*, centre: Centre) -> QuerySet[CentreRoleInvitation]:
    return (
        CentreRoleInvitation.objects.filter(centre=centre, status=InvitationStatus.PENDING)
        .select_related("invited_by")
        .order_by("email", "role")
    )


def centre_role_invitation_get(*, centre: Centre, pk: int) -> CentreRoleInvitation:
    invitation = CentreRoleInvitation.objects.filter(centre=centre, pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


def api_token_list_for(*, centre: Centre, user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(centre=centre, user=user).order_by("revoked_at", "-created_at")


def api_token_get(*, centre: Centre, user, pk: int) -> ApiToken:
    """One of the person's own tokens in this centre, or 404."""
    token = ApiToken.objects.filter(centre=centre, user=user, pk=pk).first()
    if token is None:
        raise Http404
    return token


def active_users_by_email(emails: list[str]) -> tuple[list, set[str]]:
    """The active accounts with these addresses (any case), and the addresses no active account has."""
    from django.contrib.auth import get_user_model

    wanted = {email.lower() for email in emails if email}
    found = list(get_user_model().objects.filter(email__in=emails, is_active=True))
    return found, wanted - {user.email.lower() for user in found}


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
