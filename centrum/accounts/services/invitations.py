"""Invitations: to act for an organisation (sent, revoked, accepted) and to a centre's team (revoked,
accepted once the invited address is verified)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.core.links import centre_url
from centrum.core.outbox import outbox_enqueue
from centrum.organisations.permissions import can_manage_members

from ..models import (
    CentreRole,
    CentreRoleInvitation,
    InvitationStatus,
    Membership,
    MembershipInvitation,
    MembershipRole,
)
from ..permissions import can_manage_centre_team
from ..selectors import verified_emails
from ._common import check_role, clean_email, invitation_close, invitation_expiry
from .membership import membership_add
from .roles import centre_role_add


@transaction.atomic
def membership_invite(
    *,
    organisation,
    email: str,
    role: str = MembershipRole.MEMBER,
    actor,
) -> MembershipInvitation:
    """Invite an e-mail to act for `organisation`; the link in the mail lets its owner accept."""
    if not can_manage_members(actor, organisation):
        raise ApplicationError(_("Nie możesz zapraszać osób do tej organizacji."))
    email = clean_email(email)
    check_role(role, MembershipRole)
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ApplicationError(_("Ta osoba już działa w imieniu organizacji."), field="email")
    pending = MembershipInvitation.objects.select_for_update().filter(
        organisation=organisation, email__iexact=email, status=InvitationStatus.PENDING
    )
    for old in pending:
        if not old.is_expired:
            raise ApplicationError(
                _("Zaproszenie na ten adres już czeka na przyjęcie. Cofnij je, aby wysłać nowe."),
                field="email",
            )
        invitation_close(old, status=InvitationStatus.REVOKED, actor=actor, reason=_("Wygasło."))
    invitation = MembershipInvitation(
        centre=organisation.centre,
        organisation=organisation,
        email=email,
        role=role,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=invitation_expiry(organisation.centre),
    )
    invitation.full_clean(exclude=["invited_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise ApplicationError(_("Zaproszenie na ten adres już czeka na przyjęcie."), field="email")
    audit_log(
        actor=actor,
        obj=invitation,
        action="membership_invitation.created",
        old=None,
        new={"email": email, "organisation": organisation.pk, "role": role},
    )
    path = reverse(
        "accounts:invitation_accept", kwargs={"token": invitation.token}, urlconf=settings.ROOT_URLCONF
    )
    outbox_enqueue(
        centre=organisation.centre,
        to=email,
        template="accounts/emails/membership_invited_to_invitee",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "inviter": actor,
            "accept_url": centre_url(organisation.centre, path),
        },
    )
    return invitation


def _pending_invitation_revoke(invitation, *, actor):
    """Either kind of invitation, once its revoker may manage it: locked, still pending, closed as revoked."""
    current = type(invitation).objects.select_for_update().get(pk=invitation.pk)
    if current.status != InvitationStatus.PENDING:
        raise ApplicationError(_("To zaproszenie zostało już przyjęte albo cofnięte."))
    invitation_close(current, status=InvitationStatus.REVOKED, actor=actor)
    return current


@transaction.atomic
def membership_invitation_revoke(*, invitation: MembershipInvitation, actor) -> MembershipInvitation:
    if not can_manage_members(actor, invitation.organisation):
        raise ApplicationError(_("Nie możesz cofać zaproszeń tej organizacji."))
    return _pending_invitation_revoke(invitation, actor=actor)


@transaction.atomic
def membership_invitation_accept(*, invitation: MembershipInvitation, user) -> Membership:
    """The invited person joins the organisation; the signed-in account must own the invited e-mail."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise ApplicationError(_("Zaloguj się, aby przyjąć zaproszenie."))
    current = (
        MembershipInvitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )
    if current.status == InvitationStatus.ACCEPTED:
        raise ApplicationError(_("To zaproszenie zostało już przyjęte."))
    if current.status == InvitationStatus.REVOKED:
        raise ApplicationError(_("To zaproszenie zostało cofnięte. Poproś organizację o nowe."))
    if current.is_expired:
        raise ApplicationError(_("To zaproszenie wygasło. Poproś organizację o nowe."))
    if current.email.lower() not in verified_emails(user):
        raise ApplicationError(
            _(
                "Zaproszenie wysłano na adres %(email)s. Zaloguj się na konto z tym adresem "
                "albo dodaj i potwierdź ten adres w ustawieniach konta."
            )
            % {"email": current.email}
        )
    existing = Membership.objects.filter(organisation=current.organisation, user=user).first()
    # Accepting never lowers a role the person already has.
    role = MembershipRole.ADMIN if existing and existing.role == MembershipRole.ADMIN else current.role
    membership = membership_add(
        organisation=current.organisation,
        user=user,
        role=role,
        actor=user,
        reason=_("Przyjęte zaproszenie."),
    )
    invitation_close(current, status=InvitationStatus.ACCEPTED, actor=user)
    return membership


@transaction.atomic
def centre_role_invitation_revoke(*, invitation: CentreRoleInvitation, actor) -> CentreRoleInvitation:
    if not can_manage_centre_team(actor, invitation.centre):
        raise ApplicationError(_("Tylko pracownik centrum może cofać zaproszenia do zespołu."))
    return _pending_invitation_revoke(invitation, actor=actor)


@transaction.atomic
def centre_role_invitations_accept_for_email(*, user, email: str) -> list[CentreRole]:
    """Grant the roles offered to `email` now that `user` has verified it (in any centre)."""
    granted = []
    pending = CentreRoleInvitation.objects.select_for_update().filter(
        email__iexact=(email or "").strip(), status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
    )
    for invitation in pending.select_related("centre"):
        granted.append(
            centre_role_add(
                centre=invitation.centre,
                user=user,
                role=invitation.role,
                actor=user,
                reason=_("Zaproszenie do zespołu centrum przyjęte po potwierdzeniu adresu e-mail."),
            )
        )
        invitation_close(invitation, status=InvitationStatus.ACCEPTED, actor=user)
    return granted
